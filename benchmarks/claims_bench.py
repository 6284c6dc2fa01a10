"""Benchmark of claim detection on the labelled snippet set: precision and recall, overall and per category.

Usage:  python -m benchmarks.claims_bench [benchmarks/claims/claims.jsonl]
A snippet labelled `claim` must yield a claim; `none` and `honest` must not (honest wording should be found
by the honest-wording finder, reported separately).
Then speed: seconds per MiB of card text (median of 5) for 1 MiB cards of hostile shapes — one paragraph
with no sentence end, a mention every few words, CJK without spaces, one line of links, many short lines,
plain prose without mentions — which must stay linear (goal: under 0.5 s per MiB).
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.cards.claims.detect import find_claims, find_honest_wording  # noqa: E402

#: 1 MiB cards of hostile shapes (issue 10: claim detection must stay linear).
SHAPES = {
    "one paragraph, mentions": "Acme is great and open source tools are used here and more words follow ",
    "sentences, all claims": "Acme is an open-source model. ",
    "no spaces": "open-source,",
    "one line of links": "[open source](http://x.example/a) ",
    "unclosed markup": "](( [ open-source ` ",
    "CJK, no spaces": "开源模型开源社区",
    "short lines": "Acme is open source\n",
    "prose, no mention": "This model is a good model with many words in a long paragraph of plain text. ",
    "one table": "| Acme-7B (ours) | open source | ✓ |\n",
}
PREFIX = {"one table": "| Model | Open source | Weights |\n|---|---|---|\n"}


def speed() -> None:
    import statistics

    for name, unit in SHAPES.items():
        text = PREFIX.get(name, "") + unit * (2**20 // len(unit.encode("utf-8")))
        times = []
        for _ in range(5):
            started = time.perf_counter()
            find_claims(text, model_id="acme/acme-7b")
            times.append(time.perf_counter() - started)
        mib = len(text.encode("utf-8")) / 2**20
        print(f"  {name:24} {statistics.median(times) / mib:.3f} s per MiB (median of 5)")


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
    print("speed on 1 MiB cards:")
    speed()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "benchmarks" / "claims" / "claims.jsonl"))
