"""Card-text restrictions: the use restrictions a card imposes, each judged on its own clause (this model's, not the
data's nor another model's), and doubts that only bar an open verdict."""

from __future__ import annotations

import re

from auditor.cards.terms.bases import CJK_SEAM
from auditor.cards.terms.clauses import CONTRAST, EARLIER, is_unbound, sibling_subject, unbound_sentences
from auditor.cards.terms.inherited import family_terms
from auditor.engine.families import names_a_family
from auditor.engine.restrictions import Hit, denies, find_restrictions, osd_text, sentences
from auditor.models import Detection, Evidence, Finding, LicenseClass, Severity

#: Words that make a clause about the weights, or about the data ("the training data is for research only").
ABOUT_WEIGHTS = re.compile(r"\b(?:model|weights|checkpoints?|parameters|merge|merged model|adapter|lora|fine-?tune)\b|"
                           r"\b(?:modelos?|modell[eios]?|modèles?|modelli|модел\w*|gewichte|pesos|poids|pesi|веса)\b|"
                           r"模型|权重|權重|モデル|모델",
                           re.IGNORECASE)
#: (not what a use produces: "may not be used … to generate data for commercial purposes" limits the model's use)
ABOUT_DATA = re.compile(r"(?<!generate )(?<!generating )(?<!produce )(?<!create )(?<!synthesi[sz]e )"
                        r"\b(?:data(?:sets?)?|corpus|corpora|images|"
                        r"benchmarks?|annotations|daten|datensatz|datensätze|données|datos|dados|dati|"
                        r"(?:evaluation|eval|test|training|validation|dev|sft|instruction|preference|fine-?tuning|dpo|rlhf) (?:set|split)s?)\b",
                        re.IGNORECASE)


#: The matcher of a possible restriction: classify lets it bar an open verdict, and nothing else.
DOUBT = "card-text-doubt"
#: Detectors too loose to raise a doubt on their own ("it won't compete with larger models").
_NO_DOUBT = frozenset({"no-compete"})


def doubt(line: str, number: int, unbound: frozenset[str] = frozenset()) -> list[Detection]:
    """A sentence a restriction detector flags that is not phrased as a term of this model ("Research use.", "the
    weights are non-commercial" in a list of models), or one that limits a use in words no detector knows
    (`_LIMITED_USE`): not proof of restricted terms, but enough that the verdict may not be OSI-approved — unknown,
    deciding, until a reader checks it."""
    hits = [h for h in _kept_hits(line, number) if h.code not in _NO_DOUBT and not is_unbound(h, unbound)
            and (h.code != "non-commercial" or _NC_USE.search(h.quote) or not _NC_WORD.search(h.quote))  # not "a non-commercial GPU cluster"
            and not ((_NOT_USED.search(h.quote) or re.search(_THAT_MODELS, h.quote, re.I)) and not _OWN_ARTEFACT.search(h.quote))]
    # "we planned to use X, but its license …", "that model's licence does not allow …"
    if hits:
        line, quote, what = hits[0].line, hits[0].quote, hits[0].description
    else:
        limited = next(((n, s) for n, s in sentences(line, number) if limits_use(s) and s not in unbound), None)
        if limited is None:
            return []
        line, quote, what = limited[0], limited[1][:400], "a use it limits"
    return [Detection(DOUBT, LicenseClass.UNKNOWN, Evidence("card-text", quote, "README.md", line),
                      name="a possible restriction stated in the card", confidence=0.4,
                      reason=f"the card says something that may restrict use ({what}); check whether it binds the model")]


_USE_WORDS = r"(?:(?<!non-)(?<!non)commercial(?:ly)?|business(?:es)?|compan(?:y|ies)|enterprises?|for-profit|monetiz\w*|resell\w*|resale)"
_LIMIT_WORDS = (r"(?:requires?|required|needs?|must|permission|approval|consent|pay|paid|fees?|subscription|purchase|contact|"
                r"prohibited|forbidden|restricted|not (?:allowed|permitted)|only)")
#: A use limited in words no detector knows ("companies should talk to us first" aside, "commercial users pay a
#: fee", "Apache 2.0 with additional restrictions"): a doubt, never a restriction.
_LIMITED_USE = re.compile(rf"\b{_USE_WORDS}\b[^.;:]{{0,60}}\b{_LIMIT_WORDS}\b|"
                          rf"\b{_LIMIT_WORDS}\b[^.;:]{{0,60}}\b{_USE_WORDS}\s+(?:use|usage|purposes?|deployment|exploitation|licen[cs]\w*)\b|"
                          r"\b(?:additional|extra|supplementary|following) (?:use |usage )?(?:restrictions?|limitations?)\b|"
                          r"\b(?:embargoed|sanctioned)\s+(?:countries|regions|territories|jurisdictions|persons|entities)\b|"  # export control
                          r"\b(?:derivatives?|fine-?tunes?|models?)\b[^.;]{0,40}\bmust\s+(?:include|contain|begin with|start with)\b[^.;]{0,40}\bname\b",
                          re.IGNORECASE)
#: What a limit on such a use may be and still be open: attribution, a notice, no fee ("commercial use needs attribution").
_NOT_A_LIMIT = re.compile(r"\battribut|\bcredit\b|\bcit(?:e|ation)\b|\bnotices?\b|\bcommercial (?:support|consulting)\b|\bno (?:[\w-]+ ){0,2}(?:permission|licen[cs]e|fee|"
                          r"registration|approval|payment)s?\b|\bnot (?:required|needed|necessary)\b|\bfree (?:for|of)\b|\bnot only\b|"
                          r"\b(?:crawled|scraped|collected|gathered|obtained|reproduced)\s+with\s+(?:\w+\s+)?permission\b|"  # data's provenance
                          r"\b(?:from|by|of)\s+(?:\w+\s+){0,3}(?:companies|partners|organi[sz]ations|hospitals|clinics|customers)\b[^.;]{0,30}"
                          r"\bwith\s+(?:their\s+)?(?:permission|consent)\b|"  # ("80k tickets, from three partner companies, with permission")
                          r"\bno additional restrictions\b|\b(?:beyond|outside(?: of)?|other than|in addition to)\s+(?:these|those|the(?: above| present)?|this)\s+(?:terms|licen[cs]e)\b|\bmay not (?:apply|impose)\s+(?:any\s+)?(?:legal terms|further restrictions|"
                          r"technological measures)", re.IGNORECASE)  # an open licence's own "no additional restrictions" clause
#: A copyleft's dual-licence offer: "If you need to use this in a closed-source product, you'll need an Enterprise License"
#: (an offer for a use the copyleft does not grant, not a limit; a prohibition is no offer).
_DUAL_OFFER = re.compile(r"\bif\s+you\s+(?:need|want|wish|plan)\s+to\s+use\b[^.;]{0,60}\b(?:closed[- ]source|proprietary)\b[^.;]{0,40}"
                         r"\b(?:need|require|contact)\w*\b[^.;]{0,30}\b(?:enterprise|commercial)\s+licen[cs]e\b", re.IGNORECASE)



def limits_use(sentence: str) -> bool:
    """Whether a clause of the sentence limits a use (`_LIMITED_USE`), not the data's, and does not deny it."""
    return _LIMITED_USE.search(sentence) is not None and not _DUAL_OFFER.search(sentence) and any(
        _LIMITED_USE.search(clause) and not _NOT_A_LIMIT.search(clause) and not denies(clause)
        and not (ABOUT_DATA.search(clause) and not ABOUT_WEIGHTS.search(clause)) for clause in _CLAUSE_BREAK.split(sentence))


def _kept_hits(line: str, number: int) -> tuple:
    """The restriction hits of a line, without those about the data ("the training data is for research only"), each
    judged on its own clause ("the dataset is for non-commercial research only, but the model is Apache-2.0")."""
    return tuple(h for h in find_restrictions(line, number) if any(
        not (ABOUT_DATA.search(clause) and not ABOUT_WEIGHTS.search(clause))
        and not (h.code == "non-commercial" and _NC_DATA.search(clause) and not _NC_USE.search(clause))
        and not _code_not_weights(clause, line)
        for clause in _restricting_clauses(h)))


#: A clause about the code ("the training code is for research only"), and one that grants the weights their terms.
_ABOUT_CODE = re.compile(r"\b(?:code(?:base)?|scripts?)\b", re.IGNORECASE)
_GRANT = re.compile(r"\b(?:apache|mit|cc[- ]by(?![- ]nc)|bsd|permissive(?:ly)?|(?:can|may) be used (?:commercially|for any purpose)|"
                    r"commercial use (?:is )?(?:allowed|permitted))\b", re.IGNORECASE)  # an open grant, named
_SAME_TERMS = re.compile(r"\b(?:the\s+)?same\s+(?:way|terms|licen[cs]e|conditions|restrictions)\b|\blikewise\b", re.IGNORECASE)


def _code_not_weights(clause: str, line: str) -> bool:
    """The restriction is said of the code, and another clause of the line gives the weights terms that restrict
    nothing ("The training code is for research only; the model weights are MIT and can be used commercially")."""
    if not _ABOUT_CODE.search(clause) or ABOUT_WEIGHTS.search(clause):
        return False
    return any(ABOUT_WEIGHTS.search(other) and _GRANT.search(other) and not _SAME_TERMS.search(other)
               and not find_restrictions(other) and not limits_use(other)
               for _, part in sentences(line) for other in _CLAUSE_BREAK.split(part) if other.strip() and other.strip() != clause.strip())


#: Where one clause of a sentence ends and another, about something else, begins.
_CLAUSE_BREAK = re.compile(r";|,\s*(?:but|while|whereas|although|though|yet|and|so)\b|\s(?:but|whereas)\s|"
                           r",\s*(?=(?:you|users?|licensees?|we)\s+(?:may|must|shall|can|cannot|will|agree)\b)|"
                           r",\s*(?=[*_]*(?-i:[A-Z])[\w.-]*(?:\s+[\w.-]+){0,2}[*_]*\s+(?:may|must|shall|can|cannot|is|are)\s+(?:only\s+)?"
                           r"(?:be\s+)?(?:used|licensed|released|available|distributed|provided)\b)|"  # ", Ubuntu-LM-3B may be used …"
                           r"\((?=\s*(?:v\d|version\s+\d|(?:the\s+)?(?:previous|earlier|older|first|prior)\s))",  # "(v1.0/v1.1 were
                           re.IGNORECASE)                                                         # research-only)"
#: (a comma before a new subject and its modal starts a clause of its own: "use is limited to X, you may not publish Y")


def _restricting_clauses(hit: Hit) -> list[str]:
    """The clauses of a hit's sentence that hold its restriction (the whole sentence when it has one clause); none
    when it is said only inside a contrast with another thing or of an earlier release."""
    parts = _CLAUSE_BREAK.split(hit.quote)
    own = [" " if EARLIER.match(p) else CONTRAST.sub(" ", p) for p in parts]
    if own != parts and not any(h.code == hit.code for h in find_restrictions(" ".join(own))):
        return []
    found = [p for p in own if any(h.code == hit.code for h in find_restrictions(p))] if len(parts) > 1 else []
    return found or [" ".join(own)]


#: Terms the card points at as another model's ("The X row is for reference; that model's licence does not allow …").
_THAT_MODELS = r"\b(?:that|those|the other)\s+(?:models?|ones?)['’]s?\s+(?:own\s+)?(?:licen[cs]es?|terms)\b"
#: Another model named as the subject of a restriction ("Alpaca was released for research use only").
_OTHER_MODEL = re.compile(r"\b(?:chat-?gpt|gpt-?[34][\w.-]*|openai|claude|gemini)\b|"
                          rf"{_THAT_MODELS}|"  # "that model's licence"
                          r"\b(?:many|most|some|other|several|such)\s+(?:[\w-]+\s+){0,2}(?:models|forecasters|llms|"
                          r"checkpoints|systems|networks|baselines|alternatives|competitors|releases|variants)\b",
                          re.IGNORECASE)  # a kind
_THIS_MODEL = re.compile(r"\b(?:this|our|these|the)\s+(?:[\w-]+\s+){0,2}(?:model|weights|checkpoints?|release|llm)s?\b|\bwe\b|"
                         r"\byou\b|本模型|我们|本モデル|이 모델", re.IGNORECASE)


def _about_another_model(hit: Hit) -> bool:
    """Outside the License section, the restriction is said of another, named model ("Alpaca 7B is for research use
    only"), not of this one nor of a family's terms ("the Llama 3 Community License and its use policy"): a doubt."""
    return all(not _THIS_MODEL.search(clause) and not family_terms(clause, hit.line)
               and bool(_OTHER_MODEL.search(clause) or names_a_family(CJK_SEAM.sub(" ", clause)) or (
                   _ITS_TERMS.match(clause) and not _THIS_MODEL.search(hit.quote)
                   and names_a_family(CJK_SEAM.sub(" ", hit.quote))))
               for clause in _restricting_clauses(hit))


#: A model the card says it did not build on: compared with, tried, considered, planned and dropped ("We first planned
#: to fine-tune XTTS-v2, but its license only allows non-commercial use", "EXAONE는 비교용으로만 포함했습니다").
_NOT_USED = re.compile(r"\b(?:for comparison|compar\w*|baselines?|instead|rather than|planned to|considered|candidate|"
                       r"(?:we )?(?:also )?tried|not (?:used|based|built)|did not use|never used|we chose|incompatible|"
                       r"(?:are|is|were) not (?:publishing|releasing))\b|비교|比较|比較|对比|對比", re.IGNORECASE)
#: This model's own artefact named in the sentence ("this model", "our weights", "the checkpoint"): a restriction beside
#: a comparison is still this model's when the sentence names it.
_OWN_ARTEFACT = re.compile(r"\b(?:this|our|the)\s+(?:[\w-]+\s+){0,2}(?:model|weights|checkpoints?|release|lora|adapter)\b(?!\s+(?:released|"
                           r"licensed|distributed))|本模型|本モデル|이 모델", re.IGNORECASE)
#: "Llama-2-70B was a candidate, but its licence requires …": the terms of the model the sentence names first.
_ITS_TERMS = re.compile(r"^\W*(?:(?:but|and|while|whereas|yet|so)\s+)?(?:its|their)\s+(?:own\s+)?(?:licen[cs]es?|terms)\b",
                        re.IGNORECASE)


#: "trained on non-commercial data": the data's terms, not a use restriction on the model.
_NC_DATA = re.compile(r"\bnon-?commercial (?:\w+ )?(?:data(?:sets?)?|corpus|corpora|images|sources?|texts?)\b", re.IGNORECASE)
_NC_WORD = re.compile(r"\bnon[- ]?commercial\b", re.IGNORECASE)  # the detector's loosest word; its other phrasings are uses
_NC_USE = re.compile(r"\bnon-?commercial (?:use|usage|purposes?|licen[cs]e|research|only)\b|\bnot for commercial\b|"
                     r"\b(?:usage|uso|utilisation|nutzung) non[- ]?commercia\w*|\bnon[- ]?commercia\w* (?:uniquement|seulement)\b|"
                     r"\b(?:strictly|only|exclusively|purely)\s+non-?commercial\b|"
                     r"\b(?:treated|considered|regarded|used)\s+as\s+(?:strictly\s+)?non-?commercial\b|"
                     r"(?:\b(?:model|weights|checkpoints?|adapter|lora|it|release|version)|(?-i:\b[A-Z])[\w.-]*\d[\w.-]*)\s+(?:is|are|remains?|stays?)\s+"
                     r"(?:strictly\s+|only\s+|purely\s+)?non-?commercial\s*(?:[.;,!)]|$)|"  # "the weights are non-commercial.", "Heron-7B is …"
                     r"(?:^\W*yes\W+|\?[*_\s]*)(?:strictly\s+|only\s+)?non-?commercial\s*(?:[.;!)]|$)|"  # "… ? Yes, non-commercial."
                     r"^[*_\s]*non-?commercial\s*\.\s*$", re.IGNORECASE)  # a sentence of its own ("Non-commercial."), not a list item


def card_restrictions(line: str, number: int, outside_terms: bool = False, after: str = "",
                      model_id: str | None = None) -> list[Detection]:
    """Use restrictions the card itself imposes ("you may not use this model for military purposes"), not the
    terms of a dataset it names ("the training data is for non-commercial use only"), nor a request the card says
    binds nobody ("We ask that you don't … This is a request, not a legal condition.", also when that is `after`, the
    paragraph's next sentence on a line of its own)."""
    unbound = unbound_sentences(f"{line} {after}" if after else line, number)
    hits = [h for h in _kept_hits(line, number) if not (outside_terms and _about_another_model(h))
            and not is_unbound(h, unbound)]
    if hits and all(sibling_subject(h.quote, model_id, f"{line} {after}") for h in hits):
        return []  # "The 70B model is for non-commercial use only" on the 7B card: that size's terms, not a doubt
    if not hits:
        return doubt(line, number, unbound)  # said of another model ("Alpaca is for research use only"): checked, not taken
    return [Detection(
        "card-text-restrictions", LicenseClass.CUSTOM_RESTRICTED, Evidence("card-text", hits[0].quote, "README.md", hits[0].line),
        name="use restrictions stated in the card", osd=tuple(sorted({c for h in hits for c in h.osd})),
        reason="; ".join(sorted({h.description for h in hits})),
        restrictions=tuple(Finding("restrictive-clause", Severity.INFO, f"{h.description} — breaks {osd_text(h.osd)}",
                                   (Evidence("card-text", h.quote, "README.md", h.line),)) for h in hits))]

