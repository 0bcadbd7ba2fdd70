"""The question log: what the bot decided, for /stats, /misses and `celacbot misses`."""

from celacbot.misslog.log import LogBusyError, QuestionLog, Writes
from celacbot.misslog.report import misses_report, stats_report, writes_report
from celacbot.misslog.store import (
    DB_FILENAME,
    EventStore,
    Miss,
    Outcome,
    ScoredEntry,
    Stats,
)

__all__ = [
    "DB_FILENAME",
    "EventStore",
    "LogBusyError",
    "Miss",
    "Outcome",
    "QuestionLog",
    "ScoredEntry",
    "Stats",
    "Writes",
    "misses_report",
    "stats_report",
    "writes_report",
]
