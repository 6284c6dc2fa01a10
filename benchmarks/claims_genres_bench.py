"""Benchmark of claim detection on realistic card passages by genre (benchmarks/claims/genres.jsonl).

Usage:  python -m benchmarks.claims_genres_bench [benchmarks/claims/genres.jsonl] [--wrong]
Each passage is judged with its own repo id: `find_claims(text, 1, model_id=model_id)`. A passage labelled
`claim` must yield a claim; `none` and `honest` must not. Prints precision and recall overall and per genre
(tp/fp/fn), and with --wrong every passage decided wrongly, with the deciding rule of each mention.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.cards.claims.detect import find_claims, mentions  # noqa: E402


def _ratio(good: int, total: int) -> str:
    return f"{good / total:.3f}" if total else "  -  "


def main(path: str, show_wrong: bool) -> None:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # genre -> [tp, fp, fn, rows]
    wrong: list[str] = []
    for row in rows:
        found = bool(find_claims(row["text"], 1, model_id=row["model_id"]))
        expected = row["label"] == "claim"
        counts = per[row["genre"]]
        counts[0] += found and expected
        counts[1] += found and not expected
        counts[2] += expected and not found
        counts[3] += 1
        if found != expected:
            rules = ", ".join(f"{m.line}:{m.decision.rule}{'+' if m.decision.claim else '-'}"
                              for m in mentions(row["text"], 1, model_id=row["model_id"]))
            wrong.append(f"  {row['id']} [{row['genre']}] {row['model_id']} expected {row['label']} ({rules}): "
                         f"{row['text'][:100]!r}")
    tp, fp, fn = (sum(c[i] for c in per.values()) for i in range(3))
    print(f"genres {len(rows)} passages: precision {_ratio(tp, tp + fp)}, recall {_ratio(tp, tp + fn)} "
          f"(tp {tp}, fp {fp}, fn {fn})")
    for genre in sorted(per):
        g_tp, g_fp, g_fn, total = per[genre]
        print(f"  {genre:15} {total:3} rows  P {_ratio(g_tp, g_tp + g_fp)}  R {_ratio(g_tp, g_tp + g_fn)}"
              f"  (tp {g_tp}, fp {g_fp}, fn {g_fn})")
    if show_wrong and wrong:
        print("wrong:")
        print("\n".join(wrong))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--wrong"]
    main(args[0] if args else str(ROOT / "benchmarks" / "claims" / "genres.jsonl"), "--wrong" in sys.argv[1:])
