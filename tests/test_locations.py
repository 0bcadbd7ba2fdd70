"""Default locations: the checkout's files in a checkout, the package's and the user's otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from celacbot import locations
from celacbot.config import Settings
from tests.checkout import KNOWLEDGE, ROOT


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Locations as an installed package sees them, with the user's data home in tmp_path."""
    monkeypatch.setattr(locations, "checkout_root", lambda: None)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    for name in ("CELACBOT_KNOWLEDGE", "CELACBOT_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_in_a_checkout_the_defaults_are_its_knowledge_file_and_data_folder() -> None:
    assert locations.checkout_root() == ROOT
    assert locations.default_knowledge() == KNOWLEDGE
    assert locations.default_data_dir() == ROOT / "data"


def test_the_package_carries_the_maintainers_knowledge_file() -> None:
    shipped = locations.shipped_knowledge()

    assert shipped.parent.parent == Path(locations.__file__).parent
    assert shipped.read_bytes() == KNOWLEDGE.read_bytes()


def test_installed_the_defaults_are_the_shipped_file_and_the_user_data_directory(
    installed: Path,
) -> None:
    settings = Settings(_env_file=None)

    assert settings.knowledge == locations.shipped_knowledge()
    assert settings.data_dir == installed / "celacbot"
    assert not settings.data_dir.exists()


def test_the_environment_overrides_both_defaults(
    installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CELACBOT_KNOWLEDGE", "/srv/faq.yaml")
    monkeypatch.setenv("CELACBOT_DATA_DIR", "/var/lib/bot")

    settings = Settings(_env_file=None)

    assert (settings.knowledge, settings.data_dir) == (Path("/srv/faq.yaml"), Path("/var/lib/bot"))
