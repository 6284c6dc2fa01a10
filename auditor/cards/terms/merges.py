"""Card-text matchers for bases a card lists rather than states: the models of a merge (mergekit's "models were
included in the merge" list and its YAML configuration) and the line under a "Base model" heading."""

from __future__ import annotations

import dataclasses
import re

from auditor.cards.terms.bases import CJK_SEAM
from auditor.cards.terms.statements import license_statements
from auditor.engine.families import base_family_key, family_detection, family_title
from auditor.models import Detection, Evidence, LicenseClass

#: A line that introduces a list of the models this one was made from.
_LEAD_IN = re.compile(
    r"\b(?:models?|checkpoints?|weights)\s+(?:were\s+|was\s+|are\s+|is\s+)?(?:included|used|merged|combined|blended)\s+"
    r"(?:in(?:to)?|for|to (?:create|make|produce))\s+(?:the\s+|this\s+)?(?:merge|model|mix)\b|"
    r"^\W*(?:(?:the\s+)?(?:models?\s+merged|merged\s+models?|merge\s+(?:sources|ingredients|components)|"
    r"(?:base|source|parent|constituent|original)\s+models?))\W*[:：]?\W*$|^\W*merge\s+of\W*[:：]\W*$",
    re.IGNORECASE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\S")
#: Where a listed line, having named its base, compares it with other models ("Mistral 7B …, which outperforms Llama 2
#: 13B"): the models named after it are not bases (a line that compares first, "After comparing A and B, we picked C",
#: names its base after the comparison).
_COMPARED = re.compile(r"\b(?:outperform\w*|beats?|beating|bests?|tops|surpass\w*|than|vs\.?|versus|"
                       r"compar\w*|unlike|rival\w*|exceed\w*|competitive with|on par with|matches|matching|ahead of|similar (?:in \w+ )?to|"
                       r"competitors?|preferred over|edges? out|relative to|alternative to)\b", re.IGNORECASE)
_MODEL_LIKE = re.compile(r"[\w.-]+/[\w.-]+|(?-i:[A-Z])[\w.-]*\d|\b\d+(?:\.\d+)?[BbMm]\b")  # a repo id, a name with a digit, a size
#: Lines read after a lead-in: a list of models is short; a card listing more is not telling its own bases.
MAX_LISTED = 16
#: A mergekit configuration (in a code fence): what was merged and onto which base.
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_MERGE_CONFIG = re.compile(r"^\s*merge_method\s*:", re.IGNORECASE)
_CONFIG_MODEL = re.compile(r"^\s*-?\s*(?:model|base_model)\s*:\s*['\"]?([\w.-]+/[\w.-]+)", re.IGNORECASE)


def _detection(text: str, number: int, quote: str, reason: str) -> list[Detection]:
    key = base_family_key(CJK_SEAM.sub(" ", text))
    if key is None:
        return []
    return [family_detection("card-text-base-model", key, Evidence("card-text", " ".join(quote.split())[:300], "README.md", number),
                             confidence=0.7, reason=f"{reason}, a model under {family_title(key)}, whose terms pass on")]


def listed_bases(visible: tuple[str, ...], raw: list[str], first_line: int = 1) -> list[Detection]:
    """Bases named in the list after a lead-in ("The following models were included in the merge:", "## Base model")
    and in a mergekit configuration; one detection per license key (the first line that names it is quoted)."""
    found: list[Detection] = []
    listing, taken = False, 0
    for offset, line in enumerate(visible):
        heading = _HEADING.match(line)
        if heading or (line.strip() and not _ITEM.match(line) and listing and taken):
            listing = False  # a list ends at the next heading or the first paragraph after its items
        if _LEAD_IN.search(heading.group(1) if heading else line):
            listing, taken = True, 0
            continue
        if listing and line.strip() and taken < MAX_LISTED:
            taken += 1
            compared = next((m for m in _COMPARED.finditer(line) if _MODEL_LIKE.search(line, 0, m.start())), None)
            found += _detection(line[:compared.start()] if compared else line, first_line + offset, line,
                                "the card lists it among the models this one was made from")
            found += listed_terms(line, first_line + offset)
    found += _config_bases(raw, first_line)
    unique: dict[str | None, Detection] = {}
    for d in found:
        unique.setdefault(d.key or d.name, d)
    return list(unique.values())


_FORMER = re.compile(r"\b(?:formerly|previously|relicen[cs]ed|no longer|used to be)\b", re.IGNORECASE)  # terms it left
_REPO_ID = re.compile(r"\[?[\w.-]+/[\w.-]+\]?(?:\([^()\s]*\))?")  # "[org/name](https://…)" or "org/name"


def listed_terms(line: str, number: int) -> list[Detection]:
    """A listed model's own restrictive terms, as the card states them ("* org/Critic-7B (released under CC BY-NC 4.0
    by its authors)"): an ingredient's terms pass on to what is made from it."""
    quote = Evidence("card-text", " ".join(line.split())[:300], "README.md", number)
    return [dataclasses.replace(d, matcher="card-text-base-model", confidence=0.7, evidence=quote,
                                reason=f"the card lists a model this one was made from under {d.name or d.key}, whose terms pass on")
            for d in license_statements(_REPO_ID.sub(" ", line), number, named=True)  # (the repo's terms are the ingredient's)
            if d.classification is LicenseClass.CUSTOM_RESTRICTED and d.key and not _FORMER.search(line)]


def _config_bases(raw: list[str], first_line: int) -> list[Detection]:
    """`model:` and `base_model:` lines of a fenced mergekit configuration (one that has `merge_method:`)."""
    found: list[Detection] = []
    fence: list[tuple[int, str]] | None = None
    for offset, line in enumerate(raw):
        if _FENCE.match(line):
            if fence is not None and any(_MERGE_CONFIG.match(text) for _, text in fence):
                for number, text in fence[:200]:
                    model = _CONFIG_MODEL.match(text)
                    if model:
                        found += _detection(model.group(1), number, text, "the card's merge configuration names it")
            fence = [] if fence is None else None
        elif fence is not None and len(fence) < 1000:
            fence.append((first_line + offset, line))
    return found
