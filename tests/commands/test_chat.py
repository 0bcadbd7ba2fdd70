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
