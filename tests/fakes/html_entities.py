"""Telegram's `parse_mode=HTML`: markup -> (plain text, message entities), as strict as its docs.

Mirrors the Bot API server (tdlib's parse_html): supported tags only, tag names
case-insensitive, attributes quoted or bare, errors quoting UTF-8 byte offsets, entity
offsets and lengths in UTF-16 code units, leading and trailing whitespace trimmed.
One deliberate difference: tdlib keeps a bare `&` that starts no entity as text, but the
Bot API docs require escaping every `&`, so this parser rejects it, like a bare `<`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Tag -> entity type; `span` and `a` and `tg-emoji` are special-cased on their attributes.
SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "code": "code",
    "pre": "pre",
    "tg-spoiler": "spoiler",
    "blockquote": "blockquote",
}
SUPPORTED_TAGS = frozenset({*SIMPLE_TAGS, "a", "span", "tg-emoji"})
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

_TAG_NAME = re.compile(r"[A-Za-z0-9-]*")
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z0-9_-]+")
_ENTITY = re.compile(r"&(?:#(?:[xX]([0-9A-Fa-f]{1,6})|([0-9]{1,7}))|([A-Za-z]+));")
_WHITESPACE = " \t\n\r\x0b\x0c\u00a0\u2028\u2029\u200b\ufeff"
MAX_CODE_POINT = 0x10FFFF


class EntityParseError(ValueError):
    """The markup does not parse; `str(error)` is Telegram's text after "can't parse entities: "."""


def utf16_length(text: str) -> int:
    """Length of `text` in UTF-16 code units, the unit of Telegram's offsets and limits."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _OpenTag:
    name: str
    start: int  # UTF-16 offset into the plain text
    entity: dict[str, Any] | None  # None: the tag adds no entity (e.g. <a> without href)


class _Parser:
    def __init__(self, markup: str) -> None:
        self.markup = markup
        self.position = 0
        self.pieces: list[str] = []
        self.length = 0  # UTF-16 units emitted so far
        self.stack: list[_OpenTag] = []
        self.entities: list[dict[str, Any]] = []

    def byte_offset(self, index: int) -> int:
        return len(self.markup[:index].encode("utf-8"))

    def emit(self, text: str) -> None:
        self.pieces.append(text)
        self.length += utf16_length(text)

    def parse(self) -> tuple[str, list[dict[str, Any]]]:
        markup = self.markup
        while self.position < len(markup):
            next_special = _next_special(markup, self.position)
            if next_special > self.position:
                self.emit(markup[self.position : next_special])
                self.position = next_special
                continue
            if markup[self.position] == "&":
                self.emit(self.entity_at(self.position))
            elif markup.startswith("</", self.position):
                self.end_tag()
            else:
                self.start_tag()
        if self.stack:
            raise EntityParseError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"'
            )
        return "".join(self.pieces), self.entities

    def entity_at(self, index: int) -> str:
        """Decode the HTML entity at `index`, moving past it."""
        match = _ENTITY.match(self.markup, index)
        decoded = _decode_entity(match) if match else None
        if match is None or decoded is None:
            raise EntityParseError(
                'Character "&" must be escaped as "&amp;" unless it starts '
                f"&lt; &gt; &amp; &quot; or a numeric entity, at byte offset "
                f"{self.byte_offset(index)}"
            )
        self.position = match.end()
        return decoded

    def start_tag(self) -> None:
        begin = self.position
        name_match = _TAG_NAME.match(self.markup, begin + 1)
        assert name_match is not None  # the pattern matches the empty string
        name = name_match.group().lower()
        if name_match.end() >= len(self.markup):
            raise EntityParseError(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
        if name not in SUPPORTED_TAGS:
            raise EntityParseError(
                f'Unsupported start tag "{name}" at byte offset {self.byte_offset(begin)}'
            )
        self.position = name_match.end()
        attributes = self.attributes(name, begin)
        entity = self.entity_for(name, attributes, begin)
        self.stack.append(_OpenTag(name=name, start=self.length, entity=entity))

    def attributes(self, tag_name: str, begin: int) -> dict[str, str]:
        """Parse `name="value"` pairs up to and including the closing `>`."""
        markup = self.markup
        attributes: dict[str, str] = {}
        while True:
            while self.position < len(markup) and markup[self.position] in " \t\n\r":
                self.position += 1
            if self.position >= len(markup):
                raise EntityParseError(
                    f"Unclosed start tag at byte offset {self.byte_offset(begin)}"
                )
            if markup[self.position] == ">":
                self.position += 1
                return attributes
            name_match = _ATTRIBUTE_NAME.match(markup, self.position)
            if name_match is None:
                raise EntityParseError(
                    f'Empty attribute name in the tag "{tag_name}" at byte offset '
                    f"{self.byte_offset(begin)}"
                )
            attribute = name_match.group().lower()
            self.position = name_match.end()
            if self.position < len(markup) and markup[self.position] == "=":
                self.position += 1
                attributes[attribute] = self.attribute_value(tag_name, begin)
            else:
                attributes[attribute] = ""

    def attribute_value(self, tag_name: str, begin: int) -> str:
        markup = self.markup
        if self.position >= len(markup):
            raise EntityParseError(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
        quote = markup[self.position]
        if quote in "\"'":
            end = markup.find(quote, self.position + 1)
            if end < 0:
                raise EntityParseError(
                    f'Unclosed end of an attribute value of the tag "{tag_name}" at byte '
                    f"offset {self.byte_offset(begin)}"
                )
            raw = markup[self.position + 1 : end]
            self.position = end + 1
        else:
            end = self.position
            while end < len(markup) and markup[end] not in " \t\n\r>":
                end += 1
            raw = markup[self.position : end]
            self.position = end
        return _unescape_attribute(raw)

    def entity_for(
        self, name: str, attributes: dict[str, str], begin: int
    ) -> dict[str, Any] | None:
        if name == "a":
            href = attributes.get("href", "")
            return {"type": "text_link", "url": href} if href else None
        if name == "span":
            if attributes.get("class") != "tg-spoiler":
                raise EntityParseError(
                    'Tag "span" must have class "tg-spoiler" at byte offset '
                    f"{self.byte_offset(begin)}"
                )
            return {"type": "spoiler"}
        if name == "tg-emoji":
            emoji_id = attributes.get("emoji-id", "")
            if not emoji_id.isdigit():
                raise EntityParseError(
                    'Custom emoji entity must have a numeric "emoji-id" at byte offset '
                    f"{self.byte_offset(begin)}"
                )
            return {"type": "custom_emoji", "custom_emoji_id": emoji_id}
        if name == "blockquote" and "expandable" in attributes:
            return {"type": "expandable_blockquote"}
        if name == "code":
            language = attributes.get("class", "")
            if language.startswith("language-"):
                return {"type": "code", "language": language.removeprefix("language-")}
        return {"type": SIMPLE_TAGS[name]}

    def end_tag(self) -> None:
        begin = self.position
        close = self.markup.find(">", begin)
        if close < 0:
            raise EntityParseError(f"Unclosed end tag at byte offset {self.byte_offset(begin)}")
        name = self.markup[begin + 2 : close].strip().lower()
        if not self.stack:
            raise EntityParseError(f"Unexpected end tag at byte offset {self.byte_offset(begin)}")
        tag = self.stack.pop()
        if name != tag.name:
            raise EntityParseError(
                f'Unmatched end tag at byte offset {self.byte_offset(begin)}, expected "</'
                f'{tag.name}>", found "</{name}>"'
            )
        self.position = close + 1
        self.close(tag)

    def close(self, tag: _OpenTag) -> None:
        if tag.entity is None or self.length == tag.start:
            return
        entity = {**tag.entity, "offset": tag.start, "length": self.length - tag.start}
        if entity["type"] == "code":
            language = entity.pop("language", None)
            parent = self.stack[-1] if self.stack else None
            # <pre><code class="language-x">...</code></pre> is one `pre` entity with a language.
            if parent is not None and parent.name == "pre" and parent.start == tag.start:
                if language and parent.entity is not None:
                    parent.entity["language"] = language
                return
        self.entities.append(entity)


def _next_special(markup: str, start: int) -> int:
    """Index of the next `<` or `&` at or after `start`, or len(markup)."""
    candidates = [
        index for index in (markup.find("<", start), markup.find("&", start)) if index >= 0
    ]
    return min(candidates, default=len(markup))


def _decode_entity(match: re.Match[str]) -> str | None:
    hexadecimal, decimal, name = match.groups()
    if name is not None:
        return NAMED_ENTITIES.get(name)
    code_point = int(hexadecimal, 16) if hexadecimal is not None else int(decimal)
    if code_point == 0 or code_point > MAX_CODE_POINT or 0xD800 <= code_point <= 0xDFFF:
        return None
    return chr(code_point)


def _unescape_attribute(raw: str) -> str:
    def replace(match: re.Match[str]) -> str:
        decoded = _decode_entity(match)
        return match.group() if decoded is None else decoded

    return _ENTITY.sub(replace, raw)


def _trim(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim surrounding whitespace like Telegram, clipping the entities to what remains."""
    stripped = text.strip(_WHITESPACE)
    if not stripped:
        return "", []
    head = utf16_length(text[: len(text) - len(text.lstrip(_WHITESPACE))])
    end = head + utf16_length(stripped)
    trimmed = []
    for entity in entities:
        begin = max(entity["offset"], head)
        finish = min(entity["offset"] + entity["length"], end)
        if finish > begin:
            trimmed.append({**entity, "offset": begin - head, "length": finish - begin})
    return stripped, trimmed


def parse_html(markup: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and sorted entities of `markup`; raises EntityParseError like Telegram."""
    text, entities = _Parser(markup).parse()
    text, entities = _trim(text, entities)
    entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return text, entities


def trim_plain(
    text: str, entities: list[dict[str, Any]] | None
) -> tuple[str, list[dict[str, Any]]]:
    """A message sent without parse_mode: trimmed like Telegram, explicit entities kept."""
    return _trim(text, list(entities or []))
