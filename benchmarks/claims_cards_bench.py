"""Benchmark of claim detection on the shared real cards, per card and per line, tune and held-out apart.

Usage:  python -m benchmarks.claims_cards_bench ../shared/corpus [--misses]
Reads `cards/` (card-level labels `claims_open_source`) and `cards-train/` (also line-level `claim_lines`),
splits each by uploader with `benchmarks.split`, and runs `find_claims` on each card body with the model id
taken from the folder name. Printed separately for `tune` and `held-out`:
- per card: precision and recall of "the card claims open source" (any claim found vs `claims_open_source`);
- per line (cards-train): a detected claim line is right when it lies within ±1 of a labelled claim line
  (a claim wrapped over two lines is labelled on one of them); a labelled claim line is found when a
  detected line lies within ±1 of it; and how many labelled negative lines (open source said of something
  else) were taken for claims;
- time per MiB of card text (best of 3 passes over all bodies).
Errors on cards whose label note says "uncertain" are counted apart (a second reader might label them
either way). `--misses` lists the wrong cards and lines of the `tune` part only: held-out text is never printed.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.cards.frontmatter import parse_card  # noqa: E402
from auditor.cards.claims import find_claims  # noqa: E402
from benchmarks.split import HELD_OUT, TUNE, part  # noqa: E402


def _lines(field: str) -> set[int]:
    return {int(x) for x in field.replace(",", ";").split(";") if x.strip().isdigit()}


def _load(folder: Path) -> list[tuple[dict[str, str], str, int, str]]:
    rows = list(csv.DictReader((folder / "labels.tsv").open(encoding="utf-8"), delimiter="\t"))
    out = []
    for row in rows:
        card = parse_card((folder / row["dir"] / "README.md").read_text(encoding="utf-8", errors="replace"))
        out.append((row, card.body, card.body_first_line, row["dir"].replace("__", "/", 1)))
    return out


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "n/a"


def main(corpus: str, misses: bool) -> None:
    base = Path(corpus)
    sets = {name: _load(base / name) for name in ("cards", "cards-train")}
    shown: list[str] = []
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
                if "claim_lines" not in row:
                    continue
                labelled, detected = _lines(row["claim_lines"]), {c.line for c in claims}
                for c in claims:
                    ok = any(abs(c.line - x) <= 1 for x in labelled)
                    line["tp" if ok else "fp"] += 1
                    if show and not ok:
                        shown.append(f"  {name}/{row['dir']}: false line L{c.line} [{c.about}] {c.quote[:100]!r}")
                negative = _lines(row.get("negative_lines", ""))
                line["negatives"] += len(negative)
                line["negatives taken"] += len(negative & detected)
                for x in sorted(labelled):
                    hit = any(abs(d - x) <= 1 for d in detected)
                    line["found" if hit else "missed"] += 1
                    if show and not hit:
                        text = body.split("\n")[x - first] if 0 <= x - first < len(body.split("\n")) else ""
                        shown.append(f"  {name}/{row['dir']}: missed line L{x} {text.strip()[:100]!r}")
            n = sum(card[k] for k in ("tp", "fp", "fn", "tn"))
            print(f"{name:11} {which:8} cards {n:3}: card precision {_ratio(card['tp'], card['tp'] + card['fp'])} "
                  f"recall {_ratio(card['tp'], card['tp'] + card['fn'])} "
                  f"(tp {card['tp']}, fp {card['fp']}, fn {card['fn']}, tn {card['tn']}; of the errors, on cards "
                  f"whose note says uncertain: fp {card['fp uncertain']}, fn {card['fn uncertain']})")
            if line:
                print(f"{'':11} {'':8} lines: precision {_ratio(line['tp'], line['tp'] + line['fp'])} "
                      f"recall {_ratio(line['found'], line['found'] + line['missed'])} "
                      f"(detected right {line['tp']}, wrong {line['fp']}; labelled found {line['found']}, "
                      f"missed {line['missed']}); labelled negative lines taken for claims "
                      f"{line['negatives taken']}/{line['negatives']}")
    bodies = [(body, first, model_id) for cards in sets.values() for _, body, first, model_id in cards]
    mib = sum(len(b.encode("utf-8")) for b, _, _ in bodies) / 2**20
    best = min(_timed(bodies) for _ in range(3))
    print(f"speed: {mib:.2f} MiB of card text in {best:.2f} s: {best / mib:.3f} s per MiB (best of 3)")
    if shown:
        print("tune misses:")
        print("\n".join(shown))


def _timed(bodies: list[tuple[str, int, str]]) -> float:
    started = time.perf_counter()
    for body, first, model_id in bodies:
        find_claims(body, first, model_id=model_id)
    return time.perf_counter() - started


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--misses"]
    if len(args) != 1:
        sys.exit(__doc__)
    main(args[0], "--misses" in sys.argv[1:])
