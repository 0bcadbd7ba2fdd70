"""`celacbot chat`: the bot in the terminal, no Telegram token needed, speaking the language
of the last question."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable
from pathlib import Path

from celacbot.commands import EXIT_CONFIG, load_retriever

HISTORY_FILE = Path.home() / ".celacbot_history"
HISTORY_LENGTH = 500


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The chat takes no options; settings come from the environment."""
    del parser


def _enable_history() -> Callable[[], None]:
    """Load readline history if possible; return the function that saves it."""
    try:
        import readline
    except ImportError:
        return lambda: None
    # No file yet, or an unreadable one: start without history.
    with contextlib.suppress(OSError):
        readline.read_history_file(HISTORY_FILE)
    readline.set_history_length(HISTORY_LENGTH)

    def save() -> None:
        # An unwritable home directory must not break leaving the chat.
        with contextlib.suppress(OSError):
            readline.write_history_file(HISTORY_FILE)

    return save


def run(args: argparse.Namespace) -> int:
    """Read questions until quit or end of input, answering each like the bot would."""
    from celacbot.knowledge.models import translated
    from celacbot.languages import ENGLISH
    from celacbot.render.phrases import phrases
    from celacbot.render.text import numbered, render_answer, render_source
    from celacbot.retrieval.answer import Answer, Decision

    retriever = load_retriever("chat")
    if retriever is None:
        return EXIT_CONFIG
    kb = retriever.kb
    save_history = _enable_history() if sys.stdin.isatty() else (lambda: None)
    print(f'celacbot: questions about "{kb.source.title}". Type "help" for commands.')
    choices: list[str] = []
    last: Answer | None = None
    # The language of the last question: the chat's own words follow it.
    lang: str = ENGLISH
    try:
        while True:
            said = phrases(lang)
            try:
                line = input(said.prompt)
            except EOFError:
                print()
                break
            text = line.strip()
            command = text.casefold()
            if command in ("quit", "exit"):
                break
            if not text:
                continue
            if command == "help":
                print(said.help)
                continue
            if command == "topics":
                topics = [translated(topic.translations, lang) or topic for topic in kb.topics]
                print("\n".join(f"- {topic.title}: {topic.description}" for topic in topics))
                continue
            if command == "source":
                print(render_source(last) if last else said.ask_first)
                continue
            # A number picks from the list shown last; with no list, it is a question ("19").
            if text.isdigit() and choices:
                number = int(text)
                if not 1 <= number <= len(choices):
                    print(said.out_of_range.format(number=number, count=len(choices)))
                    continue
                picked = retriever.answer_entry(choices[number - 1], lang_hint=lang)
                answer = picked if picked is not None else retriever.answer(text, lang_hint=lang)
            else:
                # A follow-up ("when?", "and Chile?") is read with the last answer's subject.
                subject = last.id if last is not None and last.decision is Decision.ANSWER else None
                answer = retriever.answer(text, lang_hint=lang, subject=subject)
            lang = answer.requested_lang
            print(render_answer(answer, with_source=False))
            if answer.decision is Decision.SUGGEST:
                choices = [suggestion.id for suggestion in answer.suggestions]
                continue
            related = [entry for entry in map(retriever.entry, answer.related) if entry]
            choices = [entry.id for entry in related]
            if related:
                questions = numbered([entry.question_in(lang) for entry in related])
                print(f"\n{phrases(lang).related}\n{questions}")
            if answer.answered:
                last = answer
    finally:
        save_history()
    return 0
