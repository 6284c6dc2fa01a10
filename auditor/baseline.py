"""Baselines: carry unchanged models over from a previous feed, and say what changed since it."""

from __future__ import annotations

import copy
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
    return {
        "baseline_generated_at": old.get("generated_at"),
        "new": sorted(set(after) - set(before)),
        "removed": sorted(set(before) - set(after)),
        "newly_flagged": sorted(i for i in after if after[i]["flagged"] and not (before.get(i) or {}).get("flagged")),
        "resolved": sorted(i for i in before if before[i]["flagged"] and not (after.get(i) or {}).get("flagged")),
        "changed": changed,
    }
