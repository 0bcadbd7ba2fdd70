"""Telegram HTML: escaping, and messages cut at paragraph boundaries within 4096 UTF-16 units."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from celacbot.bot.formatting import (
    blocks,
    byline,
    pack,
    short_text,
    utf16_len,
    with_source,
    without_source,
)
from celacbot.knowledge.models import Source


def test_everything_from_the_knowledge_file_is_escaped() -> None:
    assert blocks("Tom & Jerry <b>bold</b>\n\nsecond") == [
        "Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;",
        "second",
    ]


def test_paragraphs_fill_messages_and_are_never_split() -> None:
    paragraphs = [f"{index} " + "word " * 300 for index in range(10)]

    messages = pack(blocks("\n\n".join(paragraphs)))

    assert [len(message.split("\n\n")) for message in messages] == [2, 2, 2, 2, 2]
    assert "\n\n".join(messages) == "\n\n".join(paragraph.strip() for paragraph in paragraphs)


def test_limit_counts_utf16_units_not_characters() -> None:
    paragraph = "🌎" * 1500  # 1,500 characters but 3,000 UTF-16 units

    messages = pack(blocks(f"{paragraph}\n\n{paragraph}"))

    assert messages == [paragraph, paragraph]


def test_a_paragraph_longer_than_a_message_is_cut_at_spaces_inside_its_tag() -> None:
    paragraph = " ".join(f"w{index}" for index in range(2000))

    pieces = blocks(paragraph, tag="blockquote")

    assert len(pieces) == 3
    assert all(piece.startswith("<blockquote>w") for piece in pieces)
    assert all(piece.endswith("</blockquote>") and utf16_len(piece) <= 4096 for piece in pieces)
    words = " ".join(
        piece.removeprefix("<blockquote>").removesuffix("</blockquote>") for piece in pieces
    )
    assert words == paragraph


def test_short_text_cuts_at_a_word_with_an_ellipsis() -> None:
    assert short_text("China has helped launch satellites", 20) == "China has helped…"
    assert short_text("  short\n text ", 20) == "short text"


@given(st.text(alphabet=st.sampled_from("a &<>🌎\n"), max_size=12_000), st.integers(20, 5000))
def test_every_message_fits_and_no_text_is_lost(text: str, limit: int) -> None:
    messages = pack(blocks(text, tag="i", limit=limit), limit=limit)

    assert all(utf16_len(message) <= limit for message in messages)
    unescaped = html.unescape(" ".join(messages).replace("<i>", "").replace("</i>", ""))
    # Only words longer than a whole message are cut inside; no character is lost or moved.
    assert "".join(unescaped.split()) == "".join(text.split())


ARTICLE = Source(title="Tom & Jerry's <story>", author="A tester", file="article.txt")


def test_source_is_added_under_a_short_byline_and_taken_out_again() -> None:
    message = "<b>What is CBERS?</b>\n\nA satellite program."

    shown = with_source(message, ["six satellites", "R&D"], ARTICLE, "es")

    assert shown == (
        f"{message}\n\n📄 De <i>Tom &amp; Jerry's &lt;story&gt;</i>:\n\n"
        "<blockquote>six satellites</blockquote>\n\n<blockquote>R&amp;D</blockquote>"
    )
    assert shown is not None
    assert without_source(shown) == message
    # Shown twice (a double press) the quotes are still there once.
    assert with_source(shown, ["six satellites", "R&D"], ARTICLE, "es") == shown


def test_the_byline_links_the_article_when_its_address_is_known() -> None:
    linked = Source(title="A & B", author="A tester", file="a.txt", url="https://x.org/a?b=1&c=2")

    assert byline(linked, "en") == (
        '📄 From <i><a href="https://x.org/a?b=1&amp;c=2">A &amp; B</a></i>:'
    )


def test_quotes_that_do_not_fit_the_message_are_not_added() -> None:
    message = "x" * 4000

    assert with_source(message, ["a quote " * 20], ARTICLE, "en") is None
    assert with_source(message, ["short"], ARTICLE, "en") is not None


def test_a_message_without_quotes_is_left_as_it_is() -> None:
    assert without_source("An answer.\n\nNo quotes here.") == "An answer.\n\nNo quotes here."
