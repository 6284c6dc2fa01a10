"""HTML dashboard: one self-contained page (Jinja2, autoescaped) of a feed, with the trend over earlier feeds."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

import jinja2

from auditor.judge.baseline import compare
from auditor.render.codes import help_for
from auditor.render.json import CLASSES
from auditor.render.links import file_url, model_url
from auditor.render.markdown import _license as license_label
from auditor.models import OSD_CLAUSES

#: JSON embedded in a <script> block: these characters could end the block or open a comment in it.
_SCRIPT_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                  ord("\u2028"): "\\u2028", ord("\u2029"): "\\u2029"}
#: Colours of the classes and the flag (chart and badges), also named in dashboard.css.
SERIES = (*CLASSES, "flagged")
MAX_CARD_CLAIMS, MAX_CARD_CLAUSES = 3, 3


def render(feed: dict[str, Any], history: Sequence[dict[str, Any]] = ()) -> str:
    """The dashboard of `feed` (the latest run); `history` holds earlier feeds of the same targets, oldest first."""
    script, style = _asset("dashboard.js"), _asset("dashboard.css")
    runs = [*history, feed]
    changes = feed.get("changes") or (compare(history[-1], feed) if history else None)
    return _template().render(
        feed=feed,
        summary=feed["summary"],
        bars=_bars(feed["summary"]),
        trend=_trend(runs) if len(runs) > 1 else None,
        changes=changes,
        failed_targets=[t for t in feed["targets"] if t["error"]],
        flagged=[_card(feed, m) for m in _flagged_first(feed["models"]) if m["flagged"]],
        broken=[m for m in feed["models"] if m["errors"]],
        data=json.dumps(_data(feed), ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE),
        script=script,
        style=style,
        csp=f"default-src 'none'; script-src '{_sha256(script)}'; style-src '{_sha256(style)}'; "
            "img-src 'none'; base-uri 'none'; form-action 'none'",
    )


@functools.lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["osd"] = lambda clause: OSD_CLAUSES.get(clause, f"OSD {clause}")
    env.filters["plain"] = _plain
    return env.from_string(_asset("dashboard.html.j2"))


def _plain(value: Any) -> Any:
    """A changed field's value for readers: yes/no rather than True/False, none rather than None."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "none" if value is None else value


@functools.lru_cache(maxsize=None)
def _asset(name: str) -> str:
    text = (resources.files("auditor.render") / "templates" / name).read_text(encoding="utf-8")
    if name.endswith((".js", ".css")) and "</" in text:  # our own code must not be able to end its element
        raise AssertionError(f"{name} contains '</'")
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _flagged_first(models: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rank = {"error": 0, "warning": 1}
    return sorted(models, key=lambda m: (rank.get(m["flag_severity"], 2) if m["flagged"] else 3, m["id"]))


def _bars(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """Bars of the summary chart: one per class, then flagged; widths in percent of the largest."""
    counts = [(c, summary["by_class"].get(c, 0)) for c in CLASSES] + [("flagged", summary["flagged"])]
    top = max([n for _, n in counts] + [1])
    return [{"label": label, "count": n, "width": round(100 * n / top, 2)} for label, n in counts]


def _trend(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts per class and flagged per run, with SVG polyline points (viewBox 0 0 600 200)."""
    rows = [{"at": r["generated_at"], "models": r["summary"]["models"],
             "counts": {**{c: r["summary"]["by_class"].get(c, 0) for c in CLASSES}, "flagged": r["summary"]["flagged"]}}
            for r in runs]
    top = max([n for row in rows for n in row["counts"].values()] + [1])
    step = 560 / max(len(rows) - 1, 1)
    points = {s: [(round(20 + i * step, 1), round(190 - 170 * row["counts"][s] / top, 1), row["counts"][s], row["at"])
                  for i, row in enumerate(rows)] for s in SERIES}
    lines = {s: " ".join(f"{x},{y}" for x, y, _, _ in pts) for s, pts in points.items()}
    return {"rows": rows, "lines": lines, "points": points, "top": top}


def _card(feed: dict[str, Any], m: dict[str, Any]) -> dict[str, Any]:
    """What a flagged model's card shows: quotes, terms, restrictive clauses and OSD clauses, from the feed."""
    lic = m["license"]
    flag = next((f for f in m["findings"] if f["code"] == "open-source-claim"), None)
    clauses = [{"message": c["message"], **c["evidence"][0]} for d in lic["detected"] for c in d["restrictive_clauses"]
               if c["evidence"]]
    if not clauses:
        clauses = [{"message": f["message"], **f["evidence"][0]} for f in m["findings"]
                   if f["code"] in ("restrictive-terms", "relabelled-derivative") and f["evidence"]]
    return {"id": m["id"], "url": model_url(feed["endpoint"], m["id"]), "severity": m["flag_severity"],
            "classification": m["classification"], "license": license_label(m), "name": lic["name"],
            "matcher": lic["matcher"], "reason": lic["reason"], "declared": lic["declared"], "osd": lic["osd"],
            "why": flag["message"] if flag else "",
            "claims": [{**c, "url": _line_url(feed, m, c)} for c in m["claims"][:MAX_CARD_CLAIMS]],
            "clauses": [{**c, "url": _line_url(feed, m, c)} for c in _unique(clauses)[:MAX_CARD_CLAUSES]],
            "bases": m.get("base_models", [])}


def _line_url(feed: dict[str, Any], m: dict[str, Any], where: dict[str, Any]) -> str | None:
    """The quoted file at the audited commit on the endpoint, at the quoted line."""
    url = file_url(feed["endpoint"], m["id"], m["sha"], where.get("file"))
    return f"{url}#L{where['line']}" if url and isinstance(where.get("line"), int) else url


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for item in items:
        key = (item.get("file"), item.get("line"), item.get("quote"))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


class _Pool:
    """Strings shared by many models (messages, reasons, names) stored once; fields hold their index (-1: none)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: Any) -> int:
        if text is None:
            return -1
        return self.index.setdefault(str(text), len(self.index))

    def strings(self) -> list[str]:
        return list(self.index)


def _data(feed: dict[str, Any]) -> dict[str, Any]:
    """The table's data: every model, compact, its strings pooled (see dashboard.js for the field names)."""
    s = _Pool()
    codes = sorted({f["code"] for m in feed["models"] for f in m["findings"]})
    code_at = {c: i for i, c in enumerate(codes)}
    classes = list(CLASSES) + sorted({m["classification"] for m in feed["models"]} - set(CLASSES))
    orgs = sorted({m["id"].partition("/")[0] for m in feed["models"]})
    org_at = {o: i for i, o in enumerate(orgs)}

    def evidence(e: dict[str, Any]) -> list[Any]:
        return [s(e.get("source")), s(e.get("file")), e.get("line") or -1, s(e.get("quote"))]

    models = []
    for m in _flagged_first(feed["models"]):
        lic = m["license"]
        models.append({
            "i": m["id"], "o": org_at[m["id"].partition("/")[0]], "c": classes.index(m["classification"]),
            "f": {"error": 2, "warning": 1}.get(m["flag_severity"], 0) if m["flagged"] else 0,
            "l": s(license_label(m)), "k": sorted({code_at[f["code"]] for f in m["findings"]}), "e": len(m["errors"]),
            "sha": m["sha"], "u": model_url(feed["endpoint"], m["id"]),
            "dl": [s(v) for v in lic["declared"]], "n": s(lic["name"]), "m": s(lic["matcher"]), "r": s(lic["reason"]),
            "osd": [s(OSD_CLAUSES.get(c, f"OSD {c}")) for c in lic["osd"]],
            "cl": [[s(c.get("file")), c.get("line") or -1, s(c["quote"])] for c in m["claims"]],
            "fi": [[code_at[f["code"]], s(f["severity"]), s(f["message"]), [evidence(e) for e in f["evidence"]],
                    s(f["suppressed"]["reason"]) if f.get("suppressed") else -1] for f in m["findings"]],
            "de": [[s(d["matcher"]), classes.index(d["classification"]) if d["classification"] in classes else -1,
                    s(d["name"] or d["key"]), evidence(d["evidence"]) if d.get("evidence") else None,
                    [[s(c["message"]), [evidence(e) for e in c["evidence"]]] for c in d["restrictive_clauses"]]]
                   for d in lic["detected"]],
            "b": list(m.get("base_models", [])),
            "er": [[s(e["code"]), s(e["message"]), s(e.get("file"))] for e in m["errors"]],
        })
    return {"classes": classes, "codes": codes, "help": [help_for(c)[0] for c in codes], "orgs": orgs,
            "strings": s.strings(), "models": models}
