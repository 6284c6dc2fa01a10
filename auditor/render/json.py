"""JSON feed: the stable v1 contract (fixed key order, sorted models) and its serialisation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from auditor import RULES_VERSION, SPDX_LIST_VERSION, __version__
from auditor.engine.catalog import load_catalog
from auditor.render.lineage import lineage_view
from auditor.models import Claim, Detection, Evidence, Finding, LicenseClass, ModelError, ModelResult, Report, Target
from auditor.sanitize import clean, json_text, needs_cleaning

SCHEMA_VERSION = 1
CLASSES = tuple(c.value for c in LicenseClass)


def to_feed(report: Report) -> dict[str, Any]:
    """The feed as plain data, keys in contract order."""
    models = sorted([model_entry(r) for r in report.results] + [dict(m) for m in report.carried], key=lambda m: m["id"])
    targets = [_target(t) for t in report.targets]
    feed = {
        "schema_version": SCHEMA_VERSION,
        "tool_version": __version__,
        "rules_version": RULES_VERSION,
        "spdx_list_version": SPDX_LIST_VERSION,
        "generated_at": report.generated_at,
        "endpoint": report.endpoint,
        "targets": targets,
        "summary": summarize(models, targets),
    }
    if report.derivatives:
        by_id = {m["id"]: m for m in models}
        feed["derivatives"] = [lineage_view(tree, by_id) for tree in report.derivatives]
    feed["models"] = models
    return feed


#: Target error codes that mean a listing was not seen whole (the summary counts them; the CLI exits 3).
INCOMPLETE_CODES = ("listing-incomplete", "owner-not-found")


def _target(t: Target) -> dict[str, Any]:
    entry = {"kind": t.kind, "name": t.name, "models": t.models, "error": _error(t.error) if t.error else None}
    if t.query is not None:
        entry["query"] = dict(t.query)
    if t.private_excluded:
        entry["private_excluded"] = t.private_excluded
    return entry


def summarize(models: list[dict[str, Any]], targets: list[dict[str, Any]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    """Counts per class, flagged (by severity) and models with errors, from feed entries; `private` and
    `incomplete_targets` only when there are any (so feeds without them stay as they were)."""
    by_class = {c: 0 for c in CLASSES}
    flagged = {"error": 0, "warning": 0}
    for m in models:
        by_class[m["classification"]] = by_class.get(m["classification"], 0) + 1
        if m["flagged"] and m.get("flag_severity") in flagged:
            flagged[m["flag_severity"]] += 1
    summary = {
        "models": len(models),
        "flagged": sum(1 for m in models if m["flagged"]),
        "flagged_by_severity": flagged,
        "with_errors": sum(1 for m in models if m["errors"]),
        "by_class": by_class,
    }
    private = sum(1 for m in models if m.get("private") is True)
    incomplete = sum(1 for t in targets if t.get("error") and t["error"].get("code") in INCOMPLETE_CODES)
    if private:
        summary["private"] = private
    if incomplete:
        summary["incomplete_targets"] = incomplete
    return summary


def model_entry(r: ModelResult) -> dict[str, Any]:
    """One model in the feed."""
    verdict = r.verdict
    governing = verdict.governing if verdict else None
    flag = next((f for f in r.findings if f.code == "open-source-claim"), None)
    return {
        "id": r.id,
        "sha": r.sha,
        "last_modified": r.last_modified,
        "gated": r.gated,
        "classification": r.classification.value,
        "flagged": r.flagged,
        "flag_severity": flag.severity.value if flag else None,
        "license": {
            "declared": list(r.declared),
            "license_name": r.license_name,
            "license_link": r.license_link,
            "key": _catalog_key(governing.key) if governing and governing.decides else None,
            "spdx": governing.spdx if governing and governing.decides else None,
            "name": governing.name if governing else None,
            "matcher": governing.matcher if governing else None,
            "osd": list(governing.osd) if governing else [],
            "reason": governing.reason if governing else "no license information found",
            "detected": [_detection(d) for d in (verdict.detections if verdict else ())],
        },
        "base_models": list(r.base_models),
        "license_files": [{"path": f.path, "sha256": f.sha256, "excerpt": f.excerpt, "truncated": f.truncated}
                          for f in r.license_files],
        "claims": [_claim(c) for c in r.claims],
        "findings": [finding_entry(f) for f in r.findings],
        "errors": [_error(e) for e in r.errors],
        **({"private": True} if r.private else {}),
    }


def _catalog_key(key: str | None) -> str | None:
    """`key` is a catalog key or null, never a description or a declared label (those are in `name`)."""
    return key if key in load_catalog() else None


def _detection(d: Detection) -> dict[str, Any]:
    return {
        "matcher": d.matcher,
        "classification": d.classification.value,
        "decides": d.decides,
        "key": _catalog_key(d.key),
        "spdx": d.spdx,
        "name": d.name,
        "confidence": round(d.confidence, 4),
        "osd": list(d.osd),
        "reason": d.reason,
        "evidence": _evidence(d.evidence),
        "restrictive_clauses": [finding_entry(f) for f in d.restrictions],
    }


def _claim(c: Claim) -> dict[str, Any]:
    return {"quote": c.quote, "file": "README.md", "line": c.line, "phrase": c.phrase, "confidence": c.confidence,
            "about": c.about}


def finding_entry(f: Finding) -> dict[str, Any]:
    """A finding as feed data."""
    return {"code": f.code, "severity": f.severity.value, "message": f.message,
            "evidence": [_evidence(e) for e in f.evidence]}


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"source": e.source, "file": e.file, "line": e.line, "quote": e.quote}


def _error(e: ModelError) -> dict[str, Any]:
    return {"code": e.code, "message": e.message, "file": e.file}


def iter_json(feed: dict[str, Any], secrets: tuple[str, ...] = ()) -> Iterator[str]:
    """Serialise a feed in chunks: top-level keys indented, then one model per line (diff-friendly, and the
    C encoder keeps a 20,000-model feed from needing gigabytes of temporary strings).

    Each part is sanitised on its way out (`auditor.sanitize`): always valid UTF-8, `secrets` redacted,
    terminal controls written as \\u escapes."""
    head = {k: v for k, v in feed.items() if k != "models"}
    body = _dump(head, secrets, indent=2)
    yield body[:-2] + ',\n  "models": [' if head else '{\n  "models": ['
    for index, model in enumerate(feed["models"]):
        yield ("," if index else "") + "\n    " + _dump(model, secrets)
    yield "\n  ]\n}\n"


def _dump(value: Any, secrets: tuple[str, ...], indent: int | None = None) -> str:
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    if needs_cleaning(text, secrets):  # rare: walk and copy only the parts that hold a surrogate or the token
        text = json.dumps(clean(value, secrets), indent=indent, ensure_ascii=False)
    return json_text(text)


def dumps(feed: dict[str, Any], secrets: tuple[str, ...] = ()) -> str:
    """The whole feed as one string (see `iter_json`)."""
    return "".join(iter_json(feed, secrets))
