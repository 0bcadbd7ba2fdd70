"""Answers in the asked language: entries, facts, small talk, declines and suggestions."""

from __future__ import annotations

from dataclasses import replace

from celacbot.knowledge.models import Entry, Fact, SmallTalk, translated
from celacbot.languages import CHINESE, ENGLISH
from celacbot.retrieval.answer import Answer, Decision, Kind
from celacbot.retrieval.missing import Detail, caveat
from celacbot.retrieval.yes_no import fitted_answer, without_yes_or_no


def decline(
    question: str, reason: str, score: float = 0.0, margin: float = 0.0, *, lang: str
) -> Answer:
    """A decline in `lang`, with the reason for `celacbot explain`."""
    return Answer(
        question=question,
        decision=Decision.DECLINE,
        kind=Kind.NONE,
        score=score,
        margin=margin,
        lang=lang,
        requested_lang=lang,
        reason=reason,
    )


def told_otherwise(answer: Answer, *, lang: str, reason: str) -> Answer:
    """The answer to a question that states something the article does not say ("did China
    give vaccines to Argentina?"): what the article says, under "The article does not say
    that", in `lang`, and no bare yes or no that would confirm the question's."""
    return replace(
        answer,
        text=without_yes_or_no(answer.text),
        lacks=(Detail.CLAIM,),
        missing=caveat((Detail.CLAIM,), lang),
        reason=f"{answer.reason}; {reason}",
    )


def entry_answer(
    entry: Entry,
    question: str,
    *,
    score: float,
    margin: float,
    reason: str,
    lang: str = ENGLISH,
) -> Answer:
    """An entry's answer to `question` in `lang` when translated, else in English; it opens
    with a bare yes or no only if the question asks for one."""
    translation = translated(entry.translations, lang)
    text = translation.answer if translation else entry.answer
    return Answer(
        question=question,
        decision=Decision.ANSWER,
        kind=Kind.FAQ,
        id=entry.id,
        text=fitted_answer(text, question, lang),
        lang=lang if translation else ENGLISH,
        requested_lang=lang,
        score=score,
        margin=margin,
        source=tuple(entry.source),
        related=tuple(entry.related),
        reason=reason,
    )


def fact_answer(
    fact: Fact,
    question: str,
    *,
    score: float,
    margin: float,
    reason: str,
    lang: str = ENGLISH,
    related: tuple[str, ...] = (),
) -> Answer:
    """A fact as the answer, in `lang` when translated, else in English; `related`: the entries
    that say more."""
    translation = translated(fact.translations, lang)
    return Answer(
        question=question,
        decision=Decision.ANSWER,
        kind=Kind.FACT,
        id=fact.id,
        text=translation or fact.text,
        lang=lang if translation else ENGLISH,
        requested_lang=lang,
        score=score,
        margin=margin,
        source=(fact.source,),
        reason=reason,
        related=related,
    )


def smalltalk_answer(
    question: str, talk: SmallTalk, score: float, reason: str, asked: str | None
) -> Answer:
    """A small-talk reply in the asked language when translated, else in English."""
    lang = asked or ENGLISH
    translation = translated(talk.translations, lang)
    return Answer(
        question=question,
        decision=Decision.SMALLTALK,
        kind=Kind.SMALLTALK,
        id=talk.id,
        text=translation or talk.answer,
        score=score,
        lang=lang if translation else ENGLISH,
        requested_lang=lang,
        reason=f"small talk: {reason}",
    )


def answer_language(asked: str | None, phrasing_lang: str) -> str:
    """The question's own language when its words (or the hint) tell, else the closest
    phrasing's language (but never Chinese for a question without Chinese characters)."""
    if asked is not None:
        return asked
    return ENGLISH if phrasing_lang == CHINESE else phrasing_lang
