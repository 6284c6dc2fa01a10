"""Card-text matchers: license statements, base-model mentions and use restrictions written in the card body."""

from __future__ import annotations

import re

from auditor.cards.claims import visible_lines
from auditor.engine.catalog import (any_base_family, base_family_key, entry_detection, load_base_families, load_catalog,
                               reference_text)
from auditor.models import Detection, Evidence, Finding, LicenseClass, Severity
from auditor.engine.references import find_named_terms, find_references, known_license_family
from auditor.engine.restrictions import find_restrictions, osd_text
from auditor.engine.textmatch import identify

#: A License section this long may be a whole license text pasted into the card (the longest licenses have ~15k words).
PASTED_MIN_WORDS, PASTED_MAX_WORDS = 40, 30_000

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_LICENSE_WORD = re.compile(r"licen[cs]|terms of use|usage restrictions|use restrictions|terms and conditions|use polic(?:y|ies)|\bagreement\b",
                           re.IGNORECASE)
_ABOUT_CODE = re.compile(r"\b(?:code(?:base)?|source|scripts?|software|repo(?:sitory)?|library|tool(?:kit)?s?|implementation)\b", re.I)
_ABOUT_WEIGHTS = re.compile(r"\b(?:model|weights|checkpoints?|parameters)\b", re.IGNORECASE)
_MODIFIED = re.compile(r"\b(?:modified|variant|derived|based on|adapted|inspired|similar to|version of)\b", re.IGNORECASE)
_ABOUT_DATA = re.compile(r"\b(?:data(?:sets?)?|corpus|corpora|images|benchmarks?|annotations)\b", re.IGNORECASE)
#: A sentence that forbids or conditions something for the reader (advice such as "should not" is not a license term).
_PROHIBITIVE = re.compile(
    r"\b(?:you|users?|licensees?|recipients?)\s+(?:may|must|shall|can|will)\s*not\b|\b(?:may|must|shall|can)\s*not\s+be\s+used\b|"
    r"\b(?:is|are)\s+(?:strictly\s+)?(?:prohibited|forbidden|not\s+permitted|not\s+allowed)\b|"
    r"\bapply\s+for\s+(?:a\s+)?commercial\s+licen[cs]e\b|\b(?:only|solely|exclusively)\s+for\s+(?:non-?commercial|research|academic)\b|"
    r"\b(?:non-?commercial|research|academic|personal|educational|evaluation)[- ](?:use|usage|purposes?)[- ]only\b|"
    r"\b(?:not|never)\s+for\s+(?:any\s+)?commercial\b|\bno\s+commercial\s+(?:use|usage)\b|"
    r"\b(?:use|usage)\s+is\s+(?:restricted|limited)\s+to\b|"
    r"\bcommercial(?:ly|\s+(?:use|usage|purposes?|licen[cs]e))\b[^.]{0,60}\b(?:requires?|needs?|need\s+to|must|subject\s+to|after|"
    r"upon|apply|application|registration|register|authori[sz]ation|permission|contact)\b|"
    r"\bif you (?:intend|wish|want|plan|would like) to use\b[^.]{0,120}\bcommercial|"
    r"仅(?:供|限|用于|可用于)|非商业|(?:商业|商用)[^。；\n]{0,30}(?:申请|登记|授权|许可)|(?:申请|登记)[^。；\n]{0,30}(?:商业|商用)",
    re.IGNORECASE)
#: A "License: X" field line ("- **License:** BLOOMChat-176B LICENSE v1.0"), not a nested item about another model,
#: or a "| License | X |" row of a model-details table.
_LICENSE_FIELD = re.compile(r"^(?![ \t])\W*(?:model |weights? )?licen[cs]e\W{0,4}[:：]|"
                            r"^\s*\|\s*[*_]*(?:model |weights? )?licen[cs]e[*_]*\s*\|", re.IGNORECASE)
#: A sentence about how *this model* is licensed, wherever it stands in the card.
_MODEL_LICENSED = re.compile(
    r"\b(?:this|the|our)\s+(?:model|weights|checkpoints?|repository|release)\b[^.]{0,80}"
    r"\b(?:released|licensed|distributed|available|provided|governed|subject|covered|comply|complies|bound|follows?|"
    r"inherits?|adheres?)\b|^\W*(?:licensed|released|distributed|published)\s+under\b|"
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:released|licensed|distributed|published)\s+under\b", re.IGNORECASE)

_DERIVED = re.compile(r"(?:fine[- ]?tun\w*|based (?:on|upon)|built (?:on|upon)|derived from|(?:pre-?)?trained from|initiali[sz]ed from|"
                      r"continued? pre-?training|further pre-?trained|distilled from|started from|trained on top of|"
                      r"an? (?:fine-?tune|derivative|extension|merge|continuation|variant|iteration|quantization|quantized version)s? of|"
                      r"\b(?:adapter|lora|quantization|quants?|gguf|gptq|awq|exl2)s?(?: (?:model|weights|files|version))? (?:for|of)\b|"
                      r"(?:trained|merged) on the (?=[^.]{0,40}\b(?:model|base)\b)|"
                      r"\b(?:uses?|using) [^.]{0,60}\bas (?:the |its |a )?base(?: models?)?\b|"
                      r"\b(?:bound by|subject to|governed by|follows?|inherits?) the (?:original )?(?:licen[cs]es?|terms)[^.]{0,40}\bof\b|"
                      r"[\w.]+(?:[ -][\w.]+){0,2}-based\b|基于|微调)(?:[^.。;]|\.(?=\w)){0,60}", re.I)  # "Llama 3.1" keeps its dot
#: Words before a derivation phrase that make it about other things ("projects built upon Llama", "your fine-tuned model").
_OTHER_SUBJECT = re.compile(r"\b(?:projects|frameworks|tools|apps|applications|ecosystems?|libraries|products|"
                            r"others|your|you|users?)\W*$", re.I)


#: A family name followed by "dataset", "outputs"... names data made with the model, not a base ("Llama 2 outputs").
_DATASET_AFTER = re.compile(r"[\w.-]*\W{0,3}(?:data(?:sets?)?|corpus|outputs?|conversations|prompts)\b", re.IGNORECASE)


def _derived_from(line: str) -> list[str]:
    """License keys of well-known base models the line says this model derives from ("fine-tuned from Llama 2")."""
    keys: list[str] = []
    if not any_base_family().search(line):
        return keys  # fast path: most lines name no well-known base at all
    for match in _DERIVED.finditer(line):
        if _OTHER_SUBJECT.search(line[max(0, match.start() - 40):match.start()]):
            continue
        for pattern, key in load_base_families():
            named = pattern.search(match.group(0))
            if named and not _DATASET_AFTER.match(match.group(0), named.end()):
                keys.append(key)
                break
    return keys


def card_text_detections(body: str, first_line: int = 1) -> list[Detection]:
    """Every card-text matcher over the body's visible lines; one detection per license key and matcher."""
    in_section, level = False, 0
    detections: list[Detection] = []
    sections: list[list[tuple[int, str]]] = []  # the License sections, raw (a pasted license may be a code block)
    raw = body.splitlines()
    for offset, line in enumerate(visible_lines(body)):
        heading = _HEADING.match(line)
        if heading:
            was_in_section = in_section
            depth = len(heading.group(1))
            in_section, level = (True, min(level, depth) if in_section else depth) if _LICENSE_WORD.search(heading.group(2)) \
                else (in_section and depth > level, level)
            if in_section and not was_in_section:
                sections.append([])  # "## Copyright License" inside a pasted license continues the same section
            continue
        number = first_line + offset
        if in_section and offset < len(raw):
            sections[-1].append((number, raw[offset]))
        if not line.strip():
            continue
        field = _LICENSE_FIELD.match(line)
        if in_section or field or _MODEL_LICENSED.search(line):
            detections += _license_statements(line, number, named=in_section or bool(field and "|" in field.group(0)))
        detections += _base_mentions(line, number)
        if not in_section and (field or _PROHIBITIVE.search(line) or _MODEL_LICENSED.search(line)):
            detections += _card_restrictions(line, number)
    for section in sections:
        detections = _pasted_license(section, detections)
    unique: dict[tuple[str, str | None], Detection] = {}
    for d in detections:
        unique.setdefault((d.matcher, d.key or d.name), d)
    return list(unique.values())


def _pasted_license(section: list[tuple[int, str]], detections: list[Detection]) -> list[Detection]:
    """The restrictions a License section states, read by sentence (they wrap over lines); but a section that holds
    a whole known text (the GPL pasted into the card) is that license: its clauses ("you may not propagate ...
    except as provided") are the license's own, not added restrictions."""
    if not section:
        return detections
    text = "\n".join(line for _, line in section)
    match = identify(text) if PASTED_MIN_WORDS <= len(text.split()) <= PASTED_MAX_WORDS else None
    if match is None or match.kind not in ("copy", "partial"):
        return detections + _card_restrictions(text, section[0][0])
    lines = {number for number, _ in section}
    entry = load_catalog()[match.key]
    kept = [d for d in detections if not (d.evidence.line in lines and d.matcher in ("card-text-restrictions", "card-text-license"))]
    evidence = Evidence("card-text", f"the License section is {entry.name} ({match.ref_coverage:.0%} of its text)",
                        "README.md", section[0][0])
    keep = find_restrictions(reference_text(entry.key)) if entry.classification is LicenseClass.CUSTOM_RESTRICTED else ()
    return kept + [entry_detection("card-text-license", entry, evidence, confidence=match.dice, restrictions=tuple(
        Finding("restrictive-clause", Severity.INFO, f"{h.description} — breaks {osd_text(h.osd)}",
                (Evidence("card-text", h.quote, "README.md"),)) for h in keep))]


#: "released under the Acme Community License": a license named by its title that the catalog does not know.
_UNKNOWN_LICENSE = re.compile(r"\b(?:released|licensed|distributed|published|available|provided)\s+under\s+(?:the\s+|a\s+|an\s+|our\s+)?"
                              r"((?:[A-Z0-9][\w.+-]*\s+){1,6}(?:License|Licence|LICENSE|Agreement|Terms(?: of Use)?))\b")
_GENERIC_NAME = re.compile(r"(?:(?:Open|Source|Open-Source|Same|Original|Following|Custom|Model|Community|Permissive|Commercial)\s+)*"
                           r"(?:License|Licence|LICENSE|Agreement|Terms(?: of Use)?)", re.IGNORECASE)


def _about_other_things(clause: str) -> bool:
    """The clause speaks of the code or the data, not of the weights ("the code is under Apache-2.0")."""
    return bool((_ABOUT_CODE.search(clause) or _ABOUT_DATA.search(clause)) and not _ABOUT_WEIGHTS.search(clause))


def _license_statements(line: str, number: int, named: bool = False) -> list[Detection]:
    """"This model is released under the Llama 3 Community License" (not "the code is under Apache-2.0");
    with `named` (a line of the License section), a bare license name counts too ("CC BY-NC 4.0")."""
    catalog = load_catalog()
    found: list[Detection] = []
    for ref in find_references(line, number, named=named):
        if _about_other_things(ref.clause):
            continue  # says nothing about the weights
        evidence = Evidence("card-text", ref.quote, "README.md", ref.line)
        entry = catalog[ref.key]
        if _MODIFIED.search(ref.clause):
            found.append(Detection("card-text-license", LicenseClass.UNKNOWN, evidence, name=f"a modified {entry.name}",
                                   confidence=0.6, reason=f"the card says its terms are a modified {entry.name}"))
        else:
            found.append(entry_detection("card-text-license", entry, evidence, confidence=0.8))
    named_terms = find_named_terms(line, number, named=named)
    unknown = None if found or named_terms else _UNKNOWN_LICENSE.search(line)
    if unknown and not _about_other_things(line[:unknown.start()]) and not _GENERIC_NAME.fullmatch(unknown.group(1)) \
            and not known_license_family(unknown.group(1)):
        found.append(Detection("card-text-license", LicenseClass.UNKNOWN,
                               Evidence("card-text", " ".join(line.split())[:300], "README.md", number),
                               name=unknown.group(1), confidence=0.5,
                               reason=f"the card says the model is under {unknown.group(1)!r}, a license the catalog does not know"))
    for terms in named_terms:
        if _about_other_things(terms.clause):
            continue
        found.append(Detection("card-text-license", terms.classification, Evidence("card-text", terms.quote, "README.md", terms.line),
                               name=terms.name, confidence=0.7, reason=terms.reason))
    return found


#: A table row that states this model's base ("| Base model | Llama-2-7b |"); other rows compare other models.
_BASE_CELL = re.compile(r"^(?:base(?:d on| model)?|fine-?tuned from|parent model|foundation model|backbone)\W*$", re.I)


def _base_mentions(line: str, number: int) -> list[Detection]:
    """"Fine-tuned from Llama 2": well-known bases whose terms pass on to derivatives."""
    catalog = load_catalog()
    quote = " ".join(line.split())[:300]
    if line.lstrip().startswith("|"):
        cells = [c.strip(" *`_") for c in line.strip().strip("|").split("|")]
        if len(cells) > 3 or not _BASE_CELL.match(cells[0]):
            return []  # a comparison table names other models and their bases
        keys = [k for k in (base_family_key(cell) for cell in cells[1:]) if k][:1]
    else:
        keys = _derived_from(line)
    return [entry_detection("card-text-base-model", catalog[key], Evidence("card-text", quote, "README.md", number),
                            confidence=0.7, reason=f"built on a model under {catalog[key].name}, whose terms pass on")
            for key in keys]


def _card_restrictions(line: str, number: int) -> list[Detection]:
    """Use restrictions the card itself imposes ("you may not use this model for military purposes"), not the
    terms of a dataset it names ("the training data is for non-commercial use only")."""
    hits = tuple(h for h in find_restrictions(line, number)
                 if not (_ABOUT_DATA.search(h.quote) and not _ABOUT_WEIGHTS.search(h.quote)))
    if not hits:
        return []
    return [Detection(
        "card-text-restrictions", LicenseClass.CUSTOM_RESTRICTED, Evidence("card-text", hits[0].quote, "README.md", hits[0].line),
        name="use restrictions stated in the card", osd=tuple(sorted({c for h in hits for c in h.osd})),
        reason="; ".join(sorted({h.description for h in hits})),
        restrictions=tuple(Finding("restrictive-clause", Severity.INFO, f"{h.description} — breaks {osd_text(h.osd)}",
                                   (Evidence("card-text", h.quote, "README.md", h.line),)) for h in hits))]
