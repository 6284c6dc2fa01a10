"""SARIF 2.1.0 log for GitHub code scanning: one rule per finding code, one result per finding of the feed."""

from __future__ import annotations

import hashlib
import json
from typing import Any
from urllib.parse import quote

from auditor.render.codes import help_for
from auditor.render.links import endpoint_base

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: Results point into the Hub, not into the scanned repository: their URIs are relative to this base.
HUB_BASE = "HUB"


def build(feed: dict[str, Any]) -> dict[str, Any]:
    """The SARIF log of a feed, as data."""
    codes = sorted({f["code"] for m in feed["models"] for f in m["findings"]})
    rule_index = {code: i for i, code in enumerate(codes)}
    results = [_result(model, finding, rule_index) for model in feed["models"] for finding in model["findings"]]
    notifications = [
        {"level": "error", "message": {"text": f"{t['name']} could not be audited: {t['error']['message']}"},
         "descriptor": {"id": t["error"]["code"]}}
        for t in feed["targets"] if t["error"]
    ] + [
        {"level": "warning", "message": {"text": f"{m['id']}: {e['message']}"}, "descriptor": {"id": e["code"]},
         **({"locations": [_location(m, e["file"], None)]} if e.get("file") else {})}
        for m in feed["models"] for e in m["errors"]
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "hf-license-audit",
            "version": feed["tool_version"],
            "semanticVersion": feed["tool_version"],
            "rules": [_rule(code) for code in codes],
            "properties": {"rules_version": feed["rules_version"], "spdx_list_version": feed["spdx_list_version"]},
        }},
        "invocations": [{"executionSuccessful": True, "endTimeUtc": feed["generated_at"],
                         "toolExecutionNotifications": notifications}],
        "automationDetails": {"id": "hf-license-audit/" + ",".join(t["name"] for t in feed["targets"])},
        "results": results,
        "properties": {"endpoint": feed["endpoint"], "summary": feed["summary"]},
    }
    base = endpoint_base(feed["endpoint"])
    if base:
        run["originalUriBaseIds"] = {HUB_BASE: {"uri": base, "description": {"text": "The Hub the models were read from"}}}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(feed: dict[str, Any]) -> str:
    """The SARIF log as JSON text (stable key order, trailing newline)."""
    return json.dumps(build(feed), indent=2, ensure_ascii=False) + "\n"


def _rule(code: str) -> dict[str, Any]:
    title, text = help_for(code)
    return {"id": code, "name": "".join(part.capitalize() for part in code.split("-")),
            "shortDescription": {"text": title}, "fullDescription": {"text": text},
            "help": {"text": text, "markdown": f"**{title}**\n\n{text}"}}


def _result(model: dict[str, Any], finding: dict[str, Any], rule_index: dict[str, int]) -> dict[str, Any]:
    evidence = next((e for e in finding["evidence"] if e.get("file")), None)
    file, line = (evidence["file"], evidence["line"]) if evidence else (None, None)
    message = f"{model['id']}: {finding['message']}"
    quotes = [e["quote"] for e in finding["evidence"] if e.get("quote")]
    if quotes:
        message += "\nEvidence: " + " | ".join(q[:300] for q in quotes[:3])
    result: dict[str, Any] = {
        "ruleId": finding["code"],
        "ruleIndex": rule_index[finding["code"]],
        "level": LEVELS.get(finding["severity"], "note"),
        "message": {"text": message},
        "locations": [_location(model, file, line)],
        "partialFingerprints": {"hfLicenseAudit/v1": _fingerprint(model["id"], finding)},
        "properties": {"model": model["id"], "sha": model["sha"], "classification": model["classification"],
                       "flagged": model["flagged"], "severity": finding["severity"]},
    }
    if finding.get("suppressed"):
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": f"{finding['suppressed']['reason']} (expires {finding['suppressed']['expires']})"}]
    return result


def _location(model: dict[str, Any], file: str | None, line: int | None) -> dict[str, Any]:
    """A location on the Hub: the file at the audited commit when there is one, else the model itself."""
    model_path = quote(model["id"], safe="/")
    if file:
        uri = f"{model_path}/blob/{quote(model['sha'] or 'main', safe='')}/{quote(file, safe='/')}"
    else:
        uri = model_path
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "uriBaseId": HUB_BASE}}
    if file and isinstance(line, int) and line >= 1:
        physical["region"] = {"startLine": line}
    return {"physicalLocation": physical,
            "logicalLocations": [{"name": model["id"], "fullyQualifiedName": model["id"], "kind": "module"}]}


def _fingerprint(model_id: str, finding: dict[str, Any]) -> str:
    """Stable across runs for the same finding of the same model (so code scanning tracks one alert)."""
    first = finding["evidence"][0] if finding["evidence"] else {}
    key = "\0".join([model_id, finding["code"], str(first.get("file")), str(first.get("quote"))])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
