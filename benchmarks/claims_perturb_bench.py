"""Metamorphic benchmark of claim detection: do meaning-preserving rewrites of a labelled line flip its decision?

Usage:  python -m benchmarks.claims_perturb_bench ../shared/corpus [--flips]
For every labelled line of the `tune` part only (`benchmarks.split`; `cards-train/` `claim_lines` and
`negative_lines`, `cards/` quoted claim lines and `hard_negative` lines, read as `benchmarks.claims_cards_bench`
reads them) whose current decision agrees with its label (a claim line: a claim detected on that line; a negative
line: none), each applicable rewrite below is applied to that line in its card, the card is judged again, and a
flip is counted when the line's decision changes. Rewrites (deterministic, each only where it applies):
spelling of the mention; markup (bold, italics, a link around the mention or the subject's name, backticks around
a name); another invented name of the same kind (library, model with a size, dataset); the model's own name and
"this model"/"it"; the head noun for a synonym of its class; an adverb before the mention; a leading clause; the
line as a list item, a heading or a table cell; sentence case and Title Case; a trailing emoji; contractions,
quotes, a line wrapped in two, a leading emoji, the line in bold or quoted or numbered, a comma before "and", the
model's name as its repo id or in lower case; a neutral sentence before or after it; and, once per card, the model renamed everywhere (id and text).
Printed: flip rates per rewrite and overall, claim lines (claim → none costs recall) and negative lines
(none → claim costs precision) apart; `--flips` lists the flipped tune lines. Held-out text is never read here.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.cards.claims.names import own_names  # noqa: E402
from auditor.cards.claims.detect import find_claims  # noqa: E402
from benchmarks.claims_cards_bench import _labels, _load  # noqa: E402
from benchmarks.claims_rewrites import REWRITES, renamed  # noqa: E402
from benchmarks.split import TUNE, part  # noqa: E402

def _claim_lines(body: str, first: int, model_id: str) -> set[int]:
    return {c.line for c in find_claims(body, first, model_id=model_id)}


def main(corpus: str, flips: bool) -> None:
    base = Path(corpus)
    counts: dict[tuple[str, str], Counter] = {}
    shown: list[str] = []
    lines_seen = Counter()
    for name in ("cards", "cards-train"):
        for row, body, first, model_id in _load(base / name):
            if part(row["dir"]) != TUNE:
                continue
            labels = _labels(row)
            detected = _claim_lines(body, first, model_id)
            raw = body.split("\n")
            repo_name = model_id.rpartition("/")[2]
            ctx_base = {"names": own_names(model_id), "lines": raw, "display": repo_name, "model_id": model_id}
            for number in sorted(labels.right | labels.negative):
                index = number - first
                if not 0 <= index < len(raw):
                    continue
                is_claim = number in labels.right
                if (number in detected) != is_claim:
                    continue  # the current decision disagrees with the label: not a metamorphic case
                kind = "claim" if is_claim else "negative"
                lines_seen[kind] += 1
                ctx = dict(ctx_base, index=index)
                for family, rewrite in REWRITES:
                    for label, replacement in rewrite(raw[index], ctx):
                        new_body = "\n".join(raw[:index] + replacement + raw[index + 1:])
                        # the rewritten line's own lines: the last one (a table's row) or both halves of a wrap
                        spots = range(number, number + 2) if label == "wrapped" else [number + len(replacement) - 1]
                        now = bool(set(spots) & _claim_lines(new_body, first, model_id))
                        flipped = now != is_claim
                        for key in ((kind, family), (kind, "overall")):
                            counts.setdefault(key, Counter())["tried"] += 1
                            counts[key]["flipped"] += flipped
                        if flipped and flips:
                            shown.append(f"  [{kind} {family}/{label}] {name}/{row['dir']} L{number}\n"
                                         f"      was: {raw[index].strip()[:220]!r}\n"
                                         f"      now: {replacement[-1].strip()[:220]!r}")
            renamed_card = renamed(body, model_id)
            now_claims = _claim_lines(renamed_card[0], first, renamed_card[1]) if renamed_card else set()
            for number in sorted(labels.right | labels.negative) if renamed_card else ():
                is_claim = number in labels.right
                if (number in detected) != is_claim:
                    continue
                kind = "claim" if is_claim else "negative"
                flipped = (number in now_claims) != is_claim
                for key in ((kind, "rename-model"), (kind, "overall")):
                    counts.setdefault(key, Counter())["tried"] += 1
                    counts[key]["flipped"] += flipped
                if flipped and flips:
                    index = number - first
                    shown.append(f"  [{kind} rename-model] {name}/{row['dir']} as {renamed_card[1]} L{number}\n"
                                 f"      was: {raw[index].strip()[:220]!r}")
    print(f"tune lines whose decision agrees with the label: claim {lines_seen['claim']}, "
          f"negative {lines_seen['negative']}")
    families = [f for f, _ in REWRITES] + ["rename-model", "overall"]
    print(f"{'rewrite':16} {'claim lines (claim -> none)':>30} {'negative lines (none -> claim)':>32}")
    for family in families:
        cells = []
        for kind in ("claim", "negative"):
            got = counts.get((kind, family), Counter())
            rate = f"{got['flipped'] / got['tried']:.3f}" if got["tried"] else "  n/a"
            cells.append(f"{got['flipped']:4}/{got['tried']:<5} {rate}")
        print(f"{family:16} {cells[0]:>30} {cells[1]:>32}")
    if shown:
        print("flipped tune lines:")
        print("\n".join(shown))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--flips"]
    if len(args) != 1:
        sys.exit(__doc__)
    main(args[0], "--flips" in sys.argv[1:])
