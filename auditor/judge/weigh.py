"""Lineage evidence weighed by its strength (`lineage-evidence.tsv`): what a tag or a family word in the id may decide."""

from __future__ import annotations

import dataclasses
import re

from auditor.cards.terms.scratch import FROM_SCRATCH, names_this_model
from auditor.engine.families import lineage_strengths
from auditor.models import Detection, LicenseClass

#: The matchers of the card's own license declaration, against which weak lineage evidence is weighed.
_DECLARED = ("card-license-id", "card-license-name")
#: A from-scratch statement about this model, not one copied about the model it re-uploads ("Yi was trained from scratch").
_THIS_MODEL = re.compile(r"\b(?:this|our) (?:\w+ ){0,2}(?:model|llm|checkpoint)s?\b|\bwe\b|本模型|我们|本モデル|私たち|이 모델|저희|"
                         r"^\W*an? (?:[\w.-]+ ){0,3}(?:model|llm|checkpoint)\b", re.I)  # a card opening "A 1B model trained …"


def about_this_model(quote: str, model_id: str | None) -> bool:
    """Whether a sentence speaks of this model: it names the repo ("Stockmark-13b is ..."), "this model" or "we"."""
    return bool(_THIS_MODEL.search(quote)) or names_this_model(quote, model_id)


def precedence(detection: Detection) -> int:
    """Breaks ties between equally restrictive detections: the model's own terms first, then lineage evidence by
    strength, so the verdict quotes the strongest line ("It is an extension of Llama-2-70b", not the repo id)."""
    rows = lineage_strengths()
    row = rows.get(detection.matcher)
    return row.strength if row else 1 + max((r.strength for r in rows.values()), default=0)


def weigh_lineage(detections: list[Detection], model_id: str | None = None) -> list[Detection]:
    """Restrictive lineage evidence, each kind as strong as the table says. A kind that yields to a from-scratch
    statement about this model ("Stockmark-13b is pretrained from scratch" beside a `llama-2` tag: the tag names the
    architecture) no longer decides;
    a kind that does not restrict under an open license gives `unknown`, naming both, where the card declares an
    OSI-approved or open license. Stronger evidence (a `base_model`, a base named in prose) is never weakened."""
    scratch = next((d for d in detections if d.matcher == FROM_SCRATCH and about_this_model(d.evidence.quote, model_id)), None)
    declared = [d for d in detections if d.matcher in _DECLARED and d.decides and d.classification.rank < LicenseClass.UNKNOWN.rank]
    weighed: list[Detection] = []
    for d in detections:
        row = lineage_strengths().get(d.matcher)
        if row is None or d.classification is not LicenseClass.CUSTOM_RESTRICTED:
            weighed.append(d)
        elif scratch is not None and row.yields_to_from_scratch:
            weighed.append(dataclasses.replace(
                d, classification=LicenseClass.UNKNOWN, decides=False, key=None, spdx=None, osd=(), name=f"not {d.name}",
                reason=f"{row.evidence} names a family under {d.name}, but the card says the model was trained from scratch "
                       f"(line {scratch.evidence.line}: {scratch.evidence.quote[:120]!r}): it names the architecture, not a base"))
        elif declared and not row.restricts_under_open_license:
            labels = ", ".join(f"{x.evidence.quote} ({x.classification.value})" for x in declared)
            weighed.append(dataclasses.replace(
                d, classification=LicenseClass.UNKNOWN, key=None, spdx=None, osd=(), name=f"possibly {d.name}",
                reason=f"{row.evidence} names a family under {d.name}, but the card declares {labels} and names no such "
                       "base: which model it was built on decides; check its lineage"))
        else:
            weighed.append(d)
    return weighed
