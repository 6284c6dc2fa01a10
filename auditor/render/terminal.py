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
    """Print the table and a one-line summary."""
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
