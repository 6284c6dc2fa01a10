"""Card-text matchers for terms another model holds: a base family's terms named by the family ("the Gemma license"),
and terms deferred to a base the card does not name ("same license as the base model")."""

from __future__ import annotations

import re

from auditor.cards.terms.bases import CJK_SEAM, derived_from
from auditor.engine.families import base_family_key, family_detection, family_title, load_base_families, names_a_family
from auditor.engine.labels import resolve_label
from auditor.engine.references import find_named_terms, find_references
from auditor.engine.restrictions import sentences
from auditor.models import Detection, Evidence, LicenseClass

#: After a family's name, the words that make it that family's terms ("the Gemma license", "Llama 2 acceptable use policy").
_TERMS_AFTER = re.compile(r"[\w.+\- ]{0,25}?(?:\b(?:licen[cs]es?|terms|acceptable use|use polic(?:y|ies)|aup)\b|"
                          r"许可|协议|使用条款|ライセンス|利用規約|라이선스|라이센스|이용\s*약관)", re.IGNORECASE)
#: Before a family's name, the words that make it that family's terms ("the same license as StarCoder").
_TERMS_BEFORE = re.compile(r"(?:\b(?:licen[cs]es?|terms(?: of use)?)\s+(?:as|of|from|that of)|"
                           r"\b(?:licen[cs]es?|terms)\b[^.]{0,40}\b(?:(?:the\s+)?same\s+as|identical\s+to|that\s+of))\s+(?:the\s+)?"
                           r"(?:original\s+|base\s+)?(?:model\s+)?$", re.IGNORECASE)  # "The license of this model is the same as Llama 3"


def family_terms(line: str, number: int) -> list[Detection]:
    """"This model is governed by the Gemma license": a base family's terms named by the family, not by the title
    (the caller has made sure the line is about the weights, not the code)."""
    text = CJK_SEAM.sub(" ", line)
    if not names_a_family(text) or derived_from(line):
        return []  # a line that says the model derives from the family is a base mention
    stated = " ".join(s for _, s in sentences(text) if not s.endswith("?"))  # "Is it under the Llama licence? No."
    for pattern, key in load_base_families():
        named = pattern.search(stated)
        if named and (_TERMS_AFTER.match(stated, named.end()) or _TERMS_BEFORE.search(stated[max(0, named.start() - 60):named.start()])):
            return [family_detection("card-text-license", key, Evidence("card-text", " ".join(line.split())[:300], "README.md", number),
                                     confidence=0.6, reason=f"the card names the terms of {named.group(0)}: {family_title(key)}")]
    return []


#: "The license follows the base model", "see the LICENSE of the original model": terms that are another model's.
_INHERITED = re.compile(
    r"\b(?:licen[cs]es?|terms(?: of use)?)\b[^.]{0,60}?\b(?:same as|follows?|following|inherit\w*|see|refer to|consult|identical to|"
    r"as per|according to|governed by|subject to|that of|depends? on|determined by|of|from|as)\b[^.]{0,40}?\b"
    r"(?:base|original|parent|upstream|foundation|underlying|pre-?trained|source) (?:models?|weights|checkpoints?)\b|"
    r"\b(?:inherits?|follows?|retains?|keeps?|carr(?:y|ies) over|adopts?|uses?) the (?:same )?(?:licen[cs]es?|terms)\b(?! (?:below|above))"
    r"(?:[^.]{0,30}\b(?:base|original|parent|upstream|foundation|underlying|pre-?trained|source) (?:models?|weights|checkpoints?)\b|\W*$)|"
    r"(?:遵循|遵守|沿用|继承|参见|参考|同)(?:原|原始|基座|基础|底座|上游)模型(?:的)?(?:许可|协议|开源协议|license)",
    re.IGNORECASE)


#: A License field's value before an aside: "License: MIT (same as the base model)".
_FIELD_VALUE = re.compile(r"^\W*(?:model |weights? )?licen[cs]es?\W{0,4}[:：][\s*_`]*([\w.+-]+(?: [\w.+-]+){0,3}?)[\s*_`]*[(（,;—–-]|"
                          r"^\W*licen[cs]es?\b[^:：]{0,40}[:：][\s*_`]*([\w.+-]+(?: [\w.+-]+){0,3}?)[\s*_`.]*$",
                          re.IGNORECASE)  # "License of the original model: MIT."

#: The name of a detection that defers the terms to the base model (classify lets a declared `base_model` settle it).
INHERITED = "the base model's license"


def inherited_terms(line: str, number: int) -> list[Detection]:
    """"License: same as the base model": the terms are another model's, which the line does not name. Unknown, and
    deciding: no verdict may be OSI-approved on a card that defers its terms to something the tool has not read.
    A line that names the license or the base ("the same license as Llama 2") is read by the other matchers."""
    lowered = line.lower()
    found = _INHERITED.search(line) if any(w in lowered for w in ("licen", "terms", "许可", "协议")) else None
    value = _FIELD_VALUE.match(line) if found else None  # "License: MIT (same as the Phi-3 base model)": it is named
    if not found or find_references(line, number, named=True) or find_named_terms(line, number, named=True) \
            or base_family_key(CJK_SEAM.sub(" ", line)) or (value and resolve_label((value.group(1) or value.group(2)).rstrip("."))):
        return []
    return [Detection("card-text-license", LicenseClass.UNKNOWN, Evidence("card-text", " ".join(line.split())[:300], "README.md", number),
                      name=INHERITED, confidence=0.5,
                      reason="the card says its terms are those of the base model without naming them; read the base model's terms")]
