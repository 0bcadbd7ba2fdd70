"""Telegram HTML for answers and fixed messages, cut into messages Telegram accepts.

Everything that comes from a user or from the knowledge file goes through html.escape;
only the tags written here reach Telegram unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from html import escape

from celacbot.bot.constants import MAX_MESSAGE_UTF16
from celacbot.bot.language import topic_texts
from celacbot.bot.texts import Language, texts
from celacbot.knowledge.models import KnowledgeBase, Source
from celacbot.retrieval.answer import Answer, Decision

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SEPARATOR = "\n\n"
# Opens the byline of the quotes that Source adds to an answer's message, in every language:
# where Hide source cuts the message back. Knowledge text never holds it.
SOURCE_MARK = "📄"
_SOURCE_START = f"{_SEPARATOR}{SOURCE_MARK} "


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's message limits."""
    return len(text.encode("utf-16-le")) // 2


def _escaped_len(text: str) -> int:
    return utf16_len(escape(text, quote=False))


def _words(paragraph: str, room: int) -> Iterator[str]:
    """The paragraph's words, with any word too long for `room` cut into parts that fit."""
    for word in paragraph.split(" "):
        rest = word
        while len(rest) > 1 and _escaped_len(rest) > room:
            cut = len(rest)
            while cut > 1 and _escaped_len(rest[:cut]) > room:
                cut = max(1, cut * room // _escaped_len(rest[:cut]))
            yield rest[:cut]
            rest = rest[cut:]
        yield rest


def _pieces(paragraph: str, tag: str | None, limit: int) -> list[str]:
    """One escaped paragraph wrapped in `tag`, cut at spaces into pieces that fit in `limit`."""
    opening, closing = (f"<{tag}>", f"</{tag}>") if tag else ("", "")
    whole = opening + escape(paragraph, quote=False) + closing
    if utf16_len(whole) <= limit:
        return [whole]
    room = limit - utf16_len(opening + closing)
    pieces: list[str] = []
    words: list[str] = []
    units = -1
    for word in _words(paragraph, room):
        word_units = _escaped_len(word) + 1
        if words and units + word_units > room:
            pieces.append(" ".join(words))
            words, units = [], -1
        words.append(word)
        units += word_units
    pieces.append(" ".join(words))
    return [opening + escape(piece, quote=False) + closing for piece in pieces]


def blocks(text: str, *, tag: str | None = None, limit: int = MAX_MESSAGE_UTF16) -> list[str]:
    """Escaped HTML blocks, one per paragraph of plain `text` (longer paragraphs are cut)."""
    return [
        piece
        for paragraph in _PARAGRAPH_BREAK.split(text.strip())
        if paragraph.strip()
        for piece in _pieces(paragraph.strip(), tag, limit)
    ]


def pack(html_blocks: Iterable[str], *, limit: int = MAX_MESSAGE_UTF16) -> list[str]:
    """Join blocks into as few messages as possible, breaking only between blocks."""
    messages: list[str] = []
    current = ""
    for block in html_blocks:
        candidate = f"{current}{_SEPARATOR}{block}" if current else block
        if utf16_len(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = block
    if current:
        messages.append(current)
    return messages


def bold(text: str) -> str:
    """One escaped line in bold."""
    return f"<b>{escape(text, quote=False)}</b>"


def answer_messages(answer: Answer, lang: Language, *, heading: bool = False) -> list[str]:
    """The HTML messages that answer a question in `lang`; `heading` repeats the question in
    bold, and an answer in English for want of a translation says so first."""
    if answer.decision is Decision.SUGGEST:
        return [texts(lang).suggest]
    if answer.decision is Decision.DECLINE:
        return [texts(lang).decline]
    note = [texts(lang).english_only] if answer.fallback else []
    if answer.parts:
        # One part per question of the message, each under its own question.
        return pack([*note, *(block for part in answer.parts for block in _part_blocks(part))])
    head = [bold(answer.question)] if heading and answer.question else []
    # A follow-up names the subject it was read with: "when?" -> "About: Which satellites...".
    about = [texts(lang).follow_up.format(subject=escape(answer.context))] if answer.context else []
    return pack([*note, *head, *about, *_answer_blocks(answer)])


def _answer_blocks(answer: Answer) -> list[str]:
    """What the article does not give, in italics, then the answer."""
    gap = blocks(answer.missing, tag="i") if answer.missing else []
    return [*gap, *blocks(answer.text)]


def _part_blocks(part: Answer) -> list[str]:
    return [bold(part.question), *_answer_blocks(part)]


def article_title(source: Source) -> str:
    """The article's title, escaped, linked to the article where the knowledge file gives
    its address."""
    title = escape(source.title, quote=False)
    return f'<a href="{escape(source.url)}">{title}</a>' if source.url else title


def byline(source: Source, lang: Language) -> str:
    """The short line that introduces the article's quotes: the article's title, in `lang`."""
    return f"{SOURCE_MARK} {texts(lang).source_byline.format(title=article_title(source))}"


def _quote_blocks(quotes: Iterable[str]) -> list[str]:
    return [piece for quote in quotes for piece in blocks(quote, tag="blockquote")]


def source_messages(answer: Answer, source: Source, lang: Language) -> list[str]:
    """The article quotes that support an answer under their byline, as messages of their own
    (for an answer whose message has no room left for them)."""
    return pack([byline(source, lang), *_quote_blocks(answer.source)])


def with_source(
    message_html: str,
    quotes: Sequence[str],
    source: Source,
    lang: Language,
    *,
    limit: int = MAX_MESSAGE_UTF16,
) -> str | None:
    """An answer's message (Telegram HTML) with the article quotes behind it added under a
    byline, or None when they do not all fit in one message."""
    # HTML is longer than the text Telegram counts: a message that fits by it fits.
    expanded = _SEPARATOR.join(
        [without_source(message_html), byline(source, lang), *_quote_blocks(quotes)]
    )
    return expanded if utf16_len(expanded) <= limit else None


def without_source(message_html: str) -> str:
    """An answer's message with the quotes `with_source` added taken out again."""
    cut = message_html.rfind(_SOURCE_START)
    return message_html if cut < 0 else message_html[:cut]


def inline_message(answer: Answer, source: Source) -> str:
    """One message with the answer and its quotes, for inline results (cut to one message)."""
    parts = [bold(answer.question), *blocks(answer.text), *_quote_blocks(answer.source)]
    parts.append(f"— <i>{article_title(source)}</i>")
    return pack(parts)[0]


def short_text(text: str, limit: int) -> str:
    """The start of plain text, cut at a word and marked with an ellipsis when shortened."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def greeting_message(first_name: str | None, kb: KnowledgeBase, lang: Language) -> str:
    """The /start greeting: what the bot knows and how to ask."""
    said = texts(lang)
    name = escape(first_name, quote=False) if first_name else None
    hello = said.hello_name.format(name=name) if name else said.hello
    topics = "\n".join(
        f"• {escape(topic_texts(topic, lang).title, quote=False)}" for topic in kb.topics
    )
    title = escape(kb.source.title, quote=False)
    return said.greeting.format(hello=hello, title=title, topics=topics)


def help_message(bot_username: str, lang: Language) -> str:
    """The /help text."""
    return texts(lang).help.format(username=escape(bot_username, quote=False))


def about_message(source: Source, lang: Language) -> str:
    """The /about text: what the bot is and how it decides."""
    return texts(lang).about.format(title=escape(source.title, quote=False))


def source_overview_message(kb: KnowledgeBase, lang: Language) -> str:
    """The /source text: the article's title, author and what it covers."""
    topics = "\n".join(
        f"• {bold(translated.title)} – {escape(translated.description, quote=False)}"
        for translated in (topic_texts(topic, lang) for topic in kb.topics)
    )
    return texts(lang).source_overview.format(
        title=article_title(kb.source),
        author=escape(kb.source.author, quote=False),
        topics=topics,
    )


def topic_message(title: str, description: str, lang: Language) -> str:
    """The heading over one topic's question buttons."""
    return texts(lang).topic.format(
        title=escape(title, quote=False), description=escape(description, quote=False)
    )
