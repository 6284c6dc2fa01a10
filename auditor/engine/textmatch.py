"""License text identification: a shingle index of the references, the closest one to a text, what the text adds."""

from __future__ import annotations

import functools
import itertools
import re
import threading
from dataclasses import dataclass

from auditor.engine.catalog import reference_keys, reference_text
from auditor.engine.normalize import SHINGLE, normalized_words, shingles, words_with_lines

#: Long texts are first compared through an even sample of their shingles; the best candidates exactly.
SAMPLE = 48
CANDIDATES = 8
#: A file is a copy of a reference when it contains this share of the reference's shingles...
COPY_REF_COVERAGE = 0.80
#: ...and adds no more than this many words (a filled-in template, a title, a URL).
HARMLESS_ADDED_WORDS = 12
#: Below this share of the reference, the file is not that license at all.
MIN_REF_COVERAGE = 0.50
#: A file made almost only of one reference's text, with at least this share of it, is a partial copy.
PARTIAL_FILE_COVERAGE = 0.90
PARTIAL_REF_COVERAGE = 0.25


@dataclass(frozen=True, slots=True)
class Addition:
    """A run of text in the file that the reference does not have."""

    line: int
    end_line: int
    text: str
    words: int


@dataclass(frozen=True, slots=True)
class TextMatch:
    """The best reference for a text, and how the text differs from it."""

    key: str
    dice: float
    ref_coverage: float
    file_coverage: float
    added_words: int
    additions: tuple[Addition, ...]
    ties: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """`copy`, `partial` (truncated or appendix removed), `modified` (text added) or `none`."""
        if self.added_words <= HARMLESS_ADDED_WORDS:
            if self.ref_coverage >= COPY_REF_COVERAGE:
                return "copy"
            if self.file_coverage >= PARTIAL_FILE_COVERAGE and self.ref_coverage >= PARTIAL_REF_COVERAGE:
                return "partial"
        return "modified" if self.ref_coverage >= MIN_REF_COVERAGE else "none"


class ReferenceIndex:
    """The shingle set of every reference; a query intersects its shingles with each (C-speed set ops)."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.keys = sorted(texts)
        self._sets = [frozenset(shingles(normalized_words(texts[key]))) for key in self.keys]

    def shingle_set(self, key: str) -> frozenset[int]:
        """The shingles of one reference."""
        return self._sets[self.keys.index(key)]

    def _shared(self, unique: set[int], file_order: list[int]) -> dict[int, int]:
        """Exact shared-shingle counts for the references a sample of the text points at."""
        if len(unique) > SAMPLE:
            ordered = list(dict.fromkeys(file_order))  # text order: the same sample whatever the hash seed
            sample = set(ordered[:: len(ordered) // SAMPLE])
            scale = len(unique) / len(sample)
            estimate = [2 * len(sample & ref) * scale / (len(unique) + len(ref)) for ref in self._sets]
            candidates = sorted(range(len(self._sets)), key=lambda i: -estimate[i])[:CANDIDATES]
        else:
            candidates = range(len(self._sets))
        return {i: len(unique & self._sets[i]) for i in candidates}

    def identify(self, text: str) -> TextMatch | None:
        """The closest reference with the differences, or None when nothing is shared."""
        words, lines = words_with_lines(text)
        file_shingles = shingles(words)
        unique = set(file_shingles)
        if not unique:
            return None
        shared = self._shared(unique, file_shingles)
        dice = {i: 2 * n / (len(unique) + len(self._sets[i])) for i, n in shared.items() if n}
        ranked = sorted(dice, key=lambda i: (-dice[i], self.keys[i]))
        if not ranked:
            return None
        best = ranked[0]
        ties = tuple(self.keys[i] for i in ranked[1:6] if dice[i] >= dice[best] - 1e-9)
        additions, added_words = _additions(text, words, lines, file_shingles, self._sets[best])
        return TextMatch(
            key=self.keys[best],
            dice=round(dice[best], 4),
            ref_coverage=round(shared[best] / max(1, len(self._sets[best])), 4),
            file_coverage=round(shared[best] / len(unique), 4),
            added_words=added_words,
            additions=additions,
            ties=ties,
        )


def _additions(
    text: str, words: list[str], lines: list[int], file_shingles: list[int], ref_set: frozenset[int]
) -> tuple[tuple[Addition, ...], int]:
    """Runs of words no shingle of the reference covers (a word is covered by any shingle that contains it)."""
    last = -SHINGLE
    covered: list[bool] = []
    for position, shingle in enumerate(file_shingles):
        if shingle in ref_set:
            last = position
        covered.append(position - last < SHINGLE)
    covered.extend(len(file_shingles) + k - last < SHINGLE for k in range(len(words) - len(file_shingles)))
    source_lines = text.splitlines()
    runs: list[Addition] = []
    position = 0
    for is_covered, group in itertools.groupby(covered):
        size = len(list(group))
        if not is_covered:
            first, last_line = lines[position], lines[position + size - 1]
            runs.append(Addition(first, last_line, _quote(source_lines, first, last_line), size))
        position += size
    return tuple(runs), sum(run.words for run in runs)


_LATIN_LETTER = re.compile(r"[A-Za-z]")
_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def appended_translation(text: str, match: TextMatch) -> tuple[int, int] | None:
    """The line span of a translation added to a complete copy of the reference ("Apache-2.0, then 中文译文"):
    every addition is in CJK script and none narrows the grant. None when the additions are anything else."""
    from auditor.engine.restrictions import LIMITING_ZH

    if not match.additions or match.ref_coverage < COPY_REF_COVERAGE:
        return None
    lines = text.splitlines()
    for addition in match.additions:
        added = "\n".join(lines[addition.line - 1 : addition.end_line])
        cjk, latin = len(_CJK_LETTER.findall(added)), len(_LATIN_LETTER.findall(added))
        if addition.words > HARMLESS_ADDED_WORDS and cjk < 4 * latin:
            return None  # Latin-script words the reference does not have: an edit, not a translation
        if LIMITING_ZH.search(added):
            return None
    return match.additions[0].line, match.additions[-1].end_line


def _quote(source_lines: list[str], first: int, last: int, limit: int = 400) -> str:
    """The start of lines `first`..`last`, whitespace collapsed (bounded work, even on one huge line)."""
    parts: list[str] = []
    size = 0
    for line in source_lines[first - 1 : last]:
        parts.append(line[: 4 * limit - size])
        size += len(parts[-1])
        if size >= 4 * limit:
            break
    return " ".join(" ".join(parts).split())[:limit]


def changed_sentences(text: str, key: str, lines: set[int] | None = None) -> list[tuple[int, str, str]]:
    """Sentences of `text` that the reference `key` does not contain word for word (where added terms hide);
    with `lines`, only sentences that start on or span one of those lines are looked at."""
    from auditor.engine.restrictions import LIMITING, sentences

    reference = default_index().shingle_set(key)
    changed: list[tuple[int, str, str]] = []
    for line, sentence in sentences(text):
        if lines is not None and not any(n in lines for n in range(line, line + sentence.count(" ") // 8 + 2)):
            continue
        words = normalized_words(sentence)
        if not words:
            continue
        if len(words) < SHINGLE:
            if f" {' '.join(words)} " not in _reference_words(key):
                changed.append((line, sentence, " ".join(words)))
            continue
        own = shingles(words)
        added = _uncovered(words, own, reference)
        # A sentence the reference has, split or wrapped differently, differs in a shingle or two; an added
        # clause or sentence differs in many. A difference that adds a negation or a limit is always kept.
        if added and (sum(s not in reference for s in own) / len(own) >= 0.2 or LIMITING.search(added)):
            changed.append((line, sentence, added))
    return changed


def _uncovered(words: list[str], own: list[int], reference: frozenset[int]) -> str:
    """The words of a sentence that no shingle of the reference covers: what the edit added."""
    covered = [False] * len(words)
    for start, shingle in enumerate(own):
        if shingle in reference:
            for position in range(start, min(len(words), start + SHINGLE)):
                covered[position] = True
    return " ".join(w for w, c in zip(words, covered) if not c)


@functools.lru_cache(maxsize=32)
def _reference_words(key: str) -> str:
    return f" {' '.join(normalized_words(reference_text(key)))} "


_INDEX_LOCK = threading.Lock()
_INDEX: list[ReferenceIndex] = []


@functools.lru_cache(maxsize=64)
def identify(text: str) -> TextMatch | None:
    """The default index's match for a text (cached: the classifier and `identify` ask for the same text)."""
    return default_index().identify(text)


def default_index() -> ReferenceIndex:
    """The index of every reference text shipped in the package (built once, on first use, by one thread)."""
    if not _INDEX:
        with _INDEX_LOCK:
            if not _INDEX:
                _INDEX.append(ReferenceIndex({key: reference_text(key) for key in reference_keys()}))
    return _INDEX[0]
