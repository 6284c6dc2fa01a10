"""Benchmark of claim detection on the labelled snippet set: precision and recall, overall and per category.

Usage:  python -m benchmarks.claims_bench [benchmarks/claims/claims.jsonl]
A snippet labelled `claim` must yield a claim; `none` and `honest` must not (honest wording should be found
by the honest-wording finder, reported separately).
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.claims import find_claims, find_honest_wording  # noqa: E402


def main(path: str) -> None:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # category -> [right, total]
    tp = fp = fn = 0
    honest_found = honest_total = 0
    wrong: list[str] = []
    started = time.perf_counter()
    for row in rows:
        found = bool(find_claims(row["text"]))
        expected = row["label"] == "claim"
        per[row["category"]][0] += found == expected
        per[row["category"]][1] += 1
        tp += found and expected
        fp += found and not expected
        fn += expected and not found
        if row["label"] == "honest":
            honest_total += 1
            honest_found += bool(find_honest_wording(row["text"]))
        if found != expected:
            wrong.append(f"  {row['id']} [{row['category']}] expected {row['label']}: {row['text'][:110]!r}")
    elapsed = (time.perf_counter() - started) * 1000 / len(rows)
    print(f"snippets {len(rows)}: precision {tp / max(1, tp + fp):.3f}, recall {tp / max(1, tp + fn):.3f} "
          f"(tp {tp}, fp {fp}, fn {fn}); {elapsed:.2f} ms per snippet")
    print(f"honest wording found in {honest_found}/{honest_total} honest snippets")
    for category in sorted(per):
        right, total = per[category]
        print(f"  {category:14} {right:3}/{total}")
    if wrong:
        print("wrong:")
        print("\n".join(wrong))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "benchmarks" / "claims" / "claims.jsonl"))
