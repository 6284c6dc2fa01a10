"""Claim detection: "open source" said of the model in the card body (never its YAML), sentence by sentence.

Targets (every "open source" mention, in any language) are found once; `claims.scope.decide` judges each one in a
bounded window (docs/CLAIMS.md). Linear in the body: no step rescans text it has passed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.cards.claims.names import names_this_model, own_names
from auditor.cards.claims.scope import WINDOW, Decision, decide
from auditor.cards.claims.surround import (about_another, about_the_base, in_label, leads_in_for_another, named_link_labels,
                                           opens_with_another, pasted_from_another)
from auditor.cards.claims.tables import html_table_claims, key_value_rows, table_claims
from auditor.cards.claims.text import sentences, units, visible_lines
from auditor.cards.claims.title import with_title
from auditor.cards.claims.whose import names_only_another
from auditor.cards.claims.words import vocabulary
from auditor.models import Claim

__all__ = ["Mention", "find_claims", "find_honest_wording", "mentions", "visible_lines"]

_ABOUT_MODEL = re.compile(r"\b(?:model|weights|checkpoints?|llm|we|our|this|release[sd]?|releasing)\b|模型|모델|モデル",
                          re.IGNORECASE)
_LIST_OR_QUOTE = (">", "-", "*")
#: Mentions judged per card: real cards have a few dozen; a card repeating the words thousands of times gets its
#: first MAX_MENTIONS judged, which bounds the work whatever the card (claims found among them are all reported).
MAX_MENTIONS = 200
#: A table row that does not name this model ("| Mixtral-8x7B | open source | ... |") speaks of another one.
_OTHER_ROW = Decision(False, "model", "table-row-other")
#: Under a heading about something else ("## About Jan", "## Llama 2" on a fine-tune), a mention with no subject
#: of its own is about that thing.
_OTHER_SECTION = Decision(False, "model", "section-of-other")
#: Claims decided with no subject of their own (the mention's clause names none).
_WEAK = frozenset({"about-model", "no-other-subject", "rank", "own-artefact", "description"})
#: A list item with no subject of its own, under a lead-in sentence about something else ("Jan is an app that is:"
#: then "- Open Source & Free: we build in public"), says it of that thing.
_OTHER_LIST = Decision(False, "model", "list-of-other")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")
#: Claims decided only because nothing else applied (no subject, no rank, no tagline): in a sentence that names
#: another model and nothing of this one ("Mistral and open-source results are taken from their papers"), about it.
#: Not when the mention opens the sentence, a tagline of the card's own model ("A fully open-source fine-tune of X").
_UNNAMED = frozenset({"about-model", "no-other-subject", "own-artefact"})
_TAGLINE = re.compile(r"^[\W_]*(?:an?\s+)?(?:(?:fully|completely|truly|entirely|100%)\s+)?$|"  # the noun first in other
                      r"^[\W_]*(?:(?:un|una|um|uma|el|o)\s+)?(?:modelo|modèle|modello|mô hình)(?:\s+(?:de\s+)?(?:lenguaje|linguagem|"
                      r"langage|linguaggio|ngôn ngữ))?\s+(?:de\s+|di\s+)?$", re.IGNORECASE)  # languages: "Modelo de código aberto …"
_OTHER_NAMED = Decision(False, "model", "sentence-of-other")
#: A sentence whose subject is a Chinese model name ("寒山法律大模型基于 Qwen2.5-7B 微调，完全开源"): a name the repo id
#: cannot give, but its own model's, as the card's opening sentence (the base it names comes after 基于).
_CJK_MODEL_SUBJECT = re.compile(r"^[\W_]*[^\x00-\x7f，。、；：！？（）]{1,16}(?:大模型|大語言模型|大语言模型|模型|助手|助理)(?:\s*[（(][^）)]{0,20}[）)])?\s*(?:基于|基於|是|为|為|在)|"
                                r"^[\W_]*(?:基于|基於)\s*[^，。；]{1,40}?的[^，。；]{0,24}(?:模型|权重|權重|适配器|LoRA)|"  # 基于 X 的 … LoRA 权重，完全开源
                                r"^[\W_]*(?![这這那它此其])[^\x00-\x7f，。、；：！？（）]{1,12}(?:是|为|為)\s*(?:一[个個款种種])?\s*(?:基于|基於)")  # 云笺是基于 X
#: A sentence with no subject of its own ("Open-source and free.", "Both are open source.") continues the sentence
#: before it in the paragraph; when that one opens with another named thing ("Unsloth: finetune 2x faster!",
#: "QuantKit is a toolkit.", "Jan, an app for …"), it is said of that thing.
_PREVIOUS_OTHER = Decision(False, "model", "previous-sentence-other")
_PRONOUN_OPENING = re.compile(r"^[\W_]*(?:(?:they|both|these|those|all of them|each of them|both of them)\s+(?:are|were)|"
                              r"it\s+(?:is|was)|it['’]s)\b", re.IGNORECASE)  # ("GPT-Neo 125M is …. It is an open source …")
#: An unticked task-list item ("- [ ] Open-source the prompt enhancer") names work not done; with no subject and no
#: model noun, it is a component's plan, not a claim ("- [ ] Open-source the model weights" names this release).
_OPEN_TASK = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])?\s*\[ \]\s")
_PLANNED = Decision(False, "model", "open-task")
#: Inside a section pasted from another model's card (on a fine-tune): its claims, unless they name this model.
_PASTED_SECTION = Decision(False, "model", "pasted-card-of-other")
_PASTED_RULES = _WEAK | {"own-subject", "group-membership"}
#: The other model a sentence names is what this one is built on ("Qwen-72B をベースにした…オープンソース対話モデルです",
#: "…，基于 Qwen2.5-0.5B"): the sentence is still about this model.
_BASE_MARKER = re.compile(r"をベース|を基に|をもとに|に基づ|基于|基於|基础上|基礎上|기반으로|\bbased on\b|\bfine-?tuned from\b|"
                          r"\bzbudowany na bazie\b|ต่อยอดจาก|\bbasad[oa] en\b|\bbasead[oa] em\b|\bbasée? sur\b|\bbasierend auf\b|"
                          r"\btabanlı\b|на основе|الضبط الدقيق ل|(?:مبني|مبنى|قائم)\s+على|(?:استنادا|استناداً|بناء|بناءً)\s+(?:إلى|على)|"
                          r"\bdựa trên\b|\bberbasis\b|\bbasato su\b", re.IGNORECASE)
#: A marker followed by a design, not a model ("basato su un'architettura transformer", "based on the transformer
#: architecture"): nothing this model is built on.
_DESIGN_AFTER = re.compile(r"\W*(?:(?:a|an|the|un|una|uno|un['’]|l['’]|la|il|el)\s*)?(?:[\w-]+\s+){0,2}?(?:architect\w*|arquitect\w*|"
                           r"architett\w*|arsitektur\w*|kiến trúc|transformers?\b|архитектур\w*)", re.IGNORECASE)
_CHINESE_BASE = re.compile(r"基于|基於|基础上|基礎上")


def _built_on_another(sentence: str, position: int) -> bool:
    """Does the sentence say this model is built on the other model it names, outside the mention's own phrase (the
    marker after the mention, or before it across a clause break, though not a Chinese 基于: "基于快手开源的可图训练的 LoRA",
    "这是基于 Qwen，阿里开源的模型" are about Kolors and Qwen)?"""
    return any((m.start() > position or (not _CHINESE_BASE.match(m.group(0)) and re.search(r"[、，,]", sentence[m.end():position])))
               and not _DESIGN_AFTER.match(sentence, m.end()) for m in _BASE_MARKER.finditer(sentence[:2000]))  # (a Chinese 基于 X， … before the mention is an aside on X)


_WE = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
#: A heading over this model's own part of a card that pastes its base's: "### Our release", "## Changes", "## This fine-tune".
_OWN_HEADING = re.compile(r"\b(?:our|ours|we|changes|changelog|this\s+(?:model|fine-?tune|finetune|release|version|repo(?:sitory)?|lora|adapter|merge))\b",
                          re.IGNORECASE)
#: The fine-tune itself, under a heading about its base ("this fine-tune", "the fine-tuned weights in this repo").
_THIS_DERIVATIVE = re.compile(r"\bthis\s+(?:fine-?tune|finetune|lora|adapter|repo(?:sitory)?|merge|quant\w*)\b|"
                              r"\b(?:this|our)\s+fine-?tuned\s+(?:weights|models?|checkpoints?)\b|"
                              r"\bfine-?tuned\s+(?:weights|models?|checkpoints?)\s+in\s+this\s+repo", re.IGNORECASE)
#: A line of links and nothing else ("Follow us: [Twitter](…) · [Blog](…) · [Open Source](…)", HTML <a> bars): the
#: mentions are link labels (where the link goes), read on the card's raw line since the targets are blanked.
_LINK = r"(?:\[[^\]\n]{1,60}\]\([^)\n]{0,300}\)|<a\b[^>\n]{0,300}>[^<\n]{1,60}</a>)"
_LINK_LINE = re.compile(rf"^(?:[^\[<\n:]{{0,30}}:\s*)?(?:{_LINK}[\s·•|/,-]*){{2,}}$")
_LABEL = Decision(False, "model", "link-label")
#: This model's row of a table says yes in an "Open source" column.
_TABLE_COLUMN = Decision(True, "model", "table-column")


@dataclass(frozen=True, slots=True)
class Mention:
    """One "open source" mention and the decision about it (for benchmarks, tests and reviewers)."""

    line: int
    phrase: str
    quote: str
    decision: Decision


def _one_cell(row: str) -> bool:
    """Is a table row a single cell ("| We release the weights as open source. |": a one-column box of prose)? Only
    a row of several cells can be another model's row of a comparison."""
    return row.strip().strip("|").count("|") == 0


def _cjk_subject_before(sentence: str, position: int) -> bool:
    """Does the sentence open with a Chinese model name or "基于 X 的 … 模型/权重" ending before the mention?"""
    subject = _CJK_MODEL_SUBJECT.match(sentence)
    return bool(subject) and subject.end() <= position


def _quote(sentence: str, start: int) -> str:
    text = sentence[max(0, start - 150):start + 150] if len(sentence) > 2 * WINDOW else sentence
    return " ".join(text.strip().lstrip("#>*-| ").split())[:300]


def mentions(body: str, first_line: int = 1, model_id: str | None = None,
             base_models: tuple[str, ...] = ()) -> Iterator[Mention]:
    """Every "open source" mention of the body's prose, with its decision: tables' "open source" columns first,
    then the prose in order. `base_models` (the front matter's `base_model` ids) keep a title copied from a base's
    card from being taken as one of this model's names."""
    vocab = vocabulary()
    target, answer = vocab.modifiers[("target", "-")], vocab.modifiers[("question-yes", "-")]
    budget = MAX_MENTIONS
    lines = visible_lines(body)
    raw_lines = body.split("\n")  # visible_lines keeps the line count
    names = with_title(own_names(model_id), model_id, lines, tuple(base_models))
    for index, phrase, quote in table_claims(lines, target, names):
        yield Mention(first_line + index, phrase, quote, _TABLE_COLUMN)
    if "<th" in body or "<TH" in body:
        for index, phrase, quote in html_table_claims(raw_lines, lines, target, names):
            yield Mention(first_line + index, phrase, quote, _TABLE_COLUMN)
    section_other = lead_other = pasted = base_section = False
    pasted_level: int | None = None  # the heading level a pasted card began under (0: a line said the rest is pasted)
    keyed = key_value_rows(lines)  # "| License | Apache-2.0 (open source) |": a field of this model
    found_units = units(lines)
    links = "](" in body  # (once: the unit's raw lines are read for link labels only when the card has links)
    for position_unit, (first, text, heading) in enumerate(found_units):
        if heading:
            section_other = about_another(text, names)
            base_section = about_the_base(text, names)
            level, reach = len(text.lstrip()) - len(text.lstrip().lstrip("#")), pasted_from_another(text, names)
            if not (pasted and pasted_level is not None and level > pasted_level) or _OWN_HEADING.search(text) or (
                    names_this_model(text, names) and not reach):  # its subheadings are the card's too, unless one is
                # this model's own part ("### Our release", "# Changes in Finch-8B")
                pasted = bool(reach) or base_section
                pasted_level = level if pasted else None
        elif not pasted and "\n" not in text:
            reach = pasted_from_another(text, names)  # "*(from the Falcon-40B model card)*": until the next heading;
            pasted, pasted_level = bool(reach), 0 if reach == "rest" else None  # "Below is the base model card": the rest
        listed = bool(_LIST_ITEM.match(text))
        if not listed:  # a list continues the sentence that introduces it ("Jan is an open source app that is:")
            lead_other = not heading and leads_in_for_another(text, names)
        if not target.search(text):
            continue
        if text.lstrip().startswith(_LIST_OR_QUOTE) and vocab.test("citation", "sentence", text):
            continue  # a quoted or listed reference: paper titles are not claims
        if vocab.test("prompt", "unit", text):
            continue  # a line of a conversation or prompt template
        raw = raw_lines[first] if first < len(raw_lines) and "\n" not in text else ""
        link_line = bool(raw) and len(raw) < 2000 and bool(_LINK_LINE.match(raw.strip()))
        labels = named_link_labels("\n".join(raw_lines[first:first + text.count("\n") + 1]), target, names) if (
            links) else ()
        other_row = text.lstrip().startswith("|") and first not in keyed and not _one_cell(text) and not (
            names_this_model(text, names))
        line, counted = first, 0
        found = list(sentences(text))
        for number, (offset, sentence) in enumerate(found):
            if not target.search(sentence):
                continue
            if sentence.rstrip().endswith(("?", "？")):
                reply = found[number + 1][1].strip() if number + 1 < len(found) else ""
                if not reply and number + 1 == len(found) and position_unit + 1 < len(found_units):
                    reply = found_units[position_unit + 1][1].strip()  # a FAQ: the answer is the next paragraph
                if not answer.search(reply.lstrip("*_> ")):
                    continue  # a question is a claim only when the card answers it with yes
            opener = vocab.find("opener", "sentence", sentence)  # "In short, …", "Note: …": judged without it
            cut = opener.end() if opener else 0
            for match in target.finditer(sentence):
                if budget == 0:
                    return
                budget -= 1
                position = offset + match.start()
                line += text.count("\n", counted, position)
                counted = position
                said, shift = (sentence[cut:], cut) if match.start() >= cut else (sentence, 0)
                decision = _LABEL if link_line else _OTHER_ROW if other_row else decide(
                    said, match.start() - shift, match.end() - shift, heading, names)
                if decision.rule in _WEAK and labels and in_label(sentence, match.start(), labels):
                    decision = _LABEL
                elif decision.rule == "no-other-subject" and _OPEN_TASK.match(text):
                    decision = _PLANNED
                elif section_other and decision.rule in _WEAK and not heading:
                    decision = _OTHER_SECTION
                elif pasted and decision.rule in _PASTED_RULES and not heading and not names_this_model(sentence, names) and (
                        not _WE.search(sentence)) and not (base_section and _THIS_DERIVATIVE.search(sentence)):
                    # ("We release our fine-tune fully open source", "Like its base, this fine-tune is …" are this model's)
                    decision = _PASTED_SECTION
                elif lead_other and listed and decision.rule in _WEAK:
                    decision = _OTHER_LIST
                elif number and (decision.rule in _UNNAMED or _PRONOUN_OPENING.match(sentence)) and decision.claim and (
                        opens_with_another(found[number - 1][1], names)):
                    decision = _PREVIOUS_OTHER
                elif decision.rule in _UNNAMED and not _TAGLINE.match(said[:match.start() - shift]) and not (
                        _cjk_subject_before(sentence, match.start())) and not _built_on_another(sentence, match.start()) and (
                        names_only_another(sentence[max(0, match.start() - WINDOW):match.end() + WINDOW], names)):
                    decision = _OTHER_NAMED
                yield Mention(first_line + line, " ".join(match.group(0).split()), _quote(sentence, match.start()),
                              decision)


def find_claims(body: str, first_line: int = 1, model_id: str | None = None,
                base_models: tuple[str, ...] = ()) -> tuple[Claim, ...]:
    """Every "open source" claim about the model (`model_id`, `org/name`, gives its own names), one per sentence,
    with its line in README.md and what it is about (the model, or its code). `base_models`: the ids the front
    matter's `base_model` names; a card title equal to one of their names is the base's, not this model's."""
    claims: list[Claim] = []
    last: tuple[int, str] | None = None
    for mention in sorted(mentions(body, first_line, model_id, base_models), key=lambda m: m.line):
        if not mention.decision.claim or (mention.line, mention.quote) == last:
            continue
        last = (mention.line, mention.quote)
        confidence = "high" if _ABOUT_MODEL.search(mention.quote) else "medium"
        claims.append(Claim(quote=mention.quote, line=mention.line, phrase=mention.phrase, confidence=confidence,
                            about=mention.decision.about))
    return tuple(claims)


def find_honest_wording(body: str, first_line: int = 1) -> tuple[Claim, ...]:
    """Accurate openness wording ("open weights", "openly available"): worth reporting, never a claim."""
    honest = vocabulary().modifiers[("honest", "-")]
    found: list[Claim] = []
    for offset, line in enumerate(visible_lines(body)):
        match = honest.search(line)
        if match:
            quote = " ".join(line.strip().lstrip("#>*-| ").split())[:300]
            found.append(Claim(quote=quote, line=first_line + offset, phrase=match.group(0), confidence="high"))
            if len(found) == 5:
                break
    return tuple(found)
