"""Card-text matchers: license statements and use restrictions written in the card body (base models: `cardbases`)."""

from __future__ import annotations

import dataclasses
import re

from auditor.cards.claims import visible_lines
from auditor.cards.bases import (CJK_SEAM, FROM_SCRATCH, base_mentions, family_terms, from_scratch, inherited_terms, names_this_model,
                                 possible_base)
from auditor.cards.merges import listed_bases
from auditor.cards.restrictive import ABOUT_DATA, ABOUT_WEIGHTS, DOUBT, card_restrictions, doubt
from auditor.engine.catalog import any_base_family, entry_detection, judged_title, load_catalog, reference_text, resolve_label
from auditor.engine.families import names_a_family
from auditor.models import Detection, Evidence, Finding, LicenseClass, Severity
from auditor.engine.references import find_named_terms, find_references, known_license_family
from auditor.engine.restrictions import find_restrictions, osd_text
from auditor.engine.textmatch import identify

#: A License section this long may be a whole license text pasted into the card (the longest licenses have ~15k words).
PASTED_MIN_WORDS, PASTED_MAX_WORDS = 40, 30_000

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_LICENSE_WORD = re.compile(r"licen[cs]|terms of use|usage restrictions|use restrictions|terms and conditions|use polic(?:y|ies)|\bagreement\b|"
                           r"\brestrictions\b|\bcommercial use\b|许可|协议|使用条款|商用|商业使用",
                           re.IGNORECASE)
_ABOUT_CODE = re.compile(r"\b(?:code(?:base)?|source|scripts?|software|repo(?:sitory)?|library|tool(?:kit)?s?|implementation)\b", re.I)
_MODIFIED = re.compile(r"\b(?:modified|variant|derived|based on|adapted|inspired|similar to|version of)\b", re.IGNORECASE)
#: A sentence that forbids or conditions something for the reader (advice such as "should not" is not a license term).
_PROHIBITIVE = re.compile(
    r"\b(?:you|users?|licensees?|recipients?)\s+(?:may|must|shall|can|will)\s*not\b|\b(?:may|must|shall|can)\s*not\s+be\s+used\b|\b(?:please\s+)?do\s+not\s+use\b|\bdon['’]t\s+use\b|"
    r"\b(?:is|are)\s+(?:strictly\s+)?(?:prohibited|forbidden|not\s+permitted|not\s+allowed)\b|"
    r"\bapply\s+for\s+(?:a\s+)?commercial\s+licen[cs]e\b|\b(?:only|solely|exclusively)\s+for\s+(?:non-?commercial|research|academic)\b|"
    r"\b(?:non-?commercial|research|academic|personal|educational|evaluation)[- ](?:use|usage|purposes?)[- ]only\b|"
    r"\b(?:not|never)\s+(?:\w+\s+)?for\s+(?:any\s+)?commercial\b|\bno\s+commercial\s+(?:use|usage)\b|"
    r"\b(?:only|solely|exclusively)\s+(?:available|released|provided|licensed|intended|usable)\s+for\b|"
    r"\bcommercial\s+(?:use|usage)\s*[:：]\s*(?:not|no\b|prohibited|forbidden|contact|[✗❌×✘])|"
    r"\bfor\s+non-?commercial\s+(?:use|usage|purposes?)\b|"
    r"仅(?:允许|可以|能|可)|只(?:能|可|允许)|不(?:允许|准)|(?:若需|如需)[^。；\n]{0,6}商|"
    r"商用(?:利用|目的|での利用)?(?:は|を)?(?:不可|禁止|できません|禁じ)|非商用|研究目的(?:のみ|に限)|研究用途(?:のみ|に限)|비상업|"
    r"상업적\s*(?:이용|사용|목적|용도)[^.。]{0,12}(?:금지|불가|허용되지)|연구\s*(?:목적|용도)(?:으로|로)만|"
    r"\b(?:must|shall|need\s+to)\s+(?:first\s+)?(?:obtain|request|apply\s+for|seek)\b[^.]{0,40}\b(?:permission|licen[cs]e|authori[sz]ation|approval)|"
    r"\b(?:use|usage)(?:\s+of\s+(?:this|the|these|our)\s+(?:model|weights|checkpoints?)s?)?\s+is\s+(?:restricted|limited)\s+to\b|"
    r"\b(?:intended|licensed|released|available|provided|permitted|allowed)\s+(?:only\s+|solely\s+|exclusively\s+)?for\s+non-?(?:commercial|profit)\b|"
    r"\b(?:may|can|shall|must)\s+only\s+be\s+used\b|\bcontact\b[^.]{0,60}\bcommercial|"
    r"\bcommercial(?:ly|\s+(?:use|usage|purposes?|licen[cs]e|licensing|users?|entities|customers))\b[^.]{0,60}\b(?:requires?|needs?|"
    r"need\s+to|must|subject\s+to|after|upon|apply|application|registration|register|authori[sz]ation|permission|contact|request|required)\b|"
    r"\b(?:research|academic|non-?commercial)\s+(?:\w+\s+)?only\b|不(?:可|能|得)(?:用于)?商|"
    r"\bif you (?:intend|wish|want|plan|would like) to use\b[^.]{0,120}\bcommercial|\bnot\s+to\s+be\s+(?:used|deployed|distributed|exploited)\b|"
    r"\b(?:use|usage)\s+(?:is|are)\s+not(?:\s+(?:permitted|allowed))?\s*(?:[.;,)]|$)|\bonly\b[^.;]{0,40}\b(?:use|usage)\s+(?:is|are)\s+(?:allowed|permitted)\b|"
    r"\b(?:businesses|companies|enterprises|corporations|organi[sz]ations)\b[^.;]{0,20}\b(?:must|need|needs|have\s+to|are\s+required\s+to)\b|"
    r"\b(?:requires?|needs?)\s+(?:a\s+|an\s+)?(?:separate|additional|prior|paid|commercial)\s+(?:licen[cs]e|agreement|contract|permission|authori[sz]ation)\b|"
    r"仅(?:供|限|用于|可用于)|非商业|禁止|不得|严禁|(?:如需|若需|如要|如果需要|如果要|若要|如想)[^。；\n]{0,10}(?:商业|商用)|(?:商业|商用)[^。；\n]{0,30}(?:申请|登记|授权|许可)|(?:申请|登记)[^。；\n]{0,30}(?:商业|商用)",
    re.IGNORECASE)
#: More phrasings of the same, tried only on lines that have one of their words (most lines have none).
_PROHIBITIVE_MORE = re.compile(
    r"\bagrees?\s+not\s+to\b|"
    r"\b(?:strictly|only|exclusively|purely)\s+non-?commercial\b|\b(?:research|academic|scientific)-only\b|"
    r"\b(?:available|provided|released|shared|distributed|granted|given)\s+(?:only\s+)?(?:on|upon|by|after)\s+(?:(?:a |an )?(?:written |approved )?(?:request|application|approval)\b|(?:filling (?:in|out)|completing|submitting)\b)|"
    r"(?<!not )(?<!n't )(?<!never )(?<!nothing )\b(?:prohibits?|forbids?|bans?|disallows?|excludes?)\s+(?:any\s+|all\s+)?commercial\b|"
    r"\bonly\s+(?:released|available|provided|distributed|granted|shared)\s+to\b|"
    r"\b(?:released|available|provided|distributed|granted|shared)\s+only\s+to\b|"
    r"\bnot\s+for\s+(?:re-?distribution|resale|sale)\b|\b(?:internal|non-?production)(?:[- ](?:use|usage|purposes?))?[- ]only\b|"
    r"\bnot\s+(?:be\s+)?licensed\s+for\b|\bother\s+than\s+(?:\w+\s+){0,2}(?:research|evaluation|testing)\b|\bevaluation\s+only\b|"
    r"\bfor\s+(?:internal\s+)?(?:evaluation|testing|benchmarking)(?:\s+use|\s+purposes?)?\s+only\b|\bnot\s+be\s+(?:deployed|used)\s+(?:in|for)\s+production\b|"
    r"\bcommercial\s+(?:use|usage)\s+(?:strictly\s+)?(?:prohibited|forbidden|not\s+(?:permitted|allowed))\b|"
    r"\b(?:use|usage)\s+(?:is\s+)?(?:restricted|limited)\s+to\s+(?:\w+\s+){0,2}(?:research|academic|educational|personal|evaluation)\b",
    re.IGNORECASE)
_MORE_CUES = ("agree", "commercial", "-only", " only", "request", "application", "approval", "not for", "licensed",
              "other than", "production", "restricted to", "limited to", "filling", "completing", "submitting")
#: The same in Japanese and Korean, tried only on lines that are not ASCII.
_PROHIBITIVE_CJK = re.compile(
    r"非営利|(?:研究|学術)[^。]{0,6}(?:のみ|に限)|商用[^。]{0,16}(?:許諾|許可|承認|申請|問い合わせ)|"
    r"상업적\s*(?:이용|사용|목적|용도)[^.。]{0,30}(?:허가|허락|승인|문의|신청)")


def _prohibitive(line: str) -> bool:
    """Whether the line forbids or conditions something for the reader (`_PROHIBITIVE` and its companions)."""
    if _PROHIBITIVE.search(line):
        return True
    lowered = line.lower()
    return bool((any(cue in lowered for cue in _MORE_CUES) and _PROHIBITIVE_MORE.search(line))
                or (not line.isascii() and _PROHIBITIVE_CJK.search(line)))


#: A "License: X" field line ("- **License:** BLOOMChat-176B LICENSE v1.0"), not a nested item about another model,
#: or a "| License | X |" row of a model-details table.
_LICENSE_FIELD = re.compile(r"^(?![ \t])\W*(?:(?:model|weights?|checkpoints?) ){0,2}licen[cs]e\W{0,4}[:：]|^(?![ \t])\W*(?:model )?weights\W{0,4}[:：]|"
                            r"^\s*\|\s*[*_]*(?:model |weights? )?licen[cs]e[*_]*\s*\|", re.IGNORECASE)
#: A sentence about how *this model* is licensed, wherever it stands in the card.
_MODEL_LICENSED = re.compile(
    r"\b(?:this|the|our)\s+(?:model|weights|checkpoints?|repository|release)\b[^.]{0,80}"
    r"\b(?:released|licensed|distributed|available|provided|governed|subject|covered|comply|complies|bound|follows?|"
    r"inherits?|adheres?|under|uses?)\b|^\W*(?:licensed|released|distributed|published)\s+under\b|"
    r"\b(?:you|users?|licensees?)\s+(?:must|shall|should|need\s+to|have\s+to|agree\s+to)\s+(?:comply|abide|adhere|follow|agree|accept)\b|"
    r"^\W*(?:please\s+)?(?:follow|comply\s+with|abide\s+by|adhere\s+to|observe)\s+the\b|\byou\s+agree\s+to\b|"
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:released|licensed|distributed|published)\s+under\b|"
    r"\b(?:model|weights|checkpoints?)\s+(?:is|are)\s+(?:\w+\s+)?(?:cc[- ]by|apache|mit\b|gpl|openrail|llama|gemma)|"
    r"\bsame\s+(?:licen[cs]e|terms)\s+as\b|(?-i:\b[A-Z][\w.+-]*\s+licen[cs]ed\b)|\b(?:has|have|carries|carry|shares?|keeps?)\s+the\s+(?:same\s+)?licen[cs]e\b", re.IGNORECASE)
#: The same, in Chinese, Japanese and Korean (tried only on lines that are not ASCII).
_MODEL_LICENSED_CJK = re.compile(
    r"(?:遵循|遵守|沿用|继承|采用)[^。；\n]{0,40}(?:许可|协议|license)|(?:ライセンス|利用規約)[^。]{0,20}(?:に従|を継承|が適用|に準拠)|"
    r"(?:라이선스|라이센스|이용\s*약관)[^.。]{0,20}(?:따릅|따라|적용|준수|상속)", re.IGNORECASE)


def _model_licensed(line: str) -> bool:
    return bool(_MODEL_LICENSED.search(line) or (not line.isascii() and _MODEL_LICENSED_CJK.search(line)))


def card_text_detections(body: str, first_line: int = 1, model_id: str | None = None) -> list[Detection]:
    """Every card-text matcher over the body's visible lines; one detection per license key and matcher. With the
    model's id, the row of a table with a License column that names this model is a license statement too."""
    in_section, level = False, 0
    license_column: int | None = None  # the License column of the table being read
    detections: list[Detection] = []
    doubts: list[Detection] = []
    base_doubt: list[Detection] = []  # a family named where the card says how the model was made, in no known phrasing
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
            if _prohibitive(heading.group(2)):  # "## Research use only" says it in the heading itself
                detections += card_restrictions(heading.group(2), first_line + offset)
            continue
        number = first_line + offset
        cells = [c.strip(" *`_") for c in line.strip().strip("|").split("|")] if line.lstrip().startswith("|") else []
        license_column = _license_column(cells, license_column)
        if license_column is not None and len(cells) > license_column and names_this_model(" ".join(cells[:license_column]), model_id):
            row = Evidence("card-text", " ".join(line.split())[:300], "README.md", number)  # | Acme-7B | CC BY-NC 4.0 | 7B |
            detections += [dataclasses.replace(d, evidence=row) for d in _license_statements(cells[license_column], number, named=True, model_id=model_id)]
        if len(cells) == 2 and all(cells):  # "| Commercial use | Not allowed |" reads as "Commercial use: Not allowed."
            line = f"{cells[0]}: {cells[1]}."
        if in_section and offset < len(raw):
            sections[-1].append((number, raw[offset]))
        if not line.strip():
            continue
        field = _LICENSE_FIELD.match(line)
        about_model = _model_licensed(line)
        if in_section or field or about_model:
            detections += _license_statements(line, number, named=in_section or bool(field and "|" in field.group(0)), model_id=model_id)
        bases = base_mentions(line, number)
        detections += bases
        family = None if bases or base_doubt else possible_base(line)
        if family:
            base_doubt = [Detection(DOUBT, LicenseClass.UNKNOWN, Evidence("card-text", " ".join(line.split())[:300], "README.md", number),
                                    name="a possible base model named in the card", confidence=0.4,
                                    reason=f"the card names {family} where it says how the model was made; if it is built on "
                                           f"{family}, its terms apply: check its base")]
        detections += inherited_terms(line, number)
        detections += from_scratch(line, number)
        if not in_section and (field or about_model or _prohibitive(line)):
            detections += card_restrictions(line, number, outside_terms=True)
        elif not in_section and not doubts:
            doubts = doubt(line, number)
    for section in sections:
        detections = _pasted_license(section, detections)
    detections += listed_bases(visible_lines(body), raw, first_line)
    if doubts and not any(d.matcher == "card-text-restrictions" for d in detections):
        detections += doubts
    if not any(d.matcher == "card-text-base-model" for d in detections):
        detections += base_doubt
    if any(d.matcher == FROM_SCRATCH for d in detections):  # "Llama 2 is under its license; ours is trained from scratch"
        detections = [d for d in detections if d.name != OTHERS_TERMS]
    unique: dict[tuple[str, str | None], Detection] = {}
    for d in detections:
        unique.setdefault((d.matcher, d.key or d.name), d)
    return list(unique.values())


def _license_column(cells: list[str], column: int | None) -> int | None:
    """The License column of a table: found on its header row, kept over its rows, forgotten when the table ends."""
    if not cells:
        return None
    header = next((i for i, c in enumerate(cells) if i and re.fullmatch(r"(?:model |weights? )?licen[cs]e", c, re.IGNORECASE)), None)
    return header if header is not None and len(cells) >= 3 else column


def _pasted_license(section: list[tuple[int, str]], detections: list[Detection]) -> list[Detection]:
    """The restrictions a License section states, read by sentence (they wrap over lines); but a section that holds
    a whole known text (the GPL pasted into the card) is that license: its clauses ("you may not propagate ...
    except as provided") are the license's own, not added restrictions."""
    if not section:
        return detections
    text = "\n".join(line for _, line in section)
    match = identify(text) if PASTED_MIN_WORDS <= len(text.split()) <= PASTED_MAX_WORDS else None
    if match is None or match.kind not in ("copy", "partial"):
        return detections + card_restrictions(text, section[0][0])
    added = [(section[a.line - 1][0], a.text) for a in match.additions if 0 < a.line <= len(section)]
    added_lines = {section[n - 1][0] for a in match.additions for n in range(a.line, min(a.end_line, len(section)) + 1) if n > 0}
    lines = {number for number, _ in section} - added_lines  # words added to the pasted text are the card's own terms
    entry = load_catalog()[match.key]
    kept = [d for d in detections if not (d.evidence.line in lines and d.matcher in ("card-text-restrictions", "card-text-license"))]
    kept += [d for number, words in added for d in card_restrictions(words, number)]
    evidence = Evidence("card-text", f"the License section is {entry.name} ({match.ref_coverage:.0%} of its text)",
                        "README.md", section[0][0])
    keep = find_restrictions(reference_text(entry.key)) if entry.classification is LicenseClass.CUSTOM_RESTRICTED else ()
    return kept + [entry_detection("card-text-license", entry, evidence, confidence=match.dice, restrictions=tuple(
        Finding("restrictive-clause", Severity.INFO, f"{h.description} — breaks {osd_text(h.osd)}",
                (Evidence("card-text", h.quote, "README.md"),)) for h in keep))]


#: The verb of a license statement; what stands before it is what the statement is about.
_LICENSING_VERB = re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been|remains?)\s+(?:\w+\s+)?(?:licensed|released|distributed|"
                             r"published|available|provided|governed|covered|subject)\b|\b(?:uses?|follows?|comes?\s+with|ships?\s+with)\b",
                             re.IGNORECASE)
_THIS_SUBJECT = re.compile(r"\b(?:this|our|these|its)\b|\bwe\b|\bthe\s+(?:model|weights|checkpoints?|release)\b|本模型|我们", re.IGNORECASE)
#: The name of a doubt raised by another model's license ("Llama 2 is licensed under …"): a from-scratch statement clears it.
OTHERS_TERMS = "another model's license"


def _family_subject(clause: str, model_id: str | None) -> str | None:
    """"Llama 2 is licensed under the Llama 2 Community License" (the clause without the license's name): the family
    the license statement is about, when it is a well-known family and not this model (by "this"/"our"/"we" or by its name)."""
    verb = _LICENSING_VERB.search(clause)
    subject = CJK_SEAM.sub(" ", clause[:verb.start()]) if verb else ""
    if not subject.strip() or _THIS_SUBJECT.search(subject) or names_this_model(subject, model_id) or not names_a_family(subject):
        return None
    named = any_base_family().search(subject)
    return named.group(0) if named else None


def _others_terms(family: str, license_name: str, evidence: Evidence) -> Detection:
    """A doubt, not the model's terms: the card says which license another model has."""
    return Detection(DOUBT, LicenseClass.UNKNOWN, evidence, name=OTHERS_TERMS, confidence=0.4,
                     reason=f"the card says {family} is under {license_name}; if this model is built on {family}, "
                            "those terms apply to it too: check its base")


#: "released under the Acme Community License", "you must accept the Acme Model Agreement": a license named by its
#: title that the catalog does not know.
_UNKNOWN_LICENSE = re.compile(r"(?:\b(?:released|licensed|distributed|published|available|provided)\s+(?:separately\s+|only\s+|exclusively\s+)?"
                              r"under|\b(?:accept(?:ing|s)?|agree(?:ing|s)?\s+to|sign(?:ing|s)?))\s+(?:the\s+|a\s+|an\s+|our\s+)?"
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
    return bool((_ABOUT_CODE.search(clause) or ABOUT_DATA.search(clause)) and not ABOUT_WEIGHTS.search(clause))


def _license_statements(line: str, number: int, named: bool = False, model_id: str | None = None) -> list[Detection]:
    """"This model is released under the Llama 3 Community License" (not "the code is under Apache-2.0", nor "Llama 2
    is licensed under the Llama 2 Community License": a doubt); with `named` (a line of the License section), a bare
    license name counts too ("CC BY-NC 4.0")."""
    catalog = load_catalog()
    found: list[Detection] = []
    for ref in find_references(line, number, named=named):
        entry = catalog[ref.key]
        if _about_other_things(_without_name(ref.clause, entry.name)):
            continue  # says nothing about the weights
        family = _family_subject(_without_name(ref.clause, entry.name), model_id)
        if family:
            found.append(_others_terms(family, entry.name, Evidence("card-text", ref.quote, "README.md", ref.line)))
            continue
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
        found += _field_label(line, number, bare=named) or ([] if _about_other_things(line) else family_terms(line, number)) \
            or _restrictive_license(line, number) or _unnamed_license(line, number)
    for terms in named_terms:
        if _about_other_things(terms.clause):
            continue
        family = _family_subject(_without_name(terms.clause, terms.name), model_id)
        if family:
            found.append(_others_terms(family, terms.name, Evidence("card-text", terms.quote, "README.md", terms.line)))
            continue
        found.append(Detection("card-text-license", terms.classification, Evidence("card-text", terms.quote, "README.md", terms.line),
                               name=terms.name, confidence=0.7, reason=terms.reason))
    return found


#: A license named by what it restricts ("released under a non-commercial license").
_RESTRICTIVE_LICENSE = re.compile(r"\b(?:non-?commercial|research[- ]only|research|academic|non-?production|evaluation)"
                                  r"(?:[- ]use)?(?:[- ]only)?\s+licen[cs]e\b", re.IGNORECASE)


#: A license the card describes but does not name ("released under a custom license", "our own license"): the declared id
#: may not be the weights' terms. A proprietary or closed one is no open license at all.
_UNNAMED_LICENSE = re.compile(r"\b(?:released|licensed|distributed|published|available|provided|governed|covered|uses?)\s+"
                              r"(?:separately\s+)?(?:(?:under|by)\s+)?(?:a|an|our|its|their)\s+(?:own\s+)?"
                              r"(custom|proprietary|closed|own|separate|bespoke|special|non-standard|commercial)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:licen[cs]e|terms|agreement)\b", re.IGNORECASE)
_CLOSED = ("proprietary", "closed")


def _unnamed_license(line: str, number: int) -> list[Detection]:
    """"The weights are released under a custom license": `unknown` (deciding) beside any declared id; "a proprietary
    license": restricted."""
    found = _UNNAMED_LICENSE.search(line)
    if not found or _about_other_things(line[:found.start()]):
        return []
    kind = found.group(1).lower()
    kind = "custom" if kind == "own" else kind  # "our own license"
    closed = kind in _CLOSED
    return [Detection("card-text-license", LicenseClass.CUSTOM_RESTRICTED if closed else LicenseClass.UNKNOWN,
                      Evidence("card-text", " ".join(line.split())[:300], "README.md", number), name=f"a {kind} license",
                      confidence=0.5, osd=("1",) if closed else (),
                      reason=f"the card says the model is under a {kind} license it does not name"
                             + ("" if closed else "; the declared license may not be the weights' terms"))]


#: "License: openrail++": the value of a License field line, which may be a Hub id or an alias.
_FIELD_VALUE = re.compile(r"^\W*(?:model |weights? )?licen[cs]e\W{0,4}[:：]\W*([\w.+-]+(?: [\w.+-]+){0,5}?)[\s*_`.]*$", re.IGNORECASE)
#: A line of the License section that is only a Hub id or alias ("MIT", "`apache-2.0`", "**llama2**").
_BARE_VALUE = re.compile(r"^[\s*_`>-]*([\w.+-]+(?: [\w.+-]+){0,3}?)[\s*_`.]*$")


def _field_label(line: str, number: int, bare: bool = False) -> list[Detection]:
    """A License field whose value is a Hub id or a known alias, not a title ("- License: openrail++"); with `bare`
    (a line of the License section), a line that is only such a value ("MIT")."""
    value = _FIELD_VALUE.match(line) or (_BARE_VALUE.match(line) if bare else None)
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


def _restrictive_license(line: str, number: int) -> list[Detection]:
    """"Released under a research-only license": restricted, whatever its title, by what the card says of it."""
    named = _RESTRICTIVE_LICENSE.search(line)
    if not named or _about_other_things(line[:named.start()]):
        return []
    return [Detection("card-text-license", LicenseClass.CUSTOM_RESTRICTED,
                      Evidence("card-text", " ".join(line.split())[:300], "README.md", number), name=f"a {named.group(0)}",
                      confidence=0.6, osd=("6",), reason=f"the card says the model is under a {named.group(0).lower()}")]
