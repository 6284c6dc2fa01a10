"""Baselines: carry unchanged models over from a previous feed, and say what changed since it."""

from __future__ import annotations

import copy
import difflib
from collections.abc import Mapping
from typing import Any

from auditor import RULES_VERSION, __version__
from auditor.models import ModelMeta

#: Fields whose change is worth telling a reader about, with how to read them from a feed entry.
_WATCHED = {
    "classification": lambda m: m["classification"],
    "flagged": lambda m: m["flagged"],
    "license": lambda m: m["license"]["key"] or m["license"]["name"],
    "declared": lambda m: ",".join(m["license"]["declared"]) or None,
    "errors": lambda m: ",".join(sorted(e["code"] for e in m["errors"])) or None,
}


#: Bounds on what a license change shows: lines per side and characters per line.
MAX_DIFF_LINES = 20
MAX_LINE_CHARS = 200

#: The license terms as a card states them, compared between two feed entries.
_TERMS = {
    "declared": lambda m: list(m["license"]["declared"]),
    "license": lambda m: m["license"]["key"] or m["license"]["name"],
    "license_name": lambda m: m["license"]["license_name"],
    "license_link": lambda m: m["license"]["license_link"],
    "card_terms": lambda m: sorted({f"{d['matcher']}: {d['key'] or d['name'] or d['classification']}"
                                    for d in m["license"]["detected"] if d["matcher"].startswith("card-text")}),
}


class Baseline:
    """An earlier feed, indexed by model id."""

    def __init__(self, feed: Mapping[str, Any]) -> None:
        self.feed = feed
        self.models: dict[str, dict[str, Any]] = {m["id"]: m for m in feed.get("models", [])}
        self.same_rules = feed.get("tool_version") == __version__ and feed.get("rules_version") == RULES_VERSION

    def carry_over(self, meta: ModelMeta) -> dict[str, Any] | None:
        """The previous entry, if the model is unchanged (same commit) and was judged cleanly by the same rules."""
        old = self.models.get(meta.id)
        if not self.same_rules or old is None or not meta.sha or old.get("sha") != meta.sha or old.get("errors"):
            return None
        return _without_suppressions(old)


def _without_suppressions(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The entry as the rules judged it: last run's suppressions are undone (this run's are applied afresh)."""
    clean = copy.deepcopy(dict(entry))
    clean["findings"] = [f for f in clean["findings"] if f["code"] != "suppression-expired"]
    for finding in clean["findings"]:
        finding.pop("suppressed", None)
    if clean.pop("flag_suppressed", False):
        flag = next((f for f in clean["findings"] if f["code"] == "open-source-claim"), None)
        clean["flagged"], clean["flag_severity"] = flag is not None, flag["severity"] if flag else None
    return clean


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """What is new, changed and resolved in `new` since `old` (both feeds); license changes included."""
    before = {m["id"]: m for m in old.get("models", [])}
    after = {m["id"]: m for m in new["models"]}
    changed = []
    for model_id in sorted(set(before) & set(after)):
        fields = {name: {"before": read(before[model_id]), "after": read(after[model_id])}
                  for name, read in _WATCHED.items() if read(before[model_id]) != read(after[model_id])}
        if fields:
            changed.append({"id": model_id, "changes": fields})
    common = sorted(set(before) & set(after))
    license_changed = [c for c in (license_change(before[i], after[i]) for i in common) if c is not None]
    return {
        "baseline_generated_at": old.get("generated_at"),
        "license_changed": license_changed,
        "claims_started": [i for i in common if after[i]["claims"] and not before[i]["claims"]],
        "claims_stopped": [i for i in common if before[i]["claims"] and not after[i]["claims"]],
        "new": sorted(set(after) - set(before)),
        "removed": sorted(set(before) - set(after)),
        "newly_flagged": sorted(i for i in after if after[i]["flagged"] and not (before.get(i) or {}).get("flagged")),
        "resolved": sorted(i for i in before if before[i]["flagged"] and not (after.get(i) or {}).get("flagged")),
        "changed": changed,
    }


def license_change(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any] | None:
    """What changed in a model's license between two feed entries (ids, card terms, files), or None."""
    terms = {name: {"before": read(before), "after": read(after)}
             for name, read in _TERMS.items() if read(before) != read(after)}
    files = _file_changes(before["license_files"], after["license_files"]) if (
        "license_files" in before and "license_files" in after) else []  # older feeds did not keep the files
    if not terms and not files:
        return None
    return {"id": after["id"], "changes": terms, "files": files}


def _file_changes(old: list[Mapping[str, Any]], new: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    was, now = {f["path"]: f for f in old}, {f["path"]: f for f in new}
    changes = []
    for path in sorted(set(was) | set(now)):
        a, b = was.get(path), now.get(path)
        if a is not None and b is not None and a["sha256"] == b["sha256"]:
            continue
        status = "added" if a is None else "removed" if b is None else "changed"
        added, removed = _line_diff(a["excerpt"] if a else "", b["excerpt"] if b else "")
        changes.append({
            "path": path, "status": status,
            "before_sha256": a["sha256"] if a else None, "after_sha256": b["sha256"] if b else None,
            "added": added[:MAX_DIFF_LINES], "removed": removed[:MAX_DIFF_LINES],
            "more_added": max(0, len(added) - MAX_DIFF_LINES), "more_removed": max(0, len(removed) - MAX_DIFF_LINES),
            # Same excerpt, other hash: the change lies past the part of the file the feed keeps.
            "beyond_excerpt": status == "changed" and not added and not removed,
        })
    return changes


def _line_diff(old: str, new: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Lines added to and removed from `old` to make `new` (non-blank, numbered, cut to MAX_LINE_CHARS)."""
    a, b = old.splitlines(), new.splitlines()
    added: list[dict[str, Any]] = []
    removed: list[dict[str, Any]] = []
    matcher = difflib.SequenceMatcher(None, [x.strip() for x in a], [x.strip() for x in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            removed += [{"line": n + 1, "text": a[n].strip()[:MAX_LINE_CHARS]} for n in range(i1, i2) if a[n].strip()]
        if tag in ("replace", "insert"):
            added += [{"line": n + 1, "text": b[n].strip()[:MAX_LINE_CHARS]} for n in range(j1, j2) if b[n].strip()]
    return added, removed
