"""Benchmark of claim detection on the shared real cards, per card and per line, tune and held-out apart.

Usage:  python -m benchmarks.claims_cards_bench ../shared/corpus [--misses] [--rules]
Reads `cards/` and `cards-train/`, splits each by uploader with `benchmarks.split`, and runs the detector on each
card body with the model id taken from the folder name. Printed separately for `tune` and `held-out`:
- per card: precision and recall of "the card claims open source" (any claim found vs `claims_open_source`);
- per line: a detected claim line is right when it lies within ±1 of a claim line (a claim wrapped over two
  lines is labelled on one of them), wrong otherwise; a claim line is found when a detected line lies within ±1
  of it; and how many labelled negative lines (open source said of something else) were taken for claims.
  Claim lines: in `cards-train/`, the `claim_lines` column (negatives: `negative_lines`). `cards/` has no line
  columns, but its labellers read every line holding "open" (its README) and `claim_quote` quotes the claim
  lines (`L12: "…"`, "also L36 …"): every line number in `claim_quote` is a line where a detected claim is right,
  the first one is the claim line recall is counted on, and a detected claim anywhere else is a wrong line (on
  a card labelled no-claim, every detected line is wrong). Negatives of `cards/`: the line numbers in
  `hard_negative`;
- time per MiB of card text (best of 3 passes over all bodies).
Errors on cards whose label note says "uncertain" are counted apart (a second reader might label them
either way). `--misses` lists the wrong cards and lines of the `tune` part only; `--rules` prints, for the
`tune` part only, per deciding rule (`mentions()`), how many mentions stand on a claim line (right for a claim
rule, a miss for a no-claim rule), elsewhere, and on a labelled negative line. Held-out text and per-rule
held-out detail are never printed: only the headline lines.
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.cards.frontmatter import parse_card  # noqa: E402
from auditor.cards.claims.detect import find_claims, mentions  # noqa: E402
from benchmarks.split import HELD_OUT, TUNE, part  # noqa: E402

_LINE_REF = re.compile(r"\bL(\d+)\b")


@dataclass(frozen=True)
class Lines:
    """Line labels of one card: where a detected claim is right, the lines recall counts, the negatives."""

    right: frozenset[int]
    counted: frozenset[int]
    negative: frozenset[int]


def _lines(field: str) -> frozenset[int]:
    return frozenset(int(x) for x in field.replace(",", ";").split(";") if x.strip().isdigit())


def _labels(row: dict[str, str]) -> Lines:
    if "claim_lines" in row:
        claim = _lines(row["claim_lines"])
        return Lines(claim, claim, _lines(row.get("negative_lines", "")))
    quoted = [int(x) for x in _LINE_REF.findall(row["claim_quote"])] if row["claims_open_source"] == "yes" else []
    negative = frozenset(int(x) for x in _LINE_REF.findall(row["hard_negative"])) - set(quoted)
    return Lines(frozenset(quoted), frozenset(quoted[:1]), negative)


def _load(folder: Path) -> list[tuple[dict[str, str], str, int, str]]:
    rows = list(csv.DictReader((folder / "labels.tsv").open(encoding="utf-8"), delimiter="\t"))
    out = []
    for row in rows:
        card = parse_card((folder / row["dir"] / "README.md").read_text(encoding="utf-8", errors="replace"))
        out.append((row, card.body, card.body_first_line, row["dir"].replace("__", "/", 1)))
    return out


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "n/a"


def _near(line: int, lines: frozenset[int]) -> bool:
    return any(abs(line - x) <= 1 for x in lines)


def _rule_counts(body: str, first: int, model_id: str, labels: Lines, counts: dict) -> None:
    for mention in mentions(body, first, model_id):
        decision = mention.decision
        key = ("claim" if decision.claim else "no", decision.rule.split(":")[0])
        at_claim = _near(mention.line, labels.right) if decision.claim else mention.line in labels.right
        counts[key]["on claim line" if at_claim else "elsewhere"] += 1
        if mention.line in labels.negative:
            counts[key]["on negative line"] += 1


def main(corpus: str, misses: bool, rules: bool) -> None:
    base = Path(corpus)
    sets = {name: _load(base / name) for name in ("cards", "cards-train")}
    shown: list[str] = []
    per_rule: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for name, cards in sets.items():
        for which in (TUNE, HELD_OUT):
            card = Counter()
            line = Counter()
            for row, body, first, model_id in cards:
                if part(row["dir"]) != which:
                    continue
                claims = find_claims(body, first, model_id=model_id)
                said, found = row["claims_open_source"] == "yes", bool(claims)
                outcome = "tp" if said and found else "fn" if said else "fp" if found else "tn"
                card[outcome] += 1
                if outcome in ("fp", "fn") and "uncertain" in row.get("note", "").lower():
                    card[f"{outcome} uncertain"] += 1
                show = misses and which == TUNE
                if show and said != found:
                    quote = f" L{claims[0].line} {claims[0].quote[:90]!r}" if claims else ""
                    shown.append(f"  {name}/{row['dir']}: card claim {said} -> {found}{quote}")
                labels = _labels(row)
                if rules and which == TUNE:
                    _rule_counts(body, first, model_id, labels, per_rule)
                detected = {c.line for c in claims}
                for c in claims:
                    ok = _near(c.line, labels.right)
                    line["tp" if ok else "fp"] += 1
                    if show and not ok:
                        shown.append(f"  {name}/{row['dir']}: false line L{c.line} [{c.about}] {c.quote[:100]!r}")
                line["negatives"] += len(labels.negative)
                line["negatives taken"] += len(labels.negative & detected)
                for x in sorted(labels.counted):
                    hit = _near(x, frozenset(detected))
                    line["found" if hit else "missed"] += 1
                    if show and not hit:
                        text = body.split("\n")[x - first] if 0 <= x - first < len(body.split("\n")) else ""
                        shown.append(f"  {name}/{row['dir']}: missed line L{x} {text.strip()[:100]!r}")
            n = sum(card[k] for k in ("tp", "fp", "fn", "tn"))
            print(f"{name:11} {which:8} cards {n:3}: card precision {_ratio(card['tp'], card['tp'] + card['fp'])} "
                  f"recall {_ratio(card['tp'], card['tp'] + card['fn'])} "
                  f"(tp {card['tp']}, fp {card['fp']}, fn {card['fn']}, tn {card['tn']}; of the errors, on cards "
                  f"whose note says uncertain: fp {card['fp uncertain']}, fn {card['fn uncertain']})")
            print(f"{'':11} {'':8} lines: precision {_ratio(line['tp'], line['tp'] + line['fp'])} "
                  f"recall {_ratio(line['found'], line['found'] + line['missed'])} "
                  f"(detected right {line['tp']}, wrong {line['fp']}; labelled found {line['found']}, "
                  f"missed {line['missed']}); labelled negative lines taken for claims "
                  f"{line['negatives taken']}/{line['negatives']}")
    bodies = [(body, first, model_id) for cards in sets.values() for _, body, first, model_id in cards]
    mib = sum(len(b.encode("utf-8")) for b, _, _ in bodies) / 2**20
    best = min(_timed(bodies) for _ in range(3))
    print(f"speed: {mib:.2f} MiB of card text in {best:.2f} s: {best / mib:.3f} s per MiB (best of 3)")
    if rules:
        print("tune mentions per rule (decision, rule: on a claim line / elsewhere / on a labelled negative line):")
        for key in sorted(per_rule):
            got = per_rule[key]
            print(f"  {key[0]:5} {key[1]:28} {got['on claim line']:4} {got['elsewhere']:4} {got['on negative line']:4}")
    if shown:
        print("tune misses:")
        print("\n".join(shown))


def _timed(bodies: list[tuple[str, int, str]]) -> float:
    started = time.perf_counter()
    for body, first, model_id in bodies:
        find_claims(body, first, model_id=model_id)
    return time.perf_counter() - started


if __name__ == "__main__":
    flags = {"--misses", "--rules"}
    args = [a for a in sys.argv[1:] if a not in flags]
    if len(args) != 1:
        sys.exit(__doc__)
    main(args[0], "--misses" in sys.argv[1:], "--rules" in sys.argv[1:])
