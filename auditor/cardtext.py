"""Card-text matchers: license statements, base-model mentions and use restrictions written in the card body."""

from __future__ import annotations

import re

from auditor.claims import visible_lines
from auditor.licenses import (base_family_key, entry_detection, family_detection, family_title, judged_title,
                               load_base_families, load_catalog, names_a_family, reference_text, resolve_label)
from auditor.models import Detection, Evidence, Finding, LicenseClass, Severity
from auditor.references import find_named_terms, find_references, known_license_family
from auditor.restrictions import find_restrictions, osd_text
from auditor.textmatch import identify

#: A License section this long may be a whole license text pasted into the card (the longest licenses have ~15k words).
PASTED_MIN_WORDS, PASTED_MAX_WORDS = 40, 30_000

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_LICENSE_WORD = re.compile(r"licen[cs]|terms of use|usage restrictions|use restrictions|terms and conditions|use polic(?:y|ies)|\bagreement\b|"
                           r"\brestrictions\b|\bcommercial use\b|许可|协议|使用条款|商用|商业使用",
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
    r"\b(?:not|never)\s+(?:\w+\s+)?for\s+(?:any\s+)?commercial\b|\bno\s+commercial\s+(?:use|usage)\b|"
    r"\b(?:only|solely|exclusively)\s+(?:available|released|provided|licensed|intended|usable)\s+for\b|"
    r"\bcommercial\s+(?:use|usage)\s*[:：]\s*(?:not|no\b|prohibited|forbidden|contact|[✗❌×✘])|"
    r"\bfor\s+non-?commercial\s+(?:use|usage|purposes?)\b|"
    r"仅(?:允许|可以|能|可)|只(?:能|可|允许)|不(?:允许|准)|(?:若需|如需)[^。；\n]{0,6}商|"
    r"商用(?:利用|目的|での利用)?(?:は|を)?(?:不可|禁止|できません|禁じ)|非商用|研究目的(?:のみ|に限)|研究用途(?:のみ|に限)|비상업|"
    r"상업적\s*(?:이용|사용|목적)[^.。]{0,12}(?:금지|불가|허용되지)|연구\s*(?:목적|용도)(?:으로|로)만|"
    r"\b(?:must|shall|need\s+to)\s+(?:first\s+)?(?:obtain|request|apply\s+for|seek)\b[^.]{0,40}\b(?:permission|licen[cs]e|authori[sz]ation|approval)|"
    r"\b(?:use|usage)(?:\s+of\s+(?:this|the|these|our)\s+(?:model|weights|checkpoints?)s?)?\s+is\s+(?:restricted|limited)\s+to\b|"
    r"\b(?:intended|licensed|released|available|provided|permitted|allowed)\s+(?:only\s+|solely\s+|exclusively\s+)?for\s+non-?commercial\b|"
    r"\b(?:may|can|shall|must)\s+only\s+be\s+used\b|\bcontact\b[^.]{0,60}\bcommercial|"
    r"\bcommercial(?:ly|\s+(?:use|usage|purposes?|licen[cs]e|licensing|users?|entities|customers))\b[^.]{0,60}\b(?:requires?|needs?|"
    r"need\s+to|must|subject\s+to|after|upon|apply|application|registration|register|authori[sz]ation|permission|contact|request)\b|"
    r"\b(?:research|academic|non-?commercial)\s+(?:\w+\s+)?only\b|不(?:可|能|得)(?:用于)?商|"
    r"\bif you (?:intend|wish|want|plan|would like) to use\b[^.]{0,120}\bcommercial|"
    r"仅(?:供|限|用于|可用于)|非商业|禁止|不得|严禁|(?:如需|若需|如要|如果需要|如果要|若要|如想)[^。；\n]{0,10}(?:商业|商用)|(?:商业|商用)[^。；\n]{0,30}(?:申请|登记|授权|许可)|(?:申请|登记)[^。；\n]{0,30}(?:商业|商用)",
    re.IGNORECASE)
#: A "License: X" field line ("- **License:** BLOOMChat-176B LICENSE v1.0"), not a nested item about another model,
#: or a "| License | X |" row of a model-details table.
_LICENSE_FIELD = re.compile(r"^(?![ \t])\W*(?:model |weights? )?licen[cs]e\W{0,4}[:：]|^(?![ \t])\W*(?:model )?weights\W{0,4}[:：]|"
                            r"^\s*\|\s*[*_]*(?:model |weights? )?licen[cs]e[*_]*\s*\|", re.IGNORECASE)
#: A sentence about how *this model* is licensed, wherever it stands in the card.
_MODEL_LICENSED = re.compile(
    r"\b(?:this|the|our)\s+(?:model|weights|checkpoints?|repository|release)\b[^.]{0,80}"
    r"\b(?:released|licensed|distributed|available|provided|governed|subject|covered|comply|complies|bound|follows?|"
    r"inherits?|adheres?|under|uses?)\b|^\W*(?:licensed|released|distributed|published)\s+under\b|"
    r"\b(?:you|users?|licensees?)\s+(?:must|shall|should|need\s+to|have\s+to|agree\s+to)\s+(?:comply|abide|adhere|follow|agree|accept)\b|"
    r"^\W*(?:please\s+)?(?:follow|comply\s+with|abide\s+by|adhere\s+to|observe)\s+the\b|\byou\s+agree\s+to\b|"
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:released|licensed|distributed|published)\s+under\b|"
    r"\b(?:model|weights|checkpoints?)\s+(?:is|are)\s+(?:\w+\s+)?(?:cc[- ]by|apache|mit\b|gpl|openrail|llama|gemma)", re.IGNORECASE)

_DERIVED = re.compile(r"(?:fine[- ]?tun\w*|based (?:on|upon)|built (?:on|upon)|derived from|(?:pre-?)?trained from|initiali[sz]ed from|"
                      r"continued? pre-?training|further pre-?trained|distilled from|started from|trained on top of|"
                      r"an? (?:fine-?tune|derivative|extension|merge|continuation|variant|iteration|quantization|quantized version)s? of|"
                      r"\b(?:quanti[sz]ed|distilled|pruned|merged|converted|abliterated|uncensored|gguf|gptq|awq|exl2|mlx|onnx|fp8|int[48])"
                      r" (?:\w+ )?versions? of|\b(?:lora|adapter|dreambooth|lycoris)s? (?:model )?(?:trained|fine-?tuned|made|built) (?:on|for|with)\b|"
                      r"\b(?:adapter|lora|quantization|quants?|gguf|gptq|awq|exl2)s?(?: (?:model|weights|files|version))? (?:for|of)\b|"
                      r"\b(?:gguf|ggml|gptq|awq|exl2|mlx|onnx|quanti[sz]ed)\b(?:[ -](?:format|model|weight|file|version|quant)s?){1,3} (?:for|of)\b|"
                      r"(?:trained|merged) on the (?=[^.]{0,40}\b(?:model|base)\b)|"
                      r"\b(?:delta|diff)(?: weights?)? (?:of|for|on top of|to (?:be )?appl(?:y|ied) (?:on|to))\b|\badapters? on(?: top of)?\b|"
                      r"\bmerged? (?:of|from|between|with)\b|\bbuilt with (?=(?:meta )?llama)|"
                      r"\bwith [^.]{0,60}\bas (?:the |its |a )?base(?: models?)?\b|"
                      r"^\W*(?:base|parent|foundation|original|source|pre-?trained) (?:model|checkpoint|llm)s?\b[*_ ]{0,4}[:：]|"
                      r"在[^。；\n]{1,60}?基础上|以[^。；\n]{1,60}?为(?:基座|基础|底座)|"
                      r"\b(?:uses?|using) [^.]{0,60}\bas (?:the |its |a )?base(?: models?)?\b|"
                      r"\b(?:bound by|subject to|governed by|follows?|inherits?) the (?:original )?(?:licen[cs]es?|terms)[^.]{0,40}\bof\b|"
                      r"[\w.]+(?:[ -][\w.]+){0,2}-based\b|基于|微调)(?:[^.。;]|\.(?=\w)){0,60}", re.I)  # "Llama 3.1" keeps its dot
#: Words before a derivation phrase that make it about other things ("projects built upon Llama", "your fine-tuned model").
_OTHER_SUBJECT = re.compile(r"\b(?:projects|frameworks|tools|apps|applications|ecosystems?|libraries|products|"
                            r"others|your|you|users?)\W*$", re.I)
#: Data made with a model is not built on it: "trained on data distilled from Llama 2".
_DATA_SUBJECT = re.compile(r"\b(?:data(?:sets?)?|corpus|outputs?|responses|samples|answers|labels|annotations|generations|"
                           r"instructions|conversations)\W*$", re.I)


#: A family name followed by "dataset", "outputs"... names data made with the model, not a base ("Llama 2 outputs").
_DATASET_AFTER = re.compile(r"[\w.-]*\W{0,3}(?:data(?:sets?)?|corpus|outputs?|conversations|prompts)\b", re.IGNORECASE)


#: A letter or digit touching a CJK character ("基于Llama2微调"): a space goes between them, so family names keep their \b.
_CJK_SEAM = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3000-\u9fff\uff00-\uffef])")


def _derived_from(line: str) -> list[str]:
    """License keys of well-known base models the line says this model derives from ("fine-tuned from Llama 2")."""
    keys: list[str] = []
    line = line if line.isascii() else _CJK_SEAM.sub(" ", line)
    if not names_a_family(line):
        return keys  # fast path: most lines name no well-known base at all
    for match in _DERIVED.finditer(line):
        before = line[max(0, match.start() - 40):match.start()]
        if _OTHER_SUBJECT.search(before) or (match.group(0)[:4].lower() in ("dist", "deri") and _DATA_SUBJECT.search(before)):
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
    doubts: list[Detection] = []
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
            if _PROHIBITIVE.search(heading.group(2)):  # "## Research use only" says it in the heading itself
                detections += _card_restrictions(heading.group(2), first_line + offset)
            continue
        number = first_line + offset
        cells = [c.strip(" *`_") for c in line.strip().strip("|").split("|")] if line.lstrip().startswith("|") else []
        if len(cells) == 2 and all(cells):  # "| Commercial use | Not allowed |" reads as "Commercial use: Not allowed."
            line = f"{cells[0]}: {cells[1]}."
        if in_section and offset < len(raw):
            sections[-1].append((number, raw[offset]))
        if not line.strip():
            continue
        field = _LICENSE_FIELD.match(line)
        if in_section or field or _MODEL_LICENSED.search(line):
            detections += _license_statements(line, number, named=in_section or bool(field and "|" in field.group(0)))
        detections += _base_mentions(line, number)
        detections += _inherited_terms(line, number)
        if not in_section and (field or _PROHIBITIVE.search(line) or _MODEL_LICENSED.search(line)):
            detections += _card_restrictions(line, number)
        elif not in_section and not doubts:
            doubts = _doubt(line, number)
    for section in sections:
        detections = _pasted_license(section, detections)
    if doubts and not any(d.matcher == "card-text-restrictions" for d in detections):
        detections += doubts
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


def _without_name(clause: str, name: str) -> str:
    """The clause without the license's own name, whose words ("Data" Agreement, "Modified" MIT) say nothing of it."""
    words = re.sub(r"\s*\(.*$", "", name).split()
    pattern = r"[\s,_-]+".join(re.escape(w) for w in words)
    return re.sub(pattern, " ", clause, flags=re.IGNORECASE) if words else clause


def _about_other_things(clause: str) -> bool:
    """The clause speaks of the code or the data, not of the weights ("the code is under Apache-2.0")."""
    return bool((_ABOUT_CODE.search(clause) or _ABOUT_DATA.search(clause)) and not _ABOUT_WEIGHTS.search(clause))


def _license_statements(line: str, number: int, named: bool = False) -> list[Detection]:
    """"This model is released under the Llama 3 Community License" (not "the code is under Apache-2.0");
    with `named` (a line of the License section), a bare license name counts too ("CC BY-NC 4.0")."""
    catalog = load_catalog()
    found: list[Detection] = []
    for ref in find_references(line, number, named=named):
        entry = catalog[ref.key]
        if _about_other_things(_without_name(ref.clause, entry.name)):
            continue  # says nothing about the weights
        evidence = Evidence("card-text", ref.quote, "README.md", ref.line)
        if _MODIFIED.search(_without_name(ref.clause, entry.name)):
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
    if not found and not named_terms and not unknown:
        found += _field_label(line, number) or _family_terms(line, number) or _restrictive_license(line, number)
    for terms in named_terms:
        if _about_other_things(terms.clause):
            continue
        found.append(Detection("card-text-license", terms.classification, Evidence("card-text", terms.quote, "README.md", terms.line),
                               name=terms.name, confidence=0.7, reason=terms.reason))
    return found


#: After a family's name, the words that make it that family's terms ("the Gemma license", "Llama 2 acceptable use policy").
_TERMS_AFTER = re.compile(r"[\w.+\- ]{0,25}?\b(?:licen[cs]es?|terms|acceptable use|use polic(?:y|ies)|aup)\b", re.IGNORECASE)
#: Before a family's name, the words that make it that family's terms ("the same license as StarCoder").
_TERMS_BEFORE = re.compile(r"\b(?:licen[cs]es?|terms(?: of use)?)\s+(?:as|of|from|that of)\s+(?:the\s+)?(?:original\s+|base\s+)?"
                           r"(?:model\s+)?$", re.IGNORECASE)
#: A license named by what it restricts ("released under a non-commercial license").
_RESTRICTIVE_LICENSE = re.compile(r"\b(?:non-?commercial|research[- ]only|research|academic|non-?production|evaluation)"
                                  r"(?:[- ]use)?(?:[- ]only)?\s+licen[cs]e\b", re.IGNORECASE)


#: "License: openrail++": the value of a License field line, which may be a Hub id or an alias.
_FIELD_VALUE = re.compile(r"^\W*(?:model |weights? )?licen[cs]e\W{0,4}[:：]\W*([\w.+-]+(?: [\w.+-]+){0,5}?)[\s*_`.]*$", re.IGNORECASE)


def _field_label(line: str, number: int) -> list[Detection]:
    """A License field whose value is a Hub id or a known alias, not a title ("- License: openrail++")."""
    value = _FIELD_VALUE.match(line)
    label = resolve_label(value.group(1)) if value else None
    if label is None:
        return []
    evidence = Evidence("card-text", " ".join(line.split())[:300], "README.md", number)
    if label.key is not None and label.key in load_catalog():
        return [entry_detection("card-text-license", load_catalog()[label.key], evidence, confidence=0.7)]
    hub = label.hub
    if hub is not None and hub.classification is LicenseClass.CUSTOM_RESTRICTED:
        return [Detection("card-text-license", hub.classification, evidence, name=hub.hub_id, confidence=0.6, osd=hub.osd,
                          reason=hub.reason)]
    if label.judgement is LicenseClass.CUSTOM_RESTRICTED:
        return [Detection("card-text-license", label.judgement, evidence, name=judged_title(label.reason, value.group(1)),
                          confidence=0.6, reason=label.reason)]
    return []


def _family_terms(line: str, number: int) -> list[Detection]:
    """"This model is governed by the Gemma license": a base family's terms named by the family, not by the title."""
    text = _CJK_SEAM.sub(" ", line)
    if _about_other_things(text) or not names_a_family(text) or _derived_from(line):
        return []  # a line that says the model derives from the family is a base mention
    for pattern, key in load_base_families():
        named = pattern.search(text)
        if named and (_TERMS_AFTER.match(text, named.end()) or _TERMS_BEFORE.search(text[max(0, named.start() - 60):named.start()])):
            return [family_detection("card-text-license", key, Evidence("card-text", " ".join(line.split())[:300], "README.md", number),
                                     confidence=0.6, reason=f"the card names the terms of {named.group(0)}: {family_title(key)}")]
    return []


def _restrictive_license(line: str, number: int) -> list[Detection]:
    """"Released under a research-only license": restricted, whatever its title, by what the card says of it."""
    named = _RESTRICTIVE_LICENSE.search(line)
    if not named or _about_other_things(line[:named.start()]):
        return []
    return [Detection("card-text-license", LicenseClass.CUSTOM_RESTRICTED,
                      Evidence("card-text", " ".join(line.split())[:300], "README.md", number), name=f"a {named.group(0)}",
                      confidence=0.6, osd=("6",), reason=f"the card says the model is under a {named.group(0).lower()}")]


#: A table row that states this model's base ("| Base model | Llama-2-7b |"); other rows compare other models.
_BASE_CELL = re.compile(r"^(?:base(?:d on| model)?|fine-?tuned from|parent model|foundation model|backbone)\W*$", re.I)


def _base_mentions(line: str, number: int) -> list[Detection]:
    """"Fine-tuned from Llama 2": well-known bases whose terms pass on to derivatives."""
    quote = " ".join(line.split())[:300]
    if line.lstrip().startswith("|"):
        cells = [c.strip(" *`_") for c in line.strip().strip("|").split("|")]
        if len(cells) > 3 or not _BASE_CELL.match(cells[0]):
            return []  # a comparison table names other models and their bases
        keys = [k for k in (base_family_key(cell) for cell in cells[1:]) if k][:1]
    else:
        keys = _derived_from(line)
    return [family_detection("card-text-base-model", key, Evidence("card-text", quote, "README.md", number),
                             confidence=0.7, reason=f"built on a model under {family_title(key)}, whose terms pass on")
            for key in keys]


#: "The license follows the base model", "see the LICENSE of the original model": terms that are another model's.
_INHERITED = re.compile(
    r"\b(?:licen[cs]es?|terms(?: of use)?)\b[^.]{0,60}?\b(?:same as|follows?|following|inherit\w*|see|refer to|consult|identical to|"
    r"as per|according to|governed by|subject to|that of|depends? on|determined by|of|from|as)\b[^.]{0,40}?\b"
    r"(?:base|original|parent|upstream|foundation|underlying|pre-?trained|source) (?:models?|weights|checkpoints?)\b|"
    r"\b(?:inherits?|follows?|retains?|keeps?|carr(?:y|ies) over|adopts?|uses?) the (?:same )?(?:licen[cs]es?|terms)\b(?! (?:below|above))"
    r"(?:[^.]{0,30}\b(?:base|original|parent|upstream|foundation|underlying|pre-?trained|source) (?:models?|weights|checkpoints?)\b|\W*$)|"
    r"(?:遵循|遵守|沿用|继承|参见|参考|同)(?:原|原始|基座|基础|底座|上游)模型(?:的)?(?:许可|协议|开源协议|license)",
    re.IGNORECASE)


#: The name of a detection that defers the terms to the base model (classify lets a declared `base_model` settle it).
INHERITED = "the base model's license"


def _inherited_terms(line: str, number: int) -> list[Detection]:
    """"License: same as the base model": the terms are another model's, which the line does not name. Unknown, and
    deciding: no verdict may be OSI-approved on a card that defers its terms to something the tool has not read.
    A line that names the license or the base ("the same license as Llama 2") is read by the other matchers."""
    lowered = line.lower()
    found = _INHERITED.search(line) if any(w in lowered for w in ("licen", "terms", "许可", "协议")) else None
    if not found or find_references(line, number, named=True) or find_named_terms(line, number, named=True) \
            or base_family_key(_CJK_SEAM.sub(" ", line)):
        return []
    return [Detection("card-text-license", LicenseClass.UNKNOWN, Evidence("card-text", " ".join(line.split())[:300], "README.md", number),
                      name=INHERITED, confidence=0.5,
                      reason="the card says its terms are those of the base model, which it does not name; read the base model's terms")]


#: The matcher of a possible restriction: classify lets it bar an open verdict, and nothing else.
DOUBT = "card-text-doubt"
#: Detectors too loose to raise a doubt on their own ("it won't compete with larger models").
_NO_DOUBT = frozenset({"no-compete"})


def _doubt(line: str, number: int) -> list[Detection]:
    """A sentence a restriction detector flags that is not phrased as a term of this model ("Research use.", "the
    weights are non-commercial" in a list of models): not proof of restricted terms, but enough that the verdict may
    not be OSI-approved — unknown, deciding, until a reader checks it."""
    hits = [h for h in _kept_hits(line, number) if h.code not in _NO_DOUBT
            and (h.code != "non-commercial" or _NC_USE.search(h.quote))]  # not "a non-commercial GPU cluster"
    if not hits:
        return []
    return [Detection(DOUBT, LicenseClass.UNKNOWN, Evidence("card-text", hits[0].quote, "README.md", hits[0].line),
                      name="a possible restriction stated in the card", confidence=0.4,
                      reason=f"the card says something that may restrict use ({hits[0].description}); check whether it binds the model")]


def _kept_hits(line: str, number: int) -> tuple:
    """The restriction hits of a line, without those about the data ("the training data is for research only")."""
    return tuple(h for h in find_restrictions(line, number)
                 if not (_ABOUT_DATA.search(h.quote) and not _ABOUT_WEIGHTS.search(h.quote))
                 and not (h.code == "non-commercial" and _NC_DATA.search(h.quote) and not _NC_USE.search(h.quote)))


#: "trained on non-commercial data": the data's terms, not a use restriction on the model.
_NC_DATA = re.compile(r"\bnon-?commercial (?:\w+ )?(?:data(?:sets?)?|corpus|corpora|images|sources?|texts?)\b", re.IGNORECASE)
_NC_USE = re.compile(r"\bnon-?commercial (?:use|usage|purposes?|licen[cs]e|research|only)\b|\bnot for commercial\b", re.IGNORECASE)


def _card_restrictions(line: str, number: int) -> list[Detection]:
    """Use restrictions the card itself imposes ("you may not use this model for military purposes"), not the
    terms of a dataset it names ("the training data is for non-commercial use only")."""
    hits = _kept_hits(line, number)
    if not hits:
        return []
    return [Detection(
        "card-text-restrictions", LicenseClass.CUSTOM_RESTRICTED, Evidence("card-text", hits[0].quote, "README.md", hits[0].line),
        name="use restrictions stated in the card", osd=tuple(sorted({c for h in hits for c in h.osd})),
        reason="; ".join(sorted({h.description for h in hits})),
        restrictions=tuple(Finding("restrictive-clause", Severity.INFO, f"{h.description} — breaks {osd_text(h.osd)}",
                                   (Evidence("card-text", h.quote, "README.md", h.line),)) for h in hits))]
