"""Benchmark on real model cards: class and flag accuracy, false-open verdicts, claims per card, speed —
separately on the tune part and the held-out part of the fixed split (`benchmarks/split.py`), and per corpus.

Usage:  python -m benchmarks.cards_bench ../shared/corpus/cards [../shared/corpus/cards-train ...]
Each folder holds `<org>__<name>/README.md` (+ license files) and a labels.tsv with expected_class and
claims_open_source (see its README). Disagreements are printed for tune cards only: held-out cards are
measured, never looked at, so that nobody tunes on them.

`sure labels` rows count only the cards whose note does not say "uncertain" (a label a second reader might
set differently): the same figures without the cases the labellers themselves doubted.

flag right: the tool flags (claim found and class not osi-approved) exactly when the labels do
(claims_open_source = yes and expected_class not osi-approved). false-open: expected custom-restricted or
unknown, got osi-approved or open-non-osi.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.pipeline.audit import judge  # noqa: E402
from auditor.hub.crawl import license_candidates  # noqa: E402
from auditor.models import FetchedFile, ModelMeta, Snapshot  # noqa: E402
from benchmarks.split import HELD_OUT, TUNE, part  # noqa: E402

OPEN = ("osi-approved", "open-non-osi")
CLOSED = ("custom-restricted", "unknown")


def original_name(stored: str) -> str:
    """The corpus stores a licence file not named LICENSE* as `LICENSE-<original name>`: undo that."""
    rest = stored.removeprefix("LICENSE-")
    return rest if rest != stored and license_candidates([rest]) else stored


def snapshot(folder: Path) -> Snapshot:
    stored = {original_name(p.name): p for p in folder.iterdir() if p.is_file()}
    files = sorted(stored)
    readme = FetchedFile("README.md", text=(folder / "README.md").read_text(encoding="utf-8", errors="replace"))
    licenses = tuple(FetchedFile(name, text=stored[name].read_text(encoding="utf-8", errors="replace"))
                     for name in license_candidates([f for f in files if f != "README.md"]))
    return Snapshot(ModelMeta(id=folder.name.replace("__", "/", 1), files=tuple(files)), readme, licenses)


class Tally:
    """Figures for one group of cards."""

    def __init__(self) -> None:
        self.n = self.class_right = self.flag_right = self.false_open = 0
        self.flagged = self.flagged_right = 0  # accusations made, and those the labels support
        self.claims: Counter[str] = Counter()
        self.confusion: Counter[tuple[str, str]] = Counter()
        self.ms: list[float] = []

    def add(self, expected: str, got: str, said: bool, found: bool, ms: float) -> None:
        self.n += 1
        self.class_right += expected == got
        self.flag_right += (said and expected != "osi-approved") == (found and got != "osi-approved")
        self.false_open += expected in CLOSED and got in OPEN
        if found and got != "osi-approved":
            self.flagged += 1
            self.flagged_right += said and expected != "osi-approved"
        self.claims["tp" if said and found else "fn" if said else "fp" if found else "tn"] += 1
        self.confusion[(expected, got)] += 1
        self.ms.append(ms)

    def line(self, label: str) -> str:
        c = self.claims
        precision = c["tp"] / max(1, c["tp"] + c["fp"])
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        return (f"{label:28} cards {self.n:3}  class right {self.class_right:3}/{self.n:<3} ({self.class_right / max(1, self.n):6.1%})"
                f"  flag right {self.flag_right:3}/{self.n:<3} ({self.flag_right / max(1, self.n):6.1%})"
                f"  false-open {self.false_open}  accusations right {self.flagged_right}/{self.flagged}"
                f"  claims/card P {precision:.2f} R {recall:.2f}"
                f"  median {statistics.median(self.ms) if self.ms else 0:.1f} ms/card")


def main(folders: list[str]) -> None:
    tallies: dict[str, Tally] = defaultdict(Tally)
    wrong: list[str] = []
    for folder in folders:
        path = Path(folder)
        corpus = path.name
        rows = list(csv.DictReader((path / "labels.tsv").open(encoding="utf-8"), delimiter="\t"))
        for row in rows:
            which = part(row["dir"])
            started = time.perf_counter()
            result = judge(snapshot(path / row["dir"]))
            ms = (time.perf_counter() - started) * 1000
            expected, got = row["expected_class"], result.classification.value
            said, found = row["claims_open_source"] == "yes", bool(result.claims)
            sure = "uncertain" not in (row.get("note") or "").lower()
            for key in (which, f"{which} {corpus}") + ((f"{which} sure labels",) if sure else ()):
                tallies[key].add(expected, got, said, found, ms)
            if which != TUNE:
                continue  # held-out cards are counted, never shown
            flag_ok = (said and expected != "osi-approved") == (found and got != "osi-approved")
            if expected != got or not flag_ok:
                governing = result.verdict.governing if result.verdict else None
                how = f"{governing.matcher}:{governing.key or governing.name}" if governing else "-"
                quotes = "; ".join(f"L{c.line} {c.quote[:60]}" for c in result.claims[:2])
                doubt = " [uncertain]" if "uncertain" in (row.get("note") or "").lower() else ""
                wrong.append(f"  {corpus}/{row['dir']}{doubt}: class {expected} -> {got} ({how}); "
                             f"claim {said} -> {found} {quotes}")
    for key in sorted(tallies, key=lambda k: (k.split()[0] != HELD_OUT, k)):
        print(tallies[key].line(key))
    for which in (HELD_OUT, TUNE):
        if which in tallies:
            errors = {k: n for k, n in sorted(tallies[which].confusion.items()) if k[0] != k[1]}
            print(f"{which} confusion (expected -> got): " + ", ".join(f"{e} -> {g}: {n}" for (e, g), n in errors.items()))
    print("tune disagreements (labels marked 'uncertain' may be either way):")
    print("\n".join(wrong))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
