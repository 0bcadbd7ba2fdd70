"""Admin reports: plain text in <pre> messages that Telegram accepts, however long."""

from __future__ import annotations

from html import unescape

from celacbot.bot.admin import report_messages
from celacbot.bot.formatting import utf16_len

LIMIT = 4096


def contents(messages: list[str]) -> list[str]:
    """The plain text inside each message's <pre>."""
    assert all(text.startswith("<pre>") and text.endswith("</pre>") for text in messages)
    return [unescape(text.removeprefix("<pre>").removesuffix("</pre>")) for text in messages]


def test_a_short_report_is_one_escaped_pre_block() -> None:
    lines = ['05-01 10:00 declined "<b>what & why</b>"', "second line"]

    assert report_messages(lines) == [
        '<pre>05-01 10:00 declined "&lt;b&gt;what &amp; why&lt;/b&gt;"\nsecond line</pre>'
    ]


def test_a_long_report_is_split_between_lines_into_messages_that_fit() -> None:
    lines = [f"{number:02} " + "&" * 300 for number in range(50)]

    messages = report_messages(lines)

    assert len(messages) > 1
    assert all(utf16_len(text) <= LIMIT for text in messages)
    assert "\n".join(contents(messages)).splitlines() == lines


def test_a_line_longer_than_a_message_is_cut_to_fit() -> None:
    line = " ".join(["word"] * 2000)

    messages = report_messages([line])

    assert all(utf16_len(text) <= LIMIT for text in messages)
    assert " ".join(contents(messages)) == line
