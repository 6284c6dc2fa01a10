"""Markdown report for GitHub job summaries and issues: card text escaped, size capped."""

from __future__ import annotations

import re
from typing import Any

from auditor.render.json import INCOMPLETE_CODES

#: GitHub refuses a job summary over 1 MiB; stay clear of it.
MAX_BYTES = 1_000_000
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!~|>-])")


def escape(text: Any) -> str:
    """Make untrusted text inert in GitHub Markdown: no HTML, links, images, mentions or tables broken."""
    value = " ".join(str(text if text is not None else "").split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    # A zero-width space breaks @mentions and GitHub's bare-URL autolinker without changing the words.
    value = value.replace("@", "@\u200b").replace("://", ":\u200b//").replace("www.", "www\u200b.")
    return value


def _reason(model: dict[str, Any]) -> str:
    flag = next((f for f in model["findings"] if f["code"] == "open-source-claim"), None)
    if flag:
        return flag["message"]
    if model["errors"]:
        return "; ".join(e["message"] for e in model["errors"])
    return model["license"]["reason"] or ""


def _license(model: dict[str, Any]) -> str:
    lic = model["license"]
    spdx = lic["spdx"] if lic["spdx"] and not lic["spdx"].startswith("LicenseRef-") else None
    return spdx or lic["key"] or lic["name"] or ", ".join(lic["declared"]) or "none"


def _claim(model: dict[str, Any]) -> str:
    claim = model["claims"][0] if model["claims"] else None
    return f"L{claim['line']}: “{escape(claim['quote'][:160])}”" if claim else ""


def render(feed: dict[str, Any], max_bytes: int = MAX_BYTES) -> str:
    """The report: summary, flagged models with quote and reason, models with errors, then all models."""
    summary = feed["summary"]
    targets = ", ".join(escape(t["name"]) for t in feed["targets"]) or "nothing"
    head = [
        "# Hugging Face license audit",
        "",
        f"Audited **{summary['models']}** models of {targets} on {escape(feed['endpoint'])} "
        f"at {escape(feed['generated_at'])} (hf-license-auditor {escape(feed['tool_version'])}).",
        "",
        "| class | models |",
        "|---|---:|",
        *(f"| {escape(k)} | {v} |" for k, v in summary["by_class"].items()),
        f"| **flagged (open-source claim, terms not OSI-approved)** | **{summary['flagged']}** |",
        f"| models with read errors | {summary['with_errors']} |",
        *([f"| private models (audited with `--include-private`) | {summary['private']} |"] if summary.get("private") else []),
        "",
    ]
    for t in feed["targets"]:
        if t["error"] and t["error"]["code"] in INCOMPLETE_CODES:
            head.append(f"> **{escape(t['name'])}**: the audit is incomplete ({t['models']} models audited): "
                        f"{escape(t['error']['message'])}")
            head.append("")
        elif t["error"]:
            head.append(f"> **{escape(t['name'])}** could not be audited: {escape(t['error']['message'])}")
            head.append("")
        if t.get("private_excluded"):
            head.append(f"> {t['private_excluded']} private models of **{escape(t['name'])}** were left out "
                        "(the audit covers public models unless `--include-private` is given).")
            head.append("")
    sections: list[tuple[str, list[str]]] = []
    changes = feed.get("changes")
    if changes:
        rows = ["| change | models |", "|---|---|"]
        for label, key in (("newly flagged", "newly_flagged"), ("resolved (no longer flagged)", "resolved"),
                           ("new", "new"), ("removed", "removed")):
            if changes[key]:
                rows.append(f"| {label} | {escape(', '.join(changes[key]))} |")
        for item in changes["changed"]:
            what = "; ".join(f"{k}: {v['before']} → {v['after']}" for k, v in item["changes"].items())
            rows.append(f"| changed: {escape(item['id'])} | {escape(what)} |")
        sections.append((f"## Changes since the baseline of {escape(changes.get('baseline_generated_at'))}", rows))
    flagged = [m for m in feed["models"] if m["flagged"]]
    flagged.sort(key=lambda m: (m["flag_severity"] != "error", m["id"]))
    sections.append(("## Flagged models", ["| model | severity | class | license | claim | why |", "|---|---|---|---|---|---|"]
                     + [f"| {escape(m['id'])} | {m['flag_severity']} | {m['classification']} | {escape(_license(m))} | "
                        f"{_claim(m)} | {escape(_reason(m))} |" for m in flagged]))
    broken = [m for m in feed["models"] if m["errors"]]
    sections.append(("## Models that could not be fully read", ["| model | errors |", "|---|---|"]
                     + [f"| {escape(m['id'])} | {escape('; '.join(e['code'] + ': ' + e['message'] for e in m['errors']))} |"
                        for m in broken]))
    sections.append(("## All models", ["| model | class | license | flagged | findings |", "|---|---|---|---|---|"]
                     + [f"| {escape(m['id'])}{' (private)' if m.get('private') else ''} | {m['classification']} | "
                        f"{escape(_license(m))} | {'yes' if m['flagged'] else 'no'} | {escape(', '.join(sorted({f['code'] for f in m['findings']})))} |"
                        for m in feed["models"]]))
    parts = ["\n".join(head) + "\n"]
    size = len(parts[0].encode("utf-8"))
    budget = max_bytes - 2000  # room for the closing note
    cut = 0
    for title, rows in sections:
        if len(rows) == 2:
            continue
        lines = (f"{title}\n\n", rows[0] + "\n", rows[1] + "\n", *(row + "\n" for row in rows[2:]), "\n")
        for number, line in enumerate(lines):
            cost = len(line.encode("utf-8"))
            if size + cost > budget and 3 <= number < len(lines) - 1:  # cut data rows, never a table's head
                cut += 1
                continue
            parts.append(line)
            size += cost
    out = "".join(parts)
    if cut:
        out += f"> {cut} rows were left out to stay under GitHub's 1 MiB summary limit; the JSON feed has every model.\n"
    return out
