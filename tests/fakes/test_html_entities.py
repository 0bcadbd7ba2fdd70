"""Telegram's HTML parse mode as the fake server applies it."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fakes.html_entities import EntityParseError, parse_html, utf16_length


def test_offsets_and_lengths_count_utf16_units() -> None:
    text, entities = parse_html("🇨🇳 <b>China</b> y <i>CELAC 😀</i>")

    assert text == "🇨🇳 China y CELAC 😀"
    assert entities == [
        {"type": "bold", "offset": 5, "length": 5},
        {"type": "italic", "offset": 13, "length": 8},
    ]


def test_nested_tags_and_aliases() -> None:
    assert parse_html("<STRONG>a<em>b</em></STRONG><ins>c</ins><del>d</del>") == (
        "abcd",
        [
            {"type": "bold", "offset": 0, "length": 2},
            {"type": "italic", "offset": 1, "length": 1},
            {"type": "underline", "offset": 2, "length": 1},
            {"type": "strikethrough", "offset": 3, "length": 1},
        ],
    )


def test_pre_takes_the_language_of_its_code_and_lone_code_has_none() -> None:
    assert parse_html('<pre><code class="language-python">x = 1</code></pre>') == (
        "x = 1",
        [{"type": "pre", "language": "python", "offset": 0, "length": 5}],
    )
    assert parse_html('<code class="language-python">x</code>') == (
        "x",
        [{"type": "code", "offset": 0, "length": 1}],
    )


def test_links_spoilers_quotes_and_custom_emoji() -> None:
    text, entities = parse_html(
        "<a href='https://x.org/?a=1&amp;b=2'>link</a> <span class=\"tg-spoiler\">s</span> "
        "<tg-spoiler>t</tg-spoiler> <blockquote expandable>q</blockquote> "
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )

    assert text == "link s t q 👍"
    assert [entity["type"] for entity in entities] == [
        "text_link",
        "spoiler",
        "spoiler",
        "expandable_blockquote",
        "custom_emoji",
    ]
    assert entities[0]["url"] == "https://x.org/?a=1&b=2"


def test_entities_decode_to_characters() -> None:
    assert parse_html("&lt;&gt;&amp;&quot;&#65;&#x1F600;") == ('<>&"A😀', [])


def test_surrounding_whitespace_is_trimmed_and_entities_clipped() -> None:
    assert parse_html("\n <b>  Lima </b>\n") == (
        "Lima",
        [{"type": "bold", "offset": 0, "length": 4}],
    )


@pytest.mark.parametrize(
    ("markup", "error"),
    [
        ("é<x>", 'Unsupported start tag "x" at byte offset 2'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("a <", "Unclosed start tag at byte offset 2"),
        ("R&D", 'Character "&" must be escaped'),
        ("&nbsp;", 'Character "&" must be escaped'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
        ('<a href="x>y</a>', "Unclosed end of an attribute value"),
    ],
)
def test_malformed_markup_is_rejected(markup: str, error: str) -> None:
    with pytest.raises(EntityParseError, match=re.escape(error)):
        parse_html(markup)


@given(st.text())
def test_escaped_text_comes_back_unchanged(text: str) -> None:
    framed = f"[{text}]"  # brackets keep the trimming of surrounding whitespace out of the way

    assert parse_html(html.escape(framed)) == (framed, [])


def test_utf16_length_counts_astral_characters_twice() -> None:
    assert [utf16_length(text) for text in ("é", "😀", "🇨🇳", "a\n")] == [1, 2, 4, 2]
