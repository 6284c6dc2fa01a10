"""Crawl benchmark: the auditor against the naive huggingface_hub script on a synthetic organization.

Usage (from the repo root):
    python -m benchmarks.crawl_bench --models 1000 --latency 0.025 [--faults] [--workers N]
        [--rate-limit api=300,resolvers=2000 --rate-window 20] [--baseline] [--memory-models 20000]
        [--quota-models 1000 --quota api=84,resolvers=400 --quota-window 10]

Generates (and caches under /tmp) a synthetic org (benchmarks/synth.py), serves it from the loopback fake Hub
(tests/fakehub.py, page size 1000 as on the Hub) with the given round-trip latency, then runs, each in a
subprocess with a timeout: the auditor CLI (wall time, peak RSS) and benchmarks/naive_audit.py (wall time).
Prints Hub requests per model for both (from the fake's log), the 429s sent, and the naive/auditor ratio.

--faults         a second auditor run with 15% 429, 10% 5xx and 3% connection resets; its feed is compared
                 with the clean run's (classification, flagged, license key per model)
--rate-limit     enforce fixed-window quotas (both runs); prints the 429s each received and whether the
                 auditor went over quota
--baseline       a second auditor run with `--baseline FEED` of the first: requests per 500 models, same results?
--memory-models  an auditor-only run on N models at latency 0: peak RSS
--quota-models   an auditor-only run on N models against a fake Hub that enforces and announces (RateLimit-Policy)
                 a higher tier's quota, scaled to --quota-window seconds (default: PRO's 2,500 api / 12,000
                 resolvers per 300 s, as 84 / 400 per 10 s); the auditor gets no budget options, so it starts at
                 the free tier's and must adopt the announced one. Prints the share of the quota used per full
                 window (goal: >= 90%) and the 429s received (goal: 0)

The fake Hub runs with the real Hub's default behaviours: pages of up to 1,000 items, trending order for
unsorted listings (reshuffled between pages), `RateLimit`/`RateLimit-Policy` on every answer; it loads the
synthetic tree before the first timed run, so neither run pays for the fake's start-up.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synth import generate  # noqa: E402
from tests.fakehub import FakeHub  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "hf-license-auditor-synth"
FAULTS = {"429": 0.15, "5xx": 0.10, "reset": 0.03}
PAGE_SIZE = 1000


@dataclass
class Run:
    """One subprocess run against the fake Hub."""

    label: str
    code: int | None  # None: timed out (killed)
    wall: float
    cpu: float  # the child's user + system seconds (its worker processes included)
    peak_rss_kb: int
    stdout: str
    stderr: str
    api: int
    resolve: int
    sent_429: int
    rejected: dict[str, int]
    faults: dict[str, int]

    @property
    def requests(self) -> int:
        return self.api + self.resolve

    def failed(self) -> str | None:
        if self.code is None:
            return f"{self.label}: timed out"
        if self.code not in (0, 1):
            tail = "\n    ".join(self.stderr.strip().splitlines()[-8:])
            return f"{self.label}: exit {self.code}\n    {tail}"
        return None


def synthetic_tree(models: int, seed: int, org: str) -> Path:
    """The synthetic tree for (models, seed, org), generated once and cached under /tmp."""
    version = hashlib.sha1((ROOT / "benchmarks" / "synth.py").read_bytes()).hexdigest()[:10]
    tree = CACHE / f"{org}-n{models}-s{seed}-{version}"
    if (tree / ".complete").is_file():
        return tree
    CACHE.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{tree.name}.", dir=CACHE))
    started = time.perf_counter()
    generate(staging, org, models, seed)
    (staging / ".complete").write_text(f"{models} repos\n", encoding="utf-8")
    try:
        staging.rename(tree)
    except OSError:  # another run finished first
        shutil.rmtree(staging, ignore_errors=True)
    print(f"generated {models} synthetic repos in {time.perf_counter() - started:.1f} s: {tree}", flush=True)
    return tree


def child_env(url: str, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE")}
    env.update({"HF_ENDPOINT": url, "HF_HOME": str(home), "HF_HUB_DISABLE_TELEMETRY": "1", "HF_HUB_DISABLE_XET": "1",
                "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")})
    return env


def run_child(label: str, command: list[str], hub: FakeHub, work: Path, timeout: float) -> Run:
    """Run `command` with a fresh fake-Hub log; wall time and the child's own peak RSS (wait4 rusage)."""
    hub.reset()
    home = Path(tempfile.mkdtemp(prefix="hf-home-", dir=work))
    out_path, err_path = work / f"{label}.out", work / f"{label}.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, env=child_env(hub.url, home), stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL)
        code: int | None = None
        peak, cpu = 0, 0.0
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code, peak = os.waitstatus_to_exitcode(status), usage.ru_maxrss
                cpu = usage.ru_utime + usage.ru_stime
                proc.returncode = code  # reaped here: keep Popen from waiting again
                break
            if time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode, peak, cpu = -9, usage.ru_maxrss, usage.ru_utime + usage.ru_stime
                break
            time.sleep(0.02)
        wall = time.perf_counter() - started
    stats = hub.stats()
    return Run(label, code, wall, cpu, peak, out_path.read_text(errors="replace"), err_path.read_text(errors="replace"),
               hub.count("api"), hub.count("resolve"), sum(stats["status_429"].values()), stats["rejected"],
               stats["faults"])


#: Without --rate-limit the fake Hub still sends the real Hub's quota headers (3,000 file reads per 5 minutes),
#: which the auditor obeys; a large synthetic org is served with a quota no run can reach instead.
UNLIMITED = {"api": 10**9, "resolvers": 10**9}
BUDGET: list[str] = []  # the auditor's request budget: the fake's quota when one is set, else unlimited


WORKERS: list[str] = []


def auditor_command(org: str, url: str, feed: Path, *extra: str, budget: bool = True) -> list[str]:
    return [sys.executable, "-m", "auditor", "audit", org, "--endpoint", url, "--format", "json", "--output", str(feed),
            "--max-wait", "60", "--fail-on", "never", *(BUDGET if budget else []), *WORKERS, *extra]


def warm(hub: FakeHub, org: str) -> None:
    """Load every repo of the tree into the fake Hub's cache (its start-up is no part of a timed run)."""
    for owner, name in hub._ids(org.lower())[1]:
        hub._repo(owner, name)


def real_hub(tree: Path, **options) -> FakeHub:
    """The fake Hub with the real Hub's default behaviours (see the module docstring)."""
    return FakeHub(tree, page_size=PAGE_SIZE, trending=True, **options)


def verdicts(feed_path: Path) -> dict[str, tuple]:
    """Per model id: (classification, flagged, license key), what the fault comparison checks."""
    feed = json.loads(feed_path.read_text(encoding="utf-8"))
    return {m["id"]: (m["classification"], m["flagged"], (m.get("license") or {}).get("key")) for m in feed["models"]}


def model_entries(feed_path: Path) -> tuple[list, dict]:
    feed = json.loads(feed_path.read_text(encoding="utf-8"))
    return feed["models"], feed["summary"]


def with_errors(feed_path: Path) -> int:
    return sum(1 for m in json.loads(feed_path.read_text(encoding="utf-8"))["models"] if m["errors"])


def describe(run: Run, models: int, *, rss: bool = False) -> str:
    per_model = run.requests / max(1, models)
    text = (f"{run.wall:7.2f} s wall, {run.cpu:.2f} s CPU, {run.requests} Hub requests ({run.api} api + {run.resolve} resolve) = "
            f"{per_model:.2f}/model, 429s sent {run.sent_429}")
    if rss:
        text += f", peak RSS {run.peak_rss_kb / 1024:.0f} MB"
    return text


def parse_quotas(text: str) -> dict[str, int]:
    try:
        pairs = dict(item.split("=", 1) for item in text.split(",") if item.strip())
        return {key.strip(): int(value) for key, value in pairs.items()}
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected api=N,resolvers=N, got {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.crawl_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=int, default=1000, help="repos in the synthetic org (0: skip the comparison)")
    parser.add_argument("--latency", type=float, default=0.025, help="fake-Hub round trip in seconds (default: 0.025)")
    parser.add_argument("--seed", type=int, default=0, help="synthetic org and fault RNG seed")
    parser.add_argument("--org", default="synth-org")
    parser.add_argument("--faults", action="store_true", help="also run the auditor under injected transient faults")
    parser.add_argument("--rate-limit", type=parse_quotas, metavar="api=N,resolvers=N", help="enforce quotas")
    parser.add_argument("--rate-window", type=float, default=300.0, help="rate-limit window in seconds (default: 300)")
    parser.add_argument("--baseline", action="store_true", help="also run the auditor with --baseline FEED")
    parser.add_argument("--memory-models", type=int, default=0, metavar="N", help="auditor-only run on N models")
    parser.add_argument("--skip-naive", action="store_true", help="do not run the naive script")
    parser.add_argument("--workers", type=int, default=0, help="auditor --workers (default: the CLI's own)")
    parser.add_argument("--quota-models", type=int, default=0, metavar="N", help="quota-use run on N models")
    parser.add_argument("--quota", type=parse_quotas, default={"api": 84, "resolvers": 400}, metavar="api=N,resolvers=N",
                        help="announced and enforced quota per --quota-window (default: PRO scaled to 10 s)")
    parser.add_argument("--quota-window", type=float, default=10.0, help="window of --quota in seconds (default: 10)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="per subprocess, seconds (default: 1800)")
    args = parser.parse_args(argv)
    if args.models < 0 or args.memory_models < 0 or args.latency < 0 or args.rate_window <= 0:
        parser.error("--models, --memory-models and --latency must not be negative, --rate-window positive")

    WORKERS[:] = ["--workers", str(args.workers)] if args.workers else []
    quota = args.rate_limit or {}
    BUDGET[:] = ["--api-budget", str(quota.get("api", 10**9)), "--file-budget", str(quota.get("resolvers", 10**9)),
                 "--budget-window", str(args.rate_window if args.rate_limit else 300)]
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="crawl-bench-") as tmp:
        work = Path(tmp)
        if args.models:
            failures += compare(args, work)
        if args.memory_models:
            failures += memory(args, work)
        if args.quota_models:
            failures += quota_use(args, work)
    for failure in failures:
        print(f"FAILED {failure}")
    return 1 if failures else 0


def compare(args: argparse.Namespace, work: Path) -> list[str]:
    n, org = args.models, args.org
    tree = synthetic_tree(n, args.seed, org)
    failures: list[str] = []
    limits = f", rate limit {args.rate_limit} per {args.rate_window:g} s" if args.rate_limit else ""
    print(f"synthetic org {org}: {n} models (seed {args.seed}); fake Hub latency {args.latency * 1000:g} ms, "
          f"page size {PAGE_SIZE}{limits}")
    with real_hub(tree, latency=args.latency, seed=args.seed, rate_limit=args.rate_limit or UNLIMITED,
                  rate_window=args.rate_window) as hub:
        warm(hub, org)
        feed = work / "feed.json"
        audit = run_child("auditor", auditor_command(org, hub.url, feed), hub, work, args.timeout)
        if error := audit.failed():
            return [error]
        print(f"auditor: {describe(audit, n, rss=True)}")
        naive = None
        if not args.skip_naive:
            naive = run_child("naive", [sys.executable, "-m", "benchmarks.naive_audit", hub.url, org], hub, work,
                              args.timeout)
            if error := naive.failed():
                failures.append(error)
                naive = None
            else:
                summary = json.loads(naive.stdout.strip().splitlines()[-1])
                print(f"naive:   {describe(naive, n)} ({summary['models']} models, {summary['files_read']} files read)")
                print(f"ratio naive/auditor: wall {naive.wall / audit.wall:.1f}x, "
                      f"requests {naive.requests / max(1, audit.requests):.1f}x")
        if args.rate_limit:
            quotas = ", ".join(f"{b} {q}" for b, q in args.rate_limit.items())
            for run in (audit, naive):
                if run is None:
                    continue
                over = {b: c for b, c in run.rejected.items() if c}
                print(f"rate limit ({quotas} per {args.rate_window:g} s): {run.label} received {run.sent_429} 429s; "
                      f"exceeded the quota: {'yes ' + str(over) if over else 'no'}")
        if args.faults:
            hub.fault_rates = FAULTS
            faulty_feed = work / "feed-faults.json"
            faulty = run_child("auditor-faults", auditor_command(org, hub.url, faulty_feed), hub, work, args.timeout)
            hub.fault_rates = None
            if error := faulty.failed():
                failures.append(error)
            else:
                clean, got = verdicts(feed), verdicts(faulty_feed)
                missing = sorted(set(clean) - set(got))
                different = sorted(i for i in clean.keys() & got.keys() if clean[i] != got[i])
                injected = ", ".join(f"{k} {v}" for k, v in faulty.faults.items())
                print(f"faults ({', '.join(f'{k} {v:.0%}' for k, v in FAULTS.items())}): injected {injected}; "
                      f"auditor {describe(faulty, n)}")
                print(f"faults: feed vs clean run: {'equal' if not missing and not different else 'different'} "
                      f"({len(got)} models, {len(missing)} missing, {len(different)} different, "
                      f"{with_errors(faulty_feed)} with read errors)")
                for model_id in missing[:10]:
                    print(f"  missing {model_id}")
                for model_id in different[:10]:
                    print(f"  different {model_id}: {clean[model_id]} -> {got[model_id]}")
        if args.baseline:
            base_feed = work / "feed-baseline.json"
            again = run_child("auditor-baseline", auditor_command(org, hub.url, base_feed, "--baseline", str(feed)),
                              hub, work, args.timeout)
            if again.code == 2 and "--baseline" in again.stderr:
                print("baseline: not supported yet")
            elif error := again.failed():
                failures.append(error)
            else:
                first_models, _ = model_entries(feed)
                second_models, _ = model_entries(base_feed)
                same = verdicts(feed) == verdicts(base_feed)
                print(f"baseline: first run {audit.requests * 500 / n:.1f} requests per 500 models ({audit.requests}), "
                      f"with --baseline {again.requests * 500 / n:.1f} ({again.requests}; {again.wall:.2f} s wall); "
                      f"verdicts identical: {'yes' if same else 'no'}; "
                      f"model entries identical: {'yes' if first_models == second_models else 'no'}")
    return failures


def memory(args: argparse.Namespace, work: Path) -> list[str]:
    n, org = args.memory_models, args.org
    tree = synthetic_tree(n, args.seed, org)
    with real_hub(tree, rate_limit=UNLIMITED) as hub:
        warm(hub, org)
        feed = work / "feed-memory.json"
        run = run_child("auditor-memory", auditor_command(org, hub.url, feed), hub, work, args.timeout)
    if error := run.failed():
        return [error]
    models, _ = model_entries(feed)
    print(f"memory: auditor on {n} models (latency 0): {describe(run, n, rss=True)}; {len(models)} models in the feed")
    return []


def quota_use(args: argparse.Namespace, work: Path) -> list[str]:
    """Share of an announced higher-tier quota the auditor uses, per full window, and the 429s it gets."""
    n, org, window = args.quota_models, args.org, args.quota_window
    tree = synthetic_tree(n, args.seed, org)
    with real_hub(tree, latency=args.latency, rate_limit=args.quota, rate_window=window) as hub:
        warm(hub, org)
        feed = work / "feed-quota.json"
        run = run_child("auditor-quota", auditor_command(org, hub.url, feed, budget=False), hub, work, args.timeout)
        counts = {bucket: dict(per_window) for bucket, per_window in hub.window_counts.items()}
        stats = hub.stats()
    if error := run.failed():
        return [error]
    models, _ = model_entries(feed)
    print(f"quota: auditor on {n} models, announced {args.quota} per {window:g} s, latency {args.latency * 1000:g} ms: "
          f"{describe(run, n)}; {len(models)} models in the feed, {with_errors(feed)} with errors")
    for bucket, quota in args.quota.items():
        per_window = counts.get(bucket, {})
        full = [per_window[w] for w in sorted(per_window)[:-1]]  # the last window is cut short by the run's end
        if not full:
            print(f"quota: {bucket}: the run ended within one window; use more --quota-models")
            continue
        share = sum(full) / (quota * len(full))
        print(f"quota: {bucket}: {len(full)} full windows, requests per window {full}, share of the quota used "
              f"{share:.1%}; 429s received {stats['status_429'][bucket]}, over quota {stats['rejected'][bucket]}")
    return []


if __name__ == "__main__":
    sys.exit(main())
