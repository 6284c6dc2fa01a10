"""Base-model families (base-families.tsv): a fast test for family names, their publishers, and detections of a
family's license, whether its text is shipped or only judged."""

from __future__ import annotations

import functools
import re

from auditor.engine.catalog import (any_base_family, entry_detection, judged_title, load_base_families, load_catalog,
                              load_name_judgements)
from auditor.models import Detection, Evidence

def _literal_stems(pattern: str) -> list[str] | None:
    """Words one of which every match of `pattern` contains ("gemma" of "(?:code|pali)?gemma"), or None if unsure."""
    stems = []
    for alternative in _top_level(pattern):
        plain = re.sub(r"\\.", " ", re.sub(r"\(\?<?[!=][^()]*\)", " ", alternative)).lower()
        depth, outer = 0, []
        for i, char in enumerate(plain):
            depth += (char == "(") - (char == ")")
            optional = plain[i + 1:i + 2] in ("?", "*") or plain[i + 1:i + 3] == "{0"
            outer.append(char if depth == 0 and char.isalnum() and not optional else " ")
        runs = [w for w in "".join(outer).split() if len(w) >= 2]
        if not runs:
            return None
        stem = max(runs, key=len)
        # "\\bopt-...": a short word the pattern wants at a word start is tested there ("opt" is in "optimizer")
        starts = re.sub(r"^\(\?<[!=][^()]*\)", "", alternative).lower().startswith("\\b" + stem)
        stems.append("\\b" + stem if starts and len(stem) < 5 else stem)
    return stems


def _top_level(pattern: str) -> list[str]:
    """The alternatives of a pattern, split on the `|` outside groups and classes."""
    parts, depth, start, escaped, in_class = [], 0, 0, False, False
    for i, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif not in_class:
            depth += (char == "(") - (char == ")")
            if char == "|" and depth == 0:
                parts.append(pattern[start:i])
                start = i + 1
    return parts + [pattern[start:]]


@functools.lru_cache(maxsize=1)
def _family_stems() -> tuple[tuple[str, ...], re.Pattern[str]] | None:
    """Plain words one of which any family's name contains, and the short ones that must start a word."""
    stems: list[str] = []
    for pattern, _ in load_base_families():
        found = _literal_stems(pattern.pattern)
        if found is None:
            return None
        stems += found
    inner = sorted({s for s in stems if not s.startswith("\\b")})
    starts = sorted({s[2:] for s in stems if s.startswith("\\b")})
    return tuple(inner), re.compile(r"\b(?:" + "|".join(map(re.escape, starts)) + ")" if starts else r"(?!)")


def names_a_family(text: str) -> bool:
    """Whether `text` names any family (a fast test on plain words first: most lines name none)."""
    stems = _family_stems()
    if stems is not None:
        lowered = text.lower()
        if not any(stem in lowered for stem in stems[0]) and not stems[1].search(lowered):
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
