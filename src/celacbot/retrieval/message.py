"""Messages as people write them: the questions inside a long, chatty or double message.

Contract: `questions(text)` splits a message into its clauses (sentences, an emoji ending one too,
and "..., and what ..." joins) and returns those that ask something, in order; a message of one
clause gives itself. A sentence that only asks whether the one before is true ("... é verdade?")
asks about that one; items the asker numbers ("1) ... 2) ...") are one question each, and a message
that counts its questions ("two questions: how old is the forum and where was the G20?") is split
at the "and" between them when fewer were found. Context ("So I was reading about BYD.") is a
clause that asks nothing, so the retriever can answer the question after it, and a message asking
two or three things gets one answer per question. A clause before ", and <question>" asks too when
a question is asked inside it ("thanks! what's this about air routes, and which countries ...?"),
not when it tells about the asker ("I remember when Xi visited Peru, and what did he do in
Brazil?"). `without_exclusion(text)` splits off what a message sets aside ("besides Venezuela,
...", "... aparte del covid?", "除了智利，..."), None when it sets nothing aside.
`changes_subject(text)` tells a message that says itself it leaves the conversation's subject
("changing the subject"). `punctuated(text)` writes the punctuation a voice typist dictated as
words ("... para que sirve punto", "vírgula", "问号") as marks, and leaves the same words where
they are words ("punto de vista", "como usar ponto e vírgula").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Container, Iterable
from typing import Final, NamedTuple

from celacbot.retrieval.normalise import fold, found, has_cjk

MAX_QUESTIONS: Final = 3
# Sentence ends, and joins that start a new question: ", and what ...", "; also ...",
# "y q ...", "e qual ...", "还有 ...". The question word stays with the clause it starts.
QUESTION_WORD: Final = (
    r"(?:what|which|who|when|where|why|how|is|are|was|were|did|does|do|can|could|will"
    r"|que|q|qual|quais|cual|cuales|cuando|quando|donde|onde|quien|quem|como|cuant\w*|quant\w*"
    # as phones and hurried thumbs spell them
    r"|wut|wht|waht|whta|wha|wah|wich|whcih|whn|wher|whr|qnt\w*|qnd|qdo|qndo|oq|oque"
    # and as Scots says "what"
    r"|whit|whits)"
)
# Before a question word: "e com quem ...", "in which year ...", "e através de que fundo?"
_PREPOSITION: Final = (
    r"(?:with|in|for|from|to|com|con|em|en|de|para|pra|por|a|entre|atrav[eé]s de"
    r"|a trav[eé]s de|mediante|through)"
)
# The same words as typed with their accents, which ask wherever they stand: the split reads
# the message as typed.
ACCENTED_QUESTION_WORD: Final = (
    r"qué|cuál|cuáles|quién|quiénes|cuándo|dónde|adónde|cómo|cuánt[oa]s?|quê"
)
# Chinese asks with these wherever they stand ("中国帮哪些国家...", "有啥用").
CHINESE_QUESTION_WORD: Final = "什么|哪|谁|几|多少|怎么|怎样|如何|为什么|为何|何时|啥|咋|么事"
# Not the 几 of "十几年" (a dozen-odd years) or "好几个" (several), which counts.
_CHINESE_ASKING_WORD: Final = CHINESE_QUESTION_WORD.replace("几", "(?<![十百千好])几")
# Chinese asks yes or no by saying the verb twice ("是不是", "有没有") or with 是否.
CHINESE_YES_NO_WORD: Final = "是否|是不是|有没有|能不能|会不会|算不算|要不要|对不对|可不可以"
# "quisiera saber", "a gente quer saber", "I want to know": the asker says a question follows,
# typed with or without accents.
_WANTS_TO_KNOW: Final = (
    r"(?:(?:yo|eu|a gente|n[oó]s) )?(?:me gustar[ií]a|gostaria de|quisiera|quiero|quer[ií]a|quero"
    r"|quer|queremos|quer[ií]amos) saber|i (?:want|wanted) to know"
    # "nos interesa conocer qué ...", "interessa-me saber se ..."
    r"|(?:nos |me )?interesa (?:saber|conocer)"
    r"|(?:nos |me )?interessa(?:-me|-nos)? (?:saber|conhecer)"
)
# A request to be told what follows: "could you remind me of ...", "I'd be curious to know
# what ...", "quisiera saber ...". A lead-in, and a clause of its own that asks.
_ASKS_TO_BE_TOLD: Final = (
    r"i(?:['’]d| would) (?:like|love|be curious|be interested) to know"
    r"|(?:could|can|would) you (?:please )?(?:tell|remind) me|(?:please )?remind me"
    rf"|{_WANTS_TO_KNOW}"
)
# "by the way" after "and", before a second question ("... y de paso que es eso del celac")
_BY_THE_WAY: Final = r"by the way|btw|de paso|por cierto|a proposito|aliás|alias"
# A second question said to be one: "... y otra cosa q es eso del laboratorio", "... e, já
# agora, entre que dias ...", "... e, segundo, de que modo ..."
_ANOTHER_QUESTION: Final = (
    r"otra cosa|outra coisa|another thing|one more thing|j[aá] agora|em segundo lugar"
    r"|en segundo lugar|segundo|la segunda|a segunda"
)
# Question words run together with "is" or "has" as chat types them, and "whose".
_RUN_TOGETHER_QUESTION_WORD: Final = r"whats|whens|wheres|whos|hows|whose"
_SPLIT: Final = re.compile(
    r"(?<=[.?!？。！;；:：，\n])\s*"
    # An emoji ends a sentence as a full stop does, before a question ("... global south 😩
    # what does ...", "😅 pero ¿qué es?"); not inside one ("what did BYD 🚗 build?"), nor
    # before Chinese, whose question after it often leaves out the topic named before it.
    # So does laughter ("weather here is awful lol what did BYD build in brazil").
    r"|(?:(?<=[\U0001F1E6-\U0001FAFF\u2600-\u27BF\uFE0F])|(?<=\blol)|(?<=\blmao)|(?<=\bhaha)"
    r"|(?<=\bhahaha)|(?<=\bjaja)|(?<=\bjajaja)|(?<=\bkkk)|(?<=\bkkkk)|(?<=\brsrs))\s+"
    rf"(?=¿|(?:{QUESTION_WORD}|{ACCENTED_QUESTION_WORD}|{_RUN_TOGETHER_QUESTION_WORD}|but|pero|mas|so"
    r"|ok|okay)\b)"
    # A face ends a sentence before one that asks with its mark ("... só fala de agro 😂 o
    # comércio agrícola mudou como?"); not before Chinese, as above.
    r"|(?<=[\U0001F600-\U0001F64F\U0001F910-\U0001F92F\U0001F970-\U0001F97A])\s+"
    r"(?=[^\u4e00-\u9fff.?!？。！\n][^.?!？。！\n]*\?)"
    # "..., and uh why ...", "... an what year ...": as people speak
    # "... y de paso que es eso del celac": by the way
    # "... y también qué le mandaron a México": and also; not "y también que México, ¿es
    # cierto?", and also that
    # ("and also" is one conjunction: its "also" starts nothing)
    r"|,?\s+(?:and|an|(?<!\band\s)(?<!\ban\s)also|plus|y|e),?\s+"
    r"(?:(?:also|tambi[eé]n|tamb[eé]m)\s+"
    r"(?!(?-i:que\s+[A-ZÁÉÍÓÚÑ]\w*\s*(?:[,¿]|$)))"
    # "..., and secondly, how many ..."
    rf"|(?:uh+|um+|erm|eh|secondly|thirdly|lastly|finally|{_BY_THE_WAY}|{_ANOTHER_QUESTION}"
    r"),?\s+)?"
    # "... e com quem a China fez ...?", "... and in which year ...?", "... e faz quanto
    # tempo que existe?", "... e o que é a celac?", "... and whens the first one due"
    rf"(?=(?:{_PREPOSITION}\s+)?(?:{QUESTION_WORD}|{ACCENTED_QUESTION_WORD}"
    rf"|{_RUN_TOGETHER_QUESTION_WORD}"
    r"|o (?:que|q)|faz quanto|ha quanto|há quanto|hace cu[aá]nto)\b)"
    # "... about China and Latin America, what does this CELAC stand for": a question word
    # and its verb after a comma start the question; not one asking of what came before it
    # ("that new food centre ..., what is it supposed to do?")
    r"|(?<=,)\s+(?=(?:what|which|when|where|how|why|who)\s+(?:does|do|did|is|are|was|were|has|have"
    r"|can|could|will|would)\s+(?!(?:it|its|they|them|he|she)\b"
    r"|(?:that|this|those|these)\s+(?:supposed|for|about|mean|means|do|even|really|actually)\b))"
    # "... could you tell me, firstly, what ...": the first of the questions numbered
    r"|(?<=,)\s+(?=(?:firstly|first of all),?\s+(?:what|which|who|when|where|why|how)\b)"
    # "tengo una tienda en línea ..., el artículo dice algo de vuelos de carga?": what the
    # article says, asked after the asker's story
    r"|(?<=,)\s+(?=(?:el|la|o|a|the)\s+(?:art[ií]culo|texto|nota|artigo|mat[eé]ria|article|text)"
    r"\s+(?:dice|habla|menciona|cuenta|diz|fala|conta|says|say|mentions|talks)"
    # about something named after it; not "..., o texto fala algo?" of the words before
    r"\s+(?:(?:algo|something|anything)\s+)?(?:de|del|sobre|acerca|about|of|da|do|dos|das)\s"
    r"[^.!,]*\?)"
    # "... e também se a China tá fazendo usina ...": and also whether
    r"|,?\s+(?:and|y|e)\s+(?:also|tamb[eé]m|tambi[eé]n)\s+(?=(?:whether|if|se|si)\s)"
    r"|(?:还有|另外|以及|顺便问一下)"
    # dictated Chinese, spaces for commas: "... 哈哈 文章里说未来十年科技合作重点是啥啊"
    r"|(?<=[\u4e00-\u9fff])\s+(?=文章(?:里面|里|中)?说)"
    # and a second question after one that ends asking: "那厂子都整啥啊 啥时候能出第一台车"
    r"|(?<=[啥么吗呢啊哪])\s+(?=(?:啥时候|什么时候|哪|几|多少|为什么|为啥|怎么)[\u4e00-\u9fff])"
    # "... 对中拉关系挺感兴趣的😅 想问下未来十年...": "I'd like to ask" after a pause or a mark
    r"|(?<=[^\w\u4e00-\u9fff])\s*(?=想[问問](?:一)?下|[请請][问問]|想[请請]教)"
    # "..., ¿de qué va?": Spanish marks where a question starts.
    r"|\s*(?=¿)"
    # "Aqui é da cooperativa de açaí lá do Pará a gente quer saber se ...": the asker says
    # who they are, then that a question comes (in their own voice: not "what do they want
    # to know").
    rf"|\s+(?=(?:{_WANTS_TO_KNOW}|i(?:['’]d| would) like to know)\b)",
    re.IGNORECASE,
)
# "pra que (que) serve", "para qué sirve": what it is for, not "para que funcione" (so that)
_WHAT_FOR: Final = r"(?:pra|para|pa) que(?: que)?(?= serv| sirv)"
_ASKS: Final = re.compile(
    rf"[?？]\s*$|^\W*(?:o\s+|(?:please|pls|plz|kindly|por favor|porfa|porfis|xfa|pfv)\W+)?"
    rf"(?:{QUESTION_WORD}|{_RUN_TOGETHER_QUESTION_WORD}|whether|if(?! (?:i|im)\b)"
    # "has the genetics company opened a lab there and for what?", "have they ...": with its
    # subject; not "have been reading ...", "have a nice day", nor Spanish "has visto"
    r"|(?:has|have)\s+(?:china|chinese|beijing|they|he|she|it|there|anyone|anybody|any|the|this"
    r"|that|these|those|you|we|latin|brazil|byd|cbers|xi|bgi|celac)"
    rf"|{_WHAT_FOR}"
    # "em que dia ...?", "con cuántos países ...": a preposition before a word that only asks;
    # not a conjunction ("en cuanto a Bolivia", "para que funcione", "de cuando")
    rf"|(?!en cuanto|para que|pra que|de cuando){_PREPOSITION}\s+(?:what|which|whom|who|when|where"
    r"|que|q|qual|quais|cual|cuales|cuando|quando|donde|onde|quien|quem|cuant\w*|quant\w*))\b"
    # "and whats the headline?": a later clause may open with a conjunction, then a word that
    # only asks ("y que va a producir autos" is a statement, "and if that works" a condition)
    r"|^\W*(?:and|an|n|also|plus|but|y|e|pero|mas)\s+"
    # "and also whats this food innovation centre thing about"
    r"(?:(?:also|tambi[eé]n|tamb[eé]m)\s+)?"
    # "and apart from cars what else ...": what it sets aside first
    r"(?:(?:apart from|aside from|besides|other than|aparte de|ademas de|alem de)"
    r"\s+[^,?]{1,25}?,?\s+(?=(?:what|which|who|where|when|how|que|qu[eé]|o que|qual|cual)\b))?"
    # "y de paso que es eso del celac": by the way; "y otra cosa q es eso ...", "e, já agora,
    # ...": a second question, said to be one
    rf"(?:(?:{_BY_THE_WAY}|{_ANOTHER_QUESTION}),?\s+)?"
    # "and like how old is the forum": as people speak
    r"(?:(?:like|uh+|um+|erm|so),?\s+)?"
    r"(?:o que|o q|oq|what|whats|which|who|whos|whose|when|whens|where|wat|wut|wht|wich|whn|wher"
    r"|wheres|why|how|hows|qual|quais|cual|cuales|quando|cuando|onde|donde|quem|quien"
    # "... and does it say any of this created jobs": a yes/no question of its own
    r"|(?:does|did|do|is|are|was|were|has|have|can|could)\s+(?:it|they|the|this|that|china)"
    # "e pra que servem os dados?"; "y q es eso de los 10 años?", not "y que va a producir"
    rf"|{_WHAT_FOR}"
    r"|(?:que|q) (?:es|son) (?:eso|esto|esa|ese|lo|la|el|los|las))\b"
    # "y también meten plata en transporte o no": a later clause opening with "and" that
    # ends asking "or not" (a clause not opening so, "..., me guste o no", is no question)
    r"|^\W*(?:and|y|e)\s.*\b(?:o no|or not|ou n[aã]o)\W*$"
    # Spoken Portuguese and Spanish put it last: "e isso ajuda como", "eles fizeram o que"
    r"|\b(?:como|o que|o q|oq|quando|onde|pra que|para que|(?:o (?:q|que)|q) onda|em (?:que|q))"
    # ... and where: "fazer o que lá"
    r"(?:\s+(?:msm|mesmo|exatamente|exactamente|afinal|l[aá]|ali|all[aá]|aqui|aqu[ií]|ac[aá]))?"
    # ... and whom it asks: "e isso ajuda em que minha filha"
    r"(?:,?\s+(?:minha filha|meu filho|mijo|mija|mano|cara|amig[oa]|parceiro|tch[eê]|querid[oa]))?"
    r"\W*$"
    r"|^\W*(?:(?:please|pls|plz|kindly|por favor|porfa|porfis|xfa|pfv)\W+)?"
    # not "explain like I'm 5", which says how, after the question
    r"(?:tell(?: me| us)?(?! you\b| ya\b)|explain(?! (?:it )?like (?:im|i'm|i am|a) )|list|name"
    r"|describe|dime|diga|fala)\b"
    rf"|{_CHINESE_ASKING_WORD}|{CHINESE_YES_NO_WORD}|吗\s*$|呢\s*$"
    # "¿" opens a question wherever it stands ("Ahora bien, decime: ¿quién ...")
    r"|¿",
    re.IGNORECASE,
)
# The join before a clause that asks the next question: ", and which ...".
_CONJUNCTION: Final = re.compile(r",?\s+(?:and|also|plus|y|e)\s", re.IGNORECASE)
# A question asked inside a clause, after thanks or a time ("cheers! what's this about ...",
# "over the past decade which sectors did ..."): a question word with the verb before its
# subject, or "how many", and no "I", "we" or "my" before it ("I remember when Xi visited
# Peru", "I wonder how it started" tell about the asker). Spanish marks its question words
# with an accent wherever they stand ("pero la CELAC qué es, y para qué sirve?").
_QUESTION_WITHIN: Final = re.compile(
    r"^(?:(?!\b(?:i|im|ive|we|my|me)\b).)*?"
    r"\b(?:what|which|who|when|where|why|how)(?:'s\b|s\b|\s+(?:many|much)\b"
    r"|(?:\s+\w+){0,2}?\s+(?:is|are|was|were|did|does|do|can|could|will|would|has|have)\b)"
)
# So does "how many", accent or not: "o forum faz quantos anos e o que é ...".
_ROMANCE_QUESTION_WITHIN: Final = re.compile(
    rf"^(?:(?!\b(?:yo|eu|recuerdo|lembro|acuerdo|sei)\b).)*?"
    # not "unos cuantos" (a few)
    rf"\b(?:{ACCENTED_QUESTION_WORD}|(?<!unos )(?<!unas )(?<!uns )(?<!umas )"
    r"(?:quant[oa]s|cuant[oa]s)"
    # unaccented, "que" asks before the noun it asks for: "... a que paises fue eso"
    r"|(?:a|en|con|em|com|de) (?:que|q) (?:paises|pais|ano|anos|ciudad|cidade|fecha|data))\b",
    re.IGNORECASE,
)
_MIN_CLAUSE_CHARS: Final = 3
# A clause this short, ending in a comma before a question, names its topic ("Con Venezuela,
# ¿qué...?"); before a Spanish "¿" with nothing between, one twice as long does.
_MAX_TOPIC_WORDS: Final = 5
_MAX_SPANISH_TOPIC_WORDS: Final = 10
# In Chinese, a clause this short before "，" names the question's topic or time ("新冠期间，",
# "那些卫星，"), unless it tells about the asker ("我在古巴，") or is filler ("嗯那个就是说，"); a
# longer one tells about the asker ("我女儿在巴西读书，").
_MAX_CHINESE_TOPIC_CHARS: Final = 6
_CHINESE_ASKER: Final = re.compile("我|^[嗯呃啊哦]")
# Whoever it is, verbs that only report a belief: "bloke at the sale yards reckons ...",
# "un colega me jura que ...", "um irmão da igreja garante que ...".
# Not the article's own ("el autor asegura que ...": what the article holds).
_NOT_THE_ARTICLES: Final = (
    r"(?!(?:the|el|la|o|a) (?:author|writer|article|text|autor|autora|articulo|artigo|texto)\b)"
)
_BELIEF_OPENER: Final = (
    rf"{_NOT_THE_ARTICLES}(?:\w+ ){{1,5}}(?:reckons|reckoned|swears|swear|swore|insists|insisted"
    r"|was telling (?:me|us)|(?:keeps (?:on )?|kept )saying(?= that))(?: that)?"
    rf"|{_NOT_THE_ARTICLES}"
    r"(?:\w+ ){1,5}(?:me )?(?:jura|juro|asegura|aseguro|insiste en|anda diciendo|vive diciendo"
    r"|jurou|garante|garantiu|garantiu-me|afirmou|afirma|insiste|insistiu|anda dizendo"
    r"|vive dizendo|ta dizendo) que"
)
# A belief told before a question is what the question is about ("my grandson reckons they
# have put satellites up for years. so what does that program do?"), not a question of its own.
_TOLD_BELIEF: Final = re.compile(rf"(?:^|[.:!?]\s)\W*(?:{_BELIEF_OPENER})\b")
# "my friend says BYD built a plant in Mexico, right?", "¿es cierto que...?", "听说...对吗":
# a claim to check, which the answer may correct (the plant is in Brazil).
_CLAIM_OPENER: Final = (
    # not "my teacher said to ask ..."
    r"(?:my|a|our) (?:\w+ ){0,2}(?:says|said|told me|thinks|claims)(?! to\b)(?: that)?"
    r"|someone (?:told me|said|says)(?! to\b)(?: that)?|i (?:heard|read)(?: somewhere)? that"
    r"|is it (?:really )?true(?: that)?|is it (?:right|correct) that"
    r"|(?:am i|would i be) (?:right|correct)(?: in thinking| to think| to say)?(?: that)?"
    r"|(?:(?:kindly|please|can you|could you) )?confirm (?:whether|if|that)"
    r"|(?:mi|un|una) \w+ (?:me )?(?:dijo|dice|comento) que"
    r"|me dijeron que|dicen que|es (?:cierto|verdad) que"
    r"|(?:meu|minha|um|uma) \w+ (?:me )?(?:disse|falou|diz|contou) que"
    r"|me disseram que|ouvi dizer que|e verdade que|e (?:vdd|verdade) q"
    rf"|{_BELIEF_OPENER}"
)
# Whether what was told holds: "thats rubbish eh", "who's right", "¿quién tiene razón?".
_VERDICT: Final = (
    r"(?:that'?s|thats|that is|is that|is he|is she|are they)"
    r" (?:all )?(?:rubbish|nonsense|bs|bull|bollocks|wrong|a myth|a lie|right|true|correct|legit)"
    r"(?: (?:eh|right|or what|or not|then|mate|no))?"
    r"|is (?:that|this|it) (?:actually |really |indeed |in fact )?the case"
    r"|who(?:'?s| is)? right|(?:a poco )?(?:es|sera) (?:cierto|verdad)"
    r"(?: o (?:no|mentira|(?:nomas )?(?:anda|esta) (?:de )?mentiros[oa]))?"
    r"|quien tiene (?:la )?razon|quem tem razao|(?:isso|isto) (?:confere|procede)"
    r"|(?:isso|isto) e verdade|e verdade isso|ta certo isso"
)
# "对吗", "是真的吗": is that right? (at the end of a claim, or as a sentence of its own)
_CHINESE_CHECK: Final = "对吗|对不对|是吗|是真的吗|是不是真的|真的假的|真的吗|是真是假|没错吧"
# Chinese runs on without a space; "听说过比亚迪吗" (have you heard of BYD) claims nothing.
# "听同事说", "听我朋友讲": heard someone say
_CHINESE_CLAIM_OPENER: Final = r"听说(?!过)|听[^，,。？?！!\s]{1,4}[说讲]|我朋友说|有人说|据说"
_CLAIM_TAG: Final = re.compile(
    # "..., that right?", "... is that true?"; not "what makes that true?"
    r"(?:,\s*(?:is )?|\s+is )that (?:right|true|correct)\s*\?+\s*$"
    r"|,\s*(?:right|correct|true|isn'?t it|no|cierto|verdad|ne|certo|e isso|e verdade|nao"
    r"|nao e)\s*\?+\s*$"
    r"|\s*¿(?:cierto|verdad|no|no es asi)\?\s*$"
    # Brazilian "né?" closes a statement with or without a comma ("... em 2024 né tchê?")
    r"|\s(?:ne|neh)(?: tche| mano| cara| gente)?\s*\?+\s*$"
    # "..., ¿es correcto?", "... 2026, é isso mesmo?", a last sentence "Está certo?"
    r"|[,.!]\s*¿?(?:es correcto|es asi|e isso mesmo|e isso|esta certo|ta certo"
    r"|is that right|is that true|am i right|true or false|verdad o mentira|verdade ou mentira)"
    r"\s*\?+\s*$"
    # A verdict on what was told, asked of the bot: "... 20 yrs. thats rubbish eh?", "... 🤣 a
    # poco es cierto o nomas anda de mentiroso", "... ¿Quién tiene razón?", "Isto confere?"
    rf"|(?:[.!?]|(?<=[^\w\s,])\s)\W*(?:{_VERDICT})\W*$"
    # after a comma, only a verdict no statement ends with: "..., thats rubbish eh?"
    r"|,\s*(?:(?:that'?s|thats|that is) (?:all )?(?:rubbish|nonsense|bs|bull|bollocks|a myth"
    r"|a lie)(?: (?:eh|right|mate|no))?|who(?:'?s| is)? right)\W*$"
    rf"|(?:{_CHINESE_CHECK})\s*[?？]*\s*$"
)
# The same as a clause of its own after a comma ("mi primo me jura que ..., ¿quién tiene
# razón?"): it asks nothing but whether the claim before it holds.
_ONLY_A_VERDICT: Final = re.compile(rf"^\W*(?:{_VERDICT})\W*$")
# At the start of the message or of a sentence ("thanks! one more: is it true that ...").
_CLAIM_START: Final = re.compile(
    rf"(?:^|[.:!?]\s)\W*(?:(?:and|y|e) )?(?:{_CLAIM_OPENER})\b"
    rf"|(?:^|[.:!?。：！？])\W*(?:{_CHINESE_CLAIM_OPENER})"
)


def checks_a_claim(text: str) -> bool:
    """Whether a message asks to check a claim ("my friend says ..., right?")."""
    return bool(_CLAIM_START.search(fold(text).strip()) or _claim_tag(text))


def _claim_tag(text: str) -> re.Match[str] | None:
    """A closing "..., right?" after a statement of its own ("Why is that true?" has none)."""
    tag = _search_folded(_CLAIM_TAG, text)
    before = text[: tag.start()] if tag else ""
    enough = len(before) >= _MIN_CLAUSE_CHARS if has_cjk(before) else len(before.split()) >= 3
    return tag if enough else None


# What counts or announces the questions to come: "two questions:", "dos cosas:", "decime:".
_QUESTION_NOUNS: Final = (
    r"(?:questions?|things?|qs|preguntas?|preguntitas?|consultas?|dudas?|cosas?|cosillas?"
    r"|cositas?|perguntas?"
    r"|perguntinhas?|duvidas?|questoes|coisas?)"
)
_TELL_ME: Final = r"(?:tell me|dime|decime|digame|contame|cuentame|me diz|me conta)"
# Lead-ins that announce a question without being part of it.
# "different question: ...", "otra cosa distinta: ...": said before a question, a mark after it
# (not "different question but related", "¿y la celac es una cosa distinta?").
_DIFFERENT_QUESTION: Final = (
    # "different ting altogether - who write dis article?"
    r"(?:(?:a |one )?(?:different|unrelated) (?:question|topic|subject|thing|ting)"
    r"(?: altogether| entirely| completely)?"
    r"|(?:una |uma |otra |outra )?(?:pregunta|cosa|pergunta|coisa) (?:diferente|distinta))"
    r"(?=\s*[,:;.!-])"
    # "ok unrelated but what does CELAC even stand for"
    r"|(?:totally |completely )?unrelated,? but"
)
# "changing the subject", "switching gears completely", "cambiando de tema"
_CHANGING_SUBJECT: Final = (
    r"(?:chang(?:ing|e) (?:the )?(?:subject|topic)s?|change of (?:subject|topic)"
    r"|switching (?:gears|topics?|subjects?)|cambiando (?:de|el) tema|cambio de tema"
    r"|mudando de (?:assunto|tema))"
    r"(?: (?:completely|totally|entirely|completamente|totalmente|por completo))?"
)
_CHINESE_CHANGING_SUBJECT: Final = "换(?:一)?个话题|换话题|换个事儿?|换个问题|说点别的|聊点别的"
_LEAD_IN: Final = re.compile(
    # A voice assistant woken by mistake, first so that "ok" alone does not take its "ok"
    # ("ok google nao pera kkkk bot quem que escreveu esse artigo ai")
    r"^\W*(?:(?:(?:ok|okay|hey|oi|ei|oye) (?:google|siri|alexa)"
    rf"|ok(?:ay)?|so|well|anyway|btw|by the way|{_CHANGING_SUBJECT}"
    r"|another (?:question|thing)|one more (?:question|thing)|quick (?:question|q)"
    # "one last matter:", "a final question,"; not "my last question was about BYD"
    r"|(?:(?:one|my) (?:last|final)|a final) (?:question|thing|matter|point)(?=\s*[,:;.!-])"
    rf"|{_DIFFERENT_QUESTION}|new (?:question|topic|subject)(?=\s*[,:;.!-])"
    r"|outra pergunta|outra coisa|otra pregunta|otra cosa"
    # the asker numbers the questions in words: "Firstly, what ...? And Secondly, what ...?"
    r"|(?:and )?(?:firstly|secondly|thirdly|lastly|first of all)"
    # not "en segundo lugar quedó Brasil?" (came second)
    r"|(?:y |e )?(?:en primer lugar|en segundo lugar|em primeiro lugar|em segundo lugar"
    rf"|primeiramente)(?=\s*[,:]|\s+(?:¿|(?:{QUESTION_WORD}|{ACCENTED_QUESTION_WORD}|o que)\b))"
    r"|pregunta rapida|pergunta rapida|ahora bien"
    # "Última: ¿por qué ...?", "y la última pregunta:": the last one
    r"|(?:y |e )?(?:la |a )?ultima(?: pregunta| pergunta| cosa| coisa| consulta| duda)?(?=\s*[:：])"
    # "decime: ¿quién ...?": it only says a question follows
    rf"|{_TELL_ME}(?=\s*[:：])"
    # "two questions:", "dos preguntas rápidas:", "duas coisas:": they only count what follows;
    # dictated, a "né" stands for the colon ("duas coisas né o que é ...")
    rf"|(?:two|three|2|3|dos|tres|duas) (?:quick |short |little )?{_QUESTION_NOUNS}"
    r"(?: rapidas| rapidinhas| cortas)?(?: mas| mais| more)?(?=\s*[:：]|\s+ne\b)"
    # Spoken fillers and openers, and a way of addressing the listener: "então querido, ...",
    # "né, o que é isso?", "oye mijo"
    r"|ne|entao|querid[oa]|meu filho|minha filha|mijo|mija|oye|olha|ay|(?:please )?chale"
    # European Portuguese "ó amigo, ...", "ó pá": whom it asks, folded "o"
    r"|o (?:amig[oa]|pa|senhor|senhora|menin[oa])(?=\s*,)"
    # "(não,) pera(í)": wait
    r"|(?:nao )?pera(?:i|ai)?"
    # an exclamation, not a question: "q chimba, ...", "que bacana!", "qué bueno,"
    r"|(?:que|q) (?:chimba|bacan[oa]|chever[ea]|padre|buen[oa]|lind[oa]|genial|legal|massa"
    r"|bom|interesante|interessante|loco|louco|bendicion|bencao|maravilla|maravilha|alivio)"
    r"(?=\s*[,.!])"
    # "according to the article, ...": every answer is; the words would pull to the
    # entries about the article itself.
    r"|according to (?:the|this) (?:article|text|piece)|segun (?:el|este) (?:texto|articulo)"
    r"|segundo o (?:texto|artigo)|de acordo com o (?:texto|artigo)"
    # Indirect questions: "I'd be curious to know what ...", "could you remind me which ..."
    rf"|{_ASKS_TO_BE_TOLD}|i(?: was|['’]m)? wondering|i wonder"
    # "e há alguma referência à criação de emprego?": what follows is the question
    r"|(?:e |y )?(?:ha|hay|existe) (?:alguma|alguna|algum|algun) (?:referencia|mencao|mencion)"
    r"(?: (?:a|ao|al|sobre))?"
    rf"|{_CLAIM_OPENER}"
    r")[\s,:;.!-]+"
    # Chinese runs on without a space: "我想知道中国...".
    # "那啥，" (um) is a spoken filler, no question.
    rf"|(?:{_CHINESE_CHANGING_SUBJECT}|那啥(?=[，,])|另外(?:再)?问(?:一)?下|根据(?:这篇)?文章"
    rf"|我想知道|想知道|我想问一下|我想问|{_CHINESE_CLAIM_OPENER})[\s,:;.!，：-]*)+",
    re.IGNORECASE,
)


# "changing the subject, ...", "换个话题，...": the message says itself that it leaves the
# conversation's subject.
_NEW_SUBJECT: Final = re.compile(
    rf"\b{_CHANGING_SUBJECT}\b"
    rf"|^\W*(?:(?:ok(?:ay)?|so|well|bueno|y|e)\W+)?{_DIFFERENT_QUESTION}"
    rf"|{_CHINESE_CHANGING_SUBJECT}",
    re.IGNORECASE,
)


def changes_subject(text: str) -> bool:
    """Whether a message announces a new subject ("changing the subject, what is CELAC?")."""
    return found(_NEW_SUBJECT, text)


# What a question sets aside: "besides X," / "apart from X," up front, "... aparte de X?" at
# the end, "除了X(以外)，" up front. The words of X would otherwise pull the answer to X.
_EXCLUSION: Final = re.compile(
    r"^\W*(?:(?:and|y|e)\s+)?(?:besides|apart from|aside from|other than|except for|aparte del?"
    r"|ademas del?|alem d[aeo]s?|fora|fuera del?)\s+(?:[^,?]{1,40},\s*"
    # "e além do brasil ele vai em que país", "aparte de la pandemia hicieron algo más": no
    # comma, the subject or its verb after it
    r"|[^,?\s]+(?:\s[^,?\s]+){0,2}?\s+(?=(?:he|she|they|it|ele|ela|eles|elas|el|ella|ellos"
    r"|ellas|a china|china|xi|did|hicieron|hizo|fizeram|fez)\s))"
    r"|\s+(?:besides|apart from|aside from|other than|aparte del?|ademas del?|alem d[aeo]s?"
    r"|fora)\s+[^,?]{1,30}(?=\?*\s*$)"
    # "除上述援助外，", "除咯这些" (Hunan 咯, Cantonese 咗: 了)
    r"|^除(?:了|咯|咗|开)[^，,？?]{1,12}?(?:之外|以外)?(?:[，,]\s*|(?=还|也|另外))"
    r"|^除[^，,？?]{1,12}?(?:之外|以外|外)(?:[，,]\s*|(?=还|也|另外))",
    re.IGNORECASE,
)


# "apart from that", "除了这些", "além disso": what is set aside is only what was said.
_ONLY_WHAT_WAS_SAID: Final = re.compile(
    r"^\W*(?:(?:and|y|e)\s+)?\w+(?:\s+(?:from|de|del|da|do|das|dos))?\s+"
    r"(?:that|this|these|those|it|eso|esto|esos|estos|isso|isto|disso|disto|esses|estes)\W*$"
    r"|^\W*除(?:了|咯|咗|开)?(?:这些|这个|那些|上述|以上|这)\W*(?:之外|以外|外)?\W*$"
)


def sets_aside_what_was_said(aside: str) -> bool:
    """Whether what a message sets aside (as `without_exclusion` splits it off) is only what
    was said before it: "apart from that", "除了这些"."""
    return bool(_ONLY_WHAT_WAS_SAID.search(fold(aside)))


def without_exclusion(text: str) -> tuple[str, str] | None:
    """The message without what it sets aside, and what it sets aside; None when it sets
    nothing aside (or is nothing else)."""
    found = _search_folded(_EXCLUSION, text)
    # "除咗整车仲做乜": a Cantonese word folds to a longer Mandarin one (乜, 什么), and the
    # folded text stands for the message
    if found is None and len(folded := fold(text)) != len(text):
        text, found = folded, _EXCLUSION.search(folded)
    if found is None:
        return None
    rest = (text[: found.start()] + " " + text[found.end() :]).strip()
    return (rest, found[0]) if len(rest) >= _MIN_CLAUSE_CHARS else None


# "is Colombia one of them?", "¿está Colombia ahí?", "e a Argentina tá nessa lista?",
# "哥伦比亚在里面吗": whether a name is among those the answer lists, over folded text. The
# name asked about need not be in the answer: the article may not list them.
_MEMBERSHIP: Final = re.compile(
    r"\b(?:is|are) ([a-z]+(?: [a-z]+)?) (?:one of (?:them|those|the \w+)|among them|on (?:the|that)"
    r" list|in (?:the|that) list|in there|included|part of (?:it|them|the list))\b"
    r"|\b(?:esta|estan|entra|aparece|ta|estao) ([a-z]+(?: [a-z]+)?) (?:ahi|alli|ai|en (?:la|esa)"
    r" lista|na lista|nessa lista|entre (?:ellos|esos|eles|esses)|incluid[oa])\b"
    r"|\b([a-z]+(?: [a-z]+)?) (?:esta|estan|entra|aparece|ta|estao) (?:ahi|alli|ai|en (?:la|esa)"
    r" lista|na lista|nessa lista|entre (?:ellos|esos|eles|esses)|incluid[oa])\b"
    r"|([\u4e00-\u9fff]{2,6}?)(?:也)?(?:在|算)(?:里面|其中|名单里|名单上|里头|之列|在内)"
    # "e o Uruguai, ficou de fora?", "¿Perú quedó fuera?": whether it was left out
    r"|\b([a-z]+(?: [a-z]+)?),? (?:ficou|ficaram|fica|ficam) de fora\b"
    r"|\b([a-z]+(?: [a-z]+)?),? (?:se )?(?:quedo|quedaron) (?:a)?fuera\b"
)


def asked_members(text: str) -> list[str]:
    """What a question asks whether it is among those listed ("is Colombia one of them?":
    "colombia"), as written (folded); [] when it asks no such thing."""
    return [
        next(group for group in match.groups() if group)
        for match in _MEMBERSHIP.finditer(fold(text))
    ]


def asked_member_countries(
    text: str, terms_of: Callable[[str], Iterable[str]], countries: Container[str]
) -> frozenset[str]:
    """The countries, as `terms_of` reads them, that a question asks whether they are among
    those listed."""
    return frozenset(
        term for member in asked_members(text) for term in terms_of(member) if term in countries
    )


class _Clause(NamedTuple):
    text: str
    # The next clause joins it with "and", "y", "e" ("..., and which countries ...?").
    conjoined: bool


# A question word alone ("¿Por qué", "¿Cómo") before "y" ("... y cómo coopera China?").
_LONE_QUESTION_WORD: Final = re.compile(
    rf"\W*(?:{_PREPOSITION}\s+)?(?:por que|{QUESTION_WORD})\W*", re.IGNORECASE
)


_WHAT_AFTER_AND: Final = re.compile(r"o (?:que|q)\b", re.IGNORECASE)
_BETWEEN: Final = re.compile(r"\b(?:entre|diferen[cç]a|compar)", re.IGNORECASE)


def _asks_within(clause: str) -> bool:
    """Whether a clause asks, up front or with a question word inside it."""
    return (
        asks(clause) or found(_QUESTION_WITHIN, clause) or found(_ROMANCE_QUESTION_WITHIN, clause)
    )


def _clauses(text: str) -> list[_Clause]:
    """The message's clauses, in order, without the empty ones; a question word alone before
    "and" asks with the clause after it ("¿Por qué y cómo coopera China ...?")."""
    found: list[_Clause] = []
    start = 0
    for split in _SPLIT.finditer(text):
        if _LONE_QUESTION_WORD.fullmatch(fold(text[start : split.start()])):
            continue
        # "...新能源项目除了光伏板厂还有啥类型的？": "besides X, what else" is one question
        if split[0] == "还有" and "除了" in text[start : split.start()]:
            continue
        # "e o que ..." starts a question only after one ("quem escreveu e o que é a celac?");
        # "a byd e o que ela faz no brasil?" asks one, of BYD
        if (
            _CONJUNCTION.match(split[0])
            and _WHAT_AFTER_AND.match(text, split.end())
            and (
                not _asks_within(text[start : split.start()])
                # "a diferença entre o que a China fez no Brasil e o que fez na Argentina"
                or _BETWEEN.search(text, start, split.start())
            )
        ):
            continue
        found.append(
            _Clause(text[start : split.start()].strip(), bool(_CONJUNCTION.match(split[0])))
        )
        start = split.end()
    found.append(_Clause(text[start:].strip(), False))
    return [clause for clause in found if len(clause.text) >= _MIN_CLAUSE_CHARS]


# A Chinese question opening with "for" or "to" (对, 给), a pointer (这, 那, 它) or "specifically",
# "mainly", "each", "all" (具体, 主要, 分别, 都) has no subject of its own. Not one opening with
# "is" or "has" (是, 有): "感谢你的耐心解答，有没有关于锂的内容？" asks a question of its own.
_CHINESE_SUBJECTLESS: Final = ("对", "给", "这", "那", "它", "具体", "主要", "分别", "都", "是在")
# Nor has one asking what good or which there is, or why (有啥, 有什么, 有哪些, 为什么, 为啥), or
# opening with "but" (但, 不过): "中国的钱投到那边，有啥好处？", "...能带来新的合作机会，但前提是要
# 做到哪些？". Unless the clause before tells of the asker: "我对航天很感兴趣，有哪些卫星项目？",
# "我对航天很感兴趣，但拉共体到底是什么？" ask on their own.
_CHINESE_SUBJECTLESS_UNLESS_ASKER: Final = (
    "有啥",
    "有什么",
    "有哪些",
    "为什么",
    "为啥",
    "但",
    "不过",
)


# A sentence that only asks whether the one before is true: "... Argentina 🚗 é verdade?"
_ONLY_A_CHECK: Final = re.compile(
    r"^\W*(?:(?:is )?(?:that|it) (?:really )?(?:right|true|correct)|right|true"
    # whether who said it is right: "... Is he wrong?", "¿tiene razón?", "ele tem razão?"
    r"|(?:is|are|am) (?:he|she|they|i|we) (?:really )?(?:right|wrong|correct|mistaken)"
    # not "... or did Peru get any?", a question of its own
    r"(?: or (?!(?:did|does|do|is|are|was|were|what|which|who|when|where|how|why)\b)"
    r"(?:\w+ ){0,5}\w+)?"
    r"|(?:(?:el|ella|ele|ela) )?(?:tiene|tienen|tem) raz(?:ao|on)"
    r"|(?:e |es |isso e )?(?:verdade|verdad|cierto|correcto|certo|isso mesmo|procede)"
    # a guess at the answer: "... la usan pa que? agricultura or what?", "... fabricar la?
    # tipo so carro msm?"
    r"|(?!(?:and|y|e)\b)\w+(?: \w+)? (?:or what|ou o que)"
    r"|(?:tipo |like |o sea )?(?:so|solo|only|just) \w+(?: \w+)?(?: msm| mesmo| nomas)?"
    rf"|{_CHINESE_CHECK})\W*$"
)


def _with_topics(parts: list[_Clause]) -> list[_Clause]:
    """The clauses, one that asks nothing joined to the question after it when it is that
    question's topic (`_is_topic`), and one that only asks whether it is true to that."""
    joined: list[_Clause] = []
    for part in parts:
        before = joined[-1].text if joined else ""
        if before and found(_ONLY_A_CHECK, part.text):
            joined[-1] = joined[-1]._replace(text=f"{before} {part.text}")
        elif _is_topic(before, part.text):
            joined[-1] = part._replace(text=f"{before}{'' if has_cjk(before) else ' '}{part.text}")
        else:
            joined.append(part)
    return joined


# Before a colon, words that announce a question ("Tengo dos dudas: ¿...?", "Ahora bien,
# decime: ¿...?") are no topic; any other are ("Bolivia: ¿qué lanzó China?").
_ANNOUNCES_A_QUESTION: Final = re.compile(rf"\b(?:{_QUESTION_NOUNS}|{_TELL_ME})\b")


_WHATS_UP: Final = re.compile(r"^(?:(?!\?).)*\b(?:o )?(?:q|que) onda\W*$")


def _is_topic(before: str, question: str) -> bool:
    """Whether a clause that asks nothing names the topic of the question after it: a short
    one ending in a comma ("Sobre la pandemia, ¿a qué países...?", "Con Venezuela ¿...?"); in
    Chinese, a short one ("新冠期间，中国帮了哪些国家？"), or one before a question without a
    subject ("中国往那边砸的钱，给当地带来了哪些好处？")."""
    if not before or not asks(question):
        return False
    # "y lo de la economía digital qué onda 🤔 ¿qué tendrían que mejorar?": "what's up with"
    # names the topic of the marked question after it
    if asks(before) and not (question.startswith("¿") and _search_folded(_WHATS_UP, before)):
        return False
    if has_cjk(before):
        short = len(before) - 1 <= _MAX_CHINESE_TOPIC_CHARS and not _CHINESE_ASKER.search(before)
        subjectless = question.startswith(_CHINESE_SUBJECTLESS) or (
            question.startswith(_CHINESE_SUBJECTLESS_UNLESS_ASKER)
            and not _CHINESE_ASKER.search(before)
        )
        return before.endswith("，") and (short or subjectless)
    words = len(before.split())
    if before.endswith(","):
        return words <= _MAX_TOPIC_WORDS
    # Spanish opens the question right after its topic: "el centro de innovación alimentaria
    # sostenible ¿cuándo se creó?"
    return (
        question.startswith("¿")
        and not before.endswith((".", "?", "!"))
        and words <= _MAX_SPANISH_TOPIC_WORDS
        and not (before.endswith(":") and found(_ANNOUNCES_A_QUESTION, before))
    )


def asks(clause: str) -> bool:
    """Whether a clause asks something (a question mark, or a question word up front)."""
    return found(_ASKS, clause)


def _without_lead_in(text: str) -> str:
    """The text without a lead-in ("ok so", "quick question:"), unless that is all of it."""
    lead_in = _search_folded(_LEAD_IN, text)
    return text[lead_in.end() :] if lead_in and lead_in.end() < len(text) else text


# Within a message, words that say a question follows ("... esperando a maré, me diz uma
# coisa, o presidente ...?", "... 🛵 una pregunta, ¿los carros ...?", "... tacos 🌮, oiga la
# fábrica ...?") end what came before: the asker's own story, which asks nothing. Searched in
# the folded text, so unaccented.
# Not an English relative clause after the noun: "a question which nobody got right, when
# ..."; folded, the Spanish "qué" cannot be told from the relative "que".
_ANNOUNCES_WHAT_FOLLOWS: Final = re.compile(
    r"(?<=, )(?:oiga|oye|olha)\b,?\s*"
    rf"|\b(?:(?:{_TELL_ME}) (?:uma coisa|una cosa|algo|something|one thing)"
    r"|(?:una|uma|one|a|otra|outra|another) (?:quick |short |small )?"
    r"(?:pregunta|preguntita|pergunta|question|duda|duvida)(?: nomas| rapida| rapidinha)?)"
    rf"(?:\s*[:,]\s*|\s+(?=¿|(?:o |lo )?(?!(?:which|that|who)\b)(?:{QUESTION_WORD})\b))"
)
# Words that end what came before only when that was the asker's own story, told in the first
# person: "... yo vendo verduras ... entonces me preguntaba si ..." (I was wondering whether),
# "... estou aqui parado ... mas diz lá o que é que ..." (but tell me). Not "El foro cumple 10
# años, pero dime ¿por qué es importante?", whose words before name what it asks about.
_ENDS_THE_STORY: Final = re.compile(
    r"\b(?:me preguntaba|me pregunto|me perguntava|fiquei pensando)\s+(?:si|se)\s+"
    rf"|\b(?:mas|pero|but) (?:{_TELL_ME}|diz la|diga la|diz ai|fala ai)"
    rf"\s+(?=(?:o |lo )?(?:{QUESTION_WORD})\b)"
)
_RELATIVE_BEFORE_MARK: Final = re.compile(r"que\b.*¿")
_FIRST_PERSON: Final = re.compile(
    r"\b(?:i|im|my|yo|mi|mis|eu|meu|minha|estoy|estou|soy|sou|trabajo|trabalho|tengo|tenho"
    r"|vivo|moro|vendo)\b"
)


def _after_announcement(text: str) -> str:
    """The text with a sentence end where words within it say a question follows."""
    announced = _search_folded(_ANNOUNCES_WHAT_FOLLOWS, text)
    # "otra preguntita que nos llega por WhatsApp ... ¿qué ...?": a writer who marks the
    # question leaves the relative "que" unaccented
    if announced is not None and _RELATIVE_BEFORE_MARK.match(text, announced.end()):
        announced = None
    if announced is None:
        story_end = _search_folded(_ENDS_THE_STORY, text)
        if story_end is not None and _FIRST_PERSON.search(fold(text), 0, story_end.start()):
            announced = story_end
    if announced is None or announced.start() == 0 or announced.end() == len(text):
        return text
    return f"{text[: announced.start()].rstrip(' ,;:')}. {text[announced.end() :]}"


def _only_a_lead_in(text: str) -> bool:
    """Whether a clause only announces the question after it ("Ahora bien, decime:")."""
    lead_in = _search_folded(_LEAD_IN, text)
    return lead_in is not None and lead_in.end() == len(text)


# "and them? which fields ...", "他们呢？都在哪些领域合作？": a clause that only turns to the
# people just talked about, before the question it asks of them.
_ONLY_THEM: Final = re.compile(
    r"^\W*(?:(?:and|what about|how about|y|e|e quanto a|y que hay de)\s+)?"
    r"(?:them|they|those|ellos|ellas|eles|elas)\W*$"
    r"|^\W*那?(?:他们|她们|它们)呢\W*$"
)


# "..., according to the writer?": every answer is.
_SOURCE_TAG: Final = re.compile(
    r",?\s*(?:(?:according to|as per) (?:the|this) (?:article|text|writer|author|piece)"
    r"|segun (?:el|este) (?:texto|articulo|autor)"
    r"|(?:segundo|de acordo com) o (?:texto|artigo|autor))"
    r"(?=\s*[?.!]*\s*$)"
)


def _without_closing_tag(text: str) -> str:
    """The text without a closing "..., right?", "¿cierto?" or "according to the writer" (its
    own closing mark kept)."""
    return _without_tag(text, _claim_tag(text) or _search_folded(_SOURCE_TAG, text))


def without_source_tag(text: str) -> str:
    """The text without a closing "..., according to the writer?" (its own closing mark kept):
    every answer is, and "writer" would pull to the entries about the author."""
    return _without_tag(text, _search_folded(_SOURCE_TAG, text))


def _without_tag(text: str, tag: re.Match[str] | None) -> str:
    """The text without the closing `tag` found in it, unless too little would be left."""
    kept = text[: tag.start()].rstrip(" ,，") if tag else ""
    if len(kept) < _MIN_CLAUSE_CHARS:
        return text
    # The message's own closing mark: "？" stays Chinese, a statement's "." a statement.
    end = text.rstrip()[-1]
    return kept + (end if end in "?？.!。！" else "")


def _search_folded(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern` searched in the folded text, whose positions then hold for `text` itself;
    None when there is no match, or when fold() changed the length (combining marks)."""
    folded = fold(text)
    return pattern.search(folded) if len(folded) == len(text) else None


# "1) ... 2) ...", "1）…2）…", "① … ②": the asker numbers the questions; each item is one,
# commas and all ("1）作者是干啥的，在哪个单位？").
_NUMBERED: Final = re.compile(r"(?:^|(?<=[\s:：,，.。?？!！]))(?:[1-3][)）]|[①②③])\s*")


def _numbered(text: str) -> list[str] | None:
    """The items of a message that numbers its questions (two or three), else None."""
    marks = list(_NUMBERED.finditer(text))
    if len(marks) < 2 or len(marks) > MAX_QUESTIONS:
        return None
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    items = [text[mark.end() : end].strip() for mark, end in zip(marks, ends, strict=True)]
    return items if all(map(_says_something, items)) else None


def _says_something(item: str) -> bool:
    """Whether a numbered item is more than a stray word ("the 1) and 2) rules")."""
    return len(item) >= _MIN_CLAUSE_CHARS and (has_cjk(item) or len(item.split()) >= 2)


# "two questions: ...", "dos cosas, por favor:", "duas perguntas:": the asker counts them, in a
# lead-in before a colon ("what are the two things that ... do?" counts nothing).
_ANNOUNCED: Final = re.compile(
    r"\b(two|2|dos|duas|three|3|tres)\s+(?:(?:quick|short|little|more|mas|mais)\s+)?"
    rf"{_QUESTION_NOUNS}\b[^.?!:]{{0,20}}:"
)
_COUNTED: Final = {"two": 2, "2": 2, "dos": 2, "duas": 2}
# Where one question of a counted pair may end and the next begin: "... em 2024 e a cúpula
# do G20 foi em qual país?"
_AND: Final = re.compile(r",?\s+(?:and|y|e)\s+", re.IGNORECASE)
_OPENS_WITH_AND: Final = re.compile(r"\W*(?:and|y|e)\s", re.IGNORECASE)
_ASKS_ANYWHERE: Final = re.compile(
    rf"\b(?:{QUESTION_WORD}|{ACCENTED_QUESTION_WORD}|{_RUN_TOGETHER_QUESTION_WORD})\b",
    re.IGNORECASE,
)
# Each side of that "and" says this much: "China and Brazil" is one thing, not two questions.
_MIN_ANNOUNCED_WORDS: Final = 3


def _announced(text: str) -> int:
    """How many questions a message says it asks ("two questions: ..."), 0 when it does not."""
    counted = _search_folded(_ANNOUNCED, text)
    return _COUNTED.get(counted[1], 3) if counted else 0


def _as_announced(asked: list[str], announced: int) -> list[str]:
    """The questions, one split at an "and" between two questions when the message says it
    asks one more than were found ("two questions: how old is the forum and where was G20?")."""
    if len(asked) + 1 != announced:
        return asked
    for index, question in enumerate(asked):
        # The last "and" first: the first often joins two things of one question ("o que a
        # China e a Argentina construíram e ...").
        for join in reversed(list(_AND.finditer(question))):
            first, second = question[: join.start()], question[join.end() :]
            if all(
                len(side.split()) >= _MIN_ANNOUNCED_WORDS and found(_ASKS_ANYWHERE, side)
                for side in (first, second)
            ):
                return [*asked[:index], first, second, *asked[index + 1 :]]
    return asked


# Voice typing writes the punctuation a user dictates as words ("y para que sirve punto",
# "quais país vírgula ...", "比亚迪 逗号 ..."): as marks, the message splits and reads as typed.
_DICTATED: Final = re.compile(
    r"\s*\b(?:"
    r"(?P<open>abr[ae] (?:signo de )?(?:pregunta|interrogaci[oó]n))"
    r"|(?P<question>(?:cierr[ae] )?signo de (?:pregunta|interrogaci[oó]n)"
    r"|ponto de interroga[cç][aã]o|question mark)"
    # "e no brasil ele vai fazer o quê interrogação": the mark named by its last word
    r"|(?P<asked>interroga[cç][aã]o|interrogaci[oó]n)"
    r"|(?P<exclamation>signo de exclamaci[oó]n|ponto de exclama[cç][aã]o"
    r"|exclamation (?:mark|point))"
    r"|(?P<semicolon>punto y coma|ponto e v[ií]rgula|semicolon)"
    r"|(?P<stop>punto (?:final|y aparte|y seguido)|ponto final|full stop)"
    r"|(?P<comma>coma|v[ií]rgula|comma)"
    r"|(?P<point>punto|ponto|period)"
    r")\b(?P<next>\s+\w+)?",
    re.IGNORECASE,
)
_DICTATED_MARKS: Final = {
    "open": "",
    "question": "?",
    "asked": "?",
    "exclamation": "!",
    "semicolon": ";",
    "stop": ".",
    "comma": ",",
    "point": ".",
}
# "coma", "punto" and "ponto" are words, not marks, after a word that leads a noun or verb
# ("entró en coma", "el punto", "que coma": eat) and before one that follows a noun ("punto de
# vista", "ponto de ônibus"); "period" is a mark only at the end of the message.
_LEADS_A_NOUN: Final = re.compile(
    r"\b(?:en|em|el|la|un|una|o|um|a|que|de|do|da|del|su|seu|sua|mi|meu|este|ese|esse|aquele"
    r"|cada|al|ao|no|na|the|this|that|each|every|any|which|what|otro|otra|outro|outra|mundo"
    r"|algun|algum|ningun|nenhum|cualquier|qualquer|mismo|mesmo|ou|or)$",
    re.IGNORECASE,
)
# Every mark is written about, not dictated, after these: "como usar ponto e vírgula",
# "dónde pongo el punto y coma", "a big question mark over ...", "what is the question mark".
_WRITTEN_ABOUT: Final = re.compile(
    r"\b(?:el|la|o|um|un|una|the|a|big|use|using|usar|uso|pongo|poner|coloco|colocar|put"
    r"|write|escribir|escrever)$",
    re.IGNORECASE,
)
_FOLLOWS_A_NOUN: Final = re.compile(r"\s+(?:de|do|da|dos|das|del|y|e)$", re.IGNORECASE)
# Not a mark the message opens with or asks about ("感叹号是什么意思").
_CHINESE_DICTATED: Final = re.compile("(?<=.)(?:问号|逗号|句号|感叹号)(?!是|的|怎么|什么|用)")
_CHINESE_MARKS: Final = {"问号": "？", "逗号": "，", "句号": "。", "感叹号": "！"}


# Every dictated mark holds one of these: most messages hold none and are left as they are.
_DICTATED_STEMS: Final = (
    "coma",
    "punto",
    "ponto",
    "period",
    "rgula",
    "signo",
    "mark",
    "point",
    "stop",
    "colon",
    "abr",
    "interroga",
)


def punctuated(text: str) -> str:
    """The message with the punctuation its user dictated as words written as marks."""
    chinese = any(mark in text for mark in _CHINESE_MARKS)
    lowered = text.lower()
    if not chinese and not any(stem in lowered for stem in _DICTATED_STEMS):
        return text
    if chinese:
        text = _CHINESE_DICTATED.sub(lambda match: _CHINESE_MARKS[match[0]], text)
    # A mark said first leaves the comma after it: "full stop, who wrote this?".
    return _DICTATED.sub(lambda match: _mark(match, text), text).strip().lstrip(",;: ")


def _mark(match: re.Match[str], text: str) -> str:
    kind = next(name for name, value in match.groupdict().items() if value and name != "next")
    after = match["next"] or ""
    # A message opens with no mark: one said first is dropped ("full stop, who wrote this?"),
    # but a lone "coma", "punto" or "vírgula" there is a word ("vírgula ou ponto?").
    if not text[: match.start()].strip():
        return match[0] if kind in {"comma", "point", "asked"} else after.lstrip()
    if _WRITTEN_ABOUT.search(text, 0, match.start()):
        return match[0]
    if kind in {"comma", "point", "asked"}:
        if _LEADS_A_NOUN.search(text, 0, match.start()):
            return match[0]
        if match[kind].lower() == "period" and after:
            return match[0]
        if kind == "point" and _FOLLOWS_A_NOUN.match(after):
            return match[0]
    return _DICTATED_MARKS[kind] + after


def words_before(text: str, question: str) -> str:
    """The words of a message before one of its questions ("I read about BYD's plant." before
    "when?"); empty when the message opens with it, or with only a lead-in ("I'd like to
    know")."""
    # a question read without its closing tag ("..., according to the piece?") ends early
    before = text[: max(text.find(question), text.find(question.rstrip("?？.。!！ ")), 0)].strip()
    # a lead-in ends with a space or a mark, which strip() took
    return "" if _only_a_lead_in(f"{before} ") else before


def questions(text: str) -> list[str]:
    """The clauses that ask something, at most MAX_QUESTIONS of them; the whole message when
    it is one clause, the last clause when none looks like a question."""
    announced = _announced(text)
    asked = _questions(text, announced)
    return _as_announced(asked, announced) if announced else asked


# Dictated Chinese, spaces for commas: two or more spoken clauses that only tell, then a long
# one, the only one that asks ("老铁们好啊 俺在哈尔滨炼钢厂干了二十来年了 最近看新闻说... 那这些
# 中国投资到底给人家那边带来啥好处了"): each is a sentence of its own. Only Chinese clauses after
# the first (a greeting, "hi"): "我读到 digital economy 那段 😅 到底要做到哪些东西?" asks about
# what it names before.
_SPOKEN_TELLING: Final = re.compile(
    r"[^\s啥什哪多怎几吗?？]+\s+(?:(?:(?![啥什哪多怎几吗])[\u4e00-\u9fff，、,])+\s+)+"
)
_SPOKEN_ASKING: Final = re.compile(r"[\u4e00-\u9fff]\S{9,}")
_ASKING_CHARACTER: Final = re.compile(r"[啥什哪多怎几吗]")


def _spoken_sentences(text: str) -> str:
    """A dictated Chinese message's clauses as sentences, when only its last one asks."""
    telling = _SPOKEN_TELLING.match(text)
    if (
        telling is None
        or not has_cjk(text[: telling.end()])
        or not _SPOKEN_ASKING.fullmatch(text, telling.end())
        or not _ASKING_CHARACTER.search(text, telling.end())
    ):
        return text
    return "。".join(text.split())


# A request to be told asks whatever follows it: "...; could you remind me of the exact dates,
# and which summits he attended?"
_REQUEST: Final = re.compile(rf"^\W*(?:{_ASKS_TO_BE_TOLD}|please tell me)\b")


def _counted_parts(parts: list[_Clause], announced: int) -> list[str] | None:
    """The `announced` parts after the announcement (from the first part when the message
    opens with it, a lead-in gone by now), when each asks or only names what it asks, joined
    by an "and" to the one beside it: "Dos consultas: fechas de la gira de Xi y qué cumbres
    tenía en agenda. Gracias." asks the dates too, "dos cosas: ¿en qué se va a enfocar ...?
    y q hay q mejorar ..." what must improve. A sentence of its own that asks nothing ("Two
    questions: I'm a student from Peru. When did Xi visit?", "... And thanks for the help")
    is no question counted."""
    opening = next(
        (index for index, part in enumerate(parts) if _search_folded(_ANNOUNCED, part.text)), -1
    )
    counted = parts[opening + 1 : opening + 1 + announced]
    if len(counted) < announced or not all(map(_is_counted, counted)):
        return None
    return [part.text for part in counted]


def _is_counted(part: _Clause) -> bool:
    """Whether a part after a count of questions is one: it asks, or names what it asks and
    is joined by "and" to the part beside it."""
    if asks(part.text):
        return True
    joined = part.conjoined or (
        _OPENS_WITH_AND.match(part.text) is not None and found(_ASKS_ANYWHERE, part.text)
    )
    return joined and len(part.text.split()) >= _MIN_ANNOUNCED_WORDS


def _questions(text: str, announced: int = 0) -> list[str]:
    """The clauses that ask something, as the message separates them; each of the
    `announced` ones when the asker counted them and the message has that many."""
    untagged = _without_closing_tag(text)
    text = _spoken_sentences(_after_announcement(_without_lead_in(untagged)))
    if (items := _numbered(text)) is not None:
        return items
    # A lead-in may open a later sentence too ("thanks. changing the subject, what is ...").
    clauses = _clauses(text)
    # "Firstly, what does it stand for, according to the piece? And secondly, ...": every
    # answer is the article's, and "piece" would make "it" the article.
    read = [
        (part.text, part._replace(text=_without_lead_in(without_source_tag(part.text))))
        for part in clauses
        if not (_only_a_lead_in(part.text) or _search_folded(_ONLY_THEM, part.text))
    ]
    parts = _with_topics([without for _, without in read])
    if len(parts) <= 1:
        # "and them? which fields ...": the question is what follows the turn to "them"
        turned = len(parts) == 1 and _search_folded(_ONLY_THEM, clauses[0].text)
        return [parts[0].text] if turned else [text]
    # A claim to check asks, without a question mark ("Kindly confirm whether ..."); looked
    # for only when a clause does not ask otherwise, as most do.
    claims = functools.cache(
        lambda: (
            {without.text for part, without in read if _CLAIM_START.search(fold(part))}
            # the message's own opening claim, gone with its lead-in ("mi primo me jura que ...")
            | ({read[0][1].text} if read and _CLAIM_START.match(fold(untagged)) else set())
        )
    )
    requests = {without.text for part, without in read if _search_folded(_REQUEST, part)}
    # The message's own opening request, gone with its lead-in: "could you remind me of ...".
    if read and read[0][0] == clauses[0].text and _search_folded(_REQUEST, untagged):
        requests.add(read[0][1].text)
    asked = [
        (
            asks(part.text)
            or part.text in requests
            # "cheers! what's this about air routes, and which countries ...?"
            or (part.conjoined and _asks_within(part.text))
        )
        # "..., ¿quién tiene razón?" after a claim asks of that claim
        and not (index and _search_folded(_ONLY_A_VERDICT, part.text))
        for index, part in enumerate(parts)
    ]
    beliefs = functools.cache(
        lambda: {without.text for part, without in read if _search_folded(_TOLD_BELIEF, part)}
    )
    asking = [
        part.text
        for index, part in enumerate(parts)
        if asked[index]
        or (part.text in claims() and not (any(asked[index + 1 :]) and part.text in beliefs()))
    ]
    if len(asking) < announced:
        asking = _counted_parts(parts, announced) or asking
    # No clause looks like a question: people put theirs last ("... lol. according to it
    # what could a green economy do").
    return asking[:MAX_QUESTIONS] if asking else [parts[-1].text]
