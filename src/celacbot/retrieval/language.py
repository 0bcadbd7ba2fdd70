"""Which language a question is written in, from its script and its function words."""

from __future__ import annotations

from collections.abc import Sequence

from celacbot.retrieval.normalise import has_cjk

# Folded function words that mostly belong to one language; words shared by Spanish and
# Portuguese count for both, and ambiguous ones ("a", "e", "no", "en") for none.
_ENGLISH = """
    the what which who whose is are was were of and how does did about with for to this that
    there tell me
"""
_SPANISH = """
    el la los las del es son cual cuales donde cuando quien quienes con una y hola gracias
    cuantos cuantas esta este hizo usted que por para como sobre
"""
_PORTUGUESE = """
    o os da das do dos na nas nos sao qual quais onde quando quem com um uma ola oi obrigado
    obrigada quantos quantas esse essa fez voce nao que por para como sobre
"""
_MARKERS = {
    "en": frozenset(_ENGLISH.split()),
    "es": frozenset(_SPANISH.split()),
    "pt": frozenset(_PORTUGUESE.split()),
}


def question_language(question: str, message: Sequence[str]) -> str | None:
    """ "zh" for Chinese script, else the language most of the function words belong to.

    None when the words do not tell (a bare "cbers"), or when English ties with another.
    """
    if has_cjk(question):
        return "zh"
    counts = {lang: sum(word in markers for word in message) for lang, markers in _MARKERS.items()}
    best = max(counts, key=counts.__getitem__)
    if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
        return None
    return best
