"""`celacbot ask`: arguments, standard input, text and JSON output."""

from __future__ import annotations

import json

from tests.commands.conftest import RunCli

JSON_KEYS = [
    "question",
    "answered",
    "answer",
    "id",
    "kind",
    "score",
    "suggestions",
    "source",
    "lang",
    "missing",
    "parts",
]


def test_json_has_exactly_the_documented_fields(run_cli: RunCli) -> None:
    result = run_cli("ask", "--json", "Which satellites were launched?")

    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert list(record) == JSON_KEYS
    assert record["question"] == "Which satellites were launched?"
    assert (record["answered"], record["id"], record["kind"]) == (
        True,
        "satellites-launched",
        "faq",
    )
    assert "Bolivia" in record["answer"]
    assert isinstance(record["score"], float)
    assert record["suggestions"] == []
    assert all(isinstance(quote, str) for quote in record["source"]) and record["source"]


def test_json_decline_has_empty_answer_and_null_id(run_cli: RunCli) -> None:
    result = run_cli("ask", "--json", "who won the 2022 world cup")

    record = json.loads(result.stdout)
    assert (record["answered"], record["answer"], record["id"], record["kind"]) == (
        False,
        "",
        None,
        "none",
    )


def test_stdin_gives_one_json_object_per_line_in_order(run_cli: RunCli) -> None:
    questions = ["hi", "BYD Brazil factory", "", "weather in Lima", "\u202e😀"]

    result = run_cli("ask", "--json", stdin="\n".join(questions) + "\n")

    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["question"] for record in records] == questions
    assert [record["kind"] for record in records] == ["smalltalk", "faq", "none", "none", "none"]


def test_text_output_shows_answer_and_source(run_cli: RunCli) -> None:
    result = run_cli("ask", "Which satellites were launched?")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("> Which satellites were launched?\n")
    assert "Bolivia" in result.stdout
    assert "From the article:" in result.stdout


def test_text_output_declines_honestly(run_cli: RunCli) -> None:
    result = run_cli("ask", "what is the population of Brazil")

    assert "The article does not say anything about that." in result.stdout


def test_json_lang_is_the_questions_language(run_cli: RunCli) -> None:
    questions = [
        "¿Qué satélites se lanzaron?",
        "quais satélites foram lançados",
        "卫星",
        "satellites",
    ]

    result = run_cli("ask", "--json", *questions)

    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(record["id"], record["lang"]) for record in records] == [
        ("satellites-launched", "es"),
        ("satellites-launched", "pt"),
        ("satellites-launched", "zh"),
        ("satellites-launched", "en"),
    ]
    assert records[1]["answer"].startswith("O artigo cita")


def test_lang_option_settles_a_question_of_names(run_cli: RunCli) -> None:
    result = run_cli("ask", "--json", "--lang", "pt", "BYD Brasil")

    record = json.loads(result.stdout)
    assert (record["id"], record["lang"]) == ("byd-brazil-complex", "pt")
    assert record["answer"].startswith("A montadora chinesa BYD")


def test_lang_option_rejects_an_unsupported_language(run_cli: RunCli) -> None:
    result = run_cli("ask", "--lang", "fr", "BYD Brasil")

    assert result.returncode == 2
    assert "--lang" in result.stderr


def test_a_near_miss_says_what_the_article_does_not_give(run_cli: RunCli) -> None:
    result = run_cli("ask", "--json", "how much money has china invested in latin america?")

    record = json.loads(result.stdout)
    assert record["answered"] is True
    assert record["missing"] == "The article does not give an amount of money."


def test_two_questions_in_one_message_get_one_part_each(run_cli: RunCli) -> None:
    result = run_cli(
        "ask", "--json", "Which countries got ventilators from China, and what did BYD build?"
    )

    record = json.loads(result.stdout)
    assert [part["id"] for part in record["parts"]] == ["vaccine-countries", "byd-brazil-complex"]
    assert record["id"] == "vaccine-countries"


def test_a_question_gets_the_same_answer_in_every_run(run_cli: RunCli) -> None:
    # "vender" is one letter from "venden" (es) and "vendem" (pt), equally close: the pick
    # once followed a set's order, which Python changes from run to run.
    # ("cómo vender ..." asks how to do something, declined before any spelling matters)
    question = "vender productos del campo por internet a otros países"

    runs = [
        run_cli("ask", "--json", question, env={"PYTHONHASHSEED": str(seed)}) for seed in range(4)
    ]

    assert [run.returncode for run in runs] == [0] * 4
    # An answer or "did you mean" choices, in Spanish or Portuguese as the speller decides.
    record = json.loads(runs[0].stdout)
    assert record["answered"] or record["suggestions"]
    assert len({run.stdout for run in runs}) == 1
