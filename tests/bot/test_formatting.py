"""Telegram HTML: escaping, and messages cut at paragraph boundaries within 4096 UTF-16 units."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from celacbot.bot.formatting import blocks, pack, short_text, utf16_len


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
