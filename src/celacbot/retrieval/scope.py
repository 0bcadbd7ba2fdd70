"""Questions no article on cooperation between states answers, whatever they name.

Contract: `beyond_the_article(question, named=...)` gives the reason to decline a question
that asks for advice (what to buy or choose, what the asker needs), a distance or a journey,
a visitor's question (what to do there, a visa, safety), a person's private life, a market's
price or exchange rate, the weather or the time of day, how a thing works in general, or how
to do something; None for any other question. A question naming a thing the article speaks
of may ask how to get at it ("How can I get the CBERS data?"), never for advice.
"""

from __future__ import annotations

import re
from typing import Final

from celacbot.retrieval.missing import COUNTRIES
from celacbot.retrieval.normalise import fold

# "How do solar panels work?": how a thing works in general, which the article never explains
# (it says what was built and where, not how technology works). Words and Chinese apart, as
# in missing._ASKED: re searches a pattern whose branches all start alike faster.
_HOW_IT_WORKS: Final = (
    re.compile(
        # Not how a cooperation works, is made to work, or how China and others work together:
        # "how does the cooperation in agriculture work?" asks what the article tells.
        r"\bhow (?:does|do|did|can|could)\b"
        r"(?!.*\b(?:cooperation|partnership|collaboration|relationship|relations)\b)"
        r"(?!.*\bmake (?:\w+ ){0,5}work\b)(?!.*\bchina\b.*\bwork together\b)"
        r".*\b(?:work|works|function|functions|operate|operates|stay (?:up|in orbit)|into orbit)\b"
        # "how does the digital farming work tie into the UN goals?": work done, and how it
        # bears on something the article names
        r"(?!\s+(?:tie|ties|relate|relates|connect|connects|fit|fits|link|links|contribute"
        r"|contributes)\b)"
        # "fly" within a few words: "how did they handle the need to fly parcels over?" asks
        # what was done.
        r"|\bhow (?:does|do|did|can|could)(?:\W+\w+){0,4}?\W+(?:fly|flies)\b"
        r"|\bcomo (?:funciona|funcionan|se mantienen|hacen (?:los|las|para|pa)\b)"
        r"|\bcomo (?:funciona|funcionam|se mantem|fazem para)\b"
        # "¿cómo se quedan en órbita?", "como os satélites ficam em órbita sem cair?"
        r"|\b(?:ficam|fica|permanecem|se mantem|se mantienen|se quedan|quedan|permanecen)"
        r" (?:em|en) orbita\b"
    ),
    re.compile(r"怎么工作|如何工作|原理|怎么运作|如何运作|为什么不会掉"),
)


# "how do I apply for a visa?", "como faço um bot?", "新手怎么开网店": instructions for the
# asker, which an article about cooperation between states never gives.
# Only the asker's own doing: "how can we describe..." or "how do you see..." ask for the
# article's view, "中拉如何开展合作" (carry out) for what was done.
_HOW_TO: Final = (
    re.compile(
        r"\bhow (?:do|can|could|should) i\b|\bhow to\b(?<!\babout how to)"
        # not what a thing is for: "a hub that's supposed to figure out how to keep everybody fed"
        r"(?<!\bsupposed to figure out how to)(?<!\bsupposed to work out how to)"
        r"|\bcomo (?:hago|hacer|faco|fazer)\b"
        # "cómo saco la visa", "como vender por mercado libre": the asker's own errand
        r"|\bcomo (?:saco|consigo|obtengo|tramito|tiro|obtenho|vendo|vender|compro|comprar)\b"
    ),
    # "卫星锅怎么装", "电动车怎么充电", "在家怎么做": the asker's own doing
    re.compile(
        r"新手|教程|攻略|(?:怎么|如何|怎样)(?:开(?:店|网店|公司|账户)|入门)"
        r"|(?:怎么|如何|怎样|咋)(?:装|安装|充电|申请|报名)|在家(?:怎么|如何|咋)|好考吗|难考吗"
    ),
)


# "tesla or byd, which is better?", "¿vale la pena comprar un BYD?", "买哪个好", "which vaccines
# do I need for Peru?": advice for the asker, which an article about cooperation between
# states never gives, whatever it names.
_ADVICE: Final = (
    re.compile(
        r"\bshould (?:i|we) (?:buy|get|invest|choose|pick)\b|\bwhich (?:one )?(?:is|are) better\b"
        # what the asker needs to get or bring, not to know ("what do I need to know about ...")
        r"|\bwhich \w+ (?:do|will) i need\b"
        r"|\b(?:do|will) i need (?:a|an|to (?:get|buy|bring|take))\b"
        r"|\bnecesito (?:un|una|comprar|llevar)\b"
        # the price of a thing to buy ("how much is a BYD Dolphin?", "quanto custa um BYD?")
        r"|\bhow much (?:is|are|does|do) (?:a|an|one)\b"
        r"|\bcuanto (?:cuesta|cuestan|vale|sale) (?:un|una)\b"
        r"|\bquanto (?:custa|vale|sai) (?:um|uma)\b"
        # "tesla or byd better for a first car", not "is farming or energy better developed?"
        r"|\bor \w+ (?:is |are )?better(?: for (?:me|a|an|my)\b|\W*$)"
        r"|\bbest \w+(?: \w+)? to buy\b|\bworth buying\b"
        # "is a byd a good first car?", "¿es un buen auto?": a buyer's question
        r"|\bgood (?:first |cheap |family )?car\b"
        r"|\bbuen (?:primer )?(?:carro|auto|coche)\b|\bbom (?:primeiro )?carro\b"
        r"|\b(?:do|would|can|could) you recommend\b"
        r"|\bcual (?:es|sera) mejor\b|\bvale la pena comprar\b|\b(?:deberia|conviene) comprar\b"
        r"|\bqual (?:e|eh) melhor\b|\bvale a pena comprar\b|\bdevo comprar\b"
        # "¿qué coche me recomendáis comprar?", "el mejor carro para comprar en Bogotá"
        r"|\b(?:me|nos) (?:recomienda\w*|recomenda\w*) (?:comprar|adquirir)\b"
        r"|\b(?:mejor|melhor) \w+(?: \w+)? (?:para|pa|pra) comprar\b"
        # "¿qué auto eléctrico me conviene más, byd o mg?": which suits the asker; not "¿nos
        # conviene la inversión china?" (is it good for us)
        r"|\b(?:me|nos) conviene (?:mas|comprar|elegir|escoger)\b"
        r"|\b(?:cual|que \w+(?: \w+)?) (?:me|nos) conviene\b|\b(?:me|nos) compensa mais\b"
        r"|\bvale mais a pena\b"
    ),
    re.compile(
        r"哪个好|哪个更好|值得买|推荐买|买哪个|该买哪|应该买|我需要(?:买|带|打|办|准备)|一辆[^？?]{0,12}多少钱"
        # the price of a car or phone to buy, not "中国从拉美买了多少钱的农产品"
        r"|买[^？?，,]{0,6}(?:比亚迪|车|手机|电动车|汽车)[^？?，,]{0,6}多少钱|选(?:啥|哪个|什么)平台"
    ),
)


# "things to do in Montevideo?", "dicas de viagem pra Lima", "do Uruguayans need a visa?",
# "墨西哥城治安咋样": a visitor's questions, which an article about cooperation between states
# never answers, whatever place it names. "what to do" only opens the message: "o que fazer
# para aproveitar a economia digital?" asks the article.
_TRAVEL: Final = (
    re.compile(
        r"\bthings to (?:do|see)\b|\bwhere (?:to|should i|can i) (?:eat|stay)\b"
        r"|\bis it safe to (?:visit|travel|go|live)\b|\bsafe (?:to|for) (?:visit|travel|tourists)\b"
        r"|\btravel tips\b|\bvisas?\b|\bpassports?\b|\bpasaportes?\b|\bpassaportes?\b"
        r"|\bdonde (?:comer|alojarme|hospedarme)\b"
        r"|\bes seguro (?:viajar|ir|visitar)\b|\bconsejos de viaje\b|\bo (?:que|q) comer\b"
        r"|\bonde (?:comer|ficar|me hospedar)\b|\be seguro (?:viajar|ir|visitar)\b"
        # a seat on a plane, not the cargo flights the article tells of
        r"|\bdicas de viagem\b|\bcheap flights?\b|\b(?:flight|plane) tickets?\b"
        r"|\b(?:cheaper|cheapest|cheap) to fly (?:to|from|into)\b"
        r"|\bmas barato (?:volar|ir) (?:a|hacia|desde)\b"
        r"|\bmais barato (?:voar|ir) (?:pra|para|a|de)\b"
        r"|\bvuelos? baratos?\b|\bpasajes? de avion\b|\bpassagens? (?:aereas? )?(?:de|para|pra)\b"
    ),
    re.compile(
        r"签证|护照|治安|安不安全|旅游|景点|好玩|好吃|餐厅|机票|带上飞机|行李|电池[^？?，,]{0,3}托运"
        r"|门票|(?:可以|能)去?参观"
    ),
    # only opening the message, apart: an anchored pattern is tried at its start alone
    re.compile(
        r"^\W*(?:(?:que|q) (?:hacer|ver|visitar|comer) en(?! materia| cuanto)"
        r"|o (?:que|q) (?:fazer|ver|visitar) (?:em|no|na))\b"
    ),
)
# "who is his wife?", "多大年纪": a person's private life; the article tells only what was done.
# A person's: the wages the cooperation brought or the forum's age are the article's.
_PERSON: Final = (
    r"(?:xi|xi jinping|the president|el presidente|o presidente|the author|el autor|o autor"
    r"|the director|el director|o diretor)"
)
_PRIVATE_LIFE: Final = (
    re.compile(
        r"\b(?:his|her) (?:wife|husband|kids|children|family|salary|birthday|age)\b"
        rf"|\bhow old is (?:he|she|{_PERSON})\b|\bis (?:he|she|{_PERSON}) married\b"
        rf"|\bhow much does (?:he|she|{_PERSON})\b[^?]{{0,50}}\b(?:make|earn)\b"
        rf"|\bsalar(?:y|io) (?:of|de|del|do|da) {_PERSON}\b|\b{_PERSON}(?:'s)? salary\b"
        r"|\bmulher dele\b|\b(?:es|e|esta) casad[oa]\b"
        r"|\b(?:esposa|marido|hijos|filhos) (?:de|do|del)\b"
        rf"|\b(?:edad|idade) (?:de|do|del) {_PERSON}\b"
    ),
    re.compile(
        # a person's family, not the asker's own ("我儿子说是十周年", my son says)
        r"(?<![我俺咱])(?<!我的)(?<!我家)(?:老婆|夫人|妻子|女儿|儿子)|多大年纪|哪年出生|结婚"
        # a person's birthday, not the forum's tenth ("中拉论坛的十岁生日")
        r"|(?:他|她|习近平|习主席|作者|主任)的?生日"
        r"|(?:他|她|作者|主任|所长|习近平|习主席)[^？?，,]{0,6}(?:工资|薪水|年薪)"
        r"|(?:习近平|习主席|他|她)(?:今年)?(?:几岁|多大)"
    ),
)


# The countries of the region, and China, as the folded text and Chinese write them: the
# article's, and their Spanish and Portuguese spellings that differ.
_COUNTRY: Final = (
    f"(?:{'|'.join(fold(country) for country in COUNTRIES)}"
    "|brasil|guiana|equador|uruguai|paraguay|paraguai|china)"
)
_CHINESE_COUNTRY: Final = (
    "巴西|阿根廷|智利|秘鲁|墨西哥|古巴|圭亚那|厄瓜多尔|委内瑞拉|玻利维亚|乌拉圭|巴拿马|哥伦比亚"
    "|巴拉圭|中国"
)
# "how far is Beijing from São Paulo?", "北京离圣保罗多远": the distance or journey from one
# place to another, which the article never gives. Not "how far can the cooperation go?"
# ("中拉合作能走多远"): that asks where it leads. So is what a country's population, capital,
# currency or official language is ("qual é a moeda do Brasil?"), when that is what is asked:
# not "did Xi visit the capital of Brazil?", "how does the population of Brazil benefit?".
_GEOGRAPHY: Final = (
    re.compile(
        r"\bhow far (?:is|are)\b[^?]{1,60}\bfrom\b|\bhow far away\b|\bdistance (?:from|between)\b"
        r"|\btime difference\b|\bhow long (?:is|does) (?:the|a) flight\b"
        r"|\ba que distancia\b|\bque distancia hay\b|\b(?:que tan|cuan) lejos (?:esta|queda)\b"
        r"|\bdiferencia horaria\b|\bqual (?:e )?a distancia\b|\bquao longe (?:fica|esta)\b"
        r"|\bfuso horario\b|\bdiferenca de fuso\b"
        rf"|\b(?:what(?:'s| is| s)?|whats|which is) (?:the )?(?:population|capital(?: city)?"
        rf"|currency|official language) (?:of|in) (?:the )?{_COUNTRY}\b"
        rf"|\b(?:cual|qual) (?:es |e )?(?:la |a )?(?:poblacion|populacao|capital|moneda|moeda"
        rf"|idioma oficial|lingua oficial) (?:de|do|da|del) {_COUNTRY}\b"
        r"|\bhow many people live in\b|\b(?:cuantos|quantos) habitantes (?:tiene|tem|hay|ha)\b"
    ),
    re.compile(
        r"离[^？?，,]{1,12}多远|多少公里|时差|飞多久|飞几个小时"
        rf"|(?:{_CHINESE_COUNTRY})的?(?:人口|首都|货币|官方语言)(?:是|有)?(?:多少|哪|什么|啥|几)"
    ),
)


# "a cuánto está el dólar hoy en Caracas?", "usd to brl exchange rate", "今天雷亚尔汇率多少":
# a market's price of the day, which the article never gives, whatever place it names. Not
# "how much did the factory cost?" (its caveat says the article gives no amount).
_MARKET_PRICES: Final = (
    re.compile(
        r"\bexchange rates?\b|\b(?:stock|share) prices?\b|\bprice of (?:the )?(?:dollar|gold|oil)\b"
        r"|\b(?:a|en) (?:cuanto|como) (?:esta|anda|va) el (?:dolar|euro|yuan|peso|sol|real)\b"
        # "tipo de cambio" is also a kind of change ("¿qué tipo de cambio trajo la inversión?")
        r"|\btipo de cambio (?:del?|hoy|actual|oficial)\b|\bprecio del (?:dolar|oro|petroleo)\b"
        r"|\bcotizacion del (?:dolar|euro|yuan)\b|\bcotacao do (?:dolar|euro|yuan)\b"
        r"|\bquanto (?:ta|esta) o (?:dolar|euro|yuan)\b|\btaxa de cambio\b"
        # a shop's price by weight: "quanto tá o quilo do açaí", "how much per kg"
        r"|\b(?:per|a) (?:kilo|kg|pound|lb)\b|\b(?:el|o) (?:kilo|quilo)\b"
        r"|\bpor (?:kilo|quilo|libra)\b"
    ),
    # not the fund's value, 基金价值
    re.compile(r"汇率|股价|(?<!基)金价|油价|美元兑|兑美元|多少钱一(?:斤|公斤)|每(?:斤|公斤)"),
)


# "will it rain in Brasília tomorrow?", "que horas são em Lima?", "成都明天会不会下雨": the
# weather or the time of day asked about, which no article answers, whatever place it names
# (after an answer about Brazil, "it" there is the sky, not the answer's subject). Not a word
# of weather in passing ("weather satellites", "how did the ties weather covid?", "tá chovendo
# investimento", "今天天气不错，..."), nor "tempo" or "clima" of something ("o tempo de
# espera", "el clima de inversión", "o clima entre China e Brasil").
_WEATHER_AND_CLOCK: Final = (
    re.compile(
        r"\b(?:what|how)(?:'s| is| will)? (?:the )?weather\b|^\W*weather\W*$"
        r"|\bweather (?:in|there|like|today|tomorrow|tonight|this weekend|forecast\b|gonna"
        r"|going to be|report)|\b(?:will|is) it (?:going to |gonna )?(?:rain|snow)\b"
        r"|\bis it (?:raining|snowing)\b|\bgonna rain\b"
        r"|\b(?:rain|snow)(?:ing)? (?:today|tomorrow|tonight|this weekend)\b"
        r"|\btemperature (?:in|today|tomorrow)\b|\bwhat time is it\b"
        r"|\bis it (?:hot|cold|warm|sunny|chilly|humid|freezing) (?:there|in|out|today|now|at)\b"
        r"|\bwhat(?:'s| is) the time (?:now|in|there|right now)\b"
        r"|\bva a llover\b|\besta lloviendo (?:en|alla|ahi|hoy)\b"
        r"|(?<!para )\bpronostico del tiempo\b"
        r"|\b(?:como|que tal) (?:va a )?(?:esta |estar |anda )?el (?:clima|tiempo)\b"
        r"(?! de\b| del\b| entre\b| para\b)|\bque hora(?:s)? (?:es|son)\b"
        r"|\bvai chover\b|\b(?:esta|ta) chovendo (?:em|no|na|ai|la|hoje)\b"
        r"|(?<!para )(?<!pra )\bprevisao do tempo\b"
        r"|\bfaz (?:muito )?(?:calor|frio) (?:em|no|na|ai|la|hoje)\b"
        r"|\bhace (?:mucho )?(?:calor|frio) (?:en|alla|ahi|hoy)\b"
        r"|\bcomo (?:vai )?(?:esta|ta|estar|ficar) o (?:tempo|clima)\b"
        r"(?! de\b| do\b| da\b| entre\b| para\b| pra\b)|\bque horas sao\b"
    ),
    # asked, not remarked ("今天天气不错，..."); not 航天气象 nor a rainy day (下雨天)
    re.compile(
        r"(?<!航)天气(?:怎么样|咋样|如何|怎样|点样|好不好|好吗|预报|会)|会不会下|下雨(?!天)|下雪"
        r"|几点了(?!不起)|现在几点|热不热|冷不冷"
    ),
)


# What the article never gives about anything, and the decline's reason, in the order tried;
# the second group only for a question naming nothing the article speaks of.
_NEVER_GIVEN: Final = (
    (_ADVICE, "asks what to buy or choose; the article gives no advice"),
    (
        _GEOGRAPHY,
        "asks for a distance, a journey or a country's population, capital or currency; the"
        " article gives no geography",
    ),
    (_TRAVEL, "asks a visitor's question; the article gives no travel advice"),
    (_PRIVATE_LIFE, "asks about a person's private life; the article tells only what was done"),
    (_MARKET_PRICES, "asks a market's price or exchange rate; the article gives no prices"),
    (_WEATHER_AND_CLOCK, "asks the weather or the time of day; the article gives neither"),
)
_NEVER_GIVEN_UNNAMED: Final = (
    (_HOW_IT_WORKS, "asks how something works in general; the article explains no mechanism"),
    (_HOW_TO, "asks how to do something; the article gives no instructions"),
)


def beyond_the_article(question: str, *, named: bool = False) -> str | None:
    """Why the question asks for what the article never gives about anything (advice, a
    distance or journey, a visitor's question, a private life, a market's price, the weather or
    the time, how a thing works, how to do something), as the decline's reason; None when it
    does not. `named`: the question names a thing the article speaks of, which it may ask how
    to get at ("How can I get the CBERS data?"), but never advice about, the way there, a
    visitor's question, a private life, a price of the day or its weather."""
    folded = fold(question)
    kinds = _NEVER_GIVEN if named else _NEVER_GIVEN + _NEVER_GIVEN_UNNAMED
    return next(
        (
            reason
            for patterns, reason in kinds
            if any(pattern.search(folded) for pattern in patterns)
        ),
        None,
    )
