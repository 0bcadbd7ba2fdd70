"""Honest near misses: what a question asks for that the chosen answer does not give.

Contract: `asked_details(text)` reads the kinds of detail a question asks for (an amount of
money, a count, a date, an exact place, a person) from its folded words in English, Spanish,
Portuguese or Chinese. `gaps(details, answer)` keeps those the answer's English text gives
no sign of, split by whether it already says it lacks them ("The article gives no launch
dates"). `counted_asked(text)` and `counted_given(answer)` read what a question asks to count
and what an answer's figures count, so that the retriever can tell a count of countries from
the count of plants asked for. The retriever still answers with what the article does say,
and `caveat(details, lang)` states, in the question's language, what it does not give.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from celacbot.languages import ENGLISH
from celacbot.retrieval.normalise import fold

# Words that name the kind of detail asked for, not what it is about ("in which year?").
DETAIL_WORDS: Final = (
    "year years date dates day days month months city cities town place places location "
    "headquarters amount amounts cost price number figure ano anos fecha data dia mes ciudad "
    "cidade lugar local sede precio preco costo custo numero"
)

# The words a question asks who paid with ("who funds it?", "¿quién lo financia?", "谁出资").
FUNDING_WORDS: Final = (
    "fund funds funded funding finance finances financed financing pay pays paid paying "
    "financia financian financio financiaron financiado financiou financiaram paga pagan pago "
    "pagaron pagou pagaram bancou 资助 出资 出钱"
)

# The words a question asks when a thing began with ("when did it start?", "¿cuándo empezó?",
# "什么时候开始的"): the date of what was talked about, no topic of their own.
BEGINNING_WORDS: Final = (
    "start starts started founded launched kicked off "
    "empezo empezaron empieza empezar comenzo comenzaron comienza comenzar inicio iniciaron "
    "inicia iniciar arranco comecou comecaram comeca comecar comecam iniciou iniciaram "
    "开始 成立 启动"
)


class Detail(StrEnum):
    """A kind of detail a question can ask for."""

    AMOUNT = "amount"
    RATE = "rate"
    SIZE = "size"
    SHARE = "share"
    HEADCOUNT = "headcount"
    BRAND = "brand"
    ROCKET = "rocket"
    COUNT = "count"
    DATE = "date"
    DAY = "day"
    LOCATION = "location"
    PLACE = "place"
    PERSON = "person"
    MEETING = "meeting"
    FUNDER = "funder"
    COMPANIES = "companies"
    AGREEMENTS = "agreements"
    INSTITUTIONS = "institutions"
    COUNTRIES = "countries"
    NAME = "name"
    # Not asked for: the question names another country, count or year than the answer's
    # ("did BYD build a plant in Mexico?": in Brazil).
    CLAIM = "claim"


# Chinese counts things with a measure word ("几个", "几颗", "几间").
_CHINESE_COUNTERS: Final = "个家颗条座项辆台剂名位次间所架枚艘处批届班款"
# "¿qué empresas...?", "¿Cuál es la empresa que...?", "e quais são as universidades...": the
# Spanish or Portuguese "which" before a noun, where a question starts (the "que" of "es verdad
# que empresas ..." is "that").
_WHICH_OPENING: Final = (
    r"(?:^\W*|\b(?:y|e|en|em|con|com|de|para|a) )(?:que|q|cual|cuales|qual|quais)"
    r"(?: (?:es|fue|son|fueron|e|foi|sao|foram) (?:el|la|los|las|o|a|os|as))?"
)
# The words that ask for a count, over folded text; what follows them is what is counted.
_HOW_MANY: Final = r"\b(?:how many|number of|cuant[oa]s|quant[oa]s|numero de)\b"
# Patterns over the folded question (lowercase, accents gone); "q" is Spanish/Portuguese "que".
# Each detail has a pattern of words, every branch starting at a word boundary, and one of
# Chinese words and signs (the date a third, for a "when" that opens a clause): re searches a
# pattern whose branches all start alike several times faster than one that mixes them
# (benchmarks/retrieval.py times every question).
_ASKED: Final[dict[Detail, tuple[re.Pattern[str], ...]]] = {
    Detail.AMOUNT: (
        re.compile(
            r"\bhow much\b"
            r"(?! (?:has|have|did|does|do|is|was) (?:\w+ )?(?:grow|grown|chang|help|improv))"
            r"|\b(?:cost|costs|price|budget|worth|dollars?|usd|funding)\b|\bamount of\b"
            r"|\b(?:total|dollar|monetary) value\b|\bvalor total\b|\bmonto total\b"
            r"|\bvalue of (?:\w+ ){0,2}(?:investments?|trade|aid|loans?)\b"
            r"|\bcuant[oa] (?:dinero|plata|lana|guita|pisto|cost|cuest|invirt|se invirt|gast|pag)"
            # how much of a thing: "¿cuánto litio exporta...?", "quanto lítio..."
            r"|\b(?:cuant[oa]|quant[oa]) (?:litio|cobre|soja|soya|petroleo|carne|comercio|cafe"
            r"|azucar|acucar|maiz|milho|trigo|banano|banana)\b"
            r"|\bhow much (?:lithium|copper|soy|soybeans|oil|beef|trade|coffee|sugar|corn|wheat)\b"
            r"|\b(?:costo|cuesta|cuestan|costar|costara|precio|presupuesto|dolares)\b"
            # money as an amount ("¿cuál es la plata total?"), not "la plata que pone China"
            r"|\bplata total\b|\b(?:mucha|tanta|harta) plata\b"
            # the amount, not "montó" (set up) once folded: "¿qué empresa montó un laboratorio?",
            # "la empresa que monto un laboratorio"
            r"|\b(?:el|un|que|cual|del|ese|este) monto\b(?! (?:un|una|el|la|los|las|en)\b)"
            r"|\bmonto (?:total|de|invertido)\b"
            # Portuguese "o montante (total) do investimento"
            r"|\bmontantes?\b"
            r"|\b(?:quant[oa]|qto|qnto) (?:dinheiro|grana|cust|investi|gast|pag|vai custar)"
            r"|\b(?:custo|custa|custam|custou|custar|custara|preco|orcamento|grana|dolares)\b"
            # "¿cuánto fue lo que invirtió China?", "quanto é que a China investiu?"
            r"|\bcuant[oa]\b[^?]{0,40}\b(?:invirt|invert|gast|pag|dinero|plata)"
            r"|\b(?:quant[oa]|qto|qnto)\b[^?]{0,40}\b(?:investi|gast|pag|dinheiro|grana)"
        ),
        re.compile(
            r"(?:多少|几多)钱|金额|总额|投资额|贸易额|交易额|花了(?:多少|几多)|投资了(?:多少|几多)"
            r"|投了(?:多少|几多)"
            r"|(?:多少|几多)(?:资金|美元)|成本|造价|预算"
        ),
    ),
    # "How many cars a year": a number per year, which a count elsewhere does not give.
    Detail.RATE: (
        re.compile(
            r"\bhow (?:many|much)\b[^?]*\b(?:(?:a|per|each|every) year|yearly|annually)\b"
            r"|\b(?:yearly|annual) (?:output|production|sales|capacity)\b"
            r"|\bcuant[oa]s?\b[^?]*\b(?:al|por|cada) ano\b"
            r"|\bquant[oa]s?\b[^?]*\b(?:ao|por|cada) ano\b"
        ),
        re.compile(r"每年[^？?]*多少|一年[^？?，,]{0,6}多少|一年能|年产"),
    ),
    # How big, how powerful: an area, a capacity, megawatts ("capacity building" is none, nor
    # "in what capacity", a role).
    Detail.SIZE: (
        re.compile(
            r"\bhow (?:big|large)\b|\b(?:size|area) of\b|\bsquare (?:meters|metres|feet)\b"
            r"|\bhectares?\b|(?<!\bin what )(?<!\bin which )\bcapacity\b(?! building)"
            r"|\bmegawatts?\b|\bmw\b"
            r"|\bque tan grande\b|\btamano\b|\bsuperficie\b|\bcapacidad\b|\bpotencia instalada\b"
            # the power of a plant ("qual a potência das usinas"), not a power among nations
            # ("¿qué potencia extranjera...?", "¿China es una potencia espacial?")
            r"|\b(?:que|q|qual|cual|cuanta|quanta)(?: (?:es|e|eh|era|sera))? (?:a |la )?potencia"
            r" (?:de|del|da|das|do|dos)\b"
            r"|\bque tamanho\b|\btamanho\b|\bcapacidade\b"
        ),
        re.compile(r"占地|面积|装机|功率|产能|规模|兆瓦|发电量|口径"),
    ),
    Detail.SHARE: (
        re.compile(
            r"\bper ?cent(?:age)?\b|\bpor ?ciento\b|\bporcentaje\b|\bpor ?cento\b"
            r"|\bpercentual\b|\bporcentagem\b"
        ),
        re.compile(r"%|百分之|百分比"),
    ),
    Detail.HEADCOUNT: (
        re.compile(
            r"\bhow many (?:people|ppl|workers|employees|staff|jobs)\b"
            r"|\bcuant[oa]s (?:personas|trabajadores|empleados|empleos|puestos)\b"
            r"|\bquant[oa]s (?:pessoas|trabalhadores|funcionarios|empregos|vagas)\b"
            # "¿cuánta gente va a trabajar ahí?", "quanta gente trabalha lá?"
            r"|\b(?:cuanta|quanta) gente\b"
        ),
        re.compile(r"(?:多少|几多)(?:人|员工|工人|就业|岗位)|几个人"),
    ),
    # Which brand or model of car or vaccine ("sinovac or sinopharm?", "qual modelo?").
    Detail.BRAND: (
        re.compile(
            r"\bbrands?\b|\bsinovac\b|\bsinopharm\b|\bmarcas?\b"
            r"|\b(?:car|ev|vehicle|vaccine)s? models?\b|\bmodels? of (?:car|ev|vehicle|vaccine)"
            r"|\b(?:which|what) models?\b(?= (?:will|did|does|is|are|was)\b)"
            r"|\bmodelos? de (?:carro|auto|coche|vacina|vacuna|veiculo|vehiculo)"
            r"|\b(?:qual|que|q|cual) modelo\b"
        ),
        re.compile(r"品牌|型号|哪款|车型|(?:什么|啥|哪个|哪些)牌子"),
    ),
    # Which rocket launched a satellite: the article names none.
    Detail.ROCKET: (
        re.compile(
            r"\b(?:which|what|whose) (?:kind of |type of )?rockets?\b|\blaunch vehicles?\b"
            r"|\b(?:que|q|qual|cual|cuales|quais) (?:tipo de )?(?:cohetes?|foguetes?)\b"
            r"|\b(?:cohete|foguete) (?:usaron|usado|utilizado|lanzador|lancador)\b"
        ),
        re.compile(r"(?:什么|啥|哪种|哪个|哪款|哪一种)火箭|运载火箭|长征"),
    ),
    Detail.COUNT: (
        re.compile(_HOW_MANY),
        # not "举几个例子" (give a few examples), which asks for examples, nor "这几个国家里"
        # (among these countries)
        re.compile(rf"(?:多少|几多)(?!钱)|(?<![哪举这那])几[{_CHINESE_COUNTERS}]"),
    ),
    Detail.DATE: (
        re.compile(
            # "when did ...?", "when?", not "... when covid hit" (a time, asked for nothing)
            r"\bwhen\b(?=\s*$|\s*[?!.,]|['’ ]s\b| (?:did|does|do|was|were|is|are|will|wil|would"
            r"|has|have|had|can|could|should|exactly|exacly|roughly|precisely|about|and|or|in"
            r"|since)\b)"
            r"|\b(?:what|wat|wha|wot|which|exact) (?:years?|dates?|days?|months?)\b|\bcuando\b"
            # not "to date", "hasta la fecha": so far
            r"|\b(?<!to )(?<!up to )dates?\b|\b(?<!hasta la )(?<!a la )fechas?\b"
            r"|\b(?:que|q|cual|en que|en q) (?:anos?|fechas?|dias?|mes|meses)\b|\bquando\b"
            # as typed on a phone: "qdo", "qnd", "cdo"
            r"|\b(?:qdo|qnd|qndo|cdo)\b"
            r"|\b(?:que|q|qual|em que|em q) (?:anos?|datas?|dias?|mes|meses)\b"
            # "em qual período?", "in what period?": when, as a span
            r"|\b(?:what|which|que|q|qual|cual) (?:period|periodo|time frame)\b"
            # "em que prazo ...?", "¿en qué plazo ...?": by when
            r"|\b(?:em|en|in|within) (?:que|q|qual|cual|what|which) (?:prazo|plazo|timeframe)\b"
            # "timeline for first output?", "¿cuál es el cronograma?": by when, as a schedule
            r"|\btimelines?\b|\bcronogramas?\b"
            # "how long has it been going on?": since when
            r"|\bhow long\b|\b(?:ha|faz) quanto tempo\b|\bhace cuanto\b"
            # "how old is CELAC?": since when, as an age
            r"|\bhow old\b"
        ),
        re.compile(
            r"多久|多长时间|什么时候|啥时候?|哪一?年|哪一?天|几月|几号|何时|日期|时间段|哪段时间"
        ),
        # "when" that opens the message or a clause asks too ("when chinese EVs entered chile?")
        re.compile(r"(?:^|[,;:.!?¿(])\W*when\b"),
    ),
    Detail.DAY: (
        re.compile(
            r"\b(?:what|which|exact) days?\b|\bexact dates?\b|\bfecha exacta\b"
            r"|\b(?:que|q|qual|cual) dia\b|\bdia exact?[oa]\b|\bdata exata\b"
        ),
        re.compile(r"哪一?天|几号|具体日期"),
    ),
    # Where at all: a country or a region answers it ("where is the station?"); "在哪个机构"
    # asks which institution, "在哪些领域" which fields, "用在哪些方面" what it is used for.
    Detail.LOCATION: (
        # not where someone works ("where does he work?", "¿dónde trabaja?"): their institute
        re.compile(
            r"\b(?:where|onde|donde)\b(?! (?:does|did) (?:he|she|the author|the writer) work"
            r"| (?:is|was) (?:he|she|the author|the writer) working)"
            r"(?! (?:(?:el|ella|ele|ela) )?(?:trabaja|trabajaba|trabalha|trabalhava)\b)"
        ),
        # not where someone works (在哪高就, 在哪里工作: the institute)
        re.compile(
            r"(?<!意义)在哪(?![个些]?(?:机构|单位|部门|公司|家|所|领域|方面)|[里儿]?(?:高就|工作|上班))"
            r"|哪里(?!高就|工作|上班)|哪儿(?!工作|上班)"
        ),
    ),
    Detail.PLACE: (
        re.compile(
            r"\bwhere\b[^?]*\bexactly\b|\bdonde\b[^?]*\bexactamente\b"
            r"|\bonde\b[^?]*\bexatamente\b"
            r"|\bwhere exactly\b|\bexactly where\b|\bexact (?:location|place|site|address)\b"
            r"|\b(?:which|what) (?:city|town|state|province|region)\b|\bwhere in\b"
            r"|\bheadquarter|\bbased where\b|\bsede\b"
            # "¿en qué ciudá?" as the Caribbean and Andalusia say it
            r"|\b(?:que|q|cual|en que|en q) (?:ciudad|ciuda|estado|provincia|region)\b"
            r"|\bdonde exactamente\b"
            r"|\b(?:que|q|qual|em que|em q|em qual) (?:cidade|estado|regiao)\b"
            r"|\bonde exatamente\b"
        ),
        re.compile(r"哪个城市|哪座城市|什么城市|具体在哪|具体位置|什么地方|哪个州|哪个省|设在哪"),
    ),
    Detail.PERSON: (
        re.compile(
            # "who's the boss of BYD?"; not "good evenin boss", "my boss says"
            r"\b(?:ceo|founder|chairman|owner)\b|\b(?:the|its|their|whose|s) boss\b|\bboss of\b"
            r"|\bwho (?:is|was|are) (?:the )?(?:head|chief|president|director|leader)\b"
            r"|\bwho (?:runs|leads|heads|founded|owns)\b"
            r"|\bquien (?:dirige|encabeza|maneja|esta a cargo)\b"
            r"|\bquien es el (?:jefe|director|presidente|dueno|fundador)\b"
            r"|\bquem (?:dirige|chefia|comanda|esta a frente)\b"
            r"|\bauthor'?s? name\b|\bname of the author\b"
            r"|\bnombre del (?:autor|director|jefe|fundador)\b|\bcomo se llama (?:el|la) autor"
            r"|\bquem (?:e|eh) o (?:dono|chefe|fundador|presidente|diretor)\b"
            r"|\bnome do (?:autor|diretor|chefe|fundador)\b|\bcomo se chama o autor"
        ),
        re.compile(
            # a person's name, not a thing's ("水电站叫什么名字", what the stations are called)
            r"哪(?:些|位)领导人|总裁|老板|创始人|董事长|负责人|作者叫什么|作者名字"
            r"|(?:他|她|这人|那人|这个人|那个人|这位|那位)叫什么名字"
            r"|谁(?:在|来)?(?:管|领导|主持|负责)(?!出钱|出资|买单)"
        ),
    ),
    # Whom someone met: the article tells of visits and summits, not of meetings.
    Detail.MEETING: (
        re.compile(
            r"\bwho (?:did|does|will) (?:\w+ ){1,3}meet\b|\bmet with whom\b"
            r"|\b(?:which|what) (?:leaders?|presidents?|officials?|heads of state)\b"
            r"[^?]{0,40}\bmeet"
            r"|\b(?:meet|met|meeting) (?:with )?(?:president|presidents|the president|leaders?)\b"
            r"|\bcon quien(?:es)? (?:\w+ ){0,3}(?:se )?reuni|\bse reuni\w* con\b"
            r"|\bcom quem (?:\w+ ){0,3}(?:se )?(?:reuniu|encontrou)|\bse (?:reuniu|encontrou) com\b"
        ),
        re.compile(r"见了谁|会见|会晤|和谁见面|见了哪(?:些|几)|见了[^？?，,]{1,8}吗"),
    ),
    # Who paid for it: the article says what was built, hardly ever with whose money.
    Detail.FUNDER: (
        re.compile(
            r"\bwho (?:paid|pays|funded|funds|financed|finances|sponsored|bankrolled)\b"
            r"|\bwho (?:is|was|are|were) (?:paying|funding|financing)\b"
            r"|\bwhere (?:did|does) the (?:money|funding|cash) come from\b"
            # "¿quién lo financia?", "quem o financiou?": with the pronoun of what is paid for
            r"|\bquien(?:es)? (?:(?:lo|la|los|las|le|les) )?(?:pago|pagaron|paga|financio"
            r"|financiaron|financia)\b"
            r"|\bquem (?:(?:o|a|os|as) )?(?:pagou|pagaram|paga|financiou|financiaram|financia"
            r"|bancou)\b"
        ),
        re.compile(
            r"谁出(?:的)?钱|谁(?:资助|出资|买单|付的钱|付钱)|资金(?:从哪|来源|来自哪)|钱从哪"
        ),
    ),
    # Which ones by name: the article speaks of companies and universities, naming few.
    Detail.COMPANIES: (
        re.compile(
            r"\b(?:which|what) (?:compan(?:y|ies)|firms|enterprises?|businesses|banks?)\b"
            rf"|{_WHICH_OPENING}"
            r" (?:empresas?|compan\w+|bancos?)\b"
        ),
        # "哪家中国公司": which company, a word or two between
        re.compile(r"哪(?:些|几?[个家]|几)[^？?，,]{0,4}?(?:企业|公司|银行|车企|厂商|厂家)"),
    ),
    # Which agreements were signed: the article names none.
    Detail.AGREEMENTS: (
        re.compile(
            r"\b(?:which|what) (?:agreements|deals|contracts|treaties|accords)\b"
            r"|\bsign(?:ed)? (?:any )?(?:agreements|deals|contracts|treaties)\b"
            r"|\b(?:que|q|cuales|quais) (?:acuerdos|convenios|contratos|tratados|acordos)\b"
            r"|\bfirm\w* (?:acuerdos|convenios)\b|\bassin\w* (?:acordos|contratos)\b"
            r"|\bwhat (?:did|do|will) (?:they|\w+) sign\b(?! up)|\bwhat was signed\b"
            r"|\b(?:que|q|oq|o que) (?:firmaron|firmo|firmaran|assinaram|assinou|assinarao)\b"
        ),
        re.compile(r"签了?(?:哪些|什么|啥)(?:协议|合同|协定)|哪些协议|什么协议"),
    ),
    Detail.INSTITUTIONS: (
        re.compile(
            r"\b(?:which|what) (?:universit(?:y|ies)|institutions?|research institutions?"
            r"|research institutes?|think tanks?|hospitals?)\b"
            rf"|{_WHICH_OPENING}"
            r" (?:universidad(?:es)?|institucion(?:es)?|instituic(?:ao|oes)|hospital(?:es)?"
            r"|hospitais)\b"
        ),
        re.compile(r"哪(?:些|几?[个所家]|几)[^？?，,]{0,4}?(?:大学|高校|机构|研究机构|医院)"),
    ),
    # Which countries by name ("which African countries get the data?"): the article names
    # thirteen, and speaks of regions ("developing countries in Africa") without naming theirs.
    Detail.COUNTRIES: (
        # "which African countries", not "what do countries gain ..."
        re.compile(
            r"\b(?:which|what) (?:(?!(?:do|does|did|will|would|can|could|are|is|were|was|have"
            r"|has|should)\b)\w+ )?countries\b"
            rf"|{_WHICH_OPENING}"
            r" (?:paises|países)\b"
        ),
        re.compile(r"哪(?:些|几个?)[^？?，,]{0,4}?国家"),
    ),
    # A thing's name ("what are the hydropower stations called?"); a person's is PERSON.
    Detail.NAME: (
        re.compile(
            r"\bwhat(?:'s| is| are|s)? the names?\b|\bnames? of (?:the|those|that)\b"
            r"|\bwhat (?:is|are|was|were) (?:it|they|those|the \w+(?: \w+)?) called\b"
            r"|\bcomo se (?:llaman?|chamam?)\b"
            r"|\b(?:cual|cuales|qual|quais) (?:es|son|e|sao) (?:el|los|o|os) nombres?\b"
            r"|\b(?:qual|quais) (?:e|sao) (?:o|os) nomes?\b"
        ),
        re.compile(r"叫什么名|叫啥名|名字是什么|名称是什么|什么名字|叫什么"),
    ),
}

# Details only a caveat looks for: which countries a question asks by name is the list an
# answer gives, or says it lacks, not a detail a follow-up or a neighbour answers instead
# ("都是哪几个国家？" after the 19 farming mechanisms asks for their list).
ONLY_WHEN_LOOKED_FOR: Final = frozenset({Detail.COUNTRIES})
# The details that ask when.
DATES: Final = frozenset({Detail.DATE, Detail.DAY})

# The countries the article names (a place given; a claim's country a right one may replace).
COUNTRIES: Final = (
    "Argentina",
    "Bolivia",
    "Brazil",
    "Chile",
    "Colombia",
    "Cuba",
    "Ecuador",
    "Guyana",
    "Mexico",
    "Panama",
    "Peru",
    "Uruguay",
    "Venezuela",
)

# A year, as a question or an answer writes it ("2024"): never a count.
YEAR: Final = r"(?:19|20)\d\d"
# A count in an answer's English text: a number on its own (not "COVID-19", not a year) or a
# number word.
_COUNT_FIGURE: Final = (
    rf"(?<![\w-])(?!{YEAR}\b)\d+(?![\w-])|\b(?:two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|nineteen|twenty|hundred|thousand|dozen)\b"
)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# Signs in an answer's English text that it gives the detail.
_GIVEN: Final[dict[Detail, re.Pattern[str]]] = {
    Detail.AMOUNT: re.compile(r"[$€£¥]|\b(?:dollars?|yuan|reais|billions?|millions?|trillions?)\b"),
    Detail.RATE: re.compile(r"\b(?:per|a|each) year\b|\bannual(?:ly)?\b|\byearly\b", re.IGNORECASE),
    Detail.SIZE: re.compile(
        r"\b(?:square|hectares?|acres?|km2|m2|MW|GW|megawatts?|gigawatts?|capacity of)\b"
    ),
    Detail.SHARE: re.compile(r"%|\bper ?cent\b"),
    Detail.HEADCOUNT: re.compile(
        r"\b\d[\d,.]*\s+(?:\w+\s+){0,2}(?:people|workers|employees|jobs)\b"
    ),
    Detail.BRAND: re.compile(r"\b(?:brands?|models?)\b"),
    Detail.ROCKET: re.compile(r"\b(?:rockets?|Long March|launch vehicles?)\b"),
    Detail.COUNT: re.compile(_COUNT_FIGURE, re.IGNORECASE),
    # Not the year in a name ("the UN 2030 Agenda"): it dates no event.
    Detail.DATE: re.compile(
        rf"\b(?<!Agenda ){YEAR}\b(?! Agenda)|\b(?:{_MONTHS})\b|\bthis month\b|\bdecade\b"
        r"|\banniversary\b",
        re.IGNORECASE,
    ),
    Detail.DAY: re.compile(
        rf"\b(?:{_MONTHS}) \d{{1,2}}\b|\b\d{{1,2}} (?:{_MONTHS})\b", re.IGNORECASE
    ),
    Detail.LOCATION: re.compile(
        rf"\b(?:{'|'.join(COUNTRIES)}|Africa|Asia|Rio de Janeiro|Lima|city|town|province|region)\b"
    ),
    Detail.PLACE: re.compile(r"\b(?:city|town|province|state of|municipality)\b"),
    Detail.PERSON: re.compile(r"\b(?:President|Mr|Ms|Dr|Minister|CEO) [A-Z][a-z]+"),
    # a meeting with someone named, not the visitor's own name ("President Xi Jinping")
    Detail.MEETING: re.compile(
        r"\b(?:met|meets|meeting|talks) (?:with )?(?:President|Prime Minister|Minister) [A-Z]"
    ),
    Detail.FUNDER: re.compile(
        r"\b(?:funded|financed|paid for|sponsored|bankrolled) by\b|\bthrough the [\w\s-]*?fund\b",
        re.IGNORECASE,
    ),
    # The companies and institutions the article names; it names no agreement.
    Detail.COMPANIES: re.compile(r"\b(?:BYD|BGI)\b"),
    Detail.AGREEMENTS: re.compile(r"\bagreements? (?:called|named)\b"),
    Detail.INSTITUTIONS: re.compile(r"\bCASS\b|\b(?:University|Institute|Academy)\b"),
    Detail.COUNTRIES: re.compile(rf"\b(?:{'|'.join(COUNTRIES)})\b"),
}
# Any answer may hold a thing's name: only its own words tell that it gives none ("The article
# does not name them").
_ONLY_SAID_LACKING: Final = frozenset({Detail.NAME})
# A sentence that already says the article lacks the detail ("The article gives no launch
# dates") makes a caveat of ours redundant: a negation and a word naming that detail.
_NEGATION: Final = re.compile(r"\b(?:not|no|none|neither|nor)\b", re.IGNORECASE)
_LACK_WORDS: Final[dict[Detail, re.Pattern[str]]] = {
    Detail.AMOUNT: re.compile(r"\b(?:amounts?|costs?|sums?|money|value)\b", re.IGNORECASE),
    Detail.RATE: re.compile(r"\b(?:yearly|annual|per year|a year)\b", re.IGNORECASE),
    Detail.SIZE: re.compile(r"\b(?:size|capacity|area)\b", re.IGNORECASE),
    Detail.SHARE: re.compile(r"\bpercent", re.IGNORECASE),
    Detail.HEADCOUNT: re.compile(r"\b(?:job numbers|people|workers|employees)\b", re.IGNORECASE),
    Detail.BRAND: re.compile(r"\b(?:names?|named|brands?|models?)\b", re.IGNORECASE),
    Detail.ROCKET: re.compile(r"\brockets?\b", re.IGNORECASE),
    Detail.COUNT: re.compile(
        r"\b(?:numbers?|quantit\w*|figures?|counts?|how many)\b", re.IGNORECASE
    ),
    Detail.DATE: re.compile(r"\b(?:dates?|years?|when)\b", re.IGNORECASE),
    Detail.DAY: re.compile(r"\b(?:dates?|days?)\b", re.IGNORECASE),
    Detail.LOCATION: re.compile(r"\b(?:location|where|place)\b", re.IGNORECASE),
    Detail.PLACE: re.compile(r"\b(?:location|where|city|place)\b", re.IGNORECASE),
    Detail.PERSON: re.compile(r"\b(?:person|people|names?|named)\b", re.IGNORECASE),
    Detail.MEETING: re.compile(r"\b(?:met|meetings?|whom)\b", re.IGNORECASE),
    Detail.FUNDER: re.compile(r"\b(?:funded|funding|financ\w*|paid|pays|money)\b", re.IGNORECASE),
    Detail.COMPANIES: re.compile(r"\b(?:names?|named)\b", re.IGNORECASE),
    Detail.AGREEMENTS: re.compile(r"\b(?:agreements?|deals?)\b", re.IGNORECASE),
    Detail.INSTITUTIONS: re.compile(r"\b(?:names?|named)\b", re.IGNORECASE),
    Detail.COUNTRIES: re.compile(r"\b(?:countries|members|which ones)\b", re.IGNORECASE),
    # not "names no person" (the author's answer, which names the institute)
    Detail.NAME: re.compile(
        r"\b(?:not|never) name (?:them|it|the|any|each)\b|\bnames? no (?!person|people)\w"
        r"|\bnot named\b",
        re.IGNORECASE,
    ),
}
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+")

_CAVEATS: Final[dict[str, dict[Detail, str]]] = {
    "en": {
        Detail.AMOUNT: "The article does not give an amount of money.",
        Detail.RATE: "The article does not give a yearly figure.",
        Detail.SIZE: "The article does not give its size or capacity.",
        Detail.SHARE: "The article gives no percentages.",
        Detail.HEADCOUNT: "The article does not say how many people.",
        Detail.BRAND: "The article does not name the brand or model.",
        Detail.ROCKET: "The article does not say which rocket launched it.",
        Detail.COUNT: "The article does not give that number.",
        Detail.DATE: "The article does not give that date.",
        Detail.DAY: "The article does not give the exact day.",
        Detail.LOCATION: "The article does not say where.",
        Detail.PLACE: "The article does not give the exact place.",
        Detail.PERSON: "The article does not name that person.",
        Detail.MEETING: "The article does not say whom he met.",
        Detail.FUNDER: "The article does not say who paid for it.",
        Detail.COMPANIES: "The article does not name them.",
        Detail.AGREEMENTS: "The article does not list the agreements signed.",
        Detail.INSTITUTIONS: "The article does not name them.",
        Detail.COUNTRIES: "The article does not name the countries.",
        Detail.NAME: "The article does not give the name.",
        Detail.CLAIM: "The article does not say that; here is what it says:",
    },
    "es": {
        Detail.AMOUNT: "El artículo no da ninguna cantidad de dinero.",
        Detail.RATE: "El artículo no da ninguna cifra anual.",
        Detail.SIZE: "El artículo no da su tamaño ni su capacidad.",
        Detail.SHARE: "El artículo no da porcentajes.",
        Detail.HEADCOUNT: "El artículo no dice cuántas personas.",
        Detail.BRAND: "El artículo no nombra la marca ni el modelo.",
        Detail.ROCKET: "El artículo no dice con qué cohete se lanzó.",
        Detail.COUNT: "El artículo no da esa cifra.",
        Detail.DATE: "El artículo no da esa fecha.",
        Detail.DAY: "El artículo no da el día exacto.",
        Detail.LOCATION: "El artículo no dice dónde.",
        Detail.PLACE: "El artículo no da el lugar exacto.",
        Detail.PERSON: "El artículo no nombra a esa persona.",
        Detail.MEETING: "El artículo no dice con quién se reunió.",
        Detail.FUNDER: "El artículo no dice quién lo financió.",
        Detail.COMPANIES: "El artículo no dice sus nombres.",
        Detail.AGREEMENTS: "El artículo no enumera los acuerdos firmados.",
        Detail.INSTITUTIONS: "El artículo no dice sus nombres.",
        Detail.COUNTRIES: "El artículo no dice qué países son.",
        Detail.NAME: "El artículo no da el nombre.",
        Detail.CLAIM: "El artículo no dice eso; esto es lo que dice:",
    },
    "pt": {
        Detail.AMOUNT: "O artigo não informa nenhum valor em dinheiro.",
        Detail.RATE: "O artigo não informa nenhum número anual.",
        Detail.SIZE: "O artigo não informa o tamanho nem a capacidade.",
        Detail.SHARE: "O artigo não dá porcentagens.",
        Detail.HEADCOUNT: "O artigo não diz quantas pessoas.",
        Detail.BRAND: "O artigo não diz a marca nem o modelo.",
        Detail.ROCKET: "O artigo não diz com qual foguete foi lançado.",
        Detail.COUNT: "O artigo não informa esse número.",
        Detail.DATE: "O artigo não informa essa data.",
        Detail.DAY: "O artigo não informa o dia exato.",
        Detail.LOCATION: "O artigo não diz onde.",
        Detail.PLACE: "O artigo não informa o local exato.",
        Detail.PERSON: "O artigo não diz o nome dessa pessoa.",
        Detail.MEETING: "O artigo não diz com quem ele se reuniu.",
        Detail.FUNDER: "O artigo não diz quem pagou por isso.",
        Detail.COMPANIES: "O artigo não diz os nomes.",
        Detail.AGREEMENTS: "O artigo não lista os acordos assinados.",
        Detail.INSTITUTIONS: "O artigo não diz os nomes.",
        Detail.COUNTRIES: "O artigo não diz quais são os países.",
        Detail.NAME: "O artigo não diz o nome.",
        Detail.CLAIM: "O artigo não diz isso; eis o que ele diz:",
    },
    "zh": {
        Detail.AMOUNT: "文章没有给出具体金额。",
        Detail.RATE: "文章没有给出每年的数字。",
        Detail.SIZE: "文章没有给出规模或容量。",
        Detail.SHARE: "文章没有给出百分比。",
        Detail.HEADCOUNT: "文章没有给出人数。",
        Detail.BRAND: "文章没有提到品牌或型号。",
        Detail.ROCKET: "文章没有说用的是什么火箭。",
        Detail.COUNT: "文章没有给出这个数字。",
        Detail.DATE: "文章没有给出这个日期。",
        Detail.DAY: "文章没有给出具体是哪一天。",
        Detail.LOCATION: "文章没有说在哪里。",
        Detail.PLACE: "文章没有给出具体地点。",
        Detail.PERSON: "文章没有提到这个人的名字。",
        Detail.MEETING: "文章没有说会见了谁。",
        Detail.FUNDER: "文章没有说由谁出资。",
        Detail.COMPANIES: "文章没有列出具体名称。",
        Detail.AGREEMENTS: "文章没有列出签署了哪些协议。",
        Detail.INSTITUTIONS: "文章没有列出具体名称。",
        Detail.COUNTRIES: "文章没有列出具体是哪些国家。",
        Detail.NAME: "文章没有给出名称。",
        Detail.CLAIM: "文章没有这么说。文章说的是：",
    },
}


# What a question counts ("how many hydro plants", "¿cuántas fábricas?", "几个工厂"), and what an
# answer's figures count ("three countries", "six satellites").
_COUNTED_ASKED: Final = re.compile(
    rf"{_HOW_MANY}\s+((?:[^\W\d_]+\s*){{1,3}})"
    rf"|(?:几[{_CHINESE_COUNTERS}]|多少|几多)([\u4e00-\u9fff]{{1,6}})"
)
_COUNTED_GIVEN: Final = re.compile(
    rf"(?:{_COUNT_FIGURE})\s+((?:[\w-]+\s+){{0,2}}[\w-]+)", re.IGNORECASE
)
# Words that count countries ("19 CELAC members", "three partners"), and works built ("hydro
# plants", "fábricas", "电站"): a count of countries is no answer to "how many plants?".
COUNTRY_UNITS: Final = (
    "countries nations states members member-states partners economies governments países "
    "paises naciones estados miembros membros nações nacoes socios parceiros 国家 成员国 伙伴"
)
WORKS: Final = (
    "plants factories stations dams mines ports units projects hydropower photovoltaic "
    "fábricas fabricas plantas centrales estaciones represas proyectos hidroeléctricas usinas "
    "hidrelétricas centrais barragens projetos 工厂 电站 水电站 项目 光伏 "
    # the measure words of buildings, which a count of countries never takes ("有多少座")
    "座 间"
)


def counted_asked(question: str) -> str | None:
    """What the question asks to count, folded ("hydro plants in"), if it says."""
    match = _COUNTED_ASKED.search(fold(question))
    return (match[1] or match[2]).strip() if match else None


def counted_given(answer: str) -> list[str]:
    """What the answer's figures count ("countries on green" in "three countries on green")."""
    return [match[1] for match in _COUNTED_GIVEN.finditer(answer)]


def asked_details(question: str, *, among: Collection[Detail] | None = None) -> tuple[Detail, ...]:
    """The kinds of detail the question asks for, in a fixed order; `among`: only these are
    looked for (each with the details that may stand in for it, as COUNTING does for COUNT).
    Without `among`, every kind but those ONLY_WHEN_LOOKED_FOR."""
    folded = fold(question)
    asked = [
        detail
        for detail, patterns in _ASKED.items()
        if (detail in among if among is not None else detail not in ONLY_WHEN_LOOKED_FOR)
        and any(pattern.search(folded) for pattern in patterns)
    ]
    # "how much money" is an amount, not also a count ("多少" asks for both); "how many a
    # year" is a rate.
    if Detail.COUNT in asked and {Detail.AMOUNT, Detail.RATE, Detail.HEADCOUNT} & set(asked):
        asked.remove(Detail.COUNT)
    # An exact day is a date too, an exact place a location: one caveat says it.
    if Detail.DAY in asked and Detail.DATE in asked:
        asked.remove(Detail.DATE)
    if Detail.PLACE in asked and Detail.LOCATION in asked:
        asked.remove(Detail.LOCATION)
    # A person's name is PERSON ("作者叫什么名字").
    if Detail.NAME in asked and Detail.PERSON in asked:
        asked.remove(Detail.NAME)
    return tuple(asked)


# The details that say when.
WHEN: Final = frozenset({Detail.DATE, Detail.DAY})
# A count, and the details a question asking one of them asks instead of a count.
COUNTING: Final = frozenset({Detail.COUNT, Detail.AMOUNT, Detail.RATE, Detail.HEADCOUNT})


def asks_for_a_date(question: str, *, asked: Collection[Detail] | None = None) -> bool:
    """Whether the question asks when (a year, a date, a day); `asked`: its asked details,
    when the caller has them already."""
    return not WHEN.isdisjoint(asked_details(question) if asked is None else asked)


# "what will it make?", "¿qué tipo de coches...?", "生产什么": a question for a thing. A Spanish
# or Portuguese "que" asks only where a question starts ("el auto que fabricó" is "that").
_WHAT: Final = re.compile(
    r"\b(?:what|whats|which)\b(?! about\b)"
    r"|(?:^|[¿?!.,:;]\s*|\b(?:y|e|en|em|de|para|pra|con|com|a|o)\s+)(?:que|q|qual|quais|cual|cuales|oq)\b"
    # 么子: what, in Hunan and Hubei ("都合作些么子")
    r"|什么|哪些|啥|么子"
)
# "what's the status / timeline of ...?": when, in other words.
_HOW_FAR_ALONG: Final = re.compile(
    r"\b(?:status|timeline|schedule|estado|previsao|prevision|cronograma|ya salio|ja saiu)\b"
)


def asks_for_a_thing(question: str, *, asked: Collection[Detail] | None = None) -> bool:
    """Whether the question asks what or which thing, not when; `asked`: its asked details,
    when the caller has them already."""
    folded = fold(question)
    return (
        bool(_WHAT.search(folded))
        and not _HOW_FAR_ALONG.search(folded)
        and not asks_for_a_date(question, asked=asked)
    )


@dataclass(frozen=True, slots=True)
class Gaps:
    """The asked details an answer does not give: those it says it lacks itself ("The article
    gives no launch dates"), and those a caveat must state."""

    stated: tuple[Detail, ...] = ()
    unstated: tuple[Detail, ...] = ()

    @property
    def all(self) -> tuple[Detail, ...]:
        """Every asked detail the answer does not give."""
        return self.stated + self.unstated


# "when was BYD founded?", "¿cuándo se fundó?", "是哪年成立的": the date a thing began, over
# folded text; only an answer that tells a beginning gives it ("established in 2014", not
# "its first vehicle by early 2025").
_ASKS_FOUNDING: Final = re.compile(
    r"\b(?:found|founded|establish|established|fundo|fundaron|fundou|fundaram|fundad[oa]"
    r"|cre[oa]do|creada|criad[oa]|criou|se creo)\b|成立|创立|创建|创办"
)
_TELLS_BEGINNING: Final = re.compile(
    r"\b(?:established|founded|set up|created|launched|opened|inaugurated|started|began)\b",
    re.IGNORECASE,
)


def dates_another_beginning(question: str, answer: str) -> bool:
    """Whether a question asks when a thing was founded and the answer, whatever dates it
    gives, tells no beginning."""
    return bool(_ASKS_FOUNDING.search(fold(question))) and not _TELLS_BEGINNING.search(answer)


def said_lacking(detail: Detail, answer: str) -> list[str]:
    """The sentences of an answer that say the article lacks a detail, whatever else the
    answer gives: "The article does not say when CELAC itself was founded" beside the Forum's
    founding date."""
    return [
        part
        for part in _SENTENCE_END.split(answer)
        if _NEGATION.search(part) and _LACK_WORDS[detail].search(part)
    ]


def gaps(details: Iterable[Detail], answer: str, *, unknown_words: bool = False) -> Gaps:
    """The asked details the answer's text gives no sign of, split by whether it says so.

    With `unknown_words` (the question names something the article never does: "how many
    megawatts"), a number in the answer counts nothing that was asked about.
    """
    stated: list[Detail] = []
    unstated: list[Detail] = []
    for detail in details:
        only_said = detail in _ONLY_SAID_LACKING
        uncounted = unknown_words and detail in (Detail.COUNT, Detail.AMOUNT)
        if not only_said and not uncounted and _GIVEN[detail].search(answer):
            continue
        if said_lacking(detail, answer):
            stated.append(detail)
        elif not only_said:
            unstated.append(detail)
    return Gaps(tuple(stated), tuple(unstated))


# The count an answer opens with as a sentence of its own, as faq.yaml's direct answers give it:
# "Six. ...", "Seis. ...", "六颗。", "19个。". Not one a colon leads into ("Two: the APEC ...",
# "With 19 CELAC members: China has ... with each of them"): the rest needs it.
_COUNT_OPENER: Final = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|uno|una|dos|tres|cuatro|cinco"
    r"|seis|siete|ocho|nueve|diez|um|uma|duas|dois|três|quatro|sete|oito|nove|dez)"
    r"(?: [\w-]+){0,3}\.\s+"
    r"|^[\d一二两三四五六七八九十]+[个颗场家种座项]*。\s*",
    re.IGNORECASE,
)


def count_opener(text: str) -> str:
    """The count an answer opens with ("Six. "), or "" when it opens otherwise."""
    match = _COUNT_OPENER.match(text)
    return match[0] if match else ""


def caveat(details: Iterable[Detail], lang: str) -> str:
    """What the article does not give, in `lang` (English for a language it has no text in)."""
    texts = _CAVEATS.get(lang, _CAVEATS[ENGLISH])
    return " ".join(texts[detail] for detail in details)
