"""Claim vocabulary: the modifier and noun tables of `auditor/data/claim-*.tsv`, compiled once."""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources

_DIRECTIONS = ("before", "after", "sentence", "unit", "-")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Compiled modifier patterns by (category, direction), and the head-noun pattern of each noun kind."""

    modifiers: dict[tuple[str, str], re.Pattern[str]]
    nouns: dict[str, re.Pattern[str]]  # kind -> the whole word is a noun of that kind
    noun_kinds: tuple[str, ...]

    def test(self, category: str, direction: str, text: str) -> bool:
        """Does a modifier of that category and direction apply to the window `text`?"""
        pattern = self.modifiers.get((category, direction))
        return bool(pattern and pattern.search(text))

    def find(self, category: str, direction: str, text: str) -> re.Match[str] | None:
        """The match of a modifier in the window, if any."""
        pattern = self.modifiers.get((category, direction))
        return pattern.search(text) if pattern else None

    def strip_before(self, category: str, text: str) -> str:
        """The window `text` before a mention without the modifiers of that category that end it (up to three)."""
        for _ in range(3):
            match = self.find(category, "before", text)
            if not match:
                break
            text = text[:match.start()]
        return text

    def kind_of(self, word: str) -> str | None:
        """The kind of a noun (model, code, project, license, other), or None when the word is none of them."""
        for kind in self.noun_kinds:
            if self.nouns[kind].fullmatch(word):
                return kind
        if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):  # a plural the table does not spell
            singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]  # ("both open source UIs")
            return next((kind for kind in self.noun_kinds if self.nouns[kind].fullmatch(singular)), None)
        return None


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("auditor").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.cache
def vocabulary() -> Vocabulary:
    """The claim tables, compiled (read once per process)."""
    nouns: dict[str, list[str]] = {}
    for row in _rows("claim-nouns.tsv"):
        nouns.setdefault(row["kind"], []).append(row["word"])
    other = "|".join(nouns.get("other", ()))
    grouped: dict[tuple[str, str], list[str]] = {}
    for row in _rows("claim-modifiers.tsv"):
        direction = row["direction"]
        if direction not in _DIRECTIONS:
            raise ValueError(f"claim-modifiers.tsv: unknown direction {direction!r} for {row['category']}")
        pattern = row["pattern"].replace("NOUNS", other)
        grouped.setdefault((row["category"], direction), []).append(pattern)
    modifiers = {}
    for (category, direction), patterns in grouped.items():
        body = "|".join(f"(?:{p})" for p in patterns)
        if direction == "before":
            body = f"(?:{body})\\s*$"  # the trigger ends where the mention starts
        elif direction == "after" and not all(p.startswith("^") for p in patterns):
            body = f"^\\s*(?:{body})"
        modifiers[(category, direction)] = re.compile(body, re.IGNORECASE)
    order = ("model", "code", "project", "software", "role", "license", "other")
    kinds = tuple(k for k in order if k in nouns) + tuple(sorted(set(nouns) - set(order)))
    compiled = {k: re.compile("|".join(f"(?:{w})" for w in nouns[k]), re.IGNORECASE) for k in kinds}
    return Vocabulary(modifiers, compiled, kinds)
