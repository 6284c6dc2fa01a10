"""The lineage view: a derivatives sweep's tree counted on the feed's entries (how each derivative treats the base's terms)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditor.models import RELATIONS, DerivativeTree

CATEGORIES = ("keeps", "relabelled", "silent")


def category(entry: Mapping[str, Any]) -> str:
    """How a derivative's feed entry treats its base's terms: relabelled (looser), silent (declares nothing) or keeps."""
    if any(f["code"] == "relabelled-derivative" for f in entry["findings"]):
        return "relabelled"
    lic = entry["license"]
    from_file = any(d["matcher"].startswith("license-file") for d in lic["detected"])
    if not lic["declared"] and not lic["license_name"] and not from_file:
        return "silent"
    return "keeps"


def lineage_view(tree: DerivativeTree, models: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The feed's view of one sweep: the base's terms, counts per relation, and every derivative's place."""
    base = models.get(tree.base)
    rows: dict[str, dict[str, int]] = {}
    members = []
    for member in sorted(tree.members, key=lambda m: (m.depth, m.id)):
        entry = models.get(member.id)
        if entry is None:  # another shard's model
            continue
        kind, claims = category(entry), bool(entry["claims"])
        row = rows.setdefault(member.relation, {"models": 0, **{c: 0 for c in CATEGORIES}, "claims_open_source": 0})
        row["models"] += 1
        row[kind] += 1
        row["claims_open_source"] += claims
        members.append({"id": member.id, "parent": member.parent, "relation": member.relation, "depth": member.depth,
                        "category": kind, "classification": entry["classification"], "claims_open_source": claims})
    order = {r: i for i, r in enumerate((*RELATIONS, "unknown"))}
    lic = base["license"] if base else None
    return {
        "base": tree.base,
        "relation": tree.relation,
        "depth": tree.depth,
        "base_classification": base["classification"] if base else None,
        "base_license": (lic["key"] or lic["name"] or ",".join(lic["declared"]) or None) if lic else None,
        "derivatives": len(members),
        "by_relation": [{"relation": r, **rows[r]} for r in sorted(rows, key=lambda r: order.get(r, 99))],
        "models": members,
    }
