"""Terms a card defers to its base ("same license as the original model"), settled without the Hub when every declared
base is a release whose own terms are well known (`auditor/data/open-bases.tsv`)."""

from __future__ import annotations

import dataclasses
import functools
import re

from auditor.cards.terms.inherited import INHERITED
from auditor.engine.catalog import entry_detection, load_catalog, pattern_rows
from auditor.hub.crawl import README
from auditor.models import Detection, Evidence, LicenseClass, Verdict


@functools.lru_cache(maxsize=1)
def load_open_bases() -> tuple[tuple[re.Pattern[str], str], ...]:
    """open-bases.tsv: (pattern over a whole repo id, catalog key) of base releases under a known open license."""
    catalog = load_catalog()
    return pattern_rows("open-bases.tsv", lambda key: key in catalog and catalog[key].classification in (
        LicenseClass.OSI_APPROVED, LicenseClass.OPEN_NON_OSI))


def known_base_key(repo_id: str) -> str | None:
    """The catalog key of a base release whose terms are well known ("mistralai/Mistral-7B-v0.1": Apache-2.0)."""
    return next((key for pattern, key in load_open_bases() if pattern.fullmatch(repo_id.strip())), None)


def settled(verdict: Verdict, terms: tuple[Detection, ...]) -> Verdict | None:
    """A verdict that defers its terms to the base ("same license as the base model"), settled by the base's `terms`:
    the stricter of those and the card's other deciding evidence, never looser than what the card says; None when
    the card says nothing else of its terms, or the base's terms are unknown too. The warning that the deferral
    governed is dropped with it."""
    others = [d for d in verdict.detections if d.decides and d.name != INHERITED]
    strictest = max(others, key=lambda d: d.classification.rank, default=None)
    if strictest is None or not terms or any(t.classification.rank >= LicenseClass.UNKNOWN.rank for t in terms):
        return None
    chosen = max([strictest, *terms], key=lambda d: d.classification.rank)
    findings = tuple(f for f in verdict.findings if not (f.code == "license-mismatch" and INHERITED in f.message))
    return dataclasses.replace(verdict, classification=chosen.classification, governing=chosen,
                               detections=verdict.detections + terms, findings=findings)


def settle_by_known_bases(verdict: Verdict, bases: tuple[str, ...], in_card: frozenset[str] = frozenset()) -> Verdict:
    """"Same license as the base model" keeps a verdict `unknown`; when every declared base is a well-known open release
    (`in_card`: the bases the card's own `base_model` names; the others come from the Hub's tags), those releases'
    licenses settle it. Any other base is left to lineage, which reads its terms on the Hub."""
    governing = verdict.governing
    if governing is None or governing.name != INHERITED or not bases:
        return verdict
    keys = [known_base_key(base) for base in bases]
    if None in keys:
        return verdict
    catalog = load_catalog()
    terms = tuple(
        entry_detection("base-model-known", catalog[key],
                        Evidence("card-metadata", f"base_model: {base}", README) if base in in_card
                        else Evidence("hub-metadata", f"tags: base_model:{base}"),
                        reason=f"the card defers its terms to its base model; {base} is released under {catalog[key].name}")
        for base, key in zip(bases, keys))
    return settled(verdict, terms) or verdict
