"""Terminal table (rich): flagged models first, one line per model with the reason."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape as _markup_escape
from rich.table import Table

from auditor.sanitize import for_terminal

_STYLE = {"osi-approved": "green", "open-non-osi": "cyan", "custom-restricted": "red", "unknown": "yellow"}


def escape(text: Any) -> str:
    """Untrusted text for a rich table cell: no markup, no control sequences."""
    return _markup_escape(for_terminal(text))


def render(feed: dict[str, Any], console: Console) -> None:
    """Print license changes and lineage views first, then the table and a one-line summary."""
    _license_changes(feed.get("changes") or {}, console)
    for tree in feed.get("derivatives", []):
        _lineage(tree, console)
    table = Table(title="Hugging Face license audit", show_lines=False)
    for column in ("model", "class", "license", "flag", "why"):
        table.add_column(column, overflow="fold")
    order = sorted(feed["models"], key=lambda m: (not m["flagged"], m.get("flag_severity") != "error", m["id"]))
    for m in order:
        lic = m["license"]
        flag = {"error": "[bold red]FLAG[/]", "warning": "[yellow]flag[/]"}.get(m.get("flag_severity") or "", "")
        if m["errors"]:
            why = "; ".join(e["message"] for e in m["errors"])
        else:
            claim = next((f["message"] for f in m["findings"] if f["code"] == "open-source-claim"), None)
            why = claim or lic["reason"] or ""
        table.add_row(
            escape(m["id"]),
            f"[{_STYLE.get(m['classification'], 'white')}]{m['classification']}[/]",
            escape(_shown(lic)),
            flag,
            escape(why[:200]),
        )
    console.print(table)
    s = feed["summary"]
    classes = ", ".join(f"{escape(v)} {escape(k)}" for k, v in s["by_class"].items())
    console.print(f"{s['models']} models: {classes}; [bold]{s['flagged']} flagged[/]; {s['with_errors']} with read errors")


def _shown(lic: dict[str, Any]) -> str:
    """SPDX id when it is a real one, else our key, else what the card declared."""
    spdx = lic["spdx"] if lic["spdx"] and not lic["spdx"].startswith("LicenseRef-") else None
    return spdx or lic["key"] or lic["name"] or ", ".join(lic["declared"]) or "none"


def _terms(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    return "none" if value is None else str(value)


def _license_changes(changes: dict[str, Any], console: Console) -> None:
    items = changes.get("license_changed", [])
    started, stopped = changes.get("claims_started", []), changes.get("claims_stopped", [])
    if not (items or started or stopped):
        return
    console.print("[bold]License changes since the baseline[/]")
    for item in items:
        console.print(f"  {escape(item['id'])}")
        for key, value in item["changes"].items():
            console.print(f"    {escape(key)}: {escape(_terms(value['before']))} -> {escape(_terms(value['after']))}")
        for f in item["files"]:
            console.print(f"    {escape(f['path'])} {f['status']}"
                          + (" (past the kept excerpt; hash changed)" if f["beyond_excerpt"] else ""))
            for sign, lines in (("+", f["added"]), ("-", f["removed"])):
                for line in lines:
                    console.print(f"      {sign} L{line['line']}: {escape(line['text'])}")
            if f["more_added"] + f["more_removed"]:
                console.print(f"      ... {f['more_added'] + f['more_removed']} more changed lines")
    for label, ids in (("started claiming open source", started), ("stopped claiming open source", stopped)):
        for model_id in ids:
            console.print(f"  {escape(model_id)}: {label}")
    console.print()


def _lineage(tree: dict[str, Any], console: Console) -> None:
    table = Table(title=f"Derivatives of {escape(tree['base'])} ({escape(tree['base_license'] or 'no license')}: "
                        f"{escape(tree['base_classification'] or 'not audited')}), relation {escape(tree['relation'])}, "
                        f"depth {tree['depth']}")
    for column in ("relation", "derivatives", "keep terms", "relabelled looser", "declare nothing", "claim open source"):
        table.add_column(column, overflow="fold")
    for r in tree["by_relation"]:
        table.add_row(escape(r["relation"]), str(r["models"]), str(r["keeps"]), f"[red]{r['relabelled']}[/]",
                      str(r["silent"]), str(r["claims_open_source"]))
    if tree["by_relation"]:
        total = [sum(r[k] for r in tree["by_relation"]) for k in ("models", "keeps", "relabelled", "silent", "claims_open_source")]
        table.add_row("[bold]all[/]", *(str(n) for n in total))
    console.print(table)
