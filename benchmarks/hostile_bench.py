"""Benchmark: the hostile-input table (tests/test_hostile.py) — inputs per kind and time per case, best of N.

Run from the repo root:  python -m benchmarks.hostile_bench [--repeat 3] [--top 5]
Each case is one CLI audit (one or two models) against a crafted fake Hub, so its time is the longest
single-model time on that input, CLI start-up in-process included.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile import check_invariants, run_case  # noqa: E402
from tests.test_hostile import CASES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the best is kept (default 3)")
    parser.add_argument("--top", type=int, default=5, help="slowest cases to show (default 5)")
    args = parser.parse_args()
    kinds = Counter(case.kind for case in CASES)
    print(f"{len(CASES)} inputs: " + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())))
    best: dict[str, float] = {}
    for case in CASES:
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                run = run_case(case, Path(tmp))
                check_invariants(case, run)
            best[case.id] = min(best.get(case.id, float("inf")), run.seconds)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    times = sorted(best.values())
    print(f"median case {times[len(times) // 2]:.2f} s, total {sum(times):.1f} s (best of {args.repeat})")
    for name, seconds in ranked[: args.top]:
        print(f"  {seconds:6.2f} s  {name}")


if __name__ == "__main__":
    main()
