"""Benchmark of the verdict on terms over small labelled cards written for it (benchmarks/terms/probe2.jsonl).

Usage:  python -m benchmarks.terms_probe_bench [benchmarks/terms/probe2.jsonl] [--wrong]
Each row is a card (front matter as a mapping, and a body) with the class a compliance reviewer gives it and whether
it should be flagged. Prints class accuracy, false-open verdicts (restricted or unknown terms called open),
false-restrictive verdicts (open terms called custom-restricted) and the accusations (flagged: a claim found and the
class not osi-approved) right and wrong; with --wrong every card judged wrongly.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.models import FetchedFile, ModelMeta, Snapshot  # noqa: E402
from auditor.pipeline.audit import judge  # noqa: E402

OPEN, CLOSED = ("osi-approved", "open-non-osi"), ("custom-restricted", "unknown")


def main(path: str, show_wrong: bool) -> None:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: Counter[str] = Counter()
    wrong: list[str] = []
    for row in rows:
        front = f"---\n{yaml.safe_dump(row['front_matter'], sort_keys=True)}---\n" if row["front_matter"] else ""
        snapshot = Snapshot(ModelMeta(id=row["model_id"], files=("README.md",)), FetchedFile("README.md", text=front + row["body"]), ())
        result = judge(snapshot)
        expected, got = row["expected_class"], result.classification.value
        flagged = bool(result.claims) and got != "osi-approved"
        counts["right"] += expected == got
        counts["false-open"] += expected in CLOSED and got in OPEN
        counts["false-restrictive"] += expected in OPEN and got == "custom-restricted"
        counts["flagged"] += flagged
        counts["flagged right"] += flagged and row["expected_flag"]
        counts["missed"] += row["expected_flag"] and not flagged
        if expected != got or flagged != row["expected_flag"]:
            wrong.append(f"  {row['id']} {expected} -> {got}, flag {row['expected_flag']} -> {flagged}: "
                         f"{' '.join(row['body'].split())[:110]!r}")
    print(f"terms {len(rows)} cards: class right {counts['right']}/{len(rows)}, false-open {counts['false-open']}, "
          f"false-restrictive {counts['false-restrictive']}; accusations right {counts['flagged right']}/{counts['flagged']}, "
          f"missed {counts['missed']}")
    if show_wrong:
        print("\n".join(wrong))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--wrong"]
    main(args[0] if args else str(ROOT / "benchmarks" / "terms" / "probe2.jsonl"), "--wrong" in sys.argv[1:])
