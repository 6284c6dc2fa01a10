"""Restriction detectors: find restrictive clauses in any license text and name the OSD clause each breaks."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

from auditor.engine.prefilter import Prefiltered
from auditor.errors import DataFileError
from auditor.models import OSD_CLAUSES  # shared: the renderers name the clauses too

#: Words that narrow a grant. Text added to a license that contains one is never treated as harmless.
LIMITING = re.compile(r"\b(?:not|no|only|except|unless|solely|exclusively|prohibit\w*|forbid\w*|restrict\w*|"
                      r"limit\w*|requir\w*|must|shall|provided that|subject to|conditions?)\b", re.IGNORECASE)
#: Words that narrow a grant in a Chinese text (commercial use, only, research, registration, application, written
#: authorisation, military, monthly users, "must not be used for"): a translation that has one is not a plain translation.
LIMITING_ZH = re.compile(r"商业用途|商业目的|商用|非商业|仅限|仅用于|仅供|研究目的|学术研究|登记|申请|书面授权|军事|月活|日活|不得用于|禁止")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|(?<=[。；！？])\s*|\n\s*\n")  # CJK text runs on without spaces
#: Where a sentence turns to another clause: a denial in one ("no restrictions on research use, but commercial use
#: requires a license") says nothing of the other.
_TURN = re.compile(r",\s*(?:but|while|whereas|although|though|yet|however|except)\b|\s(?:but|whereas|however)\s|[，,]\s*(?:但是|但|而)", re.IGNORECASE)


#: A negation written as a contraction ("can't", "don't", "cannot"): read as its two words, so a detector's "may not",
#: "do not" also finds "mustn't", "don't" (the quote stays the card's own words).
_CONTRACTED = re.compile(r"\b(?:(ca)n['’]t|(wo)n['’]t|(sha)n['’]t|(can)not|(\w+?)n['’]t)\b", re.IGNORECASE)
_FULL = {"ca": "can", "wo": "will", "sha": "shall"}


def plain_negations(text: str) -> str:
    """The text with its contracted negations written out ("You can't use it" → "You can not use it")."""
    if "'" not in text and "’" not in text and "nnot" not in text and "NNOT" not in text:
        return text  # most sentences hold no contraction
    def full(match: re.Match[str]) -> str:
        stem = next(g for g in match.groups() if g)
        return f"{_FULL.get(stem.lower(), stem) if stem.lower() in _FULL else stem} not"
    return _CONTRACTED.sub(full, text)


def _original(text: str, position: int) -> int:
    """Where a position of `plain_negations(text)` falls in `text` (each contraction written out moves what follows)."""
    shift = 0
    for match in _CONTRACTED.finditer(text):
        stem = next(g for g in match.groups() if g)
        written = len(f"{_FULL.get(stem.lower(), stem)} not")
        new_start = match.start() + shift
        if position < new_start:
            break
        if position < new_start + written:
            return match.start()
        shift += written - (match.end() - match.start())
    return position - shift


@dataclass(frozen=True, slots=True)
class Detector:
    """One row of restrictions.tsv: a named pattern and the OSD clause it breaks."""

    code: str
    osd: tuple[str, ...]
    pattern: Prefiltered  # tried only on a sentence that holds one of the words every match of it contains
    unless: re.Pattern[str] | None
    description: str


@dataclass(frozen=True, slots=True)
class Hit:
    """A restrictive sentence found in a text."""

    code: str
    osd: tuple[str, ...]
    description: str
    quote: str
    line: int


@functools.lru_cache(maxsize=1)
def _negation() -> re.Pattern[str] | None:
    """The `*` row: sentences that deny a restriction ("does not restrict commercial use") restrict nothing."""
    row = next((r for r in _rows() if r["code"] == "*"), None)
    return re.compile(row["unless"], re.IGNORECASE) if row and row["unless"] else None


def denies(sentence: str) -> bool:
    """Whether the sentence says a restriction does not exist (the `*` row): "there are no restrictions on use"."""
    negation = _negation()
    return negation is not None and negation.search(sentence) is not None


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    path = resources.files("auditor") / "data" / "restrictions.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = tuple(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if any(None in row or None in row.values() for row in rows):  # a row with more or fewer cells than the header
        raise DataFileError("restrictions.tsv: a row does not have the header's columns")
    return rows


@functools.lru_cache(maxsize=1)
def detectors() -> tuple[Detector, ...]:
    """The detectors, in file order (the `*` row is the shared negation filter, not a detector)."""
    rows = [r for r in _rows() if r["code"] != "*"]
    try:
        return tuple(
            Detector(
                code=row["code"],
                osd=tuple(row["osd"].split(";")),
                pattern=Prefiltered.compile(row["pattern"]),
                unless=re.compile(row["unless"], re.IGNORECASE) if row["unless"] else None,
                description=row["description"],
            )
            for row in rows
        )
    except (re.error, KeyError) as exc:
        raise DataFileError(f"restrictions.tsv: {exc}") from exc


def sentences(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """Split text into sentences, each with the 1-based line it starts on."""
    result: list[tuple[int, str]] = []
    position, line = 0, first_line
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = " ".join(chunk.split())
        if stripped:
            leading = len(chunk) - len(chunk.lstrip())
            result.append((line + chunk.count("\n", 0, leading), stripped))
        if match:
            line += text.count("\n", position, match.end())
            position = match.end()
    return result


#: Texts at least this long (license files) are cached whole; shorter ones (card lines) by sentence only.
_WHOLE_TEXT_CHARS = 1000


def find_restrictions(text: str, first_line: int = 1, *, limit_per_code: int = 2) -> tuple[Hit, ...]:
    """Every restrictive sentence in `text` (at most `limit_per_code` quotes per detector). Cached by text, whatever
    its first line (thousands of fine-tunes ship the same LICENSE), and by sentence (cards repeat boilerplate)."""
    hits = _long_text_hits(text, limit_per_code) if len(text) >= _WHOLE_TEXT_CHARS else _text_hits(text, limit_per_code)
    if first_line == 1:
        return hits
    return tuple(Hit(h.code, h.osd, h.description, h.quote, h.line + first_line - 1) for h in hits)


def _text_hits(text: str, limit_per_code: int) -> tuple[Hit, ...]:
    """The hits of `text` with lines counted from 1."""
    hits: list[Hit] = []
    counts: dict[str, int] = {}
    found = detectors()
    for line, sentence in sentences(text):
        for index, quote in _sentence_hits(sentence):
            detector = found[index]
            if counts.get(detector.code, 0) >= limit_per_code:
                continue
            counts[detector.code] = counts.get(detector.code, 0) + 1
            hits.append(Hit(detector.code, detector.osd, detector.description, quote, line))
    return tuple(hits)


_long_text_hits = functools.lru_cache(maxsize=64)(_text_hits)


def clear_caches() -> None:
    """Forget cached hits (benchmarks time the engine cold)."""
    _long_text_hits.cache_clear()
    _sentence_hits.cache_clear()


@functools.lru_cache(maxsize=16384)
def _sentence_hits(sentence: str) -> tuple[tuple[int, str], ...]:
    """(detector index, quote) for each detector that flags one sentence, in file order."""
    negation = _negation()
    plain = plain_negations(sentence)
    if negation is not None and negation.search(plain):
        clauses = [c for c in _TURN.split(sentence) if c.strip() and not negation.search(plain_negations(c))]
        return tuple(hit for clause in clauses if clause != sentence for hit in _sentence_hits(clause))
    folded = plain.casefold()
    found: list[tuple[int, str]] = []
    for index, detector in enumerate(detectors()):
        match = detector.pattern.search(plain, folded)
        if not match or (detector.unless is not None and detector.unless.search(plain)):
            continue
        start, end = (match.start(), match.end()) if plain is sentence else (_original(sentence, match.start()),
                                                                             _original(sentence, match.end()))
        found.append((index, _clip(sentence, min(start, len(sentence)), min(end, len(sentence)))))
    return tuple(found)


def osd_text(clauses: tuple[str, ...]) -> str:
    """Human names of OSD clauses: ("5", "6") → "OSD 5 (...), OSD 6 (...)"."""
    return ", ".join(OSD_CLAUSES.get(c, f"OSD {c}") for c in sorted(set(clauses)))


def _clip(sentence: str, at: int = 0, end: int = 0, limit: int = 400) -> str:
    """The sentence, or a window of it around the restrictive words when it is long."""
    if len(sentence) <= limit:
        return sentence
    start = max(0, min(at - 60, len(sentence) - limit))
    start = max(start, min(end + 20, len(sentence)) - (limit - 2))
    return ("…" if start else "") + sentence[start : start + limit - 2] + "…"
