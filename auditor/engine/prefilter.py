"""Prefilters derived from patterns: the literal words every match of a regular expression contains, tested first."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Escapes that stand for one literal character; every other escape (\b, \s, \w, \d, \W…) matches a class or nothing.
_LITERAL_ESCAPES = frozenset(".-()[]{}|*+?^$/\\'\"&#%~@!,:;<>=` ")
_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")


def required_words(pattern: str) -> tuple[str, ...] | None:
    """For each top-level alternative of `pattern`, its longest run of literal characters (case-folded), or the words
    of a group it must match: every match of the pattern contains one of them. None when an alternative has neither.
    Groups, classes, lookarounds and class escapes are skipped, never guessed; a character made optional by `?`,
    `*` or `{0,…}` is left out, so a word is only ever a part that each match must hold."""
    words: list[str] = []
    for alternative in _top_level(pattern):
        runs, groups = _literal_runs(alternative)
        # a run, or the words of a group it must match ("\b(?:DAU|MAU)\b"): whichever is rarest, by its shortest word
        candidates = [(run,) for run in runs] + [found for found in map(required_words, groups) if found]
        if not candidates:
            return None
        words.extend(max(candidates, key=lambda found: min(len(w.strip()) for w in found)))
    return tuple(dict.fromkeys(words))


def _structure(text: str, start: int = 0):
    """The grouping characters of a pattern from `start` ("(", ")", "|"), with their index: escapes and character
    classes skipped."""
    i = start
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(text, i)
            continue
        if char in "()|":
            yield i, char
        i += 1


def _top_level(pattern: str) -> list[str]:
    """The alternatives of a pattern: split on the `|` outside groups and classes."""
    parts, depth, start = [], 0, 0
    for i, char in _structure(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return parts + [pattern[start:]]


#: How a group that is no lookaround opens: "(", "(?:", "(?i:", "(?P<name>".
_PLAIN_GROUP = re.compile(r"\((?:\?(?:[aiLmsux-]*:|P<\w+>))?")


def _literal_runs(alternative: str) -> tuple[list[str], list[str]]:
    """The runs of literal characters standing outside groups and classes in one alternative, and the bodies of the
    groups it must match (not optional, not lookarounds)."""
    runs: list[str] = []
    groups: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(alternative):
        char = alternative[i]
        literal, end = None, i + 1
        if char == "\\":
            escaped = alternative[i + 1:i + 2]
            literal = escaped if escaped in _LITERAL_ESCAPES else None
            end = i + 2
        elif char == "[":
            end = _class_end(alternative, i)
        elif char == "(":
            end = _group_end(alternative, i)
        elif char not in ".^$":
            literal = char
        quantifier = _QUANTIFIER.match(alternative, end)
        optional = bool(quantifier) and (quantifier.group(0)[0] in "?*" or quantifier.group(0).startswith(("{0", "{,", "{}")))
        opening = _PLAIN_GROUP.match(alternative, i) if char == "(" and not optional else None
        if opening and (alternative[i + 1:i + 2] != "?" or alternative[opening.end() - 1] in ":>"):  # no lookaround
            groups.append(alternative[opening.end():end - 1])
        if literal is not None and not optional:
            current.append(literal.casefold())
        if literal is None or quantifier:  # a class, a group or an optional atom ends the run; so does a repeat ("s+")
            runs.append("".join(current))
            current = []
        i = quantifier.end() if quantifier else end
    runs.append("".join(current))
    return [r for r in runs if r.strip()], groups


def _class_end(text: str, start: int) -> int:
    """The index after the class that opens at `start`."""
    i = start + 1
    if text[i:i + 1] == "^":
        i += 1
    if text[i:i + 1] == "]":
        i += 1
    while i < len(text) and text[i] != "]":
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _group_end(text: str, start: int) -> int:
    """The index after the group that opens at `start`."""
    depth = 0
    for i, char in _structure(text, start):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ")" and depth == 0:
            return i + 1
    return len(text)


def _cue_of(words: tuple[str, ...] | None) -> re.Pattern[str] | None:
    return re.compile("|".join(map(re.escape, words))) if words else None


@dataclass(frozen=True, slots=True)
class Prefiltered:
    """A pattern and the words derived from it: `search` tries the pattern only on text that holds one of them."""

    pattern: re.Pattern[str]
    words: tuple[str, ...] | None  # None: no word stands for every match, the pattern is always tried
    _cue: re.Pattern[str] | None
    #: Each top-level alternative with its own cue: on text that holds the words of only some, only those are tried.
    _parts: tuple[tuple[re.Pattern[str] | None, re.Pattern[str]], ...] = ()

    @classmethod
    def compile(cls, pattern: str, flags: int = re.IGNORECASE) -> Prefiltered:
        words = required_words(pattern)
        alternatives = _top_level(pattern)
        parts = tuple((_cue_of(required_words(a)), re.compile(a, flags)) for a in alternatives) if len(alternatives) > 1 else ()
        return cls(re.compile(pattern, flags), words, _cue_of(words), parts)

    def may_match(self, folded: str) -> bool:
        """Whether case-folded text (`str.casefold`, which maps "ſ" to "s" as the pattern's IGNORECASE does) holds one
        of the words (always, without words)."""
        return self._cue is None or self._cue.search(folded) is not None

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """The pattern's first match in `text`, tried only when the words say it may match; `folded` is
        `text.casefold()` when the caller has it. When only some alternatives' words are there, only those are tried,
        and the leftmost of their matches is the pattern's (at one position, the first alternative listed)."""
        folded = text.casefold() if folded is None else folded
        if not self.may_match(folded):
            return None
        live = [part for cue, part in self._parts if cue is None or cue.search(folded)]
        if not self._parts or len(live) == len(self._parts):
            return self.pattern.search(text)
        best = None
        for part in live:
            found = part.search(text)
            if found and (best is None or found.start() < best.start()):
                best = found
        return best
