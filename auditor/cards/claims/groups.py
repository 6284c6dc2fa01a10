"""Whose a group or rank is when the card names another model beside it: the clause's subject, the name after the group
or its copula, a pair with "other", an appositive "one of" (docs/CLAIMS.md, section 6, `group-of-other`)."""

from __future__ import annotations

import re

from auditor.cards.claims.names import Names, base_families, is_own, norm
from auditor.cards.claims.whose import names_this, whose

#: "Among open-source models (of its size), <Name> …": the name after the group is the clause's subject.
_GROUP_THEN_NAME = re.compile(r"^[^,.;:]{0,40},\s*(?P<name>(?-i:[A-Z])[^\s,.;]*(?:\s+\d[\w.]*)?|(?-i:[a-z])[\w.]*-(?=[\w.-]*(?:\d|-(?:large|base|small|mini|tiny|xl)\b))[\w.-]*\w|"
                              r"(?-i:[a-z])[a-z]*\d[\w.-]*(?=\s+(?:and|&|is|are|was|were|remains?|leads?|ranks?|still)\b))")  # "e5 and bge-m3 remain …"  # a name
#: "The best open-source model on the leaderboard is <Name>": the group's member named after a copula.
_GROUP_IS_NAME = re.compile(r"^[^,.;]{0,60}?\s(?:is|was|remains)\s+(?:still\s+|now\s+)?(?P<name>(?-i:[A-Z])(?:[\w+-]|\.(?=\w))*)",
                            re.IGNORECASE)
#: This model as the subject after the group's phrase ("…, this model can be run locally", "…, it runs on a laptop").
_OWN_AFTER_GROUP = re.compile(r"^[^.;:]{0,40}?,\s*(?:this|our|it|we|the\s+model)\b", re.IGNORECASE)
#: A model the card chose, then "it" ("We picked Falcon-7B because it was one of the first …"): the pronoun is that model.
_CHOSE_IT = re.compile(r"\b(?:picked|chose|chosen|selected|used|use|fine-?tuned|started\s+from|built\s+on|based\s+(?:it\s+)?on)\s+"
                       r"(?P<name>[\w.+-]+(?:\s+[\w.+-]+)?)\s+(?:because|since|as)\s+(?:it|they)\s+(?:is|was|are|were)\b",
                       re.IGNORECASE)
#: The words after the group's phrase and its comma ("…, Heron-7B can be run locally"): whose they are.
_AFTER_GROUP = re.compile(r"^[^.;:]{0,40}?,\s*(?P<subject>[\w.+-]+(?:\s+[\w.+-]+)?)")
#: A named thing and "other" ("Presidio and other open-source pipelines"): the group is that thing's kind.
_NAME_AND_OTHER = re.compile(r"(?P<name>[\w.+-]*[A-Za-z][\w.+-]*)\s+(?:and|&)\s+(?:many\s+|several\s+|various\s+)?other\s+$",
                             re.IGNORECASE)
#: After a tagline's dash or colon, the subject of the copula that follows ("… — LegalQA is Llama 4 Scout fine-tuned").
_OWN_AFTER_DASH = re.compile(r"(?:\s[-–—]\s|[—–:])\s*(?P<subject>[^\s,;:—–]+(?:\s[^\s,;:—–]+){0,2}?)\s+(?:is|was|remains)\s+(?:still\s+|now\s+)?$",
                             re.IGNORECASE)
#: A model's name opening the clause, with a size or version digit ("Nimbus-70B still leads among …").
_NAMED_SUBJECT = re.compile(r"^[\W_]*(?P<name>(?-i:[A-Z])[\w.+-]*\d[\w.+-]*|"  # "Llama 2 chat was among …": a name and its
                            r"(?!(?:stage|phase|round|step|part|version|table|figure|section|chapter|level|tier|day|week|"
                            r"epoch|year|top)\s)(?-i:[A-Z])[\w.+-]+\s\d[\w.]*\b)\s+(?-i:[a-z])", re.IGNORECASE)  # version apart
#: What follows the group says the subject is what this model was built on.
_BUILT_ON_IT = re.compile(r"\b(?:we|i)\b[^.;]{0,40}?\b(?:build|built|building|fine-?tune|fine-?tuned|fine-?tuning|"
                          r"start(?:ed)?\s+from|based\s+(?:it|ours?)|train(?:ed)?\s+on\s+top\s+of)\s+(?:on\s+(?:top\s+of\s+)?)?"
                          r"(?:it|them)\b|\bfelt\s+right\s+to\s+build\s+on\s+it\b", re.IGNORECASE)  # we built on it: the base
#: A one-word name and its copula opening the clause ("BLOOM was one of the few …").
_NAME_COPULA = re.compile(r"^[\W_]*(?P<name>(?-i:[A-Z])[\w.+-]+)\s+(?:was|is|remains|has\s+been)\s", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^[\w.&-]+['’]s\s+")
_ONE_OF_APPOSITION = re.compile(r"(?P<name>[\w.+'’-]+(?:\s+[\w.+-]+){0,2}),\s+(?:one|some|each)\s+of\s+(?:the\s+)?"
                                r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def group_of_other(clause: str, rest: str, names: Names) -> bool:
    """Is a group or rank said of another named model, the clause's subject before a verb ("Nimbus-70B still leads
    among open-source models"), the name after the group ("Among open-source models, Nimbus-70B leads") or after
    its copula ("The best open-source model on the leaderboard is Nimbus-70B")?"""
    named = _GROUP_THEN_NAME.match(rest) or _GROUP_IS_NAME.match(rest) or _NAMED_SUBJECT.match(
        clause[max(clause.rfind(","), clause.rfind(";")) + 1:])
    if named and named.re is _GROUP_IS_NAME and _OWN_AFTER_DASH.search(rest[:named.start("name")]) and whose(
            _OWN_AFTER_DASH.search(rest[:named.start("name")]).group("subject"), names) == "own":
        named = None  # "The best open-source model for X — LegalQA is Llama 4 Scout fine-tuned …": a tagline, then this model
    if named and named.group("name")[:1].islower() and norm(re.sub(r"[-\d.]+$", "", named.group("name"))) not in base_families() and any(
            w.startswith(norm(named.group("name"))) for w in names.whole):
        named = None  # "Among open-source embedders, e5 and bge remain the strongest" on `intfloat/e5-large-v2`: its own
    if named and (whose(named.group("name"), names) in ("other", "sibling") or (
            "-" in named.group("name") and names.known and not is_own([named.group("name")], names))):
        return True  # (a lower-case repo name too: "Among open-source rerankers, bge-reranker-v2-m3 is the strongest")
    paired = _NAME_AND_OTHER.search(clause)
    after_group = _AFTER_GROUP.match(rest)
    if paired and whose(paired.group("name"), names) in ("other", "sibling") and not names_this(clause, names) and not (
            _OWN_AFTER_GROUP.match(rest) or (after_group and whose(after_group.group("subject"), names) == "own")):  # ("Like Llama and other open-source LLMs, this model can be run locally")
        return True  # "a drop-in component for Presidio and other open-source redaction pipelines": Presidio's kind
    chose = _CHOSE_IT.search(clause)
    if chose and whose(chose.group("name"), names) in ("other", "sibling"):
        return True  # "We picked Falcon-7B because it was one of the first strong open-source base models": Falcon's
    if _BUILT_ON_IT.search(rest):
        return True  # "It was one of the first truly open source base models …, so it felt right to build on it": the base
    copula = _NAME_COPULA.match(clause[max(clause.rfind(","), clause.rfind(";")) + 1:])
    if copula and norm(copula.group("name")) in base_families() and whose(copula.group("name"), names) in ("other", "sibling"):
        return True  # "BLOOM was one of the few big open-source multilingual models": a base family's name
    appositive = _ONE_OF_APPOSITION.search(clause)  # "OpenAI's GPT-2 medium, one of the earliest open-source LLMs"
    name = _POSSESSIVE.sub("", appositive.group("name")) if appositive else ""  # (the publisher's name aside)
    return bool(name) and whose(name, names) in ("other", "sibling")
