"""Messages as people write them: the questions inside, and what a question sets aside."""

from __future__ import annotations

import pytest

from celacbot.retrieval.message import (
    asked_member_countries,
    asked_members,
    checks_a_claim,
    punctuated,
    questions,
    without_exclusion,
)


@pytest.mark.parametrize(
    ("message", "rest"),
    [
        ("besides Venezuela, which other country?", "which other country?"),
        ("além do Chile, quais países?", "quais países?"),
        ("el artículo habla de Guyana aparte del covid?", "el artículo habla de Guyana ?"),
        ("除了智利，还有哪些国家？", "还有哪些国家？"),
        ("除了疫苗还有什么?", "还有什么?"),
        # Cantonese, whose 乜 is Mandarin's longer 什么
        ("除咗整车仲做乜", "还做什么"),
        # no comma: the subject or its verb after what is set aside
        ("¿Y aparte de la pandemia hicieron algo más?", "hicieron algo más?"),
        ("e fora a pandemia a china fez mais alguma coisa", "a china fez mais alguma coisa"),
        ("除上述援助外，该领域还有何进展？", "该领域还有何进展？"),
        ("除草剂，还有别的吗", None),  # 除草剂 is a weedkiller
        ("what is CBERS?", None),
    ],
)
def test_what_a_message_sets_aside_is_split_off(message: str, rest: str | None) -> None:
    split = without_exclusion(message)

    assert (split[0] if split else None) == rest


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("quick q: what did byd build?", ["what did byd build?"]),
        ("according to the article, what did byd build?", ["what did byd build?"]),
        ("what did byd build, according to the writer?", ["what did byd build?"]),
        ("ok so according to the article, what did byd build?", ["what did byd build?"]),
        ("según el texto, ¿qué papel cumple la CELAC?", ["¿qué papel cumple la CELAC?"]),
        ("根据文章，中国帮哪些国家发射了卫星？", ["中国帮哪些国家发射了卫星？"]),
        # "¿" opens a question after a comma
        ("no tengo tiempo de leerlo entero, ¿de qué va?", ["¿de qué va?"]),
        # ... unless the few words before it are its topic
        (
            "Sobre la pandemia, ¿a qué países ayudó China?",
            ["Sobre la pandemia, ¿a qué países ayudó China?"],
        ),
        ("Con Venezuela ¿qué satélite lanzó China?", ["Con Venezuela ¿qué satélite lanzó China?"]),
        (
            "Sobre Venezuela: ¿qué satélite lanzó China?",
            ["Sobre Venezuela: ¿qué satélite lanzó China?"],
        ),
        # Indirect questions, in the words people use
        ("I'd be curious to know what BYD built.", ["what BYD built."]),
        ("could you remind me what CBERS is", ["what CBERS is"]),
        (
            "Back in my day it was all ministries. I wonder whether companies joined in.",
            ["whether companies joined in."],
        ),
        ("me gustaría saber qué hizo BYD en Brasil", ["qué hizo BYD en Brasil"]),
        ("我想知道中国帮哪些国家发射了卫星", ["中国帮哪些国家发射了卫星"]),
        ("eu queria saber o que é a celac", ["o que é a celac"]),
        # Dictated: a spoken opener, the listener addressed, a filler for the colon
        (
            "então querido eu queria saber duas coisas né o que é esse centro e quando ele abriu",
            ["o que é esse centro", "quando ele abriu"],
        ),
        ("oye mijo, ¿qué es la CELAC?", ["¿qué es la CELAC?"]),
        # Counting what follows is no topic of the question after it.
        (
            "dos preguntas rápidas: ¿cómo se titula el artículo? y ¿qué cargo tiene el autor?",
            ["¿cómo se titula el artículo?", "¿qué cargo tiene el autor?"],
        ),
        # without a colon, a count is part of the sentence
        (
            "Dos cosas que no entendí del artículo. ¿Qué es la CELAC? ¿Y quién lo escribió?",
            ["¿Qué es la CELAC?", "¿Y quién lo escribió?"],
        ),
        # "wat" exclaims
        ("wat a great article. who wrote it?", ["who wrote it?"]),
        (
            "thanks, most helpful. One last matter: what post does the author hold?",
            ["what post does the author hold?"],
        ),
        ("a final question, who is the author?", ["who is the author?"]),
        # no lead-in: the words go on
        (
            "my last question was about BYD. when does it start producing?",
            ["when does it start producing?"],
        ),
        # The article itself asked about: no lead-in to drop.
        ("what does the article say about byd?", ["what does the article say about byd?"]),
        # Turning to "them" only says whom the question after it is about.
        ("他们呢？都在哪些领域合作？", ["都在哪些领域合作？"]),
        ("and them? in which fields do they cooperate?", ["in which fields do they cooperate?"]),
        ("¿y ellos? ¿en qué áreas cooperan?", ["¿en qué áreas cooperan?"]),
        ("他们呢？", ["他们呢？"]),
        # who the asker is comes before saying a question follows; not in their own voice
        # ("what do they want to know"), the words stay
        (
            "Aqui é da cooperativa de açaí lá do Pará a gente quer saber se o centro novo vai"
            " treinar técnicos?",
            ["se o centro novo vai treinar técnicos?"],
        ),
        (
            "mi hijo estudia ingeniería en Monterrey y quisiera saber qué hace BYD en Brasil",
            ["qué hace BYD en Brasil"],
        ),
        (
            "I run a small grocery in Kingston and I want to know which countries buy chinese EVs",
            ["which countries buy chinese EVs"],
        ),
        ("what do they want to know about cbers?", ["what do they want to know about cbers?"]),
        # a voice assistant woken by mistake, "wait", laughter
        (
            "ok google nao pera kkkk bot quem que escreveu esse artigo ai",
            ["kkkk bot quem que escreveu esse artigo ai"],
        ),
        ("ok, what is celac?", ["what is celac?"]),
        # the questions numbered in words, inside a sentence too
        (
            "could you tell me, firstly, what CELAC stands for, and secondly, how old the forum"
            " is.",
            ["what CELAC stands for", "how old the forum is."],
        ),
        (
            "Firstly, what does CELAC stand for? And Secondly, what is the author's job?",
            ["what does CELAC stand for?", "what is the author's job?"],
        ),
        (
            "en primer lugar, ¿qué es la celac? y en segundo lugar, ¿quién lo escribió?",
            ["¿qué es la celac?", "¿quién lo escribió?"],
        ),
        # an exclamation is no question ("q chimba": how cool)
        (
            "q chimba, lei q lo de china con latinoamerica esta de cumple, cuantos años cumple"
            " el foro",
            ["lei q lo de china con latinoamerica esta de cumple, cuantos años cumple el foro"],
        ),
        ("que bueno, y quien lo escribio?", ["y quien lo escribio?"]),
        ("que bueno es el foro?", ["que bueno es el foro?"]),
        # "how many" inside a clause before "and", and "y también qué": questions of their own
        (
            "el profe dice q expliquemos los satelites cbers, cuantos hicieron y a q paises les"
            " pasan los datos?",
            [
                "el profe dice q expliquemos los satelites cbers, cuantos hicieron",
                "a q paises les pasan los datos?",
            ],
        ),
        (
            "queria saber cuantos años cumple el foro y tambien que le mandaron a Mexico",
            ["cuantos años cumple el foro", "que le mandaron a Mexico"],
        ),
        # "and also that Mexico": a claim
        (
            "Dijeron que Brasil recibió vacunas y también que México, ¿es cierto?",
            ["Dijeron que Brasil recibió vacunas y también que México, ¿es cierto?"],
        ),
        # came second: no lead-in; before a question word, one
        ("En segundo lugar quedó Brasil?", ["En segundo lugar quedó Brasil?"]),
        ("en primer lugar qué es la CELAC", ["qué es la CELAC"]),
        # "que" before a name asks, unless a tag closes the claim
        (
            "¿Qué construyó BYD en Brasil y también que BYD procesa?",
            ["¿Qué construyó BYD en Brasil", "que BYD procesa?"],
        ),
        # "between what ... and what" is one question
        (
            "Qual a diferença entre o que a China fez no Brasil e o que fez na Argentina?",
            ["Qual a diferença entre o que a China fez no Brasil e o que fez na Argentina?"],
        ),
        # "unos cuantos" (a few) asks nothing
        (
            "leí unos cuantos artículos sobre el CBERS, y para qué sirven los datos?",
            ["para qué sirven los datos?"],
        ),
        # "first of all" before no question word is part of the request
        (
            "Please list, first of all, the countries that got vaccines",
            ["Please list, first of all, the countries that got vaccines"],
        ),
        # a short clause before it is its topic
        (
            "mi tio tiene vacas, cuantas vacas tiene china?",
            ["mi tio tiene vacas, cuantas vacas tiene china?"],
        ),
        # "e pra que que serve": what it is for, a question of its own
        (
            "quantos satelite a china fez com o brasil e pra que que serve esses satelite",
            ["quantos satelite a china fez com o brasil", "pra que que serve esses satelite"],
        ),
    ],
)
def test_a_lead_in_is_not_part_of_the_question(message: str, asked: list[str]) -> None:
    assert questions(message) == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "revising for my geog paper 😩 what does the writer say about the global south?",
            ["what does the writer say about the global south?"],
        ),
        # before Chinese, the question may leave out the topic named before the emoji
        (
            "我读到 digital economy 那段 😅 到底要做到哪些东西?",
            ["我读到 digital economy 那段 😅 到底要做到哪些东西?"],
        ),
        ("🚗⚡ ev in chile?", ["🚗⚡ ev in chile?"]),
        # inside a question, an emoji is a picture of a word
        ("what did BYD 🚗 build in Brazil?", ["what did BYD 🚗 build in Brazil?"]),
        ("BYD 🚗 in brazil?", ["BYD 🚗 in brazil?"]),
        # a face ends one before a question that asks with its mark at the end
        (
            "aqui o povo só fala de agro 😂 o comércio agrícola com a china mudou como?",
            ["o comércio agrícola com a china mudou como?"],
        ),
        ("the car company 😂 built what in brazil", ["the car company 😂 built what in brazil"]),
        # so does laughter
        (
            "weather here is awful lol what did BYD build in brazil",
            ["what did BYD build in brazil"],
        ),
        ("jajaja qué es la celac", ["qué es la celac"]),
        ("lol", ["lol"]),
    ],
)
def test_an_emoji_ends_a_sentence(message: str, asked: list[str]) -> None:
    assert questions(message) == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "两个问题哈：1）作者是干啥的，在哪个单位？2）2024年是中拉论坛成立几周年？",
            ["作者是干啥的，在哪个单位？", "2024年是中拉论坛成立几周年？"],
        ),
        (
            "two questions: 1) who wrote it, and where does he work? 2) what is CELAC?",
            ["who wrote it, and where does he work?", "what is CELAC?"],
        ),
        # numbers that number nothing
        ("the 1) and 2) rules?", ["the 1) and 2) rules?"]),
    ],
)
def test_numbered_questions_are_one_each(message: str, asked: list[str]) -> None:
    assert questions(message) == asked


@pytest.mark.parametrize(
    ("message", "claim"),
    [
        (
            "Um aluno disse que os carros chineses são vendidos na Argentina. É verdade?",
            "Argentina",
        ),
        ("apparently BYD opened a plant in Mexico!! is it true?", "Mexico"),
    ],
)
def test_a_sentence_only_asking_if_it_is_true_asks_about_the_one_before(
    message: str, claim: str
) -> None:
    [asked] = questions(message)

    assert claim in asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "what are the focus areas? and whats the headline of this piece",
            ["what are the focus areas?", "and whats the headline of this piece"],
        ),
        (
            "o que a byd fez. e o que a bgi fez",
            ["o que a byd fez.", "e o que a bgi fez"],
        ),
        # question words as hurried thumbs spell them
        (
            "wha dates xi was in peru, and which summits he went to?",
            ["wha dates xi was in peru", "which summits he went to?"],
        ),
        (
            "waht did byd build in brazil and whn was it opened",
            ["waht did byd build in brazil", "whn was it opened"],
        ),
        # Spanish question words as typed, with their accents
        (
            "¿qué hizo china con argentina en el espacio y qué lanzó para bolivia?",
            ["¿qué hizo china con argentina en el espacio", "qué lanzó para bolivia?"],
        ),
        (
            "¿a qué cumbre asistió Xi en el Perú y a cuál en Brasil?",
            ["¿a qué cumbre asistió Xi en el Perú", "a cuál en Brasil?"],
        ),
        # a preposition before the question word, spoken fillers and dialect "an"
        (
            "em que dia abriram o centro de alimentos, e em que cidade ele fica?",
            ["em que dia abriram o centro de alimentos", "em que cidade ele fica?"],
        ),
        (
            "com q países a china começou agricultura digital, e através de q fundo?",
            ["com q países a china começou agricultura digital", "através de q fundo?"],
        ),
        (
            "what will science cooperation focus on, and uh why did they add cargo flights?",
            ["what will science cooperation focus on", "why did they add cargo flights?"],
        ),
        (
            "wha dem call bolivia first satellite? an what year it go up",
            ["wha dem call bolivia first satellite?", "an what year it go up"],
        ),
        ("I read about an island, and an apple", ["I read about an island, and an apple"]),
        # after "y", "que" is "that": a statement, not a question
        (
            "Leí sobre BYD. Y que va a producir autos eléctricos. ¿Cuándo abre la fábrica?",
            ["¿Cuándo abre la fábrica?"],
        ),
        # Scots "whit's" (what's)
        (
            "whit's this big plant gonnae make, an when dis the first yin come aff the line?",
            ["whit's this big plant gonnae make", "when dis the first yin come aff the line?"],
        ),
        # "and also what's ..."
        (
            "how many satellites?? and also whats this food centre about",
            ["how many satellites?", "and also whats this food centre about"],
        ),
        # a request to be told asks what follows it; "if I ..." is a condition
        (
            "If I understood correctly he was there in November; could you remind me of the"
            " dates, and which summits he attended?",
            ["of the dates", "which summits he attended?"],
        ),
        # a yes/no question after "and", or ending "or not"
        (
            "what will science cooperation focus on? and does it say any of this created jobs",
            ["what will science cooperation focus on?", "and does it say any of this created jobs"],
        ),
        (
            "hacen paneles solares en chile, es verdad? y tambien meten plata en transporte o no",
            [
                "hacen paneles solares en chile, es verdad?",
                "y tambien meten plata en transporte o no",
            ],
        ),
        # the second question with its question word run together ("whats", "whens") or
        # "whose"; said to be another ("y otra cosa"), or to be the second ("e, segundo,")
        (
            "whats the food center supposed to do, and also whats gonna be the main focus",
            ["whats the food center supposed to do", "whats gonna be the main focus"],
        ),
        (
            "what are they building down there and whens the first one coming off the line",
            ["what are they building down there", "whens the first one coming off the line"],
        ),
        (
            "which country did China build that station with, and whose first satellite did"
            " they help launch?",
            [
                "which country did China build that station with",
                "whose first satellite did they help launch?",
            ],
        ),
        # "and" typed twice still parts them
        ("what is CBERS and and who uses its data?", ["what is CBERS and", "who uses its data?"]),
        (
            "q mandaron exactamente?? y otra cosa q es eso del laboratorio chino en uruguay",
            ["q mandaron exactamente?", "y otra cosa q es eso del laboratorio chino en uruguay"],
        ),
        (
            "quais serão as áreas prioritárias na próxima década e, segundo, de que modo uma"
            " economia verde beneficiaria o Sul Global?",
            [
                "quais serão as áreas prioritárias na próxima década",
                "de que modo uma economia verde beneficiaria o Sul Global?",
            ],
        ),
    ],
)
def test_a_later_question_may_open_with_and(message: str, asked: list[str]) -> None:
    assert questions(message) == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # "please what is ...": a polite word before the question word
        (
            "please what is the BGI lab for, and which countries got covid jabs?",
            ["please what is the BGI lab for", "which countries got covid jabs?"],
        ),
        # "..., o q onda", "..., o no", "..., ou não": asked at the end, in speech
        (
            "dos cosas: q autos venden? y la cooperacion es solo entre gobiernos o q onda",
            ["q autos venden?", "y la cooperacion es solo entre gobiernos o q onda"],
        ),
        ("please explain what CBERS is", ["please explain what CBERS is"]),
        (
            "quem escreveu esse artigo? ele trabalha onde msm",
            ["quem escreveu esse artigo?", "ele trabalha onde msm"],
        ),
        # "o no" after a verb concedes: "whether I like it or not" asks nothing
        (
            "¿qué es la CELAC? es para la tarea, me guste o no",
            ["¿qué es la CELAC?"],
        ),
        # Chinese asks yes or no with the verb twice, and no question mark needed
        (
            "中拉合作在哪些领域有成果？另外是不是只有政府在参与",
            ["中拉合作在哪些领域有成果？", "是不是只有政府在参与"],
        ),
        ("比亚迪在巴西建了什么？有没有加工锂", ["比亚迪在巴西建了什么？", "有没有加工锂"]),
        # "has ...", "have ..." ask yes or no as "did ..." does; "tell" asks without "me"
        (
            "has china sent vaccines and to which countries?",
            ["has china sent vaccines", "to which countries?"],
        ),
        (
            "kindly tell whether byd built a plant in brazil, and what does it make?",
            ["kindly tell whether byd built a plant in brazil", "what does it make?"],
        ),
        ("what is cbers? have a nice day", ["what is cbers?"]),
        # ... but not a statement with its subject left out, nor Spanish "has" (you have)
        (
            "Have been reading about BYD in Brazil. Which countries have Chinese EVs?",
            ["Which countries have Chinese EVs?"],
        ),
        ("Has visto el artículo. Dime quién lo escribió", ["Dime quién lo escribió"]),
        # "pra", as Brazilians say "para": "e pra que ..." asks what for; "para que" also
        # means "so that"
        (
            "quantos satélites o CBERS já desenvolveu e pra que servem os dados?",
            ["quantos satélites o CBERS já desenvolveu", "pra que servem os dados?"],
        ),
        (
            "y para que funcione la cooperación qué hace falta?",
            ["y para que funcione la cooperación qué hace falta?"],
        ),
        # dictated Chinese puts spaces for commas: "文章里说" (the article says) opens a clause
        (
            "老板说下周要出个方案 emm 我先查查资料 文章里说数字经济要做到哪些才能带来新机会啊",
            ["文章里说数字经济要做到哪些才能带来新机会啊"],
        ),
        # and a long last clause, the only one that asks, after Chinese ones that only tell
        (
            "老铁们好啊 俺在哈尔滨炼钢厂干了二十来年了 最近看新闻说中国跟拉美合作搞得贼火"
            " 那这些中国投资到底给人家那边带来啥好处了",
            ["那这些中国投资到底给人家那边带来啥好处了"],
        ),
        (
            "hi 请问一下 中国跟拉美合作里 农村电商那块是通过什么渠道搞的",
            ["农村电商那块是通过什么渠道搞的"],
        ),
        # "I'd like to ask" (想问下) after a mark opens the question
        (
            "hola 我在墨西哥城留学 对中拉关系挺感兴趣的😅 想问下未来十年中拉科技合作重点是啥？",
            ["想问下未来十年中拉科技合作重点是啥？"],
        ),
        # not when a clause before it asks too
        (
            "帮拉美乡下搞网店带货 这钱走的哪个渠道 跟哪几个国家搞的",
            ["帮拉美乡下搞网店带货 这钱走的哪个渠道 跟哪几个国家搞的"],
        ),
        # a question word and its verb after a comma start the question ...
        (
            "the grandson is reading me this bit about China and Latin America, what does this"
            " CELAC stand for and how many years has the forum been going?",
            ["what does this CELAC stand for", "how many years has the forum been going?"],
        ),
        # ... unless what comes before is its short topic or it asks of what came before
        ("In 2024, what did Xi do?", ["In 2024, what did Xi do?"]),
        (
            "that new food centre China set up with Latin America, what is it supposed to do?",
            ["that new food centre China set up with Latin America, what is it supposed to do?"],
        ),
        # "and by the way ...": a second question
        (
            "cuando fue que anduvo por aca? y de paso que es eso del celac",
            ["cuando fue que anduvo por aca?", "y de paso que es eso del celac"],
        ),
        ("when was he here and by the way what is celac", ["when was he here", "what is celac"]),
        # "and also whether ...": a second question
        (
            "em que áreas vão focar na próxima década e também se a china tá fazendo usina"
            " hidrelétrica com o brasil?",
            [
                "em que áreas vão focar na próxima década",
                "se a china tá fazendo usina hidrelétrica com o brasil?",
            ],
        ),
        # "... vai ajudar em quê": spoken, the question word last
        (
            "a empresa de genética montou um laboratório onde mesmo? vai ajudar em quê",
            ["a empresa de genética montou um laboratório onde mesmo?", "vai ajudar em quê"],
        ),
        # "... e faz quanto tempo ...": how long, a second question
        (
            "queria saber que coisa é essa de CELAC e faz quanto tempo que existe esse fórum?",
            ["que coisa é essa de CELAC", "faz quanto tempo que existe esse fórum?"],
        ),
        # "y q es eso ...", with no mark of its own, is a second question
        (
            "q tiene q pasar pa la economia digital? y q es eso de los 10 años del foro",
            ["q tiene q pasar pa la economia digital?", "y q es eso de los 10 años del foro"],
        ),
        (
            "¿qué hizo BYD en Brasil? y que va a producir autos eléctricos",
            ["¿qué hizo BYD en Brasil?"],
        ),
        (
            "Tell you what, the satellite part was cool. Which countries got vaccines?",
            ["Which countries got vaccines?"],
        ),
        # what the article says, asked after the asker's story; not "does it say anything?"
        # of the words before it
        (
            "tengo una tienda en línea y traigo mercancía de China a México, el artículo dice"
            " algo de vuelos de carga? ✈️📦",
            ["el artículo dice algo de vuelos de carga?"],
        ),
        (
            "meu orientador perguntou se a cooperação gerou emprego, o texto fala algo?",
            ["meu orientador perguntou se a cooperação gerou emprego, o texto fala algo?"],
        ),
        # a second question as people speak: "and like how ...", "e o q ..."
        (
            "what does celac even stand for fr? and like how old is the forum",
            ["what does celac even stand for fr?", "and like how old is the forum"],
        ),
        (
            "vi q tem rota aerea especial pra esses pacote, é isso msm? e o q a china fez com"
            " panama e guiana",
            [
                "vi q tem rota aerea especial pra esses pacote, é isso msm?",
                "e o q a china fez com panama e guiana",
            ],
        ),
        # 十几年 (a dozen-odd years) tells, it does not ask
        (
            "我在秘鲁这边开餐馆十几年了，想问：他这趟是几号到几号？",
            ["他这趟是几号到几号？"],
        ),
        # dictated Chinese: a second question after one that ends asking
        (
            "老铁们 我跑长途的 比亚迪在巴西整了个大厂 那厂子都整啥啊 啥时候能出第一台车",
            ["老铁们 我跑长途的 比亚迪在巴西整了个大厂 那厂子都整啥啊", "啥时候能出第一台车"],
        ),
        # "Ó amigo," only calls the listener: the question after it is asked
        (
            "Bom dia! Ó amigo, o que é que o presidente chinês foi fazer ao Peru e ao Brasil, e"
            " em que datas foi isso?",
            [
                "o que é que o presidente chinês foi fazer ao Peru e ao Brasil",
                "em que datas foi isso?",
            ],
        ),
        # "Última:" says it is the last question; "¡Qué bendición!" exclaims, it asks nothing
        (
            "Mil gracias por la info. Última: ¿por qué dicen que la cooperación en ciencia le"
            " sirve al Global South?",
            ["¿por qué dicen que la cooperación en ciencia le sirve al Global South?"],
        ),
        (
            "Qué bendición. ¿Y qué son esas rutas aéreas especiales?",
            ["¿Y qué son esas rutas aéreas especiales?"],
        ),
    ],
)
def test_a_question_may_open_politely_or_ask_at_its_end(message: str, asked: list[str]) -> None:
    assert questions(message) == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # a question word after thanks or a time, before ", and <question>"
        (
            "thanks so much, so what did BYD build, and which countries got covid jabs?",
            ["thanks so much, so what did BYD build", "which countries got covid jabs?"],
        ),
        (
            "over the last ten years which fields did they grow in, and is it only governments?",
            ["over the last ten years which fields did they grow in", "is it only governments?"],
        ),
        # Spanish marks its question word with an accent wherever it stands
        (
            "perdona 😅 pero la CELAC qué es exactamente y para qué sirve?",
            ["pero la CELAC qué es exactamente", "para qué sirve?"],
        ),
        # no question word, or one that tells about the asker: context before the question
        (
            "I was reading about BYD, and what did it build?",
            ["what did it build?"],
        ),
        (
            "I remember when Xi visited Peru, and what did he do in Brazil?",
            ["what did he do in Brazil?"],
        ),
        (
            "thanks, I understand which countries got vaccines, and what did BYD build?",
            ["what did BYD build?"],
        ),
        (
            "I liked what the article said about green energy, and how many jobs did it create?",
            ["how many jobs did it create?"],
        ),
        ("Recuerdo cuándo Xi visitó Perú, y qué hizo en Brasil?", ["qué hizo en Brasil?"]),
    ],
)
def test_a_question_word_inside_a_clause_asks_when_another_question_follows_with_and(
    message: str, asked: list[str]
) -> None:
    assert questions(message) == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # a question opening with "for" (对) or "to" (给) leaves its subject before the comma
        ("中国往那边砸的钱，给当地带来了哪些好处？", ["中国往那边砸的钱，给当地带来了哪些好处？"]),
        ("那家公司在乌拉圭的实验室，对当地有啥用？", ["那家公司在乌拉圭的实验室，对当地有啥用？"]),
        # so does one opening with "specifically" or "mainly" (具体, 主要)
        (
            "中国跟智利一起搞绿色能源，具体建了哪些项目？",
            ["中国跟智利一起搞绿色能源，具体建了哪些项目？"],
        ),
        (
            "中国和拉美在农业方面的合作，主要有哪些成果？",
            ["中国和拉美在农业方面的合作，主要有哪些成果？"],
        ),
        # or "what good is there" (有啥), "why" (为啥), unless the asker tells of themselves
        ("中国的钱投到那边，有啥好处？", ["中国的钱投到那边，有啥好处？"]),
        ("比亚迪在巴西建的厂子，为啥要处理锂？", ["比亚迪在巴西建的厂子，为啥要处理锂？"]),
        ("我对航天很感兴趣，有哪些卫星项目？", ["有哪些卫星项目？"]),
        # not one opening with "is there" (有没有): it asks a question of its own
        ("感谢你的耐心解答，有没有关于锂的内容？", ["有没有关于锂的内容？"]),
        # a short one names the question's topic or time
        ("那些卫星，数据能拿来干啥？", ["那些卫星，数据能拿来干啥？"]),
        ("新冠期间，中国帮了拉美哪些国家？", ["新冠期间，中国帮了拉美哪些国家？"]),
        # one that tells about the asker, short or long, or is filler, does not
        ("我女儿在巴西读大学，比亚迪在巴西建了什么？", ["比亚迪在巴西建了什么？"]),
        ("我在古巴，比亚迪在哪建了工厂？", ["比亚迪在哪建了工厂？"]),
        ("嗯那个就是说，数字经济要怎么样？", ["数字经济要怎么样？"]),
    ],
)
def test_a_chinese_topic_before_a_comma_stays_with_its_question(
    message: str, asked: list[str]
) -> None:
    assert questions(message) == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("my friend says BYD built a plant in Mexico, right?", ["BYD built a plant in Mexico?"]),
        (
            "mi profe dijo que China hace paneles solares con Perú, ¿cierto?",
            ["China hace paneles solares con Perú?"],
        ),
        (
            "meu tio disse que a BYD abriu fábrica no México, né?",
            ["a BYD abriu fábrica no México?"],
        ),
        ("听说比亚迪在墨西哥建了工厂，对吗？", ["比亚迪在墨西哥建了工厂？"]),
        (
            "thanks! one more: is it true China has farm deals with 21 CELAC countries?",
            ["China has farm deals with 21 CELAC countries?"],
        ),
        (
            "Good morning. Kindly confirm whether CBERS has developed 8 satellites. Thanks.",
            ["CBERS has developed 8 satellites."],
        ),
        ("o fórum fez 15 anos em 2024 né tchê?", ["o fórum fez 15 anos em 2024?"]),
    ],
)
def test_a_claim_to_check_is_read_without_who_said_it(message: str, asked: list[str]) -> None:
    assert checks_a_claim(message)
    assert questions(message) == asked


@pytest.mark.parametrize(
    "message",
    [
        "what is right?",
        "who is right?",
        "is BYD in Brazil?",
        "What makes that true?",
        "Why is that true?",
        "my teacher said to ask when BYD was founded",
        "Is it right for China to invest in Peru?",
        "听说过比亚迪吗？",  # have you heard of BYD?
    ],
)
def test_a_question_is_no_claim_to_check(message: str) -> None:
    assert not checks_a_claim(message)
    assert questions(message) == [message]


def test_a_spanish_question_is_read_with_the_topic_written_before_its_opening_mark() -> None:
    message = "el centro de innovación alimentaria sostenible ¿cuándo se creó?"

    assert questions(message) == [message]


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "Gracias. Ahora bien, decime: ¿quién firma la nota y a qué institución pertenece?",
            ["¿quién firma la nota", "a qué institución pertenece?"],
        ),
        (
            "Tengo dos dudas: ¿a qué cumbre asistió en el Perú y a cuál en Brasil?",
            ["¿a qué cumbre asistió en el Perú", "a cuál en Brasil?"],
        ),
        (
            "Gracias. Dos consultas más: ¿qué hizo BYD y dónde?",
            ["¿qué hizo BYD", "dónde?"],
        ),
        # a topic before the colon stays with its question
        (
            "Con respecto a Bolivia: ¿qué satélite lanzó?",
            ["Con respecto a Bolivia: ¿qué satélite lanzó?"],
        ),
        (
            "Energía verde: ¿con qué países trabaja China?",
            ["Energía verde: ¿con qué países trabaja China?"],
        ),
        # a conjunction, not a preposition before a question word
        ("En cuanto a Bolivia, ¿qué lanzó China?", ["En cuanto a Bolivia, ¿qué lanzó China?"]),
        # a question word alone before "y" asks with what follows
        (
            "¿Por qué y cómo coopera China con América Latina?",
            ["¿Por qué y cómo coopera China con América Latina?"],
        ),
    ],
)
def test_what_announces_a_spanish_question_is_not_part_of_it(
    message: str, asked: list[str]
) -> None:
    assert questions(message) == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "duas perguntas: o fórum completa quantos anos em 2024 e a cúpula do G20 foi em qual"
            " país?",
            ["o fórum completa quantos anos em 2024", "a cúpula do G20 foi em qual país?"],
        ),
        (
            "two questions: how old is the forum and where was the G20 held?",
            ["how old is the forum", "where was the G20 held?"],
        ),
        # counted in a lead-in only, and split at the last "and" first
        (
            "What are the two things that Chinese and Latin American states do in the digital"
            " economy?",
            [
                "What are the two things that Chinese and Latin American states do in the digital"
                " economy?"
            ],
        ),
        (
            "duas perguntas: o que a China e a Argentina construíram e a fábrica da BYD fica em"
            " qual cidade?",
            ["o que a China e a Argentina construíram", "a fábrica da BYD fica em qual cidade?"],
        ),
        # "China and Brazil" is one thing; the second question is elsewhere
        (
            "two questions: what satellites did china and brazil launch?",
            ["what satellites did china and brazil launch?"],
        ),
        # uncounted, "e" may join two things of one question
        (
            "o fórum completa quantos anos em 2024 e a cúpula do G20 foi em qual país?",
            ["o fórum completa quantos anos em 2024 e a cúpula do G20 foi em qual país?"],
        ),
    ],
)
def test_a_message_that_counts_its_questions_is_split_at_the_and_between_them(
    message: str, asked: list[str]
) -> None:
    assert questions(message) == asked


@pytest.mark.parametrize(
    ("message", "written"),
    [
        ("y para que sirve punto", "y para que sirve."),
        ("quien escribio esto signo de pregunta", "quien escribio esto?"),
        ("a que paises nombra coma che", "a que paises nombra, che"),
        (
            "hola consulta punto que mando china durante la pandemia signo de pregunta",
            "hola consulta. que mando china durante la pandemia?",
        ),
        (
            "o passageiro falou vírgula quais país já tem esses carro ponto de interrogação",
            "o passageiro falou, quais país já tem esses carro?",
        ),
        ("what is CBERS question mark", "what is CBERS?"),
        ("BYD builds cars full stop where", "BYD builds cars. where"),
        ("what a forum exclamation mark how old is it", "what a forum! how old is it"),
        ("what a forum exclamation point how old is it", "what a forum! how old is it"),
        ("qué hizo BYD punto y coma y en Chile", "qué hizo BYD; y en Chile"),
        ("abre signo de pregunta qué es CBERS cierra signo de pregunta", "qué es CBERS?"),
        ("比亚迪在巴西都造啥 逗号 还有绿色能源 问号", "比亚迪在巴西都造啥 ， 还有绿色能源 ？"),
        # the same words as words
        ("el punto de vista del autor", "el punto de vista del autor"),
        ("que punto importante", "que punto importante"),
        ("o ponto de ônibus", "o ponto de ônibus"),
        ("entró en coma", "entró en coma"),
        ("what happened over the period", "what happened over the period"),
        ("what happened in that period to BYD", "what happened in that period to BYD"),
        (
            "cual es otro punto importante del articulo",
            "cual es otro punto importante del articulo",
        ),
        ("para que todo el mundo coma, ¿qué hace?", "para que todo el mundo coma, ¿qué hace?"),
        # a mark written about, or said first
        ("dónde pongo el punto y coma", "dónde pongo el punto y coma"),
        ("como usar ponto e vírgula", "como usar ponto e vírgula"),
        ("vírgula ou ponto, qual usar?", "vírgula ou ponto, qual usar?"),
        ("is there a big question mark over it?", "is there a big question mark over it?"),
        ("感叹号是什么意思", "感叹号是什么意思"),
        ("full stop, who wrote this?", "who wrote this?"),
        # the mark named by its last word
        ("e no brasil ele vai fazer o quê interrogação", "e no brasil ele vai fazer o quê?"),
        ("cuándo fue la visita interrogación", "cuándo fue la visita?"),
        ("o que é a interrogação do artigo?", "o que é a interrogação do artigo?"),
    ],
)
def test_punctuation_dictated_as_words_is_written_as_marks(message: str, written: str) -> None:
    assert punctuated(message) == written


def test_a_dictated_question_mark_splits_a_message_into_its_questions() -> None:
    asked = questions(punctuated("quien escribio esto signo de pregunta y donde trabaja punto"))

    assert asked == ["quien escribio esto?", "y donde trabaja."]


@pytest.mark.parametrize(
    ("question", "members"),
    [
        ("is colombia one of them?", ["colombia"]),
        ("cuáles son esos 19 países, está colombia ahí", ["colombia"]),
        ("e a Argentina tá nessa lista?", ["a argentina"]),
        ("哥伦比亚在里面吗", ["哥伦比亚"]),
        # where a thing is, not whether it is among others
        ("is it in brazil?", []),
        ("which countries are in the list?", []),
    ],
)
def test_a_question_may_ask_whether_a_name_is_among_those_listed(
    question: str, members: list[str]
) -> None:
    assert asked_members(question) == members


def test_only_countries_count_as_the_members_asked_about() -> None:
    countries = {"argentina", "colombia"}

    assert asked_member_countries("e a Argentina tá nessa lista?", str.split, countries) == {
        "argentina"
    }
    assert asked_member_countries("la fábrica está ahí?", str.split, countries) == frozenset()


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # the asker's story ends where they say a question follows
        (
            "bom dia meu patrao 🎣 to aqui no barco esperando a mare, me diz uma coisa, o"
            " presidente da china vem pro brasil pra que mermo? e vai passar em outro pais?",
            ["o presidente da china vem pro brasil pra que mermo?", "e vai passar em outro pais?"],
        ),
        (
            "eh buenas aquí desde la central de taxis este una pregunta qué es eso del foro",
            ["qué es eso del foro"],
        ),
        (
            "Tenho uma transportadora e uma pergunta: o investimento chinês ajudou?",
            ["o investimento chinês ajudou?"],
        ),
        # a way of addressing the listener after a comma opens the question
        (
            "aki en la parada comiendome unos tacos 🌮, oiga la fabrica de los chinos en brasil"
            " pa cuando saca el primer carro?",
            ["la fabrica de los chinos en brasil pa cuando saca el primer carro?"],
        ),
        ("i was on the bus reading this, a quick question, who wrote it?", ["who wrote it?"]),
        # a question about a question is no announcement, nor one a relative clause describes
        ("is there a question about lithium?", ["is there a question about lithium?"]),
        (
            "a question which nobody got right, when was CELAC founded?",
            ["when was CELAC founded?"],
        ),
    ],
)
def test_words_saying_a_question_follows_end_what_the_asker_told_before(
    message: str, asked: list[str]
) -> None:
    assert questions(message) == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # "n" is "and", typed fast
        (
            "whit countries hae got the chinese electric cars? n is it jus cars or solar too",
            ["whit countries hae got the chinese electric cars?", "n is it jus cars or solar too"],
        ),
        # what it sets aside before the question word
        (
            "when will the BYD plant make its first car? and apart from cars what else will "
            "they do there",
            [
                "when will the BYD plant make its first car?",
                "and apart from cars what else will they do there",
            ],
        ),
        # "é vdd q": "é verdade que", a claim to check after "and"
        (
            "oq a china fez com o fundo sul-sul? e é vdd q abriram rota aerea so pra e-commerce",
            [
                "oq a china fez com o fundo sul-sul?",
                "e é vdd q abriram rota aerea so pra e-commerce",
            ],
        ),
    ],
)
def test_a_later_question_without_a_mark_is_still_asked(message: str, asked: list[str]) -> None:
    assert questions(message) == asked
