"""Orchestration: list targets, crawl and classify every model concurrently, apply the flag rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from auditor.judge.baseline import Baseline
from auditor.cards.frontmatter import license_fields, parse_card
from auditor.cards.claims import find_claims, find_honest_wording
from auditor.judge.classify import classify
from auditor.hub.crawl import README, crawl
from auditor.errors import HubError
from auditor.pipeline.derivatives import DerivativeSpec, sweep
from auditor.hub.client import EXPAND_TERMS, Hub
from auditor.judge.lineage import Lineage, apply_lineage, base_model_refs
from auditor.hub.listing import ListingQuery
from auditor.models import (
    Card,
    Claim,
    Derivation,
    DerivativeTree,
    Detection,
    Evidence,
    Finding,
    LicenseClass,
    LicenseFileDigest,
    ModelError,
    ModelMeta,
    ModelResult,
    Report,
    Severity,
    Snapshot,
    Target,
    Verdict,
)
from auditor.repoids import is_repo_id
from auditor.judge.unread import at_most_unknown, linked_elsewhere, within_cap

Progress = Callable[[ModelResult, int], None]

#: Characters of each license file kept in the feed, so that a later run can show the lines that changed.
EXCERPT_CHARS = 4000

#: Severity of the open-washing flag by class (issue 4's rule; OSI-approved is never flagged).
FLAG_SEVERITY = {
    LicenseClass.CUSTOM_RESTRICTED: Severity.ERROR,
    LicenseClass.UNKNOWN: Severity.ERROR,
    LicenseClass.OPEN_NON_OSI: Severity.WARNING,
}


def audit_model(hub: Hub, meta: ModelMeta) -> ModelResult:
    """Audit one model; any failure, even a bug, becomes an error entry instead of ending the run."""
    try:
        return judge(crawl(hub, meta))
    except Exception as exc:  # noqa: BLE001 - one model's crash never ends the audit
        error = ModelError("internal-error", f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
        return ModelResult(meta.id, meta.sha, LicenseClass.UNKNOWN, False, errors=(error,), gated=meta.gated,
                           private=meta.private)


def judge(snapshot: Snapshot) -> ModelResult:
    """Classify a crawled model, find its claims, and decide whether it is flagged (pure, no I/O)."""
    meta = snapshot.meta
    findings: list[Finding] = []
    errors = list(snapshot.errors)
    card: Card | None = None
    metadata, source = meta.card_data, "hub-metadata"
    readme = snapshot.readme
    if meta.disabled:
        findings.append(Finding("disabled", Severity.WARNING, "The Hub has disabled this repo: its files cannot be "
                                "read, so the verdict rests on the metadata the Hub still shows.",
                                (Evidence("hub-metadata", "disabled: true"),)))
    elif readme is None:
        findings.append(Finding("card-missing", Severity.WARNING, "The repo has no README.md model card."))
    elif readme.text is not None:
        card = parse_card(readme.text)
        if readme.truncated:
            errors.append(ModelError("too-large", "README.md is larger than the read limit; only its start was read", README))
        if card.error is not None:
            findings.append(Finding("card-metadata-invalid", Severity.WARNING, f"README.md: {card.error}",
                                    (Evidence("card-metadata", card.error, README, 1),)))
        metadata, source = card.metadata, "card-metadata"  # on invalid YAML: None, or the fields a line scan recovered
    if meta.gated:
        findings.append(Finding("gated", Severity.INFO, f"The repo is gated ({meta.gated}): files other than "
                                "README.md and LICENSE* need accepted access."))
    unread: list[Detection] = []
    license_files = tuple(within_cap(f, errors, unread) for f in snapshot.license_files)
    verdict = classify(metadata, license_files, metadata_source=source,
                       metadata_file=README if source == "card-metadata" else None,
                       body=card.body if card else None, body_first_line=card.body_first_line if card else 1,
                       model_id=meta.id)
    honest = find_honest_wording(card.body, card.body_first_line) if card is not None else ()
    if honest:
        findings.append(Finding("open-weights-wording", Severity.INFO,
                                "The card uses accurate openness wording (open weights, openly available), not an open-source claim.",
                                tuple(Evidence("card-text", h.quote, README, h.line) for h in honest)))
    declared, license_name, license_link = license_fields(metadata)
    bases, left_out = base_model_refs(metadata or meta.card_data, meta.tags, meta.id)
    verdict = linked_elsewhere(verdict, meta.id, license_link, tuple(bases))
    for detection in unread:
        verdict = at_most_unknown(verdict, detection)
    # a fine-tune's card often keeps its base's title: that title is the base's name, not this model's
    claims = find_claims(card.body, card.body_first_line, meta.id, base_models=tuple(bases)) if card is not None else ()
    if left_out:
        findings.append(Finding("base-models-truncated", Severity.INFO, f"The card names {len(bases) + left_out} "
                                f"base models; only the first {len(bases)} were followed.",
                                (Evidence("card-metadata", f"base_model: {len(bases) + left_out} entries", README),)))
    return with_flag(ModelResult(
        id=meta.id,
        sha=meta.sha,
        classification=verdict.classification,
        flagged=False,
        declared=declared,
        license_name=license_name,
        license_link=license_link,
        verdict=verdict,
        claims=claims,
        findings=tuple(findings) + verdict.findings,
        errors=tuple(errors),
        gated=meta.gated,
        last_modified=meta.last_modified,
        base_models=bases,
        license_files=tuple(digest(f.path, f.text) for f in snapshot.license_files if f.text is not None),
        private=meta.private,
    ))


def digest(path: str, text: str) -> LicenseFileDigest:
    """A license file's hash (of the text as read) and its first EXCERPT_CHARS characters."""
    sha = hashlib.sha256(text.encode("utf-8", errors="replace")).hexdigest()
    return LicenseFileDigest(path, sha, text[:EXCERPT_CHARS], len(text) > EXCERPT_CHARS)


def invalid_id(meta: ModelMeta) -> ModelResult:
    """A listed id the Hub's grammar rejects (`noslash`, `../api`): reported, never read, never dropped."""
    error = ModelError("invalid-id", f"the Hub answered with {meta.id!r}, which is not an org/name model id; "
                       "it was not read")
    return ModelResult(meta.id, meta.sha, LicenseClass.UNKNOWN, False, errors=(error,), gated=meta.gated)


def with_flag(result: ModelResult) -> ModelResult:
    """Apply the flag rule (again, after lineage may have changed the class): claim + not OSI-approved."""
    findings = tuple(f for f in result.findings if f.code != "open-source-claim")
    flag = _flag(result.verdict, result.claims) if result.verdict else None
    return dataclasses.replace(result, flagged=flag is not None, findings=((flag,) if flag else ()) + findings)


def _flag(verdict: Verdict, claims: tuple[Claim, ...]) -> Finding | None:
    severity = FLAG_SEVERITY.get(verdict.classification)
    if not claims or severity is None:
        return None
    governing = verdict.governing
    terms = (governing.name or governing.key) if governing and governing.key else None
    why = {
        LicenseClass.CUSTOM_RESTRICTED: f"its terms ({terms or 'a custom license'}) restrict use: {governing.reason if governing else ''}",
        LicenseClass.UNKNOWN: "no license could be established for it" if governing is None
        else f"its license could not be established ({governing.reason})",
        LicenseClass.OPEN_NON_OSI: f"its license ({terms or 'an open license'}) is open but not OSI-approved",
    }[verdict.classification]
    said = "the model open source" if any(c.about == "model" for c in claims) else "the model's code open source (said of the code, not the weights)"
    message = f"The card calls {said}, but {why}".rstrip(": .") + "."
    evidence = tuple(Evidence("card-text", c.quote, README, c.line) for c in claims)
    if governing is not None:
        evidence += (governing.evidence,)
    return Finding("open-source-claim", severity, message, evidence)


def in_shard(repo_id: str, shard: tuple[int, int] | None) -> bool:
    """Deterministic split of models into N shards (K is 1-based): the same model always lands in the same shard."""
    if shard is None:
        return True
    k, n = shard
    return int(hashlib.sha256(repo_id.encode("utf-8")).hexdigest()[:12], 16) % n == k - 1


def run(
    hub: Hub,
    organizations: Iterable[str] = (),
    models: Iterable[str] = (),
    *,
    workers: int = 8,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    baseline: Baseline | None = None,
    shard: tuple[int, int] | None = None,
    searches: Iterable[ListingQuery] = (),
    derivatives: Iterable[DerivativeSpec] = (),
    include_private: bool = False,
) -> Report:
    """Audit every public model of `organizations`, the named `models`, the models matching `searches` and the
    derivatives of each `derivatives` base (breadth-first), streaming from the listings.

    Models are judged as they are listed, with a bounded number in flight; a model whose commit is unchanged
    since `baseline` (and judged by the same rules) is carried over without reading its files. Private models
    that a token lets the listing show are left out unless `include_private`; named models are always audited.
    Base models are read on the same pool while the crawl goes on.
    """
    targets: list[Target] = []
    results: dict[str, ModelResult] = {}
    carried: dict[str, dict] = {}
    trees: list[DerivativeTree] = []
    seen: set[str] = set()
    done = 0
    owners = {org.lower() for org in organizations}

    def listed() -> Iterator[ModelMeta]:
        for org in organizations:
            yield from _listed_org(hub, org, targets, include_private)
        for query in searches:
            count = 0
            error = None
            try:
                for meta in hub.list_models(query):
                    if meta.private and not include_private:
                        continue
                    count += 1
                    yield meta
            except HubError as exc:
                error = ModelError(exc.code, f"the listing could not be completed: {exc.message}")
            targets.append(Target("search", query.describe(), count, error, query=search_record(query)))
        for spec in derivatives:
            members: list[Derivation] = []
            errors: list[HubError] = []
            count, base_id = 0, spec.base
            for meta in sweep(hub, spec, members, errors):
                base_id = meta.id if count == 0 else base_id  # the base first (its id may differ after a rename)
                if count and meta.private and not include_private:
                    continue  # a private derivative stays out (the base was named, like --model)
                count += 1
                yield meta
            error = (ModelError(errors[0].code, f"the derivatives listing is incomplete ({len(errors)} failed "
                                f"listing(s)): {errors[0].message}") if errors else None)
            targets.append(Target("derivatives", spec.base, count, error, query=spec.query()))
            trees.append(DerivativeTree(base_id, spec.relation, spec.depth, tuple(members)))
        for repo_id in models:
            if not in_shard(repo_id, shard):
                continue
            try:
                meta = hub.model_info(repo_id)
            except HubError as exc:
                error = ModelError(exc.code, exc.message)
                targets.append(Target("model", repo_id, 0, error))
                results[repo_id] = ModelResult(repo_id, None, LicenseClass.UNKNOWN, False, errors=(error,))
                continue
            targets.append(Target("model", repo_id, 1))
            yield meta

    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="audit") as pool:
        lineage = Lineage(lambda repo_id: _base_meta(hub, repo_id, include_private), results, carried, pool=pool)

        def collect(result: ModelResult) -> None:
            nonlocal done
            results[result.id] = result
            done += 1
            # Bases of other owners are read now, beside the crawl; ours may still come from the listing.
            lineage.prefetch(b for b in result.base_models if b.split("/")[0].lower() not in owners)
            if progress is not None:
                progress(result, done)

        in_flight: deque[Future[ModelResult]] = deque()
        for meta in listed():
            if meta.id in seen or not in_shard(meta.id, shard):
                continue
            seen.add(meta.id)
            if meta.listing_error is not None:
                collect(ModelResult(meta.id, None, LicenseClass.UNKNOWN, False,
                                    errors=(ModelError("invalid-answer", meta.listing_error),)))
                continue
            if not is_repo_id(meta.id):
                collect(invalid_id(meta))
                continue
            old = baseline.carry_over(meta) if baseline else None
            if old is not None:
                carried[meta.id] = old
                continue
            in_flight.append(pool.submit(audit_model, hub, meta))
            while len(in_flight) >= 4 * workers:  # bounded: memory does not grow with the listing
                collect(in_flight.popleft().result())
        while in_flight:
            collect(in_flight.popleft().result())
        lineage.resolve_all(b for r in results.values() for b in r.base_models)
        for repo_id, result in list(results.items()):
            if result.base_models:
                results[repo_id] = with_flag(apply_lineage(result, lineage))
    generated = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    return Report(
        endpoint=hub.endpoint,
        generated_at=generated.isoformat().replace("+00:00", "Z"),
        targets=tuple(targets),
        results=tuple(results[k] for k in sorted(results)),
        carried=tuple(carried[k] for k in sorted(carried)),
        derivatives=tuple(trees),
    )


def search_record(query: ListingQuery) -> dict:
    """A search exactly as asked of the Hub (Hub parameter names), for the feed's target."""
    return {"author": query.author, "search": query.search, "filter": list(query.filters), "sort": query.sort,
            "limit": query.limit}


def _base_meta(hub: Hub, repo_id: str, include_private: bool) -> ModelMeta:
    """A base model's metadata; a private one's terms stay out of a public audit."""
    meta = hub.model_info(repo_id, EXPAND_TERMS)
    if meta.private and not include_private:
        raise HubError("repo-not-found", "a private repo (its terms are left out without --include-private)")
    return meta


def _listed_org(hub: Hub, org: str, targets: list[Target], include_private: bool) -> Iterator[ModelMeta]:
    """One organization's listing, checked: unknown names, incomplete listings and shortfalls become its error."""
    count = private_excluded = 0
    error: ModelError | None = None
    try:
        expected = hub.owner_models(org)
    except HubError as exc:
        expected, error = None, ModelError(exc.code, exc.message)
    try:
        for meta in hub.list_models(org):
            if meta.private and not include_private:
                private_excluded += 1
                continue
            count += 1
            yield meta
    except HubError as exc:
        error = ModelError(exc.code, exc.message)
    else:
        if error is not None and count + private_excluded:
            error = None  # the overview did not know the name, but the listing did: trust the listing
        elif error is None and expected is not None and count + private_excluded < expected:
            error = ModelError("listing-incomplete", f"the Hub counts {expected} models for {org!r}, but its "
                               f"listing gave {count + private_excluded}")
    targets.append(Target("organization", org, count, error, private_excluded=private_excluded))
