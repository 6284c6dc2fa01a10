"""License references: find license names stated in text ("released under the Llama 3 Community License")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import functools
import re
import threading
from dataclasses import dataclass

from auditor.engine.catalog import load_catalog
from auditor.engine.labels import judged_title, load_name_judgements, load_names
from auditor.models import LicenseClass
from auditor.engine.restrictions import sentences

#: The verbs a release names its license after ("released under", "licensed under", "open-sourced under").
_UNDER_VERBS = ("released", "licensed", "licenced", "distributed", "published", "available", "provided", "shared", "sourced",
                "source")  # ("The model is open source under Apache 2.0": the claim's own license)
_UNDER = rf"(?:{'|'.join(_UNDER_VERBS)})\s+under"
#: The model or its weights as the subject of a verb of release ("The model is released under", "Weights are licensed under").
_OWN_RELEASE = rf"(?:^|\b(?:the|this|our|its)\s+)(?:(?:model\s+)?(?:weights|checkpoints?)|model|release)\s+(?:is|are)\s+(?:\w+\s+)?{_UNDER}"
_UNDER_RE = re.compile(rf"\b{_UNDER}\b", re.IGNORECASE)
#: Sentences worth reading for a license name.
_MENTIONS_LICENSE = re.compile(r"licen[cs]|terms of (?:use|service)|\bagreement\b|\bdisclaimer\b|\bCC[- ]BY\b|许可|协议|"
                               rf"\b{_UNDER}\b", re.IGNORECASE)  # "Heron-7B is released under Apache 2.0." (whose: aboutness.py)
_TOKEN = re.compile(r"\w+", re.UNICODE)
#: Single-word license names that are also ordinary words or names: "released under MIT" names a license, "available
#: under Intel" or "under JSON" would not.
_WORDS_TOO = frozenset({"curl", "fair", "intel", "jam", "json", "nokia", "icu", "ipa", "w3c", "wordnet", "multics"})
_DATE_OR_YEAR = re.compile(r"^(?:\d{4}|\d{2})$")
_CLAUSE_BREAK = re.compile(r"[;:；：，]|,(?!\s*(?:v|version)\s*\d)|\b(?:while|whereas|but|and the)\b|而|但", re.IGNORECASE)
#: Variants this generic name nothing in particular.
_TOO_GENERIC = frozenset({"license", "public license", "general public license", "terms of use", "community license",
                          "open license", "model license", "license agreement", "research license", "software license",
                          # models' names that are also a license's short name (the Hub alias `glm-4`): in prose they
                          # name the model ("MIT (same as GLM-4-9B-0414)"); "the glm-4-9b License" still names the license
                          "glm 4", "glm 4 9b"})


#: Words written as one that license names spell as two ("Attribution-NonCommercial").
_COMPOUNDS = {"noncommercial": ["non", "commercial"], "noderivatives": ["no", "derivatives"],
              "noderivs": ["no", "derivatives"], "sharealike": ["share", "alike"]}


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
        if word in _COMPOUNDS:
            out.extend(_COMPOUNDS[word])
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
    if len(words) > 3 and words[-1] in ("international", "unported", "generic"):
        found.add(" ".join(words[:-1]))  # "CC BY-NC 4.0" is named without its jurisdiction word
    if "community" in words[1:-1]:
        found.add(" ".join(w for w in words if w != "community"))  # "the Llama 2 license"
    for variant in list(found):  # "Meta Llama 3 Community License" is also "the Llama 3 license"
        first, _, rest = variant.partition(" ")
        if first in ("the", "meta") and rest:
            found.add(rest)
    return found


@functools.lru_cache(maxsize=1)
def _keys_by_variant() -> dict[str, frozenset[str]]:
    """Every name variant of the catalog's licenses and aliases → the keys it may name."""
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
    return {variant: frozenset(keys) for variant, keys in keys_by_variant.items()}


@functools.lru_cache(maxsize=1)
def _versions_index() -> tuple[tuple[str, str, str], ...]:
    """(variant, title, reason) of names shared by several restrictive texts ("the MiniMax Model License", dated
    twice): which version is meant is unknown, but every one restricts use, so the name alone says restricted."""
    catalog = load_catalog()
    found = []
    for variant, keys in _keys_by_variant().items():
        if len(keys) < 2 or variant in _TOO_GENERIC or len(variant.split()) < 2:
            continue
        entries = sorted((catalog[k] for k in keys), key=lambda e: (len(e.name), e.key))
        if all(e.classification is LicenseClass.CUSTOM_RESTRICTED for e in entries):
            title = re.sub(r"\s*\(.*$", "", entries[0].name).strip() or entries[0].name
            reason = (f"every version of {title} in the catalog restricts use ({', '.join(e.key for e in entries)}): "
                      f"{entries[0].restrictive_terms}")
            found.append((variant, title, reason))
    return tuple(sorted(found, key=lambda f: (-len(f[0]), f[0])))


_LOCK = threading.Lock()
_INDEX: list[list[tuple[str, str]]] = []


def _index() -> list[tuple[str, str]]:
    """(variant, key) pairs, longest first; a variant naming two different licenses is dropped."""
    if _INDEX:
        return _INDEX[0]
    with _LOCK:
        if not _INDEX:
            pairs = []
            for variant, keys in _keys_by_variant().items():
                if len(keys) != 1 or variant in _TOO_GENERIC:
                    continue
                if len(variant.split()) == 1:  # "MIT" alone is a word; "MIT License", "MIT licensed" name a license
                    pairs.append((variant + " licensed", next(iter(keys))))
                    variant += " license"
                pairs.append((variant, next(iter(keys))))
            _INDEX.append(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))
    return _INDEX[0]


def find_references(text: str, first_line: int = 1, *, named: bool = False) -> list[Reference]:
    """Every license named in the sentences of `text` that speak of a license, in order, one per key; with
    `named`, every sentence is read (a line under a License heading need not say "license")."""
    found: dict[str, Reference] = {}
    for line, sentence, clause, _, (key,) in _names_in(text, first_line, named, _index()):
        found.setdefault(key, Reference(key, line, sentence[:300], clause.strip()))
    if _UNDER_RE.search(text):
        for line, sentence in sentences(text, first_line):
            for clause in _clauses(sentence):
                one = _one_word_release().search(clause)
                if one:  # "Weights are released under MIT." (never "The tokenizer is distributed under MIT")
                    key = _one_word_keys()[one.group("name").lower()]
                    found.setdefault(key, Reference(key, line, sentence[:300], clause.strip()))
    return list(found.values())


@functools.cache
def _one_word_keys() -> dict[str, str]:
    """The catalog's one-word license names ("mit", "isc", "unlicense") and their keys, ordinary words left out."""
    return {variant: next(iter(keys)) for variant, keys in _keys_by_variant().items()
            if len(keys) == 1 and len(variant.split()) == 1 and variant not in _TOO_GENERIC and variant not in _WORDS_TOO}


@functools.cache
def _one_word_release() -> re.Pattern[str]:
    """The model, its weights or "it" released under a one-word name that ends the clause ("released under MIT",
    not "under MIT-IBM Watson AI Lab")."""
    names = "|".join(sorted((re.escape(v) for v in _one_word_keys()), key=len, reverse=True))
    return re.compile(rf"^\W*(?:{_OWN_RELEASE}|it\s+(?:is|are)\s+(?:\w+\s+)?{_UNDER})\s+(?:the\s+)?(?P<name>{names})"
                      r"(?=\s*(?:[.;:!)]|$)|\s+(?:and|but|so|with|for|as)\b)", re.IGNORECASE)


def _names_in(text: str, first_line: int, named: bool, *indices) -> Iterator[tuple[int, str, str, int, tuple]]:
    """(line, sentence, clause, which index, the entry's other fields) for each `(variant, ...)` entry of the
    `indices` (each longest first) named in a clause of the sentences that speak of a license (every sentence with
    `named`); a variant inside a longer one already found in the clause does not count again."""
    for line, sentence in sentences(text, first_line):
        if not named and not _MENTIONS_LICENSE.search(sentence):
            continue
        for clause in _clauses(sentence):
            words = tokens(clause)
            padded = f" {' '.join(words)} "
            taken: list[str] = []
            for which, index in enumerate(indices):
                for variant, *rest in _candidates(index, words):
                    needle = f" {variant} "
                    if needle in padded and not any(needle in f" {t} " for t in taken):
                        taken.append(variant)
                        yield line, sentence, clause, which, tuple(rest)


_BY_FIRST_WORD: dict[int, tuple[Sequence, dict[str, list[int]], list[int]]] = {}


def _candidates(index: Sequence[tuple], words: list[str]) -> list[tuple]:
    """The entries of `index` (in its order) that the clause's `words` may name: a variant is found as whole words,
    so its first word is one of them (the others need not be tried)."""
    known = _BY_FIRST_WORD.get(id(index))
    if known is None or known[0] is not index:
        positions: dict[str, list[int]] = {}
        always: list[int] = []
        for at, (variant, *_) in enumerate(index):
            first = variant.split(" ")[0]
            (positions.setdefault(first, []) if first else always).append(at)
        known = _BY_FIRST_WORD[id(index)] = (index, positions, always)
    _, positions, always = known
    found = set(always)
    for word in set(words):
        found.update(positions.get(word, ()))
    return [index[at] for at in sorted(found)]


@dataclass(frozen=True, slots=True)
class NamedTerms:
    """A license with no text in the catalog, named in a sentence, whose every version is judged (the Yi License)."""

    name: str
    classification: LicenseClass
    reason: str
    line: int
    quote: str
    clause: str


@functools.lru_cache(maxsize=1)
def _judged_index() -> tuple[tuple[str, str], ...]:
    """(variant, name) pairs of the judged names without a text ("yi license"), longest first."""
    pairs = {" ".join(tokens(name.replace("-", " "))): name for name in load_name_judgements()}
    return tuple(sorted(((v, n) for v, n in pairs.items() if len(v.split()) > 1 and v not in _TOO_GENERIC),
                        key=lambda p: (-len(p[0]), p[0])))


def find_named_terms(text: str, first_line: int = 1, *, named: bool = False) -> list[NamedTerms]:
    """Every judged license without a text named in the sentences of `text` that speak of a license (all, with `named`)."""
    judgements = load_name_judgements()
    found: dict[str, NamedTerms] = {}
    for line, sentence, clause, which, rest in _names_in(text, first_line, named, _judged_index(), _versions_index()):
        if which == 0:
            (name,) = rest
            cls, reason = judgements[name]
            title = judged_title(reason, name)
        else:
            (title, reason), cls = rest, LicenseClass.CUSTOM_RESTRICTED
        found.setdefault(title, NamedTerms(title, cls, reason, line, sentence[:300], clause.strip()))
    return list(found.values())


@functools.lru_cache(maxsize=256)
def known_license_family(name: str) -> bool:
    """The name is the start of a known license's name ("Apache License" of "Apache License 2.0"): a version left out."""
    words = " ".join(tokens(name.replace("-", " ")))
    return any(variant.startswith(words) for variant, _ in _index())


def _clauses(sentence: str) -> list[str]:
    """The sentence cut at commas, semicolons and contrasts, keeping "licensed under X" with its subject; "and the"
    joins a compound subject when the words before it have no verb ("The model weights and the code are released
    under Apache 2.0" is said of both)."""
    parts = [p for p in _CLAUSE_BREAK.split(sentence) if p and p.strip()]
    pair = sentence.lower().find(" and the ")
    if len(parts) > 1 and pair >= 0 and not _VERB.search(parts[0]) and not re.search(r"[,;:]", sentence[:pair]):
        parts = [sentence[:pair + 9] + parts[1]] + parts[2:]
    return parts or [sentence]


_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|may|must|can|shall|should|will|licen[cs]ed|released|distributed)\b",
                   re.IGNORECASE)
