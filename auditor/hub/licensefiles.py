"""License-like files: which of a repo's files hold terms (data/license-files.tsv), ranked, and which are not text."""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from auditor.errors import DataFileError
from auditor.repoids import linked_repo_file

#: At most this many license-like files are read per model (one request each), best first.
MAX_LICENSE_FILES = 8
#: Past the read cap, at most this many more are listed by name as not read (the rest are counted).
MAX_UNREAD_LISTED = 16

#: A language tag before a known extension: LICENSE.zh.md, LICENSE.zh-CN.txt, LICENSE.ja.pdf.
_LANGUAGE = re.compile(r"\.[a-z]{2}(?:[-_][a-z]{2,4})?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NameRule:
    """One row of license-files.tsv of kind `name`: a pattern for a file name's stem and its rank."""

    pattern: re.Pattern[str]
    score: float
    primary: bool  # the repo's main terms (an unrecognised text of it still decides `unknown`)


@dataclass(frozen=True, slots=True)
class NameTable:
    """license-files.tsv: the name rules, the folders whose files are license-like, and the extensions."""

    names: tuple[NameRule, ...]
    folders: re.Pattern[str]
    folder_score: float
    text: frozenset[str]
    documents: frozenset[str]


@functools.lru_cache(maxsize=1)
def name_table() -> NameTable:
    """license-files.tsv, compiled."""
    path = resources.files("auditor") / "data" / "license-files.tsv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        names = tuple(NameRule(re.compile(r["value"], re.IGNORECASE), float(r["score"]), r["primary"] == "yes")
                      for r in rows if r["kind"] == "name")
        (folder,) = [r for r in rows if r["kind"] == "dir"]
        extensions = {kind: frozenset(e for r in rows if r["kind"] == kind for e in r["value"].lower().split("|"))
                      for kind in ("text", "document")}
        return NameTable(names, re.compile(folder["value"], re.IGNORECASE), float(folder["score"]),
                         extensions["text"], extensions["document"])
    except (OSError, csv.Error, KeyError, ValueError, re.error) as exc:
        raise DataFileError(f"license-files.tsv: {exc}") from exc


def _split(name: str) -> tuple[str, str | None]:
    """A file name's stem (without a known extension nor a language tag) and its known extension, if any."""
    table = name_table()
    stem, dot, extension = name.rpartition(".")
    known = extension.lower() if dot and stem and extension.lower() in table.text | table.documents else None
    stem = stem if known else name
    language = _LANGUAGE.search(stem) if known else None  # "LICENSE.zh.md"; never "license.py"
    if language is not None and language.start() > 0:
        stem = stem[:language.start()]
    return stem, known


def _rule(name: str) -> tuple[NameRule | None, str | None]:
    stem, extension = _split(name)
    return next((r for r in name_table().names if r.pattern.fullmatch(stem)), None), extension


def is_document(path: str) -> bool:
    """A file in a format that is not plain text (PDF, Word, ODF, RTF): listed as license-like, never read."""
    return _split(path.rsplit("/", 1)[-1])[1] in name_table().documents


def license_candidates(files: Iterable[str], license_link: str | None = None) -> list[str]:
    """Every license-like file of a repo, best first: root files by name, and the files of a root `licenses/`
    (`license/`, `legal/`...) folder. The card's `license_link` to a file of this repo comes first."""
    files = list(files)
    table = name_table()
    scored: dict[str, float] = {}
    for path in files:
        parts = path.split("/")
        in_folder = len(parts) == 2 and table.folders.fullmatch(parts[0]) is not None
        if len(parts) > 1 and not in_folder:
            continue
        rule, extension = _rule(parts[-1])
        if rule is not None:
            scored[path] = rule.score - (0.05 if extension else 0.0) - (0.3 if in_folder else 0.0)
        elif in_folder and (extension or "." not in parts[-1]):
            scored[path] = table.folder_score
    linked = _linked_file(license_link)
    if linked is not None and linked in set(files):
        scored[linked] = 2.0  # the card points at it: read it first
    return sorted(scored, key=lambda p: (-scored[p], p))


def is_primary_license_file(path: str, license_link: str | None = None) -> bool:
    """The repo's main terms: a root LICENSE*, COPYING*, MODEL_LICENSE*, EULA*, TERMS* (the table's `primary`
    rows), or the card's license_link."""
    if path == _linked_file(license_link):
        return True
    rule = _rule(path)[0] if "/" not in path else None
    return rule is not None and rule.primary


def _linked_file(license_link: str | None) -> str | None:
    """The file of the card's own repo a relative `license_link` names (`LICENSE`, `./LICENSE.md`), if any.

    A Hub URL (`https://huggingface.co/OTHER/REPO/blob/main/LICENSE`) is never taken for this repo's file:
    the link alone does not say the repo is this one, and another repo's LICENSE is not ours (judging.py
    reports such a link). Root license files are read by their names anyway.
    """
    linked = linked_repo_file(license_link)
    return linked[1] if linked is not None and linked[0] is None else None
