"""Which language a question is written in, from its script, function words and spelling."""

from __future__ import annotations

import re
from collections.abc import Sequence

from celacbot.languages import LANGUAGES
from celacbot.retrieval.normalise import has_cjk

# Folded function words that mostly belong to one language; words shared by Spanish and
# Portuguese count for both, and ambiguous ones ("a", "e", "me", "no", "mas") for none.
_ENGLISH = """
    the what which who whose is are was were of and how does did do about with for to this
    that there tell in on has have had can could will would from by between its their they it
    an be been or at why when where any many much give hello hi thanks please
"""
_SPANISH = """
    de el la los las del es son cual cuales donde cuando quien quienes con una y hola gracias
    cuantos cuantas cuanto esta este estos estas ese esa eso hizo usted que por para como sobre
    en al lo le les se su sus hay fue ha han tiene tienen entre muy pero tambien desde hasta
    ser estan hace hacen porque buenos buenas dias adios chao pa xq tmb otros otras puede pueden
    ayudar ayuda ayudo
"""
_PORTUGUESE = """
    de o os da das do dos na nas nos sao qual quais onde quando quem com um uma ola oi obrigado
    obrigada quantos quantas quanto esse essa isso isto fez voce nao que por para como sobre
    em ao aos pelo pela pelos pelas seu sua seus suas tem foi ja tambem entre muito mais desde
    ate ser estao faz fazem porque bom dia tchau ela ele eles elas pra pro tb tbm vc vcs outros
    outras pode podem vai vao ajudar ajuda ajudou diz oq oque
"""
_MARKERS = {
    "en": frozenset(_ENGLISH.split()),
    "es": frozenset(_SPANISH.split()),
    "pt": frozenset(_PORTUGUESE.split()),
}
# Spelling only one of the languages uses: English w, -tion, -ness, a consonant before a final
# y ("energy", not "Uruguay"); Spanish ñ, ¿, ¡, -ción, -dad, ll- ("llegó"), an accented question
# word ("a qué países": Portuguese writes "quê", "como", "quando"); Portuguese ã, õ, ç, â, ê, ô, à,
# -ção (folded -cao), -dade, -nho, -lha, a past tense in -ou ("mandou"; not pinyin's "Guangzhou")
# and a lone "e" or "é" ("China e Brasil"); and countries as only Spanish or Portuguese spells
# them ("Perú", "Uruguai").
_SPELLING = {
    "en": re.compile(r"w|\w(?:tions?|ness|[^aeiou\W]y)\b"),
    "es": re.compile(
        r"[ñ¿¡]|\w(?:ción|cion|ciones|dad)\b|\bll[aeiou]"
        r"|\b(?:qué|cuál|cuáles|cuándo|dónde|quién|quiénes|cómo|cuánt[oa]s?|perú)(?!\w)"
    ),
    "pt": re.compile(
        r"[ãõçâêôà]|\w(?:cao|coes|dade|[nl]h[ao]s?)\b|\w\w(?<!zh)(?<!sh)ou\b"
        # plurals in -ais ("especiais"), past tenses in -ram and -iu ("abriram", "construiu")
        r"|\w\w\wais\b|\w\w[aei]ram\b|\w\w\wiu\b"
        r"|(?<![\w-])[eé](?![\w-])"
        # the countries as Portuguese spells them
        r"|\b(?:uruguai|paraguai|equador|bolívia|colômbia)\b"
    ),
}


def hint_language(code: str | None) -> str | None:
    """The supported language a Telegram language_code names ("es-419" -> "es"), if any."""
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].casefold()
    return base if base in LANGUAGES else None


def question_language(question: str, message: Sequence[str], hint: str | None = None) -> str | None:
    """ "zh" for Chinese script, else the language most function words and spellings point to.

    When the text does not tell (a bare "BYD Brasil") or languages tie, the hint (a Telegram
    language_code such as "pt-br") decides if it is among the likely ones; else None.
    """
    if has_cjk(question):
        return "zh"
    lowered = question.casefold()
    counts = {
        lang: sum(map(markers.__contains__, message)) + len(_SPELLING[lang].findall(lowered))
        for lang, markers in _MARKERS.items()
    }
    top = max(counts.values())
    leaders = [lang for lang, count in counts.items() if count == top]
    if top > 0 and len(leaders) == 1:
        return leaders[0]
    hinted = hint_language(hint)
    if hinted is not None and (top == 0 or hinted in leaders):
        return hinted
    return None
