"""Feed files: read and check a saved feed, and merge shard feeds into one."""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path

import jsonschema
from typing import Any

from auditor.errors import FeedError
from auditor.render.json import summarize


def read_feed(path: Path) -> dict[str, Any]:
    """Load a feed file, checking it is a v1 feed."""
    try:
        feed = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FeedError(f"cannot read feed {path}: {exc}") from exc
    if not isinstance(feed, dict) or feed.get("schema_version") != 1 or not isinstance(feed.get("models"), list):
        raise FeedError(f"{path} is not a hf-license-audit feed (schema_version 1)")
    problem = jsonschema.exceptions.best_match(_validator().iter_errors(feed))
    if problem is not None:
        where = "/".join(str(p) for p in problem.absolute_path) or "the top level"
        raise FeedError(f"{path} is not a valid feed: at {where}: {problem.message[:200]}")
    return feed


@functools.lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads((resources.files("auditor") / "schema" / "feed-v1.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


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
    shards = sorted({f["shard"] for f in feeds if f.get("shard")})
    if shards:
        total = int(shards[0].split("/")[1])
        missing = sorted(set(range(1, total + 1)) - {int(s.split("/")[0]) for s in shards})
        if missing:
            warnings.append(f"shards missing from the merge: {', '.join(f'{k}/{total}' for k in missing)}")
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
    merged.update({"targets": merged_targets, "summary": summarize(ordered, merged_targets), "models": ordered})
    if shards:
        merged["merged_shards"] = shards
    return merged, warnings
