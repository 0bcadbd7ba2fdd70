"""Text normalisation shared by the index and the queries, so both sides see the same terms."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from itertools import filterfalse
from typing import Final

# Function words that carry no topic. Topic-bearing words such as "first", "new", "green" or
# "help" stay, and so do "when", "where", "who" and "why": they tell "when did Xi visit" from
# "why did Xi visit".
_STOP_WORDS = """
    a about above across after again against all along also am among an and any are around as at
    be been being before besides between both but by
    can could d did do does doing don done during each either else etc ever for from further get
    gets got had has have having he her here hers him his how i if in into is isn it its itself
    just let ll m may me might mine more most much must my myself no nor not now of off
    on once only or other our ours out over own please re really s same shall she should so some
    such t than that the their theirs them then there these they this those through thus to too
    under until up upon us ve very via was wasn within without we were what whats whether which
    while whom whose will with would yes yet you your yours
    hi hello hey thanks thank go goes went gone ago together
    behind beyond toward towards near inside outside despite per amid onto regarding concerning
    apart except
    quite rather
    al como con cual cuales cuanto cuantos cuantas de del el en entre es esa ese eso esta este
    esto esos esas estos estuvo fue ha han hace hacer hay hizo la las le les lo los mi mucho muy
    o para por porque que se
    sobre son su sus tiene un una unos unas y yo
    as ao aos com da das do dos e ela ele em esse essa esses essas estes isso faz fazer fez foi
    muito muita na nas no nos os
    pela pelo qual quais sao seu sua tem um uma voce fica ficam queda quedan sob
    q vc pra pro tb tbm tmb tmbn porfa hicieron hecho hacen fizeram feito fazem
    puede pueden podria pode podem poderia
"""
# What people add around a question when they chat or dictate: fillers, slang, politeness and
# context-setting ("um", "lol", "rn", "quick question", "jajaja", "oye", "valeu"). None of them
# names a topic, so one the knowledge base never uses must not count as an unknown word.
_CHAT_WORDS = """
    um umm uh uhh er erm hmm hm ah oh ok okay okey k kk like lol lmao haha hahaha rn tbh imo
    idk btw pls plz thx ty cheers mate dude bro guy guys folks yeah yep yup nope hiya yo howdy
    generally supposed suppose shaking
    gonna wanna gotta kinda sorta basically literally honestly seriously anyway anyways actually
    quick quickly curious wondering wonder wondered im ive id dont doesnt didnt
    whats wheres whos hows thats theres isnt arent wasnt werent cant couldnt wouldnt
    didn doesn aren couldn wouldn shouldn hasn haven hadn weren
    vem viene vienen ser
    well right sure true still maybe probably someone somebody tho though wise wait sigue siguen
    heard read reading saw seen think thought guess asking ask asked
    dear sir madam friend lately recently wat wut dus n u ur r even period comma
    boss cousin aunt uncle mom mum dad sister brother wife husband coworker colleague classmate
    grandson granddaughter grandsons granddaughters grandkid grandkids grandchild grandchildren
    phone phones forgive themselves tiny simple simply terms link zero message messages msg long
    teacher teachers professor prof homework assignment letters perused firstly secondly
    capacity post perhaps clarify insofar
    sorry apologies dumb stupid silly bother bothering yesterday today
    advance desculpa desculpe besteira bobagem perdon perdona disculpa disculpen tonto tonta
    tonteria molestar incomodar ayer hoy ontem hoje peco incomodo perceber
    jaja jajaja jajajaja oye mira mire bueno pues osea eh ehh digamos aja
    gracias porfavor favor hola buenas buenos che wey pa pal x xq pq ps
    kkk kkkk rs rsrs ne entao olha oi ola obrigado obrigada valeu mano blz vlw pfv eae eai iae
    va vas van algo cosa cosas oq ta to daí ou coisa coisas assim vdd causa mais
    falou falaram disse disseram contou dijo dijeron conto entra entrar entrou
    yo mi mis tu tus nuestro nuestra nuestros nuestras ellos ellas nosotros usted ustedes vos
    bien aqui ahi alli alla aca entonces tan tambien todavia aun asi ahora aora despues luego
    siempre nunca solo otro otra otros otras todo toda todos todas alguno alguna algunos algunas
    varios varias seno vendo sepa sepan trayendo traen trajeron llevando
    miga painho mainha prazo plazo atual atuais atualmente actualmente ma rato ase
    hermano hermana hermanos hermanas primo prima primos abuelo abuela irmao irma neto neta
    netos netas
    ningun ninguna mismo misma pero aunque mientras pues segun hasta desde sin aparte
    soy eres somos era eran sera seria estoy estas estamos estan estaba estaban tengo tienes
    tenemos tenia tenian tuvo habia hubo voy iba vamos
    leyendo lei escuche oi creo pense entendi entender deja dejame quisiera queria gustaria
    saber sabia acuerdo cierto verdad tarea colegio profe profesor expliquemos expliquen
    tendria tendrian teria teriam haria harian faria fariam
    eu tu meu minha meus minhas teu tua nosso nossa nossos nossas dele dela deles delas eles
    elas aquele aquela aqueles aquelas isto aquilo aqui ai ali entao tao tambem ja ainda so
    apenas todo toda todos todas algum alguma alguns algumas nenhum nenhuma outro outra outros
    outras mesmo mesma num numa nuns numas dum duma ate apos sem mas porem embora enquanto
    sou somos era eram sera seria estou estamos estao estava estavam tava tavam tenho temos
    tinha tinham teve vai vao vou ia iam vamos
    lendo li vi ouvi acho achei pensei sei entendi entender deixa deixe queria gostaria
    sabia lembro verdade certo escola facul prof professora tio tia mae pai amigo
    dropped preamble tomorrow class classes students pupils kids reckon reckons
    leer manana colega colegas alumno alumnos alumna alumnas clase clases siendo
    ler amanha aula aulas aluno alunos aluna alunas agr agora vcs voces cheguei chegou lembrei
    lembra epoca daqui pediu dou discutindo tal radio
    wha wah wuh dem dey wid haffi di fi fah dis dat deh nuh seh fuh ting tings doin hear hearing
    beleza fim bue oxe conseguem consegue conseguir consiguen consigue
    come comes note notes wide lose loses theme themes
    kindly needful bah tche vivo ouvindo ouvir falar cosita dessa desse desta deste nessa nesse
    nesta neste explica explicar till
    episode episodes podcast try trying tried claim claims claimed respecto respeito
    ver uai visse viu msm clarisimo great cool nice wow vale legal genial perfeito perfecto
    fella bloke afinal vei diay klk vaina parce po cachai posta asere
    w abt hv cuz coz p fr falando lah leh lor liao meh sia
    reply replies resposta respostas respuesta respuestas muchas muchos muchisimas muchisimo
    ter guri daquele daquela daqueles daquelas naquele naquela naqueles naquelas
    exactly precisely exactamente exatamente precisamente exact exacto exacta exato exata
    ora ahn pois ca nisto nisso disto disso diga diabo diabos diablos
    tv tele televisao television noticiero telejornal zap zapzap whatsapp
    dizendo diciendo uns pe
    oiga oigame tardes tera terao grateful obliged rendido rindio rendir rinde rinda rindan
    prezado prezada prezados prezadas agradeco agradecemos antecipadamente relatorio
    solicito solicitamos solicitar informar informe esclarecer esclareca referido referida
    referidos referidas
    confess understood understand correctly mid
    atenciosamente atentamente cordialmente saudacoes conforme coordenacao coordinacion
    tudo manito epa pana conjuntamente juntamente jointly companeros companero emm emmm
    sinistro ficou ficaram fijese fijate puchica bo verso puro posed sposed spose
    troco treco trecos trocos
    boa atencao rapaz cunhado cunhada
    volvio volvieron tornou tornaram
    ay mijito mijita maninho manin egua compa compas salga salgan tiro lata sacan marco compadre
    nomas xfa porfis grax
    domingo domingos
    comadre ideay
    gie whit aye wee ye dinnae cannae noo jus daein wi tae hae yin ower wis dere
    dae ony thon jist oot nae brither hauns shakin sumerce
    bunch talkin allyuh fur aboot onythin mair aw wan gwine
    procede abeg concretamente peca sido aproximadamente antemano chele oime pio
    piko ko
    gentileza gentilmente respetuosamente permite permita permitame
    bigger broader overall happened
    goin doin talkin gettin nothin somethin lookin makin sayin mae maje
    comin tryin askin wonderin thinkin hearin readin workin aff
    parado parada
    down remember remembered lot lots always folk folks acerca flown begin began begun
    podes precisarme precisar jeito boet bao gringa gringo recolhidos recolhidas coletados
    afirmacao afirmacoes afirmacion afirmaciones
"""
STOP_WORDS = frozenset(_STOP_WORDS.split()) | frozenset(_CHAT_WORDS.split())
# Adverbs a question puts between a synonym's words ("who really wrote it?", "who actually
# wrote it?"): read past, "who wrote" is still the author. Stop words, so nothing else changes.
_READ_PAST: Final = STOP_WORDS & {
    "really",
    "actually",
    "just",
    "basically",
    "honestly",
    "literally",
    "seriously",
}
# Light adverbs a question puts there too ("who exactly wrote it?"), which still ask ("what
# is it exactly?"): moved after the question's other words instead.
_PUT_LAST: Final = frozenset({"exactly", "precisely", "specifically", "exactamente", "exatamente"})

# Conversational words that say little about the topic: they stay terms (so "what is the
# article about?" still has something to match) but weigh little, known or not.
_LIGHT_WORDS = """
    article text information info detail details explain describe give know want like need one ones
    novo nova novos novas nuevo nueva nuevos nuevas grande grandes
    learn find question questions anything something thing things exactly specifically
    actually currently bot mean means meaning stand stands called name named kind kinds type
    types sort stuff please tell say says said mention mentioned mentions talk talks explica
    aspect aspects aspecto aspectos brand brands
    paso pasa aconteceu acontece acontecendo
    explicar explique serve sirve servira serviria servirao remind allude alludes alluded
    habla hablame hablan dice dicen decir dime decime digame contame cuentame menciona mencionan
    mencionado mencionados mencionadas aparece aparecen sabe sabes saber quiero tipo tipos funcion
    papel rol informacion
    fala falam falar diz dizem dizer conta conte cita citam citado citados citadas aparecem
    exatamente exactamente fazendo haciendo existe existen existem existir 具体 内容
    gigante gigantes enorme enormes huge massive giant
    quero funcao informacao grupo grupos funcionar funciona funcionando ya already
    example examples ejemplo ejemplos exemplo exemplos
    puso pusieron poner pone ponen colocou colocaram botou botaram
    listo listos pronto prontos pronta prontas pratica practica practice practically
    pregunta preguntas preguntar preguntarle pergunta perguntas perguntar segundo consulta
    consultas
    出来 起来 下来 上来 回来 过来 进来 出去 回去 事情 事儿 情况 知道 觉得 可以
"""
LIGHT_WORDS = frozenset(_LIGHT_WORDS.split())

# Control characters separate words; combining marks (accents), format characters (zero-width,
# RTL marks, soft hyphen) and private-use characters vanish without splitting their word.
# A regex, not str.translate: translating a non-ASCII text looks every character up in a dict.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ue000-\uf8ff\U000e0000-\U000e007f]"
)
STEM_CACHE_SIZE = 1 << 16
ROMANCE_MIN = 7
# Users repeat questions; the cap bounds memory.
TERMS_CACHE_SIZE = 1 << 14
FOLD_CACHE_SIZE = 256
_WORD = re.compile(r"[^\W_]+")
# Chinese has no spaces: its runs are split into overlapping character pairs, so a phrase
# matches wherever it sits in a sentence without a word segmenter.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK}]+")
# A word's Chinese runs (first group) and the runs between them (second group), in one scan.
_WORD_PART = re.compile(f"([{_CJK}]+)|([^\\W_{_CJK}]+)")
# Dictation and slow typists space Chinese out a character at a time ("工 作 机 会").
_SPACED_CJK = re.compile(
    f"(?<=[{_CJK}])\\s+(?=[{_CJK}](?![{_CJK}]))|(?<=(?<![{_CJK}])[{_CJK}])\\s+(?=[{_CJK}])"
)
# Particles and question words split Chinese runs the way spaces split English words (还,
# "also", "still", too: "数据还给谁用" pairs no 据还). A regex, not str.translate, for the same
# reason as _INVISIBLE.
_CJK_FUNCTION_CHARACTER = re.compile(
    # and 欸 (eh), and the zhuyin letters Taiwanese chat ends a word with ("報告ㄏ"); the
    # particles of dialect chat: "都合作些啥嘞" (Henan), "举个例子噻" (Sichuan), 咯, 哇, 哟, 噢, 诶
    "[的了是吗呢么哪些什怎如何这那个请问我你他们吧啊嗯呃哦喔呀嘛啦哈还欸嘞咧噻咯哇哟呦噢诶\u3105-\u312f]"
    # 也 (also), not in 也门 (Yemen)
    "|也(?!门)"
)
# Chat fillers and context-setting ("就是", "来着", "想知道", "文章里") said around a question.
_CJK_FILLER = re.compile(
    "介绍一下|介绍|一下|告诉我|关于|这次|就是|来着|还想知道|想知道|文章里|文章中|文中|有没有|"
    # "文章说要补哪些短板" (the article says ... what): where the answer is; not "文章说了什么"
    # (what does the article say), which asks about the article
    "(?:(?:这|那|本|该)篇)?文章(?:说|讲)(?=[\u4e00-\u9fff])(?![了啥什的明述解道些过清到得服究])|"
    # the same in Cantonese: "篇文讲两边要做啲咩", "篇文話..."
    "篇文(?:讲|话)(?=[\u4e00-\u9fff])(?![了啥什的明述解道些过清到得服究])|"
    "能不能|算不算|是不是|觉得|请问|麻烦|劳驾|顺便|另外|此外|还想|一直|其实|到底|"
    # "over there" after a place ("圭亚那那边搞的"): where the place is, said again
    "那边|"
    # asking for help with a question ("你能帮我解释一下"); not 帮我们 (helped us), nor
    # "你能帮我(一下)吗" alone
    "能帮我(?![们吗吧一])|可以帮我(?![们吗吧一])|帮我(?![们吗吧一])|解释一下|"
    # Who is asking and why ("老师让我们写报告", "我朋友说"), and chat adverbs; none of them
    # also ends or starts a word of the article's (not 现在 in 体现在, 作业 in 合作业务).
    "老师|同学|朋友|我家|报告|引用|听说|看到|看了|读了|想问|真的|提及|样做|"
    # "我看新闻说...": where the asker read it
    "看新闻|新闻上|新闻说|新闻里|听人家讲|听人家说|听人讲|听人说|人家讲|人家说|"
    "好多|非常|特别|尤其|已经|以后|之后|以前|今年|去年|还是|是否|应该|能够|"
    # "然后习是去参加…" (and then Xi went to...); not 然后呢 (and then?), which asks for more
    "(?<!自)然后(?=[\u4e00-\u9fff])(?!呢)|"
    "不好意思|问个问题|有个问题|好奇|有点|一篇|在看|完全|不知道|"
    # spoken and dialect chat: 老铁 (buddy), 唠唠 (let's chat), 一哈 (一下), 要得 (all right),
    # a grandchild (孙娃子, 孙仔) studying (读书) abroad, a voice message (语音); "together"
    # (一道, 一齐) after the partners it joins
    "老铁|唠唠|唠嗑|一哈|要得|孙娃子|孙仔|孙子|孙女|读书|语音|一道|一齐|"
    # "啥玩意" (what thing), "我屋里崽" (my son, Hunan)
    "玩意儿|玩意|屋里崽|"
    # "能举个例子吗" (can you give an example): asking to be told, as 说说 is
    "(?:能不能|能|可以)?举(?:个|几个|一个)?例子?|"
    # "您给说说" (tell me, would you), "跟我说说": asking to be told
    "(?:您|你)?给(?:我)?说说|跟我说说|"
    # "又能起啥作用" (what role can it play): asking what it does, as 有啥用 asks
    "又能|能起|"
    # "几号" (which day) asks a date, as 什么时候 does; left in, its pairs ("几号到几号") are
    # unknown words that make a follow-up look like a question of its own
    "几号|"
    # "要做哪些事情才有机会": "only then is there", a condition's hinge; not the 才 of 人才
    # (talent), 刚才 (just now) or 天才 (genius). The noun 才能 (talent, "发挥才能") goes too,
    # which the article never uses.
    "(?<![人刚天])才(?:有|能)|"
    # "有哪些国家？", "有哪几个国家": which ones there are; the 有 alone would count as a word
    # (not in "都有哪些？", where 有 is all that is left to ask with)
    "有(?=哪(?:些|几)[\u4e00-\u9fff])|"
    # "都建了啥", "都有哪些": an "all" that opens a question adds nothing to it; not the 都
    # of a word ("都市化", city; "都灵", Turin)
    r"^\W*都(?!市|会|灵|柏|城)|"
    # "和写这篇的人是什么身份" (Cantonese 同埋, "and ..."): an "and" that opens a question
    r"^\W*和(?!平|谐)|"
    # tomorrow, when the asker's task is due; "第几周年", the how-manieth anniversary
    "明天|第几"
)
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th|º|ª|o|a)")
# "2 countries" and "two countries", "6 satélites" and "seis satélites" are one term. Not "one",
# "uno", "um" (articles and pronouns), nor the Spanish "dos" and "once" (Portuguese "of the",
# English "once").
_NUMBER_WORDS: Final = {
    word: str(number)
    for number, words in enumerate(
        (
            (),
            (),
            ("two", "dois", "duas"),
            ("three", "tres"),
            ("four", "cuatro", "quatro"),
            ("five", "cinco"),
            ("six", "seis"),
            ("seven", "siete", "sete"),
            ("eight", "ocho", "oito"),
            ("nine", "nueve", "nove"),
            ("ten", "diez", "dez"),
        )
    )
    for word in words
} | {"nineteen": "19", "diecinueve": "19", "dezenove": "19", "dezanove": "19"}
# -ing and -ed leave a doubled consonant ("planned" -> "plann" -> "plan"); l and s stay doubled.
_DOUBLED_CONSONANTS = frozenset(letter * 2 for letter in "bcdfghjkmnpqrtvwxyz")


def data_lines(name: str) -> list[str]:
    """The lines of one of this package's data files (everyday.txt, pinyin.txt ...), without
    the "#" lines that say where the data comes from."""
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    return [line for line in text.splitlines() if not line.startswith("#")]


def _traditional_to_simplified() -> dict[int, int]:
    traditional, simplified = data_lines("traditional.txt")
    return str.maketrans(traditional, simplified)


@functools.cache
def everyday_stems() -> frozenset[str]:
    """The stems of the most frequent words of English, Spanish and Portuguese (everyday.txt),
    read on first use and shared by every knowledge version."""
    lines = map(fold, data_lines("everyday.txt"))
    # _stem, not stem(): fifteen thousand words would crowd out the questions' cached stems.
    return frozenset(_stem(word) for line in lines for word in line.split())


# The knowledge base's Chinese is simplified; Taiwan, Hong Kong and many families abroad write
# traditional characters ("衛星" for "卫星"), which are read as the simplified ones.
_SIMPLIFIED = _traditional_to_simplified()


# Cantonese, as Hong Kong writes it ("呢個 platform 係用嚟做咩?"), read as the Mandarin the
# knowledge base is written in, once traditional characters are simplified. Only in a text
# that has a word only Cantonese uses: 系 and 呢 are Mandarin words too (关系, 你呢). 仲 before
# 有/做/畀/俾 is Cantonese's 还 ("仲有呢?", what else?); Mandarin's 仲 is 仲裁, 伯仲.
_CANTONESE_MARK = re.compile(
    "[嘅咩嚟㗎喺佢啲嘢咗唔嗰冇乜哋嚿咁]|边个|边度|边几|系咪|仲[有做畀俾]|(?:^|[\\s,.?!，。？！])点解"
)
_CANTONESE_WORDS: Final = {
    "边个": "哪个",
    "边度": "哪里",
    "边间": "哪家",
    "边啲": "哪些",
    "边几": "哪几",
    "点解": "为什么",
    "点样": "怎样",
    "几时": "什么时候",
    # "成立咗几耐", how long has it been: 多久
    "几耐": "多久",
    "乜嘢": "什么",
    "咩嘢": "什么",
    "咩": "什么",
    # "仲做乜", what else does it do
    "乜": "什么",
    "系咪": "是不是",
    "唔该": "",
    "唔使": "不用",
    "嘅": "的",
    "嚟": "来",
    # "出得嚟": comes out ("第一部车几时出得嚟"), Mandarin 出来
    "得嚟": "来",
    "喺": "在",
    "佢哋": "他们",
    "佢": "他",
    "啲": "些",
    "嘢": "东西",
    "咗": "了",
    "唔": "不",
    "嗰": "那",
    "冇": "没有",
    # Wuhan and the south-west too: "有冇得好处", are there any benefits
    "冇得": "没有",
    "咁": "这么",
    "㗎": "",
    "呢个": "这个",
    "呢篇": "这篇",
    "呢度": "这里",
    "呢啲": "这些",
    "同埋": "和",
    # "我老细叫我听日前整个summary": my boss (no topic), tomorrow
    "老细": "",
    "听日": "明天",
    # "仲有咩", what else; 都系, is also
    "仲有": "还有",
    "都系": "也是",
    # "仲畀边啲地区用?", who else is it given to: 畀 is 给 (give); 仲 is 还 (also) before it, not
    # in Mandarin words such as 仲裁 (arbitration)
    "仲做": "还做",
    "仲畀": "还给",
    "仲俾": "还给",
    "畀": "给",
    "俾": "给",
}
# Not the Mandarin words that hold them: 关系, 体系, 系统; 重点解决, 特点解释.
_CANTONESE_WORD = re.compile(
    "(?<![重要难特观焦优缺论亮热起终地一有景])点解|"
    + "|".join(sorted(set(_CANTONESE_WORDS) - {"点解"}, key=len, reverse=True))
    + "|(?<![关体联派维世])系(?![统列])"
)


# Taiwan's words, and colloquial ones, for what the mainland's standard Chinese, the knowledge
# base's, names otherwise.
_TAIWANESE_WORDS: Final = {
    "几时": "什么时候",
    "数位": "数字",
    "网路": "网络",
    "软体": "软件",
    "硬体": "硬件",
    "资讯": "信息",
    # south-western Mandarin (Sichuan, Chongqing): "都合作些啥子", what do they work on
    "啥子": "什么",
    # north-eastern Mandarin: "都整啥了？", what did they do
    "整啥": "干啥",
    # "是啥类型的", of what kind: not a pair 啥类 beside 类型
    "啥类": "什么类",
    # Cantonese counts satellites by 粒: "有几多粒", how many are there
    "几多粒": "几颗",
    # "送给哪几个国家了", gave to which countries: the giving is 给, "送" no topic of its own
    "送给": "给",
    # "跑去秘鲁": went to Peru
    "跑去": "去",
    # the article's month in characters, as the knowledge base writes it in digits ("11月")
    "十一月": "11月",
    # "第一部车": the first car counted as a machine, 部, as in the south; 辆 in the standard
    "第一部车": "第一辆车",
    "头一部车": "头一辆车",
    # Wuhan's "what kind of": "用在么样地方", where is it used
    "么样": "什么样",
}
# Not the 么样 of 怎么样, 这么样, 什么样.
_TAIWANESE_WORD = re.compile(
    "(?<![怎这那多什])么样|" + "|".join(sorted(set(_TAIWANESE_WORDS) - {"么样"}))
)


def _mandarin(text: str) -> str:
    text = _TAIWANESE_WORD.sub(lambda word: _TAIWANESE_WORDS[word[0]], text)
    if not _CANTONESE_MARK.search(text):
        return text
    return _CANTONESE_WORD.sub(lambda word: _CANTONESE_WORDS.get(word[0], "是"), text)


# A message is folded by each reader of it (its questions, claims, details asked, scope) and
# again for each of its parts: the last few folded texts are kept.
@functools.lru_cache(maxsize=FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Casefold and strip accents and invisible characters: "Satélite\u200b" -> "satelite";
    traditional Chinese characters become simplified ones: "衛星" -> "卫星", and Cantonese or
    Taiwanese words mainland Mandarin ones: "係用嚟做咩" -> "是用来做什么", "數位" -> "数字"."""
    # Control characters are not printable: most texts have none and skip the substitution.
    if text.isascii():
        folded = text.casefold()
        return folded if folded.isprintable() else _CONTROL.sub(" ", folded)
    # Casefold first: it can itself produce combining marks ("İ" -> "i̇").
    decomposed = unicodedata.normalize("NFKD", _drop_surrogates(text).casefold())
    if not decomposed.isprintable():
        decomposed = _CONTROL.sub(" ", decomposed)
    folded = _INVISIBLE.sub("", decomposed)
    return _mandarin(simplified(folded)) if _CJK_RUN.search(folded) else folded


def simplified(text: str) -> str:
    """The text with traditional Chinese characters written as simplified ones, character for
    character: "烏拉圭" -> "乌拉圭"."""
    return text.translate(_SIMPLIFIED)


def found(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` is in the text folded (case, accents, simplified Chinese) or as
    typed: its words are written folded, a few of its Chinese or Portuguese ones as typed
    ("só", Cantonese particles)."""
    return bool(pattern.search(fold(text)) or pattern.search(text))


def _drop_surrogates(text: str) -> str:
    # Lone surrogates ("\ud800") cannot be normalised or encoded; they carry no meaning.
    return text.encode("utf-8", "ignore").decode("utf-8") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# Endings of Spanish and Portuguese verbs, on stems ("deixou", "llegaron", "pensando" ->
# "pensand", "estaba"; not "-endo", whose stem is that of "encomenda" or "fazenda"). A verb the
# knowledge base never uses mostly says what happened to a topic, not which topic: a weak sign
# of a question the article cannot answer. Infinitives are not among them: "viajar" (travel)
# or "cocinar" (cook) asked about is that sign.
_VERB_FORM: Final = re.compile(
    r"(?<!zh)(?<!l)(?<!gr)(?:ou|aram|eram|iram|aron|ieron|and|iend|ando|iendo|aba|aban|ava|avam)$"
)
# Names end so too ("Fernando", "Cuiabá", "Moscou"): a word typed with a capital is none.
_CAPITALISED: Final = re.compile(r"\b[A-ZÀ-Þ]\w+")


def verb_forms(text: str) -> Callable[[str], bool]:
    """Whether a stemmed word of a Spanish or Portuguese text is an inflected verb ("deixou"):
    a verb ending ("Holanda", "Guangzhou" and "grande" have none), not typed as a name."""
    # The names are read only once a term has a verb's ending, which few messages hold.
    names = functools.cache(lambda: {_STEMS[fold(word)] for word in _CAPITALISED.findall(text)})
    return lambda term: bool(_VERB_FORM.search(term)) and term not in names()


def stem(word: str) -> str:
    """A light English stemmer: plurals, -ness, -ed, -ing, final -e ("launched" -> "launch")."""
    return _STEMS[word]


# Spanish and Portuguese as typed on a phone, read as the words they shorten, so a phrase
# finds its synonym group ("con q paises" is "con que paises").
_SHORTHAND: Final = {
    "q": "que",
    "ke": "que",
    "d": "de",
    "pq": "porque",
    "xq": "porque",
    "qdo": "quando",
    "qnd": "quando",
    "qnts": "quantos",
    "qntos": "quantos",
    "qtos": "quantos",
    "qts": "quantos",
    "vc": "voce",
    "vcs": "voces",
    # rural and spoken "nóis" (we)
    "nois": "nos",
    "tb": "tambem",
    "tbm": "tambem",
    "tmb": "tambien",
    "cmo": "como",
    # Caribbean English "sen" (send, sent)
    "sen": "send",
    # the Portuguese "chinês", accent folded, would lose its "es" as a plural and read "chin"
    "chines": "chinese",
}


def spelt_out(word: str) -> str:
    """A Spanish or Portuguese word as typed on a phone, spelt out ("q" -> "que")."""
    return _SHORTHAND.get(word, word)


def _stem(word: str) -> str:
    word = spelt_out(word)
    # "10th" is the number 10, as in "10 years"; "2nd", "3rd" likewise. "1st" is "first", as
    # in "the first vehicle" (a first is no count of one).
    if word == "1st":
        return "first"
    ordinal = _ORDINAL.fullmatch(word)
    if ordinal:
        return ordinal[1]
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    # Spanish and Portuguese gender and number ("considerada", "significativos"): long words
    # only, where no English word of the article collides.
    if len(word) >= ROMANCE_MIN and word.isalpha() and word not in STOP_WORDS:
        if word.endswith(("os", "as")):
            return word[:-2]
        if word[-1] in "oa":
            return word[:-1]
    # Every rule below removes a final s, d, g or e: other words are their own stem.
    if len(word) <= 3 or word[-1] not in "sdge" or word in STOP_WORDS or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "ches", "shes", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ness") and len(word) > 6:
        word = word[:-4]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if word[-2:] in _DOUBLED_CONSONANTS:
                word = word[:-1]
            break
    # "doses" is not the Portuguese "dos": a word that loses its final e keeps it rather than
    # become a stop word.
    if word.endswith("e") and len(word) > 3 and word[:-1] not in STOP_WORDS:
        word = word[:-1]
    return word


class _Stems(dict[str, str]):
    """Stems by word, each worked out on its first look-up (a bounded cache)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= STEM_CACHE_SIZE:
            self.clear()
        stemmed = self[word] = _stem(word)
        return stemmed


# A dict, not an lru_cache: map() looks every known word up in C, without a Python call.
_STEMS = _Stems()


def has_cjk(text: str) -> bool:
    """True when a text holds Chinese characters."""
    # Most questions are ASCII: isascii() answers in one C pass, where the regex steps
    # through every character.
    return not text.isascii() and bool(_CJK_RUN.search(text))


def is_cjk(term: str) -> bool:
    """True for a Chinese character pair (or single character) term."""
    return bool(_CJK_RUN.fullmatch(term))


def _latin1_words_table() -> tuple[bytes, bytes]:
    # Each Latin-1 character's fold on its own: one ASCII letter or digit, nothing (soft
    # hyphen), only separators ("¿", "´" -> " \u0301"), or something else ("ß" -> "ss",
    # "ø"), which keeps its non-ASCII byte so that words() takes the general path.
    table = bytearray(range(256))
    dropped = bytearray()
    for code in range(256):
        folded = fold(chr(code))
        if not folded:
            dropped.append(code)
        elif not any(map(str.isalnum, folded)):
            table[code] = ord(" ")
        elif len(folded) == 1 and folded.isascii():
            table[code] = ord(folded)
    return bytes(table), bytes(dropped)


# Folding a Latin-1 text works character by character (no character decomposes into a
# combining mark that could reorder with its neighbour's), so a Latin-1 text with none of
# the few characters that fold to something else has its words from one bytes.translate
# and a split, where fold, a regex and a split per text cost ten times as much.
_LATIN1_WORD_BYTES, _LATIN1_DROPPED = _latin1_words_table()


def words(text: str) -> list[str]:
    """The folded words of a text, punctuation and symbols dropped, Chinese as character pairs."""
    latin1 = text.encode("latin-1", "ignore")
    if len(latin1) == len(text):
        letters = latin1.translate(_LATIN1_WORD_BYTES, _LATIN1_DROPPED)
        if letters.isascii():
            return letters.decode().split()
    folded = fold(text)
    if folded.isascii():
        return folded.encode().translate(_LATIN1_WORD_BYTES).decode().split()
    if not _CJK_RUN.search(folded):
        return _WORD.findall(folded)
    result: list[str] = []
    for chinese, other in _WORD_PART.findall(_particles_spaced(folded)):
        if len(chinese) > 1:
            result += _character_pairs(chinese)
        else:
            result.append(chinese or other)
    return result


def unspaced_chinese(text: str) -> str:
    """A message's Chinese without the spaces that set its characters one by one apart, a
    lone character joined to the Chinese beside it ("中 拉 合作 有 没 有" is "中拉合作有没有");
    spaces between longer runs stay, as they part a dictated message's clauses."""
    return _SPACED_CJK.sub("", text) if has_cjk(text) else text


def chinese_runs(text: str) -> list[str]:
    """A text's Chinese runs as `words` parts them, at particles, fillers and marks: "卫星",
    "项目" and "中拉合作" of "卫星和项目，中拉合作的"."""
    if not has_cjk(text):
        return []
    return _CJK_RUN.findall(_particles_spaced(fold(text)))


def _particles_spaced(folded: str) -> str:
    # Fillers and particles are all Chinese: replacing them in the whole text splits the
    # Chinese runs exactly where they stand, in one pass.
    return _CJK_FUNCTION_CHARACTER.sub(" ", _CJK_FILLER.sub(" ", folded))


def _single_character(word: str) -> bool:
    return len(word) == 1 and is_cjk(word)


def _character_pairs(run: str) -> list[str]:
    # Each character with the next: the run's overlapping pairs.
    return [run[i : i + 2] for i in range(len(run) - 1)]


def stemmed_words(text: str) -> tuple[str, ...]:
    """The stemmed words of a text, before any synonym mapping."""
    return tuple(map(_STEMS.__getitem__, words(text)))


def _with_and_without_stop_words(key: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A synonym's words, and the same without the stop words between its first and last word:
    a search-box query leaves them out ("cadena suministro" for "cadena de suministro"). Only
    the synonym itself when it starts or ends with a stop word: "in ten years" is no "ten
    years"."""
    if len(key) < 3 or key[0] in STOP_WORDS or key[-1] in STOP_WORDS:
        return (key,)
    content = tuple(word for word in key if word not in STOP_WORDS)
    return (key, content) if content != key else (key,)


class Normaliser:
    """Turns text into stemmed terms, mapping synonyms onto one canonical term per concept."""

    def __init__(
        self,
        *synonym_maps: Mapping[str, Sequence[str]],
        question_words: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """`question_words` are also synonyms, the first map's; in a Chinese question, the
        ones a particle splits are found wherever they stand (see `cjk_words`)."""
        if question_words is not None:
            synonym_maps = (question_words, *synonym_maps)
        # Variants shared across maps join their groups, so "EV", "electric cars" and
        # "autos eléctricos" all become the first map's (English) canonical term.
        parent: dict[tuple[str, ...], tuple[str, ...]] = {}
        seen: dict[tuple[str, ...], int] = {}

        def root(key: tuple[str, ...]) -> tuple[str, ...]:
            if key not in parent:
                seen[key] = len(seen)
                parent[key] = key
                return key
            while (up := parent[key]) != key:
                parent[key] = parent[up]
                key = parent[key]
            return key

        # A Chinese question word that a particle splits ("有什么用": 有 and 用) is paired with
        # its neighbours in a sentence ("星有"), never as it stands alone: it is written as
        # its canonical term in the question before the question is paired. Not faq.yaml's
        # variants: "讲了啥" (what does it say) or "中国的钱" (China's money) found anywhere
        # draw a question about a song or a currency to the article.
        rewritten = {
            fold(variant): canonical
            for canonical, variants in (question_words or {}).items()
            for variant in variants
            if len(variant) > 2 and has_cjk(variant) and any(map(_single_character, words(variant)))
        }
        self._rewritten = rewritten
        self._rewrite = (
            re.compile("|".join(map(re.escape, sorted(rewritten, key=len, reverse=True))))
            if rewritten
            else None
        )
        for synonyms in synonym_maps:
            for canonical, variants in synonyms.items():
                canonical_key = stemmed_words(canonical)
                for variant in (canonical, *variants):
                    for key in _with_and_without_stop_words(stemmed_words(variant)):
                        earlier, later = sorted(
                            (root(canonical_key), root(key)), key=seen.__getitem__
                        )
                        # The group keeps its earliest term, the first map's canonical one.
                        parent[later] = earlier
        # A one-word term that is its own canonical form needs no rewriting.
        canonical_of = {
            key: group
            for key in list(parent)
            if key and ((group := root(key)) != key or len(key) > 1)
        }
        self._canonical_of = canonical_of
        # One-word variants of one-word terms ("investimento" -> "invest"), for typo correction.
        self.word_variants = {
            key[0]: group[0]
            for key, group in canonical_of.items()
            if len(key) == 1 and len(group) == 1 and key != group
        }
        # Chinese pairs of every synonym, which the vocabulary may hold only as their
        # canonical term ("习主席" becomes "xi jinping").
        self.cjk_terms = frozenset(
            term for key in parent for term in key if not term.isascii() and is_cjk(term)
        )
        self._cache: dict[str, tuple[str, ...]] = {}
        # Variant lengths by first word, longest first: a dictionary probe per word instead of
        # a regex alternation that tries hundreds of branches at every position.
        lengths: dict[str, set[int]] = {}
        for key in canonical_of:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths_by_first = {
            first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()
        }

    def is_word(self, term: str) -> bool:
        """Whether a query term is a word, not the pair at the edge of two Chinese words (候成
        in 时候成立)."""
        return not is_cjk(term) or term in self.cjk_terms

    def cjk_words(self, text: str) -> list[str] | None:
        """The words of a Chinese question whose split question words are written as their
        canonical terms first; None when it holds none. For questions only: rewriting
        faq.yaml's own texts as well shifts every term's weight, and lost more than it won."""
        if self._rewrite is None or not has_cjk(text):
            return None
        folded = fold(text)
        if not self._rewrite.search(folded):
            return None
        return words(self._rewrite.sub(lambda found: f" {self._rewritten[found[0]]} ", folded))

    def terms(self, text: str, *, question: bool = False) -> list[str]:
        """All stemmed terms of a text with synonyms mapped, stop words included; of a
        `question`, not the adverbs it puts between a synonym's words, and its light ones
        last (the index reads a query's terms as a set)."""
        stemmed = stemmed_words(text)
        if question:
            stemmed = tuple(
                [w for w in stemmed if w not in _READ_PAST and w not in _PUT_LAST]
                + [w for w in stemmed if w in _PUT_LAST]
            )
        # Most texts hold no synonym at all: one probe in C spares the scan.
        if self._lengths_by_first.keys().isdisjoint(stemmed):
            return list(stemmed)
        canonical_of = self._canonical_of
        terms: list[str] = []
        position = 0
        for start, lengths in enumerate(map(self._lengths_by_first.get, stemmed)):
            if lengths is None or start < position:
                continue
            for length in lengths:
                canonical = canonical_of.get(stemmed[start : start + length])
                if canonical is not None:
                    terms += stemmed[position:start]
                    terms += canonical
                    position = start + length
                    break
        terms += stemmed[position:]
        return terms

    def content_terms(self, text: str) -> tuple[str, ...]:
        """The topic-bearing terms of a question: `terms` without stop words (cached, as users
        repeat questions)."""
        cached = self._cache.get(text)
        if cached is None:
            if len(self._cache) >= TERMS_CACHE_SIZE:
                self._cache.clear()
            cached = self._cache[text] = tuple(
                filterfalse(STOP_WORDS.__contains__, self.terms(text, question=True))
            )
        return cached

    def text_content_terms(self, text: str) -> tuple[str, ...]:
        """`content_terms` uncached: for the knowledge base's own texts, which the index reads
        once at build time and no question repeats, so they would only fill the cache."""
        return tuple(filterfalse(STOP_WORDS.__contains__, self.terms(text)))
