"""Benchmark of whole-card verdicts on labelled cards written blind (benchmarks/cards3/*.jsonl): terms and claims.

Usage:  python -m benchmarks.probe_cards_bench FILE.jsonl [FILE.jsonl ...] [--wrong]
Each row is a whole card written by someone who had not read the detector's rules, imitating a genre of real
cards: `front_matter` (a mapping, or {}), `body`, `model_id`, `expected_class`, `claims_open_source`, and the
1-based body line numbers `claim_lines` (claims about this model) and `negative_lines` ("open source" said of
something else). The card is judged whole, as the audit does (`pipeline.audit.judge`). Prints per file and in all:
class right, false-open (restricted or unknown terms called open), flag right (flag = a claim found and the class
not osi-approved; expected = claims_open_source and expected_class not osi-approved), accusations right, claims per
card (precision, recall) and per line (a detected claim line is right within ±1 of a claim line; a claim line is
found when a detected line lies within ±1 of it; labelled negative lines taken for claims). With --wrong: each card
judged wrongly, with its detected claim lines.
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


def _near(line: int, lines: set[int]) -> bool:
    return any(abs(line - x) <= 1 for x in lines)


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "  -  "


def _judge_row(row: dict, counts: Counter, wrong: list[str]) -> None:
    front = f"---\n{yaml.safe_dump(row['front_matter'], sort_keys=True, allow_unicode=True)}---\n" if row["front_matter"] else ""
    offset = front.count("\n")
    snapshot = Snapshot(ModelMeta(id=row["model_id"], files=("README.md",)), FetchedFile("README.md", text=front + row["body"]), ())
    result = judge(snapshot)
    expected, got = row["expected_class"], result.classification.value
    said = bool(row["claims_open_source"])
    found_lines = {c.line - offset for c in result.claims}
    claim_lines, negative = set(row.get("claim_lines", [])), set(row.get("negative_lines", []))
    flag_expected = said and expected != "osi-approved"
    flagged = bool(result.claims) and got != "osi-approved"
    counts["cards"] += 1
    counts["class right"] += expected == got
    counts["false-open"] += expected in CLOSED and got in OPEN
    counts["flag right"] += flag_expected == flagged
    counts["flagged"] += flagged
    counts["flagged right"] += flagged and flag_expected
    counts["card " + ("tp" if said and result.claims else "fn" if said else "fp" if result.claims else "tn")] += 1
    counts["lines detected"] += len(found_lines)
    counts["lines right"] += sum(_near(x, claim_lines) for x in found_lines)
    counts["lines labelled"] += len(claim_lines)
    counts["lines found"] += sum(_near(x, found_lines) for x in claim_lines)
    counts["negatives"] += len(negative)
    counts["negatives taken"] += len(negative & found_lines)
    if expected != got or flag_expected != flagged or said != bool(result.claims) or negative & found_lines:
        shown = "; ".join(f"L{c.line - offset} {c.quote[:70]!r}" for c in result.claims[:3])
        wrong.append(f"  {row['id']} {row['model_id']} class {expected} -> {got}, flag {flag_expected} -> {flagged}, "
                     f"claim {said} -> {bool(result.claims)} (labelled {sorted(claim_lines)}) {shown}")


def _line(label: str, c: Counter) -> str:
    cards = c["cards"]
    card_p = _ratio(c["card tp"], c["card tp"] + c["card fp"])
    card_r = _ratio(c["card tp"], c["card tp"] + c["card fn"])
    return (f"{label:14} cards {cards:3}  class right {c['class right']:3}/{cards} ({c['class right'] / cards:6.1%})  "
            f"false-open {c['false-open']}  flag right {c['flag right']:3}/{cards} ({c['flag right'] / cards:6.1%})  "
            f"accusations right {c['flagged right']}/{c['flagged']}\n{'':14} claims/card P {card_p} R {card_r}  "
            f"lines P {_ratio(c['lines right'], c['lines detected'])} R {_ratio(c['lines found'], c['lines labelled'])}  "
            f"negative lines taken {c['negatives taken']}/{c['negatives']}")


def main(paths: list[str], show_wrong: bool) -> None:
    total: Counter[str] = Counter()
    for path in paths:
        counts: Counter[str] = Counter()
        wrong: list[str] = []
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                _judge_row(json.loads(line), counts, wrong)
        total.update(counts)
        print(_line(Path(path).stem, counts))
        if show_wrong and wrong:
            print("\n".join(wrong))
    if len(paths) > 1:
        print(_line("all", total))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--wrong"]
    if not args:
        sys.exit(__doc__)
    main(args, "--wrong" in sys.argv[1:])
