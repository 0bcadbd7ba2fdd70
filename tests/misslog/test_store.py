"""The log file: what a maintainer finds in it, what it keeps private, and how it stays small."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from celacbot.misslog.store import (
    MAX_QUESTION_CHARS,
    SCHEMA_VERSION,
    V1_ID_GAP,
    EventStore,
    LogInUseError,
    Outcome,
    SchemaTooNewError,
    ScoredEntry,
    Stats,
)
from celacbot.retrieval.answer import Decision
from tests.misslog.builders import answered, declined, smalltalk, suggested


@pytest.fixture
def store(db: Path) -> EventStore:
    return EventStore.open(db)


def test_the_data_directory_it_creates_is_private_to_its_owner(db: Path) -> None:
    EventStore.open(db).close()

    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700


def test_a_declined_question_is_stored_with_its_text_and_chat(store: EventStore) -> None:
    store.record(
        1, declined("What is the GDP of Peru?"), user_id=7, chat_type="group", language="es"
    )

    (miss,) = store.misses()

    assert (miss.id, miss.decision, miss.question, miss.normalised) == (
        1,
        Decision.DECLINE,
        "What is the GDP of Peru?",
        "what is the gdp of peru",
    )
    assert (miss.chat_type, miss.language, miss.candidates, miss.outcome) == (
        "group",
        "es",
        (),
        None,
    )


def test_a_suggestion_keeps_its_top_three_candidates(store: EventStore) -> None:
    answer = suggested(
        "byd", ("byd-brazil", 58.04), ("ev-markets", 51.0), ("lithium", 49.5), ("x", 47.0)
    )
    store.record(1, answer, user_id=7, chat_type="private")

    (miss,) = store.misses()

    assert miss.candidates == (
        ScoredEntry("byd-brazil", 58.0),
        ScoredEntry("ev-markets", 51.0),
        ScoredEntry("lithium", 49.5),
    )


def test_the_users_pick_and_none_of_these_are_recorded_once(store: EventStore) -> None:
    store.record(1, suggested("byd", ("byd-brazil", 58.0)), user_id=7, chat_type="private")
    store.record(2, suggested("cbers", ("cbers", 55.0)), user_id=7, chat_type="private")

    assert store.set_outcome(1, "byd-brazil")
    assert store.set_outcome(2, None)
    # A second tap on an old keyboard does not rewrite what the user chose first.
    assert not store.set_outcome(1, None)

    second, first = store.misses()
    assert (first.outcome, first.picked_id) == (Outcome.PICKED, "byd-brazil")
    assert (second.outcome, second.picked_id) == (Outcome.NONE, None)


def test_an_outcome_cannot_be_set_on_a_declined_or_unknown_event(store: EventStore) -> None:
    store.record(1, declined("weather?"), user_id=7, chat_type="private")

    assert (store.set_outcome(1, "x"), store.set_outcome(99, "x")) == (False, False)


def test_an_answered_question_keeps_only_the_entry_id(store: EventStore, db: Path) -> None:
    store.record(1, answered("cbers", "How many CBERS satellites?"), user_id=7, chat_type="private")

    with sqlite3.connect(db) as connection:
        row = connection.execute(
            "SELECT decision, entry_id, question, normalised, candidates, user_hash FROM events"
        ).fetchone()

    assert row == ("answer", "cbers", None, None, None, None)
    assert store.misses() == []


def test_stats_count_each_decision_and_the_top_entries_and_misses(store: EventStore) -> None:
    for event_id, answer in enumerate(
        [
            answered("cbers"),
            answered("cbers"),
            answered("byd"),
            smalltalk(),
            suggested("byd plant", ("byd", 55.0)),
            suggested("the satellites", ("cbers", 52.0)),
            declined("Weather in Lima?"),
            declined("weather in lima?"),
            declined("GDP of Peru"),
        ],
        start=1,
    ):
        store.record(event_id, answer, user_id=event_id, chat_type="private")
    store.set_outcome(5, "byd")
    store.set_outcome(6, None)

    stats = store.stats(top=2)

    assert stats == Stats(
        since=None,
        answered=3,
        smalltalk=1,
        suggested=2,
        declined=3,
        picked=1,
        none_of_these=1,
        top_entries=(("byd", 2), ("cbers", 2)),
        top_unanswered=(("weather in lima", 2), ("gdp of peru", 1)),
    )
    assert stats.total == 9


def test_stats_since_a_moment_count_only_later_questions(store: EventStore) -> None:
    now = datetime.now(UTC)
    store.record(1, declined("old"), user_id=1, chat_type="private", time=now - timedelta(days=2))
    store.record(2, declined("new"), user_id=1, chat_type="private", time=now)
    store.record(3, answered("cbers"), user_id=1, chat_type="private", time=now)

    stats = store.stats(since=now - timedelta(days=1))

    assert (stats.declined, stats.answered, stats.top_unanswered) == (1, 1, (("new", 1),))
    assert [miss.question for miss in store.misses(now - timedelta(days=1))] == ["new"]


def test_a_long_question_is_truncated(store: EventStore) -> None:
    store.record(1, declined("why " * 2000), user_id=1, chat_type="private")

    (miss,) = store.misses()

    assert (len(miss.question), len(miss.normalised)) == (
        MAX_QUESTION_CHARS,
        MAX_QUESTION_CHARS - 1,
    )


def test_the_normaliser_given_is_stored_for_grouping(db: Path) -> None:
    store = EventStore.open(db, normalise=lambda text: "".join(sorted(text.lower().split())))
    store.record(1, declined("B a C"), user_id=1, chat_type="private")

    assert store.misses()[0].normalised == "abc"


def test_pruning_keeps_the_newest_events_up_to_the_cap(db: Path) -> None:
    store = EventStore.open(db, max_events=10)
    for event_id in range(1, 26):
        store.record(event_id, declined(f"question {event_id}"), user_id=1, chat_type="private")

    deleted = store.prune()

    assert deleted == 15
    assert [miss.id for miss in store.misses()] == list(range(25, 15, -1))


def test_pruning_drops_events_older_than_the_age_limit(db: Path) -> None:
    store = EventStore.open(db, max_age_days=30)
    now = datetime.now(UTC)
    store.record(1, declined("old"), user_id=1, chat_type="private", time=now - timedelta(days=31))
    store.record(
        2, declined("recent"), user_id=1, chat_type="private", time=now - timedelta(days=29)
    )

    assert store.prune(now) == 1
    assert [miss.question for miss in store.misses()] == ["recent"]


def test_opening_prunes_what_accumulated(db: Path) -> None:
    store = EventStore.open(db)
    for event_id in range(1, 6):
        store.record(event_id, declined(f"q{event_id}"), user_id=1, chat_type="private")
    store.close()

    reopened = EventStore.open(db, max_events=2)

    assert [miss.id for miss in reopened.misses()] == [5, 4]


def test_no_user_id_is_stored_in_clear(db: Path) -> None:
    store = EventStore.open(db)
    store.record(1, declined("first"), user_id=424242424242, chat_type="private")
    store.record(2, declined("second"), user_id=424242424242, chat_type="private")
    store.record(3, declined("other user"), user_id=515151515151, chat_type="private")
    hashes = [miss.user_hash for miss in store.misses()]
    store.close()

    raw = b"".join(path.read_bytes() for path in db.parent.iterdir())

    assert b"424242424242" not in raw
    assert b"515151515151" not in raw
    assert hashes[1] == hashes[2] != hashes[0]


def test_each_file_has_its_own_salt_so_hashes_do_not_link_across_files(tmp_path: Path) -> None:
    first = EventStore.open(tmp_path / "one.sqlite3")
    second = EventStore.open(tmp_path / "two.sqlite3")

    assert first.user_hash(424242) != second.user_hash(424242)
    assert first.user_hash(424242) == first.user_hash(424242)


def test_the_file_is_in_wal_mode_with_its_schema_version(store: EventStore, db: Path) -> None:
    with sqlite3.connect(db) as connection:
        modes = (
            connection.execute("PRAGMA journal_mode").fetchone()[0],
            connection.execute("PRAGMA user_version").fetchone()[0],
        )

    assert modes == ("wal", SCHEMA_VERSION)


def test_a_garbage_file_is_moved_aside_and_replaced(
    db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database " * 500)

    store = EventStore.open(db)
    store.record(1, declined("still works"), user_id=1, chat_type="private")

    (moved,) = db.parent.glob("celacbot.sqlite3.corrupt-*")
    assert moved.read_bytes().startswith(b"this is not a database")
    assert [miss.question for miss in store.misses()] == ["still works"]
    assert [record.levelname for record in caplog.records] == ["ERROR"]
    assert "moved it to celacbot.sqlite3.corrupt-" in caplog.records[0].getMessage()


def test_a_file_with_damaged_pages_is_moved_aside(db: Path) -> None:
    store = EventStore.open(db)
    for event_id in range(1, 400):
        store.record(event_id, declined(f"question number {event_id}"), user_id=1, chat_type="p")
    store.close()
    with db.open("r+b") as file:
        file.seek(4096 * 2)  # past the header page: the schema still reads, the data does not
        file.write(b"\xff" * 4096 * 3)

    reopened = EventStore.open(db)

    assert reopened.misses() == []
    assert len(list(db.parent.glob("celacbot.sqlite3.corrupt-*"))) == 1


def test_a_newer_schema_is_left_untouched(db: Path) -> None:
    EventStore.open(db).close()
    with sqlite3.connect(db) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    with pytest.raises(SchemaTooNewError):
        EventStore.open(db)
    assert list(db.parent.glob("*.corrupt-*")) == []


def test_a_read_only_store_sees_what_the_writer_committed(store: EventStore, db: Path) -> None:
    store.record(1, declined("seen by the CLI"), user_id=1, chat_type="private")

    reader = EventStore.open_readonly(db)

    assert [miss.question for miss in reader.misses()] == ["seen by the CLI"]
    with pytest.raises(sqlite3.OperationalError):
        reader.record(2, declined("x"), user_id=1, chat_type="private")


def test_a_file_that_cannot_be_opened_is_not_moved_aside(tmp_path: Path) -> None:
    occupied = tmp_path / "celacbot.sqlite3"
    occupied.mkdir()  # a directory where the file should be

    with pytest.raises(sqlite3.OperationalError):
        EventStore.open(occupied)
    assert occupied.is_dir()
    assert list(tmp_path.glob("*.corrupt-*")) == []


def test_a_second_writer_is_refused_while_the_first_has_the_file(
    store: EventStore, db: Path
) -> None:
    # Both would hand out the same reserved event ids.
    with pytest.raises(LogInUseError, match="another celacbot"):
        EventStore.open(db)
    store.record(1, declined("still written"), user_id=1, chat_type="private")

    assert [miss.question for miss in EventStore.open_readonly(db).misses()] == ["still written"]


def test_reserved_ids_are_never_reserved_again_even_once_pruned(db: Path) -> None:
    store = EventStore.open(db, max_age_days=30)
    first = store.reserve_ids(100)
    second = store.reserve_ids(100)
    old = datetime.now(UTC) - timedelta(days=31)
    store.record(first[0], declined("old"), user_id=1, chat_type="private", time=old)
    store.prune()  # the file is empty again
    store.close()

    after_restart = EventStore.open(db).reserve_ids(10)

    assert (first, second) == (range(1, 101), range(101, 201))
    assert after_restart == range(201, 211)


def test_a_schema_1_file_is_migrated_and_its_ids_continue_past_any_it_could_have_shown(
    db: Path,
) -> None:
    store = EventStore.open(db)
    for event_id in (7, 8):
        store.record(event_id, declined(f"q{event_id}"), user_id=1, chat_type="private")
    store.close()
    # What a schema 1 file is: the same tables, without the id reservation.
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM meta WHERE key = 'reserved_event_id'")
        connection.execute("PRAGMA user_version = 1")

    migrated = EventStore.open(db)
    ids = migrated.reserve_ids(10)

    assert ids.start == 8 + V1_ID_GAP + 1
    assert [miss.question for miss in migrated.misses()] == ["q8", "q7"]
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2


def test_a_suggestion_remembers_whom_it_offered_what(store: EventStore) -> None:
    store.record(
        1, suggested("byd plant", ("byd", 55.0), ("cbers", 50.0)), user_id=7, chat_type="private"
    )
    store.record(2, declined("GDP of Peru?"), user_id=7, chat_type="private")
    store.record(3, suggested("anonymous", ("byd", 55.0)), user_id=None, chat_type="channel")

    assert [store.offered(1, 7, entry) for entry in ("byd", "cbers", None)] == [True] * 3
    assert store.offered(1, 8, "byd") is False
    assert store.offered(1, 7, "lima") is False
    assert store.offered(2, 7, None) is False
    assert store.offered(3, 7, "byd") is False
    assert store.offered(4, 7, None) is False


def test_check_finds_a_file_written_over_or_deleted_while_open(store: EventStore, db: Path) -> None:
    store.record(1, declined("kept in the write-ahead log"), user_id=1, chat_type="private")
    store.check()  # sound
    with db.open("r+b") as file:
        file.write(b"\x00garbage\xff" * 100)

    with pytest.raises(sqlite3.DatabaseError, match="written over"):
        store.check()
    db.unlink()
    with pytest.raises(sqlite3.DatabaseError, match="deleted or moved"):
        store.check()
