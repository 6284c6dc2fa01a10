"""Terms a card defers to its base ("same license as the original model"), settled without the Hub when every declared
base is a release whose own terms are well known (`auditor/data/open-bases.tsv`)."""

from __future__ import annotations

import dataclasses
import functools
import re

from auditor.cards.terms.inherited import INHERITED
from auditor.engine.catalog import data_rows, entry_detection, load_catalog
from auditor.errors import DataFileError
from auditor.models import Detection, Evidence, LicenseClass, Verdict

README = "README.md"


@functools.lru_cache(maxsize=1)
def load_open_bases() -> tuple[tuple[re.Pattern[str], str], ...]:
    """open-bases.tsv: (pattern over a whole repo id, catalog key) of base releases under a known open license."""
    bases = []
    for row in data_rows("open-bases.tsv"):
        try:
            bases.append((re.compile(row["pattern"], re.IGNORECASE), row["key"]))
        except re.error as exc:
            raise DataFileError(f"open-bases.tsv: bad pattern {row['pattern']!r}: {exc}") from exc
        if row["key"] not in load_catalog():
            raise DataFileError(f"open-bases.tsv: {row['key']!r} is not a catalog key")
    return tuple(bases)


def known_base_key(repo_id: str) -> str | None:
    """The catalog key of a base release whose terms are well known ("mistralai/Mistral-7B-v0.1": Apache-2.0)."""
    return next((key for pattern, key in load_open_bases() if pattern.fullmatch(repo_id.strip())), None)


def settle_by_known_bases(verdict: Verdict, bases: tuple[str, ...]) -> Verdict:
    """"Same license as the base model" keeps a verdict `unknown`; when every declared base is a well-known open release
    and the card says something else of its terms (a declared id), the stricter of those settles it. Any other base is
    left to lineage, which reads its terms on the Hub."""
    governing = verdict.governing
    if governing is None or governing.name != INHERITED or not bases:
        return verdict
    keys = [known_base_key(base) for base in bases]
    if None in keys:
        return verdict
    others = [d for d in verdict.detections if d.decides and d.name != INHERITED]
    strictest = max(others, key=lambda d: d.classification.rank, default=None)
    if strictest is None or strictest.classification.rank >= LicenseClass.UNKNOWN.rank:
        return verdict
    catalog = load_catalog()
    settled: list[Detection] = [
        entry_detection("base-model-known", catalog[key], Evidence("card-metadata", f"base_model: {base}", README),
                        reason=f"the card defers its terms to its base model; {base} is released under {catalog[key].name}")
        for base, key in zip(bases, keys)]
    chosen = max([strictest, *settled], key=lambda d: d.classification.rank)
    return dataclasses.replace(verdict, classification=chosen.classification, governing=chosen,
                               detections=verdict.detections + tuple(settled))
