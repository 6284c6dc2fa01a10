"""Derivatives sweeps: list a model's descendants breadth-first through the Hub's `base_model` filters, and count
how they treat the base's terms (the lineage view)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from auditor.errors import HubError
from auditor.hub.client import Hub
from auditor.hub.listing import EXPAND_TREE, ListingQuery
from auditor.models import RELATIONS, Derivation, DerivativeTree, ModelMeta
from auditor.render.lineage import lineage_view

DEFAULT_DEPTH = 2
MAX_DEPTH = 5  # hard cap: each level can multiply the listing calls


@dataclass(frozen=True)
class DerivativeSpec:
    """What `--derivatives-of BASE --relation R --depth N` asks for."""

    base: str
    relation: str = "any"  # one of RELATIONS, or any
    depth: int = DEFAULT_DEPTH

    def query(self) -> dict[str, Any]:
        """The parameters recorded on the feed's target."""
        return {"base_model": self.base, "relation": self.relation, "depth": self.depth,
                "filter": filter_tag(self.relation, self.base)}


def filter_tag(relation: str, parent: str) -> str:
    """The Hub tag that lists the children of `parent` by `relation` (`base_model:<parent>` for any)."""
    return f"base_model:{parent}" if relation == "any" else f"base_model:{relation}:{parent}"


def relation_of(meta: ModelMeta, parent: str, asked: str) -> str:
    """How `meta` derives from `parent`: the relation asked, else the one in the Hub's `base_model:<rel>:` tags."""
    if asked != "any":
        return asked
    for relation in RELATIONS:
        if f"base_model:{relation}:{parent}" in meta.tags:
            return relation
    return "unknown"


def _may_have_children(children: Mapping[str, int] | None, relation: str) -> bool:
    """False only when the Hub's `childrenModelCount` says there is nothing to list (saves a call per leaf)."""
    if children is None:
        return True
    return (sum(children.values()) if relation == "any" else children.get(relation, 0)) > 0


def sweep(hub: Hub, spec: DerivativeSpec, members: list[Derivation], errors: list[HubError]) -> Iterator[ModelMeta]:
    """The base, then its derivatives level by level: one listing per (parent, relation) page, each model once.

    No child is read on its own: the listing's `expand` gives card data, files and children counts. Failures
    are appended to `errors` (the sweep goes on with the other parents); `members` records how each was reached.
    """
    try:
        base = hub.model_info(spec.base, EXPAND_TREE)
    except HubError as exc:
        errors.append(exc)
        return
    yield base
    seen = {base.id}
    frontier: list[tuple[str, Mapping[str, int] | None]] = [(base.id, base.children)]
    for depth in range(1, min(spec.depth, MAX_DEPTH) + 1):
        found: list[tuple[str, Mapping[str, int] | None]] = []
        for parent, children in frontier:
            if not _may_have_children(children, spec.relation):
                continue
            try:
                for meta in hub.list_models(ListingQuery(filters=(filter_tag(spec.relation, parent),)), EXPAND_TREE):
                    if meta.id in seen:
                        continue
                    seen.add(meta.id)
                    members.append(Derivation(meta.id, parent, relation_of(meta, parent, spec.relation), depth))
                    found.append((meta.id, meta.children))
                    yield meta
            except HubError as exc:
                errors.append(exc)
        frontier = found


def merge_views(views: list[Mapping[str, Any]], models: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One lineage view per sweep from several feeds' views (the shards of one sweep), recounted on `models`."""
    trees: dict[tuple[str, str, int], dict[str, Derivation]] = {}
    for view in views:
        members = trees.setdefault((view["base"], view["relation"], view["depth"]), {})
        for m in view["models"]:
            members.setdefault(m["id"], Derivation(m["id"], m["parent"], m["relation"], m["depth"]))
    return [lineage_view(DerivativeTree(base, relation, depth, tuple(members.values())), models)
            for (base, relation, depth), members in trees.items()]
