"""Feed files: read and check a saved feed, and merge shard feeds into one."""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path

from typing import Any

from auditor.pipeline.derivatives import merge_views
from auditor.errors import FeedError
from auditor.render.json import summarize


def read_feed(path: Path) -> dict[str, Any]:
    """Load a feed file, checking it is a v1 feed."""
    try:
        feed = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:  # RecursionError: nested thousands deep
        raise FeedError(f"cannot read feed {path}: {type(exc).__name__}: {str(exc)[:200]}") from exc
    if not isinstance(feed, dict) or feed.get("schema_version") != 1 or not isinstance(feed.get("models"), list):
        raise FeedError(f"{path} is not a hf-license-audit feed (schema_version 1)")
    import jsonschema  # here, not at import: jsonschema's format checkers cost 0.7 s of every CLI start

    problem = jsonschema.exceptions.best_match(_validator().iter_errors(feed))
    if problem is not None:
        where = "/".join(str(p) for p in problem.absolute_path) or "the top level"
        raise FeedError(f"{path} is not a valid feed: at {where}: {problem.message[:200]}")
    return feed


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    schema = json.loads((resources.files("auditor") / "schema" / "feed-v1.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


#: A shard count beyond this is not a real matrix; its missing shards are counted, not listed one by one.
MAX_LISTED_MISSING = 20


def _shard_key(spec: str) -> tuple[int, int, str]:
    k, _, n = spec.partition("/")
    return (len(n), len(k), spec) if len(k) > 18 or len(n) > 18 else (int(n), int(k), spec)


def _missing_shards(shards: list[str]) -> list[str]:
    """Warnings for shards of the sweep that were not merged; bounded work whatever N a feed claims."""
    pairs = []
    for spec in shards:
        k, _, n = spec.partition("/")
        if len(k) > 18 or len(n) > 18 or not 1 <= int(k) <= int(n):
            raise FeedError(f"a feed claims shard {spec[:40]!r}, which is not K/N with 1 <= K <= N")
        pairs.append((int(k), int(n)))
    totals = sorted({n for _, n in pairs})
    if len(totals) > 1:
        return [f"feeds come from sweeps of different shard counts: {', '.join(map(str, totals))}"]
    total = totals[0]
    present = {k for k, _ in pairs}
    count = total - len(present)
    if count <= 0:
        return []
    missing = []
    for k in range(1, total + 1):  # stops after MAX_LISTED_MISSING: len(present) is at most the feeds given
        if k not in present:
            missing.append(f"{k}/{total}")
            if len(missing) == MAX_LISTED_MISSING:
                break
    more = f" and {count - len(missing)} more" if count > len(missing) else ""
    return [f"shards missing from the merge: {', '.join(missing)}{more}"]


def merge_feeds(feeds: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """One feed from shard feeds of the same endpoint; returns it and warnings (missing shards, version skew)."""
    if not feeds:
        raise FeedError("nothing to merge")
    endpoints = {f["endpoint"] for f in feeds}
    if len(endpoints) > 1:
        raise FeedError(f"feeds come from different endpoints: {', '.join(sorted(endpoints))}")
    warnings: list[str] = []
    versions = {(f["tool_version"], f["rules_version"]) for f in feeds}
    if len(versions) > 1:
        warnings.append(f"feeds were made by different tool/rules versions: {sorted(versions)}")
    shards = sorted({f["shard"] for f in feeds if f.get("shard")}, key=_shard_key)
    gaps = _missing_shards(shards) if shards else []
    warnings.extend(gaps)
    models: dict[str, dict[str, Any]] = {}
    targets: dict[tuple[str, str], dict[str, Any]] = {}
    for feed in sorted(feeds, key=lambda f: f["generated_at"]):
        for model in feed["models"]:
            models[model["id"]] = model  # a later feed wins for a model audited twice
        for target in feed["targets"]:
            key = (target["kind"], target["name"])
            seen = targets.setdefault(key, dict(target))
            seen["models"] = max(seen["models"], target["models"])
            seen["error"] = seen["error"] or target["error"]
    newest = max(feeds, key=lambda f: f["generated_at"])
    merged = {key: newest[key] for key in ("schema_version", "tool_version", "rules_version", "spdx_list_version",
                                            "generated_at", "endpoint") if key in newest}
    ordered = [models[k] for k in sorted(models)]
    merged_targets = sorted(targets.values(), key=lambda t: (t["kind"], t["name"]))
    for target in merged_targets if gaps else ():  # the merged feed says it is not the whole sweep, not just stderr
        target["error"] = target["error"] or {"code": "listing-incomplete", "file": None,
                                              "message": f"{gaps[0]}: this merged feed holds only the models of the "
                                                         "shards given"}
    merged.update({"targets": merged_targets, "summary": summarize(ordered, merged_targets), "models": ordered})
    views = [view for feed in feeds for view in feed.get("derivatives", [])]
    if views:
        merged["derivatives"] = merge_views(views, models)
    if shards:
        merged["merged_shards"] = shards
    return merged, warnings
