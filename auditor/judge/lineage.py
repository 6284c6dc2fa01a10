"""Lineage: resolve `base_model` chains through the Hub and catch derivatives relabelled under looser terms."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from typing import Any

from auditor.cards.terms.inherited import INHERITED
from auditor.judge.classify import classify
from auditor.judge.knownbases import settled
from auditor.repoids import is_model_ref
from auditor.errors import HubError
from auditor.models import Detection, Evidence, Finding, LicenseClass, ModelMeta, ModelResult, Severity, Verdict

MAX_DEPTH = 6
#: Bases read per card: a card listing 1,500 `base_model` entries costs at most this many reads (and says so).
MAX_BASES = 16
_BASE_TAG = re.compile(r"^base_model:(?:(?:finetune|quantized|adapter|merge):)?([^:\s]+)$")
_HUB_URL = re.compile(r"^(?:https?://)?(?:www\.)?(?:huggingface\.co|hf\.co)/", re.IGNORECASE)
_NOT_MODELS = frozenset({"datasets", "spaces", "api", "docs", "models", "organizations", "settings", "collections"})


def base_model_id(value: Any) -> str | None:
    """A `base_model` value as a Hub model id (`org/name`, or an org-less `name` the Hub redirects), else None.

    URLs (`https://huggingface.co/org/name/tree/main`, `hf.co/org/name`) keep their first two path segments;
    anything that is not an id the Hub could have created (`../whoami-v2`, `a b`, other hosts) is refused, so
    no request path is ever built from it.
    """
    if not isinstance(value, str) or len(value) > 300:
        return None
    text = value.strip()
    if _HUB_URL.match(text):
        parts = _HUB_URL.sub("", text).split("?")[0].split("#")[0].strip("/").split("/")
        if not parts or parts[0] in _NOT_MODELS:
            return None
        text = "/".join(parts[:2])
    elif "://" in text:
        return None
    return text if is_model_ref(text) else None


def base_model_refs(metadata: Mapping[str, Any] | None, tags: Iterable[str] = (), own_id: str = "") -> tuple[tuple[str, ...], int]:
    """(base model ids, at most MAX_BASES; how many more were declared and left out)."""
    raw = metadata.get("base_model") if metadata else None
    values = raw if isinstance(raw, list) else [raw]
    found: list[str | None] = [base_model_id(v) for v in values[:10_000]]
    for tag in tags:
        match = _BASE_TAG.match(tag)
        if match:
            found.append(base_model_id(match.group(1)))
    distinct = tuple(dict.fromkeys(b for b in found if b and b != own_id))
    return distinct[:MAX_BASES], max(0, len(distinct) - MAX_BASES)


def base_models(metadata: Mapping[str, Any] | None, tags: Iterable[str] = (), own_id: str = "") -> tuple[str, ...]:
    """Base model ids from the card's `base_model` (string or list, URLs allowed) and the Hub's `base_model:` tags."""
    return base_model_refs(metadata, tags, own_id)[0]


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
    """Walks base-model chains: audited models are reused, others cost one metadata read each (cached).

    `prefetch` starts reads on a thread pool (during the crawl, and level by level before the chains are
    walked), so lineage runs at crawl speed; results are cached by the requested and by the canonical id
    (a renamed or org-less base is read once).
    """

    def __init__(self, read_meta: MetaReader, audited: Mapping[str, ModelResult],
                 carried: Mapping[str, Mapping[str, Any]] | None = None, max_depth: int = MAX_DEPTH,
                 pool: Executor | None = None) -> None:
        self._read_meta = read_meta
        self._audited = audited
        self._carried = carried or {}
        self._max_depth = max_depth
        self._cache: dict[str, Terms] = {}
        self._pending: dict[str, Future[Terms]] = {}
        self._pool = pool

    def known(self, repo_id: str) -> bool:
        return repo_id in self._cache or repo_id in self._pending or repo_id in self._audited or repo_id in self._carried

    def prefetch(self, repo_ids: Iterable[str]) -> None:
        """Start reading these bases in the background (no-op for known ones, or without a pool)."""
        if self._pool is None:
            return
        for repo_id in repo_ids:
            if not self.known(repo_id):
                self._pending[repo_id] = self._pool.submit(self._read, repo_id)

    def resolve_all(self, repo_ids: Iterable[str]) -> None:
        """Read every base reachable from `repo_ids` within the depth bound, one level at a time, concurrently."""
        level = list(dict.fromkeys(repo_ids))
        for _ in range(self._max_depth):
            self.prefetch(level)
            level = [b for repo_id in level for b in self.terms(repo_id).bases if not self.known(b)]
            if not level:
                return

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
            pending = self._pending.pop(repo_id, None)
            terms = pending.result() if pending is not None else self._read(repo_id)
            if terms.id != repo_id and terms.id in self._audited:
                terms = self.terms(terms.id)  # a rename of a model we audited: its audit is the better answer
        self._cache[repo_id] = terms
        self._cache.setdefault(terms.id, terms)
        return terms

    def _read(self, repo_id: str) -> Terms:
        try:
            meta = self._read_meta(repo_id)
        except HubError as exc:
            return Terms(repo_id, LicenseClass.UNKNOWN, "unreadable", (), error=exc.message)
        except Exception as exc:  # noqa: BLE001 - one base's odd metadata never ends the audit
            return Terms(repo_id, LicenseClass.UNKNOWN, "unreadable", (), error=f"{type(exc).__name__}")
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
        return _settle_deferral(dataclasses.replace(result, findings=tuple(findings)), found, unresolved)
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


def _settle_deferral(result: ModelResult, found: tuple[Terms, tuple[Terms, ...]] | None, unresolved: list[Terms]) -> ModelResult:
    """"Same license as the base model" keeps a verdict `unknown` until the base is read; once every declared base was
    read and none is restrictive, the base's terms and the card's other evidence settle it (still never looser than
    what the card itself says). An unread base leaves it `unknown`."""
    verdict = result.verdict
    if verdict is None or verdict.governing is None or verdict.governing.name != INHERITED or unresolved or found is None:
        return result
    origin, chain = found
    links = " ← ".join(f"{t.id} ({t.label}: {t.classification.value})" for t in chain)
    terms = Detection("base-model-lineage", origin.classification, Evidence("hub-metadata", f"{result.id} ← {links}"),
                      key=None, name=f"terms of base model {origin.id}",
                      reason=f"the card defers its terms to its base model; {origin.id} is under {origin.label}")
    new = settled(verdict, (terms,))
    if new is None:
        return result  # the base's terms are unknown too, or the card says nothing else: unknown stands
    stale = set(verdict.findings) - set(new.findings)  # the warning that the deferral governed
    return dataclasses.replace(result, classification=new.classification, verdict=new,
                               findings=tuple(f for f in result.findings if f not in stale))
