"""Card-text restrictions: the use restrictions a card imposes, each judged on its own clause (this model's, not the
data's nor another model's), and doubts that only bar an open verdict."""

from __future__ import annotations

import re

from auditor.cards.bases import CJK_SEAM, family_terms
from auditor.engine.families import names_a_family
from auditor.engine.restrictions import Hit, find_restrictions, osd_text
from auditor.models import Detection, Evidence, Finding, LicenseClass, Severity

#: Words that make a clause about the weights, or about the data ("the training data is for research only").
ABOUT_WEIGHTS = re.compile(r"\b(?:model|weights|checkpoints?|parameters)\b", re.IGNORECASE)
ABOUT_DATA = re.compile(r"\b(?:data(?:sets?)?|corpus|corpora|images|benchmarks?|annotations|"
                        r"(?:evaluation|eval|test|training|validation|dev) (?:set|split)s?)\b", re.IGNORECASE)


#: The matcher of a possible restriction: classify lets it bar an open verdict, and nothing else.
DOUBT = "card-text-doubt"
#: Detectors too loose to raise a doubt on their own ("it won't compete with larger models").
_NO_DOUBT = frozenset({"no-compete"})


def doubt(line: str, number: int) -> list[Detection]:
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
    """The restriction hits of a line, without those about the data ("the training data is for research only"), each
    judged on its own clause ("the dataset is for non-commercial research only, but the model is Apache-2.0")."""
    return tuple(h for h in find_restrictions(line, number) if any(
        not (ABOUT_DATA.search(clause) and not ABOUT_WEIGHTS.search(clause))
        and not (h.code == "non-commercial" and _NC_DATA.search(clause) and not _NC_USE.search(clause))
        for clause in _restricting_clauses(h)))


#: Where one clause of a sentence ends and another, about something else, begins.
_CLAUSE_BREAK = re.compile(r";|,\s*(?:but|while|whereas|although|though|yet|and)\b|\s(?:but|whereas)\s", re.IGNORECASE)


def _restricting_clauses(hit: Hit) -> list[str]:
    """The clauses of a hit's sentence that hold its restriction (the whole sentence when it has one clause)."""
    parts = _CLAUSE_BREAK.split(hit.quote)
    found = [p for p in parts if any(h.code == hit.code for h in find_restrictions(p))] if len(parts) > 1 else []
    return found or [hit.quote]


#: Another model named as the subject of a restriction ("Alpaca was released for research use only").
_OTHER_MODEL = re.compile(r"\b(?:chat-?gpt|gpt-?[34][\w.-]*|openai|claude|gemini)\b", re.IGNORECASE)
_THIS_MODEL = re.compile(r"\b(?:this|our|these|the)\s+(?:[\w-]+\s+){0,2}(?:model|weights|checkpoints?|release|llm)s?\b|\bwe\b|"
                         r"\byou\b|本模型|我们|本モデル|이 모델", re.IGNORECASE)


def _about_another_model(hit: Hit) -> bool:
    """Outside the License section, the restriction is said of another, named model ("Alpaca 7B is for research use
    only"), not of this one nor of a family's terms ("the Llama 3 Community License and its use policy"): a doubt."""
    return all(not _THIS_MODEL.search(clause) and not family_terms(clause, hit.line)
               and bool(_OTHER_MODEL.search(clause) or names_a_family(CJK_SEAM.sub(" ", clause)))
               for clause in _restricting_clauses(hit))


#: "trained on non-commercial data": the data's terms, not a use restriction on the model.
_NC_DATA = re.compile(r"\bnon-?commercial (?:\w+ )?(?:data(?:sets?)?|corpus|corpora|images|sources?|texts?)\b", re.IGNORECASE)
_NC_USE = re.compile(r"\bnon-?commercial (?:use|usage|purposes?|licen[cs]e|research|only)\b|\bnot for commercial\b|"
                     r"\b(?:strictly|only|exclusively|purely)\s+non-?commercial\b", re.IGNORECASE)


def card_restrictions(line: str, number: int, outside_terms: bool = False) -> list[Detection]:
    """Use restrictions the card itself imposes ("you may not use this model for military purposes"), not the
    terms of a dataset it names ("the training data is for non-commercial use only")."""
    hits = [h for h in _kept_hits(line, number) if not (outside_terms and _about_another_model(h))]
    if not hits:
        return doubt(line, number)  # said of another model ("Alpaca is for research use only"): checked, not taken
    return [Detection(
        "card-text-restrictions", LicenseClass.CUSTOM_RESTRICTED, Evidence("card-text", hits[0].quote, "README.md", hits[0].line),
        name="use restrictions stated in the card", osd=tuple(sorted({c for h in hits for c in h.osd})),
        reason="; ".join(sorted({h.description for h in hits})),
        restrictions=tuple(Finding("restrictive-clause", Severity.INFO, f"{h.description} — breaks {osd_text(h.osd)}",
                                   (Evidence("card-text", h.quote, "README.md", h.line),)) for h in hits))]
