"""Telegram HTML for answers and fixed messages, cut into messages Telegram accepts.

Everything that comes from a user or from the knowledge file goes through html.escape;
only the tags written here reach Telegram unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html import escape

from celacbot.bot.constants import MAX_MESSAGE_UTF16
from celacbot.knowledge.models import KnowledgeBase, Source
from celacbot.retrieval.answer import Answer, Decision

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SEPARATOR = "\n\n"


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


def answer_messages(answer: Answer, *, heading: bool = False) -> list[str]:
    """The HTML messages that answer a question; `heading` repeats the question in bold."""
    if answer.decision is Decision.SUGGEST:
        return [
            "I'm not sure I understood. Did you mean one of these? "
            "If not, try different words, or browse /topics."
        ]
    if answer.decision is Decision.DECLINE:
        return [
            "Sorry, the article does not cover that, so I can't answer it. "
            "Here is what it does cover:"
        ]
    head = [bold(answer.question)] if heading and answer.question else []
    return pack([*head, *blocks(answer.text)])


def none_of_these_message() -> str:
    """The honest note after the user rejected every suggestion."""
    return (
        "Then I'd rather not guess: I only know what the article says, and I could not "
        "match your question to it. Try other words, or pick a topic:"
    )


def source_messages(answer: Answer, source: Source) -> list[str]:
    """The article quotes that support an answer, under the article's title and author."""
    byline = f"From <i>{escape(source.title, quote=False)}</i> by {escape(source.author)}:"
    quotes = [piece for quote in answer.source for piece in blocks(quote, tag="blockquote")]
    return pack([byline, *quotes])


def inline_message(answer: Answer, source: Source) -> str:
    """One message with the answer and its quotes, for inline results (cut to one message)."""
    parts = [bold(answer.question), *blocks(answer.text)]
    parts += [piece for quote in answer.source for piece in blocks(quote, tag="blockquote")]
    parts.append(f"— <i>{escape(source.title, quote=False)}</i>")
    return pack(parts)[0]


def short_text(text: str, limit: int) -> str:
    """The start of plain text, cut at a word and marked with an ellipsis when shortened."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def greeting_message(first_name: str | None, kb: KnowledgeBase) -> str:
    """The /start greeting: what the bot knows and how to ask."""
    hello = f"Hi {escape(first_name, quote=False)}!" if first_name else "Hi!"
    topics = "\n".join(f"• {escape(topic.title, quote=False)}" for topic in kb.topics)
    return (
        f"{hello} I answer questions about China–CELAC cooperation from one article, "
        f"<i>{escape(kb.source.title, quote=False)}</i>.\n\n"
        f"It covers:\n{topics}\n\n"
        "Ask me anything in your own words, or try one of these:"
    )


def help_message(bot_username: str) -> str:
    """The /help text."""
    username = escape(bot_username, quote=False)
    return (
        "<b>How to ask</b>\n"
        "Send me a question in your own words, for example "
        "<i>What has China done in aerospace?</i>\n\n"
        "Under each answer, <b>📄 Source</b> shows the article's own words, "
        "and the other buttons are follow-up questions.\n\n"
        "<b>Commands</b>\n"
        "/topics – browse the questions by topic\n"
        "/source – the article I answer from\n"
        "/about – what this bot is and how it answers\n\n"
        "<b>In groups</b>\n"
        f"Use /ask followed by your question, mention @{username}, or reply to one of "
        "my messages.\n\n"
        "<b>In any chat</b>\n"
        f"Type @{username} and a few words to share an answer."
    )


def about_message(source: Source) -> str:
    """The /about text: what the bot is and how it decides."""
    return (
        "I answer questions about China–CELAC cooperation using a curated list of "
        f"questions and answers written from one article, <i>{escape(source.title, quote=False)}"
        "</i>.\n\n"
        "I match your question to that list. When I am not sure, I offer the closest "
        "questions instead of guessing, and when the article does not cover something, "
        "I say so. I never make up facts."
    )


def source_overview_message(kb: KnowledgeBase) -> str:
    """The /source text: the article's title, author and what it covers."""
    topics = "\n".join(
        f"• <b>{escape(topic.title, quote=False)}</b> – {escape(topic.description, quote=False)}"
        for topic in kb.topics
    )
    return (
        f"<b>{escape(kb.source.title, quote=False)}</b>\n"
        f"by {escape(kb.source.author, quote=False)}\n\n"
        f"What it covers:\n{topics}"
    )


def topics_message() -> str:
    """The heading over the topic buttons."""
    return "Pick a topic:"


def topic_message(title: str, description: str) -> str:
    """The heading over one topic's question buttons."""
    return f"{bold(title)}\n{escape(description, quote=False)}\n\nPick a question:"
