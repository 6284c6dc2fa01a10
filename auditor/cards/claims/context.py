"""The context rules for one "open source" mention once its head noun and subject are read: what the head noun
makes of it (a licence, code, a project, another thing) and, for a model noun or none, the modifiers around it
(docs/CLAIMS.md, sections 4 and 6)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.cards.claims.groups import group_of_other
from auditor.cards.claims.names import Names
from auditor.cards.claims.phrase import head_noun
from auditor.cards.claims.whose import names_other, names_this, own_name_after, whose
from auditor.cards.claims.words import Vocabulary, vocabulary

_OWN_DETERMINER = re.compile(r"\b(?:our|its|this|the)\s+(?:\w+\s+)?$", re.IGNORECASE)
_OF_OTHER = re.compile(r"^\s*(?:of|for)\s+(?:the\s+)?(?P<name>(?-i:[A-Z])[^\s,;:.]+(?:\s+[^\s,;:.]+)?)", re.IGNORECASE)
#: For a model noun only "of" names whose it is ("the open-source weights of DialoGPT"); "for Portuguese" is a use.
_OF_MODEL = re.compile(r"^\s*of\s+(?:the\s+)?(?P<name>(?-i:[A-Z])[^\s,;:.]+(?:\s+[^\s,;:.]+)?)", re.IGNORECASE)
#: "the open-source release of the/our <thing>": whose release the head noun after "of" says.
_OF_THING = re.compile(r"^\s*of\s+(?:the|our|its|their|this|an?)\s+", re.IGNORECASE)
#: A sentence that opens with "A/An open-source <model>" and no verb: a description of the card's own model.
_DESCRIPTION = re.compile(r"^[\W_]*an?\s+$", re.IGNORECASE)
#: Nouns for the card's own artefact (its release, weights, checkpoint), unlike kinds of model ("open-source LLMs").
_ARTEFACT = re.compile(r"release|weights|checkpoint|权重|模型权重", re.IGNORECASE)  # plural releases: a kind
_OWN_CLAUSE = re.compile(r"[,;:]\s*(?:and\s+|so\s+)?(?:we|our|this|it|its|i)\b", re.IGNORECASE)
#: "we" as the subject with a plural model noun after a verb of handling ("we host open-source models"): others'.
_WE_ONLY = re.compile(r"^\W*(?:(?:as|for|in|on|at)\s+(?:[\w-]+\s+){0,3}?)?(?:we|i)\b|[,;:]\s*(?:and\s+)?(?:we|i)\b",
                      re.IGNORECASE)  # "As a baseline we ran the open source Detoxify models"
_OUR_BEFORE = re.compile(r"\bour\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
#: "<subject> is licensed under <a licence>, an … open source license": the apposition restates the model's licence.
_LICENSED_UNDER = re.compile(r"\s(?:is|are)\s+(?:\w+\s+)?(?:licen[cs]ed|released|distributed|available|provided)\s+"
                             r"under\b[^;,]{1,60}(?:,\s+(?:version|v)\s*[\d.]+)?,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
#: A sentence opening with a participle over the licence ("Released under the open source MIT license, X …"),
#: whose subject is the main clause's, the words after the comma.
_PARTICIPLE = re.compile(r"^\W*(?:released|licen[cs]ed|distributed|available|published|provided|shared|offered)\s+"
                         r"(?:\w+\s+)?under\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
_FIRST_WORDS = re.compile(r"^\s*,?\s*(?:[^\s,;:.]+\s*){0,2}")
#: This model's copula right before the mention ("Heron uses RoPE and is fully open source"): a "uses" earlier in
#: the sentence is the subject's, not what the mention is said of.
_OWN_PREDICATE = re.compile(r"\b(?:is|are|was|were|remains?|stays?)\s+(?:(?:also|now|still|itself)\s+)?$", re.IGNORECASE)
_MODEL_AFTER_CJK = re.compile(r"^的?[^，。,；;！？、]{0,24}?(?:模型|权重|權重)")
#: The one who uses a thing ("We used the open source X"): not a name of what is used.
_USER = re.compile(r"we|i|you|they|he|she", re.IGNORECASE)
#: This project or model as the subject of a Chinese copula right before the mention: "本项目为开源项目".
_OWN_CJK_SUBJECT = re.compile(r"(?:本项目|本項目|本模型|本仓库|本倉庫|我们的?项目)\s*(?:为|為|是)\s*(?:一个|一個)?\s*$")
_OWN_KIND_CJK = re.compile(r"^\s*的?\s*(?:项目|項目|模型|仓库|倉庫|软件|軟體)(?!的)")  # 本项目为开源项目 (not 开源社区的一部分)
_PLURAL_MODEL = re.compile(r"(?:models|llms|ais|chatbots|assistants|fine-?tunes|finetunes|loras|modelli|modelos|modèles|modele|modelle)$",
                           re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome for one mention: a claim or not, what it is about, and the rule that decided."""

    claim: bool
    about: str  # model | code
    rule: str


def yes(rule: str, about: str = "model") -> Decision:
    return Decision(True, about, rule)


def no(rule: str) -> Decision:
    return Decision(False, "model", rule)


#: After the head noun, a colon and a list that holds the weights: the release itself ("package: weights, data, code").
_WEIGHTS_LISTED = re.compile(r"^[\w-]*\s*[:：—–-]\s*(?:[\w -]{1,20},\s*){0,3}(?:and\s+)?(?:the\s+)?(?:model\s+)?(?:weights|checkpoints?)\b",
                             re.IGNORECASE)


_SHIPS_AS = re.compile(r"\b(?:ships?|shipped|comes?|released|distributed|published|provided|available)\s+as\s+(?:an?|one|the)\b",
                       re.IGNORECASE)  # what the release is: "It ships as a complete open-source package: …"


_OWN_COPULA = re.compile(r"\b(?:is|are)\s+(?:(?:released|published|offered)\s+as\s+)?(?:an?\s+|the\s+)?"
                         r"(?:(?!(?:towards?|to|for|of|in|on|at|with|by|from|about|better|more)\b)[\w-]+\s+){0,2}$", re.IGNORECASE)
_IT_IS = re.compile(r"^\W*(?:it|this\s+model)\s+(?:is|are)\b", re.IGNORECASE)


def by_head(kind: str, word: str, rest: str, clause: str, owner: str | None, heading: bool, names: Names) -> Decision:
    """"open-source X" where X is not a model: a licence, code, a project, a library or another thing."""
    if kind == "license":
        if heading:
            return yes("license-heading")
        under = _LICENSED_UNDER.search(clause) if owner != "own" else None
        if under and whose(" ".join(clause[:under.start()].split()[-4:]), names) in ("own", "org"):
            owner = "own"  # "This model is licensed under the MIT License, an OSI-approved open source license"
        if owner != "own" and _PARTICIPLE.match(clause) and (not names.known or whose(
                _FIRST_WORDS.match(rest).group(0), names) in ("own", "org")):
            owner = "own"  # "Released under the open source Apache 2.0 license, Granola-TS forecasts …": the model
        return yes("own-license") if owner == "own" else no("license-name")
    if kind in ("other", "thing"):
        if word == "ai" and owner == "own" and _OWN_COPULA.search(clause) and (names_this(clause, names) or _IT_IS.search(clause)):
            return yes("own-subject")  # "Zephyrine is an open-source AI tutor", "X is released as Open Source AI"
        return no(f"other-thing:{word}")
    if owner in ("other", "sibling", "tooling"):
        return no(f"{owner}-subject")
    v = vocabulary()
    for category in ("other-model", "other-model-near", "uses", "acknowledgement", "comparison"):
        if v.test(category, "before", clause):
            return no(f"{category}:{word}")
    if kind in ("software", "project") and owner in ("own", None) and _WEIGHTS_LISTED.match(rest) and _SHIPS_AS.search(clause):
        return yes("own-artefact")  # "It ships as a complete open-source package: weights, data, code, …": this release
    named = _OF_OTHER.match(rest)
    if named and whose(named.group("name"), names) in ("other", "sibling"):
        return no(f"of-other:{word}")
    determiner = _OWN_DETERMINER.search(clause)
    if (kind == "project" and (word.endswith("s") or re.search(r"\bother\s+$", clause, re.IGNORECASE))) or word in (
            "repositories", "repos"):
        return no(f"other-thing:{word}")  # "our other open-source projects", "our repositories": the portfolio
    # "our open-source implementation" is this model's code; "our open-source inference library X" is a product of
    # its own, not this model ("the" names neither)
    own_determiner = determiner and (kind == "code" or kind == "project" and not determiner.group(0).lower(
        ).startswith("the"))
    if own_determiner and determiner.group(0).lower().startswith("the") and names_other(clause, names):
        own_determiner = False  # "We chose OLMo because its authors published the open-source training code": OLMo's
    if owner == "own" or (owner == "code" and kind == "code") or own_determiner:
        return yes(f"own-{kind}", "code")
    return no(f"other-thing:{word}")


#: "Open-source models like ours": this model among them.
_LIKE_OURS = re.compile(r"^\W*(?:like|such as)\s+(?:ours|this one|this model|our own)\b", re.IGNORECASE)
_LAST_CLAUSE = re.compile(r"[,;]|\band\b", re.IGNORECASE)
#: A comparison's verb before a group: "We compared X with a set of open-source models".
_COMPARED = re.compile(r"\b(?:compar\w*|versus|vs\.?|against|outperform\w*|surpass\w*|than)\b", re.IGNORECASE)
#: "the open-source weights of this model": this model's, whatever the verb of use before.
_OF_THIS_MODEL = re.compile(r"^\s*(?:[\w-]+\s+){0,2}of\s+(?:this|our)\s+(?:model|checkpoint|release)\b", re.IGNORECASE)


#: "It is small enough to run beside your database and is open source": the copula's subject is left out, the
#: clause's own (the noun just before "and" is not it).
_ELIDED_COPULA = re.compile(r"\s(?:and|but|yet)\s+(?:is|are)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _own_clause_start(before: str) -> int:
    """Where the last clause with this model's subject starts ("Thanks to you, we open-source it"), else 0: thanks
    reach through a list ("our gratitude to X for A, B, open-source work") but not into a new clause of our own."""
    last = None
    for last in _OWN_CLAUSE.finditer(before):
        pass
    return last.start() if last else 0


def by_context(v: Vocabulary, before: str, after: str, rest: str, kind: str | None, word: str,
                owner: str | None, names: Names, heading: bool, clause: str) -> Decision:
    """The mention is about a model, or its noun says nothing: what is around it decides."""
    group = v.test("group", "before", before) or (v.test("membership", "before", before) and not _COMPARED.search(
        _LAST_CLAUSE.split(before)[-1])) or (v.test("one-of", "before", before) and not v.test("comparison", "before", before))
    # ("We compared X with a set of open-source models": the set is what it was compared with)
    self_subject = owner == "own" or v.test("self", "before", before)
    derived_from = before[before.rfind(",") + 1:] if owner == "own" else before  # "Like the corpus we derived it from
    if (v.test("other-model", "before", derived_from) or v.test("other-model-near", "before", before)  # (…), the model is …"
            and not self_subject) and not group:
        return no("other-model")
    used = v.find("uses", "before", before)
    used_words = before[used.start():].split()[1:] if used else []  # what stands after the verb of use (after the
    # mention, "在开源的 X 基础上", "오픈소스 KoBART를 기반으로", the used thing is named there, not before)
    if (used or v.test("uses", "after", after)) and whose(
            " ".join(w for w in used_words[-3:] if not _USER.fullmatch(w)), names) != "own" and not (
            own_name_after(after, names, v) or _OF_THIS_MODEL.match(after)) and not (  # "we use the open-source Nimbus-7B
            (owner == "own" or not names.known) and _OWN_PREDICATE.search(before)):  # internally" on acme/Nimbus-7B,
        # "the open-source weights of this model": this model, whatever the verb
        return no("used-thing")  # (but "using the Skywork open-source model" and "Heron uses RoPE and is open source"
        #                            are this model)
    owned = _OF_THING.match(rest) if kind == "model" else None
    if owned and head_noun(rest[owned.end():], v)[0] in ("other", "thing", "software", "role"):
        return no(f"of-other:{word}")  # "the open-source release of the evaluation suite": the suite's release
    named = _OF_MODEL.match(rest if kind == "model" else after) if kind == "model" or _OF_MODEL.match(after) else None
    # (the mention its own noun too: "the open-sourcing of Stable Diffusion")
    if named and not self_subject and whose(named.group("name"), names) in ("other", "sibling"):
        return no(f"of-other:{word}")
    if v.test("other-model", "after", after) and not self_subject:
        return no("named-others")
    if owner != "own" and (v.test("acknowledgement", "before", before[before.rfind(",") + 1:]) or v.test(
            "thanks", "before", before[_own_clause_start(before):])):  # "we thank Meta for open-sourcing X"
        return no("acknowledgement")
    if owner != "own" and v.test("mission", "before", before):
        return no("mission")  # "whose mission is to keep frontier-quality language technology open source"
    if kind is None and ((v.test("movement", "before", before) and v.test("movement", "after", after)) or (
            v.test("ethos", "before", before) and v.test("ethos", "after", after)) or (
            v.test("movement-subject", "before", clause) and v.test("movement-subject", "after", after))):
        return no("movement")
    if not (owner == "own" and (names_this(clause, names) or _ELIDED_COPULA.search(before))) and v.test("other-subject", "before", before) and not (kind == "model" or re.search(
            r"\b(?:models?|llms?|weights|checkpoints?)\b|模型", before, re.IGNORECASE) or (
            owner is None and _MODEL_AFTER_CJK.match(after))):  # "由翰林实验室开源的…基座模型": the publisher's model
        return no("other-subject")
    if v.test("other-after-cjk", "after", after) and not (_OWN_CJK_SUBJECT.search(before) and _OWN_KIND_CJK.match(after)):
        return no("other-thing-cjk")  # (before the code rows: "代码以及多个开源数据集" names datasets, not the code)
    if v.test("code-before-cjk", "before", before) or v.test("code-after-cjk", "after", after):
        return yes("code-cjk", "code")
    if v.test("license-cjk", "after", after):
        return yes("license-heading") if heading else no("license-name")
    if group:
        if owner is None and group_of_other(clause, rest, names):
            return no("group-of-other")
        return yes("group-membership")
    compared = before[before.rfind(",") + 1:] if self_subject else before  # ("In line with our commitments, we
    if v.test("comparison", "before", compared) or v.test("comparison", "after", after) or (  # open-source the model")
            not self_subject and v.test("comparison-verb-cjk", "before", before)):
        return no("comparison")
    if kind == "model" and _PLURAL_MODEL.search(word) and not _LIKE_OURS.match(rest) and (not self_subject or (
            _WE_ONLY.search(clause) and not _OUR_BEFORE.search(before) and v.test("handling-verb", "before", clause))):
        return no("category")
    if self_subject:
        return yes("own-subject")
    if v.test("rank", "before", before) or v.test("rank", "after", after):
        if group_of_other(clause, rest, names):
            return no("group-of-other")  # "Nimbus-70B ranks as the #1 open-source model": that model's rank
        return yes("rank")  # "the #1 open-source model", with no other model as its subject
    if kind == "model" and _ARTEFACT.fullmatch(word):
        return yes("own-artefact")  # "fully open-source release: weights and code": the card's release is this one
    if kind == "model" and _DESCRIPTION.match(clause):
        return yes("description")  # "An open-source 7B chat model distilled from X.": the card's own tagline
    return yes("about-model" if kind == "model" else "no-other-subject")
