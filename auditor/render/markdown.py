"""Markdown report for GitHub job summaries and issues: card text escaped, size capped."""

from __future__ import annotations

import re
from typing import Any

from auditor.render.json import INCOMPLETE_CODES
from auditor.sanitize import for_terminal

#: GitHub refuses a job summary over 1 MiB; stay clear of it.
MAX_BYTES = 1_000_000
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!~|>-])")


def escape(text: Any) -> str:
    """Make untrusted text inert in GitHub Markdown: no HTML, links, images, mentions or tables broken."""
    value = for_terminal(" ".join(str(text if text is not None else "").split()))  # controls, bidi: shown inert
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
    if not claim:
        return ""
    about = " (about the code)" if claim.get("about") == "code" else ""
    return f"L{claim['line']}: “{escape(claim['quote'][:160])}”{about}"


def _terms(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    return "none" if value is None else str(value)


def license_change_rows(changes: dict[str, Any]) -> list[str]:
    """One row per changed license (old → new ids, and the file lines added and removed), then claim changes."""
    rows = ["| model | what changed |", "|---|---|"]
    for item in changes.get("license_changed", []):
        parts = [f"{escape(k)}: {escape(_terms(v['before']))} → {escape(_terms(v['after']))}"
                 for k, v in item["changes"].items()]
        for f in item["files"]:
            lines = [f"**{escape(f['path'])}** {f['status']}"]
            if f["beyond_excerpt"]:
                lines.append("(the change lies past the excerpt the feed keeps; the file hash changed)")
            lines += [f"\\+ L{x['line']}: {escape(x['text'])}" for x in f["added"]]
            lines += [f"\\− L{x['line']}: {escape(x['text'])}" for x in f["removed"]]
            more = f["more_added"] + f["more_removed"]
            if more:
                lines.append(f"… {more} more changed lines")
            parts.append("<br>".join(lines))
        rows.append(f"| {escape(item['id'])} | {'<br>'.join(parts)} |")
    for key, label in (("claims_started", "started claiming open source"), ("claims_stopped", "stopped claiming open source")):
        for model_id in changes.get(key, []):
            rows.append(f"| {escape(model_id)} | {label} |")
    return rows


def lineage_section(tree: dict[str, Any]) -> tuple[str, list[str]]:
    """The lineage view of a derivatives sweep: per relation, how derivatives treat the base's terms."""
    title = (f"## Derivatives of {escape(tree['base'])} ({escape(tree['base_license'] or 'no license')}: "
             f"{escape(tree['base_classification'] or 'not audited')}), relation {escape(tree['relation'])}, "
             f"depth {tree['depth']}")
    rows = ["| relation | derivatives | keep the base's terms (or stricter) | relabelled looser | declare nothing | claim open source |",
            "|---|---:|---:|---:|---:|---:|"]
    for r in tree["by_relation"]:
        rows.append(f"| {escape(r['relation'])} | {r['models']} | {r['keeps']} | {r['relabelled']} | {r['silent']} | "
                    f"{r['claims_open_source']} |")
    if tree["by_relation"]:
        total = {k: sum(r[k] for r in tree["by_relation"]) for k in ("models", "keeps", "relabelled", "silent", "claims_open_source")}
        rows.append(f"| **all** | **{total['models']}** | {total['keeps']} | {total['relabelled']} | {total['silent']} | "
                    f"{total['claims_open_source']} |")
    return title, rows


def render(feed: dict[str, Any], max_bytes: int = MAX_BYTES) -> str:
    """The report: summary, flagged models with quote and reason, models with errors, then all models."""
    summary = feed["summary"]
    labels = {"derivatives": "{} and its derivatives", "search": "the search ({})"}
    targets = ", ".join(escape(labels.get(t["kind"], "{}").format(t["name"])) for t in feed["targets"]) or "nothing"
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
    if changes and (changes.get("license_changed") or changes.get("claims_started") or changes.get("claims_stopped")):
        sections.append(("## License changes since the baseline", license_change_rows(changes)))
    for tree in feed.get("derivatives", []):
        sections.append(lineage_section(tree))
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
