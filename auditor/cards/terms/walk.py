"""Card-text matchers: the card body walked line by line (License sections, tables, pasted license texts), each line
given to the matchers of license statements (`statements`), restrictions (`restrictive`) and base models (`bases`)."""

from __future__ import annotations

import dataclasses
import re

from auditor.cards.claims.detect import visible_lines
from auditor.cards.terms.bases import base_mentions, is_model_field, possible_base
from auditor.cards.terms.othersbases import sibling_items
from auditor.cards.terms.scratch import FROM_SCRATCH, from_scratch, names_this_model, own_repo_name, scratch_is_own
from auditor.cards.terms.inherited import inherited_terms
from auditor.cards.terms.merges import listed_bases, listed_terms
from auditor.cards.terms.paragraphs import license_lists, unwrapped
from auditor.cards.terms.phrasing import LICENSE_FIELD, model_licensed, prohibitive
from auditor.cards.terms.answers import answered_yes, faq_answer
from auditor.cards.terms.clauses import binds_nobody, sibling_subject
from auditor.cards.terms.restrictive import ABOUT_WEIGHTS, DOUBT, card_restrictions, doubt
from auditor.cards.terms.statements import OTHERS_TERMS, license_statements
from auditor.cards.terms.tablecells import (MAX_USE_CELLS, USE_CELL, WEIGHT_COLUMN, WEIGHT_VALUE, data_header,
                                           license_column_of, names_another_model, other_artefact, use_columns_of)
from auditor.engine.catalog import entry_detection, load_catalog, reference_text
from auditor.models import Detection, Evidence, Finding, LicenseClass, Severity
from auditor.engine.restrictions import find_restrictions, osd_text
from auditor.engine.textmatch import identify

#: A License section this long may be a whole license text pasted into the card (the longest licenses have ~15k words).
PASTED_MIN_WORDS, PASTED_MAX_WORDS = 40, 30_000

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
#: A heading over a recipe or an example, whose "LLM: Meta-Llama-3-8B-Instruct" field names a part of the pipeline, not a base.
_RECIPE_HEADING = re.compile(r"\b(?:examples?|usage|using|rag|demo|recipes?|evaluation|eval|how to|quick ?start|deploy\w*|"
                             r"integrations?|inference|recommended|serving)\b", re.IGNORECASE)
# (not "Setup", "Pipeline", "Architecture and training setup", "intended use": a vision-language model's parts stand there)
_LICENSE_WORD = re.compile(r"licen[cs]|licentie|lizenz|licença|licenza|licencja|(?:^|\s)lisans(?:ı)?(?:\s+(?:bilgileri|bilgisi|şartları|koşulları|sözleşmesi))?\s*$|лиценз|ліценз|ترخيص|رخصة|ライセンス|giấy phép|\blisensi\b|लाइसेंस|ใบอนุญาต|สัญญาอนุญาต|"
                           r"라이선스|라이센스|terms of use|usage restrictions|use restrictions|terms and conditions|use polic(?:y|ies)|\bagreement\b|"
                           r"^\W*(?:(?:usage|distribution|model|use)\s+)?terms\W*$|conditions of use|usage conditions|permitted uses?|"
                           r"\brestrictions\b|\bcommercial use\b|许可|协议|使用条款|商用|商业使用",
                           re.IGNORECASE)

#: A license badge's alt text as a heading shows it ("# Name !License: MIT !Python"): a License field of its own.
_BADGE = re.compile(r"!\s*((?:model |weights? )?licen[cs]e\s*[:：]\s*[^!]{1,60}?)\s*(?=!|$)", re.IGNORECASE)

def card_text_detections(body: str, first_line: int = 1, model_id: str | None = None) -> list[Detection]:
    """Every card-text matcher over the body's visible lines; one detection per license key and matcher. With the
    model's id, the row of a table with a License column that names this model is a license statement too."""
    in_section, level = False, 0
    recipe = False  # under a heading over a recipe or an example
    license_column: int | None = None  # the License column of the table being read
    in_table = data_rows = ingredients = False  # a table's rows, those of a table of data sources (the data's terms), a merge's
    weight_column: int | None = None  # the merge-weight column of an ingredient table
    use_columns: dict[int, str] = {}  # the table's columns that say what a use may be ("| Model | Commercial use |")
    use_cells_left = MAX_USE_CELLS * 4
    detections: list[Detection] = []
    doubts: list[Detection] = []
    base_doubt: list[Detection] = []  # a family named where the card says how the model was made, in no known phrasing
    sections: list[list[tuple[int, str]]] = []  # the License sections, raw (a pasted license may be a code block)
    raw = body.splitlines()
    visible = visible_lines(body)
    joined = license_lists(unwrapped(visible))
    for offset, line in enumerate(joined):
        heading = _HEADING.match(line)
        if "?" in line:  # "Can I use this commercially? No." (the answer may be the next line)
            detections += faq_answer(heading.group(2) if heading else line, joined, offset, first_line + offset)
        if heading:
            recipe = bool(_RECIPE_HEADING.search(heading.group(2)))
            was_in_section = in_section
            depth = len(heading.group(1))
            for badge in _BADGE.finditer(heading.group(2)):  # "# polish-roberta [![License: MIT](…)](…)": the title's badge
                detections += license_statements(badge.group(1), first_line + offset, named=True, model_id=model_id)
            in_section, level = (True, min(level, depth) if in_section else depth) if _LICENSE_WORD.search(
                _BADGE.sub(" ", heading.group(2))) \
                else (in_section and depth > level, level)
            if in_section and not was_in_section:
                sections.append([])  # "## Copyright License" inside a pasted license continues the same section
            if prohibitive(heading.group(2)):  # "## Research use only" says it in the heading itself
                detections += card_restrictions(heading.group(2), first_line + offset)
            continue
        number = first_line + offset
        cells = [c.strip(" *`_") for c in line.strip().strip("|").split("|")] if line.lstrip().startswith("|") else []
        license_column = license_column_of(cells, license_column)
        if not (cells and in_table):  # | Model | Weight | License |: a merge's ingredients, with their weights
            weight_column = next((i for i, c in enumerate(cells) if WEIGHT_COLUMN.fullmatch(c)), None) if cells else None
        ingredients = weight_column is not None and license_column is not None and len(cells) > weight_column and bool(
            WEIGHT_VALUE.fullmatch(cells[weight_column]))  # a weight in the row: not a comparison's "Weights | Gated"
        data_rows = bool(cells) and (data_rows if in_table else data_header(cells))  # | Source | Tokens | Licence |
        in_table = bool(cells)
        others_row = data_rows or other_artefact(cells) or (license_column is not None and len(cells) > license_column and names_another_model(
            " ".join(cells[:license_column]), model_id))  # | Llama-3.2-3B | Llama 3.2 Community License | in a comparison
        use_columns = use_columns_of(cells, use_columns)
        if license_column is not None and len(cells) > license_column and names_this_model(" ".join(cells[:license_column]), model_id):
            row = Evidence("card-text", " ".join(line.split())[:300], "README.md", number)  # | Acme-7B | CC BY-NC 4.0 | 7B |
            detections += [dataclasses.replace(d, evidence=row) for d in license_statements(cells[license_column], number, named=True, model_id=model_id)]
        if use_columns and cells and use_cells_left > 0 and names_this_model(cells[0], model_id):  # | acme-1b | ❌ |
            row = Evidence("card-text", " ".join(line.split())[:300], "README.md", number)
            use_cells_left -= len(use_columns)  # a bound on the cells read: a hostile table of this model's rows stays cheap
            detections += [dataclasses.replace(d, evidence=row) for i, use in list(use_columns.items())[:MAX_USE_CELLS]
                           if i < len(cells) and cells[i]
                           for d in card_restrictions(f"{use}: {cells[i]}.", number) if d.matcher == "card-text-restrictions"]
        filled = [c for c in cells if c]  # an HTML row's cells come with empty ones between ("| | Commercial use | | ❌ |")
        if (len(cells) == 2 and all(cells)) or (len(cells) > 2 and cells[1] and USE_CELL.match(cells[0])):
            line = f"{cells[0]}: {cells[1]}."  # "| Commercial use | Not allowed | … |" reads as "Commercial use: Not allowed."
        elif len(filled) == 2 and USE_CELL.match(filled[0]):
            line = f"{filled[0]}: {filled[1]}."
        if ingredients and others_row and license_column is not None and len(cells) > license_column and not data_rows:
            row = Evidence("card-text", " ".join(line.split())[:300], "README.md", number)  # an ingredient's terms pass on
            detections += [dataclasses.replace(d, evidence=row) for d in listed_terms(f"{cells[0]} ({cells[license_column]})", number)]
        if in_section and offset < len(raw) and not others_row:
            sections[-1].append((number, raw[offset]))
        if not line.strip():
            continue
        field = LICENSE_FIELD.match(line)
        about_model = model_licensed(line)
        if (in_section or field or about_model) and not others_row:
            detections += [d for d in license_statements(line, number, named=in_section or bool(field and "|" in field.group(0)),
                                                         model_id=model_id)
                           if not sibling_subject(d.evidence.quote, model_id, line)]  # "The 34B checkpoint is under …"
        bases = [] if recipe and is_model_field(line) else base_mentions(line, number, model_id) or _linked_base(
            line, raw[offset] if offset < len(raw) else "", number)
        detections += bases
        family = None if bases or base_doubt else possible_base(line, model_id)
        if family:
            base_doubt = [Detection(DOUBT, LicenseClass.UNKNOWN, Evidence("card-text", " ".join(line.split())[:300], "README.md", number),
                                    name="a possible base model named in the card", confidence=0.4,
                                    reason=f"the card names {family} where it says how the model was made; if it is built on "
                                           f"{family}, its terms apply: check its base")]
        detections += inherited_terms(line, number)
        detections += from_scratch(line, number)
        restricted: list[Detection] = []
        if data_rows and not names_this_model(line, model_id) and not ABOUT_WEIGHTS.search(line):
            pass  # "| PubMed Central OA subset | 7.1B | CC licences (commercial-use subset only) |": the data's terms
        elif not in_section and (field or about_model or prohibitive(line)):
            restricted = card_restrictions(line, number, outside_terms=True, after=_next_in_paragraph(joined, visible, offset),
                                            model_id=model_id)
            detections += restricted
        elif not in_section and not doubts and not answered_yes(line, joined, offset):
            doubts = doubt(line, number)
        if line != visible[offset]:  # what the joined sentence found needs no second look
            detections += _own_lines(visible, joined, offset, first_line, bases=not bases,
                                     restrictions=not in_section and not restricted, model_id=model_id)
    for section in sections:
        detections = _pasted_license(section, detections)
    detections += listed_bases(visible, raw, first_line)  # the lines read above, not the body parsed again
    siblings = sibling_items(visible, first_line, own_repo_name(model_id)) if model_id else frozenset()
    detections = [d for d in detections if not (d.evidence.line in siblings and d.classification is LicenseClass.CUSTOM_RESTRICTED
                                                and d.matcher in ("card-text-base-model", "card-text-license"))]
    if doubts and not any(d.matcher == "card-text-restrictions" for d in detections):
        detections += doubts
    if not any(d.matcher == "card-text-base-model" or (d.matcher == FROM_SCRATCH and scratch_is_own(d, model_id)) for d in detections):
        detections += base_doubt  # (a family named near "we … trained" on a card that says this model is from scratch)
    if any(d.matcher == FROM_SCRATCH for d in detections):  # "Llama 2 is under its license; ours is trained from scratch"
        detections = [d for d in detections if d.name != OTHERS_TERMS]
    unique: dict[tuple[str, str | None], Detection] = {}
    for d in detections:
        unique.setdefault((d.matcher, d.key or d.name), d)
    return list(unique.values())


#: A line that starts a sentence of its own (a capital, after any markup), not the continuation of the one above.
_SENTENCE_START = re.compile(r"^[\W_]*(?-i:[A-Z0-9])|^[^\x00-\x7f]")


def _next_in_paragraph(joined: list[str], visible: list[str], offset: int) -> str:
    """The sentence that follows a joined line in its paragraph (on a line of its own), or ""."""
    index = offset + 1
    while index < len(joined) and not joined[index] and visible[index].strip():
        index += 1
    return joined[index] if index < len(joined) and visible[index].strip() and offset + 1 < len(visible) and visible[
        offset + 1].strip() else ""


def _own_lines(visible: list[str], joined: list[str], start: int, first_line: int, bases: bool, restrictions: bool,
               model_id: str | None = None) -> list[Detection]:
    """Joining a paragraph may only add findings: a restriction or a base that one of its lines states on its own, a
    line that starts a sentence ("Training data: a mix of public web text and news corpora" / "For research use
    only."), is found on that line even when the joined sentence reads as about something else."""
    found: list[Detection] = []
    end = start + 1
    while end < len(joined) and not joined[end] and visible[end].strip():
        end += 1
    for index in range(start, end):
        piece, number = visible[index], first_line + index
        if index > start and not _SENTENCE_START.match(piece):
            continue  # "a candidate, but its licence requires …" continues the sentence above: read only joined
        found += base_mentions(piece, number, model_id) if bases else []
        if restrictions and (LICENSE_FIELD.match(piece) or model_licensed(piece) or prohibitive(piece)) and not binds_nobody(
                joined[start] + " " + _next_in_paragraph(joined, visible, start)):  # ("… This is a request, not a legal
            # condition." unbinds its paragraph's lines)
            found += card_restrictions(piece, number, outside_terms=True, model_id=model_id)
    return found


#: A model repo's address on the Hub ("https://huggingface.co/Sao10K/L3-8B-Stheno-v3.2").
_HUB_REPO_URL = re.compile(r"https?://(?:www\.)?(?:huggingface\.co|hf\.co)/([\w.-]+/[\w.-]+)")


def _linked_base(line: str, raw: str, number: int) -> list[Detection]:
    """"Original model: https://huggingface.co/ORG/NAME": a base named only by its address, which the visible text
    drops, read as if the line named the repo ("Original model: ORG/NAME")."""
    repos = [r for r in _HUB_REPO_URL.findall(raw) if r.rsplit("/", 1)[-1].lower() not in line.lower()] if "huggingface" in raw or "hf.co" in raw else []
    return base_mentions(f"{line.rstrip()} {repos[0]}", number) if repos else []


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
