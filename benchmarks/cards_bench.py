"""Benchmark on real model cards: class accuracy, false-open verdicts, claim precision/recall, flag accuracy.

Usage:  python -m benchmarks.cards_bench ../shared/corpus/cards
The folder holds `<org>__<name>/README.md` (+ license files) and a labels.tsv with expected_class and
claims_open_source (see its README). Prints every disagreement so a human can judge it.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.audit import judge  # noqa: E402
from auditor.crawl import license_candidates  # noqa: E402
from auditor.models import FetchedFile, ModelMeta, Snapshot  # noqa: E402


def snapshot(folder: Path) -> Snapshot:
    files = sorted(p.name for p in folder.iterdir() if p.is_file())
    readme = FetchedFile("README.md", text=(folder / "README.md").read_text(encoding="utf-8", errors="replace"))
    licenses = tuple(FetchedFile(name, text=(folder / name).read_text(encoding="utf-8", errors="replace"))
                     for name in license_candidates([f for f in files if f != "README.md"]))
    return Snapshot(ModelMeta(id=folder.name.replace("__", "/", 1), files=tuple(files)), readme, licenses)


def main(folder: str) -> None:
    path = Path(folder)
    rows = list(csv.DictReader((path / "labels.tsv").open(encoding="utf-8"), delimiter="\t"))
    confusion: Counter[tuple[str, str]] = Counter()
    claim = Counter()
    wrong: list[str] = []
    started = time.perf_counter()
    for row in rows:
        result = judge(snapshot(path / row["dir"]))
        expected, got = row["expected_class"], result.classification.value
        confusion[(expected, got)] += 1
        said, found = row["claims_open_source"] == "yes", bool(result.claims)
        claim["tp" if said and found else "fn" if said else "fp" if found else "tn"] += 1
        if expected != got or said != found:
            governing = result.verdict.governing if result.verdict else None
            how = f"{governing.matcher}:{governing.key}" if governing else "-"
            quotes = "; ".join(f"L{c.line} {c.quote[:70]}" for c in result.claims[:2])
            wrong.append(f"  {row['dir']}: class {expected} -> {got} ({how}); claim {said} -> {found} {quotes}")
    total = len(rows)
    right = sum(n for (e, g), n in confusion.items() if e == g)
    false_open = sum(n for (e, g), n in confusion.items() if e == "custom-restricted" and g in ("osi-approved", "open-non-osi"))
    precision = claim["tp"] / max(1, claim["tp"] + claim["fp"])
    recall = claim["tp"] / max(1, claim["tp"] + claim["fn"])
    print(f"cards: {total}; class right {right}/{total}; false-open {false_open}")
    print(f"claims: precision {precision:.2f} recall {recall:.2f} ({dict(claim)})")
    print(f"time: {(time.perf_counter() - started) * 1000 / total:.1f} ms per card")
    for (e, g), n in sorted(confusion.items()):
        if e != g:
            print(f"  confusion {e} -> {g}: {n}")
    print("disagreements (labels marked 'uncertain' in labels.tsv may be either way):")
    print("\n".join(wrong))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
