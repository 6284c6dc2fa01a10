"""Judge benchmark: CPU per model of `judge` (no network), over the crawl benchmark's synthetic snapshots.

Usage (from the repo root):
    python -m benchmarks.judge_bench [--models 1000] [--seed 0] [--profile [N]]

Crawls the synthetic organization of benchmarks/synth.py once from the loopback fake Hub (latency 0), then judges
every snapshot twice in this process: the first pass pays the catalog load and fills the caches, the second is the
steady state an audit reaches after a few models. Prints milliseconds per model for both; `--profile` runs a third
pass under cProfile and prints the N (default 30) costliest functions by own time and by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.hub.client import Hub  # noqa: E402
from auditor.hub.crawl import crawl  # noqa: E402
from auditor.models import Snapshot  # noqa: E402
from auditor.pipeline.audit import judge  # noqa: E402
from benchmarks.crawl_bench import UNLIMITED, real_hub, synthetic_tree, warm  # noqa: E402


def snapshots(models: int, seed: int, org: str) -> list[Snapshot]:
    tree = synthetic_tree(models, seed, org)
    with real_hub(tree, seed=seed, rate_limit=UNLIMITED) as fake:
        warm(fake, org)
        hub = Hub(fake.url, quotas=UNLIMITED)
        return [crawl(hub, meta) for meta in hub.list_models(org)]


def timed(label: str, shots: list[Snapshot]) -> None:
    started, cpu = time.perf_counter(), time.process_time()
    for snapshot in shots:
        judge(snapshot)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{label}: {len(shots)} models, {wall:.2f} s wall, {cpu:.2f} s CPU = {cpu * 1000 / max(1, len(shots)):.2f} ms/model")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.judge_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--org", default="synth-org")
    parser.add_argument("--profile", type=int, nargs="?", const=30, default=0, metavar="N")
    args = parser.parse_args(argv)
    shots = snapshots(args.models, args.seed, args.org)
    timed("first pass (catalog load, cold caches)", shots)
    timed("second pass (steady state)", shots)
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for snapshot in shots:
            judge(snapshot)
        profile.disable()
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(args.profile)
        stats.sort_stats("cumulative").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
