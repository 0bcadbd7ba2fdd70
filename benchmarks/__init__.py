"""Speed and quality benchmarks: `make bench` runs `python -m benchmarks`."""
