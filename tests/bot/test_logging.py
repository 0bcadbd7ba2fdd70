"""The bot token never reaches a log line, at any level, even in tracebacks."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from celacbot.bot.logging import TokenRedactingFilter, configure_logging
from celacbot.bot.runner import running
from tests.bot.conftest import MakeSettings
from tests.fakes.bot_api import TEST_TOKEN, FakeBotAPI


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Undo configure_logging's changes to the root logger, its handlers and httpx."""
    root = logging.getLogger()
    names = ("httpx", "httpcore")
    levels = (root.level, *(logging.getLogger(name).level for name in names))
    filters = {handler: list(handler.filters) for handler in root.handlers}
    yield
    root.setLevel(levels[0])
    for name, level in zip(names, levels[1:], strict=True):
        logging.getLogger(name).setLevel(level)
    for handler, kept in filters.items():
        handler.filters[:] = kept


def test_filter_redacts_messages_arguments_and_tracebacks() -> None:
    redacting = TokenRedactingFilter(["s3cret-value"])
    bare_token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq"
    try:
        raise RuntimeError(f"GET https://api.telegram.org/bot{TEST_TOKEN}/getMe")
    except RuntimeError as error:
        record = logging.LogRecord(
            "test",
            logging.INFO,
            __file__,
            1,
            "%s and %s and %s",
            (bare_token, "s3cret-value", TEST_TOKEN),
            (RuntimeError, error, error.__traceback__),
        )

    assert redacting.filter(record)

    assert record.getMessage() == "<redacted> and <redacted> and <redacted>"
    assert record.exc_text is not None
    assert TEST_TOKEN not in record.exc_text
    assert "https://api.telegram.org/bot<redacted>/getMe" in record.exc_text


def test_configure_logging_quiets_httpx(restore_logging: None) -> None:
    configure_logging("DEBUG", [TEST_TOKEN])

    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("httpcore").getEffectiveLevel() == logging.WARNING


async def test_token_is_redacted_from_a_debug_polling_run_with_network_errors(
    fake_bot_api: FakeBotAPI,
    make_settings: MakeSettings,
    caplog: pytest.LogCaptureFixture,
    restore_logging: None,
) -> None:
    configure_logging("DEBUG", [TEST_TOKEN])
    # Even with httpx at DEBUG, where it logs every URL, the token must not show.
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="httpx")
    caplog.set_level(logging.DEBUG, logger="httpcore")

    async with running(make_settings()):
        fake_bot_api.inject_fault("getUpdates", status=502)
        fake_bot_api.inject_fault("sendMessage", status=500)
        await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"), timeout=10)
        await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))

    logged = caplog.text + "".join(
        f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )
    assert "bot<redacted>/getUpdates" in logged
    assert "Internal Server Error" in logged
    assert TEST_TOKEN not in logged
    assert TEST_TOKEN.split(":")[1] not in logged
