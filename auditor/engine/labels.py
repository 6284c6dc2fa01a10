"""License labels: the Hub-id and license-name tables (aliases, judged names) and what a label resolves to."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from auditor.engine.catalog import data_rows, load_catalog, spdx_key, split_list
from auditor.errors import DataFileError
from auditor.models import LicenseClass


@dataclass(frozen=True, slots=True)
class HubLicense:
    """One Hub `license:` identifier (a row of hub-ids.tsv)."""

    hub_id: str
    key: str | None
    members: tuple[str, ...]
    judgement: LicenseClass
    osd: tuple[str, ...]
    reason: str

    @property
    def classification(self) -> LicenseClass:
        """The table's judgement, but OSI-approved only if its text (or every family member) is."""
        if self.judgement is not LicenseClass.OSI_APPROVED:
            return self.judgement
        keys = (self.key,) if self.key else self.members
        catalog = load_catalog()
        proven = bool(keys) and all(k in catalog and catalog[k].classification is LicenseClass.OSI_APPROVED for k in keys)
        return LicenseClass.OSI_APPROVED if proven else LicenseClass.UNKNOWN


def normalize_name(value: str) -> str:
    """Hub-style identifier: lower case, spaces and underscores as dashes (`Apache 2.0` → `apache-2.0`)."""
    return re.sub(r"[\s_-]+", "-", value.strip().lower()).strip("-")


def _name_variants(name: str) -> list[str]:
    """The name, then the same without filler words (`apache-license-version-2.0` → `apache-2.0`)."""
    bare = re.sub(r"(^the-|-licen[cs]e(?=-|$)|(?<=-)version-|(?<=-)v(?=\d))", "", name)
    return [name] if bare == name else [name, bare]


@dataclass(frozen=True, slots=True)
class Label:
    """What a license label (card `license` value or `license_name`) resolves to."""

    kind: str  # hub-id | license-name | spdx-id
    key: str | None
    hub: HubLicense | None = None
    judgement: LicenseClass = LicenseClass.UNKNOWN  # a known name without a text: the class of every version of it
    reason: str = ""


def resolve_label(value: str) -> Label | None:
    """Resolve a label through the Hub-id table, the name aliases, then SPDX ids; None if unknown."""
    hub_ids, names = load_hub_ids(), load_names()
    for name in _name_variants(normalize_name(value)):
        if name in hub_ids:
            return Label("hub-id", hub_ids[name].key, hub_ids[name])
        if name in names:
            judgement, reason = load_name_judgements().get(name, (LicenseClass.UNKNOWN, ""))
            return Label("license-name", names[name], judgement=judgement, reason=reason)
        key = spdx_key(name)
        if key is not None:
            return Label("spdx-id", key)
        key = _catalog_names().get(name)
        if key is not None:
            return Label("license-name", key)  # the license's full name ("Academic Free License v3.0")
    return None


@functools.lru_cache(maxsize=1)
def _catalog_names() -> dict[str, str]:
    """Normalised full names of the catalog's licenses → key (a name two texts share is left out)."""
    found: dict[str, set[str]] = {}
    for entry in load_catalog().values():
        for name in _name_variants(normalize_name(entry.name)):
            found.setdefault(name, set()).add(entry.key)
    return {name: next(iter(keys)) for name, keys in found.items() if len(keys) == 1}


@functools.lru_cache(maxsize=1)
def load_hub_ids() -> dict[str, HubLicense]:
    """hub-ids.tsv: every Hub `license:` identifier, by id."""
    table: dict[str, HubLicense] = {}
    for row in data_rows("hub-ids.tsv"):
        try:
            judgement = LicenseClass(row["class"])
        except ValueError as exc:
            raise DataFileError(f"hub-ids.tsv: bad class {row['class']!r} for {row['hub_id']}") from exc
        table[row["hub_id"]] = HubLicense(
            hub_id=row["hub_id"],
            key=row["key"] or None,
            members=split_list(row.get("members")),
            judgement=judgement,
            osd=split_list(row.get("osd")),
            reason=row.get("reason") or "",
        )
    return table


@functools.lru_cache(maxsize=1)
def load_names() -> dict[str, str | None]:
    """license-names.tsv: `license_name` spellings → catalog key (None: known name, no text)."""
    return {row["name"]: (row["key"] or None) for row in data_rows("license-names.tsv")}


@functools.lru_cache(maxsize=1)
def load_name_judgements() -> dict[str, tuple[LicenseClass, str]]:
    """license-names.tsv rows without a text but with a `class`: what every version of that license is, and why."""
    table: dict[str, tuple[LicenseClass, str]] = {}
    for row in data_rows("license-names.tsv"):
        if row.get("class") and not row["key"]:
            try:
                judgement = LicenseClass(row["class"])
            except ValueError as exc:
                raise DataFileError(f"license-names.tsv: bad class {row['class']!r} for {row['name']}") from exc
            if judgement is LicenseClass.OSI_APPROVED:
                raise DataFileError(f"license-names.tsv: {row['name']} has no text, so it cannot be proven OSI-approved")
            table[row["name"]] = (judgement, row["note"].split("no text in the catalog:", 1)[-1].strip())
    return table


def judged_title(reason: str, fallback: str) -> str:
    """The license's name in a judged name's reason ("Yi Series Models License (every version): ..." → its name)."""
    return reason.split(":", 1)[0].replace(" (every version)", "").strip() or fallback
