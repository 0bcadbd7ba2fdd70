"""Run every benchmark, then print every target in one table; exit 1 when any is missed.

The targets are issue 13's, 14's and 16's, measured as users live them (see each module);
everything else a benchmark prints is information.
"""

from __future__ import annotations

import importlib
import sys
import time

from benchmarks.targets import Target, table

# name -> module; each module has `run() -> list[Target]` that prints its section and returns
# the targets it measured. A new benchmark is one more line here.
BENCHMARKS: dict[str, str] = {
    "retrieval": "benchmarks.retrieval",
    "Telegram throughput": "benchmarks.telegram",
    "request paths": "benchmarks.request_paths",
    "memory after 50,000 chats": "benchmarks.memory",
    "start-up": "benchmarks.startup",
    "flood control": "benchmarks.throttle",
}


def main() -> int:
    """Run the benchmarks in order; a missed target makes the exit code 1."""
    found: list[Target] = []
    started = time.perf_counter()
    for name, module_name in BENCHMARKS.items():
        print(f"\n=== {name} ===", flush=True)
        section_started = time.perf_counter()
        found += importlib.import_module(module_name).run()
        print(f"  ({time.perf_counter() - section_started:.0f} s)", flush=True)
    minutes = (time.perf_counter() - started) / 60
    print(f"\n=== targets ({minutes:.1f} min in all) ===\n{table(found)}")
    missed = [target.name for target in found if not target.met]
    print(f"\n{len(missed)} of {len(found)} targets missed" if missed else "\nall targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
