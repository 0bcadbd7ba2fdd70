"""One version: the code's, the package metadata's and `celacbot --version` agree."""

from __future__ import annotations

from importlib.metadata import version

import pytest

from celacbot import __version__
from celacbot.cli import main


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])

    assert exited.value.code == 0
    assert capsys.readouterr().out == f"celacbot {__version__}\n"
    assert version("celacbot") == __version__
