"""Base-model families (base-families.tsv): the table, a fast test for family names, their publishers, detections
of a family's license, whether its text is shipped or only judged, and how strong each kind of lineage evidence is
(lineage-evidence.tsv)."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

from auditor.engine.catalog import data_rows, entry_detection, load_catalog, pattern_rows
from auditor.engine.labels import judged_title, load_name_judgements
from auditor.engine.prefilter import required_words
from auditor.errors import DataFileError
from auditor.models import Detection, Evidence, LicenseClass


@functools.lru_cache(maxsize=1)
def load_base_families() -> tuple[tuple[re.Pattern[str], str], ...]:
    """base-families.tsv: (pattern, catalog key or judged license name) of well-known base models whose terms pass on, most specific first."""
    judged = {name for name, (cls, _) in load_name_judgements().items() if cls is LicenseClass.CUSTOM_RESTRICTED}
    return pattern_rows("base-families.tsv", lambda key: key in load_catalog() or key in judged)


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


@functools.lru_cache(maxsize=1)
def _family_words() -> re.Pattern[str] | None:
    """One search for the words one of which every family name holds (derived from the patterns), or None when a
    family's pattern has no such word."""
    words: list[str] = []
    for pattern, _ in load_base_families():
        found = required_words(pattern.pattern)
        if found is None:
            return None
        words += found
    return re.compile("|".join(map(re.escape, sorted(set(words)))))


def names_a_family(text: str) -> bool:
    """Whether `text` names any family (a fast test on plain words first: most lines name none)."""
    words = _family_words()
    if words is not None and not words.search(text.casefold()):
        return False
    return any_base_family().search(text) is not None


def family_title(key: str) -> str:
    """The name of a family's license: its catalog name, or the judged name of a license without a text."""
    entry = load_catalog().get(key)
    if entry is not None:
        return entry.name
    judgement = load_name_judgements().get(key)
    return judged_title(judgement[1], key) if judgement else key


def family_detection(matcher: str, key: str, evidence: Evidence, *, confidence: float, reason: str) -> Detection:
    """A detection of a base family's license: a catalog entry, or a license-names.tsv name judged without a text
    (Baichuan 2 Community License: every version restricts use)."""
    entry = load_catalog().get(key)
    if entry is not None:
        return entry_detection(matcher, entry, evidence, confidence=confidence, reason=reason)
    judgement, why = load_name_judgements()[key]
    return Detection(matcher, judgement, evidence, name=judged_title(why, key), confidence=confidence,
                     reason=f"{reason}: {why.split(':', 1)[-1].strip()}")


@dataclass(frozen=True, slots=True)
class LineageStrength:
    """One row of lineage-evidence.tsv: how much one kind of lineage evidence may decide."""

    matcher: str
    strength: int  # higher is stronger: a declared base_model > a base named in prose > a tag > a word in the id
    restricts_under_open_license: bool  # False: against a declared open license it gives `unknown`, not a restriction
    yields_to_from_scratch: bool  # True: a card that says the model was trained from scratch outweighs it
    evidence: str


@functools.lru_cache(maxsize=1)
def lineage_strengths() -> dict[str, LineageStrength]:
    """lineage-evidence.tsv, by matcher name."""
    path = resources.files("auditor") / "data" / "lineage-evidence.tsv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        return {r["matcher"]: LineageStrength(r["matcher"], int(r["strength"]), _choice(r, "under_open_license", "restricts", "unknown"),
                                              not _choice(r, "from_scratch", "stands", "yields"), r["evidence"]) for r in rows}
    except (OSError, csv.Error, KeyError, ValueError) as exc:
        raise DataFileError(f"lineage-evidence.tsv: {exc}") from exc


def _choice(row: dict[str, str], column: str, yes: str, no: str) -> bool:
    if row[column] not in (yes, no):
        raise ValueError(f"{column} must be {yes!r} or {no!r}, not {row[column]!r}")
    return row[column] == yes
