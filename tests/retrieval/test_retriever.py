"""The retriever's decisions as a user sees them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from celacbot.config import RetrievalSettings
from celacbot.knowledge.models import KnowledgeBase
from celacbot.retrieval.answer import Decision, Kind
from celacbot.retrieval.missing import Detail
from celacbot.retrieval.normalise import words
from celacbot.retrieval.retriever import Retriever
from celacbot.retrieval.yes_no import yes_no_opener
from tests.retrieval.conftest import TINY_KB


def verdict(
    retriever: Retriever, question: str, *, subject: str | None = None, replying: bool = False
) -> tuple[Decision, str | None]:
    """What the retriever decides for a question (asked after `subject`, if any), and the
    entry, fact or small talk it answers with."""
    answer = retriever.answer(question, subject=subject, replying=replying)
    return answer.decision, answer.id


def test_satellites_question_names_cbers_venezuela_and_bolivia(shipped: Retriever) -> None:
    answer = shipped.answer("Which satellites were launched?")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "satellites-launched")
    assert all(name in answer.text for name in ("CBERS", "Venezuela", "Bolivia"))
    assert answer.source


def test_typos_still_find_the_satellites(shipped: Retriever) -> None:
    assert verdict(shipped, "whcih satelites were lanched") == (
        Decision.ANSWER,
        "satellites-launched",
    )


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # The typo breaks the word's ending, so its stem is nothing like the right one's.
        ("how does tech cooperation help the developimg world", "global-south"),
        # A misspelt word that is only a synonym in the knowledge base ("wrote" for author).
        ("who worte this article", "article-author"),
        # ... or a wrong tense: who writes it is who wrote it, not when it was written
        ("who write this article", "article-author"),
        ("celac meaninng", "what-is-celac"),
    ],
)
def test_misspelt_words_are_read_as_the_words_they_miss(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        # "poem" and "time" are one letter from "podem" and "tie": a four-letter word is only
        # corrected when its own letters are swapped.
        "write me a poem",
        "what time is it",
        "who won the tile cup",
        # An English "visa" is not the Spanish "vías", nor "crime" the Portuguese "crise".
        "do they need a visa to visit china",
        "crime in mexico city",
    ],
)
def test_real_words_are_not_corrected_into_the_article(shipped: Retriever, question: str) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


def test_exploring_deep_space_is_the_deep_space_exploration_station(shipped: Retriever) -> None:
    question = (
        "Which South American country, according to the piece, co-hosts a facility with China"
        " for exploring deep space?"
    )

    assert verdict(shipped, question) == (Decision.ANSWER, "argentina-space-station")


@pytest.mark.parametrize(
    "question",
    [
        # years a claim gives of the article's subject, not of the asker
        "have chinese EVs been sold in chile for 10 years?",
        "¿hace 5 años que BYD está en Brasil?",
        # how long something lasts is no "when"
        "quanto tempo um satélite CBERS dura em órbita?",
        # a platform named in a question is asked about
        "is tiktok chinese?",
        # gene sequencing of crops is not the article's genetics company
        "does the article talk about gene sequencing of crops?",
        "文章提到农作物基因测序了吗？",
        # robots, a plug-in and a car accident (出车祸) are no smart factory, hybrid or plant
        "do you like robots?",
        "is there a plug-in for chrome?",
        "比亚迪出车祸了吗？",
    ],
)
def test_what_only_looks_like_chat_or_a_known_word_is_still_declined(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


def test_cheaper_to_fly_parcels_asks_of_the_cargo_routes(shipped: Retriever) -> None:
    answer = shipped.answer("did the special air routes make it cheaper to fly e-commerce parcels?")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "air-routes-ecommerce")


def test_a_price_after_the_first_vehicles_date_says_the_article_gives_none(
    shipped: Retriever,
) -> None:
    answer = shipped.answer("what price will it sell for?", subject="byd-first-vehicle")

    assert (answer.decision, answer.id, answer.lacks) == (
        Decision.ANSWER,
        "byd-first-vehicle",
        (Detail.AMOUNT,),
    )


def test_a_later_question_sure_of_its_own_answer_keeps_it(shipped: Retriever) -> None:
    answer = shipped.answer("What is the China-CELAC forum? And what is CELAC?")

    assert [part.id for part in answer.parts] == ["china-celac-forum", "what-is-celac"]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("ive been on cargo 30 year, whats this about special air routes", "air-routes-ecommerce"),
        ("tengo 74 años, ¿qué construyó BYD en Brasil?", "byd-brazil-complex"),
        # the forum's own years are asked about
        ("is the forum 10 years old?", "forum-anniversary"),
    ],
)
def test_the_years_the_asker_tells_of_themselves_name_nothing(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "sorry if this is dumb but byd brazil",
        "desculpa se for besteira mas byd brasil",
        "perdon si es tonto pero byd brasil",
        "不好意思问个问题，比亚迪 巴西",
        # how big the asker says it is (gigante, huge) names no topic
        "kkkk mano vi um tiktok falando q a byd fez uma fábrica gigante aqui no brasil, é vdd?",
        "saw on instagram that byd opened a huge plant in brazil, what does it make?",
    ],
)
def test_an_apology_or_context_before_a_question_does_not_hide_it(
    shipped: Retriever, question: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, "byd-brazil-complex")


@pytest.mark.parametrize(
    ("message", "entries"),
    [
        # "So that the whole world eats its fill, what body did China and Latin America set
        # up?": the question alone ("what body did they set up?") gets no such body.
        (
            "为了让全世界的人都能吃饱饭，中拉最近新设了什么机构？",
            {"food-innovation-center", "food-security"},
        ),
        # "did the Chinese make it alone or was it joint work?": alone, it gets the jobs
        (
            "che, lo de la antena para explorar el espacio que está acá en Argentina, "
            "¿la hicieron los chinos solos o fue un laburo en conjunto?",
            {"argentina-space-station"},
        ),
    ],
)
def test_what_is_said_before_the_question_names_what_it_asks_about(
    shipped: Retriever, message: str, entries: set[str]
) -> None:
    answer = shipped.answer(message)

    assert answer.decision is Decision.ANSWER
    assert answer.id in entries


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        (
            "The CBERS data goes to Africa and Southeast Asia. What is it used for?",
            "cbers-data-uses",
        ),
        (
            "China ayudó a México, Cuba, Guyana y Ecuador en la pandemia. "
            "¿Qué hizo en Guyana además?",
            "guyana-cooperation",
        ),
    ],
)
def test_facts_told_before_a_sure_question_do_not_take_it_elsewhere(
    shipped: Retriever, message: str, entry: str
) -> None:
    assert verdict(shipped, message) == (Decision.ANSWER, entry)


def test_a_long_message_about_the_asker_still_finds_its_question(shipped: Retriever) -> None:
    # "streets", "lately", "santiago", "lol", "sold": words about the asker, not the topic.
    answer = shipped.answer(
        "been seeing loads of chinese EVs on the streets lately here in santiago lol, "
        "does the article say which countries they're sold in?"
    )

    assert (answer.decision, answer.id) == (Decision.ANSWER, "ev-countries")


@pytest.mark.parametrize(
    ("question", "word"),
    [("how is the wheat harvest in argentina", "wheat"), ("my mother lives in lima", "mother")],
)
def test_a_real_word_is_not_read_as_a_stop_word_one_letter_away(
    shipped: Retriever, question: str, word: str
) -> None:
    # "wheat" and "mother" are one letter from "what" and "other": they stay words the
    # article never uses, which is what tells the question is off the article.
    assert word in shipped.explain(question).unknown_terms


def test_a_question_about_the_article_in_the_askers_own_words_is_answered(
    shipped: Retriever,
) -> None:
    # "stuck", "push", "forward": the asker's words. Asking what the article says makes it a
    # question about the article's subject, so its clear leader is answered; without that,
    # it is not.
    framed = (
        "so I was explaining the 'global south' idea to my 15-year-olds and got a bit stuck..."
        " how does the article say these countries could push the whole world's economy forward?"
    )
    unframed = (
        "so I was explaining the 'global south' idea to my 15-year-olds and got a bit stuck..."
        " how could these countries push the whole world's economy forward?"
    )

    assert verdict(shipped, framed) == (Decision.ANSWER, "high-tech-global-growth")
    assert shipped.answer(unframed).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "did china and brazil sign a currency swap deal?",
        "what does the article say about climate change?",
        "does the op-ed mention china's military bases?",
        "do uruguayans need a visa to visit china",
        "what time is it in china and in chile?",
    ],
)
def test_naming_china_and_a_country_or_the_article_answers_nothing_else_it_asks(
    shipped: Retriever, question: str
) -> None:
    # The names make it about the article's subject, not its other words: the article has
    # nothing on currency swaps, climate, bases, visas or the time of day.
    assert shipped.answer(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question", ["china?", "¿y china?", "明天北京天气怎么样", "q onda con china y latam"]
)
def test_china_alone_is_no_question_one_entry_answers(shipped: Retriever, question: str) -> None:
    # Every entry is about China; a short phrasing that names it must not take the answer
    # (nor one whose other words are chat: "¿Qué viene ahora para China y América Latina?").
    assert shipped.answer(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "what were the exact dates of xi's trip to peru and brazil",
        "which dates did xi visit peru and brazil",
    ],
)
def test_a_close_candidate_giving_the_day_asked_for_is_preferred(
    shipped: Retriever, question: str
) -> None:
    # His state visits lead on words, but only his visit's entry gives dates.
    assert verdict(shipped, question) == (Decision.ANSWER, "xi-visit")


@pytest.mark.parametrize(
    ("question", "entry", "lacks"),
    [
        # a year in a name ("the 2030 Agenda") is no date of the cooperation's start
        (
            "when did China start agricultural cooperation with Latin America?",
            "agriculture-overview",
            Detail.DATE,
        ),
        # "three manufacturing units" is no number of cars
        ("how many cars will byd's first batch in brazil have?", "byd-first-vehicle", Detail.COUNT),
        # "three countries" is no number of hydropower stations ("座" counts buildings)
        ("中国帮拉美建的水电站有多少座？", "green-projects-countries", Detail.COUNT),
        # The article names no solar company, no university, no agreement, no cost and no
        # capacity: the answer gives what it does say, and says what it does not.
        (
            "which company is building the solar panel factories in chile?",
            "green-projects-countries",
            Detail.COMPANIES,
        ),
        (
            "¿qué empresa construye las fábricas de paneles solares en Chile?",
            "green-projects-countries",
            Detail.COMPANIES,
        ),
        ("¿cuánto va a costar la planta de BYD en Brasil?", "byd-brazil-complex", Detail.AMOUNT),
        (
            "qual a potência das usinas hidrelétricas na argentina?",
            "green-projects-countries",
            Detail.SIZE,
        ),
        (
            "quais são as universidades que participam da cooperação?",
            "cooperation-levels",
            Detail.INSTITUTIONS,
        ),
        ("what did xi sign at the g20 in brazil?", "g20-brazil", Detail.AGREEMENTS),
        ("¿qué firmaron en la cumbre del G20?", "g20-brazil", Detail.AGREEMENTS),
        # regions, not the countries in them by name
        ("which african countries get the cbers data?", "cbers-data-sharing", Detail.COUNTRIES),
        (
            "quais países da áfrica recebem os dados do cbers?",
            "cbers-data-sharing",
            Detail.COUNTRIES,
        ),
        ("哪些非洲国家能用CBERS的数据？", "cbers-data-sharing", Detail.COUNTRIES),
        # a clear leader that would only be suggested, since "total" and "dollars" are words
        # the article never uses: it is the honest answer, saying what is missing
        (
            "What is the total value in US dollars of Chinese investment in Latin America and"
            " the Caribbean?",
            "investment-benefits",
            Detail.AMOUNT,
        ),
    ],
)
def test_an_answer_says_the_detail_the_article_does_not_give(
    shipped: Retriever, question: str, entry: str, lacks: Detail
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id) == (Decision.ANSWER, entry)
    assert lacks in answer.lacks


@pytest.mark.parametrize(
    "question",
    [
        # an amount the article lacks, of something no entry speaks of: the country's entry
        # would answer, with "no amount", a question about oil or copper
        "¿cuánto petróleo le compra china a venezuela?",
        "中国从智利进口多少铜？",
        # "quanto" (how much) is in BYD's phrasings: no topic of the question
        "quanta soja o Brasil vende para a China?",
        # a common word is no name typed by its sound: 流星 (a meteor), 盛产 (abounds in)
        "大流星是什么？",
        "中国盛产什么？",
        # "rei" alone is a king; only "meu rei" hails
        "qual rei visitou o Brasil?",
    ],
)
def test_a_detail_asked_of_what_no_entry_speaks_of_gets_no_answer(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "¿quién es el que escribió el artículo?",
        "quem é que escreveu esse artigo?",
        "what does the fella who wrote this do, like what's his job?",
        # signs the piece: "firma" is also a company, "nota" also a grade
        "¿Quién firma esta nota?",
        "quem assina a matéria?",
        "quien la escribio",  # "la nota"
        "in what capacity does the author write, that is to say, what post does he or she hold?",
        "what does the author say his job is?",
        "What does the author say their job is?",
        "quem que escreveu isso?",
    ],
)
def test_who_wrote_it_put_another_way_is_the_author(shipped: Retriever, question: str) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, "article-author")


@pytest.mark.parametrize(
    "question",
    [
        "how many hydro plants has china built in Chile?",
        "cuántas fábricas de paneles solares construyó china en chile",
        "quantas usinas hidrelétricas a china construiu no brasil?",
        "中国在智利建了几间太阳能板工厂?",
        "how many Chilean hydro plants are there?",
    ],
)
def test_how_many_plants_is_not_answered_by_the_count_of_countries(
    shipped: Retriever, question: str
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id) == (Decision.ANSWER, "green-projects-countries")
    assert Detail.COUNT in answer.lacks
    assert answer.missing


@pytest.mark.parametrize(
    "question",
    [
        "how many countries does china have farming mechanisms with?",
        "cuántos países tienen mecanismos agrícolas con China?",
        "有多少个国家和中国有农业合作机制?",
        "um so like how many uh latin american countries does china have farming deals with",
        # one mechanism with each of the 19 members; the partners are the three countries
        "how many agricultural cooperation mechanisms does China have with Latin America?",
        "how many partners does china have on green energy projects?",
    ],
)
def test_a_count_of_what_was_asked_is_given_without_a_caveat(
    shipped: Retriever, question: str
) -> None:
    answer = shipped.answer(question)

    assert answer.decision is Decision.ANSWER
    assert Detail.COUNT not in answer.lacks


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "claim": the asker's framing; "trying", "greener": the asker's words for "green".
        (
            "does the op-ed claim ordinary folks got anything out of this, like work?",
            "jobs-livelihoods",
        ),
        (
            "I'm trying to figure out the argument for why a greener economy in the developing"
            " world matters globally",
            "green-economy-global-south",
        ),
    ],
)
def test_the_askers_framing_words_do_not_count_against_the_question(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_keywords_alone_find_the_entry(shipped: Retriever) -> None:
    assert shipped.answer("BYD Brazil factory").id == "byd-brazil-complex"


def test_a_greeting_before_a_question_does_not_hide_it(shipped: Retriever) -> None:
    assert verdict(shipped, "hi, which satellites were launched?") == (
        Decision.ANSWER,
        "satellites-launched",
    )


def test_a_greeting_that_asks_is_no_part_leaning_on_the_questions_after_it(
    shipped: Retriever,
) -> None:
    answer = shipped.answer(
        "Boa tarde, estás aí? Tenho duas dúvidas para os meus alunos: o que significa a sigla"
        " CELAC, e quantos anos fez o Fórum China-CELAC em 2024?"
    )

    assert [part.id for part in answer.parts] == ["what-is-celac", "forum-anniversary"]


@pytest.mark.parametrize(
    "question",
    [
        "esse forum da china com a america latina faz quantos ano e o que diabo e esse tal de"
        " celac",
        "quem escreveu o artigo e o que é a celac?",
    ],
)
def test_and_what_after_a_question_is_a_question_of_its_own(
    shipped: Retriever, question: str
) -> None:
    parts = [part.id for part in shipped.answer(question).parts]

    assert len(parts) == 2
    assert parts[1] == "what-is-celac"


def test_and_what_after_a_topic_asks_of_that_topic(shipped: Retriever) -> None:
    assert verdict(shipped, "a byd e o que ela faz no brasil?") == (
        Decision.ANSWER,
        "byd-brazil-complex",
    )


def test_spanish_question_gets_the_spanish_answer(shipped: Retriever) -> None:
    answer = shipped.answer("¿Qué satélites se lanzaron?")

    assert (answer.decision, answer.id, answer.lang) == (
        Decision.ANSWER,
        "satellites-launched",
        "es",
    )


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("satellites", "en"),
        ("卫星", "zh"),
        ("satélites lanzados", "es"),
        ("quais satélites foram lançados", "pt"),
    ],
)
def test_answer_comes_in_the_language_of_the_question(
    shipped: Retriever, question: str, lang: str
) -> None:
    answer = shipped.answer(question)

    assert (answer.id, answer.lang) == ("satellites-launched", lang)


@pytest.mark.parametrize(
    "question",
    [
        "what is the population of Brazil",
        "who won the 2022 world cup",
        "weather in Lima",
        # names China and Brazil, asks what no article on cooperation gives
        "how far is beijing from sao paulo",
        "como os satélites ficam em órbita sem cair?",
        # words of the synonyms for hydropower and investment, about something else
        "carro movido a água existe?",
        "quais são as capitais chinesas?",
        "asdkjh qwe zxcv",
        "",
        "   ",
        "😀🎉",
    ],
)
def test_questions_the_article_does_not_cover_are_declined(
    shipped: Retriever, question: str
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.kind, answer.text) == (Decision.DECLINE, Kind.NONE, "")
    assert not answer.answered


# "oi td bem?": "td" is how a phone spells "tudo"; the greeting was a question that declined
# "thanks for the help": China's help was COVID-19 support
@pytest.mark.parametrize(
    "question",
    [
        "hi",
        "Hello!",
        "thanks a lot",
        "who are you?",
        "oi td bem?",
        "one last thing, thanks for the help",
        # whether anyone is there: was declined
        "are you there?",
        "estás aí?",
    ],
)
def test_small_talk_is_answered_as_small_talk(shipped: Retriever, question: str) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.kind) == (Decision.SMALLTALK, Kind.SMALLTALK)
    assert answer.answered


@pytest.mark.parametrize(
    ("message", "talk_id"),
    [
        # "help" is also the article's word for what China did (COVID-19 support)
        ("can you help me?", "what-can-you-do"),
        ("hi, could you help me?", "what-can-you-do"),
        ("I need some help", "what-can-you-do"),
        ("¿me puedes ayudar?", "what-can-you-do"),
        ("me podés ayudar?", "what-can-you-do"),
        ("pode me ajudar?", "what-can-you-do"),
        ("你能帮我吗", "what-can-you-do"),
        ("可以帮我一下吗", "what-can-you-do"),
        # "have a nice day" got Xi's visit ("day")
        ("have a nice day", "bye"),
        ("que tengas un buen día", "bye"),
        ("obrigado, tenha um bom dia", "bye"),
    ],
)
def test_asking_for_help_or_wishing_a_good_day_is_small_talk(
    shipped: Retriever, message: str, talk_id: str
) -> None:
    assert verdict(shipped, message) == (Decision.SMALLTALK, talk_id)


@pytest.mark.parametrize(
    "message", ["can you help me understand the cbers program?", "你能帮我解释一下CBERS吗"]
)
def test_asking_for_help_with_a_question_answers_the_question(
    shipped: Retriever, message: str
) -> None:
    assert verdict(shipped, message) == (Decision.ANSWER, "cbers-program")


def test_which_rocket_is_answered_saying_the_article_names_none(shipped: Retriever) -> None:
    answer = shipped.answer("qual foguete levou o satélite da bolívia?")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "bolivia-satellite")
    assert answer.lacks == (Detail.ROCKET,)
    assert answer.missing == "O artigo não diz com qual foguete foi lançado."


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a testing lab (化验所) is the lab; sending up to the sky (往天上送) is launching
        ("那家做基因测序的公司在乌拉圭开的化验所，对老百姓看病有什么好处？", "bgi-uruguay-lab"),
        ("中国帮委内瑞拉和玻利维亚往天上送了啥？", "satellites-launched"),
        # a grandson (孙娃子) studying (读书) abroad, 一哈 (一下), 要得 (all right): chat
        (
            "喂 喂 我孙娃子在巴西读书 他说习主席去巴西开会 开的啥子会嘛 你跟我说一哈 要得",
            "g20-brazil",
        ),
        # compañeros (classmates) in a Chinese message, where the asker studies (我在利马读书),
        # and what came before "文章里说" (the article says) are context
        (
            "hola 我在利马读书 这边compañeros老问我中国跟拉美到底合作啥 哈哈"
            " 文章里说未来十年科技合作重点是啥啊",
            "future-focus",
        ),
        # 欸 (eh) and a zhuyin letter ending a word (報告ㄏ) are chat
        (
            "欸欸 我在做報告ㄏ 想問CBERS那個衛星資料是只有巴西能用嗎 還是其他國家也可以 🙏🙏",
            "cbers-data-sharing",
        ),
        # where someone works (高就) and their title (头衔) are their post
        ("这篇的作者在哪高就？什么头衔？", "article-author"),
        # a name typed by its sound, one character off: 乌拉鬼 (Uruguay), 委内瑞啦, 阿跟廷
        ("華大基音喺烏拉鬼開咗間乜嘢？幫到佢哋咩", "bgi-uruguay-lab"),
        ("中国帮委内瑞啦发射了啥卫星", "venezuela-satellites"),
        ("中国和智利、阿跟廷、巴西合作建了哪些绿色能原项目？", "green-projects-countries"),
    ],
)
def test_everyday_chinese_words_are_understood(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_also_is_no_part_of_a_chinese_word(shipped: Retriever) -> None:
    # 数据还给谁用: who else is the data for? Not a word 据还 the article never uses.
    answer = shipped.answer("数据还给谁用？", subject="cbers-program")

    assert answer.decision is Decision.ANSWER
    assert answer.id in {"cbers-data-sharing", "cbers-data-uses"}


def test_cantonese_give_and_still_are_understood(shipped: Retriever) -> None:
    # 仲畀边啲地区用: which other regions is it given to (Mandarin 还给哪些地区用)
    assert verdict(shipped, "仲畀邊啲地區用?", subject="cbers-data-uses") == (
        Decision.ANSWER,
        "cbers-data-sharing",
    )


@pytest.mark.parametrize(
    "question", ["who is it for?", "who gets it?", "Serve pra quem?", "¿para quién es?"]
)
def test_whom_it_serves_with_nothing_named_is_not_the_author(
    shipped: Retriever, question: str
) -> None:
    # Alone, "who?" asks for the article's author; "who is it for?" names nothing it is for.
    answer = shipped.answer(question)

    assert answer.decision is not Decision.ANSWER or answer.id != "article-author"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "UN" alone reads as Spanish "un" (a): the United Nations by its names
        ("what does the article say about the UN?", "un-2030-agenda"),
        ("is the united nations mentioned?", "un-2030-agenda"),
        ("¿ayuda a cumplir los compromisos asumidos con Naciones Unidas?", "un-2030-agenda"),
        # to "form" people is to train them
        ("¿el centro de alimentos va a formar científicos?", "food-innovation-center"),
        # what it did for workers: the jobs and livelihoods it brought
        ("did workers over there benefit?", "jobs-livelihoods"),
        ("¿los trabajadores se beneficiaron?", "jobs-livelihoods"),
        ("os trabalhadores ganharam alguma coisa?", "jobs-livelihoods"),
    ],
)
def test_other_words_for_the_un_training_and_workers(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "lacking"),
    [
        ("when was CELAC founded?", True),
        ("拉共体是哪年成立的？", True),
        # the date the answer gives is the Forum's own
        ("when was the China-CELAC Forum founded?", False),
    ],
)
def test_a_date_the_answer_says_it_lacks_of_what_was_named_is_lacking(
    shipped: Retriever, question: str, lacking: bool
) -> None:
    # The Forum's answer dates the Forum and says the article does not date CELAC itself.
    answer = shipped.answer(question)

    assert (answer.decision, answer.id) == (Decision.ANSWER, "forum-anniversary")
    assert (Detail.DATE in answer.lacks) is lacking


@pytest.mark.parametrize(
    ("question", "lacking"),
    [
        # the dates given are of BYD's first vehicle and of APEC's meeting in Peru
        ("when was BYD founded?", True),
        ("when was APEC founded?", True),
        ("when was the food center established?", False),
        ("粮食创新中心是什么时候成立的？", False),
    ],
)
def test_when_a_thing_was_founded_is_given_only_by_a_beginning(
    shipped: Retriever, question: str, lacking: bool
) -> None:
    answer = shipped.answer(question)

    assert answer.decision is Decision.ANSWER
    assert (Detail.DATE in answer.lacks) is lacking


@pytest.mark.parametrize(
    "question",
    [
        "my parcel is late again, ugh",
        "customs held my shipment",
        "tenho muitos compromissos hoje",
        "今年是我工作的第几个年头",
        "合同谁署名的？",
        "is the data restricted to brazil?",
    ],
)
def test_everyday_words_near_the_articles_are_no_question_about_it(
    shipped: Retriever, question: str
) -> None:
    # parcels, appointments, years at work, signing a contract: not the article's topics
    assert shipped.answer(question).decision is not Decision.ANSWER


def test_to_live_is_no_food(shipped: Retriever) -> None:
    # "viver" (to live) is one letter from "víveres" (provisions), a rare word for food
    assert shipped.answer("quero viver melhor").decision is Decision.DECLINE


def test_an_everyday_word_is_no_typo_of_a_word_with_another_first_letter(
    shipped: Retriever,
) -> None:
    # "order" is no "border" (cross-border e-commerce), "sitio" (place) no "litio" (lithium)
    assert shipped.answer("where is my order?").decision is Decision.DECLINE
    assert verdict(shipped, "¿en qué sitio está la planta de BYD?") == (
        Decision.ANSWER,
        "byd-brazil-complex",
    )
    # "aonde" is Portuguese's "where", not a typo of Spanish "donde"
    assert verdict(shipped, "qm escreveu esse artigo e trabalha aonde msm") == (
        Decision.ANSWER,
        "article-author",
    )


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "no longer limited to the government level; it now extends to enterprises ..."
        (
            "Is this cooperation confined to ministries, or does it reach beyond government?",
            "cooperation-levels",
        ),
        # devices that take photos of the Earth: remote sensing satellites
        (
            "¿China le ayudó a Venezuela a subir aparatos que le toman fotos a la tierra?",
            "venezuela-satellites",
        ),
        # cars that mix a combustion engine with an electric one: hybrids
        (
            "essa montadora chinesa vai fazer só carro a bateria ou também aqueles que misturam "
            "motor a combustão com elétrico?",
            "byd-brazil-complex",
        ),
        # parcels shipped to online shoppers: the cargo air routes
        ("what has china done for online shopping deliveries?", "air-routes-ecommerce"),
        # "heard a colleague say ..., true or false?"
        ("听同事说中国在跟巴拿马搞农村电商，真的假的？", "digital-agriculture"),
    ],
)
def test_everyday_words_for_what_the_article_says(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "question", "entry"),
    [
        # what Xi went to Peru for, then to Brazil for: the summit there, not Brazil's overview
        ("apec-peru", "y a Brasil?", "g20-brazil"),
        ("g20-brazil", "and Peru?", "apec-peru"),
        # not an entry about many countries (green energy's projects) after the EV markets
        ("ev-countries", "and Argentina?", "argentina-cooperation"),
    ],
)
def test_and_that_country_after_one_countrys_event_is_the_same_of_it(
    shipped: Retriever, subject: str, question: str, entry: str
) -> None:
    assert verdict(shipped, question, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize("question", ["¿y dónde tiene su sede?", "e onde fica a sede?"])
def test_where_its_seat_is_asks_where_the_subject_is(shipped: Retriever, question: str) -> None:
    # After the food center, its seat ("sede") is a place the article does not give; not
    # the G20, which Brazil was "sede" (host) of
    answer = shipped.answer(question, subject="food-innovation-center")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "food-innovation-center")
    assert Detail.PLACE in answer.lacks


@pytest.mark.parametrize(
    "question", ["who signed the article?", "who signed it, the article I mean?"]
)
def test_who_signed_the_article_is_its_author(shipped: Retriever, question: str) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, "article-author")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("然後它的資料有開放給其他地區用嗎？", "cbers-data-sharing"),
        ("这些卫星的数据主要用在哪些方面？", "cbers-data-uses"),
    ],
)
def test_it_after_how_many_satellites_is_cbers_not_the_count(
    shipped: Retriever, question: str, entry: str
) -> None:
    # "it", "these satellites": CBERS, whose data the message asks about, not how many
    assert verdict(shipped, question, subject="cbers-satellite-count") == (Decision.ANSWER, entry)


def test_two_chinese_questions_about_the_satellites_get_two_answers(shipped: Retriever) -> None:
    answer = shipped.answer(
        "中国和巴西合作的地球资源卫星一共做了几颗？这些卫星的数据主要用在哪些方面？"
    )

    assert [part.id for part in answer.parts] == ["cbers-satellite-count", "cbers-data-uses"]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # CBERS's answer lists the data's uses, agriculture first; the first one launched,
        # the first "颗", is a satellite
        ("when was the first one launched?", "satellites-launched"),
        ("第一颗是哪一年上天的？", "satellites-launched"),
        ("第一颗呢？", "cbers-program"),
    ],
)
def test_the_first_one_is_of_the_kind_the_message_counts(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question, subject="cbers-program") == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # what the company that opened the lab is: BGI Genomics
        ("在烏拉圭開實驗室的那家中國公司，主要是做什麼的？", "bgi-genomics"),
        (
            "Aquela empresa chinesa de genética que foi pro Uruguai, como o texto descreve ela?",
            "bgi-genomics",
        ),
        # what the lab is for, or does, is the lab's
        ("some Chinese gene company opened a lab in Uruguay, what is it for?", "bgi-uruguay-lab"),
        ("what does the company's lab in Uruguay do?", "bgi-uruguay-lab"),
        ("what company opened a lab in Uruguay?", "bgi-uruguay-lab"),
    ],
)
def test_a_company_described_by_what_it_did_is_asked_what_it_is(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_a_closing_visse_is_chat_not_an_unknown_word(shipped: Retriever) -> None:
    # Recife's "visse?" (you see?) after "and livestock?" asks nothing of its own
    assert verdict(shipped, "e pecuaria entra, visse?", subject="agri-mechanisms-19") == (
        Decision.ANSWER,
        "livestock-technology",
    )


@pytest.mark.parametrize("question", ["仲有呢？", "仲有咩？"])
def test_cantonese_what_else_asks_what_else(shipped: Retriever, question: str) -> None:
    # 仲有呢: Cantonese for 还有呢 (what else?), after what investment brought
    assert verdict(shipped, question, subject="investment-benefits") == (
        Decision.ANSWER,
        "jobs-livelihoods",
    )


def test_what_help_was_given_is_no_request_for_help(shipped: Retriever) -> None:
    # 帮了啥: what did they help with, after COVID-19 support
    assert verdict(shipped, "帮了啥", subject="covid-support") == (Decision.ANSWER, "covid-support")


@pytest.mark.parametrize(
    ("message", "talk_id"),
    [
        ("helo", "greeting"),
        ("good mornin", "greeting"),
        ("thank you vry much", "thanks"),
        ("whatt can you do", "what-can-you-do"),
    ],
)
def test_small_talk_with_a_letter_missing_or_doubled_is_still_small_talk(
    shipped: Retriever, message: str, talk_id: str
) -> None:
    assert verdict(shipped, message) == (Decision.SMALLTALK, talk_id)


@pytest.mark.parametrize(
    ("message", "talk_id"),
    [
        ("well, good morning to you", "greeting"),
        ("hola amigo", "greeting"),
        ("thanks, bye", "bye"),  # leaving: goodbye, not "ask me anything else"
        ("thank you! have a great day", "bye"),
        # hello to everyone: "gente" (folks) is no question about people's livelihoods
        ("hola gente", "greeting"),
        ("oi gente", "greeting"),
        ("q onda gente!", "greeting"),
        ("qué onda", "greeting"),
        ("hey guys", "greeting"),
        # Brazilian "eae" (e aí), "opa"; "tudo certo?" asks how one is
        ("eae mano blz?", "greeting"),
        ("opa, tudo certo?", "how-are-you"),
    ],
)
def test_a_pattern_within_a_short_message_without_a_question_is_small_talk(
    shipped: Retriever, message: str, talk_id: str
) -> None:
    assert verdict(shipped, message) == (Decision.SMALLTALK, talk_id)


def test_what_about_us_is_no_greeting(shipped: Retriever) -> None:
    # "e a gente?" (and us?) is nearly the greeting "e aí gente"
    assert verdict(shipped, "e a gente?", subject="jobs-livelihoods") == (
        Decision.ANSWER,
        "jobs-livelihoods",
    )


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        (
            "q onda gente! alguien sabe xq china y latam abrieron rutas aéreas especiales?",
            "air-routes-ecommerce",
        ),
        # "q onda eso" closes the question, as "what's up with that"
        (
            "che los chinos armaron algo en uruguay para detectar enfermedades antes?? q onda eso",
            "bgi-uruguay-lab",
        ),
    ],
)
def test_que_onda_asks_nothing_of_its_own(shipped: Retriever, message: str, entry: str) -> None:
    answer = shipped.answer(message)

    assert [part.id for part in answer.parts or (answer,)] == [entry]


@pytest.mark.parametrize(
    "question",
    [
        "how do i figure out how to export coffee to china",
        "figure out how to invest in Brazilian lithium",
        # other chains, parcels, machines, and "tarde" as late
        "Does China help with the cold chain for vaccines?",
        "Which hotel chains did China build in Brazil?",
        "Minha encomenda da Shein está atrasada",
        "A China doou máquinas de raio-x?",
        "tarde o temprano",
        "¿Cuál es el valor estimado de las inversiones chinas?",
    ],
)
def test_words_near_the_articles_in_another_sense_are_declined(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


def test_a_question_about_someone_else_is_not_small_talk_about_the_bot(
    shipped: Retriever,
) -> None:
    assert shipped.answer("你叫什么名字?").decision is Decision.SMALLTALK

    answer = shipped.answer("作者叫什么名字?")  # the author's name, not the bot's

    assert answer.decision is not Decision.SMALLTALK
    assert shipped.answer("他叫什么名字?").decision is not Decision.SMALLTALK


@pytest.mark.parametrize(
    ("message", "talk"),
    [("谢谢他", "thanks"), ("谢谢！他们真棒", "thanks"), ("你好，他们", "greeting")],
)
def test_thanks_or_greetings_mentioning_someone_else_stay_small_talk(
    shipped: Retriever, message: str, talk: str
) -> None:
    assert verdict(shipped, message) == (Decision.SMALLTALK, talk)


def test_unsure_question_suggests_the_close_entries(tiny: Retriever) -> None:
    strict = tiny.with_settings(RetrievalSettings(answer_threshold=95, suggest_threshold=30))

    answer = strict.answer("satellites")

    assert answer.decision is Decision.SUGGEST
    assert {suggestion.id for suggestion in answer.suggestions} == {
        "satellites",
        "satellite-count",
    }
    assert answer.text == ""


def test_fact_answers_what_no_entry_covers(tiny: Retriever) -> None:
    answer = tiny.answer("do they process iron phosphate")

    assert (answer.decision, answer.kind, answer.id) == (Decision.ANSWER, Kind.FACT, "fact-lithium")
    assert answer.source == ("processing lithium and iron phosphate",)


def test_answer_entry_returns_the_entry_or_none(tiny: Retriever) -> None:
    answer = tiny.answer_entry("byd-factory")

    assert answer is not None
    assert (answer.id, answer.text) == ("byd-factory", "A complex of three manufacturing units.")
    assert tiny.answer_entry("no-such-entry") is None


def test_search_ranks_entries_and_is_empty_for_a_blank_query(tiny: Retriever) -> None:
    assert [suggestion.id for suggestion in tiny.search("byd brasil")][:1] == ["byd-factory"]
    assert tiny.search("  ") == []


def test_explain_shows_components_and_the_reason(shipped: Retriever) -> None:
    explanation = shipped.explain("whcih satelites were lanched")

    best = explanation.candidates[0]
    assert best.id == "satellites-launched"
    assert "lanched->launched" in best.typo_matches
    assert len(explanation.candidates) == 5
    assert explanation.decision is Decision.ANSWER
    assert "satellites-launched" in explanation.reason


def test_a_long_message_that_asks_at_its_end_is_answered(shipped: Retriever) -> None:
    # People who set the scene first write 300 characters and more before they ask.
    message = (
        "Good evening from a small town in Wales. My neighbour's son works in logistics and he "
        "was telling us over the fence about all the cargo going back and forth between China "
        "and South America these days, and my wife and I got talking about it at dinner, as "
        "one does when the telly is rubbish. So, to settle it: which satellites did China help "
        "Venezuela and Bolivia put up?"
    )
    assert len(message) > 300

    assert verdict(shipped, message) == (Decision.ANSWER, "satellites-launched")


def test_a_long_message_is_capped_before_any_work(shipped: Retriever) -> None:
    long_message = "Which satellites were launched? " + "blah " * 2000

    answer = shipped.answer(long_message)

    assert answer.question == long_message[: shipped.settings.max_query_chars]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_no_input_raises(shipped_for_hypothesis: Retriever, text: str) -> None:
    answer = shipped_for_hypothesis.answer(text)
    explanation = shipped_for_hypothesis.explain(text)
    shipped_for_hypothesis.search(text)

    assert answer.decision in set(Decision)
    assert explanation.answer == answer


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(["\ud800", "\u202e", "\u200b", "\x00", "😀", "satélite", "byd", "中国"]),
        max_size=30,
    )
)
def test_nasty_characters_never_raise(shipped_for_hypothesis: Retriever, parts: list[str]) -> None:
    assert shipped_for_hypothesis.answer("".join(parts)).decision in set(Decision)


def test_ten_thousand_characters_are_fine(shipped: Retriever) -> None:
    assert shipped.answer("x" * 10_000).decision is Decision.DECLINE


def test_small_talk_replies_in_the_greeting_language(shipped: Retriever) -> None:
    answer = shipped.answer("hola")

    assert (answer.decision, answer.lang) == (Decision.SMALLTALK, "es")


@pytest.mark.parametrize(
    ("hint", "lang"), [(None, "en"), ("pt-br", "pt"), ("es-419", "es"), ("en-US", "en")]
)
def test_the_users_language_settles_a_question_of_names(
    shipped: Retriever, hint: str | None, lang: str
) -> None:
    answer = shipped.answer("BYD Brasil", lang_hint=hint)

    assert (answer.id, answer.lang) == ("byd-brazil-complex", lang)
    assert answer.text.startswith(
        {"en": "Chinese automaker", "es": "La automotriz", "pt": "A montadora"}[lang]
    )


def test_the_hint_does_not_override_the_questions_language(shipped: Retriever) -> None:
    answer = shipped.answer("¿Qué satélites se lanzaron?", lang_hint="en")

    assert (answer.id, answer.lang) == ("satellites-launched", "es")


def test_a_missing_translation_falls_back_to_english_and_says_so(tiny: Retriever) -> None:
    answer = tiny.answer("BYD Brasil", lang_hint="es")

    assert (answer.id, answer.lang, answer.requested_lang, answer.fallback) == (
        "byd-factory",
        "en",
        "es",
        True,
    )
    assert answer.text == "A complex of three manufacturing units."


def test_a_translated_answer_is_no_fallback(shipped: Retriever) -> None:
    answer = shipped.answer("BYD Brasil", lang_hint="pt-br")

    assert (answer.lang, answer.requested_lang, answer.fallback) == ("pt", "pt", False)


def test_a_decline_speaks_the_questions_language(shipped: Retriever) -> None:
    answer = shipped.answer("¿quién ganó el mundial de 2022?")

    assert (answer.decision, answer.lang, answer.fallback) == (Decision.DECLINE, "es", False)


def test_answer_entry_follows_the_users_language(shipped: Retriever) -> None:
    answer = shipped.answer_entry("cbers-program", lang_hint="pt-BR")

    assert answer is not None
    assert (answer.lang, answer.text.split()[:2]) == ("pt", ["CBERS", "é"])


def test_answer_entry_asks_the_entrys_question_in_the_answers_language(
    shipped: Retriever,
) -> None:
    entry = shipped.entry("cbers-program")
    assert entry is not None

    spanish = shipped.answer_entry("cbers-program", lang_hint="es")
    english = shipped.answer_entry("cbers-program")

    assert spanish is not None
    assert english is not None
    assert spanish.question == entry.translations["es"].questions[0]
    assert english.question == entry.canonical_question


def test_a_chinese_word_the_article_never_uses_counts_as_unknown(shipped: Retriever) -> None:
    explanation = shipped.explain("中国在拉美的人口是多少")

    assert explanation.unknown_terms == ("人口",)


@pytest.mark.parametrize(
    ("question", "lang", "missing"),
    [
        ("how much money has china invested in latin america?", "en", "amount of money"),
        ("how many ventilators did china send to mexico", "en", "number"),
        ("where exactly in brazil is the byd factory", "en", "exact location"),
        ("who is the ceo of bgi genomics", "en", "name"),
        ("¿cuánto dinero invirtió China en América Latina?", "es", "dinero"),
        ("中国在拉美的投资总额是多少", "zh", "金额"),
        # A count the answer gives ("three units") is not the yearly figure asked for.
        ("how many cars a year will byd's brazil plant build", "en", "yearly"),
        ("who did xi meet in peru", "en", "whom he met"),
        ("Which leaders did Xi Jinping meet during his trip?", "en", "whom he met"),
        ("com quem o xi se encontrou no brasil?", "pt", "com quem"),
        ("习近平在巴西见了哪些领导人", "zh", "会见了谁"),
        ("Quanto é que a China investiu ao certo na América Latina?", "pt", "dinheiro"),
        ("q dia exacto se inauguró el centro de innovación alimentaria", "es", "día exacto"),
        ("how many people work at BYD's factory in Brazil?", "en", "how many people"),
        ("cuba got chinese vaccines - was it sinovac or sinopharm?", "en", "brand"),
        ("quanto cresceu em % o comércio agrícola china - america latina", "pt", "porcentagens"),
        ("比亚迪巴西工厂占地多大", "zh", "规模"),
        ("中拉绿色能源供应链合作的规模有多大？", "zh", "规模"),
        ("which universities are part of the china-latam cooperation", "en", "name them"),
        ("which universities does BGI work with?", "en", "name them"),  # BGI is no university
        ("哪些企业参与了合作？", "zh", "名称"),
        ("哪所大学参与了？", "zh", "名称"),
        ("¿qué acuerdos firmó xi en su visita de estado a brasil?", "es", "acuerdos"),
        ("习大大这次去秘鲁和巴西签了哪些协议啊？", "zh", "协议"),
        # the year of the "2030 Agenda" the answer names dates nothing
        ("¿cuándo se creó el fondo fiduciario de cooperación sur-sur?", "es", "fecha"),
    ],
)
def test_a_near_miss_says_what_the_article_does_not_give(
    shipped: Retriever, question: str, lang: str, missing: str
) -> None:
    answer = shipped.answer(question)

    # What the article does say, and plainly what it does not (a decline would be honest
    # too, but these all have an entry that says something close).
    assert answer.decision is Decision.ANSWER
    assert answer.lacks
    assert missing in f"{answer.missing} {answer.text}"
    assert answer.lang == lang


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "makes", "model", "potencia", "every year", "yearly": words of ordinary questions.
        ("What makes the CBERS program special?", "cbers-program"),
        ("what model of cooperation does China propose?", "shared-future"),
        ("¿China es una potencia espacial?", "aerospace-overview"),
        ("中拉论坛每年举办吗？", "china-celac-forum"),
        ("What is the yearly APEC meeting?", "apec-peru"),
        ("how many satellites did cbers develop", "cbers-satellite-count"),
        ("which companies are mentioned?", "companies-mentioned"),  # BYD and BGI
    ],
)
def test_an_ordinary_question_gets_no_caveat(shipped: Retriever, question: str, entry: str) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id, answer.lacks, answer.missing) == (
        Decision.ANSWER,
        entry,
        (),
        "",
    )


@pytest.mark.parametrize(
    ("where", "missing"),
    [
        ("where is it?", "does not say where"),
        ("onde fica?", "não diz onde"),
        ("¿y dónde está?", "no dice dónde"),
        ("在哪里?", "没有说在哪里"),
    ],
)
def test_where_after_a_subject_the_article_places_nowhere_says_so(
    shipped: Retriever, where: str, missing: str
) -> None:
    # No neighbour that names some country instead: the centre's own answer, honestly.
    answer = shipped.answer(where, subject="food-innovation-center")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "food-innovation-center")
    assert missing in answer.missing


def test_a_real_word_is_not_swapped_into_another_word_of_the_knowledge_base() -> None:
    # "ciudad" (city) is "cuidad", the stem of "cuidado" (care), with two letters swapped; the
    # knowledge base writes "ciudades" in a synonym, so "ciudad" is a word, not that typo.
    entries = [
        entry | {"questions": [*entry["questions"], "¿los satélites ayudan al cuidado del agua?"]}
        if entry["id"] == "satellites"
        else entry
        for entry in TINY_KB["entries"]
    ]
    synonyms = TINY_KB["synonyms"] | {"smart cities": ["ciudades inteligentes"]}
    kb = KnowledgeBase.model_validate(TINY_KB | {"entries": entries, "synonyms": synonyms})

    retriever = Retriever(kb, RetrievalSettings())

    assert "cuidad" not in retriever.explain("¿en qué ciudad?").terms
    # A word nobody writes is still a typo's fix: "cuidaod" is "cuidado".
    assert "cuidad" in retriever.explain("cuidaod del agua").terms


@pytest.mark.parametrize(
    ("subject", "entry"),
    [
        ("byd-brazil-complex", "byd-brazil-complex"),
        ("argentina-space-station", "argentina-space-station"),
    ],
)
def test_where_after_a_subject_in_a_named_country_needs_no_caveat(
    shipped: Retriever, subject: str, entry: str
) -> None:
    answer = shipped.answer("where is it?", subject=subject)

    assert (answer.id, answer.missing) == (entry, "")


def test_a_detail_the_answer_gives_gets_no_caveat(shipped: Retriever) -> None:
    answer = shipped.answer("how many satellites did the CBERS program develop?")

    assert (answer.id, answer.lacks, answer.missing) == ("cbers-satellite-count", (), "")


def test_chinese_word_edges_do_not_count_as_unknown(shipped: Retriever) -> None:
    # "席访" spans 习主席 and 访问: two known words' edges, not a word.
    answer = shipped.answer("习主席访问拉丁美洲的日期")

    assert (answer.decision, answer.id, answer.lang) == (Decision.ANSWER, "xi-visit", "zh")


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # 有什么用 holds a particle (什么): in a sentence its characters pair with their
        # neighbours ("星有"), yet it still asks what the thing is for.
        ("中巴卫星有什么用", "cbers-data-uses"),
        ("CBERS卫星有什么作用？", "cbers-data-uses"),
        ("数字经济对拉美有什么作用", "digital-economy-overview"),
    ],
)
def test_a_chinese_question_word_split_by_a_particle_is_found_in_a_sentence(
    shipped: Retriever, question: str, entry_id: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry_id)


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("onde aconteceu a cupula do g20", "g20-brazil"),
        ("quem é o autor do texto", "article-author"),
        ("¿la cooperación crea empleos?", "jobs-livelihoods"),
        ("a china ajuda a fazer placa solar e usina de água?", "green-projects-countries"),
        ("那家做基因检测的中国公司是哪家", "bgi-genomics"),  # the genetic testing company
        ("o que vem a ser a celac?", "what-is-celac"),  # vem a ser: is, not what comes next
        ("¿Qué viene ahora para China y América Latina?", "future-focus"),  # what comes next
        # shipments by plane, trade over the internet; "una consulta" is a question to ask
        (
            "una consulta: ¿qué hay de los envíos por avión del comercio por internet?",
            "air-routes-ecommerce",
        ),
        ("e o comércio pela internet, tem envios por avião?", "air-routes-ecommerce"),
        # battery cars; "na prática" (in practice) names nothing
        ("¿en qué países se venden coches a batería chinos?", "ev-countries"),
        ("a grana que a china botou aqui ajudou em que na prática?", "investment-benefits"),
        # giving people work is creating jobs
        ("el dinero chino le ha dado trabajo a la gente?", "jobs-livelihoods"),
        # "conjuntamente" (jointly), "epa" and "pana" (hey, buddy) name nothing
        (
            "¿Para qué sirven exactamente los datos de los satélites que fabricaron"
            " conjuntamente chinos y brasileños?",
            "cbers-data-uses",
        ),
        # "mixtos" are hybrids; "manito" (bro) and "vaina" (thing) name nothing
        (
            "manito y la fabrica de carro de los chinos en brasil, esa vaina hace nomas electricos"
            " o tambien de los mixtos?",
            "byd-brazil-complex",
        ),
        # "faz quanto tempo" asks how long, as "há quanto tempo" does
        ("faz quanto tempo que existe esse fórum?", "forum-anniversary"),
        # a "decênio" is a decade, the next or the last one
        ("em que áreas a ciência vai se concentrar no próximo decênio?", "future-focus"),
        # who is "metido nisso" (in on it) besides governments
        ("quem mais tá metido nisso além do governo?", "cooperation-levels"),
    ],
)
def test_everyday_spanish_and_portuguese_words_are_understood(
    shipped: Retriever, question: str, entry_id: str
) -> None:
    assert shipped.answer(question).id == entry_id


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Scots: "did China give Bolivia a satellite or what?"
        ("did china gie bolivia a satellite or whit", "bolivia-satellite"),
        # "battery cars", "de" where the list had "a"
        ("los carros de bateria que hacen en china ya se venden en cuales paises", "ev-countries"),
        # the asker's story ends at "mas diz lá" (but tell me)
        (
            "boa tarde pá estou aqui parado à espera de cliente a ler aquilo da china está-se"
            " bem mas diz lá o que é que a economia verde pode fazer pelo sul global",
            "green-economy-global-south",
        ),
        # ... and at "me preguntaba si" (I was wondering whether)
        (
            "ay fijese que yo vendo verduras en el mercado y mi sobrina vende por internet"
            " entonces me preguntaba si eso de vender por internet en el campo los chinos lo"
            " estan haciendo con algun pais de por aqui",
            "digital-agriculture",
        ),
        # "de que forma" asks how; "se relacionam", how they relate
        ("de que forma estes esforços se relacionam com a Agenda 2030 da ONU?", "un-2030-agenda"),
        ("Informe, por gentileza, a autoria do presente artigo.", "article-author"),
        # "are companies in on it (掺和) too?"
        (
            "我一直以为中拉合作就是两边政府签签协议那种，看了这篇好像不止？公司也掺和进来了吗",
            "cooperation-levels",
        ),
        (
            "is the farm trade still just regional delicacies or has it gone high tech",
            "agri-trade-products",
        ),
        # Ghanaian "chale" (friend) is no misspelt Chile
        (
            "Please chale, that Chinese car company building factory in Brazil, what things"
            " will the factory be making?",
            "byd-brazil-complex",
        ),
        # "máquina de agricultura": farm machinery; "rapaz", "cunhado": chat
        (
            "égua rapaz meu cunhado trabalha na roça e falou que a china ta mandando maquina de"
            " agricultura pra ca é verdade isso",
            "agri-trade-products",
        ),
        # "您给说说" (tell me, would you) asks to be told, no topic
        ("您给说说，中拉在绿色能源上都搞了哪些项目？", "green-energy-overview"),
        # "besides PV plants, what other kinds?": "还有啥" continues the clause before it
        ("咱们在拉美搞的新能源项目除了光伏板厂还有啥类型的？", "green-projects-countries"),
    ],
)
def test_a_question_in_dialect_or_after_a_story_is_answered(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_questions_typed_with_abbreviations_are_each_answered(shipped: Retriever) -> None:
    # "oq" (o que) and "qnts" (quantos) ask as the words they shorten
    answer = shipped.answer(
        "gente to mt cansada kkk rapidinho: oq é celac e qnts anos tem esse forum"
    )

    assert [part.id for part in answer.parts] == ["what-is-celac", "forum-anniversary"]


@pytest.mark.parametrize(
    "question",
    [
        # "the big carmaker's plant in Brazil, how many parts is it in, what do they do?"
        "咱们那个造车的大厂在巴西盖的厂子 分了几块儿 都干啥的",
        "那个中国造电车的公司在巴西修的厂是做啥子的嘛",
    ],
)
def test_a_chinese_lay_name_for_the_carmaker_finds_its_plant(
    shipped: Retriever, question: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, "byd-brazil-complex")


def test_an_exact_phrasing_is_found_however_common_its_words(shipped: Retriever) -> None:
    # Every word of this phrasing is common in the article, so it would not make the
    # shortlist of the best-covered entries: a maintainer's exact phrasing must still win.
    entry = shipped.kb.entries[-1]
    common = "what does china get out of this?"
    extended = entry.model_copy(update={"questions": [*entry.questions, common]})
    kb = shipped.kb.model_copy(update={"entries": [*shipped.kb.entries[:-1], extended]})
    retriever = Retriever(kb, shipped.settings)

    assert verdict(retriever, common) == (Decision.ANSWER, entry.id)


def test_a_misspelt_synonym_is_corrected_like_a_misspelt_word(shipped: Retriever) -> None:
    # "investimentos" is a Portuguese synonym of "investment"; "invstimentos" is a typo of it.
    explanation = shipped.explain("invstimentos chineses aumentaram a producao de energia?")

    assert "invstimento" not in explanation.unknown_terms
    assert explanation.decision is Decision.ANSWER


def test_a_small_talk_pattern_of_fillers_only_does_not_catch_empty_messages() -> None:
    # "请问" (may I ask) is a filler: as a pattern it has no words, like "!!!" or "👍".
    talk = {"id": "asking", "patterns": ["请问", "can I ask"], "answer": "Sure, ask away."}
    kb = KnowledgeBase.model_validate({**TINY_KB, "smalltalk": [talk]})
    retriever = Retriever(kb, RetrievalSettings())

    assert retriever.answer("!!!").decision is Decision.DECLINE
    assert retriever.answer("can I ask").decision is Decision.SMALLTALK


@pytest.mark.parametrize(
    ("subject", "follow_up"),
    [
        ("cbers-program", "who built it?"),
        ("food-innovation-center", "who runs it?"),
        ("byd-brazil-complex", "how big is it?"),
        ("argentina-space-station", "who paid for it?"),
        ("byd-brazil-complex", "几个工厂"),  # how many factories: "几个" asks, like "多少"
    ],
)
def test_it_in_a_follow_up_that_names_nothing_stays_the_subject(
    shipped: Retriever, subject: str, follow_up: str
) -> None:
    # "built", "runs", "big": words other entries match, but "it" is what was talked about.
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, subject)


@pytest.mark.parametrize(
    "goal",
    [
        "what is its goal?",
        "qual o objetivo dele?",
        "¿cuál es su objetivo?",
        "yeah but whats the end game",  # not of digital entertainment's games
        "whats the end goal tho",
    ],
)
def test_its_goal_in_any_language_is_what_the_subject_aims_at(
    shipped: Retriever, goal: str
) -> None:
    assert verdict(shipped, goal, subject="food-innovation-center") == (
        Decision.ANSWER,
        "food-security",
    )


@pytest.mark.parametrize(
    ("subject", "follow_up", "counting"),
    [
        # the farm trade the 19 mechanisms brought, which it says
        ("agri-trade-products", "how many countries?", "agri-trade-products"),
        ("agriculture-overview", "con cuántos países", "agri-mechanisms-19"),
    ],
)
def test_how_many_countries_after_a_subject_counts_the_countries_of_that_subject(
    shipped: Retriever, subject: str, follow_up: str, counting: str
) -> None:
    # Not the 33 members of CELAC, which "how many countries?" alone asks.
    answer = shipped.answer(follow_up, subject=subject)
    assert (answer.decision, answer.id) == (Decision.ANSWER, counting)
    assert Detail.COUNT not in answer.lacks


def test_a_count_of_something_else_is_no_count_of_countries(shipped: Retriever) -> None:
    # "Six." counts satellites: after CBERS, "how many countries?" gets no "Six."
    answer = shipped.answer("how many countries?", subject="cbers-program")
    assert answer.decision is Decision.ANSWER
    assert answer.id != "cbers-satellite-count" or Detail.COUNT in answer.lacks
    # ... and a count of the satellites themselves stays one
    satellites = shipped.answer("how many cooperation satellites did CBERS build?")
    assert (satellites.id, satellites.lacks) == ("cbers-satellite-count", ())


@pytest.mark.parametrize("subject", ["covid-support", "digital-agriculture"])
def test_how_many_countries_of_what_names_no_count_says_the_article_gives_none(
    shipped: Retriever, subject: str
) -> None:
    # not the 19 countries of the farming mechanisms, which are not digital farming's
    answer = shipped.answer("how many countries?", subject=subject)
    assert (answer.decision, answer.id) == (Decision.ANSWER, subject)
    assert Detail.COUNT in answer.lacks


@pytest.mark.parametrize(
    ("subject", "follow_up"),
    [
        # what is set aside is the subject, but the rest asks of what the article never names
        ("covid-support", "besides the pandemic, what other movies are good?"),
        ("xi-summits", "besides the summits, what other restaurants are good in Lima?"),
        ("covid-support", "aparte de la pandemia hicieron algo más en fútbol?"),
    ],
)
def test_setting_the_subject_aside_to_ask_of_something_else_is_declined(
    shipped: Retriever, subject: str, follow_up: str
) -> None:
    assert shipped.answer(follow_up, subject=subject).decision is Decision.DECLINE


def test_what_else_besides_apec_is_another_of_his_summits(shipped: Retriever) -> None:
    # not how far cooperation reaches, which "what else did he attend?" alone finds
    assert verdict(shipped, "besides APEC, what else did he attend?", subject="apec-peru") == (
        Decision.ANSWER,
        "g20-brazil",
    )


def test_what_someone_else_gains_is_not_asked_of_the_subject(shipped: Retriever) -> None:
    answer = shipped.answer("qual o ganho do Flamengo?", subject="byd-brazil-complex")
    assert answer.decision is Decision.DECLINE


def test_who_else_besides_the_author_is_still_the_author(shipped: Retriever) -> None:
    # the article names no one else: the author's entry says so
    assert verdict(shipped, "除了作者，还有谁？", subject="article-author") == (
        Decision.ANSWER,
        "article-author",
    )


@pytest.mark.parametrize(
    "question", ["how many countries did Xi visit?", "how many countries does the article mention?"]
)
def test_an_answer_that_names_the_countries_asked_is_not_told_it_lacks_a_count(
    shipped: Retriever, question: str
) -> None:
    answer = shipped.answer(question)
    assert answer.decision is Decision.ANSWER
    assert Detail.COUNT not in answer.lacks


def test_asking_which_company_of_what_no_company_runs_says_the_article_names_none(
    shipped: Retriever,
) -> None:
    answer = shipped.answer("que empresa é essa?", subject="food-innovation-center")
    assert (answer.decision, answer.id) == (Decision.ANSWER, "food-innovation-center")
    assert Detail.COMPANIES in answer.lacks


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        # what Latin America gains: the green supply chain, two steps from green energy
        ("green-energy-overview", "e o que a américa latina ganha com isso?", "green-supply-chain"),
        ("green-projects-countries", "y eso d q le sirve a latinoamerica", "green-supply-chain"),
        # what the visit was for is the visit's, not what the Forum it leads to is for
        ("xi-visit", "what for?", "xi-visit"),
    ],
)
def test_what_it_brings_someone_named_may_be_two_steps_away(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "message",
    [
        "valeu. mudando de assunto, o q significa celac?",
        "thanks! changing the subject, what is CELAC?",
        "ok different question, what is celac",
        "different ting altogether - wat is dis celac?",
        "ok switching gears completely, what is celac?",
        "cambiando el tema por completo, ¿qué es la celac?",
        "otra cosa distinta: ¿qué es la celac?",
        "另外问下，拉共体是什么",
    ],
)
def test_a_new_subject_announced_after_thanks_is_answered_not_read_with_the_old_one(
    shipped: Retriever, message: str
) -> None:
    assert verdict(shipped, message, subject="byd-brazil-complex") == (
        Decision.ANSWER,
        "what-is-celac",
    )


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        ("green-energy-overview", "is that a new topic for them?"),
        ("digital-economy-overview", "isso é outro assunto ou faz parte da mesma coisa?"),
    ],
)
def test_a_message_only_mentioning_a_topic_still_leans_on_the_subject(
    shipped: Retriever, subject: str, message: str
) -> None:
    assert verdict(shipped, message, subject=subject) == (Decision.ANSWER, subject)


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # "changing the subject, besides governments, which others take part?": not Xi's trip
        ("换个话题，除了政府以外还有哪些参与者？", "cooperation-levels"),
        # "ok. um, another thing, what is the food innovation centre for?": 那啥 is filler
        ("行。那啥，换个事儿，那个可持续粮食创新中心是干啥的？", "food-innovation-center"),
    ],
)
def test_a_message_announcing_a_new_subject_never_leans_on_the_old_one(
    shipped: Retriever, message: str, entry: str
) -> None:
    assert verdict(shipped, message, subject="xi-visit") == verdict(shipped, message)
    assert verdict(shipped, message) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # an essay the asker read or wrote is not this article
        ("I read an essay about Latin America, what is CELAC?", "what-is-celac"),
        # the words before "pero dime" name the topic: no story of the asker's to cut off
        (
            "El foro China-CELAC cumple 10 años, pero dime ¿por qué es importante?",
            "forum-anniversary",
        ),
        ("Las rutas aéreas de carga pero dime ¿cuántas son?", "air-routes-ecommerce"),
        ("这篇文章说了什么", "article-summary"),
    ],
)
def test_words_that_name_the_topic_stay_in_the_question(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        # words that are chat in one voice and a topic in another
        "A China vai construir trem-bala no Brasil?",
        "¿Cómo afecta El Niño a la agricultura?",
        "A China é o maior cliente do Brasil?",
        # leaders and carmakers the article does not speak of
        "巴西领导人是谁？",
        "特斯拉是哪国的汽车大厂？",
        "A CELAC está ligada à ONU?",
        "send me photos of the BYD factory",
        "I wrote an essay about Latin America, can you check it?",
    ],
)
def test_a_question_near_the_new_words_but_not_about_the_article_is_declined(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        # "还有" before a second question still parts the two
        ("比亚迪的工厂做啥还有啥时候投产", ["byd-brazil-complex", "byd-first-vehicle"]),
        ("CBERS有几颗卫星还有什么用途", ["cbers-satellite-count", "cbers-data-uses"]),
    ],
)
def test_chinese_and_also_starts_a_second_question(
    shipped: Retriever, question: str, parts: list[str]
) -> None:
    assert [part.id for part in shipped.answer(question).parts] == parts


@pytest.mark.parametrize(
    "question",
    [
        "who wrote this article about China and Latin America?",
        "who write dis article bout China an Latin America?",
        "这篇关于中拉合作的文章是谁写的",
    ],
)
def test_what_the_whole_article_is_about_does_not_pull_to_the_region_s_countries(
    shipped: Retriever, question: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, "article-author")


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        ("g20-brazil", "which city in brazil, though?"),
        ("bgi-uruguay-lab", "¿en qué ciudad de Uruguay?"),
    ],
)
def test_which_city_in_the_subjects_country_asks_the_subjects_place(
    shipped: Retriever, subject: str, message: str
) -> None:
    # Not the smart cities: the article names no city, and the answer says so.
    answer = shipped.answer(message, subject=subject)

    assert (answer.decision, answer.id) == (Decision.ANSWER, subject)
    assert Detail.PLACE in answer.lacks


_OPENING_EVS = (
    "bro my dad won't shut up about chinese EVs lately 😂 "
    "which latin american countries are they actually selling in rn?"
)
_OPENING_FOOD_CENTRE = (
    "我喺深圳做嘢嘅，听讲中国同拉美搞咗个粮食创新中心，係乜嘢嚟㗎？同埋佢嘅目标係咩呀？"
)


@pytest.mark.parametrize(
    ("subject", "message", "entry"),
    [
        ("apec-peru", _OPENING_EVS, "ev-countries"),
        ("cbers-program", _OPENING_FOOD_CENTRE, "food-innovation-center"),
        ("ev-countries", _OPENING_FOOD_CENTRE, "food-innovation-center"),
    ],
)
def test_words_before_the_question_name_what_it_asks_about_whatever_the_subject(
    shipped: Retriever, subject: str, message: str, entry: str
) -> None:
    # "they", "係乜嘢" (what is it) point at what the opening names, not at the subject.
    assert verdict(shipped, message, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        ("ev-countries", "ok thanks. and what are the china-brazil earth-watching sats for?"),
        ("xi-visit", "ok thanks. and where did the pacific rim economic leaders get together"),
        ("covid-support", "valeu. e a China ajudou algum país a pôr satélites em órbita?"),
        ("food-innovation-center", "vale gracias. y la alianza con china trajo laburo a la gente?"),
        ("ev-countries", "好的，谢谢。另外问一下，中国资金进入拉美以后对运输和供电有啥影响？"),
    ],
)
def test_thanks_and_a_question_about_another_topic_is_answered_as_if_asked_alone(
    shipped: Retriever, subject: str, message: str
) -> None:
    alone = verdict(shipped, message)
    assert alone[0] is Decision.ANSWER
    assert verdict(shipped, message, subject=subject) == alone


def test_the_edge_of_a_chinese_question_word_names_no_topic_of_its_own(shipped: Retriever) -> None:
    # "有多" (from 有多少, how many) is in the CELAC-size entry: no new subject
    message = "好的，谢谢。另外，工厂有多少工人？"
    assert verdict(shipped, message, subject="byd-brazil-complex") == (
        Decision.ANSWER,
        "byd-brazil-complex",
    )


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        ("green-supply-chain", "why tho", "green-supply-chain"),
        ("food-innovation-center", "啥时候成立的", "food-innovation-center"),
        ("covid-support", "具体是哪些国家?", "covid-support"),  # which countries, exactly?
        ("covid-support", "¿a qué países?", "covid-support"),  # not every country named
        ("covid-support", "quais países?", "covid-support"),
        ("south-south-fund", "con q paises pues", "south-south-fund"),  # q: que
    ],
)
def test_chat_spellings_of_question_words_are_follow_ups(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "doubt"),
    [
        ("xi-visit", "wait, wasn't it 2023?"),
        ("xi-visit", "不是2023年吗?"),
        ("agri-mechanisms-19", "¿no eran 20?"),
        ("cbers-satellite-count", "não eram cinco?"),
    ],
)
def test_a_doubt_about_a_figure_gets_the_answer_that_gives_it(
    shipped: Retriever, subject: str, doubt: str
) -> None:
    assert verdict(shipped, doubt, subject=subject) == (Decision.ANSWER, subject)


@pytest.mark.parametrize(
    ("subject", "status", "entry"),
    [
        ("byd-brazil-complex", "is it finished? when will it be ready?", "byd-brazil-complex"),
        ("byd-company", "já tá pronto?", "byd-company"),
        # the subject gives no date; the related entry about what is being built does
        ("lithium-processing", "¿ya está funcionando?", "byd-brazil-complex"),
        ("lithium-processing", "quando fica pronto?", "byd-brazil-complex"),
        ("food-security", "那个中心建成了吗?", "food-innovation-center"),
    ],
)
def test_asking_whether_it_is_built_yet_gets_the_date_the_article_gives(
    shipped: Retriever, subject: str, status: str, entry: str
) -> None:
    assert verdict(shipped, status, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "message",
    [
        "is the Chancay port open yet?",  # names a thing the article never does
        "¿ya está funcionando el metro de Bogotá?",
        "ya está claro",  # "that's clear": no question of progress
        "já tá bom",
        "aun esta vigente el acuerdo?",
    ],
)
def test_what_only_looks_like_asking_if_it_is_built_gets_no_answer_about_it(
    shipped: Retriever, message: str
) -> None:
    assert verdict(shipped, message, subject="byd-brazil-complex")[1] != "byd-brazil-complex"


def test_asking_whether_another_thing_is_built_yet_is_a_question_of_its_own(
    shipped: Retriever,
) -> None:
    message = "is the BYD plant in Brazil up and running?"
    assert verdict(shipped, message, subject="food-security") == (
        Decision.ANSWER,
        verdict(shipped, message)[1],
    )
    assert verdict(shipped, message)[1] in {"byd-brazil-complex", "byd-first-vehicle"}


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        ("bgi-uruguay-lab", "不是一个公司吗"),  # isn't it a company? no figure
        ("digital-economy-overview", "why bitcoin?"),  # a word the article never uses
        ("investment-benefits", "ok then"),  # a reaction
        ("investment-benefits", "wow so cool"),
    ],
)
def test_what_only_looks_like_a_doubt_or_a_follow_up_is_not_answered_with_the_subject(
    shipped: Retriever, subject: str, message: str
) -> None:
    assert verdict(shipped, message, subject=subject) != (Decision.ANSWER, subject)


@pytest.mark.parametrize(
    "subject", ["china-celac-forum", "shared-future", "digital-economy-overview", "state-visits"]
)
def test_a_bare_why_without_a_cause_in_faq_stays_with_the_subject(
    shipped: Retriever, subject: str
) -> None:
    # their related entries are asked why of something else (why 2024 is special, why air
    # routes were added): only faq.yaml's `cause` sends a bare "why?" elsewhere
    for why in ("why?", "¿por qué?", "por quê?", "为什么？"):
        assert verdict(shipped, why, subject=subject) == (Decision.ANSWER, subject)


@pytest.mark.parametrize(
    "subject", ["cbers-satellite-count", "article-date", "countries-mentioned", "health-overview"]
)
def test_a_bare_why_asks_a_cause_and_stays_with_the_subject(
    shipped: Retriever, subject: str
) -> None:
    assert verdict(shipped, "why?", subject=subject) == (Decision.ANSWER, subject)


@pytest.mark.parametrize(
    ("subject", "message", "entry"),
    [
        ("investment-benefits", "great and the jobs?", "jobs-livelihoods"),
        ("ev-countries", "vale, y en Chile?", "chile-cooperation"),
        # "oh, and which other countries did they send them to, dear?" after Cuba's aid
        (
            "fact-covid-cuba",
            "ay, ¿y a qué otros países les mandaron también, mi niño?",
            "vaccine-countries",
        ),
        (
            "green-projects-countries",
            "perdone, ¿y qué más están construyendo?",
            "green-projects-countries",
        ),
    ],
)
def test_an_interjection_before_a_follow_up_changes_nothing(
    shipped: Retriever, subject: str, message: str, entry: str
) -> None:
    assert verdict(shipped, message, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        # "in what period?" after the summits asks the dates of the visit
        ("xi-summits", "Em qual período?", "xi-visit"),
        # "which institution is that department attached to?" after the author's post
        (
            "article-author",
            "O referido departamento está vinculado a qual instituição?",
            "article-author",
        ),
    ],
)
def test_a_detail_the_subject_lacks_is_asked_of_the_entry_that_gives_it(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        # what BGI is says nothing of what it is for: its lab in Uruguay does
        ("bgi-genomics", "pra q serve", "bgi-uruguay-lab"),
        ("bgi-genomics", "¿y para qué sirve eso?", "bgi-uruguay-lab"),
        # the related entry that speaks of what the message names
        ("future-focus", "why digital tho", "digital-economy-overview"),
        # the subject says what it brings: it answers, not a related entry
        ("green-economy-global-south", "o que isso traz?", "green-economy-global-south"),
        # what the satellites' data is used for, after how many there are
        ("cbers-satellite-count", "这些卫星的数据用来干嘛？", "cbers-data-uses"),
        # what it will help with ("vai ajudar em quê") is what it is for
        ("bgi-genomics", "vai ajudar em quê", "bgi-uruguay-lab"),
        # what help it gives (帮上什么忙) is what it is for
        ("bgi-uruguay-lab", "能帮上什么忙", "bgi-uruguay-lab"),
        # why the next decade's focus: its closest entry tells why a green economy matters
        ("future-focus", "por quê?", "green-economy-global-south"),
        ("future-focus", "为啥是绿色？", "green-economy-global-south"),
        # the subject tells its own cause (the demand for air cargo)
        ("air-routes-ecommerce", "why?", "air-routes-ecommerce"),
        # what the world gains: the related entry that speaks of the world, though no one
        # asks it what it brings
        ("science-tech-benefits", "e o mundo ganha o q com isso", "high-tech-global-growth"),
    ],
)
def test_what_it_is_for_is_the_entry_that_tells_it(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        ("venezuela-satellites", "and bolivia?", "bolivia-satellite"),
        ("argentina-space-station", "And Venezuela?", "venezuela-satellites"),
        # a topic the subject never speaks of is a subject of its own
        ("green-supply-chain", "and the digital side?", "digital-economy-overview"),
        # ... and so is what a related entry speaks of, when the subject does not
        ("science-tech-benefits", "and for the world?", "high-tech-global-growth"),
        ("science-tech-benefits", "e pro mundo?", "high-tech-global-growth"),
        # "it" about a subject whose answer speaks of the one topic asked: that subject
        ("food-innovation-center", "and what's in it for the rest of the world?", "food-security"),
        # "bigger", "overall": how much of it, not a topic the article lacks
        ("food-innovation-center", "an the bigger goal?", "food-security"),
        # what an overview names in passing is asked of the entry about it
        ("cooperation-fields", "y las inversiones chinas qué lograron?", "investment-benefits"),
        # not of a stranger whose Portuguese "data" (date) the English word looks like
        ("cbers-program", "what's the data for?", "cbers-program"),
        # not a year that dates the subject
        ("xi-visit", "foi em 2024 né?", "xi-visit"),
        # not a word only a caveat of a related entry uses ("no concrete projects")
        ("digital-economy-overview", "e já fizeram algo concreto?", "digital-economy-overview"),
        ("digital-economy-overview", "e algo concreto nisso?", "digital-economy-overview"),
    ],
)
def test_and_another_name_or_topic_is_asked_about_instead_of_the_subject(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    ["isso ajuda?", "¿y eso ayuda?", "e isso ajuda como"],  # spoken: the question word last
)
def test_does_that_help_is_a_question_about_the_subject_not_a_call_for_help(
    shipped: Retriever, question: str
) -> None:
    assert verdict(shipped, question, subject="south-south-fund") == (
        Decision.ANSWER,
        "south-south-fund",
    )


@pytest.mark.parametrize(
    ("subject", "question"),
    [
        ("article-author", "E como se chama?"),
        ("article-author", "¿cómo se llama?"),
        ("byd-brazil-complex", "叫什么名字？"),
        ("argentina-space-station", "y cómo se llama eso?"),
        ("food-innovation-center", "qual é o nome dele?"),
    ],
)
def test_what_is_it_called_after_an_answer_asks_the_subjects_name(
    shipped: Retriever, subject: str, question: str
) -> None:
    # Not the article's title ("Como se chama o artigo?") nor the bot's own name.
    assert verdict(shipped, question, subject=subject) == (Decision.ANSWER, subject)


@pytest.mark.parametrize(
    ("subject", "question", "lang"),
    [
        ("article-summary", "¿cómo se llama?", "es"),
        ("article-summary", "e o nome?", "pt"),
        ("article-summary", "what's it called?", "en"),
        ("article-summary", "叫什么名字？", "zh"),
        ("article-date", "¿cómo se llama?", "es"),
        ("article-date", "叫什么名字？", "zh"),
    ],
)
def test_what_is_it_called_after_the_article_itself_asks_its_title(
    shipped: Retriever, subject: str, question: str, lang: str
) -> None:
    answer = shipped.answer(question, subject=subject, lang_hint=lang)
    assert (answer.decision, answer.id, answer.lang) == (Decision.ANSWER, "article-title", lang)


def test_what_is_it_called_after_what_the_article_mentions_asks_of_that(
    shipped: Retriever,
) -> None:
    assert verdict(shipped, "¿cómo se llama?", subject="companies-mentioned") == (
        Decision.ANSWER,
        "companies-mentioned",
    )


@pytest.mark.parametrize("question", ["¿cómo se llama?", "叫什么名字？"])
def test_what_is_it_called_alone_asks_the_bots_name(shipped: Retriever, question: str) -> None:
    assert verdict(shipped, question) == (Decision.SMALLTALK, "who-are-you")


@pytest.mark.parametrize("thanks", ["thanks for that", "isso ajuda, valeu"])
def test_thanks_for_that_stays_thanks_after_an_answer(shipped: Retriever, thanks: str) -> None:
    assert verdict(shipped, thanks, subject="south-south-fund") == (Decision.SMALLTALK, "thanks")


@pytest.mark.parametrize(
    "how_long",
    [
        "how long has it existed?",
        "há quanto tempo existe?",
        "¿hace cuánto existe?",
        "多久了?",
        "since when?",
        "¿desde cuándo?",
        "desde quando?",
        # the estimated time of arrival is a date
        "ETA?",
    ],
)
def test_how_long_in_any_language_asks_since_when(shipped: Retriever, how_long: str) -> None:
    assert verdict(shipped, how_long, subject="china-celac-forum") == (
        Decision.ANSWER,
        "forum-anniversary",
    )


@pytest.mark.parametrize(
    "more",
    [
        "tell me more",
        "me conta mais",
        "cuéntame más",
        "多说一点",
        "mas detalles",
        "mais detalhes",
        "desenvolve mais aí",
        "dime más",
        "can you expand on that?",
        # asking for an example asks for more of the subject
        "any examples?",
        "ese tema, ¿hay ejemplos concretos?",
        "tem algum exemplo?",
        "有没有例子？",
        # which examples, asked for all the same; "can you give an example?"
        "Vale. ¿Qué ejemplos concretos da?",
        "what examples?",
        "有什么例子？",
        # "what else?" wants what the article says next, not the same answer again
        "what else?",
        "and anything else?",
        "¿algo más?",
        "e o que mais?",
        "还有呢",
        "然后呢？",
    ],
)
def test_tell_me_more_in_any_language_moves_on_to_the_subjects_first_related_entry(
    shipped: Retriever, more: str
) -> None:
    assert verdict(shipped, more, subject="investment-benefits") == (
        Decision.ANSWER,
        "jobs-livelihoods",
    )


@pytest.mark.parametrize(
    "more", ["tell me more about BYD", "and tell me more about BYD", "what else did BYD do?"]
)
def test_tell_me_more_about_another_topic_is_that_topic(shipped: Retriever, more: str) -> None:
    assert verdict(shipped, more, subject="investment-benefits") == (Decision.ANSWER, "byd-company")


def test_every_shipped_small_talk_pattern_keeps_words_to_match(shipped: Retriever) -> None:
    # A pattern made only of fillers is left out, so "谢谢" would silently stop being thanks.
    empty = [
        pattern for talk in shipped.kb.smalltalk for pattern in talk.patterns if not words(pattern)
    ]

    assert empty == []


@pytest.mark.parametrize("thanks", ["谢谢", "多谢", "早上好", "thanks!", "gracias", "valeu"])
def test_thanks_and_greetings_are_small_talk_in_every_language(
    shipped: Retriever, thanks: str
) -> None:
    assert shipped.answer(thanks).decision is Decision.SMALLTALK


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("航线有哪些？", "air-routes-ecommerce"),  # which air routes?
        ("有哪些企业？", "companies-mentioned"),  # which companies?
        # 另外 (besides) only says another question comes; Cantonese "what is CELAC?"
        ("另外，CELAC係咩嚟㗎？", "what-is-celac"),
    ],
)
def test_a_short_chinese_question_naming_a_topic_is_a_new_subject(
    shipped: Retriever, question: str, entry: str
) -> None:
    # Chinese drops "it", so a short question naming nothing is a follow-up; naming a rare
    # word of the article (航线, 企业), it is not.
    assert verdict(shipped, question, subject="bgi-uruguay-lab") == (Decision.ANSWER, entry)


@pytest.mark.parametrize("when", ["when?", "quando?", "¿cuándo?", "什么时候？"])
def test_when_after_an_answer_without_a_date_is_the_neighbour_that_gives_it(
    shipped: Retriever, when: str
) -> None:
    # Xi's summits come without dates; his visit, a neighbour, gives them. In every language,
    # however far below the summits the visit scores once the question is read with them.
    assert verdict(shipped, when, subject="xi-summits") == (Decision.ANSWER, "xi-visit")


@pytest.mark.parametrize(
    "message", ["他们呢？都在哪些领域合作？", "and them? in which fields do they cooperate?"]
)
def test_a_question_after_turning_to_them_is_what_is_asked(
    shipped: Retriever, message: str
) -> None:
    # After what the Forum is: the fields China and Latin America cooperate in.
    assert verdict(shipped, message, subject="china-celac-forum") == (
        Decision.ANSWER,
        "cooperation-fields",
    )


@pytest.mark.parametrize(
    ("subject", "detail"), [("article-summary", "¿fecha?"), ("article-title", "qual data?")]
)
def test_a_bare_date_after_a_question_about_the_article_is_the_articles(
    shipped: Retriever, subject: str, detail: str
) -> None:
    assert verdict(shipped, detail, subject=subject) == (Decision.ANSWER, "article-date")


@pytest.mark.parametrize("detail", ["dates?", "which year?", "fechas?", "em que ano?"])
def test_a_bare_detail_after_a_dated_answer_asks_the_subjects_date(
    shipped: Retriever, detail: str
) -> None:
    # "why was xi in peru this year" ... "dates?": the visit's dates, not the article's.
    assert verdict(shipped, detail, subject="xi-visit") == (Decision.ANSWER, "xi-visit")


@pytest.mark.parametrize("what_is_it", ["what is it exactly?", "¿qué es eso?", "它是干什么的？"])
@pytest.mark.parametrize(
    ("subject", "definition"),
    [("bgi-uruguay-lab", "bgi-genomics"), ("forum-anniversary", "china-celac-forum")],
)
def test_what_is_it_after_a_question_naming_something_is_what_that_is(
    shipped: Retriever, subject: str, definition: str, what_is_it: str
) -> None:
    # "What did BGI Genomics set up in Uruguay?" ... "what is it exactly?": BGI Genomics.
    assert verdict(shipped, what_is_it, subject=subject) == (Decision.ANSWER, definition)


def test_what_is_it_after_a_question_naming_only_common_names_stays_with_the_subject(
    shipped: Retriever,
) -> None:
    # "How many CELAC members ...?": CELAC is in most questions, not what "it" is.
    answer = shipped.answer("what is it?", subject="agri-mechanisms-19")

    assert answer.id != "what-is-celac"


@pytest.mark.parametrize("follow_up", ["what research will it do?", "que pesquisas vai fazer?"])
def test_it_asked_about_a_topic_the_subject_never_speaks_of_is_the_neighbour_that_does(
    shipped: Retriever, follow_up: str
) -> None:
    # Food security says nothing of research; the food center's research does.
    answer = shipped.answer(follow_up, subject="food-security")

    assert answer.decision is Decision.ANSWER
    assert answer.id != "food-security"
    assert "research" in answer.text.lower() or "pesquisa" in answer.text.lower()


@pytest.mark.parametrize("where", ["onde fica?", "¿dónde queda?"])
def test_where_is_it_in_portuguese_or_spanish_stays_with_the_subject(
    shipped: Retriever, where: str
) -> None:
    # "fica" ("is", of a place) is in one phrasing of BYD's complex: no reason to go there.
    answer = shipped.answer(where, subject="food-innovation-center")

    assert answer.id == "food-innovation-center"


def test_singlish_particles_and_space_cameras_are_understood(shipped: Retriever) -> None:
    question = "the china brazil space camera thing ah, how many they already make liao?"
    assert verdict(shipped, question) == (Decision.ANSWER, "cbers-satellite-count")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how many yrs has the forum existed", "forum-anniversary"),
        (
            "what fields has the cooperation produced results in over the last 10 yrs",
            "cooperation-fields",
        ),
    ],
)
def test_chat_abbreviations_are_the_words_they_stand_for(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_mfg_is_manufacturing(shipped: Retriever) -> None:
    # a reply to the EV markets: do any of them make the cars? BYD's plant in Brazil
    assert verdict(shipped, "local mfg in any of them?", subject="ev-countries", replying=True) == (
        Decision.ANSWER,
        "byd-brazil-complex",
    )


@pytest.mark.parametrize(
    "question",
    ["o xi veio a quais países?", "la alianza trajo empleos?", "a quem o cbers passa os dados?"],
)
def test_everyday_spanish_and_portuguese_verbs_are_words_the_article_uses(
    shipped: Retriever, question: str
) -> None:
    # veio (came), trajo (brought), passa (passes on): not unknown words against the question.
    assert shipped.explain(question).unknown_terms == ()


@pytest.mark.parametrize(
    "question",
    [
        "como a china tá ajudando o pessoal do campo no panamá?",
        "¿en qué ayudaban las inversiones chinas?",
    ],
)
def test_a_conjugated_verb_is_the_verb_the_article_uses(shipped: Retriever, question: str) -> None:
    # ajudando, ayudaban: forms no phrasing holds of verbs the phrasings use.
    assert shipped.explain(question).unknown_terms == ()


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("que material a BYD vai processar no Brasil?", "lithium-processing"),
        (
            "¿con qué país armó China una estación para explorar el espacio?",
            "argentina-space-station",
        ),
    ],
)
def test_an_infinitive_is_the_noun_the_article_uses(
    shipped: Retriever, question: str, entry: str
) -> None:
    # processar, explorar: the translations say "processamento", "exploración".
    assert shipped.explain(question).unknown_terms == ()
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("o que é o programa de observar a terra?", "cbers-program"),
        ("¿Cómo ayuda China a recuperar la economía?", "green-economy-global-south"),
    ],
)
def test_an_infinitive_a_synonym_uses_stays_a_verb(
    shipped: Retriever, question: str, entry: str
) -> None:
    # "observar a terra" is a synonym as it stands; "observação" would lose it.
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        # a noun ending as a verb does ("carrera" is no "carro"), a city word with 都
        "¿Cuál es la mejor carrera para trabajar con China?",
        "都市化对拉美有什么影响？",
    ],
)
def test_a_word_that_only_looks_conjugated_is_no_word_of_the_article(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "muchas gracias por la respuesta, ¿qué es la celac?",
        "qual é o nome daquela empresa chinesa no uruguai?",
        "howdy! what is that guy in uruguay supposed to do, generally?",
        # European Portuguese fillers
        "ora diga-me cá, ahn, essa cooperação é só entre governos?",
        "why exactly did xi go to peru?",
        # Spanish fillers of a dictated message, and asking leave to ask
        "este buenas tardes oiga quería preguntarle a qué vino xi al perú",
        # what would have to happen: the conditional asks, it names nothing
        "¿qué tendría que mejorar la región para que la economía digital genere oportunidades?",
        "o que teriam que melhorar para a economia digital?",
    ],
)
def test_thanks_for_the_reply_and_pointing_words_are_no_unknown_words(
    shipped: Retriever, question: str
) -> None:
    assert shipped.explain(question).unknown_terms == ()


@pytest.mark.parametrize(
    "question",
    [
        # "sea" is the sea in English, not the Spanish "o sea" (I mean)
        "what about the South China Sea?",
        # travelling by plane is not the air routes opened for e-commerce
        "¿Las vacunas llegaron por avión?",
        "As vacinas chegaram de avião?",
    ],
)
def test_a_filler_or_a_lay_word_elsewhere_is_no_topic_of_the_article(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


def test_money_china_put_in_is_its_investment_not_satellites_put_in_orbit(
    shipped: Retriever,
) -> None:
    # "puso" (put) is any putting: one phrasing's "puso satélites en órbita" must not pull.
    answer = shipped.answer("¿en qué nos ayudó el dinero que china puso en nuestros países?")

    assert answer.id == "investment-benefits"


@pytest.mark.parametrize(
    "question",
    ["which 2 countries got state visits?", "¿qué 2 países recibieron visitas de estado?"],
)
def test_a_number_in_digits_is_the_number_the_article_writes_in_words(
    shipped: Retriever, question: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, "state-visits")


def test_explain_like_i_m_five_is_no_question_about_a_five(shipped: Retriever) -> None:
    # "five satellites" is in one phrasing; the idiom must not answer with it.
    answer = shipped.answer("how does hydropower work? explain like im 5")

    assert answer.decision is Decision.DECLINE


@pytest.mark.parametrize(
    "question",
    [
        "What happened in Guangzhou?",
        "¿Cuántos chinos emigraron a Perú?",
        "A BYD demitiu trabalhadores na Bahia?",
        "¿quién firma el tratado?",
    ],
)
def test_a_topic_the_article_lacks_is_not_answered_by_a_neighbour(
    shipped: Retriever, question: str
) -> None:
    # emigrated, fired workers, a city, a treaty: never the state visits, the plant or the author
    assert shipped.answer(question).decision is not Decision.ANSWER


def test_ve_is_an_electric_vehicle(shipped: Retriever) -> None:
    assert verdict(shipped, "¿Qué países compran VE chinos?") == (Decision.ANSWER, "ev-countries")
    # only in capitals: the verb ("ve tú a saber", go figure) is none
    assert "electric" not in shipped.explain("ve tú a saber qué lanzó China para Bolivia").terms


def test_a_flagship_in_portuguese_is_the_article_s_highlight(shipped: Retriever) -> None:
    answer = shipped.answer("qual foi o carro-chefe da cooperação?")

    assert answer.decision is Decision.ANSWER
    assert answer.id in {"green-energy-overview", "fact-green-energy-highlight"}


@pytest.mark.parametrize("question", ["logistics", "o texto fala algo sobre logística?"])
def test_logistics_is_the_investments_not_the_vaccines_china_sent(
    shipped: Retriever, question: str
) -> None:
    # "envíos" (shipments) was a synonym of logistics, and Spanish stems "envió" (sent, as in
    # "¿Qué vacunas envió China?") the same way.
    assert verdict(shipped, question) == (Decision.ANSWER, "investment-benefits")


@pytest.mark.parametrize(
    "question", ["what is behind the name celac", "what's the UN agenda mentioned near the end?"]
)
def test_prepositions_are_no_unknown_words(shipped: Retriever, question: str) -> None:
    assert not {"behind", "near"} & set(shipped.explain(question).unknown_terms)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("my cousin keeps asking me: what's the china-celac forum for, in simple terms?", None),
        ("has beijing's cash helped their energy supply?", "investment-benefits"),
    ],
)
def test_words_about_the_asker_are_not_held_against_the_question(
    shipped: Retriever, question: str, entry: str | None
) -> None:
    answer = shipped.answer(question)

    assert answer.decision is Decision.ANSWER
    assert entry is None or answer.id == entry
    assert shipped.explain(question).unknown_terms == ()


@pytest.mark.parametrize(
    "question",
    [
        "what did byd build and when?",
        "what did byd build, and where?",
        "o que a byd construiu e em que ano?",
        "I read about the BYD plant in Brazil. In which year?",
    ],
)
def test_a_question_that_only_asks_a_detail_is_about_the_one_before(
    shipped: Retriever, question: str
) -> None:
    # "and when?" is when BYD built it, not the article's date as a second answer.
    answer = shipped.answer(question)

    assert (answer.decision, answer.id, answer.parts) == (
        Decision.ANSWER,
        "byd-brazil-complex",
        (),
    )


def test_a_second_question_opened_by_a_preposition_is_answered_too(shipped: Retriever) -> None:
    answer = shipped.answer(
        "quantos satelites o cbers fez e com quem a china fez a estação de espaço profundo?"
    )

    assert [part.id for part in answer.parts] == [
        "cbers-satellite-count",
        "argentina-space-station",
    ]


@pytest.mark.parametrize(
    ("follow_up", "entry"),
    [
        ("what will they make?", "byd-brazil-complex"),
        ("¿y qué van a fabricar ahí?", "byd-brazil-complex"),
        ("那里生产什么？", "byd-brazil-complex"),
        # a date is what the subject tells
        ("what year?", "byd-first-vehicle"),
    ],
)
def test_what_after_an_answer_that_tells_only_when_asks_of_the_thing_it_dates(
    shipped: Retriever, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject="byd-first-vehicle") == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "message",
    [
        "when does the first car come out? and what do they make there?",
        "¿qué hizo china con argentina en el espacio y qué lanzó para bolivia?",
        "What is CELAC? And when was the forum founded?",
    ],
)
def test_an_answer_without_a_subject_is_that_of_the_message_read_in_full(
    shipped: Retriever, message: str
) -> None:
    # Without a subject, the whole message is not read for a follow-up's candidates.
    assert shipped.answer(message) == shipped.read(message).answer


def test_when_and_then_what_in_one_message_are_two_questions(shipped: Retriever) -> None:
    answer = shipped.answer("when does the first car come out? and what do they make there?")

    assert [part.id for part in answer.parts] == ["byd-first-vehicle", "byd-brazil-complex"]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "Hello there, apologies if this is rather a silly question, but I keep seeing 'CELAC'"
            " in our catalogue records and I've never been quite sure. What does it actually"
            " stand for?",
            "what-is-celac",
        ),
        ("my teacher said CBERS in class today. what is it?", "cbers-program"),
    ],
)
def test_it_is_the_one_acronym_named_among_words_the_article_never_uses(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "My company BYD Brazil uses GPS trackers. What does it stand for?",
        "My BYD has an LED screen. What does it stand for?",  # "led by" is no topic
    ],
)
def test_an_acronym_the_article_never_names_is_what_it_is(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "subject"),
    [("which post does Xi hold?", None), ("in what capacity?", "xi-visit")],
)
def test_a_post_or_capacity_is_no_question_about_the_author(
    shipped: Retriever, question: str, subject: str | None
) -> None:
    assert shipped.answer(question, subject=subject).id != "article-author"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("这个十月份比亚迪能造出第一辆车吗", "byd-first-vehicle"),
        ("中阿探测站在哪里", "argentina-space-station"),
    ],
)
def test_chinese_months_and_stations_as_people_name_them(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_unrelated_but_announces_a_new_subject(shipped: Retriever) -> None:
    question = "ok unrelated but what does CELAC even stand for"

    assert verdict(shipped, question, subject="south-south-fund") == (
        Decision.ANSWER,
        "what-is-celac",
    )


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        # 咋 (how, what) asks
        (
            "我爸种了一辈子田，他问我那个新成立的粮食创新中心是搞啥的，还有跨境电商那些空运航线又是咋回事嘞",
            ["food-innovation-center", "air-routes-ecommerce"],
        ),
        # Wuhan's 么事 (what), a month in characters, 跑去 (went)
        (
            "这个论坛搞了几年了？习主席十一月跑去秘鲁是搞么事的？",
            ["forum-anniversary", "xi-visit"],
        ),
    ],
)
def test_colloquial_chinese_questions_are_each_answered(
    shipped: Retriever, question: str, entries: list[str]
) -> None:
    assert [part.id for part in shipped.answer(question).parts] == entries


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("miga os satelite q o brasil fez c a china servem pra q msm", "cbers-data-uses"),
        ("o que é a celaque", "what-is-celac"),  # CELAC as it is said
        ("q sinifica celac ase rato q lo escucho y nose", "what-is-celac"),  # hace rato
        (
            "painho perguntou se a china ta ajudando o povo da roça a vende as coisa pela"
            " internete, com qual pais foi isso",
            "digital-agriculture",
        ),
        ("que tecnologia del campo estan trayendo los chinos?", "livestock-technology"),
        # "atual" (current) was read as "atuam"
        ("qual a situação atual da byd no brasil?", "byd-brazil-complex"),
    ],
)
def test_family_words_and_bringing_are_no_topic(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_a_sibling_who_says_something_is_no_topic(shipped: Retriever) -> None:
    question = (
        "oye mi hermano trabaja en una universida y dice que ahora lo chino no trabajan na ma"
        " con el gobierno sino con universidade y empresa, eso e verda?"
    )

    answer = shipped.answer(question)

    assert answer.decision is not Decision.DECLINE
    assert "cooperation-levels" in {answer.id, *(s.id for s in answer.suggestions)}


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "what does the writer say the letters of that regional grouping's name stand for?",
            "celac-wording",
        ),
        (
            "Perhaps you could clarify, insofar as the author expresses a view, what the two"
            " sides are expected to prioritise in science and technology over the coming ten"
            " years?",
            "future-focus",
        ),
    ],
)
def test_the_writer_as_the_source_is_no_question_about_the_writer(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_the_askers_school_subject_is_no_topic(shipped: Retriever) -> None:
    assert verdict(shipped, "¿Qué dice el artículo sobre la geografía de Chile?") != (
        Decision.ANSWER,
        "chile-cooperation",
    )


def test_homework_words_are_no_topic_and_how_many_within_a_clause_asks(shipped: Retriever) -> None:
    answer = shipped.answer(
        "holaa 👋 tengo tarea de geografia y el profe dice q expliquemos los satelites cbers,"
        " cuantos hicieron y a q paises les pasan los datos?? porfa 🙏"
    )

    assert [part.id for part in answer.parts] == ["cbers-satellite-count", "cbers-data-sharing"]


def test_a_second_question_in_european_portuguese_is_answered_too(shipped: Retriever) -> None:
    answer = shipped.answer(
        "tenho duas dúvidas: com quantos membros da CELAC a China tem mecanismos bilaterais de"
        " cooperação agrícola, e que tipo de produtos passaram a ser transaccionados?"
    )

    assert [part.id for part in answer.parts] == ["agri-mechanisms-19", "agri-trade-products"]


def test_a_chinese_follow_up_leaving_its_subject_out_may_say_exactly(shipped: Retriever) -> None:
    # 具体 (exactly) is a light word: the message still names no topic of its own
    assert verdict(shipped, "请问此行具体是哪几天？", subject="xi-visit") == (
        Decision.ANSWER,
        "xi-visit",
    )


def test_a_first_chinese_question_leaving_its_subject_out_asks_of_the_words_before_it(
    shipped: Retriever,
) -> None:
    answer = shipped.answer(
        "同志你好。我退休前长期从事外事工作。习主席11月出访拉美，请问此行具体是哪几天，主要出席哪些会议？"
    )

    assert [part.id for part in answer.parts] == ["xi-visit", "xi-summits"]


def test_a_first_question_pointing_back_asks_of_the_words_before_it(shipped: Retriever) -> None:
    # "it": the special flights told of before, not the one fact that they were added
    answer = shipped.answer(
        "Dear sir, greetings from Dhaka. I am in garments export business and we are thinking"
        " to sell in Latin America by online also. I have heard there is some special flights"
        " for e-commerce parcels, is it true and why they increased it?"
    )

    assert (answer.decision, answer.id) == (Decision.ANSWER, "air-routes-ecommerce")


def test_a_later_question_leaving_its_subject_out_asks_of_what_the_one_before_answered(
    shipped: Retriever,
) -> None:
    # "qué investigaciones van a hacer?": they, the food center, not livestock technology
    answer = shipped.answer(
        "me interesa lo del centro de alimentos sostenibles... cuándo lo abrieron?"
        " y qué investigaciones van a hacer?"
    )

    assert "livestock-technology" not in {answer.id, *(part.id for part in answer.parts)}
    assert answer.id == "food-innovation-center"


def test_a_greeting_before_two_questions_is_no_question_of_its_own(shipped: Retriever) -> None:
    answer = shipped.answer(
        "eae mano blz? vi no jornal q o xi jinping veio pra ca. ele veio fazer oq no brasil e no"
        " peru? e qdo foi isso?"
    )

    assert [part.id for part in answer.parts] == ["state-visits", "xi-visit"]


def test_who_signs_the_piece_asks_its_author_and_what_it_will_be_for_asks_of_the_one_before(
    shipped: Retriever,
) -> None:
    answer = shipped.answer(
        "¿Qué empresa china montó un laboratorio clínico en Uruguay y para qué servirá?"
        " ¿Y quién firma la pieza, qué cargo tiene?"
    )

    assert [part.id for part in answer.parts][-2:] == ["bgi-uruguay-lab", "article-author"]


def test_a_second_spanish_question_written_with_its_accent_is_answered_too(
    shipped: Retriever,
) -> None:
    answer = shipped.answer("¿qué hizo china con argentina en el espacio y qué lanzó para bolivia?")

    assert [part.id for part in answer.parts] == ["argentina-space-station", "bolivia-satellite"]


def test_a_chinese_clause_that_sets_context_before_a_comma_does_not_blur_the_question(
    shipped: Retriever,
) -> None:
    # "I'm writing homework on China-Latin America relations, may I ask who the author is?"
    assert verdict(shipped, "我在写一篇关于中拉关系的作业，想问一下作者是谁？") == (
        Decision.ANSWER,
        "article-author",
    )


def test_a_bare_second_question_is_not_answered_with_a_stranger(shipped: Retriever) -> None:
    # "who is his wife" on its own is the article's author (who wrote it); after a question
    # about Xi it is about Xi, which the article does not answer.
    answer = shipped.answer("how old is xi jinping and who is his wife")

    assert "article-author" not in {answer.id, *(part.id for part in answer.parts)}


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("which countries got vaccines and how many doses?", None),
        ("how many?", "vaccine-countries"),
    ],
)
def test_how_many_of_something_the_article_does_not_count_says_so(
    shipped: Retriever, question: str, subject: str | None
) -> None:
    # Never "Six" (the CBERS satellites, the entry whose question is "How many ...?").
    answer = shipped.answer(question, subject=subject)

    assert (answer.decision, answer.id, answer.parts) == (
        Decision.ANSWER,
        "vaccine-countries",
        (),
    )
    assert answer.missing == "The article does not give that number."


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # the article's six CBERS satellites are not all of China's
        ("how many satellites does china have in total", "en"),
        ("¿cuántos satélites tiene China en total?", "es"),
    ],
)
def test_a_count_the_article_does_not_give_is_not_followed_by_one_it_does(
    shipped: Retriever, question: str, lang: str
) -> None:
    # "The article does not give that number. Six. ..." would contradict itself: the answer
    # keeps what the figure counts, without opening with it.
    answer = shipped.answer(question, lang_hint=lang)

    assert (answer.decision, answer.id) == (Decision.ANSWER, "cbers-satellite-count")
    assert answer.missing
    assert not answer.text.startswith(("Six", "Seis"))


@pytest.mark.parametrize(
    ("subject", "missing"),
    [
        ("food-innovation-center", "The article does not say who paid for it."),
        # The fund pays: its answer says what China does "through" it.
        ("south-south-fund", ""),
    ],
)
def test_who_paid_for_it_says_when_the_article_does_not_say(
    shipped: Retriever, subject: str, missing: str
) -> None:
    answer = shipped.answer("who paid for it?", subject=subject)

    assert (answer.decision, answer.id, answer.missing) == (Decision.ANSWER, subject, missing)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("my boss wants to know what BYD is building in brazil", "byd-brazil-complex"),
        (
            "my teacher asked me how many satellites china and brazil made lol",
            "cbers-satellite-count",
        ),
        (
            "sorry for the long message, what did china do for agriculture in latin america",
            "agriculture-overview",
        ),
        # "a friend said ..., is that true?", and "fazendo" (doing) is no topic of BYD's
        (
            "meu amigo falou q a china tá fazendo coisa de energia solar aqui no brasil, é vdd?",
            "green-projects-countries",
        ),
    ],
)
def test_who_asks_is_neither_a_detail_asked_nor_a_word_against_the_question(
    shipped: Retriever, question: str, entry: str
) -> None:
    # "my boss" asks for no person's name, "my teacher" makes "how many" count nothing new.
    answer = shipped.answer(question)

    assert (answer.decision, answer.id, answer.missing) == (Decision.ANSWER, entry, "")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "besides Venezuela, which country got a satellite launched with China's help?",
            "satellites-launched",
        ),
        ("aside from BYD, which companies does the article name?", "companies-mentioned"),
        # a common word set aside is part of the answer: the governments are listed too
        ("apart from governments, who else takes part?", "cooperation-levels"),
    ],
)
def test_a_name_set_aside_does_not_draw_the_answer_to_itself(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "what does the author single out as the star of the relationship?",
            "fact-green-energy-highlight",
        ),
        ("¿la estrella de la relación, según la nota?", "green-energy-overview"),
    ],
)
def test_what_stands_out_is_the_highlight(shipped: Retriever, question: str, entry: str) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "message", ["what is CELAC? what is it for?", "¿y qué es la CELAC? ¿para qué sirve?"]
)
def test_a_second_question_leaning_on_the_first_is_about_the_first_not_the_subject(
    shipped: Retriever, message: str
) -> None:
    assert verdict(shipped, message, subject="forum-anniversary", replying=True) == (
        Decision.ANSWER,
        "what-is-celac",
    )


def test_improved_in_portuguese_is_not_read_as_a_typo(shipped: Retriever) -> None:
    # "melhoraram" was corrected to the unrelated "melhorarem", and the question declined.
    assert verdict(shipped, "o que os investimentos da China melhoraram na região?") == (
        Decision.ANSWER,
        "investment-benefits",
    )


def test_is_he_wrong_asks_whether_the_claim_before_it_is(shipped: Retriever) -> None:
    # "Is he wrong?" alone was read as a question of its own, about CELAC's wrong wording
    message = (
        "My brother says all this china latin america business is just suits shaking hands and"
        " no work comes out of it for ordinary folk. Is he wrong?"
    )
    assert verdict(shipped, message) != (Decision.ANSWER, "celac-wording")


def test_an_intensifier_is_no_typo_of_a_place(shipped: Retriever) -> None:
    # "quite" was corrected to "quito" and read as Ecuador
    assert "ecuador" not in shipped.explain("is the lab quite big?").terms
    assert verdict(shipped, "I couldn't quite find who wrote it") == (
        Decision.ANSWER,
        "article-author",
    )


def test_the_articles_own_year_need_not_be_repeated_by_an_answer_that_dates_its_event() -> None:
    # "in 2024" of an article written in 2024 asks about the article's time: an answer that
    # dates its event ("in November") is of that time, one with no date may not be.
    entries = [
        entry | {"answer": "A complex of three manufacturing units, opened in November."}
        if entry["id"] == "byd-factory"
        else entry
        for entry in TINY_KB["entries"]
    ]
    dated_kb = TINY_KB | {"entries": entries}
    undated = Retriever(KnowledgeBase.model_validate(dated_kb), RetrievalSettings())
    dated = Retriever(
        KnowledgeBase.model_validate(dated_kb | {"source": TINY_KB["source"] | {"year": 2024}}),
        RetrievalSettings(),
    )

    assert verdict(dated, "what has byd built in brazil in 2024") == (
        Decision.ANSWER,
        "byd-factory",
    )
    assert verdict(dated, "what has byd built in brazil in 2016")[0] is Decision.DECLINE
    assert verdict(dated, "which satellites were launched in 2024?")[0] is Decision.DECLINE
    assert verdict(undated, "what has byd built in brazil in 2024")[0] is Decision.DECLINE


def test_an_item_with_an_entry_of_its_own_is_answered_by_it(shipped: Retriever) -> None:
    # covid-support names Mexico, Cuba, Guyana and Ecuador; Mexico has an entry of its own.
    assert verdict(shipped, "and the first?", subject="covid-support") == (
        Decision.ANSWER,
        "mexico-cooperation",
    )


def test_an_item_without_an_entry_of_its_own_is_that_list_again(shipped: Retriever) -> None:
    # Cuba's only answer gives the whole list again, so the list answers, never the entry
    # about BYD's first vehicle. (The tiny knowledge base has too few entries for "first" to
    # match anything.)
    for follow_up in ("the second one?", "第二个呢", "e o segundo?"):
        assert verdict(shipped, follow_up, subject="covid-support") == (
            Decision.ANSWER,
            "covid-support",
        )


@pytest.mark.parametrize(
    ("follow_up", "entry"),
    [
        ("the second one?", "health-overview"),  # aerospace, healthcare, agriculture, energy
        ("e a terceira?", "agriculture-overview"),
        ("第一个呢", "aerospace-overview"),
        ("and the last one?", "green-energy-overview"),
    ],
)
def test_an_item_of_an_overview_list_is_answered_by_its_entry(
    shipped: Retriever, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject="cooperation-fields") == (Decision.ANSWER, entry)


def test_a_single_digit_is_the_askers_count_not_a_name_the_article_lacks(
    shipped: Retriever,
) -> None:
    assert verdict(shipped, "what are the 2 focus areas for the next decade?") == (
        Decision.ANSWER,
        "future-focus",
    )
    # a number of two digits the article never gives is still one it lacks
    assert verdict(shipped, "what are the 12 focus areas for the next decade?")[0] is (
        Decision.DECLINE
    )


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("中國幫哪些國家發射了衛星？", "satellites-launched"),
        ("華大基因在烏拉圭做了什麼？", "bgi-uruguay-lab"),
    ],
)
def test_a_question_in_traditional_chinese_is_answered_in_chinese(
    shipped: Retriever, question: str, entry: str
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id, answer.lang) == (Decision.ANSWER, entry, "zh")


def test_the_other_one_after_one_of_two_is_the_other(shipped: Retriever) -> None:
    for follow_up in ("what about the other one?", "¿y el otro?", "e o outro?", "另一个呢？"):
        assert verdict(shipped, follow_up, subject="venezuela-satellites") == (
            Decision.ANSWER,
            "bolivia-satellite",
        )
    assert verdict(shipped, "and the other?", subject="bolivia-satellite") == (
        Decision.ANSWER,
        "venezuela-satellites",
    )


@pytest.mark.parametrize(
    ("follow_up", "subject", "entry"),
    [
        # "ones" is no word of a topic: the follow-up is bare
        ("which ones exactly?", "covid-support", "covid-support"),
        # "el campo" is farming
        ("y lo del campo?", "article-summary", "agriculture-overview"),
    ],
)
def test_a_few_word_follow_up_reads_the_subject(
    shipped: Retriever, follow_up: str, subject: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("follow_up", "subject"),
    [
        ("the other one?", "satellites-launched"),  # three efforts: no pair
        ("what about the other ones?", "venezuela-satellites"),  # the rest of a list
        ("the third one?", "satellites-launched"),  # its list is no list of short items
    ],
)
def test_no_pair_or_list_to_pick_from_is_that_answer_again(
    shipped: Retriever, follow_up: str, subject: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, subject)


def test_a_later_question_pointing_back_to_one_not_found_is_not_answered_alone(
    shipped: Retriever,
) -> None:
    # "who is that" alone is the article's author; here "that" is the group asked about.
    answer = shipped.answer(
        "so i get that science cooperation is good for china and latin america, but the "
        "article kinda says it helps a bigger group too? who is that"
    )

    assert answer.id != "article-author"


def test_whether_a_country_is_among_those_listed_is_answered_by_the_list(
    shipped: Retriever,
) -> None:
    # The article does not list the 19: the answer says so, though it never names Colombia.
    answer = shipped.answer(
        "cuáles son esos 19 países que tienen convenio del campo con china, está colombia ahí"
    )

    assert (answer.decision, answer.id) == (Decision.ANSWER, "agri-mechanisms-19")
    assert verdict(shipped, "e a argentina tá nessa lista?", subject="ev-countries") == (
        Decision.ANSWER,
        "ev-countries",
    )
    # asked after the question that gets the list, of that list
    answer = shipped.answer(
        "¿En qué países ya se venden autos eléctricos chinos? ¿Chile está en la lista?"
    )
    assert {answer.id, *(part.id for part in answer.parts)} == {"ev-countries"}


@pytest.mark.parametrize(
    ("subject", "question", "entry"),
    [
        # 但 (but) after a clause about the asker asks on its own
        (None, "我对航天很感兴趣，但拉共体到底是什么？", "what-is-celac"),
        # whether something is good for "us" is no buyer's question
        (None, "¿nos conviene a los latinoamericanos la inversión china?", "investment-benefits"),
        # genetics research is not the genetics company
        (None, "does the food center do livestock genetics research?", "food-innovation-center"),
        # "ficou de fora?" (left out?) asks of the list just given
        ("ev-countries", "e o Uruguai, ficou de fora?", "ev-countries"),
    ],
)
def test_new_words_keep_their_narrow_sense(
    shipped: Retriever, subject: str | None, question: str, entry: str
) -> None:
    assert verdict(shipped, question, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    "question", ["do you like my football club?", "is there an observatory in Chile?"]
)
def test_a_club_or_an_observatory_elsewhere_is_not_what_the_article_names(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).id not in {"china-celac-forum", "argentina-cooperation"}


@pytest.mark.parametrize(
    ("message", "lang"),
    [("o sea que Chile sí está, cierto?", "es"), ("ou seja, o Chile está também?", "pt")],
)
def test_saying_it_again_in_other_words_asks_nothing_of_its_own(
    shipped: Retriever, message: str, lang: str
) -> None:
    # "o sea", "ou seja" (that is): "sea" weighed as a rare word the article lacks; the
    # "o" left alone read as Portuguese
    answer = shipped.answer(message, subject="ev-countries", lang_hint=lang)

    assert (answer.decision, answer.id, answer.lang) == (
        Decision.ANSWER,
        "chile-cooperation",
        lang,
    )


def test_by_the_way_is_chat_but_what_happened_is_asked(shipped: Retriever) -> None:
    # "de paso" (by the way) is chat; "pasó" (happened), folded the same word, is not
    assert verdict(shipped, "y de paso que es eso del celac") == (Decision.ANSWER, "what-is-celac")
    assert "paso" in shipped.explain("y en salud que paso?").terms
    # nor is "way" a word the question asks with, after a thank-you and another subject
    message = "Thanks. What does CELAC stand for, by the way?"
    assert verdict(shipped, message) == (Decision.ANSWER, "what-is-celac")
    assert verdict(shipped, message, subject="investment-benefits") == (
        Decision.ANSWER,
        "what-is-celac",
    )


def test_a_short_unsure_question_about_something_the_article_lacks_is_declined_with_it(
    shipped: Retriever,
) -> None:
    # "is it any good" alone finds the farm trade's "goods"; "it" is NIO's battery swap
    answer = shipped.answer("what is NIO's battery swap thing and is it any good")

    assert answer.decision is Decision.DECLINE


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # "qué ganan" (what do they gain) asks the benefits; "ganan" was an unknown word
        ("y que ganan los paises de aca con el dinero que mete China", "investment-benefits"),
        ("o que ganham os países daqui com o dinheiro que a China investe?", "investment-benefits"),
        # "el dinero que mete China" (the money China puts in) is its investment; "mete" was
        # read as the typo "meet"
        (
            "Dice mi abuela que si el dinero que mete China aquí le ha dado trabajo a la gente"
            " o nomás beneficia a los de arriba",
            "investment-benefits",
        ),
    ],
)
def test_what_a_country_gains_asks_its_benefits(
    shipped: Retriever, question: str, entry_id: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry_id)


@pytest.mark.parametrize(
    "message",
    [
        # "how long does it take to come out?" alone got the article's date: "it" is the visa
        "Please how much is a visa to Brazil from Lagos and how long does it take to come out?",
        "what is a visa to Brazil? and when was it launched?",
    ],
)
def test_a_later_question_about_what_a_declined_question_asked_is_declined_with_it(
    shipped: Retriever, message: str
) -> None:
    assert shipped.answer(message).decision is Decision.DECLINE


@pytest.mark.parametrize(
    ("message", "entry_id"),
    [
        ("how much is a visa to Brazil? also what did BYD build there?", "byd-brazil-complex"),
        (
            "what time is it in Beijing? and when is BYD's factory in Brazil expected to make"
            " its first car?",
            "byd-first-vehicle",
        ),
        ("should I buy a BYD? and where is their factory in Brazil?", "byd-brazil-complex"),
    ],
)
def test_a_later_question_of_its_own_after_a_declined_one_is_answered(
    shipped: Retriever, message: str, entry_id: str
) -> None:
    assert verdict(shipped, message) == (Decision.ANSWER, entry_id)


def test_a_later_question_leaving_its_subject_out_after_a_suggestion_is_not_answered_alone(
    shipped: Retriever,
) -> None:
    # "Serve pra quem?" alone is "who is it", the article's author; here it asks whom the
    # system just described (CBERS, found or only suggested) serves.
    answer = shipped.answer(
        "Qual é a ideia daquele sistema sino-brasileiro que fotografa a Terra lá de cima? "
        "Serve pra quem?"
    )

    assert answer.id != "article-author"
    assert answer.decision is Decision.SUGGEST or answer.id in {
        "cbers-data-sharing",
        "cbers-data-uses",
        "cbers-program",
    }


@pytest.mark.parametrize(
    "question",
    [
        "这首歌讲了啥",  # what is this song about
        "中国的钱叫什么",  # what is China's money called
        "蒙得维的亚天气怎么样",  # the weather in Montevideo
    ],
)
def test_a_chinese_question_about_something_else_is_not_drawn_to_the_article(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is not Decision.ANSWER


def test_a_later_question_pointing_back_with_words_of_its_own_stands_alone(
    shipped: Retriever,
) -> None:
    # "it" is the article; "lithium" says what is asked.
    answer = shipped.answer("is this article from a newspaper? what does it say about lithium?")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "lithium-processing")


@pytest.mark.parametrize(
    ("subject", "message", "entry"),
    [
        # the question is bare; what it is about was said before it, in the same message
        (
            "cbers-data-uses",
            "So I was telling my class about the new food research hub China and Latin America"
            " just opened, and a kid asked what it's actually for. What do I tell him?",
            "food-innovation-center",
        ),
        (
            "digital-agriculture",
            "buenas! mi abuela vive en Montevideo y me contó que una empresa china abrió un"
            " laboratorio allá 🧪 ¿cuál fue y para qué sirve?",
            "bgi-uruguay-lab",
        ),
        # a claim to check, closed by "true or not?"
        (
            "cbers-data-uses",
            "朋友说中国帮委内瑞拉发射过遥感卫星，真的假的？",
            "venezuela-satellites",
        ),
        ("cbers-data-uses", "听说比亚迪在巴西建了工厂，真的假的？", "byd-brazil-complex"),
    ],
)
def test_a_message_that_names_its_own_subject_before_asking_keeps_it(
    shipped: Retriever, subject: str, message: str, entry: str
) -> None:
    assert verdict(shipped, message) == (Decision.ANSWER, entry)
    assert verdict(shipped, message, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        ("cooperation-levels", "who rote this artical and wat is there job?"),
        ("agriculture-overview", "quem escreveu isso?"),
        ("bgi-uruguay-lab", "¿y quién escribió esto?"),
        ("xi-visit", "这是谁写的"),
        # Cantonese and Sichuanese: "which one wrote it"
        ("byd-brazil-complex", "好。咁呢篇文係邊個寫㗎？"),
        ("covid-support", "这篇是哪个写的"),
    ],
)
def test_who_wrote_this_asks_for_the_author_whatever_the_subject(
    shipped: Retriever, subject: str, message: str
) -> None:
    assert verdict(shipped, message, subject=subject) == (Decision.ANSWER, "article-author")


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        # a detail the article lacks, asked of nothing it speaks of: no honest answer about
        # the subject, whose words the follow-up reading brings
        ("bolivia-satellite", "what price would a second hand tractor be in brazil these days"),
        ("jobs-livelihoods", "Is a heat pump worth it for an old stone cottage in Fife?"),
        ("agri-trade-products", "is it going to rain in Cardiff tomorrow"),
        ("future-focus", "is it safe to walk around rio at night or nah"),
        ("state-visits", "ó pá, o rio de janeiro é seguro para ir de férias ou nem por isso?"),
        ("apec-peru", "weather in lima this weekend?"),
    ],
)
def test_a_question_mostly_in_words_the_article_never_uses_is_not_about_the_subject(
    shipped: Retriever, subject: str, message: str
) -> None:
    assert verdict(shipped, message, subject=subject)[0] is Decision.DECLINE


@pytest.mark.parametrize(
    "message",
    [
        "has the chinese genetics company opened any lab in south america and for what purpose?",
        "Kindly tell whether the Chinese genetics company opened a lab over there, and what for?",
    ],
)
def test_a_later_question_asking_only_what_for_asks_it_of_the_one_before(
    shipped: Retriever, message: str
) -> None:
    # Alone, "for what purpose?" finds the purpose of Xi's visit.
    assert verdict(shipped, message) == (Decision.ANSWER, "bgi-uruguay-lab")


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        ("China set up a trust fund with Panama. For what purpose?", "south-south-fund"),
        ("China creó un fondo con Panamá. ¿Para qué?", "south-south-fund"),
        (
            "Has China built a space station in Argentina and for what purpose?",
            "argentina-space-station",
        ),
    ],
)
def test_what_for_asks_it_of_what_was_just_said(
    shipped: Retriever, message: str, entry: str
) -> None:
    answer = shipped.answer(message)

    assert (answer.decision, answer.id, answer.parts) == (Decision.ANSWER, entry, ())


@pytest.mark.parametrize(
    ("subject", "message"),
    [
        ("satellites-launched", "will it rain in brasilia tomorrow?"),
        ("apec-peru", "what time is it in lima right now"),
        ("byd-brazil-complex", "vai chover em salvador amanhã?"),
        ("byd-brazil-complex", "que horas são em brasília agora?"),
        ("xi-visit", "¿y cómo está el clima en lima?"),
        ("byd-brazil-complex", "那边现在几点了"),
        ("byd-brazil-complex", "巴西那边天气咋样"),
        # the weather in other words
        ("apec-peru", "is it hot there now?"),
        ("byd-brazil-complex", "e lá faz frio em novembro?"),
        ("apec-peru", "¿qué tal el tiempo en Lima?"),
        ("byd-brazil-complex", "那边热不热"),
    ],
)
def test_the_weather_or_the_time_there_is_not_asked_of_the_subject(
    shipped: Retriever, subject: str, message: str
) -> None:
    # Each names a place the subject speaks of, or points at it ("that side"), and asks
    # what no article gives.
    assert verdict(shipped, message, subject=subject)[0] is Decision.DECLINE


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        # where the asker lives, or that they did not know, is no subject of its own
        ("agri-mechanisms-19", "soy de México. ¿cuáles son?", "agri-mechanisms-19"),
        ("agri-mechanisms-19", "I'm from Chile. which ones?", "agri-mechanisms-19"),
        ("agri-mechanisms-19", "我是墨西哥人。都有哪些？", "agri-mechanisms-19"),
        ("xi-visit", "I'm from Brazil. when was it?", "xi-visit"),
        ("cbers-program", "não sabia! e quantos são?", "cbers-satellite-count"),
        ("cbers-program", "I didn't know that. how many?", "cbers-satellite-count"),
        ("cbers-program", "vivo en Chile. ¿para qué sirve?", "cbers-data-uses"),
    ],
)
def test_a_bare_question_after_a_remark_is_about_the_subject(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "reply", "entry"),
    [
        ("article-author", "E esse instituto pertence a quê?", "cass-institute"),
        ("digital-economy-overview", "what needs to improve for that?", "digital-economy-overview"),
    ],
)
def test_a_six_word_reply_with_that_is_about_the_answer_replied_to(
    shipped: Retriever, subject: str, reply: str, entry: str
) -> None:
    assert verdict(shipped, reply, subject=subject, replying=True) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        ("What does this article say overall?", "article-summary"),
        ("what is this bot for exactly?", "who-are-you"),
    ],
)
def test_a_six_word_message_with_this_stands_alone_when_it_is_no_reply(
    shipped: Retriever, message: str, entry: str
) -> None:
    assert verdict(shipped, message, subject="byd-brazil-complex")[1] == entry


@pytest.mark.parametrize(
    ("follow_up", "entry"),
    [
        # checks what was just said: the visit's year, not the article's date
        ("foi em 2024 né?", "xi-visit"),
        ("so it was in 2024, right?", "xi-visit"),
        # a claim about something the subject does not speak of stands alone
        ("BYD is Chinese, right?", "byd-company"),
    ],
)
def test_a_claim_about_what_was_just_said_is_about_the_subject(
    shipped: Retriever, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject="xi-visit") == (Decision.ANSWER, entry)


def test_a_claim_naming_one_of_the_articles_names_is_about_that_name(
    shipped: Retriever,
) -> None:
    follow_up = "Argentina tiene una estación, ¿verdad?"

    assert verdict(shipped, follow_up, subject="aerospace-overview") == (
        Decision.ANSWER,
        "argentina-space-station",
    )


def test_caribbean_english_points_back_to_the_subject(shipped: Retriever) -> None:
    # "dem" is "they"; "wat year" asks when, which the article does not give
    answer = shipped.answer("wat year dem go up", subject="venezuela-satellites")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "venezuela-satellites")
    assert "launch dates" in answer.text


def test_caribbean_english_plural_dem_points_nowhere(shipped: Retriever) -> None:
    # "di people dem": the people
    answer = shipped.answer("who di people dem who write dis?", subject="byd-brazil-complex")

    assert answer.id != "byd-brazil-complex"


def test_a_bare_question_beside_one_that_names_a_country_is_about_the_subject(
    shipped: Retriever,
) -> None:
    # "which are they? is Mexico one?" after the 19 farming partners: the article names none
    # of them, and Mexico's own cooperation is not what is asked.
    answer = shipped.answer("¿y cuáles son? ¿está México?", subject="agri-mechanisms-19")

    assert answer.id != "mexico-cooperation"


@pytest.mark.parametrize(
    "question",
    [
        "¿qué intereses tiene China en la región?",
        "¿qué le interesa a China de la región?",
        "what's the most interesting part of the article?",
    ],
)
def test_interests_are_not_chat(shipped: Retriever, question: str) -> None:
    # "me interesa" opens a question, but China's interests are a topic the article does not
    # give; read as chat, the rest ("China", "region") lands on any entry.
    assert shipped.answer(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        # whom the subject is for, which its answer says
        ("cbers-data-sharing", "only for brazil?", "cbers-data-sharing"),
        ("cbers-data-sharing", "只给巴西吗？", "cbers-data-sharing"),
        # the same, its verb said
        ("cbers-data-sharing", "is it only for brazil?", "cbers-data-sharing"),
        ("cbers-data-uses", "and is it only for brazil and china?", "cbers-data-uses"),
        ("cbers-data-sharing", "isso é só pro brasil?", "cbers-data-sharing"),
        ("cbers-data-sharing", "only brazil gets the data like?", "cbers-data-sharing"),
        # something the subject never speaks of, but a neighbour does
        ("cooperation-fields", "just between governments?", "cooperation-levels"),
        # something neither speaks of is a question of its own
        ("cbers-data-sharing", "only china helped with vaccines?", "covid-support"),
        ("covid-support", "除了比亚迪，还有哪些中国车企在巴西建厂？", "byd-company"),
        # what else the subject says, besides the part named
        ("covid-support", "除了疫苗还有什么?", "covid-support"),
        ("covid-support", "além das vacinas, o que mais?", "covid-support"),
        # which others the subject's data goes to, besides the region set aside: "it" and 还
        # (else) ask it of the subject
        ("cbers-data-uses", "which regions get it besides latin america?", "cbers-data-sharing"),
        ("cbers-program", "除了拉美，还给哪些地方提供数据？", "cbers-data-sharing"),
        # "aparte" is "besides", not a misspelt "aporte" (an investment)
        ("bgi-uruguay-lab", "¿y aparte de eso?", "bgi-uruguay-lab"),
        # the subject set aside as a whole: what else there is, beyond it
        (
            "xi-summits",
            "Además de las cumbres, ¿qué más hacía en esos países?",
            "state-visits",
        ),
        ("xi-summits", "apart from the summits, what else did he do?", "state-visits"),
        (
            "covid-support",
            "e fora a pandemia a china fez mais alguma coisa na saúde",
            "bgi-uruguay-lab",
        ),
        (
            "covid-support",
            "¿Y aparte de la pandemia hicieron algo más en salud?",
            "health-overview",
        ),
        # ... not one of the things it names ("Solar and hydro projects")
        (
            "green-projects-countries",
            "Besides solar, what else are they building there?",
            "green-projects-countries",
        ),
        # who "they" are: the company the lab belongs to
        ("bgi-uruguay-lab", "who are they", "bgi-genomics"),
        ("bgi-uruguay-lab", "what kind of company is that exactly?", "bgi-genomics"),
        ("bgi-uruguay-lab", "e quem é essa malta?", "bgi-genomics"),
        ("byd-first-vehicle", "¿qué empresa es esa?", "byd-company"),
    ],
)
def test_only_x_what_else_and_who_are_they_are_about_the_subject(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("fact", "entry"),
    [
        ("fact-air-routes", "air-routes-ecommerce"),
        ("fact-byd-lithium", "byd-brazil-complex"),
        ("fact-covid-mexico", "covid-support"),
    ],
)
@pytest.mark.parametrize("more", ["what else?", "还有呢？", "¿algo más?", "tell me more"])
def test_more_after_a_fact_is_the_entry_that_quotes_it(
    shipped: Retriever, fact: str, entry: str, more: str
) -> None:
    # A fact is one sentence of an entry's; it has no related entries of its own.
    assert verdict(shipped, more, subject=fact) == (Decision.ANSWER, entry)


def test_a_facts_related_entries_are_of_its_topic_and_its_words_first(shipped: Retriever) -> None:
    # "earlier this month": the food centre first, not the overview or the article's date
    assert shipped.related("fact-food-center-established")[0] == "food-innovation-center"


@pytest.mark.parametrize("follow_up", ["es solo curiosidad jaja", "es solo en español?"])
def test_only_followed_by_no_word_of_the_article_is_no_question_about_the_subject(
    shipped: Retriever, follow_up: str
) -> None:
    assert verdict(shipped, follow_up, subject="cbers-program")[0] is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "decision"),
    [
        # instructions for the asker, on a topic the article has
        ("新手怎么开跨境电商店铺", Decision.DECLINE),
        ("卫星锅怎么装？", Decision.DECLINE),
        ("電動車怎麼充電？", Decision.DECLINE),
        ("社科院的研究生好考吗，难度大不大", Decision.DECLINE),
        # what was done, not the asker's doing
        ("中国怎么帮巴西装卫星的", Decision.ANSWER),
        ("how do I track an air cargo parcel from china?", Decision.DECLINE),
        # how a thing works in general
        ("how do satellites stay in orbit?", Decision.DECLINE),
        ("how do the satellites china and brazil built together actually work", Decision.DECLINE),
        ("how do they make the satellites stay in orbit?", Decision.DECLINE),
        ("how do remote sensing satellites and ground stations work together?", Decision.DECLINE),
        ("How do China and Latin America work together on healthcare", Decision.ANSWER),
        # how a cooperation works, or people work together: what the article tells
        (
            "how does the cooperation between china and latin america in agriculture work",
            Decision.ANSWER,
        ),
        (
            "how do china and latin american universities and research institutions work together",
            Decision.ANSWER,
        ),
        # "fly" far from "how did": what was done, not how flying works
        (
            "how did china and latin america handle the growing need to fly online shopping"
            " parcels across borders",
            Decision.ANSWER,
        ),
        # a thing the article names: it says how the data is shared
        ("How can I get the CBERS satellite data?", Decision.ANSWER),
        # not the asker's doing: what was carried out (开展)
        ("中国和拉美如何开展航天合作？", Decision.ANSWER),
        # advice for the asker, even about a thing the article names
        ("tesla or byd better for a first car lol", Decision.DECLINE),
        ("¿vale la pena comprar un BYD?", Decision.DECLINE),
        ("is a byd a good first car for a student?", Decision.DECLINE),
        ("¿un BYD es buen auto?", Decision.DECLINE),
        ("¿Qué coche eléctrico me recomendáis comprar en España?", Decision.DECLINE),
        ("qué auto eléctrico me conviene más, byd o mg?", Decision.DECLINE),
        ("qual o melhor carro elétrico pra comprar?", Decision.DECLINE),
        # what the article recommends is no advice to a buyer
        ("¿qué recomienda el artículo para aprovechar la economía digital?", Decision.ANSWER),
        ("O que o artigo nos recomenda sobre a economia digital?", Decision.ANSWER),
        # whether a deal was good for a country is no advice to a buyer
        ("is chinese investment a good deal for latin america?", Decision.ANSWER),
        ("比亚迪和特斯拉买哪个好", Decision.DECLINE),
        ("quanto custa um byd dolphin no brasil?", Decision.DECLINE),  # a price to pay
        ("how much did the byd factory cost?", Decision.ANSWER),  # with its caveat
        ("how much will a new factory produce?", Decision.ANSWER),
        # what the asker needs to know is no advice
        ("necesito saber cuándo se fundó la CELAC", Decision.ANSWER),
        ("我需要知道比亚迪在巴西建了什么", Decision.ANSWER),
        ("我需要问一下比亚迪在巴西建了什么", Decision.ANSWER),
        ("去秘鲁旅游我需要打什么疫苗？", Decision.DECLINE),
        ("is cooperation in agriculture or energy better developed?", Decision.DECLINE),
        ("what does byd build in brazil?", Decision.ANSWER),
        # a visitor's questions, even about a place the article names
        ("do peruvians need a visa to visit china?", Decision.DECLINE),
        ("¿qué hacer en Lima un fin de semana?", Decision.DECLINE),
        ("dicas de viagem pro Brasil, o que comer?", Decision.DECLINE),
        ("墨西哥城治安怎么样", Decision.DECLINE),
        ("深空探测站可以去参观吗？门票多少", Decision.DECLINE),
        ("o que fazer para aproveitar a economia digital?", Decision.ANSWER),
        ("中拉合作能保障粮食安全吗？", Decision.ANSWER),
        # someone's private life, and the asker's own errands
        ("how old is xi jinping and who is his wife", Decision.DECLINE),
        ("在巴西买比亚迪要多少钱", Decision.DECLINE),
        ("cómo vendo por mercado libre a otros países", Decision.DECLINE),
        ("how much does the director at CASS make a year?", Decision.DECLINE),
        ("o xi jinping é casado? quem é a mulher dele", Decision.DECLINE),
        ("习近平生日是哪天？", Decision.DECLINE),
        ("锂电池能带上飞机吗", Decision.DECLINE),
        ("电动车电池能托运吗", Decision.DECLINE),
        # the forum's birthday, and freight the air routes carry, are the article's
        ("中拉论坛的十岁生日是哪一年", Decision.ANSWER),
        ("跨境电商航空专线主要托运什么货物", Decision.ANSWER),
        ("vuelos baratos de buenos aires a pekín?", Decision.DECLINE),
        ("is it cheaper to fly to lima or sao paulo from LA in december", Decision.DECLINE),
        ("¿es más barato volar a lima o a bogotá?", Decision.DECLINE),
        # a market's price of the day, even in a place the article names
        ("a cuanto esta el dolar hoy en caracas?", Decision.DECLINE),
        ("yuan to brazilian real exchange rate", Decision.DECLINE),
        ("巴西雷亚尔对人民币汇率是多少？", Decision.DECLINE),
        ("quanto tá o quilo do açaí lá na China né", Decision.DECLINE),
        ("how much per kg is lithium in china", Decision.DECLINE),
        ("锂多少钱一斤", Decision.DECLINE),
        # a kind of change, and a fund's value, are no prices of the day
        ("¿qué tipo de cambio trajo la inversión china a la región?", Decision.ANSWER),
        ("南南合作基金价值多少", Decision.ANSWER),
        ("巴西有什么好吃的，烤肉推荐哪家", Decision.DECLINE),
        # the weather or the time of day; not a climate for investment, nor how long it took
        ("whats the weather like in são paulo in july", Decision.DECLINE),
        ("成都明天会不会下雨嘛", Decision.DECLINE),
        ("¿cómo está el clima de inversión en la región?", Decision.ANSWER),
        ("how did china-latin america ties weather the pandemic?", Decision.ANSWER),
        # a word of weather in passing, or of something else, asks the article
        ("did China launch any weather satellites for Venezuela?", Decision.ANSWER),
        ("is the satellite data used for weather and water management?", Decision.ANSWER),
        ("os satélites CBERS servem para previsão do tempo?", Decision.ANSWER),
        ("como está o tempo de espera pelo primeiro carro da BYD?", Decision.ANSWER),
        ("今天天气不错，想问一下比亚迪在巴西建了什么？", Decision.ANSWER),
        ("中拉合作有几点了不起的成果？", Decision.ANSWER),
        ("weather here is awful lol what did BYD build in brazil", Decision.ANSWER),
        ("is it raining in lima?", Decision.DECLINE),
        # the cargo flights are the article's
        ("¿por qué abrieron más vuelos de carga entre China y Latam?", Decision.ANSWER),
        # the article's own: the cooperation's wages, the forum's age, China's purchases
        ("中拉合作提高了当地工人的工资吗？", Decision.ANSWER),
        ("Qual a idade do fórum China-CELAC?", Decision.ANSWER),
        ("中国从拉美买了多少钱的农产品？", Decision.ANSWER),
        ("which airlines fly the new cargo routes?", Decision.ANSWER),
        ("¿Qué hacer en materia de seguridad alimentaria?", Decision.ANSWER),
    ],
)
def test_advice_how_to_do_something_or_how_it_works_is_declined(
    shipped: Retriever, question: str, decision: Decision
) -> None:
    assert verdict(shipped, question)[0] is decision


@pytest.mark.parametrize("impact", ["impact?", "and the impact?", "efeitos?"])
def test_impact_in_one_word_is_what_the_subject_brings(shipped: Retriever, impact: str) -> None:
    # Alone, "impact" is the investment's; after the BGI lab, the lab's.
    assert verdict(shipped, impact, subject="bgi-uruguay-lab") == (
        Decision.ANSWER,
        "bgi-uruguay-lab",
    )


def test_a_short_question_about_what_the_subject_speaks_of_is_read_with_it(
    shipped: Retriever,
) -> None:
    # Alone, "data" is also Portuguese for "date": the article's publication date.
    assert verdict(shipped, "what's the data for?", subject="cbers-program")[1] != "article-date"
    # A name the subject mentions is a subject of its own.
    assert verdict(shipped, "tell me about chile", subject="green-energy-overview") == (
        Decision.ANSWER,
        "chile-cooperation",
    )


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("CELAC 呢個 platform 係用嚟做咩㗎?", "china-celac-forum"),  # Hong Kong Cantonese
        ("數位經濟", "digital-economy-overview"),  # Taiwan's word for digital
        # names typed in pinyin among characters
        ("比亚迪在baxi的gongchang有几个部分", "byd-brazil-complex"),
        ("zhongguo 帮 weineiruila 发射了什么 weixing", "venezuela-satellites"),
        ("wulagui 的实验室是干啥的", "bgi-uruguay-lab"),
    ],
)
def test_chinese_as_hong_kong_and_taiwan_write_it_is_understood(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_a_later_chinese_part_leaving_its_subject_out_is_about_the_one_before(
    shipped: Retriever,
) -> None:
    # "啥时候建成的" (when was it built) leaves "it" out, as Chinese does: the station.
    answer = shipped.answer("中阿联合深空站建在阿根廷哪儿？啥时候建成的")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "argentina-space-station")


@pytest.mark.parametrize(
    "question",
    [
        "Según el texto, ¿cómo puede el Sur Global ayudar a reactivar la economía mundial?",
        "como é que o Sul Global pode dar um empurrão na retoma da economia mundial?",
    ],
)
def test_restarting_the_economy_is_its_recovery(shipped: Retriever, question: str) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, "green-economy-global-south")


def test_leaving_out_an_entry_that_only_tells_when_keeps_its_unrelated_rival(
    shipped: Retriever,
) -> None:
    # Without the first vehicle's date, electric-vehicle markets would lead unchallenged.
    question = (
        "a empresa chinesa de carro que tá montando fábrica aqui no brasil vai fazer o que"
        " tipo carro de tomada"
    )

    assert shipped.answer(question).id != "ev-countries"


def test_who_in_chinese_is_no_unknown_word(shipped: Retriever) -> None:
    # "数据都给谁用了" (who is the data given to): 给谁 and 谁用 are edges of 谁, a known word
    assert shipped.explain("中巴合作的那个遥感卫星项目，数据都给谁用了？").unknown_terms == ()


def test_dat_is_that_not_a_misspelt_date(shipped: Retriever) -> None:
    # Caribbean English: "what did China do with that?"
    assert shipped.answer("wha china do wid dat").id != "article-date"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # what the plant makes, not when its first vehicle is due
        (
            "¿Qué tipo de coches va a fabricar la marca china en su planta de Brasil?",
            "byd-brazil-complex",
        ),
        (
            "q va a fabricar la fabrica d byd en brasil, solo carros electricos?",
            "byd-brazil-complex",
        ),
        ("when will the first car come out of the BYD plant?", "byd-first-vehicle"),
        ("BYD巴西工厂啥时候出第一辆车？", "byd-first-vehicle"),
        # what the satellites are for, not how many were built
        ("¿para qué sirven los satélites que armaron juntos China y Brasil?", "cbers-program"),
        ("how many satellites did china and brazil build together?", "cbers-satellite-count"),
        # "que" that is "that" asks nothing: the first car, made in Brazil
        ("¿ya salió el primer auto que fabricó BYD en Brasil?", "byd-first-vehicle"),
    ],
)
def test_a_question_for_a_thing_or_a_purpose_is_not_answered_with_when_or_how_many(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_a_later_part_asking_which_other_countries_is_about_the_one_before(
    shipped: Retriever,
) -> None:
    # the other countries the EVs reached, not every country the article names
    answer = shipped.answer(
        "¿los autos eléctricos chinos ya llegaron a Chile? ¿y a qué otros países?"
    )

    assert (answer.decision, answer.id, answer.parts) == (Decision.ANSWER, "ev-countries", ())


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a wrong country or number: the answer corrects it
        ("my friend says BYD built a factory in Mexico, right?", "byd-brazil-complex"),
        ("听说比亚迪在墨西哥建了工厂，对吗？", "byd-brazil-complex"),
        (
            "someone told me china has farm deals with 21 celac countries, correct?",
            "agri-mechanisms-19",
        ),
        ("is it true China has farm deals with 21 CELAC countries?", "agri-mechanisms-19"),
        # a number against one the article writes in words ("six satellites")
        (
            "Kindly confirm whether the China-Brazil earth resources satellite programme has"
            " developed 8 satellites.",
            "cbers-satellite-count",
        ),
        # a wrong year, after a greeting, in a claim tag of its own
        (
            "E aí, beleza? vi que a fábrica da BYD vai soltar o primeiro carro no fim de 2026,"
            " é isso mesmo?",
            "byd-first-vehicle",
        ),
    ],
)
def test_a_claim_to_check_is_answered_with_what_the_article_says(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "lang", "entry", "caveat"),
    [
        # a yes/no question states what it asks about: another country or year is corrected
        (
            "did BYD build a complex in Mexico?",
            None,
            "byd-brazil-complex",
            "The article does not say that; here is what it says:",
        ),
        (
            "¿China ayudó a lanzar el primer satélite de comunicación de Colombia?",
            "es",
            "bolivia-satellite",
            "El artículo no dice eso; esto es lo que dice:",
        ),
        (
            "a BGI abriu um laboratório no Chile?",
            "pt",
            "bgi-uruguay-lab",
            "O artigo não diz isso; eis o que ele diz:",
        ),
        ("比亚迪在墨西哥建了工厂吗？", "zh", "byd-brazil-complex", "文章没有这么说。文章说的是："),
        (
            "did the BYD plant make its first car in 2026?",
            None,
            "byd-first-vehicle",
            "The article does not say that; here is what it says:",
        ),
        # one the article bears out needs no correction
        ("did BYD build a complex in Brazil?", None, "byd-brazil-complex", ""),
        # an answer that opens with a yes confirms none of the question's
        (
            "does BYD process lithium in Mexico?",
            None,
            "lithium-processing",
            "The article does not say that; here is what it says:",
        ),
        # a number the article never gives is what to check, not the topic: "six"
        ("does CBERS have 8 satellites?", None, "cbers-satellite-count", ""),
        ("CBERS has 8 satellites, right?", None, "cbers-satellite-count", ""),
        # a count of what the answer counts: six satellites
        (
            "does CBERS have 10 satellites?",
            None,
            "cbers-satellite-count",
            "The article does not say that; here is what it says:",
        ),
        # the answer names a country the question names too: nothing to correct
        ("byd built its plant in brazil, not mexico, right?", None, "byd-brazil-complex", ""),
        ("is the deep space station in argentina or chile?", None, "argentina-space-station", ""),
        ("sou do chile, a byd construiu fabrica no brasil?", "pt", "byd-brazil-complex", ""),
        # a detail the article lacks says it better than a correction
        (
            "did xi meet the president of chile?",
            None,
            "xi-summits",
            "The article does not say whom he met.",
        ),
    ],
)
def test_a_yes_no_question_naming_the_wrong_thing_is_told_what_the_article_says(
    shipped: Retriever, question: str, lang: str | None, entry: str, caveat: str
) -> None:
    answer = shipped.answer(question, lang_hint=lang)

    assert (answer.decision, answer.id, answer.missing) == (Decision.ANSWER, entry, caveat)
    assert not caveat or not yes_no_opener(answer.text)


@pytest.mark.parametrize(
    "question",
    [
        "did China give vaccines to Argentina?",
        "¿China le dio vacunas a Argentina?",
        "a China mandou vacinas para a Argentina?",
    ],
)
def test_a_country_asked_of_a_topic_it_has_no_part_in_is_corrected_by_that_topic(
    shipped: Retriever, question: str
) -> None:
    # Argentina's entry (space, green energy) names no vaccines; the vaccines' names other
    # countries, which answers the question, or is offered first.
    answer = shipped.answer(question)

    if answer.decision is Decision.SUGGEST:
        assert answer.suggestions[0].id in {"vaccine-countries", "covid-support"}
    else:
        assert answer.decision is Decision.ANSWER
        assert answer.id in {"vaccine-countries", "covid-support"}
        assert answer.lacks == (Detail.CLAIM,)


@pytest.mark.parametrize(
    ("question", "confirmed"),
    [
        # the article never says copper: no bare "Yes." about the lithium it does say
        ("is BYD processing copper?", False),
        ("is BYD processing lithium?", True),
    ],
)
def test_yes_confirms_only_what_the_article_says(
    shipped: Retriever, question: str, *, confirmed: bool
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id) == (Decision.ANSWER, "lithium-processing")
    assert bool(yes_no_opener(answer.text)) is confirmed


@pytest.mark.parametrize(
    "question",
    [
        # nothing of the article answers it with another country
        "did China build a railway in Colombia?",
        "is there a new hospital in Peru built by China?",
        # a count is corrected only where someone claims it: "10 years" is no count of the
        # article's
        "have chinese EVs been sold in chile for 10 years?",
        "did china send 10 million vaccines to cuba?",
        # an answer that only names some country is held to the usual bar
        "a china construiu um porto no peru?",
    ],
)
def test_a_yes_no_question_the_article_cannot_correct_is_declined(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


@pytest.mark.parametrize(
    "question",
    [
        # not a claim to check: "the article does not say" is the honest answer
        "what did BYD build in Mexico?",
        # a question next to a claim is no claim
        "What did BYD build in Mexico? It's Chinese, right?",
        # a year up to the article's is never corrected ("In 2014: ..." would read as a yes):
        # it may be another event the article does not tell of
        "is it true that BYD was founded in 2014?",
        "听说比亚迪是2014年成立的，对吗？",
        "i heard that xi visited brazil in 2019, is that right?",
        # the answer must name another country in its place
        "is it true that China opened a food center in Peru?",
    ],
)
def test_a_wrong_detail_is_not_answered_as_if_it_were_right(
    shipped: Retriever, question: str
) -> None:
    answer = shipped.answer(question)

    assert answer.decision is not Decision.ANSWER or answer.id not in (
        "byd-brazil-complex",
        "forum-anniversary",
        "food-innovation-center",
        "xi-visit",
        "state-visits",
    )


def test_a_short_question_nearly_matching_an_entry_related_to_the_subject_gets_that_entry(
    shipped: Retriever,
) -> None:
    # Alone, "which trade did it expand?" is not sure enough to answer; after farming it is
    # the farm trade, and "which 19?" the 19 mechanisms, not the farming overview again
    # (alone too: the article counts 19 of nothing else).
    trade, which = "具体扩大了哪些贸易?", "是哪19个？"
    assert verdict(shipped, trade)[0] is not Decision.ANSWER
    assert verdict(shipped, which) == (Decision.ANSWER, "agri-mechanisms-19")

    assert verdict(shipped, trade, subject="agriculture-overview") == (
        Decision.ANSWER,
        "agri-trade-products",
    )
    assert verdict(shipped, which, subject="agriculture-overview") == (
        Decision.ANSWER,
        "agri-mechanisms-19",
    )


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        # declined alone as beyond the article: how something works
        ("cómo funciona una represa hidroeléctrica", "argentina-cooperation"),
        # declined alone for what it names: the G20's founding, not the Forum's anniversary
        ("G20是哪年成立的", "xi-visit"),
    ],
)
def test_a_question_declined_alone_for_a_reason_stays_declined_after_a_related_subject(
    shipped: Retriever, question: str, subject: str
) -> None:
    assert verdict(shipped, question, subject=subject) == (Decision.DECLINE, None)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("qual setor virou o carro-chefe da parceria china-celac?", "green-energy-overview"),
        (
            "o comércio agrícola entre os dois lados deixou de ser só de produtos típicos e"
            " passou a incluir o quê?",
            "agri-trade-products",
        ),
    ],
)
def test_a_verb_form_the_article_never_uses_is_no_unknown_topic(
    shipped: Retriever, question: str, entry: str
) -> None:
    # "virou", "deixou": what happened to the topic, not another topic
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "mi hijo estudia ingeniería en Monterrey y quisiera saber qué hace BYD en Brasil",
            "byd-brazil-complex",
        ),
        (
            "Bom dia! Aqui é da cooperativa de açaí lá do Pará 🌴🫐 a gente quer saber se esse"
            " centro novo de alimentos sustentáveis vai ter troca e treinamento de técnicos?",
            "food-innovation-center",
        ),
    ],
)
def test_who_the_asker_is_does_not_weigh_on_the_question_that_follows(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_everyday_words_around_a_longer_question_leave_its_topic_to_decide(
    shipped: Retriever,
) -> None:
    # "stuck", "home", "virus" and "send over" are not the article's words, and no topic either
    question = (
        "what did beijing send over to help places like mexico and ecuador back when everyone"
        " was stuck at home because of the virus"
    )
    assert verdict(shipped, question) == (Decision.ANSWER, "covid-support")


@pytest.mark.parametrize(
    "question",
    [
        "¿cuál es la capital de Bolivia?",
        "qual é a capital da Bolívia?",
        # in a longer question, the words right after the asking word are what it asks
        "which chinese movies are popular in latin america these days, my students keep talking"
        " about them",
        "¿cuál es la ciudad más grande de América Latina y cuánta gente vive ahí hoy?",
    ],
)
def test_an_everyday_word_in_a_short_question_is_still_its_topic(
    shipped: Retriever, question: str
) -> None:
    # "capital" is an everyday word, but it is what is asked: the article has no capitals
    assert verdict(shipped, question) == (Decision.DECLINE, None)


@pytest.mark.parametrize("subject", ["ev-countries", "forum-anniversary"])
def test_everyday_words_of_a_follow_up_count_in_full_beside_the_subject(
    shipped: Retriever, subject: str
) -> None:
    # Read with the subject's question, the homework would be that question's topic
    assert (
        verdict(shipped, "can u help me with my spanish homework its due tmrw", subject=subject)[0]
        is not Decision.ANSWER
    )


@pytest.mark.parametrize(
    "question",
    [
        # names that end as verbs do, typed as names
        "¿Qué dijo Fernando sobre la cooperación espacial con China?",
        "A fábrica da BYD fica em Cuiabá ou em outro estado?",
    ],
)
def test_a_name_ending_as_a_verb_does_is_still_a_topic_the_article_lacks(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


@pytest.mark.parametrize(
    ("subject", "follow_up"),
    [
        ("xi-visit", "几号到几号"),  # from which day to which
        ("byd-first-vehicle", "什么时候出来的"),  # when did it come out
        ("byd-first-vehicle", "哪天出来的"),
    ],
)
def test_a_chinese_follow_up_asking_only_when_it_happened_is_about_the_subject(
    shipped: Retriever, subject: str, follow_up: str
) -> None:
    # "几号" asks a date and "出来" (come out) is an everyday verb: neither names a topic
    # that would take the question away from what was just talked about.
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, subject)


@pytest.mark.parametrize("follow_up", ["都建了啥", "都建了些什么？"])
def test_a_chinese_follow_up_opening_with_all_is_about_the_subject(
    shipped: Retriever, follow_up: str
) -> None:
    # "都" (all) glued to the verb made an unknown word of it ("都建").
    assert verdict(shipped, follow_up, subject="green-projects-countries") == (
        Decision.ANSWER,
        "green-projects-countries",
    )


def test_an_everyday_chinese_verb_alone_is_no_topic(shipped: Retriever) -> None:
    # "which day did it come out?" with nothing before it: no entry is about coming out.
    assert shipped.answer("哪天出来的").decision is not Decision.ANSWER


def test_a_chinese_yes_no_question_after_another_is_answered_too(shipped: Retriever) -> None:
    # "有没有加工锂" (does it process lithium?) asks with no question mark and no question word.
    answer = shipped.answer("比亚迪在巴西建了什么？有没有加工锂")

    assert [part.id for part in answer.parts] == ["byd-brazil-complex", "lithium-processing"]


@pytest.mark.parametrize(
    "question",
    ["why?", "how many?", "¿por qué?", "为什么", "why exactly?", "¿cuántos exactamente?"],
)
def test_a_bare_question_word_with_nothing_before_it_is_not_answered(
    shipped: Retriever, question: str
) -> None:
    # It once got the CBERS data's uses, whose phrasings hold a "why" too.
    assert shipped.answer(question).decision is not Decision.ANSWER


def test_a_bare_question_word_after_a_subject_is_about_the_subject(shipped: Retriever) -> None:
    assert verdict(shipped, "why?", subject="green-economy-global-south") == (
        Decision.ANSWER,
        "green-economy-global-south",
    )


def test_the_summits_of_a_dated_trip_need_not_repeat_its_year(shipped: Retriever) -> None:
    # The summits entry gives no date, but its event is Xi's Nov 13 to 21 visit.
    question = (
        "Onde aconteceram a reunião da APEC e a cúpula do G20 das quais Xi participou em 2024?"
    )
    assert verdict(shipped, question) == (Decision.ANSWER, "xi-summits")


def test_in_what_capacity_asks_for_a_role_not_a_size(shipped: Retriever) -> None:
    answer = shipped.answer(
        "In what capacity, and at which establishment, is the writer of this piece employed?"
    )

    assert (answer.decision, answer.id) == (Decision.ANSWER, "article-author")
    assert "size" not in f"{answer.missing} {answer.text}"


def test_a_dictated_message_is_read_past_its_spoken_lead_in(shipped: Retriever) -> None:
    answer = shipped.answer(
        "então querido eu queria saber duas coisas né o que é esse centro de comida"
        " sustentável e quando ele foi criado tipo"
    )

    # Both ask about the centre: "when was it created" leans on the question before it.
    assert (answer.decision, answer.id) == (Decision.ANSWER, "food-innovation-center")
    assert {part.id for part in answer.parts} <= {"food-innovation-center"}


def test_where_the_asker_saw_the_news_is_no_topic(shipped: Retriever) -> None:
    question = (
        "oi meu filho então eu vi na televisão que o presidente chinês veio aqui no brasil"
        " tipo pra uma reunião grande né qual era o nome da reunião"
    )
    answer = shipped.answer(question)

    assert answer.decision is Decision.ANSWER
    assert answer.id in {"xi-visit", "xi-summits", "g20-brazil"}


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("is it in brazil?", "bgi-uruguay-lab"),
        ("是在巴西吗？", "bgi-uruguay-lab"),
        ("é no México, né?", "byd-brazil-complex"),
        ("so it's in brazil?", "byd-brazil-complex"),
    ],
)
def test_asking_if_the_subject_is_in_a_country_gets_where_it_is(
    shipped: Retriever, question: str, subject: str
) -> None:
    # The subject's answer says where: yes, or the right country (BGI's lab is in Uruguay).
    answer = shipped.answer(question, subject=subject)

    assert (answer.decision, answer.id) == (Decision.ANSWER, subject)
    assert answer.context


def test_asking_in_a_country_after_a_subject_that_says_no_place_is_no_place_check(
    shipped: Retriever,
) -> None:
    # "e no México?" (and in Mexico?) asks about Mexico, not whether the complex is there.
    assert verdict(shipped, "e no méxico?", subject="byd-brazil-complex") != (
        Decision.ANSWER,
        "byd-brazil-complex",
    )


def test_a_name_said_by_its_acronym_is_one_every_answer_must_speak_of(shipped: Retriever) -> None:
    # "华大基因" is BGI Genomics: the green projects China builds in the region are no answer.
    answer = shipped.answer("华大基因在拉美建了什么？")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "bgi-uruguay-lab")


@pytest.mark.parametrize(
    ("question", "lang"),
    [("sob quais condições?", "pt"), ("需要什么条件？", "zh"), ("what are the conditions?", "en")],
)
def test_asking_the_conditions_after_the_digital_economy_is_about_it(
    shipped: Retriever, question: str, lang: str
) -> None:
    # the article names what the digital economy needs, as conditions
    answer = shipped.answer(question, lang_hint=lang, subject="digital-economy-overview")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "digital-economy-overview")


@pytest.mark.parametrize(
    "question",
    ["quais as condições do tempo no brasil?", "what are the weather conditions in peru?"],
)
def test_conditions_of_something_else_are_declined(shipped: Retriever, question: str) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


@pytest.mark.parametrize(
    ("question", "lang"),
    [("what's it about?", "en"), ("so what is this all about", "en"), ("讲的是什么？", "zh")],
)
def test_what_it_is_about_before_anything_was_said_asks_the_articles_gist(
    shipped: Retriever, question: str, lang: str
) -> None:
    answer = shipped.answer(question, lang_hint=lang)

    assert (answer.decision, answer.id, answer.lang) == (Decision.ANSWER, "article-summary", lang)


def test_what_it_is_about_after_an_answer_is_about_that_answer(shipped: Retriever) -> None:
    assert verdict(shipped, "what's it about?", subject="cbers-program") == (
        Decision.ANSWER,
        "cbers-program",
    )


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        (
            "someone dropped this link in our group chat with zero context and i'm not reading"
            " all that rn. what's it basically about?",
            "en",
        ),
        # "sent" found COVID-19 support (China sent vaccines)
        ("my boss sent me this article, too long. what's it about?", "en"),
        ("someone dropped this link on our group chat, what's it about?", "en"),
        ("朋友发了这个链接给我，我没时间看。讲的是什么？", "zh"),
    ],
)
def test_what_a_shared_text_is_about_asks_the_articles_gist_whatever_came_before(
    shipped: Retriever, question: str, lang: str
) -> None:
    for subject in (None, "cbers-program"):
        answer = shipped.answer(question, subject=subject)

        assert (answer.decision, answer.id, answer.lang) == (
            Decision.ANSWER,
            "article-summary",
            lang,
        )


@pytest.mark.parametrize(
    "question",
    [
        "my friend sent me a visa form. what's it about?",
        "how much is a visa? and what's it about?",
        # a text about something else: "it" is that something
        "I read a post about football. what's it about?",
        "我看了一个关于足球的帖子，讲的是什么？",
    ],
)
def test_what_something_else_is_about_is_declined(shipped: Retriever, question: str) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


def test_what_a_text_says_is_about_what_it_says(shipped: Retriever) -> None:
    # "that" is what the article was just said to say, not the article
    question = "the article says Xi visited Peru. what's that about?"

    assert verdict(shipped, question)[1] != "article-summary"
    assert verdict(shipped, question, subject="cbers-program")[1] != "article-summary"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "Good evening! My cousin works in logistics at the airport and he mentioned more"
            " cargo flights to Latin America for online shopping 😅 Is that related to"
            " China-Latin America cooperation?",
            "air-routes-ecommerce",
        ),
        (
            "meu tio falou que tem mais voo de carga pra américa latina. isso tem a ver com a"
            " china?",
            "air-routes-ecommerce",
        ),
        ("BYD opened a plant in Brazil. is that part of the cooperation?", "byd-brazil-complex"),
        (
            "mi primo dice que hay más vuelos de carga a Sudamérica, ¿eso tiene que ver con China?",
            "air-routes-ecommerce",
        ),
        # what was told, and the topic named, are one entry's
        (
            "rapaz, meu cunhado trabalha com frete aéreo e disse que tão abrindo mais voo de carga"
            " entre a China e a América Latina... isso tem a ver com as compras pela internet é?",
            "air-routes-ecommerce",
        ),
        # a topic of its own, after words that tell nothing of it
        ("Interesting. Is that related to the Global South?", "global-south"),
        ("Li uma notícia ontem. Isso tem a ver com o CBERS?", "cbers-program"),
        ("Mexico is a big country. Is it part of CELAC?", "celac-wording"),
        # CELAC and the forum are the article's subject too
        (
            "there are more cargo flights now. Is that related to China-CELAC cooperation?",
            "air-routes-ecommerce",
        ),
        (
            "BYD makes cars in Brazil. Is that related to the China-CELAC Forum?",
            "byd-brazil-complex",
        ),
        ("中拉之间多了货运航线。这跟中拉合作有关吧", "air-routes-ecommerce"),
    ],
)
def test_asking_whether_what_was_told_is_related_asks_of_what_was_told(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_asking_whether_something_else_is_related_is_declined(shipped: Retriever) -> None:
    question = "my cousin sells empanadas in Lima. is that related to China-Latin America?"

    assert shipped.answer(question).decision is Decision.DECLINE


def test_what_that_is_about_after_naming_something_is_about_that(shipped: Retriever) -> None:
    question = "I heard China built a station in Argentina, what's that about?"

    assert verdict(shipped, question) == (Decision.ANSWER, "argentina-space-station")


def test_which_countries_according_to_the_article_asks_the_articles_countries(
    shipped: Retriever,
) -> None:
    # alone, the tag says what is asked about
    assert verdict(shipped, "which countries, according to the article?") == (
        Decision.ANSWER,
        "countries-mentioned",
    )


@pytest.mark.parametrize(
    "question",
    ["¿Y con qué objetivo, según el autor?", "and what for, according to the writer?"],
)
def test_a_follow_up_closing_with_according_to_the_writer_keeps_its_subject(
    shipped: Retriever, question: str
) -> None:
    # every answer is the writer's: the tag is no question about the author
    decision, entry = verdict(shipped, question, subject="digital-agriculture")

    assert decision is Decision.ANSWER
    assert entry not in ("article-author", "fact-author-position")


@pytest.mark.parametrize(
    "question", ["how will it help people there?", "e como isso ajuda as pessoas?"]
)
def test_how_it_helps_people_is_what_the_subject_brings(shipped: Retriever, question: str) -> None:
    # After what BGI is: what its lab in Uruguay is for.
    assert verdict(shipped, question, subject="bgi-genomics") == (
        Decision.ANSWER,
        "bgi-uruguay-lab",
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "segundo o autor" is "according to the author", not a topic of its own
        (
            "Segundo o autor, como o desenvolvimento de uma economia verde pode beneficiar"
            " o Sul Global?",
            "green-economy-global-south",
        ),
        # the deep space station, described by where it looks
        (
            "what country has a station with china that follows missions beyond the moon",
            "argentina-space-station",
        ),
        (
            "¿qué país tiene con China una estación que mira más allá de la luna?",
            "argentina-space-station",
        ),
        # put into orbit: launched
        (
            "¿Qué ha aportado el gigante asiático en materia de aparatos puestos en órbita para"
            " Venezuela y Bolivia?",
            "satellites-launched",
        ),
        # the green energy chain is its supply chain
        (
            "Como a cadeia de energia verde com a China pode ajudar os países da América Latina?",
            "green-supply-chain",
        ),
        (
            "qué sacan los países latinos si se juntan más con china en la cadena de energía"
            " limpia",
            "green-supply-chain",
        ),
        ("What does this article say overall?", "article-summary"),
        # a formal letter: its salutation, errand and thanks are no topic
        (
            "Prezados, boa tarde. Em razão de um relatório que estou elaborando no órgão,"
            " gostaria de saber qual efeméride o ano de 2024 representa para o Fórum"
            " China-CELAC. Agradeço antecipadamente.",
            "forum-anniversary",
        ),
        # what the hub is to work out is no question of how to do something
        (
            "What's the point of that new China–Latin America hub that's supposed to figure out"
            " how to keep everybody fed long term?",
            "food-security",
        ),
    ],
)
def test_everyday_wordings_of_what_the_article_says_are_answered(
    shipped: Retriever, question: str, expected: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, expected)


@pytest.mark.parametrize(
    "question",
    [
        "are there plans to send astronauts beyond the moon?",
        "what is way out in space?",
        "¿China quiere llegar más allá de la luna?",
        "a China vai mandar gente além da lua?",
    ],
)
def test_space_beyond_the_moon_is_not_the_deep_space_station(
    shipped: Retriever, question: str
) -> None:
    # The station is found by a country sharing it, not by any question about far space.
    assert shipped.answer(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        ("bgi-uruguay-lab", "y para que sirve punto", "bgi-uruguay-lab"),
        ("covid-support", "a que paises nombra coma che", "covid-support"),
    ],
)
def test_a_follow_up_dictated_with_its_punctuation_is_read_as_written(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        # "ele" (he) is Xi: what he does in Brazil, not China's cooperation with Brazil
        ("xi-visit", "e no brasil ele vai fazer o quê interrogação", "g20-brazil"),
        ("xi-visit", "e no brasil ele faz o quê?", "g20-brazil"),
        # "aquele centro", "o centro", "a Argentina" name whom "ele", "ela" mean
        (
            "xi-visit",
            "e aquele centro de comida sustentável, pra que que ele serve?",
            "food-innovation-center",
        ),
        ("xi-visit", "e o centro de alimentos, ele faz o quê?", "food-innovation-center"),
        ("byd-brazil-complex", "e a Argentina, ela tem carros elétricos chineses?", "ev-countries"),
    ],
)
def test_he_or_she_after_and_points_back_to_the_subject(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


def test_a_singlish_one_stresses_and_counts_nothing(shipped: Retriever) -> None:
    answer = shipped.answer("when it open one ah", subject="bgi-uruguay-lab")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "bgi-uruguay-lab")
    assert Detail.DATE in answer.lacks


def test_what_for_there_asked_without_a_mark_keeps_its_subject(shipped: Retriever) -> None:
    answer = shipped.answer("fazer o que lá", subject="xi-visit", lang_hint="pt")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "xi-visit")


@pytest.mark.parametrize(
    ("subject", "follow_up", "lang"),
    [
        ("covid-support", "a qué países asere", "es"),  # Cuban "buddy"
        ("covid-support", "送给哪几个国家了嘛", "zh"),
    ],
)
def test_a_follow_up_in_dialect_keeps_its_subject(
    shipped: Retriever, subject: str, follow_up: str, lang: str
) -> None:
    answer = shipped.answer(follow_up, subject=subject)

    assert (answer.decision, answer.id, answer.lang) == (Decision.ANSWER, subject, lang)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Prezados, solicito informar em que consiste o programa CBERS.", "cbers-program"),
        ("Solicito esclarecer a agenda do Presidente Xi Jinping na América Latina.", "xi-visit"),
        # Caribbean English: "I hear China is doing some digital agriculture thing ..."
        (
            "i hear china doin some digital agriculture ting wid guyana, wha dat is?",
            "digital-agriculture",
        ),
        # the fund by the name of China's assistance fund
        ("想问下通过南南合作援助基金搞了哪些项目?跟哪些国家?", "south-south-fund"),
    ],
)
def test_a_formal_or_dialect_request_is_read_for_what_it_asks(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_advantages_are_benefits_and_a_mention_asked_for_is_no_topic(shipped: Retriever) -> None:
    answer = shipped.answer(
        "Que vantagens o texto atribui aos investimentos chineses na região? "
        "E há alguma referência à criação de emprego?"
    )

    assert [part.id for part in answer.parts] == ["investment-benefits", "jobs-livelihoods"]


@pytest.mark.parametrize(
    ("subject", "message", "expected"),
    [
        # a place asked of BYD's plant, not the smart cities the word "city" names
        ("byd-brazil-complex", "which city is it in", "byd-brazil-complex"),
        # what the data is for, after who receives it
        ("cbers-data-sharing", "E esses dados servem para quê?", "cbers-data-uses"),
        # south-western Mandarin asks "what" with 啥子: what the 19 mechanisms cooperate on,
        # which the farm trade's entry tells
        ("agri-mechanisms-19", "都合作些啥子", "agri-trade-products"),
        # what the lab will be for, replying to what BGI did in the region
        ("bgi-genomics", "¿Y para qué servirá?", "bgi-uruguay-lab"),
        # lay words for what the subject does: no other subject
        ("bgi-uruguay-lab", "do they do screening to catch sickness early?", "bgi-uruguay-lab"),
        ("food-innovation-center", "they gonna school ppl too?", "food-innovation-center"),
        # whether something differs, or a related question: still about the subject
        ("satellites-launched", "¿y lo de argentina es cosa distinta?", "satellites-launched"),
        (
            "argentina-space-station",
            "different question but related: where is it?",
            "argentina-space-station",
        ),
        # what the routes are called: the subject's answer says it names none
        ("air-routes-ecommerce", "what are they called?", "air-routes-ecommerce"),
        # Cantonese "how long" (几耐) asks how old CELAC's forum is
        ("what-is-celac", "成立咗幾耐？", "forum-anniversary"),
        # what the 19 mechanisms cooperate on, with a Henan particle or asking the "content"
        ("agri-mechanisms-19", "都合作些啥嘞", "agri-trade-products"),
        ("agri-mechanisms-19", "合作内容是什么", "agri-trade-products"),
        # what the fund's work is for ("意义何在", what is the point); whether CBERS is
        # Brazil's alone, with a Taiwanese particle
        ("south-south-fund", "意义何在？", "south-south-fund"),
        ("cbers-program", "只有巴西可以用喔？", "cbers-program"),
        # whether BYD's plant only makes EVs: 只造 is no typo of 智造 (smart manufacturing),
        # and in Cantonese, what else it does besides the cars
        ("byd-brazil-complex", "是不是只造电动车？", "byd-brazil-complex"),
        ("byd-brazil-complex", "系咪淨係整电动车？", "byd-brazil-complex"),
        ("byd-brazil-complex", "除咗整车仲做乜", "byd-brazil-complex"),
        # an example in one of the fields: that field's
        ("cooperation-fields", "航天方面能举个例子吗？", "cbers-program"),
        # which countries the 19 mechanisms are with: the subject, saying it does not list them
        ("agri-mechanisms-19", "都是哪几个国家", "agri-mechanisms-19"),
        # why this year's visit matters "especially" (特别): the visit's
        ("xi-visit", "为啥今年特别重要伐？", "xi-visit"),
        # Scots drops the g and says "aff" for off
        ("byd-brazil-complex", "when's the first motor comin aff the line", "byd-first-vehicle"),
    ],
)
def test_a_follow_up_asking_a_detail_or_a_purpose_or_whether_it_differs_keeps_its_subject(
    shipped: Retriever, subject: str, message: str, expected: str
) -> None:
    assert verdict(shipped, message, subject=subject) == (Decision.ANSWER, expected)


def test_the_words_before_a_message_s_first_question_say_what_its_pronoun_means(
    shipped: Retriever,
) -> None:
    # "tourists asked about Xi's November trip. Which days did he go? Also, space?"
    answer = shipped.answer(
        "您好，我是博物馆的讲解员，最近有拉美游客问起习主席11月去拉美的事。"
        "请问他具体是几号到几号去的？另外想顺便了解一下，中拉在航天方面都有哪些合作？"
    )

    assert [part.id for part in answer.parts] == ["xi-visit", "aerospace-overview"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # how a thing works in general: the article never explains one
        ("how do satellites work?", (Decision.DECLINE, None)),
        # how work done bears on something the article names: it says
        (
            "how does the digital farming work tie into the UN's sustainability goals",
            (Decision.ANSWER, "un-2030-agenda"),
        ),
    ],
)
def test_how_a_thing_works_is_beyond_the_article_but_how_work_ties_in_is_not(
    shipped: Retriever, question: str, expected: tuple[Decision, str | None]
) -> None:
    assert verdict(shipped, question) == expected


def test_a_name_is_lacking_only_where_the_answer_says_it_names_none(shipped: Retriever) -> None:
    # "names no person" is about the author, not the department the answer does name
    named = shipped.answer("what's the name of the department the author directs?")
    unnamed = shipped.answer("cómo se llaman las hidroeléctricas que hizo china en argentina")

    assert (named.id, named.lacks) == ("article-author", ())
    assert (unnamed.id, unnamed.lacks) == ("green-projects-countries", (Detail.NAME,))


@pytest.mark.parametrize(
    "question",
    [
        "my phone is locked down",
        "what is quarantine?",
        "我明天要去医院打针",  # I'm getting an injection at the hospital tomorrow
        "小孩打针哭怎么办",  # my child cries at injections
    ],
)
def test_an_everyday_lockdown_or_injection_is_not_the_pandemic(
    shipped: Retriever, question: str
) -> None:
    # Synonyms for the pandemic and its vaccines that are everyday words elsewhere would
    # answer these with China's COVID support.
    assert shipped.answer(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # dictated Chinese, spaced out a character at a time
        ("中 拉 合作 有 没 有 给 当地 人 带来 工 作 机 会", "jobs-livelihoods"),
        (
            "我 是 福建 打 鱼 的 听 人 讲 中国 帮 委内 瑞拉 放 过 卫 星 是 真 的 吗",
            "venezuela-satellites",
        ),
        # "那边" (over there) after a place says the place again
        (
            "亲，中国跟巴拿马、圭亚那那边搞的农村网上卖货合作是通过啥渠道的呀？",
            "digital-agriculture",
        ),
        # "that thing" points back at what the words before it name
        (
            "Opa, bom dia! Aqui no sítio a gente planta milho e cria porco. Li que a China e a"
            " América Latina abriram um tal centro de inovação alimentar... qual é a ideia"
            " desse troço?",
            "food-innovation-center",
        ),
    ],
)
def test_a_message_is_read_as_its_writer_means_it(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_a_company_that_set_up_a_lab_asks_no_amount(shipped: Retriever) -> None:
    # "monto" is "montó" (set up) typed without its accent, not "el monto" (the amount)
    answer = shipped.answer("esa empresa china de genetica que monto un laboratorio en uruguay")

    assert answer.decision is Decision.ANSWER
    assert Detail.AMOUNT not in answer.lacks


def test_a_short_later_part_unsure_alone_asks_of_the_part_before(shipped: Retriever) -> None:
    answer = shipped.answer("how many countries hv farm deals with china? and wat kind of tech")

    assert [part.id for part in answer.parts] == ["agri-mechanisms-19", "agri-trade-products"]


@pytest.mark.parametrize(
    ("question", "subject", "expected"),
    [
        # asks what the data is for, not again how many satellites
        ("这些数据主要用在哪些方面？", "cbers-satellite-count", "cbers-data-uses"),
        ("这些数据都干啥用的", "cbers-satellite-count", "cbers-data-uses"),
    ],
)
def test_a_chinese_follow_up_asks_its_own_question_of_the_subject(
    shipped: Retriever, question: str, subject: str, expected: str
) -> None:
    assert verdict(shipped, question, subject=subject) == (Decision.ANSWER, expected)


def test_a_follow_up_asking_a_city_the_article_does_not_give_is_told_so(
    shipped: Retriever,
) -> None:
    # "ciudá": "ciudad" as the Caribbean and Andalusia say it
    answer = shipped.answer("¿y en qué ciudá está?", subject="food-innovation-center")

    assert (answer.id, answer.lacks) == ("food-innovation-center", (Detail.PLACE,))


def test_asking_what_the_guy_is_called_after_the_author_asks_the_authors_name(
    shipped: Retriever,
) -> None:
    # the author's answer says the article gives no name (it used to get the article's title)
    answer = shipped.answer("¿y cómo se llama el tipo?", subject="article-author")

    assert answer.id == "article-author"
    assert "no da ningún nombre" in answer.text


@pytest.mark.parametrize(
    ("question", "typo", "entry"),
    [
        # Chinese typed by its sound: the input method offered a character of the same pinyin
        ("这些位星的数据对种地有用吗", "位星->卫星", "cbers-data-uses"),
        ("中拉论谈今年为什么特别重要", "论谈->论坛", "china-celac-forum"),
        ("中拉合做在那些领域取的了成过？", "合做->合作", "cooperation-fields"),
        ("中国和19个拉美国家搞了农业合作鸡制，都在做些啥子", "鸡制->机制", "agri-mechanisms-19"),
    ],
)
def test_a_chinese_word_typed_by_its_sound_is_read_as_meant(
    shipped: Retriever, question: str, typo: str, entry: str
) -> None:
    explanation = shipped.explain(question)

    assert typo in explanation.candidates[0].typo_matches
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_a_chinese_term_is_not_a_name_a_sentence_writes_by_chance(shipped: Retriever) -> None:
    # 搞科技 (doing science and technology) sounds as 高科技 (high tech) does
    explanation = shipped.explain("中国搭拉美搞科技合作，只有中国一家得好处吗？")

    assert "high" not in explanation.terms


@pytest.mark.parametrize(
    ("question", "not_meant"),
    [
        ("幾時出第一架車？", "一家"),  # 第一架 (the first one): 一架 is no 一家
        ("跨境電商那部分詳細說說", "分享"),  # 部分, 详细: two words' edges
        # 几多 (how much) asks: no 基多 (Quito, so Ecuador)
        ("那个可持续粮食创新中心设在边度啊？投咗几多钱？", "ecuador"),
        ("中拉论坛下一届部长级会议啥时候开", "机遇"),  # 级会 is 部长级 and 会议, no 机会
        ("这些卫星的数据对种地有用吗", "对中"),  # 种 is 种地's
        # common words of their own, whatever article word sounds like them
        ("我想立马知道比亚迪什么时候出第一辆车", "利马"),
        ("能不能重新介绍一下拉共体", "重心"),
    ],
)
def test_a_chinese_pair_that_only_sounds_like_a_word_is_left_as_typed(
    shipped: Retriever, question: str, not_meant: str
) -> None:
    explanation = shipped.explain(question)

    assert not any(not_meant in typo for typo in explanation.candidates[0].typo_matches)
    assert not_meant not in explanation.terms


@pytest.mark.parametrize(
    ("question", "subject", "expected"),
    [
        ("我想立马知道比亚迪什么时候出第一辆车", None, (Decision.ANSWER, "byd-first-vehicle")),
        ("能不能重新介绍一下拉共体", None, (Decision.ANSWER, "what-is-celac")),
        # "nessa cidade" (in that city) points at no subject of the article
        ("nessa cidade tem praia?", "byd-brazil-complex", (Decision.DECLINE, None)),
    ],
)
def test_everyday_words_keep_their_meaning(
    shipped: Retriever, question: str, subject: str | None, expected: tuple[Decision, str | None]
) -> None:
    assert verdict(shipped, question, subject=subject) == expected


def test_a_chinese_follow_up_asking_when_keeps_the_subjects_how_many(shipped: Retriever) -> None:
    # after how many members CELAC has, "which year was it founded" asks CELAC's founding,
    # which the article does not date (the forum's, 2014, it does)
    answer = shipped.answer("是哪一年成立的", subject="celac-size")

    assert (answer.id, answer.lacks) == ("celac-size", (Detail.DATE,))


@pytest.mark.parametrize(
    "question",
    [
        "did trade grow 100% since the forum began?",
        "is investment up 100% in the last decade?",
        "did china invest 100 % more in telecom?",
    ],
)
def test_a_percentage_asked_about_is_no_word_for_fully(shipped: Retriever, question: str) -> None:
    assert verdict(shipped, question)[0] is Decision.DECLINE


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # the asker's age and years of service are no figure asked about
        (
            "Hello there love, I'm 78 and not great with this phone, my neighbour says the"
            " Chinese president was off to South America in November, what was he going for?",
            "xi-visit",
        ),
        # "deu trabalho" (gave work): jobs, in Portuguese as in Spanish ("dio trabajo")
        ("a cooperação com a China deu trabalho às pessoas?", "jobs-livelihoods"),
        ("which meetings?", "xi-summits"),  # the summits, not the one in Peru
        ("¿a qué reuniones?", "xi-summits"),
        ("quais reuniões?", "xi-summits"),
        # "vai passar em outro país?": will he stop by another country, not the data passed on
        ("o presidente chinês vai passar em outro país?", "xi-visit"),
        ("ele vai passar em outros países da região?", "state-visits"),
        # "10 yrs" as people shorten it
        ("what r the 2 big tech areas theyre gonna focus on for the next 10 yrs", "future-focus"),
        # "100% electric" is fully electric, no figure asked about
        ("a byd vai fabricar so carro 100% eletrico ou hibrido tb?", "byd-brazil-complex"),
        # "才有" (only then is there) is the hinge of a condition, no word to match
        ("数字经济要做哪些事情才有合作机会？", "digital-economy-overview"),
    ],
)
def test_a_question_is_not_lost_to_what_the_asker_tells_or_to_one_item(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "subject", "expected"),
    [
        # Caribbean English: "what else did they send besides the vaccines?"
        ("wuh else dey send besides de vaccines?", "vaccine-countries", "covid-support"),
        # "para que rinda" (so that it pays off) is no Portuguese "renda" (income)
        (
            "y lo digital qué tendrían que mejorar para que rinda?",
            "future-focus",
            "digital-economy-overview",
        ),
        # "latam" is the whole article's subject, no topic the follow-up brings
        (
            "all the chinese money going into latam, what did it actually do for them?",
            "future-focus",
            "investment-benefits",
        ),
        # what it sets aside with no comma: "besides Brazil, which country does he go to?"
        ("e além do brasil ele vai em que país", "xi-visit", "xi-visit"),
    ],
)
def test_a_follow_up_as_people_type_it(
    shipped: Retriever, question: str, subject: str, expected: str
) -> None:
    assert verdict(shipped, question, subject=subject) == (Decision.ANSWER, expected)


def test_a_later_part_that_points_back_with_an_emoji_after_it_asks_of_the_part_before(
    shipped: Retriever,
) -> None:
    answer = shipped.answer(
        "my cousin in guyana say china doing some kinda digital farming with them, true?"
        " how that fund thing work 🤔"
    )

    assert [part.id for part in answer.parts] == ["digital-agriculture", "south-south-fund"]


@pytest.mark.parametrize(
    ("question", "chat"),
    [
        ("Is China actually helping with cattle farming technology?", "actually"),
        ("wuh else dey send besides de vaccines?", "wuh"),
        ("wuh else dey send besides de vaccines?", "dey"),
    ],
)
def test_words_that_only_chat_are_not_matched(shipped: Retriever, question: str, chat: str) -> None:
    assert chat not in shipped.explain(question).terms


@pytest.mark.parametrize(
    "question",
    [
        "good evenin boss, which countries got chinese vaccines?",
        "thanks boss, which summits did xi attend?",
    ],
)
def test_calling_the_bot_boss_asks_for_no_person(shipped: Retriever, question: str) -> None:
    answer = shipped.answer(question)

    assert answer.decision is Decision.ANSWER
    assert Detail.PERSON not in answer.lacks


@pytest.mark.parametrize("greeting", ["mornin", "good evenin", "g'day"])
def test_a_greeting_as_people_say_it_is_small_talk(shipped: Retriever, greeting: str) -> None:
    assert shipped.answer(greeting).decision is Decision.SMALLTALK


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a greeting after a vocative ("ô meu amigo") counts against nothing
        (
            "ô meu amigo boa tarde meu neto falou que esse ano faz dez anos de alguma coisa da"
            " china com a américa latina o que é que tá fazendo dez anos",
            "forum-anniversary",
        ),
        # a friend called "compa", and "salgan" (come out), are no topic
        (
            "buenas noches compa 🙏 yo trabajo en construccion aqui en houston y mi primo en"
            " honduras me pregunto de la economia digital con china, que tienen que mejorar"
            " para que salgan nuevas oportunidades?",
            "digital-economy-overview",
        ),
        # a WhatsApp video, "dizendo" (saying) and "uns" (some) are about the asker
        (
            "mano to vendo aqui no zap um video dizendo q a china ajudou uns pais com vacina na"
            " pandemia 💉 quais pais foi?",
            "covid-support",
        ),
    ],
)
def test_chat_around_a_question_counts_against_nothing(
    shipped: Retriever, question: str, entry: str
) -> None:
    answer = shipped.answer(question)

    assert entry in {answer.id, *(suggestion.id for suggestion in answer.suggestions)}


def test_what_kind_of_help_is_no_greeting(shipped: Retriever) -> None:
    assert verdict(shipped, "what kind of help ah?", subject="covid-support") == (
        Decision.ANSWER,
        "covid-support",
    )


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        # a request to be told asks what follows it, and its detail is of the next question
        (
            "Good afternoon. I spent a few years posted in Santiago and later Brasilia, so I"
            " have followed the President's travels with some interest. If I understood"
            " correctly he was in the region in mid-November; could you remind me of the exact"
            " dates, and which summits he attended?",
            ["xi-visit", "xi-summits"],
        ),
        # "and also what's this ..." asks a second question
        (
            "hiya 👋 on my break so be quick lol. how many satellites have china and brazil made"
            " together?? and also whats this food innovation centre thing about x",
            ["cbers-satellite-count", "food-innovation-center"],
        ),
        # 想問一下 ("I'd like to ask") ends the asker's story, typed in traditional characters
        (
            "欸我在 lab 等 experiment 跑完 超無聊 😂 想問一下 這篇講的那個 forum 今年是幾週年？"
            "然後習是去參加哪兩個 summit？",
            ["forum-anniversary", "xi-summits"],
        ),
        (
            "Muy señor mío: he leído con detenimiento el artículo y desearía que me aclarase dos"
            " cuestiones. En primer lugar, en qué países se celebraron las cumbres a las que"
            " acudió el presidente Xi; y en segundo lugar, quién firma el texto.",
            ["xi-summits", "article-author"],
        ),
    ],
)
def test_each_question_of_a_message_is_answered(
    shipped: Retriever, question: str, parts: list[str]
) -> None:
    answer = shipped.answer(question)

    assert [part.id for part in answer.parts or (answer,)] == parts


@pytest.mark.parametrize(
    "question",
    [
        "Mi hermano trabaja en una empresa de Brasil, ¿cuántos satélites lanzaron?",
        "El fútbol de Argentina es el mejor del mundo, ¿qué es la CELAC?",
        "Hace mucho calor hoy en la ciudad de Lima, ¿qué es la CELAC?",
        "La verdad no entiendo mucho de estos temas, ¿qué es la CELAC?",
        "La profe nos dejó tarea para el lunes, ¿qué es la CELAC?",
    ],
)
def test_a_sentence_before_a_spanish_question_is_no_topic(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("那家中國做基因檢測的公司在南美開了臨床 lab，是在哪個國家？", "bgi-uruguay-lab"),
        (
            "Y otra preguntita que nos llega por WhatsApp, amigos, dice así: 'en lo de la"
            " economía digital, ¿qué tendrían que mejorar los países para que salgan más"
            " oportunidades con China?'",
            "digital-economy-overview",
        ),
        (
            "Mi amor buena, yo aquí en el salón y una clienta me dijo que China tiene un fondo pa"
            " ayudar a lo campesino a vender por internet, ¿cómo se llama ese fondo y con cuále"
            " paíse e?",
            "south-south-fund",
        ),
        ("como se llama la persona que escribio el articulo?", "article-author"),
    ],
)
def test_the_words_before_a_question_name_what_it_asks_about(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("quanto dinheiro tem esse fundo aí?", "south-south-fund"),  # a fund, not "fundó"
        ("cuando se fundo el foro china-celac", "forum-anniversary"),
    ],
)
def test_a_fund_is_not_a_founding(shipped: Retriever, question: str, entry: str) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "question", "entry"),
    [
        ("xi-summits", "what were the exact dates", "xi-visit"),
        ("vaccine-countries", "an wah else dem sen besides vaccine?", "covid-support"),
        ("agri-mechanisms-19", "y el comercio pasó de qué a qué, vos?", "agri-trade-products"),
    ],
)
def test_a_follow_up_as_people_type_it_is_read_with_its_subject(
    shipped: Retriever, subject: str, question: str, entry: str
) -> None:
    assert verdict(shipped, question, subject=subject) == (Decision.ANSWER, entry)


def test_a_caribbean_for_is_no_topic(shipped: Retriever) -> None:
    assert verdict(shipped, "Wha CELAC stand fah?") == (Decision.ANSWER, "what-is-celac")


def test_making_the_most_of_it_is_an_idiom(shipped: Retriever) -> None:
    question = (
        "que tiene que hacer latinoamerica pa sacarle el jugo a la economia digital con los chinos"
    )

    assert verdict(shipped, question) == (Decision.ANSWER, "digital-economy-overview")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("中国是不是和阿根庭一起搞了个看深空的站阿", "argentina-space-station"),  # 深空 alone
        (
            "请问，文中提及的某中国基因科技企业在乌拉圭所设立的机构，其主要作用为何？",
            "bgi-uruguay-lab",
        ),
        # Chilean "me dio lata", "al tiro", and "pa que sirven"
        (
            "jaja ya me dio lata leer todo, pero cuentame al tiro pa que sirven los satelites esos"
            " que hicieron los chinos con los brasileños",
            "cbers-data-uses",
        ),
        # "lá em cima" (up there) is in orbit
        (
            "os chinês ajudaram a venezuela a colocar satélite lá em cima é isso mesmo",
            "venezuela-satellites",
        ),
    ],
)
def test_everyday_words_for_the_articles_things(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_a_demonstrative_after_its_noun_points_back_to_nothing(shipped: Retriever) -> None:
    question = "pa que sirven los satelites esos que hicieron los chinos con los brasileños"

    assert verdict(shipped, question, subject="guyana-cooperation") == (
        Decision.ANSWER,
        "cbers-data-uses",
    )


@pytest.mark.parametrize(
    "question", ["how old is the bgi lab in uruguay?", "wha year did bgi open the lab in uruguay?"]
)
def test_an_age_or_a_year_the_answer_lacks_is_said_to_be_missing(
    shipped: Retriever, question: str
) -> None:
    answer = shipped.answer(question)

    assert answer.decision is Decision.ANSWER
    assert Detail.DATE in answer.lacks


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        # a demonstrative after its noun with nothing to say which points back
        ("air-routes-ecommerce", "las rutas esas para qué son?", "air-routes-ecommerce"),
        ("satellites-launched", "the last, it was for bolivia?", "bolivia-satellite"),
        ("covid-support", "y la ayuda médica?", "covid-support"),  # "ayuda" is no greeting
        ("green-projects-countries", "然后呢，还有什么项目", "green-projects-countries"),
        # "virou" (became) the highlight: green energy
        ("cooperation-fields", "e o que virou destaque?", "green-energy-overview"),
        # trade "moved to" technology: it expanded to it
        ("agri-mechanisms-19", "what kind of products did they move to?", "agri-trade-products"),
        (
            "agri-mechanisms-19",
            "ok and wat kind of products dey move to now? abeg",
            "agri-trade-products",
        ),
        (
            "south-south-fund",
            "E isso ajuda em quê, concretamente? preciso p/ a peça",
            "south-south-fund",
        ),
        ("covid-support", "God bless them. And to which countries, dear?", "covid-support"),
        ("covid-support", "Que Dios te bendiga. ¿Y a qué países?", "covid-support"),
        # a blessing, then a new subject announced
        (
            "covid-support",
            "Qué bendición. Y cambiando de tema, mijo, ¿qué son esas rutas aéreas especiales"
            " que mencionan?",
            "air-routes-ecommerce",
        ),
    ],
)
def test_a_follow_up_finds_its_entry(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


def test_two_numbered_items_are_two_questions(shipped: Retriever) -> None:
    answer = shipped.answer(
        "the first: how many satellites? the second: what is the data used for?",
        subject="cbers-program",
    )

    assert [part.id for part in answer.parts] == ["cbers-satellite-count", "cbers-data-uses"]


def test_a_detail_asked_first_is_of_the_question_after_it(shipped: Retriever) -> None:
    answer = shipped.answer("please remind me of the dates, and which satellites were launched")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "satellites-launched")
    assert Detail.DATE in answer.lacks


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("¿cómo se llama el fondo monetario?", "es"),
        ("como se chama o fundo monetário?", "pt"),
        ("lá em cima no Norte a China tem projeto?", "pt"),  # up north, not in orbit
    ],
)
def test_a_word_shared_with_the_article_does_not_answer_alone(
    shipped: Retriever, question: str, lang: str
) -> None:
    assert shipped.answer(question, lang_hint=lang).decision is Decision.DECLINE


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("¿En qué países se celebraron acuerdos agrícolas?", "agri-mechanisms-19"),
        ("¿cuál es el motor de la cooperación entre China y América Latina?", "cooperation-fields"),
    ],
)
def test_a_phrasing_added_for_one_entry_does_not_take_another(
    shipped: Retriever, question: str, entry: str
) -> None:
    answer = shipped.answer(question)

    assert entry in {answer.id, *(suggestion.id for suggestion in answer.suggestions)}
    assert answer.id != "ev-countries"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "agricultura or what?" guesses at the answer to the question before it
        (
            "los satelites esos de china y brasil, la info que sacan la usan pa que? agricultura"
            " or what?",
            "cbers-program",
        ),
        (
            "Respetuosamente consulto: ¿la cooperación con China se limita a los gobiernos o"
            " también involucra a empresas y centros académicos?",
            "cooperation-levels",
        ),
        (
            "rapaz meu cunhado diz que a china ta fazendo coisa de agricultura com computador e"
            " venda pela internet no interior dos pais pequeno la da america central e verdade"
            " isso",
            "digital-agriculture",
        ),
        # "nos interesa conocer qué ...": what follows is the question
        (
            "Buenas tardes. En el marco de nuestra labor con pequeños productores, nos interesa"
            " conocer qué condiciones plantea el texto para que la economía digital genere"
            " nuevas oportunidades entre China y la región.",
            "digital-economy-overview",
        ),
        (
            "¿Con qué propósito, si me permite la pregunta, se han incrementado los vuelos"
            " especiales de carga entre China y la región?",
            "air-routes-ecommerce",
        ),
        (
            "Em que domínios é que a parceria já deu resultados palpáveis nestes dez anos?",
            "cooperation-fields",
        ),
        # "no ve", "se ve" are no "VE" (vehículo eléctrico)
        (
            "la cooperacion con la china ya no es del gobierno nomas no ve con quienes mas"
            " trabajan pues",
            "cooperation-levels",
        ),
        (
            "en q ayudaron las invesiones chinas a latam, xq aca no se ve nda jaja",
            "investment-benefits",
        ),
        (
            "Olá. Peço desculpa pelo incómodo, mas fiquei sem perceber o que é que o centro de"
            " inovação alimentar pretende fazer, em concreto, com os técnicos e cientistas.",
            "food-innovation-center",
        ),
        # the asker's son is no person's private life
        ("我寻思啊这个中拉论坛今年是多少周年了 我儿子说是十周年 对不对啊", "forum-anniversary"),
        # "Santo Domingo" is no domain of cooperation
        (
            "Mira, yo tengo un salón en Santo Domingo y vendo producto por internet, y me dijeron"
            " que China y Latinoamérica hicieron algo con lo vuelo de carga. ¿Qué fue lo que"
            " hicieron?",
            "air-routes-ecommerce",
        ),
        ("so where was xi headed down south", "state-visits"),
        # European Portuguese for the Caribbean
        ("A cooperação com as Caraíbas inclui agricultura digital?", "digital-agriculture"),
        # "together" (Shanghainese 一道) joins the partners
        ("想问问看，中国同阿根廷一道搞了点啥航天方面的东西？", "argentina-space-station"),
        (
            "heard china n brazil got a whole bunch of satellites up together how many we talkin",
            "cbers-satellite-count",
        ),
        # "Procede?" only asks whether what came before is true
        (
            "Valeu 👍 Outra: meu cunhado ouviu falar q abriram mais rota aérea de carga entre"
            " China e AL p/ e-commerce. Procede?",
            "air-routes-ecommerce",
        ),
        # "'ve" is "have", never Spanish "VE" (an electric vehicle)
        ("I've read the piece, what's the headline?", "article-title"),
        ("what have you've got on mexico?", "mexico-cooperation"),
        (
            "allyuh bot good yes 😂 mi cousin in panama say china doin some online farm business"
            " ting wit de country people dey. wha dat is about?",
            "digital-agriculture",
        ),
        (
            "Hola. Estoy escribiendo un paper sobre seguridad alimentaria y me topé con un Centro"
            " de Innovación Alimentaria Sostenible entre China y América Latina. ¿Cuáles serían"
            " sus líneas de trabajo? ¿Y cuándo habría sido creado, aproximadamente? De"
            " antemano, muchas gracias.",
            "food-innovation-center",
        ),
        # Scots
        (
            "is it just governments daein these deals or is it companies n unis an aw noo",
            "cooperation-levels",
        ),
        (
            "whit's aw this chinese money actually done fur these countries then, onythin?",
            "investment-benefits",
        ),
        # Paraguayan jopara
        (
            "che amigo y los chinos ko le ayudaron a bolivia a mandar su satelite pio?",
            "bolivia-satellite",
        ),
        # Hunanese "my son" (屋里崽) and 航线 (air routes)
        (
            "嗯咯，我屋里崽在广州做网上生意，他要我问下，中国跟拉美是不是加了好多运货的飞机航线？",
            "air-routes-ecommerce",
        ),
        # "a evolução do comércio": how the trade grew
        (
            "Muito obrigada pela resposta anterior. Poderia me dizer, por gentileza, como o texto"
            " descreve a evolução do comércio agrícola decorrente dos mecanismos bilaterais, isto"
            " é, de que tipo de produto para que tipo de produto?",
            "agri-trade-products",
        ),
        # ministries are the government; academic bodies are universities
        (
            "Does this collaboration remain strictly a matter between ministries, or have private"
            " firms and academic bodies become involved as well?",
            "cooperation-levels",
        ),
        # "lo que más brilla" (what shines most) and "highlite" ask for the highlight
        (
            "oiga y de todo lo que hacen juntos lo que mas brilla es lo de la energia limpia"
            " verdad",
            "green-energy-overview",
        ),
        (
            "which sectr don become the highlite of china celac cooperashun",
            "fact-green-energy-highlight",
        ),
        # "meu rei" (my king) only hails
        ("Oxe, meu rei, que é esse CBERS aí?", "cbers-program"),
        # "pollies" are politicians, "shaking" hands no typo of sharing; "sumercé" hails
        (
            "So is this all just pollies shaking hands with each other, or are businesses and"
            " the unis getting in on it as well?",
            "cooperation-levels",
        ),
        (
            "Buenas tardes. Sumercé, ¿para qué se usa la información que mandan los satélites"
            " que hicieron entre China y Brasil?",
            "cbers-program",
        ),
        # Scots "dae", "ony", "thon", "jist" only chat
        (
            "dae the Africans get ony use o thon satellite pictures or is it jist fur Sooth"
            " America",
            "cbers-data-sharing",
        ),
        # "joya de la corona" (crown jewel) is the highlight, not COVID's corona; 最出彩 too
        (
            "¿Qué ámbito considera el autor la joya de la corona de la relación entre China y la"
            " CELAC?",
            "green-energy-overview",
        ),
        ("跟拉美那边搞合作，现在最出彩的是哪一块？", "green-energy-overview"),
        # "detecten las enfermedades" is early disease diagnosis
        (
            "¿China está ayudando a que en algún país de Sudamérica detecten las enfermedades"
            " más temprano?",
            "bgi-uruguay-lab",
        ),
        # "文章说" (the article says) tells where the answer is, not what is asked
        ("拉美那边数字经济想真正做起来，文章说要补哪些短板？", "digital-economy-overview"),
        ("文章说了什么？", "article-summary"),
    ],
)
def test_a_question_in_other_words_finds_its_entry(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        # "y otra cosa" (and another thing) starts a second question; "a que paises" asks
        (
            "ideay fijate que mi compadre dice que china mando vacunas y respiradores en la"
            " pandemia a que paises fue eso y otra cosa que es lo del laboratorio en uruguay",
            ["vaccine-countries", "bgi-uruguay-lab"],
        ),
        # "Dos cosillas:" only counts the questions
        (
            "holaaa 👋 soy de Madrid y estoy de intercambio en Santiago. Dos cosillas: ¿qué es"
            " exactamente la CELAC? y ¿qué va a fabricar BYD en Brasil?",
            ["what-is-celac", "byd-brazil-complex"],
        ),
        # The asker counts two questions; the first only names what it asks (the dates)
        (
            "Buenas. Soy camionero ⚓ Dos consultas: fechas del viaje de Xi por América Latina"
            " y qué cumbres tenía programadas. Gracias.",
            ["xi-visit", "xi-summits"],
        ),
        (
            "two questions: the year the forum was set up, and what does celac stand for?",
            ["forum-anniversary", "what-is-celac"],
        ),
    ],
)
def test_every_question_of_a_chatty_message_is_answered(
    shipped: Retriever, question: str, parts: list[str]
) -> None:
    assert [part.id for part in shipped.answer(question).parts] == parts


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        ("ev-countries", "how many have they sold?", "ev-countries"),
        ("vaccine-countries", "how many doses did they send?", "vaccine-countries"),
    ],
)
def test_a_count_of_something_the_article_never_counts_is_said_to_be_missing(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    answer = shipped.answer(follow_up, subject=subject)

    assert (answer.decision, answer.id) == (Decision.ANSWER, entry)
    assert Detail.COUNT in answer.lacks


def test_doing_so_points_back_to_the_answer_replied_to(shipped: Retriever) -> None:
    assert verdict(shipped, "这样做有啥好处咧", subject="digital-agriculture", replying=True) == (
        Decision.ANSWER,
        "un-2030-agenda",
    )


@pytest.mark.parametrize(
    "question",
    [
        "where?",  # a bare "where" asks about nothing the article places
        "Wales v Argentina tickets. Where do I get them",
        "¿cómo se llama el fondo de pensiones?",
    ],
)
def test_a_question_about_nothing_the_article_has_is_declined(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        # "tipo so carro msm?" guesses at the answer to the question before it
        (
            "mano to estudando pra prova de eng eletrica e vi q a byd fez um complexo aqui no"
            " brasil 😅 oq exatamente eles vao fabricar la? tipo so carro msm?",
            ["byd-brazil-complex"],
        ),
        # "q onda" closing a clause asks about what it names
        (
            "ya pe otra cosa 😅 en la pandemia q les mandaron los chinos a los paises de aca? y"
            " lo del laboratorio en uruguay q onda",
            ["covid-support", "bgi-uruguay-lab"],
        ),
        (
            "holaaa 👋 toy haciendo un trabajo pa la u (unsa) sobre china y latam jaja. xfa q es"
            " la celac y cuantos años cumple el foro? grax!!",
            ["what-is-celac", "forum-anniversary"],
        ),
        # "according to the piece" after a first question is no question about the piece
        (
            "I confess CELAC has me quite puzzled. Firstly, what does it stand for, according to"
            " the piece? And secondly, what anniversary is being marked this year?",
            ["what-is-celac", "forum-anniversary"],
        ),
    ],
)
def test_the_questions_of_a_long_message_are_each_answered(
    shipped: Retriever, question: str, parts: list[str]
) -> None:
    answer = shipped.answer(question)

    assert [part.id for part in answer.parts or (answer,)] == parts


def test_a_caribbean_them_points_back(shipped: Retriever) -> None:
    assert verdict(shipped, "how many of dem dey make", subject="cbers-program") == (
        Decision.ANSWER,
        "cbers-satellite-count",
    )


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        # a second question of its own, not a guess at the first's answer
        ("¿China ayudó a Cuba en la pandemia? ¿Y Venezuela o qué?", 2),
        ("Quando a BYD começa a produzir? Xi fez o que?", 2),
    ],
)
def test_a_short_second_question_is_not_a_guess(
    shipped: Retriever, question: str, parts: int
) -> None:
    assert len(shipped.answer(question).parts) == parts


@pytest.mark.parametrize(
    "question",
    [
        "os satélites usam que tecnologia?",
        "which scientists founded CBERS?",
        # sea routes, building work, a blessing, God, concrete, an MBA: none is in the article
        "中国和拉美之间有海运航线吗？",
        "施工开始了吗？",
        "Is Bolivia blessed with lithium?",
        "Does the article mention God?",
        "¿El concreto de las represas es chino?",
        "Do universities offer an MBA with China?",
    ],
)
def test_what_the_article_never_says_is_not_answered(shipped: Retriever, question: str) -> None:
    assert shipped.answer(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a count of questions before a clause that asks nothing counts no question of it
        ("tengo dos preguntas: soy estudiante. que es la celac?", "what-is-celac"),
        ("Two questions: I'm a student from Peru. When did Xi visit?", "xi-visit"),
        ("Two questions: what is CELAC? And thanks for all the help so far", "what-is-celac"),
    ],
)
def test_a_message_with_one_question_stays_whole(
    shipped: Retriever, question: str, entry: str
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id, answer.parts) == (Decision.ANSWER, entry, ())


@pytest.mark.parametrize(
    ("follow_up", "entry"),
    [
        # what the 19 farming mechanisms brought is what the farm trade became
        ("what are they used for?", "agri-trade-products"),
        ("y eso en qué ha ayudado?", "agri-trade-products"),
        ("E que produtos passaram a ser comercializados graças a isso?", "agri-trade-products"),
        ("这些机制带来了什么变化？", "agri-trade-products"),
        # what they cooperate on: the count's own word says nothing of what it covers
        ("what do they cooperate on?", "agri-trade-products"),
        ("¿y en qué cooperan?", "agri-trade-products"),
        ("都合作些么子", "agri-trade-products"),
        # which members they are is what the count leaves unsaid, and says so
        ("which countries?", "agri-mechanisms-19"),
        ("which ones?", "agri-mechanisms-19"),
        ("quais são eles?", "agri-mechanisms-19"),
    ],
)
def test_what_a_count_brought_is_told_by_the_entry_beside_it(
    shipped: Retriever, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject="agri-mechanisms-19") == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "lang", "says"),
    [
        ("when was CELAC founded?", "en", "does not say when CELAC itself was founded"),
        ("¿cuándo se fundó la CELAC?", "es", "no dice cuándo se fundó la propia CELAC"),
        ("quando a CELAC foi fundada?", "pt", "não diz quando a própria CELAC foi fundada"),
        ("拉共体是哪年成立的？", "zh", "文章没有说拉共体本身何时成立"),
    ],
)
def test_the_forums_founding_is_not_passed_off_as_celacs(
    shipped: Retriever, question: str, lang: str, says: str
) -> None:
    # CELAC and the China-CELAC Forum are not one body: the article dates only the forum.
    answer = shipped.answer(question, lang_hint=lang)

    assert answer.decision is Decision.ANSWER
    assert says in answer.text
    # nor opens with the forum's year as if it were CELAC's
    assert not answer.text.startswith(("In 2014", "En 2014", "Em 2014", "2014年"))


@pytest.mark.parametrize(
    "question",
    [
        "who wrote the article and when?",
        "¿quién escribió el artículo y cuándo?",
        "quem escreveu o artigo e quando?",
    ],
)
def test_who_wrote_it_and_when_is_the_writer_and_the_articles_date(
    shipped: Retriever, question: str
) -> None:
    # Not the author's answer saying the article gives no date: its date is inferred from
    # what it tells (November 2024), which the date's entry says.
    answer = shipped.answer(question)

    assert tuple(part.id for part in answer.parts) == ("article-author", "article-date")


@pytest.mark.parametrize(
    ("subject", "follow_up", "lang"),
    [
        # Peru's own answer is APEC; the EV markets the article names do not include it
        ("ev-countries", "what about peru", "en"),
        ("vaccine-countries", "¿y a Venezuela?", "es"),
    ],
)
def test_and_a_country_the_subject_leaves_out_is_told_the_article_does_not_say_it(
    shipped: Retriever, subject: str, follow_up: str, lang: str
) -> None:
    answer = shipped.answer(follow_up, lang_hint=lang, subject=subject)

    assert (answer.decision, answer.id, answer.lacks) == (
        Decision.ANSWER,
        subject,
        (Detail.CLAIM,),
    )
    assert answer.missing


@pytest.mark.parametrize(
    ("follow_up", "lang"),
    [("who funds it?", "en"), ("¿quién lo financia?", "es"), ("quem financia?", "pt")],
)
def test_who_pays_for_the_subject_is_asked_of_the_subject(
    shipped: Retriever, follow_up: str, lang: str
) -> None:
    # Not the South-South Trust Fund or investment, which "funds" names: the article gives no
    # funder of CBERS, and says so.
    answer = shipped.answer(follow_up, lang_hint=lang, subject="cbers-program")

    assert answer.decision is Decision.ANSWER
    assert answer.id not in {"south-south-fund", "investment-benefits"}
    assert Detail.FUNDER in answer.lacks


@pytest.mark.parametrize(
    ("follow_up", "lang"),
    [
        ("valeu! e qual é a moeda do Brasil?", "pt"),
        ("好的，顺便问一下，巴西的人口是多少？", "zh"),
        ("¿cuál es la capital de Chile?", "es"),
        ("what's the capital of peru?", "en"),
    ],
)
def test_a_countrys_population_capital_or_currency_is_beyond_the_article(
    shipped: Retriever, follow_up: str, lang: str
) -> None:
    # after an answer too: not the satellites again, nor BYD's plant in Brazil
    answer = shipped.answer(follow_up, lang_hint=lang, subject="satellites-launched")

    assert answer.decision is Decision.DECLINE


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a capital or a population named in passing, not asked for
        ("did Xi visit the capital of Brazil?", "xi-visit"),
        ("how does the population of Brazil benefit from CBERS?", "cbers-data-sharing"),
        ("¿cómo se beneficia la población de Brasil de la inversión china?", "investment-benefits"),
    ],
)
def test_a_capital_or_population_named_in_passing_is_no_question_about_it(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


def test_after_a_list_a_detail_of_one_of_its_names_is_asked_of_that_name(
    shipped: Retriever,
) -> None:
    # the countries the article names count thirteen; Bolivia's satellite is what is asked,
    # and the article gives no number of them
    answer = shipped.answer("how many satellites for Bolivia?", subject="countries-mentioned")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "bolivia-satellite")
    assert Detail.COUNT in answer.lacks


def test_chinese_capital_is_money_not_a_city(shipped: Retriever) -> None:
    assert verdict(shipped, "¿qué ha hecho el capital chino en la región?") == (
        Decision.ANSWER,
        "investment-benefits",
    )


@pytest.mark.parametrize(
    ("follow_up", "lang"),
    [
        ("who benefits?", "en"),
        ("¿quién se beneficia?", "es"),
        ("quem se beneficia?", "pt"),
        ("谁受益？", "zh"),
    ],
)
def test_who_benefits_after_a_company_is_what_its_lab_brings(
    shipped: Retriever, follow_up: str, lang: str
) -> None:
    # not the benefits of science and technology cooperation in general
    answer = shipped.answer(follow_up, lang_hint=lang, subject="bgi-genomics")

    assert (answer.decision, answer.id, answer.lang) == (Decision.ANSWER, "bgi-uruguay-lab", lang)


def test_a_detail_the_subject_lacks_is_not_answered_by_a_stranger_that_lacks_it_too(
    shipped: Retriever,
) -> None:
    # "año" (year) finds the Forum's anniversary; BYD's yearly output is what is asked
    answer = shipped.answer("¿cuántos autos al año?", lang_hint="es", subject="byd-first-vehicle")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "byd-first-vehicle")
    assert Detail.RATE in answer.lacks


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # what happened with a topic asks of the topic; "happen" is the digital economy's word
        # only in "what needs to happen for ..."
        ("what happened with agriculture?", "agriculture-overview"),
        ("¿Qué pasó con la agricultura?", "agriculture-overview"),
        ("what has to happen for the digital economy to work?", "digital-economy-overview"),
    ],
)
def test_what_happened_with_a_topic_asks_of_the_topic(
    shipped: Retriever, question: str, entry: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("follow_up", "lang"),
    [("what kinda projects we talkin", "en"), ("¿qué tipo de proyectos?", "es")],
)
def test_what_kind_of_projects_after_green_energy_is_its_projects(
    shipped: Retriever, follow_up: str, lang: str
) -> None:
    # not CBERS (a "program") nor the countries' overviews, whose Spanish phrasings say
    # "proyectos"
    answer = shipped.answer(follow_up, lang_hint=lang, subject="green-energy-overview")

    assert answer.decision is Decision.ANSWER
    assert answer.id in {"green-projects-countries", "green-energy-overview"}


def test_cantonese_counts_satellites_by_the_grain(shipped: Retriever) -> None:
    # 幾多粒: how many (粒 counts small round things, satellites too); not "the article does not
    # give that number" above the six it gives
    answer = shipped.answer("中巴地球資源衛星有幾多粒")

    assert (answer.decision, answer.id, answer.lacks) == (
        Decision.ANSWER,
        "cbers-satellite-count",
        (),
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who else gets the pictures from the china-brazil satellites?", "cbers-data-sharing"),
        ("did china lend a hand during covid?", "covid-support"),
        ("qual o ganho da energia verde pra América Latina?", "green-supply-chain"),
        ("数字经济要补哪些短板？", "digital-economy-overview"),
    ],
)
def test_everyday_words_for_pictures_help_planes_and_gains_are_understood(
    shipped: Retriever, question: str, expected: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "bloke at the sale yards reckons this china celac forum thing has been going 20 "
            "yrs. thats rubbish eh?",
            "forum-anniversary",
        ),
        (
            "my cousin reckons BYD built a factory in Mexico. thats rubbish eh?",
            "byd-brazil-complex",
        ),
        (
            "jajaja mi compa dice que china esta haciendo fabricas de paneles solares aqui en "
            "mexico 🤣🤣 a poco es cierto o nomas anda de mentiroso",
            "green-projects-countries",
        ),
    ],
)
def test_a_belief_someone_reckons_is_checked_and_corrected(
    shipped: Retriever, question: str, expected: str
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id) == (Decision.ANSWER, expected)
    assert answer.lacks == (Detail.CLAIM,)


def test_a_belief_told_before_questions_is_their_context_not_a_question(
    shipped: Retriever,
) -> None:
    answer = shipped.answer(
        "g'day. my grandson reckons china and brazil have been putting satellites up together "
        "for years. righto, so what does that program actually do, and who gets the data?"
    )

    assert [part.id for part in answer.parts] == ["cbers-program", "cbers-data-sharing"]


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        # "em que" asks, the daughter addressed after it
        ("digital-agriculture", "e isso ajuda em que minha filha", "digital-agriculture"),
        # 当地 (there) points back: what the lab brings there, not jobs in general
        ("bgi-uruguay-lab", "给当地带来什么好处？", "bgi-uruguay-lab"),
    ],
)
def test_a_follow_up_addressing_someone_or_saying_there_leans_on_the_subject(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("subject", "follow_up", "entry"),
    [
        # the next decade's focus lists green and digital technologies; each has its entry
        ("future-focus", "¿y lo digital qué necesita?", "digital-economy-overview"),
        ("future-focus", "ok but why does the green part matter", "green-economy-global-south"),
        # a topic the subject never speaks of is asked of its own
        ("green-supply-chain", "e na economia digital?", "digital-economy-overview"),
        # what is set aside is not what is asked
        ("byd-brazil-complex", "e faz o quê lá, só carro?", "byd-brazil-complex"),
    ],
)
def test_a_follow_up_naming_an_item_of_the_subject_gets_that_items_entry(
    shipped: Retriever, subject: str, follow_up: str, entry: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("did chinese money help regular folks down there?", "investment-benefits"),
        ("how many countries down there have farming deals with china?", "agri-mechanisms-19"),
    ],
)
def test_down_there_and_folks_are_chat_not_topics_the_article_lacks(
    shipped: Retriever, question: str, expected: str
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id) == (Decision.ANSWER, expected)
    # the 19 are countries: "down" was an unknown word that made it look uncounted
    assert answer.lacks == ()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "begin" only opens the question
        ("to begin with, what is CELAC?", "what-is-celac"),
        ("before we begin, what's CELAC?", "what-is-celac"),
        ("how big is celac?", "celac-size"),
        ("how big is the investment?", "investment-benefits"),
    ],
)
def test_words_around_a_question_leave_its_topic_alone(
    shipped: Retriever, question: str, expected: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, expected)


@pytest.mark.parametrize(
    "question",
    [
        # the article's photos are no satellite images; no cargo flights carry Xi
        "does the article include photos?",
        "does China sell airplanes to Latin America?",
    ],
)
def test_pictures_and_planes_alone_are_not_the_satellites_or_the_cargo_routes(
    shipped: Retriever, question: str
) -> None:
    answer = shipped.answer(question)

    assert answer.id not in {
        "venezuela-satellites",
        "cbers-data-sharing",
        "air-routes-ecommerce",
        "article-date",
    }


@pytest.mark.parametrize(
    "question",
    [
        "¿El autor asegura que habrá más inversión china?",
        "o autor garante que a China vai investir mais?",
    ],
)
def test_what_the_author_holds_is_no_belief_to_correct(shipped: Retriever, question: str) -> None:
    # the author's own claims are asked about, not a friend's belief whose opener is
    # dropped; the article makes no such forecast
    assert shipped.answer(question).decision is Decision.DECLINE


def test_an_item_qualified_by_a_word_the_article_never_uses_is_not_that_item(
    shipped: Retriever,
) -> None:
    # green hydrogen is no part of the green economy the article speaks of
    answer = shipped.answer("what about green hydrogen?", subject="future-focus")

    assert answer.id != "green-economy-global-south"


@pytest.mark.parametrize(
    ("follow_up", "lang"),
    [
        ("when?", "en"),
        ("when did it begin?", "en"),
        ("e quando começou?", "pt"),
        ("什么时候开始的？", "zh"),
    ],
)
def test_when_a_subject_began_is_its_own_date_which_the_article_lacks(
    shipped: Retriever, follow_up: str, lang: str
) -> None:
    # not Brazil's overview, whose only date is BYD's first vehicle, nor the vehicle
    answer = shipped.answer(follow_up, lang_hint=lang, subject="cbers-program")

    assert answer.decision is Decision.ANSWER
    assert answer.id in {"cbers-program", "satellites-launched"}
    assert answer.lacks == (Detail.DATE,)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("¿podés precisarme qué es la CELAC?", "what-is-celac"),
        (
            "Is it just the politicians shaking hands here boet, or are companies and "
            "varsities also in on the deal?",
            "cooperation-levels",
        ),
    ],
)
def test_varsities_politicians_and_polite_requests_are_understood(
    shipped: Retriever, question: str, expected: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, expected)


def test_a_belief_someone_swears_to_is_checked_not_who_wrote(shipped: Retriever) -> None:
    # "who right?" asks who of the two is right, not who wrote the article
    question = (
        "Me cousin swear all this China business is only big money for big people, nothing "
        "for regular folks. But I hear it making jobs too. Who right?"
    )

    assert verdict(shipped, question) == (Decision.ANSWER, "jobs-livelihoods")


@pytest.mark.parametrize(
    ("subject", "follow_up", "lang"),
    [
        ("bgi-uruguay-lab", "isso ajudou quem?", "pt"),
        ("bgi-uruguay-lab", "who did it help?", "en"),
    ],
)
def test_whom_it_helped_asks_what_the_subject_brings(
    shipped: Retriever, subject: str, follow_up: str, lang: str
) -> None:
    # not what BGI Genomics is ("helped" is no topic of its own)
    answer = shipped.answer(follow_up, lang_hint=lang, subject=subject)

    assert (answer.decision, answer.id) == (Decision.ANSWER, "bgi-uruguay-lab")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Para além dos executivos dos dois lados, que outras entidades participam nesta "
            "parceria sino-latino-americana?",
            "cooperation-levels",
        ),
        (
            "That new outfit set up to help keep the world fed - what's it meant to do?",
            "food-security",
        ),
        ("我看新闻说中国帮巴拿马搞农村电商，是通过啥渠道？", "digital-agriculture"),
    ],
)
def test_both_sides_feeding_the_world_and_the_news_are_understood(
    shipped: Retriever, question: str, expected: str
) -> None:
    assert verdict(shipped, question) == (Decision.ANSWER, expected)


@pytest.mark.parametrize(
    "question",
    [
        "how many jobs did chinese investment create in mexico?",
        "¿Cuántos empleos ha generado en México la cooperación China-CELAC?",
    ],
)
def test_a_detail_asked_of_a_country_the_topic_never_names_is_not_said_of_it(
    shipped: Retriever, question: str
) -> None:
    # the jobs the cooperation made, and that the article does not say it of Mexico; not
    # "did you mean" Mexico's overview
    answer = shipped.answer(question)

    assert (answer.decision, answer.id) == (Decision.ANSWER, "jobs-livelihoods")
    assert answer.lacks == (Detail.CLAIM,)


def test_a_detail_asked_of_a_rare_name_and_a_country_is_still_held_to_both(
    shipped: Retriever,
) -> None:
    # BYD built in Brazil: its plant's date is no answer about Mexico
    assert shipped.answer("when did BYD open a plant in Mexico?").id != "byd-first-vehicle"


def test_an_item_of_the_list_just_given_is_asked_more_of(shipped: Retriever) -> None:
    # after the fields of cooperation (aerospace, health, ...): what was done in health
    answer = shipped.answer("the second one, what did they do there?", subject="cooperation-fields")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "health-overview")


def test_a_first_thing_named_by_its_noun_is_no_item_of_the_list(shipped: Retriever) -> None:
    # the first car is BYD's first vehicle, not the first item of the plant's units
    answer = shipped.answer("when will the first car come out?", subject="byd-brazil-complex")

    assert answer.id == "byd-first-vehicle"


def test_a_question_word_put_last_before_here_still_asks(shipped: Retriever) -> None:
    # "vem fazer o quê aqui": what is he coming to do here, after Xi's visit
    answer = shipped.answer("vem fazer oq aqui", lang_hint="pt", subject="xi-visit")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "xi-visit")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("ô trem bão, os satélite ajuda a cuidar da água?", "pt"),
    ],
)
def test_taking_care_of_water_is_the_satellites_water_management(
    shipped: Retriever, question: str, lang: str
) -> None:
    answer = shipped.answer(question, lang_hint=lang)

    assert (answer.decision, answer.id) == (Decision.ANSWER, "cbers-data-uses")


def test_a_date_the_subject_gives_is_its_own_not_a_neighbours_start(shipped: Retriever) -> None:
    # APEC's meeting is dated by Xi's visit; the Forum "started" in 2014
    answer = shipped.answer("when did it start?", subject="apec-peru")

    assert (answer.decision, answer.id) == (Decision.ANSWER, "apec-peru")


@pytest.mark.parametrize(
    ("question", "lang", "expected"),
    [
        ("¿y eso en qué nos ha ayudado a la gente de a pie?", "es", "jobs-livelihoods"),
        (
            "é vdd q china e america latina criaram rota aerea so pra carga de comprinha "
            "gringa da internet",
            "pt",
            "air-routes-ecommerce",
        ),
    ],
)
def test_people_on_foot_and_gringo_purchases_are_understood(
    shipped: Retriever, question: str, lang: str, expected: str
) -> None:
    answer = shipped.answer(question, lang_hint=lang)

    assert (answer.decision, answer.id) == (Decision.ANSWER, expected)


def test_a_claim_word_is_not_misread_as_a_word_of_the_article(shipped: Retriever) -> None:
    # "afirmação" (claim) was corrected to "formação" (training): the food center
    question = (
        "Ouvi dizer, numa palestra, que desenvolver uma economia verde impulsiona a "
        "recuperação econômica mundial. Procede tal afirmação, segundo o artigo?"
    )

    assert shipped.answer(question).id != "food-innovation-center"


@pytest.mark.parametrize(
    ("subject", "follow_up"),
    [
        # the subject's own thing, answered by the subject alone
        ("byd-brazil-complex", "what vehicles does it make?"),
        ("bolivia-satellite", "what kind of satellite is it?"),
        ("bgi-uruguay-lab", "how does it improve healthcare?"),
    ],
)
def test_a_follow_up_about_the_subjects_own_thing_keeps_to_the_subject(
    shipped: Retriever, subject: str, follow_up: str
) -> None:
    assert verdict(shipped, follow_up, subject=subject) == (Decision.ANSWER, subject)


@pytest.mark.parametrize(
    "question",
    [
        "¿China contamina el agua de los ríos?",
        "巴西的用水问题严重吗？",
        "¿Cuánto cuesta el agua en México?",
        "也门和中国有合作吗？",  # Yemen: 也 is no particle in a name
    ],
)
def test_water_and_a_country_the_article_never_names_are_declined(
    shipped: Retriever, question: str
) -> None:
    assert shipped.answer(question).decision is Decision.DECLINE


@pytest.mark.parametrize(
    "question",
    [
        "mi primo me jura que BYD hizo una planta en México, ¿quién tiene razón?",
        "my mate reckons BYD built a plant in Mexico, thats rubbish eh?",
    ],
)
def test_a_verdict_after_a_comma_asks_of_the_belief_before_it(
    shipped: Retriever, question: str
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id) == (Decision.ANSWER, "byd-brazil-complex")
    assert answer.lacks == (Detail.CLAIM,)


def test_is_that_actually_the_case_checks_what_was_told(shipped: Retriever) -> None:
    # "the case" is no word of the article's: the message asks whether what it tells holds
    question = (
        "Greetings from a rather grey London ☔. As a Nigerian, I was pleased to hear that the "
        "China-Brazil satellite data is also made available to African countries. Is that "
        "actually the case?"
    )

    assert verdict(shipped, question) == (Decision.ANSWER, "cbers-data-sharing")


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        ("tell me more about the second one", "health-overview"),
        ("more on the first one please", "aerospace-overview"),
    ],
)
def test_more_about_an_item_of_the_list_is_that_items_entry(
    shipped: Retriever, follow_up: str, expected: str
) -> None:
    assert verdict(shipped, follow_up, subject="cooperation-fields") == (
        Decision.ANSWER,
        expected,
    )


def test_a_countrys_figure_the_topic_gives_is_not_read_as_the_countrys(
    shipped: Retriever,
) -> None:
    # the six CBERS satellites are Brazil's; "The article does not say that: Six." misleads
    answer = shipped.answer("how many satellites did China and Argentina build?")

    assert not (answer.id == "cbers-satellite-count" and Detail.CLAIM in answer.lacks)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("which countries have chinese EVs?", "ev-countries"),
        ("¿qué países recibieron vacunas de China?", "vaccine-countries"),
    ],
)
def test_an_answer_naming_the_countries_asked_for_says_nothing_lacks(
    shipped: Retriever, question: str, entry: str
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id, answer.lacks) == (Decision.ANSWER, entry, ())


@pytest.mark.parametrize(
    "question",
    [
        "who really wrote the article?",
        "but who actually wrote the article then?",
        "who exactly write dis article?",
    ],
)
def test_an_adverb_between_a_synonyms_words_leaves_the_synonym(
    shipped: Retriever, question: str
) -> None:
    # "who wrote" is the author's synonym; without it, "wrote" and "article" are the date's
    assert verdict(shipped, question) == (Decision.ANSWER, "article-author")
