"""Lineage: resolve `base_model` chains through the Hub and catch derivatives relabelled under looser terms."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from auditor.classify import classify
from auditor.errors import HubError
from auditor.models import Detection, Evidence, Finding, LicenseClass, ModelMeta, ModelResult, Severity, Verdict

MAX_DEPTH = 6
_BASE_TAG = re.compile(r"^base_model:(?:(?:finetune|quantized|adapter|merge):)?([^:\s]+/[^:\s]+)$")
_HUB_URL = re.compile(r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/")


def base_models(metadata: Mapping[str, Any] | None, tags: Iterable[str] = (), own_id: str = "") -> tuple[str, ...]:
    """Base model ids from the card's `base_model` (string or list, URLs allowed) and the Hub's `base_model:` tags."""
    raw = metadata.get("base_model") if metadata else None
    values = raw if isinstance(raw, list) else [raw]
    found: list[str] = []
    for value in values:
        if isinstance(value, str):
            candidate = _HUB_URL.sub("", value.strip()).strip("/")
            found.append("/".join(candidate.split("/")[:2]))
    for tag in tags:
        match = _BASE_TAG.match(tag)
        if match:
            found.append(match.group(1))
    return tuple(dict.fromkeys(b for b in found if b.count("/") == 1 and b != own_id))


@dataclass(frozen=True, slots=True)
class Terms:
    """A repo's own terms as far as lineage needs them."""

    id: str
    classification: LicenseClass
    label: str  # license key or declared id, for the evidence chain
    bases: tuple[str, ...]
    error: str | None = None


MetaReader = Callable[[str], ModelMeta]


class Lineage:
    """Walks base-model chains: audited models are reused, others cost one metadata read each (cached)."""

    def __init__(self, read_meta: MetaReader, audited: Mapping[str, ModelResult],
                 carried: Mapping[str, Mapping[str, Any]] | None = None, max_depth: int = MAX_DEPTH) -> None:
        self._read_meta = read_meta
        self._audited = audited
        self._carried = carried or {}
        self._max_depth = max_depth
        self._cache: dict[str, Terms] = {}

    def terms(self, repo_id: str) -> Terms:
        """The repo's own (declared or audited) terms."""
        if repo_id in self._cache:
            return self._cache[repo_id]
        result = self._audited.get(repo_id)
        entry = self._carried.get(repo_id)
        if entry is not None:
            lic = entry["license"]
            terms = Terms(repo_id, LicenseClass(entry["classification"]), lic["key"] or lic["name"] or "none",
                          tuple(entry.get("base_models", ())))
        elif result is not None and result.verdict is not None:
            governing = result.verdict.governing
            label = (governing.key or governing.name or "") if governing else ""
            terms = Terms(repo_id, result.verdict.classification, label or ",".join(result.declared) or "none",
                          result.base_models)
        else:
            terms = self._read(repo_id)
        self._cache[repo_id] = terms
        return terms

    def _read(self, repo_id: str) -> Terms:
        try:
            meta = self._read_meta(repo_id)
        except HubError as exc:
            return Terms(repo_id, LicenseClass.UNKNOWN, "unreadable", (), error=exc.message)
        verdict = classify(meta.card_data, metadata_source="hub-metadata", metadata_file=None)
        governing = verdict.governing
        label = (governing.key or governing.name or "") if governing else "none"
        return Terms(meta.id, verdict.classification, label, base_models(meta.card_data, meta.tags, meta.id))

    def strictest_ancestor(self, repo_id: str) -> tuple[Terms, tuple[Terms, ...]] | None:
        """The most restrictive ancestor of `repo_id` and the chain leading to it (cycles and depth bounded)."""
        best: tuple[Terms, tuple[Terms, ...]] | None = None
        stack: list[tuple[str, tuple[Terms, ...]]] = [(b, ()) for b in reversed(self.terms(repo_id).bases)]
        seen = {repo_id}
        while stack:
            current, path = stack.pop()
            if current in seen or len(path) >= self._max_depth:
                continue
            seen.add(current)
            terms = self.terms(current)
            chain = (*path, terms)
            if best is None or terms.classification.rank > best[0].classification.rank:
                best = (terms, chain)
            stack.extend((b, chain) for b in reversed(terms.bases))
        return best


def apply_lineage(result: ModelResult, lineage: Lineage) -> ModelResult:
    """Inherit a base's restrictive terms: a derivative cannot be more open than what it is built on."""
    if not result.base_models or result.verdict is None:
        return result
    found = lineage.strictest_ancestor(result.id)
    unresolved = [t for t in (lineage.terms(b) for b in result.base_models) if t.error]
    findings = list(result.findings)
    for terms in unresolved:
        findings.append(Finding("base-model-unresolved", Severity.INFO,
                                f"Base model {terms.id} could not be read: {terms.error}",
                                (Evidence("hub-metadata", f"base_model: {terms.id}"),)))
    if found is None or found[0].classification is not LicenseClass.CUSTOM_RESTRICTED:
        return dataclasses.replace(result, findings=tuple(findings))
    origin, chain = found
    links = " ← ".join(f"{t.id} ({t.label}: {t.classification.value})" for t in chain)
    evidence = Evidence("hub-metadata", f"{result.id} ({result.classification.value}) ← {links}")
    detection = Detection("base-model-lineage", LicenseClass.CUSTOM_RESTRICTED, evidence, key=origin.label or None,
                          name=f"terms of base model {origin.id}", reason=f"derived from {origin.id}, whose terms "
                          f"({origin.label}) restrict use and pass on to derivatives")
    declared = [d for d in result.verdict.detections if d.decides and d.matcher in ("card-license-id", "card-license-name")]
    declared_class = max((d.classification for d in declared), key=lambda c: c.rank, default=None)
    if declared_class is not None and declared_class.rank < LicenseClass.CUSTOM_RESTRICTED.rank:
        labels = ", ".join(d.key or d.name or "?" for d in declared)
        findings.append(Finding("relabelled-derivative", Severity.ERROR,
                                f"The card declares {labels} ({declared_class.value}), but the model derives from "
                                f"{origin.id} under {origin.label} ({origin.classification.value}).", (evidence,)))
    else:
        findings.append(Finding("restricted-base", Severity.INFO, f"Built on {origin.id} ({origin.label}), "
                                "whose restrictive terms apply to this model too.", (evidence,)))
    if result.classification.rank >= LicenseClass.CUSTOM_RESTRICTED.rank:
        return dataclasses.replace(result, findings=tuple(findings))
    verdict = Verdict(LicenseClass.CUSTOM_RESTRICTED, detection, result.verdict.detections + (detection,),
                      result.verdict.findings)
    return dataclasses.replace(result, classification=LicenseClass.CUSTOM_RESTRICTED, verdict=verdict,
                               findings=tuple(findings))
