"""A process's peak memory (Linux VmHWM), read from outside or written by the process itself
as it exits, so that its whole life counts, shutdown included.

Imported by the bots being measured: it must cost them nothing, so it imports only the
standard library that every Python process has loaded anyway.
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path

# The file a bot writes its peak to at exit; benchmarks/bots.py sets it.
FILE_VARIABLE = "BENCH_PEAK_RSS_FILE"


def peak_rss_mb(pid: int | None = None) -> float | None:
    """The peak resident set size so far of a process (this one by default), in MB, or None
    where /proc does not tell."""
    try:
        status = Path(f"/proc/{pid or 'self'}/status").read_text()
    except OSError:
        return None
    kilobytes = next(
        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), None
    )
    return None if kilobytes is None else kilobytes / 1024


def write_at_exit() -> None:
    """Write this process's peak, in MB, to the file the environment names, at exit."""
    path = os.environ.get(FILE_VARIABLE)
    if path:
        atexit.register(lambda: Path(path).write_text(f"{peak_rss_mb() or 0.0}\n"))


def read(path: Path) -> float | None:
    """The peak a process wrote to `path`, or None when it wrote none (it was killed)."""
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    return float(text) if text else None
