"""Orchestration: list the targets, audit every model concurrently (bounded), resolve lineage, assemble the report."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from auditor.errors import HubError
from auditor.hub.client import Hub
from auditor.hub.listing import EXPAND_TERMS, ListingQuery
from auditor.judge.baseline import Baseline
from auditor.judge.lineage import Lineage, apply_lineage
from auditor.models import Derivation, DerivativeTree, LicenseClass, ModelError, ModelMeta, ModelResult, Report, Target
from auditor.pipeline.derivatives import DerivativeSpec, sweep
from auditor.pipeline.judging import audit_model, invalid_id, judge, with_flag  # noqa: F401 (judge: re-exported)
from auditor.repoids import is_repo_id

Progress = Callable[[ModelResult, int], None]


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
