"""`celacbot misses`: what a maintainer reads to decide which phrasing or entry to add."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from celacbot.cli import main
from celacbot.misslog.store import EventStore
from tests.misslog.builders import answered, declined, suggested, write_knowledge

MISSES = [
    (declined("How many satellites did CBERS launch?"), 1),
    (declined("how many satellites did cbers launch"), 2),
    (suggested("How many satellites did CBERS launch", ("cbers-satellites", 58.0)), 2),
    (declined("Where did BYD build factories?"), 3),
    (declined("where did byd build factories"), 3),
    (declined("Will it rain in Lima tomorrow?"), 4),
]


@pytest.fixture
def faq(tmp_path: Path) -> Path:
    return write_knowledge(tmp_path)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "celacbot.sqlite3"
    store = EventStore.open(path)
    for event_id, (answer, user) in enumerate(MISSES, start=1):
        store.record(event_id, answer, user_id=user, chat_type="private")
    store.record(len(MISSES) + 1, answered("byd-brazil"), user_id=5, chat_type="private")
    store.set_outcome(3, "cbers-satellites")
    store.close()
    return path


def misses(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main(["misses", *map(str, args)])
    return code, capsys.readouterr().out


def test_the_table_shows_each_group_with_count_users_nearest_entry_and_examples(
    capsys: pytest.CaptureFixture[str], db: Path, faq: Path
) -> None:
    code, out = misses(capsys, "--db", db, "--knowledge", faq)

    assert code == 0
    assert out.startswith("6 unanswered questions; the 3 biggest groups:\n")
    first = out.split("\n\n")[1]
    assert first.splitlines()[0].startswith(
        "#1  asked 3 times by 2 users (2 declined, 1 suggested)"
    )
    assert "    nearest: cbers-satellites (" in first
    assert "    picked:  cbers-satellites x1" in first
    assert "How many satellites did CBERS launch?" in first
    assert "how many satellites did cbers launch" in first


def test_csv_has_one_row_per_group_biggest_first(
    capsys: pytest.CaptureFixture[str], db: Path, faq: Path
) -> None:
    code, out = misses(capsys, "--db", db, "--knowledge", faq, "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [(row["count"], row["users"], row["nearest_id"]) for row in rows[:2]] == [
        ("3", "2", "cbers-satellites"),
        ("2", "1", "byd-brazil"),
    ]
    assert rows[2]["examples"] == "Will it rain in Lima tomorrow?"


def test_json_lists_groups_with_their_examples_and_picks(
    capsys: pytest.CaptureFixture[str], db: Path, faq: Path
) -> None:
    code, out = misses(capsys, "--db", db, "--knowledge", faq, "--format", "json", "--top", "2")

    document = json.loads(out)
    assert code == 0
    assert (document["misses"], len(document["groups"])) == (6, 2)
    first = document["groups"][0]
    assert (first["count"], first["picked"], first["nearest"]["id"]) == (
        3,
        {"cbers-satellites": 1},
        "cbers-satellites",
    )
    assert document["groups"][1]["examples"] == [
        "where did byd build factories",  # asked as often as the other, but more recently
        "Where did BYD build factories?",
    ]


def test_since_a_later_date_finds_nothing_to_do(
    capsys: pytest.CaptureFixture[str], db: Path, faq: Path
) -> None:
    code, out = misses(capsys, "--db", db, "--knowledge", faq, "--since", "2999-01-01")

    assert (code, out) == (
        0,
        "No unanswered questions since 2999-01-01 00:00 UTC: nothing to do.\n",
    )


def test_a_log_with_only_answered_questions_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "celacbot.sqlite3"
    store = EventStore.open(db)
    store.record(1, answered("byd-brazil"), user_id=1, chat_type="private")
    store.close()

    assert misses(capsys, "--db", db) == (0, "No unanswered questions: nothing to do.\n")


def test_a_missing_log_is_one_line_and_exit_status_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out = misses(capsys, "--db", tmp_path / "nowhere.sqlite3")

    assert code == 1
    assert out.count("\n") == 1
    assert "no question log at" in out


def test_an_unreadable_log_is_one_line_on_stderr_and_exit_status_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "celacbot.sqlite3"
    db.write_bytes(b"garbage" * 1000)

    code = main(["misses", "--db", str(db)])

    captured = capsys.readouterr()
    assert (code, captured.out) == (1, "")
    assert captured.err.startswith(f"celacbot misses: cannot read {db}: ")
    assert captured.err.count("\n") == 1
    assert db.read_bytes() == b"garbage" * 1000  # reading never moves or repairs the file


def test_without_a_usable_knowledge_file_the_groups_are_still_shown(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    code = main(["misses", "--db", str(db), "--knowledge", str(tmp_path / "missing.yaml")])

    captured = capsys.readouterr()
    assert code == 0
    assert "#1  asked 3 times" in captured.out
    assert "nearest:" not in captured.out
    assert captured.err.startswith("celacbot misses: no nearest entries: ")


def test_the_installed_command_prints_csv(db: Path, faq: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "celacbot.cli", "misses", "--db", str(db), "--format", "csv"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "", "CELACBOT_KNOWLEDGE": str(faq)},
        cwd=faq.parent,  # away from any .env in the checkout
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0].startswith("rank,count,users,declined,suggested,")
    assert result.stdout.splitlines()[1].startswith("1,3,2,2,1,")
