"""License references: find license names stated in text ("released under the Llama 3 Community License")."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from auditor.licenses import load_catalog, load_names
from auditor.restrictions import sentences

#: Sentences worth reading for a license name.
_MENTIONS_LICENSE = re.compile(r"licen[cs]|terms of use|\bCC[- ]BY\b", re.IGNORECASE)
_TOKEN = re.compile(r"\w+", re.UNICODE)
_DATE_OR_YEAR = re.compile(r"^(?:\d{4}|\d{2})$")
_CLAUSE_BREAK = re.compile(r"[;,:]|\b(?:while|whereas|but|and the)\b", re.IGNORECASE)
#: Variants this generic name nothing in particular.
_TOO_GENERIC = frozenset({"license", "public license", "general public license", "terms of use", "community license",
                          "open license", "model license", "license agreement", "research license", "software license"})


@dataclass(frozen=True, slots=True)
class Reference:
    """A license named in a sentence."""

    key: str
    line: int
    quote: str
    clause: str  # the part of the sentence that names the license ("The code is licensed under Apache-2.0")


def tokens(text: str) -> list[str]:
    """Lower-case words, `v1.0` → `1 0`, and the filler word `version` dropped."""
    out: list[str] = []
    for word in _TOKEN.findall(text.lower().replace("_", " ")):
        if word == "version":
            continue
        out.append(word[1:] if re.fullmatch(r"v\d+", word) else word)
    return out


def _variants(name: str) -> set[str]:
    """A license name and its common short forms (no date, no "Agreement", no leading "The"/"Meta")."""
    words = tokens(re.sub(r"\([^)]*\)", " ", name))
    found = {" ".join(words)}
    while words and (_DATE_OR_YEAR.match(words[-1]) and len(words) > 2 and words[-2] in ("agreement", "license", "use")
                     or words[-1] in ("agreement",)):
        words = words[:-1]
        found.add(" ".join(words))
    for lead in ("the", "meta"):
        if words and words[0] == lead:
            found.add(" ".join(words[1:]))
    return found


_LOCK = threading.Lock()
_INDEX: list[list[tuple[str, str]]] = []


def _index() -> list[tuple[str, str]]:
    """(variant, key) pairs, longest first; a variant naming two different licenses is dropped."""
    if _INDEX:
        return _INDEX[0]
    with _LOCK:
        if not _INDEX:
            keys_by_variant: dict[str, set[str]] = {}
            for entry in load_catalog().values():
                variants = _variants(entry.name)
                if not entry.spdx.startswith("LicenseRef-"):
                    variants.add(" ".join(tokens(entry.spdx)))
                for variant in variants:
                    keys_by_variant.setdefault(variant, set()).add(entry.key)
            for alias, key in load_names().items():
                if key and "-" in alias:
                    keys_by_variant.setdefault(" ".join(tokens(alias.replace("-", " "))), set()).add(key)
            pairs = []
            for variant, keys in keys_by_variant.items():
                if len(keys) != 1 or variant in _TOO_GENERIC:
                    continue
                if len(variant.split()) == 1:
                    variant += " license"  # "MIT" alone is a word; "MIT License" is a license
                pairs.append((variant, next(iter(keys))))
            _INDEX.append(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))
    return _INDEX[0]


def find_references(text: str, first_line: int = 1) -> list[Reference]:
    """Every license named in the sentences of `text` that speak of a license, in order, one per key."""
    found: dict[str, Reference] = {}
    for line, sentence in sentences(text, first_line):
        if not _MENTIONS_LICENSE.search(sentence):
            continue
        for clause in _clauses(sentence):
            padded = f" {' '.join(tokens(clause))} "
            taken: list[str] = []
            for variant, key in _index():
                needle = f" {variant} "
                if needle in padded and not any(needle in f" {t} " for t in taken):
                    taken.append(variant)
                    found.setdefault(key, Reference(key, line, sentence[:300], clause.strip()))
    return list(found.values())


def _clauses(sentence: str) -> list[str]:
    """The sentence cut at commas, semicolons and contrasts, keeping "licensed under X" with its subject."""
    parts = [p for p in _CLAUSE_BREAK.split(sentence) if p and p.strip()]
    return parts or [sentence]
