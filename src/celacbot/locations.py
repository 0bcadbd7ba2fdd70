"""Where celacbot reads its knowledge and writes its data by default, checkout or installed.

The contract (CELACBOT_KNOWLEDGE and CELACBOT_DATA_DIR override both defaults, in config.py):

- In a source checkout (this package sits in `src/` next to `pyproject.toml` and
  `knowledge/faq.yaml`, as with `make install`'s editable install), the defaults are the
  checkout's `knowledge/faq.yaml`, so maintainers' edits show at once, and its git-ignored
  `data/`.
- Installed from a wheel (pip, pipx, a container image), the knowledge is the copy of
  `faq.yaml` shipped inside the package, and the data directory is the platform's user data
  directory for "celacbot" (`~/.local/share/celacbot` on Linux, or `$XDG_DATA_HOME/celacbot`).

These functions only compute paths: nothing is created or read here. The question log creates
its directory, privately, when it first writes (celacbot.misslog.store). Cheap to import: no
telegram, no pydantic.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "celacbot"
KNOWLEDGE_FILE = "faq.yaml"
# The package folder the wheel carries the knowledge files in (see pyproject.toml).
SHIPPED_DIR = "shipped"


def checkout_root() -> Path | None:
    """The root of the source checkout this code runs from, or None when it is installed."""
    package = Path(__file__).resolve().parent
    root = package.parent.parent
    is_checkout = (
        package.parent.name == "src"
        and (root / "pyproject.toml").is_file()
        and (root / "knowledge" / KNOWLEDGE_FILE).is_file()
    )
    return root if is_checkout else None


def shipped_knowledge() -> Path:
    """The faq.yaml installed with the package."""
    resource = resources.files("celacbot").joinpath(SHIPPED_DIR).joinpath(KNOWLEDGE_FILE)
    if not isinstance(resource, Path):
        # Hot reload polls the file and errors name it: a package imported from a zip archive
        # has no such file to offer.
        raise RuntimeError(f"{resource} is not a file on disk; set CELACBOT_KNOWLEDGE")
    return resource


def default_knowledge() -> Path:
    """The knowledge file used when CELACBOT_KNOWLEDGE is unset."""
    root = checkout_root()
    return shipped_knowledge() if root is None else root / "knowledge" / KNOWLEDGE_FILE


def default_data_dir() -> Path:
    """The directory for the question log when CELACBOT_DATA_DIR is unset."""
    root = checkout_root()
    if root is None:
        return platformdirs.user_data_path(APP_NAME, appauthor=False)
    return root / "data"
