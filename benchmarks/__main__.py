"""Run every benchmark and print one report; exit 1 when any misses a target."""

from __future__ import annotations

import importlib
import sys

# name -> module; each module has `run() -> bool` that prints its section and returns
# whether every target was met. A new benchmark is one more line here.
BENCHMARKS: dict[str, str] = {
    "retrieval": "benchmarks.retrieval",
    "telegram": "benchmarks.telegram",
    "request paths": "benchmarks.request_paths",
    "start-up": "benchmarks.startup",
    "flood control": "benchmarks.throttle",
}


def main() -> int:
    """Run the benchmarks in order; a missed target makes the exit code 1."""
    missed = []
    for name, module_name in BENCHMARKS.items():
        print(f"\n=== {name} ===", flush=True)
        if not importlib.import_module(module_name).run():
            missed.append(name)
    print(f"\n{'targets missed in: ' + ', '.join(missed) if missed else 'all targets met'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
