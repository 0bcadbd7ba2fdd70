"""Follow-ups: a message that cannot stand alone, read together with the conversation's subject.

Contract: a follow-up ("when?", "and Chile?", "who built it?", "which countries?", "tell me
more") differs from a question that stands alone ("what is the South-South fund?", "covid
vaccines") in that it `opens_with_connector`, `points_back` with a pronoun, or is bare: at most
two content words, none of them a topic of its own (the retriever judges that by the words'
rarity in the knowledge base). Such a message is then scored together with the subject's
question, and that reading is kept only when it answers; a message that stands alone is never
read with context. `asks_for_more(text)` spots "tell me more", which moves on to a related
entry; `asks_for_position(text)` spots "the second one?", an item of the list just given, which
the subject's own answer holds, and `asks_for_the_other(text)` "the other one?" after one of
two; `names_the_article(text)` spots a question about the article itself ("article name"), which
is never a follow-up, and `asks_who_wrote(text)` "who wrote this?", the article's author whatever
"this" was; `asks_what_for(text)` ("what for?", "who benefits?") and `asks_why(text)`
a question of what the subject brings or why; `doubts_a_figure(text)` "wasn't it 2023?", a doubt
the subject's own figure answers; `asks_status(text)` "is it finished?", which the subject, or
a related entry, answers when its text `tells_progress` with a date; `relates_to(text)` what
"is that related to ...?" names, a question of what the message told before it. What the
retriever adds to these (a Telegram reply, Chinese questions that leave "it" out, a message that
names a topic of its own) is in `conversation.py`.
"""

from __future__ import annotations

import re
from typing import Final

from celacbot.retrieval.message import CHINESE_QUESTION_WORD, QUESTION_WORD
from celacbot.retrieval.normalise import fold, found

# At most this many content words, all common ones: too little to stand alone.
MAX_BARE_TERMS: Final = 2
# "that" and "this" point back only in a short message ("what is that exactly?"); in a longer
# one they are part of a question that stands alone ("what is this article about?").
MAX_SHORT_WORDS: Final = 5
# A reply to an answer says itself what it is about: "that" points back in a little longer one
# ("E esse instituto pertence a quê?").
MAX_REPLY_POINTING_WORDS: Final = 6
# "ese proyecto?", "essa fábrica?": that project, that factory (not "esta", which is "está")
# "ele"/"ela" too: "quando ele foi criado?", not "o xi disse que ele quer mais cooperação?"
_NEAR_POINTER: Final = re.compile(
    r"\b(?:that|this|those|ese|esa|esse|essa|aquele|aquela|ele|ela"
    # "qual é a ideia desse troço?": of that one (not "nessa cidade", in that city)
    r"|desse|dessa)\b"
)

# Portuguese "ele", "ela" in a longer message point back after "and" and a place or time: "e
# no brasil ele vai fazer o quê?"; not after a name or "that ..." ("e o centro de alimentos,
# ele faz o quê?", "e aquele centro, pra que que ele serve?" name whom they mean first).
_HE_OR_SHE: Final = re.compile(
    r"^\W*(?:e|mas)\s+(?:no|na|nos|nas|em|pro|pra|para|depois|antes)\b"
    r"(?:(?!\b(?:xi|aquele|aquela|esse|essa|este|esta|daquele|daquela|desse|dessa)\b)[^,])*"
    r"\b(?:ele|ela)\b"
)

_CONNECTOR: Final = re.compile(
    r"^\W*(?:and|also|what about|how about|and what about|then|so|but|ok but|ok so|ok and|"
    r"pero|mas|e ai|y entonces|"
    r"y|e|y en|e em|e no|e na|y el|y la|e o|e a|que tal|y que hay de|e quanto a|"
    r"还有|那|那么|那个|然后)\b",
    re.IGNORECASE,
)
_CJK_CONNECTOR: Final = re.compile(
    r"^\W*(?:(?:哈哈+|好的|好|谢谢|明白了?|懂了)\W*)*(?:还(?!是)|那|然后|另外)"
)
# What people put before "and ...?" once they have read an answer: "ok cool 👍 and uruguay?",
# "jajaja y en Chile?", "kkkk e o Uruguai?" (over folded text). After one, only "and" or "what
# about" followed by something continues: "ok then", "wow so cool" only react.
_INTERJECTIONS: Final = re.compile(
    r"^\W*(?:(?:ok|okay|cool|nice|great|thanks|thank you|thx|ty|wow|ah|oh|ay|i see|got it|gracias"
    r"|obrigad[oa]|valeu|vale|bueno|genial|perfecto|perfeito|legal|beleza|entendi|entiendo"
    r"|sorry|perdon[ae]?|perdao|disculp[ae]|desculp[ae]"
    r"|ja(?:ja)+|ha(?:ha)+|k{3,}|lol)\b\W*)+"
)
_CONNECTOR_AFTER_INTERJECTION: Final = re.compile(
    r"^(?:and|and what about|what about|how about|y|e|que tal|y que hay de|e quanto a)\s+\w"
)
# The words for an item's place in a list, over folded text: English, Spanish, Portuguese,
# Chinese (before its measure word: 第二个, 最后一个); -1 is the last, 0 the other of two.
_ORDINALS: Final = {
    1: ("first|1st", "primer[oa]", "primeir[oa]", "第[一1]"),
    2: ("second|2nd", "segund[oa]", "segund[oa]", "第[二2]"),
    3: ("third|3rd", "tercer[oa]", "terceir[oa]", "第[三3]"),
    4: ("fourth|4th", "", "", "第[四4]"),
    -1: ("last", "ultim[oa]", "ultim[oa]", "最后一"),
    0: ("other", "otr[oa]", "outr[oa]", "另一"),
}
_MEASURE_WORD: Final = "(?:个|项|颗|家|条)"


def _ordinals(language: int) -> str:
    return "|".join(words[language] for words in _ORDINALS.values() if words[language])


# Each position's words, in any of the languages ("the other ones" is no other of two).
_POSITIONS: Final = tuple(
    (
        position,
        re.compile(
            rf"\b(?:{'|'.join(word for word in words[:3] if word)})\b(?! ones)"
            rf"|(?:{words[3]}){_MEASURE_WORD}"
        ),
    )
    for position, words in _ORDINALS.items()
)


# "the second one", "el primero", "第二个": an item of a list just given.
_POSITION: Final = (
    rf"(?:\bthe (?:{_ordinals(0)}) ones?\b"
    rf"|(?:\bthe (?:{_ordinals(0)})"
    rf"|\b(?:el|la|lo) (?:{_ordinals(1)})"
    rf"|\b(?:o|a) (?:{_ordinals(2)}))(?=\s*(?:[^\w\s]|$))"
    # Not "第一个卫星" (the first satellite): the ordinal stands for a thing only when no noun
    # follows it.
    rf"|(?:(?:{_ordinals(3)}){_MEASURE_WORD})(?=[呢吗啊是为有怎在的叫啥什？?，,\s]|$))"
)
# The same inside a message that asks more of it ("the second one, what did they do there?",
# "¿qué ganaría desarrollando el primero de ellos?", "第一个方向具体有什么作用？").
_ITEM_OF_A_LIST: Final = re.compile(
    rf"\bthe (?:{_ordinals(0)}) (?:ones?|of (?:them|those|these))\b"
    rf"|\b(?:el|la|lo) (?:{_ordinals(1)}) de (?:ellos|ellas|esos|esas|estos|estas)\b"
    rf"|\b(?:o|a) (?:{_ordinals(2)}) (?:deles|delas|desses|dessas|destes|destas)\b"
    rf"|(?:{_ordinals(3)}){_MEASURE_WORD}(?:方向|领域|方面)?(?=[呢吗啊是为有怎在的叫啥什具？?，,\s]|$)"
)
_ONLY_POSITION: Final = re.compile(
    r"^\W*(?:(?:and|what about|how about|y|e|and what about|y que tal|e quanto a)\s+)?"
    rf"{_POSITION}\s*(?:呢|吗|啊)?[\W\s]*$"
)
_POINTER: Final = re.compile(
    rf"{_POSITION}|"
    r"\b(?:it|its|they|them|their|those|these|there|he|she|him"
    # Caribbean English "they" after a question word: "wat year dem go up", not the plural of
    # "di people dem"
    r"|(?:wat|what|when|how|why|weh|where|year|time|of|fi|to|for|wid|with) dem"
    # not "eso del celac", "isso do CBERS" (that thing about CELAC), which names it; "y eso de
    # qué sirve?" points back
    r"|(?:eso|esto|isso|isto)"
    r"(?! (?:de|del|do|da|dos|das|de la|de los|de las) (?!que\b|q\b|quem\b|quien\b)\w)"
    r"|esos|esas|estos|estas|ello|ellos|ellas|alli|ahi|aquel|aquella"
    r"|esses|essas|estes|aquilo|eles|elas|ali"
    # "em isso", "de isso" as written together ("fizeram algo nisso?")
    r"|nisso|nisto|naquilo|disso|disto|daquilo"
    # the formal "the said programme": "no âmbito do referido programa"
    r"|referid[oa]s?"
    # "qual é a ideia desse troço?", "that thing": a thing named before
    r"|(?:that|this|ese|esa|esse|essa|desse|dessa|aquele|aquela|daquele|daquela)"
    r" (?:thing|troco|treco|coisa|cosa|vaina))\b"
    # "这样做有啥好处": doing so; "有冇喺当地起厂": there, in Cantonese "佢哋" (they)
    r"|它|它们|他们|那里|这些|那些|这样做|这么做|那样做|当地|那边|佢哋|佢",
    re.IGNORECASE,
)
_MORE: Final = re.compile(
    r"\b(?:tell me more|more about|more details|more info|go on|elaborate|cuentame mas|mas info"
    r"|mas detalles|conta mais|me conta mais|mais detalhes|mais info"
    r"|say more|expand on (?:that|this|it)|dime mas|explica mejor"
    r"|profundiza|desenvolve|desenvolva|fala mais|explica melhor|aprofunda)\b|多说|详细|更多|再讲",
    re.IGNORECASE,
)
# "what else?", "¿algo más?", "还有呢": the next thing the article says near the subject, not
# the answer just given once more. Only the whole message: "what else did BYD do?" asks a
# question of its own.
_WHAT_ELSE: Final = re.compile(
    r"^\W*(?:and\s+|y\s+|e\s+)?(?:what else|anything else|what more|que mas|algo mas"
    r"|alguna otra cosa|o que mais|que mais|mais alguma coisa|algo mais|mais o que|还有呢|然后呢"
    r"|还有什么|还有别的吗|还有啥)\W*$",
    re.IGNORECASE,
)
# "any examples?", "¿hay ejemplos concretos?", "有例子吗": more of the subject, when nothing
# else is asked ("例子里哪个最大?" asks which).
_EXAMPLES: Final = re.compile(r"\b(?:examples?|ejemplos?|exemplos?)\b|例子")
_ASKS_OTHERWISE: Final = re.compile(rf"\b{QUESTION_WORD}\b|{CHINESE_QUESTION_WORD}")
# "¿qué ejemplos concretos da?", "what examples?", "有什么例子": which examples, asked for all
# the same
_WHICH_EXAMPLES: Final = re.compile(
    r"\b(?:what|which|que|q|quais|qual|cual|cuales)\s+(?:(?:concrete|specific|real|concretos?"
    r"|especificos?|reales|reais)\s+)?(?:examples?|ejemplos?|exemplos?)\b|(?:什么|哪些|啥)例子"
)


# The article itself ("what's this article about?", "article name", "who wrote the text?"):
# a subject of its own, whatever the chat was about.
_THE_ARTICLE: Final = re.compile(
    r"\b(?:article|text|piece|op-?ed|essay|author|writer|title|headline"
    r"|articulo|texto|autor|titulo|artigo)s?\b|文章|作者|标题|题目"
)


def names_the_article(text: str) -> bool:
    """Whether a message asks about the article itself (its title, author, gist)."""
    return bool(_THE_ARTICLE.search(fold(text)))


# "who wrote this?", "quem escreveu isso?", "谁写的": whoever wrote "this" or "it" wrote the
# article, for nothing else in it was written, whatever the chat was about.
_WHO_WROTE: Final = re.compile(
    r"\bwho (?:wrote|writes?|rote)\b|\bquem (?:o |a )?(?:escreveu|escreve)\b"
    r"|\bquien (?:lo |la )?(?:escribio|escribe)\b"
    r"|谁写|哪(?:个|位)写(?![法得])"
)


def asks_who_wrote(text: str) -> bool:
    """Whether a message asks who wrote something: the article's author."""
    return bool(_WHO_WROTE.search(fold(text)))


# "who is it for?", "who gets it?", "serve pra quem?", "¿para quién es?", "给谁用?": whom
# something serves or reaches, over folded text; not who did it.
_FOR_WHOM: Final = re.compile(
    r"\bfor whom\b|\bwho\b.*\bfor\W*$|\bwho (?:gets|get|got|receives|uses)\b"
    r"|\b(?:pra|para|pa|a) (?:quem|quien|quienes)\b|给谁|为谁|对谁"
)


def asks_for_whom(text: str) -> bool:
    """Whether a message asks whom something serves or reaches ("who is it for?")."""
    return bool(_FOR_WHOM.search(fold(text)))


# "what's it about?", "so what is this all about", "讲的是什么？", "这是关于什么的": over
# folded text; with nothing talked about yet, "it" is the article.
_ABOUT_WHAT: Final = (
    r"what(?:'?s| is) (?:{it})(?: (?:all|basically|even|actually|really))* about\W*$"
)
_ABOUT_WHAT_CHINESE: Final = (
    r"(?:这|它|这篇)?(?:是)?(?:关于什么|讲的?是?什么|讲啥|说的?是?啥|说的是什么)(?:的|呢)?\W*$"
)
_WHAT_IT_IS_ABOUT: Final = re.compile(
    r"^\W*(?:(?:ok|okay|so|hi|hey|hello)\W+)?"
    + _ABOUT_WHAT.format(it="it|this|that")
    + rf"|^\W*{_ABOUT_WHAT_CHINESE}"
)
# ... at the end of a message; "it" or "this", not "that", which is what was just named ("the
# article says Xi visited Peru. what's that about?")
_ENDS_ASKING_WHAT_IT_IS_ABOUT: Final = re.compile(
    r"\b" + _ABOUT_WHAT.format(it="it|this") + rf"|{_ABOUT_WHAT_CHINESE}"
)
# A text someone shares, pointed at: "this link", "the article", "este artículo", "这篇文章".
# Not a text about something ("a post about football", "关于足球的文章"), nor what it says
# ("the article mentions a lab in Uruguay"): then "it" is that something.
_SHARED_TEXT: Final = re.compile(
    r"\b(?:this|that|the|dis|este|ese|el|esse|o)\s+(?:link|article|url|articulo|enlace|artigo)s?\b"
    r"|(?:这篇|这个|那篇|这)(?:文章|链接)"
)
_TELLS_WHAT_IT_SAYS: Final = re.compile(
    r"\b(?:about|sobre|acerca|says?|mentions?|talks?|dice|menciona|habla|diz|fala)\b"
    r"|关于|提到|说|讲|谈"
)


def asks_what_it_is_about(text: str) -> bool:
    """Whether a message asks only what "it" is about ("what's it about?")."""
    return bool(_WHAT_IT_IS_ABOUT.search(fold(text)))


def asks_what_a_shared_text_is_about(text: str) -> bool:
    """Whether a message ends asking what "it" is about after words that only point at a text
    someone shared ("someone dropped this link in our group chat, not reading all that. what's
    it basically about?"); not after a text about something else ("I read a post about
    football"), nor after what the text says ("the article mentions BYD's plant")."""
    folded = fold(text)
    asking = _ENDS_ASKING_WHAT_IT_IS_ABOUT.search(folded)
    if asking is None:
        return False
    before = folded[: asking.start()]
    return bool(_SHARED_TEXT.search(before)) and not _TELLS_WHAT_IT_SAYS.search(before)


# "Is that related to China-Latin America cooperation?", "¿eso tiene que ver con China?",
# "isso tem a ver com a parceria?", "这跟中拉合作有关吗": whether what the asker just told
# belongs to a subject, named after it (`about`).
_ASKS_IF_IT_RELATES: Final = re.compile(
    r"^\W*(?:(?:and|so|but|y|e|pero|mas)\s+)?"
    r"(?:(?:is|was|are|were|could|would|might) (?:that|this|it|all that|all this)"
    r"(?: (?:really|maybe|actually|somehow|all|be))* (?:related|connected|linked|tied|part|due"
    r"|thanks|because|down) (?:to|of|with)"
    r"|(?:does|did|has|could|would|might) (?:that|this|it) (?:have )?(?:anything |something )?"
    r"(?:have )?to do with"
    r"|(?:eso|esto|isso|isto)(?: (?:sera|seria|tambien|tambem))? (?:tiene|tendra|tendria|tem"
    r"|teria) (?:algo )?(?:que|a) ver co[nm]"
    r"|(?:eso|esto|isso|isto) (?:es|esta|e|sera|seria) (?:parte|relacionad[oa]|ligad[oa]"
    r"|vinculad[oa]) (?:de|del|con|com|a|al|ao|da|do))\b(?P<about>.*)$"
    # not "这个跟中国有关的卫星项目叫什么？", which asks a name
    r"|^\W*(?:这|那)(?:个|些)?(?:跟|和|与)(?P<about_zh>\S*?)(?:有关|有关系|相关)"
    r"(?:吗|么|嘛|没有|不|吧|是吧|对吧)?\W*$"
)


def relates_to(text: str) -> str | None:
    """What a question that only asks whether what was told before it belongs to something
    names ("... more cargo flights to Latin America. Is that related to China-Latin America
    cooperation?": "China-Latin America cooperation"); None for any other question."""
    asking = _ASKS_IF_IT_RELATES.search(fold(text))
    if asking is None:
        return None
    return asking["about"] if asking["about"] is not None else asking["about_zh"]


def opens_with_connector(text: str) -> bool:
    """Whether a message opens as a continuation ("and Chile?", "what about Peru", "那智利呢")."""
    folded = fold(text).strip()
    after = _INTERJECTIONS.sub("", folded)
    return bool(
        _CONNECTOR.search(folded)
        or (after != folded and _CONNECTOR_AFTER_INTERJECTION.search(after))
        or _CJK_CONNECTOR.search(text)
    )


# A demonstrative after its noun, before words that say which ("los satelites esos que
# hicieron ...", "las siglas esas del foro"), names what it means; alone ("las rutas esas para
# qué son?") it points back.
_AFTER_ITS_NOUN: Final = re.compile(
    r"\b((?:los|las|el|la|os|as|o|a)\s+\w{3,})\s+(?:esos|esas|ese|esa|esses|essas|esse|essa)"
    r"(?=\s+(?:que|de|del|da|do|das|dos)\b)",
    re.IGNORECASE,
)


def points_back(text: str, *, replying: bool = False) -> bool:
    """Whether a message refers to something said before ("what did they set up?");
    `replying`: it is a reply to an answer."""
    text = _AFTER_ITS_NOUN.sub(r"\1", text)
    folded = fold(text).strip()
    # "how that fund thing work 🤔": an emoji is no word
    said = sum(1 for word in folded.split() if any(map(str.isalnum, word)))
    short = said <= (MAX_REPLY_POINTING_WORDS if replying else MAX_SHORT_WORDS)
    return (
        (short and bool(_NEAR_POINTER.search(folded)))
        or found(_POINTER, text)
        or bool(_HE_OR_SHE.search(folded))
    )


# "what is it exactly?", "它是干什么的？": the whole message asks what the thing talked about is.
_WHAT_IT_IS: Final = re.compile(
    # "what kind of company is that exactly?", "mas que empresa é essa?", "e quem é essa
    # malta?": what the one behind the thing talked about is
    r"^\W*(?:(?:and|so|but|y|e|mas|pero)\W+)?what (?:(?:kind|sort|type) of )?(?:company|firm"
    r"|outfit|business) (?:is|are) (?:it|that|this|they|those)(?: (?:exactly|again|then))*"
    r"|^\W*(?:(?:y|e|mas|pero)\W+)?(?:que|q|qual|cual) (?:tipo de )?(?:empresa|compania|companhia"
    r"|firma) (?:es|e|son|sao) (?:esa|essa|esta|aquela|aquella)(?: (?:exactamente|exatamente))?"
    r"|^\W*(?:(?:y|e|mas|pero)\W+)?(?:quem|quien) (?:e|es) (?:essa|esa) (?:malta|gente|galera"
    r"|empresa|firma|companhia|compania)(?=\W*$)|"
    r"^\W*(?:(?:and|so|ok|but|sorry|wait)\W+)*"
    r"(?:what(?:['’]s| is| are)|whats) (?:it|that|this|they|those)"
    r"(?: (?:exactly|again|actually|even|then|anyway|about))*"
    r"|^\W*what does (?:it|that|this) do"
    r"|^\W*who(?:['’]s| is| are) (?:it|that|this|they|those)"
    r"|^\W*(?:y |e )?(?:quien(?:es)? (?:es|son)|quem (?:e|sao))(?: (?:eso|ellos|ellas|eles|elas))?"
    r"|^\W*(?:y |e )?(?:que|q|o que|oq) (?:es|e|son|sao) (?:eso|esto|isso|isto|aquilo)"
    r"(?: (?:exactamente|exatamente))?"
    r"|^\W*(?:它|他们|那|这)(?:个|家|些)?(?:到底|究竟|具体)?(?:是|是个|是做|是干)(?:什么|啥|谁)",
)
_WHAT_IT_IS_END: Final = re.compile(r"[\W\s]*(?:的|呢|啊|吗)?[\W\s]*$")


def asks_what_it_is(text: str) -> bool:
    """Whether a message only asks what the thing talked about is ("what is that exactly?")."""
    for candidate in (fold(text).strip(), text.strip()):
        match = _WHAT_IT_IS.match(candidate)
        if match and _WHAT_IT_IS_END.fullmatch(candidate[match.end() :]):
            return True
    return False


# "that Chinese genetics firm that opened a lab in Uruguay, what does it do?", "essa empresa
# ..., como o texto descreve ela?", "...的那家中国公司，主要是做什么的？": what a company a
# message describes by what it did is (over folded text); not "what does the company's lab
# do?", which asks of the lab.
_COMPANY: Final = re.compile(
    r"\b(?:company|firm|outfit|business|empresa|firma|companhia|compania)\b|公司|企业|集团"
)
_ITS_LAB: Final = re.compile(
    r"\b(?:company|firm)['’]s\b"
    r"|\b(?:lab|labs|laboratorio|laboratorios)\s+(?:of|de|da|do)\s+(?:the |la |a |o )?"
    r"(?:company|firm|empresa|firma|companhia|compania)\b"
)
_WHAT_IT_IS_OR_DOES: Final = re.compile(
    r"\bwhat (?:is|are|does|do)\b|\bwhat kind of\b|\bdescri|\bdescrev|\bknown for\b"
    r"|\bque (?:es|hace|tipo)\b|\ba que se dedica\b|\bconocida por\b"
    r"|\bo que (?:e|faz)\b|\b(?:e|faz|faze|fazer) (?:o que|oq)\b|\bconhecida por\b"
    r"|做什么|干什么|是什么|做啥|干啥|是做|主要做"
)


# What a company made, which a question may ask about instead: "...公司在巴西修的厂是做啥的"
# asks what the plant does (Chinese puts what is asked about last).
_ITS_WORK: Final = re.compile(r"厂|实验室|园区|基地|中心")
# "para que es", "pra que serve": what it is for, not what it is
_WHAT_FOR: Final = re.compile(r"\b(?:para|pra|pa) (?:que|q)\b")


def asks_what_a_company_is(text: str) -> bool:
    """Whether a message asks what a company it speaks of is or does, not what something of
    the company's is or is for."""
    folded = fold(text)
    company = [found.start() for found in _COMPANY.finditer(folded)]
    work = [found.start() for found in _ITS_WORK.finditer(folded)]
    return bool(
        company
        and _WHAT_IT_IS_OR_DOES.search(folded)
        and not _ITS_LAB.search(folded)
        and not (work and max(work) > max(company))
        and not _WHAT_FOR.search(folded)
        and not asks_what_for(text)
    )


# "¿cómo se llama?", "e qual é o nome?", "叫什么名字？": the whole message asks what the thing
# talked about is called. Alone it asks the bot's name, as "what's your name?" does; after an
# answer it asks the subject's, as "what's it called?" does in English.
_ITS_NAME: Final = re.compile(
    r"^\W*(?:(?:y|e|ok|ya|pero|mas)\W+)?"
    r"(?:como (?:(?:e que )?se )?(?:llama|llaman|chama|chamam)"
    r"|cual es (?:su|el) nombre|qual (?:e )?o nome|(?:el |o )?(?:nombre|nome))"
    r"(?: (?:de eso|de esto|eso|esto|ese|esa|isso|isto|esse|essa|dele|dela|disso"
    r"|entonces|mesmo|exactamente|exatamente"
    # "¿y cómo se llama el tipo?": the person just talked about
    # (not "o senhor", the polite "you": "como se chama o senhor?" asks the bot's name)
    r"|(?:el|ese) (?:tipo|man)|ese hombre|(?:o|esse) (?:cara|sujeito)|esse homem))?\W*$"
    r"|^\W*(?:那|那个|这个|它|它们)?的?(?:叫|叫做)(?:什么|啥)(?:名字|名)?(?:来着)?[呢啊呀]?[\W\s]*$"
    r"|^\W*(?:那|那个|这个|它|它们)?的?名字(?:是什么|叫什么|是啥|叫啥)?(?:来着)?[呢啊呀]?[\W\s]*$"
)


def asks_its_name(text: str) -> bool:
    """Whether a message only asks what the thing talked about is called ("¿cómo se llama?")."""
    return bool(_ITS_NAME.match(fold(text).strip()))


def asks_for_position(text: str) -> bool:
    """Whether a message only names an item of the list just given ("the second one?")."""
    return bool(_ONLY_POSITION.match(fold(text).strip()))


def the_item_asked_of(text: str) -> tuple[int, str] | None:
    """The position of the item of the list just given that a message asks more of ("the
    second one, what did they do there?": 2), and the message without those words; None when
    it names none, names the other of two, or folding changes its length (a "…"), which
    would put the words elsewhere."""
    folded = fold(text)
    found_item = _ITEM_OF_A_LIST.search(folded)
    position = asked_position(found_item[0]) if found_item else None
    if found_item is None or not position or len(folded) != len(text):
        return None
    rest = f"{text[: found_item.start()]} {text[found_item.end() :]}".strip(" ,，")
    return position, rest


# What a Chinese measure word counts: "第一颗" is the first satellite (or other round thing),
# "第二家" the second company; 个, 项 and 条 count anything.
_MEASURED: Final = re.compile(rf"(?:{_ordinals(3)})([颗家])")
_KIND_MEASURED: Final = {"颗": "satellites", "家": "companies"}


def measured_kind(text: str) -> str | None:
    """The kind of thing a Chinese ordinal's measure word says it counts ("第一颗":
    satellites), if it says one."""
    found = _MEASURED.search(fold(text))
    return _KIND_MEASURED[found[1]] if found else None


def asked_position(text: str) -> int | None:
    """The position a message names ("the second one?": 2; "the last?": -1; "the other
    one?": 0), if any."""
    folded = fold(text)
    return next((position for position, pattern in _POSITIONS if pattern.search(folded)), None)


def asks_for_the_other(text: str) -> bool:
    """Whether a message only asks for the other of two ("what about the other one?"), not
    for "the other ones": the rest of a list is no pair."""
    return asks_for_position(text) and asked_position(text) == 0


# "only for brazil?", "just the satellites?", "¿solo para Brasil?", "só pro brasil?", "只给巴西吗":
# whether what was said holds for that alone, which the subject's own answer tells.
_ONLY: Final = re.compile(
    r"^\W*(?:(?:and|but|so|y|e|pero|mas)\s+)?(?:only|just|solo|solamente|unicamente|somente|apenas)"
    r"(?:\s+\w+){1,5}[\W\s]*$"
)
# "is it only for brazil?", "¿es solo para Brasil?", "isso é somente pro Brasil?": the same
# question, its verb said.
_ONLY_VERB: Final = re.compile(
    r"^\W*(?:(?:and|but|so|y|e|pero|mas)\s+)?"
    r"(?:(?:is|was) (?:it|that|this)|(?:are|were) (?:they|those|these)"
    r"|(?:eso |esto |isso |isto )?(?:es|e|era))\s+(?=only|just|solo|solamente|unicamente"
    r"|somente|apenas)"
)
# Portuguese "só" folds to English "so" ("so what is CBERS?"); Chinese, short, no question word,
# asked as it is or whether it is so ("是不是只造电动车？", Cantonese "系咪淨係整电动车？").
_ONLY_UNFOLDED: Final = re.compile(
    r"^\W*(?:e\s+)?(?:(?:isso |isto )?é\s+)?só(?:\s+\w+){1,4}[\W\s]*$"
    r"|^\W*(?:是不是|是否|系咪|係咪)?(?:只|仅|淨係|净係|净系)[^\W\d_]{1,8}[吗呢]?[\W\s]*$"
)
_ASKS_WHAT: Final = re.compile(rf"\b{QUESTION_WORD}\b|{CHINESE_QUESTION_WORD}")


# "only", anywhere: "e faz o quê lá, só carro?"
_ONLY_ANYWHERE: Final = re.compile(
    # "só" with its accent: a bare "so" is English
    r"\b(?:only|solo|s[oó]lo|solamente|[uú]nicamente|somente|apenas|nom[aá]s)\b|\bsó\b"
    r"|只|仅|淨係|净係|净系",
    re.IGNORECASE,
)


def says_only(text: str) -> bool:
    """Whether a message says "only" of something ("só carro?", "只有电动车吗")."""
    return bool(_ONLY_ANYWHERE.search(text))


def asks_if_only(text: str) -> bool:
    """Whether a short message only asks if what was said holds for one thing alone ("only
    for brazil?"), not a question of its own ("just curious, what is CBERS?")."""
    folded = _ONLY_VERB.sub("", fold(text).strip(), count=1)
    if _ASKS_WHAT.search(folded):
        return False
    return bool(_ONLY.match(folded) or _ONLY_UNFOLDED.match(text.strip()))


# "what for?", "who benefits?", "¿para qué sirve?", "quem ganha com isso?", "有啥用": what the
# thing talked about is for or brings.
_PURPOSE: Final = re.compile(
    r"\b(?:what for|what(?:['’]s| is| are) (?:it|that|this|they|those) for"
    # "for what tho?", "for wha?": the same asked the other way round, alone
    r"|^\W*(?:and |but )?for (?:what|wha|wat|wut)(?: tho| though| exactly| then)?(?=\W*$)"
    r"|what(?:['’]s| is) the (?:(?:(?:end|ultimate|final) )?(?:point|use|purpose|goal|aim)"
    r"|end ?game)"
    r"|what (?:would|will|does|did|can|could) (?:it|that|this|they|those)"
    r" (?:achieve|bring|do for|accomplish|lead to)"
    r"|what good|how (?:does|did|will|would|can|could) (?:it|that|this|they) help"
    # "¿para qué servirá?", "pra que vai servir?": what it will be for, too
    r"|who (?:benefits|gains)|(?:para|pra|pa) (?:que|q) (?:va a |van a |vai |vao )?"
    r"(?:sirve|sirven|servira|serviran|serviria|serve|servem|servir|se usa\w*)"
    r"|(?:para|pra|pa) (?:que|q)(?:\s+(?:mesmo|msm|exatamente|exactamente|afinal|entonces|entao))?"
    # "pra quê mesmo, visse?": a tag after it asks nothing more
    r"(?=\s*\?|\s*$|,?\s*(?:visse|viu|ne|ta|hein|pues|oxe|uai|mano|cara|che)\W*$)"
    r"|(?:de|d) (?:que|q) (?:le |les |lhe |lhes )?(?:sirve|serve|servira)"
    # "qual o ganho disso?": what it brings, asked alone (not "qual o ganho do Flamengo?")
    r"|(?:qual|cual) (?:e |es )?(?:o |el )?(?:ganho|ganancia)(?: (?:disso|nisso|de eso|con eso"
    r"|com isso|pra gente|para nosotros|pra nos|para nos)){0,2}(?=\W*$)"
    r"|o que .{0,20}ganha|ganham? o (?:que|q)\b|que gana|quem ganha|quien gana"
    r"|quien(?:es)? se benefician?|quem (?:mais )?(?:se )?beneficiam?"
    r"|como (?:eso|esto|isso|isto) (?:ayuda|ajuda)|que (?:aporta|logra|trae)"
    # "vai ajudar em quê?", "¿ayuda en qué?": what it helps with
    r"|(?:ajuda|ajudar|ajudam|ayuda|ayudar|ayudan) (?:em|en) (?:que|q)"
    # "isso ajudou quem?", "who did it help?": whom it helped
    r"|(?:ajudou|ajudaram|ayudo|ayudaron) (?:a )?(?:quem|quien|quienes)"
    r"|who (?:did|does|will|would) (?:it|that|this|they) help"
    r"|o que (?:isso|isto) (?:traz|trouxe)"
    # "para quais finalidades?", "¿con qué fin?", "for what purposes?"
    r"|(?:para|pra|con|com|a) (?:que|q|quais|qual|cuales|cual) (?:fins|fines|fin|finalidades?"
    r"|objetivos?|propositos?)|(?:for )?what purposes?)\b"
    # "impact?", "¿y el impacto?": what it brings, asked in one word
    r"|^\W*(?:and |y |e )?(?:what(?:'s| is) )?(?:the |its |el |los |su |sus |o |os |seu |seus )?"
    r"(?:impacts?|impactos?|effects?|efectos?"
    r"|efeitos?)\W*$"
    r"|干嘛用|有什么用|有啥用|什么用|有什么作用|有啥作用|起什么作用|好处|带来了?什么|带来啥|用来做什么"
    r"|谁(?:会)?(?:受益|得益)"
    # "能帮上什么忙", what help it gives
    r"|帮上?(?:什么|啥)忙|(?:有|能)(?:什么|啥)帮助"
    r"|[用拿]来(?:干嘛|干啥|做啥|做什么|干什么|做哪样|搞什么|搞啥)"
    # "意义何在？", "这块意义在哪", what is the point of it; not "对全球南方有什么意义" or
    # "绿色经济的意义是什么", which name what they ask about
    r"|意义(?:何在|在哪)"
)
# "why?": a cause, which only names what it is about in "why green?", "¿por qué lo digital?".
_WHY: Final = re.compile(r"\b(?:why|por que|porque|pq)\b|为什么|为啥|为何")


# The words a question of what something is for or brings asks it with: no topic of their own.
PURPOSE_WORDS: Final = (
    "benefit benefits help helps good bring brings achieve gain gains use purpose point goal aim "
    "ganho ganhos "
    "ganha ganham gana ganan ayuda ayudan ayudar ajuda ajudam ajudar sirve sirven serve servem "
    "helped ayudo ayudaron ajudou ajudaram "
    "servira serviran serviria servir traz trouxe "
    "aporta logra trae impact impacts impacto impactos effect effects efecto efectos efeito "
    "efeitos 好处 用 带来 意义 目的 "
    # who benefits: "¿quién se beneficia?", "quem se beneficia?", "谁受益？"
    "beneficia benefician beneficiam beneficio beneficios beneficiar 受益 得益 "
    # who it helps: "how will it help people there?" asks what it brings, of no other topic
    "people ordinary locals gente pessoas povo populacao poblacion 老百姓 普通人 当地人"
)


def asks_what_for(text: str) -> bool:
    """Whether a message asks what something is for or brings ("who benefits?")."""
    return found(_PURPOSE, text)


def asks_why(text: str) -> bool:
    """Whether a message asks why ("why green?", "为啥是绿色？")."""
    return found(_WHY, text)


# "wait, wasn't it 2023?", "¿no eran 20?", "não eram cinco?", "¿seguro que eran seis?",
# "不是2023年吗?", "确定是19个?": a doubt about a figure just given (over folded text, and Chinese).
_DOUBT: Final = re.compile(
    r"\b(?:(?:wasn'?t|weren'?t|isn'?t|aren'?t) (?:it|there|they|that)|(?:are you|you) sure"
    r"|no (?:fue|fueron|era|eran|es|son)|segur[oa] que|nao (?:foi|foram|era|eram|e|sao)"
    r"|(?:tem|tens) certeza)\b|不是|确定|真的是|没记错"
)
# A figure, not "one of" or "a" ("isn't it one of the 19?" names 19; "不是一个公司吗" none).
_FIGURE: Final = re.compile(
    r"\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|dos|tres|cuatro"
    r"|cinco|seis|siete|ocho|nueve|diez|veinte|dois|duas|quatro|sete|oito|nove|dez|vinte)\b"
    r"|[二两三四五六七八九十]+[个颗年]"
)
# A doubt says it in a few words; a longer message with a figure asks a question of its own.
MAX_DOUBT_WORDS: Final = 8


def doubts_a_figure(text: str) -> bool:
    """Whether a short message doubts a figure just given ("wasn't it 2023?")."""
    return len(text.split()) <= MAX_DOUBT_WORDS and found(_DOUBT, text) and found(_FIGURE, text)


# "is it in brazil?", "so that's in mexico?", "¿es en Brasil?", "é no Brasil?", "是在巴西吗":
# whether the thing just talked about is in a place (over folded text, and Chinese).
_THERE: Final = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|y|e|entonces|entao)\W+)?"
    r"(?:(?:is|was|are|were) (?:it|that|this|they|those)|(?:it|that)(?:'s|s| is| was))"
    r" (?:(?:all|only|just) )?in\b"
    r"|^\W*(?:(?:y|e|entonces|entao)\W+)?(?:es|esta|fue|queda|son|estan|fica|foi|ficam|sao|ta)"
    r" (?:en|no|na|em)\b"
    # "é no Brasil?" as typed (`found` tries that too): folded, it is "e no Brasil?", and in
    # Brazil?
    r"|^\W*(?:(?:e|então|entao)\W+)?(?:é|eh) (?:no|na|em)\b"
    # not "在墨西哥卖吗" (is it sold in Mexico?)
    r"|^[那这它]?(?:是|就是)?在(?:(?![卖有用买产售做建开])[^，,？?。]){1,6}(?:吗|吧|嘛)",
    re.IGNORECASE,
)
MAX_THERE_WORDS: Final = 6


def asks_if_there(text: str) -> bool:
    """Whether a short message asks if the thing just talked about is in a place ("is it in
    brazil?", "是在巴西吗")."""
    return len(text.split()) <= MAX_THERE_WORDS and found(_THERE, text)


# "is it finished?", "¿ya está funcionando?", "já tá pronto?", "投产了吗": whether the thing just
# talked about is built, open or working yet (over folded text, and Chinese).
_STATUS: Final = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay)\W+)?(?:is|are|has|have) (?:it|that|they|those|the \w+)"
    r"(?: \w+)? (?:finished|done|ready|built|open|opened|running|working|operating|operational"
    r"|complete|completed|started|up and running)(?=\s*(?:yet|already|now)?\s*(?:[?.!,]|$))"
    r"|\bwhen will (?:it|that|they) (?:be (?:ready|done|finished|open)|open|start)\b"
    r"|\b(?:ya|todavia|aun) (?:esta|estan) (?:funcionando|terminad[oa]s?|list[oa]s?|operando"
    r"|abiert[oa]s?|produciendo|en marcha)\b"
    r"|\b(?:ya|todavia|aun) (?:funciona|abrio|empezo|arranco|opera)\b"
    r"|\b(?:esta|estan) (?:funcionando|terminad[oa]s?|operando|abiert[oa]s?|produciendo)\b"
    r"|\b(?:ja|ainda) (?:esta|ta|estao) (?:funcionando|pront[oa]s?|operando|abert[oa]s?"
    r"|produzindo|em operacao)\b"
    r"|\b(?:ja|ainda) (?:funciona|abriu|comecou|produz|opera)\b"
    r"|\b(?:esta|ta|estao) (?:funcionando|operando|produzindo)\b"
    # "quando fica pronto?", "¿cuándo estará listo?": when will it be ready
    r"|\b(?:cuando|quando) (?:(?:va a|vai|van a|vao) )?(?:estar|estara|estaran|fica|ficam|ficar"
    r"|ficara|quedar|queda|quedara) (?:pront[oa]s?|list[oa]s?|terminad[oa]s?|funcionando)\b"
    r"|建好|建成|投产|完工|开始生产|运营了吗|开了吗|开业了"
)


# The words of working together, which a count of partners names whatever it counts:
# "what do they cooperate on?" after the 19 farming mechanisms asks what the cooperation
# covers, which the count leaves unsaid.
COOPERATION_WORDS: Final = (
    "cooperation cooperate cooperating collaborate coopera cooperan cooperam cooperar "
    "cooperacion cooperacao 合作"
)
# The words such a question asks it with, which name no topic of their own (the knowledge base
# may never use them: "is it finished?" names nothing the article lacks); read as terms by the
# same normaliser as the message, like PURPOSE_WORDS.
STATUS_WORDS: Final = (
    "finished done ready built open opened running working operating operational complete "
    "completed started funcionando terminado terminada listo lista operando abierto abierta "
    "produciendo pronto pronta aberto aberta produzindo"
)


def asks_status(text: str) -> bool:
    """Whether a message asks if the thing talked about is built, open or working yet."""
    return found(_STATUS, text)


# An answer that tells how far a work has come ("The first vehicle is expected by early 2025",
# "the centre was set up this month"), in the knowledge base's English text.
_PROGRESS: Final = re.compile(
    r"\b(?:built|set up|established|opened|inaugurated|launched|completed|rolled off|expected"
    r"|constructed|created|founded)\b"
)


def tells_progress(answer: str) -> bool:
    """Whether an answer's English text tells how far a work has come (built, opened, due)."""
    return bool(_PROGRESS.search(answer))


# "hicieron algo más?", "还有别的安排吗？", "did they do anything else?": something besides
# what was set aside, over folded text.
_SOMETHING_ELSE: Final = re.compile(
    r"\b(?:else|other|others|otr[oa]s?|outr[oa]s?|mas|mais)\b|别的|其他|其它|另外|还有"
)


def asks_for_something_else(text: str) -> bool:
    """Whether a message asks for something besides what it set aside."""
    return found(_SOMETHING_ELSE, text)


def asks_for_more(text: str) -> bool:
    """Whether a message only asks to hear more about the subject."""
    return (
        found(_MORE, text)
        or found(_WHAT_ELSE, text)
        or (
            found(_EXAMPLES, text)
            and not _ASKS_OTHERWISE.search(_WHICH_EXAMPLES.sub(" ", fold(text)))
        )
    )
