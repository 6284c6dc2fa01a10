"""License text normalisation: SPDX-style words of a text (with their lines), their shingles, copyright lines."""

from __future__ import annotations

import functools
import re

from auditor.engine.catalog import reference_text

SHINGLE = 5

_COPYRIGHT_LINE = re.compile(r"^\W*(copyright\b|\(c\)\s*\d|©|all rights reserved)", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦>#]+|\(?(?:\d{1,3}(?:\.\d{1,3})*|[ivx]{1,5}|[a-z])[.)]|§\s*\d+(?:\.\d+)*)\s+", re.I)
_WORD = re.compile(r"\w+", re.UNICODE)
_EQUIVALENT = {"licence": "license", "licences": "licenses", "licenced": "licensed",
               "organisation": "organization", "authorised": "authorized", "https": "http"}


_EQUIVALENT_RE = re.compile(r"\b(?:" + "|".join(_EQUIVALENT) + r")\b")


_MARKUP = re.compile(r"[*_`#>|]+")
#: Enumerators and numbering carry no license meaning ("1.", "(a)", "iv.", "Section 2:"): dropped on both sides.
_ENUMERATOR = frozenset([*"abcdefghijklmnopqrstuvwxyz", *(str(n) for n in range(100)), *(f"{n:02d}" for n in range(10)),
                         "ii", "iii", "iv", "vi", "vii", "viii", "ix"])
_SECTION_WORDS = frozenset({"section", "article", "clause", "paragraph", "sec"})


def _normalize_line(line: str) -> str:
    line = _MARKUP.sub(" ", line)
    previous = None
    while previous != line:
        previous, line = line, _BULLET.sub(" ", line)
    line = line.lower()
    return _EQUIVALENT_RE.sub(lambda m: _EQUIVALENT[m.group(0)], line)


def _keep(words: list[str]) -> list[str]:
    after = words[1:] + [""]
    return [w for w, n in zip(words, after) if w not in _ENUMERATOR and not (w in _SECTION_WORDS and n.isdigit())]


def words_with_lines(text: str) -> tuple[list[str], list[int]]:
    """Normalised words of a text and the 1-based line of each (copyright lines and bullets dropped)."""
    words: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        if _COPYRIGHT_LINE.match(line):
            continue
        found = _keep(_WORD.findall(_normalize_line(line)))
        words.extend(found)
        lines.extend([number] * len(found))
    return words, lines


def copyright_lines(text: str, key: str | None = None) -> list[tuple[int, str]]:
    """Lines matching skips as copyright notices, with their numbers; with `key`, only those the reference
    does not have itself ("COPYRIGHT HOLDERS WILL NOT BE LIABLE ..." is license text, not a notice)."""
    known = _reference_copyright_lines(key) if key else frozenset()
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1)
            if _COPYRIGHT_LINE.match(line) and " ".join(_WORD.findall(line.lower())) not in known]


@functools.lru_cache(maxsize=32)
def _reference_copyright_lines(key: str) -> frozenset[str]:
    return frozenset(" ".join(_WORD.findall(line.lower())) for _, line in copyright_lines(reference_text(key)))


def normalized_words(text: str) -> list[str]:
    """The same words as `words_with_lines`, without line numbers (fast path for references)."""
    kept = [_normalize_line(line) for line in text.splitlines() if not _COPYRIGHT_LINE.match(line)]
    return _keep(_WORD.findall("\n".join(kept)))


def shingles(words: list[str]) -> list[int]:
    """Hashes of every run of SHINGLE consecutive words (one per start position)."""
    if len(words) < SHINGLE:
        return [hash(tuple(words))] if words else []
    return list(map(hash, zip(*(words[i:] for i in range(SHINGLE)))))
