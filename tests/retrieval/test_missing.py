"""Which details a question asks for, read from its words."""

from __future__ import annotations

import pytest

from celacbot.retrieval.missing import (
    Detail,
    asked_details,
    asks_for_a_thing,
    count_opener,
    counted_asked,
    counted_given,
    gaps,
)


@pytest.mark.parametrize(
    "question",
    [
        "when?",
        "when was the forum founded",
        "when's the byd plant opening",
        "which dates?",
        "em que datas foi isso?",
        "¿en qué fechas es todo eso?",
        "e qdo foi isso?",  # quando, as typed on a phone
        "faz quanto tempo que existe esse fórum?",  # how long
        "Em qual período?",  # in what period
        "在哪个时间段？",
        "Em que prazo a montadora pretende concluir o primeiro veículo?",  # by when
        "Ok and timeline for first output?",  # by when, as a schedule
        "¿y el cronograma?",
    ],
)
def test_when_asks_for_a_date(question: str) -> None:
    assert Detail.DATE in asked_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "who got shots from china when covid hit?",
        "how does the global south come out ahead when china and latin america link up?",
    ],
)
def test_when_that_only_sets_a_time_asks_for_none(question: str) -> None:
    assert Detail.DATE not in asked_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "what's the total value of chinese investment in the caribbean?",
        "what is the value of chinese investments",
        "¿cuál es el valor total del comercio?",
        "¿cuánto litio exporta Latinoamérica a China?",
        "¿Cuánto café le vende El Salvador a China?",
        "how much coffee does colombia sell to china?",
    ],
)
def test_a_value_asks_for_an_amount(question: str) -> None:
    assert Detail.AMOUNT in asked_details(question)


def test_the_value_of_something_else_asks_for_none() -> None:
    assert Detail.AMOUNT not in asked_details("what is the value of this cooperation?")


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("how many hydro plants in Chile?", "hydro plants in"),
        ("¿Cuántas fábricas construyó?", "fabricas construyo"),
        ("中国在智利建了几间太阳能板工厂?", "太阳能板工厂"),
        ("what did BYD build?", None),
    ],
)
def test_what_a_question_asks_to_count(question: str, counted: str | None) -> None:
    assert counted_asked(question) == counted


def test_what_an_answers_figures_count() -> None:
    answer = "Chile, Argentina and Brazil. China has partnered with these three countries on it."
    assert counted_given(answer) == ["countries on it"]


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("中國喺拉美總共投資咗幾多錢？", Detail.AMOUNT),  # Cantonese "how much money"
        ("巴西有幾多粒衛星?", Detail.COUNT),
        ("中国投资了多少钱?", Detail.AMOUNT),
    ],
)
def test_cantonese_asks_how_much_and_how_many_as_mandarin_does(
    question: str, detail: Detail
) -> None:
    assert asked_details(question) == (detail,)


@pytest.mark.parametrize(
    "question",
    [
        "quanto é que a China investiu?",
        "qnto a china investiu na america latina no total?",  # as typed in a hurry
        "¿cuánto fue lo que invirtió China?",
        "¿cuál es el monto de la inversión china?",
        "y cuanta lana tiene ese fondo",  # lana: money, as Mexicans say
        "¿cuál es la plata total que invirtió China?",
        "Qual o montante total do investimento chinês?",
    ],
)
def test_how_much_was_invested_asks_an_amount(question: str) -> None:
    assert asked_details(question) == (Detail.AMOUNT,)


def test_a_company_that_set_something_up_is_asked_no_amount() -> None:
    # "montó" (set up) is "monto" (an amount) once its accent is gone
    assert Detail.AMOUNT not in asked_details("¿Qué empresa china montó un laboratorio en Uruguay?")
    # nor is money that does something ("la plata que pone China") an amount
    assert Detail.AMOUNT not in asked_details("la plata que pone china sirve pa algo concreto?")


@pytest.mark.parametrize(
    "question",
    [
        "how many people will work there?",
        "how many ppl work there",  # as typed in chat
        "y cuanta gente va a trabajar ahi",
        "quanta gente trabalha lá?",
    ],
)
def test_how_many_people_asks_a_headcount(question: str) -> None:
    assert asked_details(question) == (Detail.HEADCOUNT,)


@pytest.mark.parametrize(
    "question",
    [
        "比亚迪在哪建厂？",
        "实验室在哪里？",
        "where is the station?",
        "where is the food innovation center?",
        "where do they work?",  # people, who may be anywhere
    ],
)
def test_where_asks_for_a_location(question: str) -> None:
    assert Detail.LOCATION in asked_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "本文作者在哪个机构任职？",
        "作者在哪个单位？",
        "中拉在哪些领域合作？",
        "这些卫星的数据主要用在哪些方面？",  # what the data is used for
    ],
)
def test_at_which_institution_or_in_which_fields_asks_for_no_location(question: str) -> None:
    assert Detail.LOCATION not in asked_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "who runs the food innovation center?",
        "¿quién dirige el centro de innovación alimentaria?",
        "quem dirige o laboratório da BGI?",
        "粮食创新中心由谁负责？",
    ],
)
def test_who_runs_it_asks_for_a_person(question: str) -> None:
    assert Detail.PERSON in asked_details(question)


@pytest.mark.parametrize(
    ("question", "person"),
    [("那个人叫什么名字？", True), ("阿根廷的水电站叫什么名字？", False)],
)
def test_what_a_chinese_thing_is_called_asks_for_no_person(question: str, person: bool) -> None:
    # The stations' names are no person's: no "the article names no person" caveat.
    assert (Detail.PERSON in asked_details(question)) is person


@pytest.mark.parametrize(
    "question",
    [
        "what are the names of the hydropower stations?",
        "cómo se llaman las hidroeléctricas que hizo china en argentina",
        "Qual é o nome da hidrelétrica que a China construiu?",
        "阿根廷的水电站叫什么名字？",
    ],
)
def test_what_a_thing_is_called_asks_for_its_name(question: str) -> None:
    assert asked_details(question) == (Detail.NAME,)


def test_only_an_answer_saying_so_lacks_a_name() -> None:
    # Any answer may hold a name ("the South-South Cooperation Trust Fund"): no caveat of
    # ours says it has none; one that says it names nothing lacks it, and says so.
    assert not gaps((Detail.NAME,), "Through the South-South Cooperation Trust Fund.").all
    stated = gaps((Detail.NAME,), "Hydropower stations. The article does not name them.")
    assert stated.stated == (Detail.NAME,)
    assert not stated.unstated


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("¿Qué tipo de coches va a fabricar BYD en Brasil?", True),
        ("比亚迪巴西工厂生产什么？", True),
        ("what's the publication date", False),  # a date, asked with "what"
        ("BYD巴西工厂啥时候出第一辆车？", False),
        ("did BYD build a plant?", False),
    ],
)
def test_what_or_which_asks_for_a_thing_unless_it_asks_when(question: str, thing: bool) -> None:
    assert asks_for_a_thing(question) is thing


@pytest.mark.parametrize(
    "question",
    [
        "what did China do to date in Chile?",
        "¿qué ha hecho China en Chile hasta la fecha?",
        "quem lidera as vendas de carros elétricos no Chile?",  # a company or a country
    ],
)
def test_so_far_or_who_leads_a_market_asks_for_no_date_or_person(question: str) -> None:
    assert {Detail.DATE, Detail.PERSON}.isdisjoint(asked_details(question))


@pytest.mark.parametrize(
    "question",
    [
        "作者在哪高就？",
        "他在哪里高就",
        "他在哪里工作？",
        "他在哪儿上班？",
        "where does he work?",
        "where is he working?",
        "¿dónde trabaja?",
        "onde ele trabalha?",
    ],
)
def test_where_someone_works_asks_for_no_location(question: str) -> None:
    # the institute the author works at, not a place: "The article does not say where." above
    # an answer naming it would be false
    assert Detail.LOCATION not in asked_details(question)


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        ("¿Cuál es la empresa que fabrica paneles solares en Chile?", Detail.COMPANIES),
        ("qual é a empresa que constrói as fábricas?", Detail.COMPANIES),
        ("which company built it?", Detail.COMPANIES),
        ("cual es la universidad que participa?", Detail.INSTITUTIONS),
        ("qual a potência das usinas hidrelétricas na argentina?", Detail.SIZE),
        ("what did xi sign at the g20?", Detail.AGREEMENTS),
        # Chinese asks for the same details; a word or two between "which" and the company
        ("智利那个光伏板工厂是哪家中国公司建的？", Detail.COMPANIES),
        ("是哪个中国农业大学在做？", Detail.INSTITUTIONS),
        ("比亚迪巴西工厂第一款车是什么车型？", Detail.BRAND),
        ("卖得最多的是哪个牌子？", Detail.BRAND),
        # the rocket that launched a satellite, which the article never names
        ("which rocket launched venezuela's satellites?", Detail.ROCKET),
        ("¿con qué cohete lanzaron el satélite de Bolivia?", Detail.ROCKET),
        ("cbers卫星用什么火箭发射的", Detail.ROCKET),
        ("发电量大概多少兆瓦？", Detail.SIZE),
        ("中拉贸易额一年多少？", Detail.RATE),
        ("一共开过几届部长级会议？", Detail.COUNT),
        ("習近平這次訪問秘魯見了哪些領導人？", Detail.MEETING),
        # which leader went: the visitor is a person the answer names
        ("哪位领导人去秘鲁参加了APEC会议", Detail.PERSON),
    ],
)
def test_a_company_a_brand_a_plants_power_or_what_was_signed_is_a_detail(
    question: str, detail: Detail
) -> None:
    assert detail in asked_details(question)


@pytest.mark.parametrize(
    ("question", "detail"),
    [
        # a power among nations is no plant's capacity
        ("¿Qué potencia extranjera ayudó a Bolivia a lanzar su satélite?", Detail.SIZE),
        ("¿Cuál es la potencia que más invierte en América Latina?", Detail.SIZE),
        ("what firm commitments did xi make at the g20?", Detail.COMPANIES),
        ("what did they sign up for in the food innovation center?", Detail.AGREEMENTS),
    ],
)
def test_a_great_power_a_firm_commitment_or_signing_up_asks_for_no_such_detail(
    question: str, detail: Detail
) -> None:
    assert detail not in asked_details(question)


@pytest.mark.parametrize(
    ("answer", "opener"),
    [
        ("Six. The China-Brazil ...", "Six. "),
        ("Seis. El programa ...", "Seis. "),
        ("六颗。中巴地球资源卫星 ...", "六颗。"),
        # a colon's lead-in, which the rest needs ("... with each of them")
        ("Two things: China and Argentina ...", ""),
        ("With 19 CELAC members: China ...", ""),
        ("Duas: a Reunião ...", ""),
        ("In 2014: the article says ...", ""),  # a year, not a count
        ("Peru and Brazil. Besides ...", ""),
        ("The six CBERS satellites ...", ""),
    ],
)
def test_the_count_an_answer_opens_with(answer: str, opener: str) -> None:
    assert count_opener(answer) == opener


@pytest.mark.parametrize(
    ("question", "counts"),
    [
        ("中国电动车进了拉美哪几个市场", False),  # which ones
        ("能举几个例子吗", False),  # give a few examples
        ("这几个国家里，哪些还跟中国搞绿色能源项目？", False),  # among these countries
        ("中国同几个国家有农业合作？", True),
    ],
)
def test_a_chinese_few_is_a_count_only_when_asked(question: str, counts: bool) -> None:
    assert (Detail.COUNT in asked_details(question)) is counts
