"""`celacbot chat` driven through standard input, without a Telegram token."""

from __future__ import annotations

from tests.commands.conftest import RunCli


def test_chat_answers_suggests_and_picks_by_number(run_cli: RunCli) -> None:
    session = "\n".join(
        ["help", "Which satellites were launched?", "source", "1", "topics", "quit"]
    )

    result = run_cli("chat", stdin=session + "\n")

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "topics    list the article's topics" in out
    assert "Bolivia" in out
    assert 'From the article:\n  "' in out
    # "1" picks the first related question of the satellites answer.
    assert "Related:\n  1) " in out
    assert "- Aerospace:" in out


def test_chat_ends_cleanly_at_end_of_input(run_cli: RunCli) -> None:
    result = run_cli("chat", stdin="hello\n")

    assert result.returncode == 0, result.stderr
    assert result.stdout.count("you> ") == 2


def test_chat_declines_what_the_article_does_not_cover(run_cli: RunCli) -> None:
    result = run_cli("chat", stdin="weather in Lima\n")

    assert "The article does not say anything about that." in result.stdout


def test_chat_reads_a_follow_up_with_the_last_answers_subject(run_cli: RunCli) -> None:
    result = run_cli("chat", stdin="What has BYD built in Brazil?\nand when?\ncovid vaccines\n")

    answers = result.stdout.split("you> ")[2:]
    assert answers[0].startswith("(About: What has BYD built in Brazil?)")
    assert "early 2025" in answers[0]
    assert "About:" not in answers[1]


def test_chat_speaks_the_language_of_the_question(run_cli: RunCli) -> None:
    session = ["¿Qué satélites se lanzaron?", "1", "source", "¿Quién ganó el mundial de fútbol?"]

    result = run_cli("chat", stdin="\n".join([*session, "quit"]) + "\n")

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Relacionadas:\n  1) ¿Qué es el programa CBERS?" in out
    # "1" picks the related question, answered in Spanish too.
    assert "tú> CBERS es el programa" in out
    assert 'Del artículo:\n  "' in out
    assert "El artículo no dice nada sobre eso." in out
    assert "Related:" not in out
    assert "The article does not say" not in out


def test_a_number_beyond_the_list_gets_a_hint_not_an_answer(run_cli: RunCli) -> None:
    session = ["Which satellites were launched?", "7", "合作", "9"]

    result = run_cli("chat", stdin="\n".join(session) + "\n")

    out = result.stdout
    assert "you> There is no question 7 here: pick 1 to 3, or ask in words." in out
    assert "你> 这里没有第 9 个问题：请选择 1 到 3，或者直接用文字提问。" in out


def test_a_number_with_no_list_shown_is_a_question(run_cli: RunCli) -> None:
    result = run_cli("chat", stdin="19\n")

    assert "There is no question" not in result.stdout
    assert "19" in result.stdout.split("you> ", 2)[1]


def test_a_chinese_follow_up_of_one_character_and_chat_is_read_with_the_subject(
    run_cli: RunCli,
) -> None:
    # "有什么用" (what is it for): once 什么 is dropped, only 有 is left, no topic of its own.
    result = run_cli("chat", stdin="华大基因在乌拉圭建了什么？\n有什么用\n")

    assert "（关于：华大基因在乌拉圭建立了什么？）" in result.stdout


def test_a_follow_up_that_points_back_gets_the_neighbour_its_own_words_name(
    run_cli: RunCli,
) -> None:
    # "they" is the 19 CELAC members; "trade" names what is asked about them, which the
    # subject's own answer (the count) does not give.
    session = "how many celac members have agricultural cooperation mechanisms with china\n"
    result = run_cli("chat", stdin=session + "what do they trade?\n")

    follow_up = result.stdout.split("(About: ", 1)[1]
    assert "technology-driven products" in follow_up


def test_a_chinese_question_without_its_subject_is_read_with_the_last_one(
    run_cli: RunCli,
) -> None:
    # "什么时候成立的？" (when was it set up?) names nothing: Chinese leaves "it" out.
    result = run_cli("chat", stdin="可持续粮食创新中心是什么？\n什么时候成立的？\n")

    follow_up = result.stdout.split("（关于：", 1)[1]
    assert "可持续粮食创新中心" in follow_up.split("）", 1)[0]
    assert "本月早些时候" in follow_up


def test_a_question_naming_its_own_subject_is_not_read_with_the_last_one(
    run_cli: RunCli,
) -> None:
    # "it" is the food innovation center the message names, not BYD's complex.
    session = [
        "What has BYD built in Brazil?",
        "hey! whats the deal with the food innovation center, what is it supposed to do?",
        "可持续粮食创新中心是什么？",
        "讲个笑话",  # tell a joke: a word the article never uses, so no follow-up
    ]

    result = run_cli("chat", stdin="\n".join(session) + "\n")

    answers = result.stdout.split("> ")[1:]
    assert "About:" not in answers[1]
    assert "livestock farming technology" in answers[1]
    assert "文章没有提到这方面的内容" in answers[3]


def test_a_thumbs_up_or_a_question_about_the_article_is_not_read_with_the_subject(
    run_cli: RunCli,
) -> None:
    session = ["What has BYD built in Brazil?", "👍", "article name"]

    result = run_cli("chat", stdin="\n".join(session) + "\n")

    answers = result.stdout.split("> ")[1:]
    assert "BYD" not in answers[1]
    assert "About:" not in answers[2]
    assert "Latin America partnership for better future" in answers[2]


def test_a_follow_up_that_points_back_is_not_taken_by_a_loose_match_elsewhere(
    run_cli: RunCli,
) -> None:
    # On its own, "what did they set up in latin america" matches the jobs entry a little
    # better than anything about BGI: not by enough to take "they" away from BGI.
    result = run_cli("chat", stdin="who is bgi genomics\nwhat did they set up in latin america\n")

    follow_up = result.stdout.split("(About: What is BGI Genomics?)", 1)[1]
    assert "clinical laboratory in Uruguay" in follow_up.split("Related:", 1)[0]
