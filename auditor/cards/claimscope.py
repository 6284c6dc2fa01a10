"""The decision for one "open source" mention: is it a claim about this model (or its code), and which rule says so.

A ConText-style procedure (docs/CLAIMS.md): modifiers from `auditor/data/claim-modifiers.tsv` are looked for in
bounded windows before and after the mention, the head noun of "open-source X" and the subject of the clause are
read, and the first rule that applies decides. Work per mention is bounded by the window, whatever the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.cards.claimnames import Names, agent, names_another, whose
from auditor.cards.claimwords import Vocabulary, vocabulary

WINDOW = 160
_NP_STOP = frozenset(
    "and or but to that which who whom whose because while since as for with in on at from by of under via into "
    "through when where if so than is are was were be been being can could will would shall should may might must "
    "has have had do does did it its we you they this these those the a an also now today here there not "
    "sur un une de des du le la les en avec pour par et con para por el los y mit für auf von und ein eine der die das"
    .split())
_TOKEN = re.compile(r"[^\s,.;:!?()\[\]{}\"“”]+")
_GROUP_NOUN = re.compile(r"communit(?:y|ies)|ecosystem|world|landscape|space|family|camp", re.IGNORECASE)
_TITLE = re.compile(r"^\s*(?P<name>[^:]{1,60}):\s")
#: Words skipped before the phrase: a pair ("open-source and commercial LLM research") or, after the verb, a
#: determiner ("we open-source the training code").
_LEADING_WORDS = frozenset("and or & the a an our its all these this their".split())
_ASIDE_OF = re.compile(r"(?P<name>[^\s()]+(?:\s+[^\s()]+){0,2})\s*\($")
_MODEL_TOO = re.compile(r"^[^.;:,()]{0,40}?\b(?:and|&)\s+(?:the\s+|our\s+|its\s+)?(?:\w+\s+)?"
                        r"(?:models?|weights|checkpoints?|llms?)\b", re.IGNORECASE)
#: The mention modifies what follows ("the open-source Falcon-7B"), not a predicate ("X is open source (MIT)").
_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|using|use|uses|used|of|from|on|with)|\w['’]s)\s+$",
                          re.IGNORECASE)
_COMMA_AND = re.compile(r"^\s*,\s*(?:and|or|but|so)\b", re.IGNORECASE)
_LEADING_ASIDE = re.compile(r"^\s*,?\s*(?:\([^()]{0,40}\)\s*)?")
_COPULA = re.compile(r"\s(?:is|are|was|were|has been|have been|had been|will be|be|being|remains?|becomes?|stays?)\s",
                     re.IGNORECASE)
_APPOSITION = re.compile(r",\s+(?:a|an|the|our)\s", re.IGNORECASE)
#: Between the copula (or the apposition's article) and the mention: adverbs, articles, adjectives; no preposition.
_MIDDLE = re.compile(r"(?:(?!(?:in|on|at|with|from|by|for|to|of|into|upon|than|over|like|about)\b)[\w'’#-]+\s+){0,6}",
                     re.IGNORECASE)
_VERB_FORM = re.compile(r"(?:ed|ing)$|^open[\s-]?source$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+\s+)?$", re.IGNORECASE)
_ACTIVE_BEFORE = re.compile(r"(?:\b(?:we|i|they|to|will|have|has|had|also|and|by|of|for)\s+|^\s*)$", re.IGNORECASE)
_OWN_DETERMINER = re.compile(r"\b(?:our|its|this|the)\s+(?:\w+\s+)?$", re.IGNORECASE)
_OF_OTHER = re.compile(r"^\s*(?:of|for)\s+(?:the\s+)?(?P<name>(?-i:[A-Z])[^\s,;:.]+(?:\s+[^\s,;:.]+)?)", re.IGNORECASE)
_PLURAL_MODEL = re.compile(r"(?:models|llms|ais|chatbots|assistants)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome for one mention: a claim or not, what it is about, and the rule that decided."""

    claim: bool
    about: str  # model | code
    rule: str


def _yes(rule: str, about: str = "model") -> Decision:
    return Decision(True, about, rule)


def _no(rule: str) -> Decision:
    return Decision(False, "model", rule)


def head_noun(after: str, vocab: Vocabulary) -> tuple[str | None, str, str]:
    """(kind, word, rest) of the noun phrase right after the mention: its rightmost known noun ("open-source code
    model" → model), up to six words, ending at a function word or punctuation; rest is the text after the phrase."""
    if _COMMA_AND.match(after):
        return None, "", after  # "X is open source, and ...": a new clause
    text = after[_LEADING_ASIDE.match(after).end():]
    best: tuple[str | None, str] = (None, "")
    position = 0
    words = 0
    previous = ""
    for token in _TOKEN.finditer(text):
        gap = text[position:token.start()]
        lowered = token.group(0).lower()
        if words == 0 and lowered in _LEADING_WORDS and not gap.strip():
            position = token.end()  # "open-source and commercial LLM research": the phrase goes on after the pair
            continue
        if gap.strip() or (words and "\n" in gap) or words >= 6 or lowered in _NP_STOP or not any(
                c.isalnum() for c in token.group(0)):
            break
        word = token.group(0).lower().strip("'’-")
        pair = f"{previous} {word}"
        kind = vocab.kind_of(word) or (vocab.kind_of(pair) if previous else None) or (
            vocab.kind_of(word.rsplit("-", 1)[1]) if "-" in word else None)  # text-encoder
        if kind == "other" and best[0] == "model" and _GROUP_NOUN.fullmatch(word):
            kind, word = "model", "models"  # "the open source model community": the group of open-source models
        if kind:
            best = (kind, word)
        previous = word
        position = token.end()
        words += 1
    return best[0], best[1], text[position:]


def subject(clause: str, after: str, verb: bool, names: Names, inflected: bool = False) -> str | None:
    """Whose the mention is, from the clause's subject ("X is open source", "X, an open-source Y") or, for the verb
    ("we open-sourced X"), its object."""
    active = verb and bool(_ACTIVE_BEFORE.search(clause))
    if active:  # "we open-source X", "to open-source X": the object is what is open-sourced
        kind, word, rest = head_noun(after, vocabulary())
        obj = after[:len(after) - len(rest)]
        found = whose(obj, names) if obj.strip() else None
        if found:
            return found
    if inflected and not _PASSIVE.search(clause) and agent(clause, names) == "other":
        return "other"  # "Meta open-sourced X": someone else's release
    tail = clause[-160:]
    for pattern, span in ((_COPULA, 80), (_APPOSITION, 40)):
        last = None
        for last in pattern.finditer(tail):
            pass
        if last and _MIDDLE.fullmatch(tail[last.end():]):
            head = tail[max(0, last.start() - span):last.start()]
            head = head[max(head.rfind(","), head.rfind(";"), head.rfind(":")) + 1:]
            if head.strip():
                return whose(head if pattern is _COPULA else _last_phrase(head), names)
    title = _TITLE.match(clause)  # "YuLan-Chat: An Open-Source Bilingual Chatbot", "- Mistral-7B: an open-source model"
    named = whose(title.group("name"), names) if title else None
    if named in ("own", "org", "other", "sibling"):
        return "own" if named == "org" else named
    return None


def _last_phrase(text: str) -> str:
    """The noun phrase that ends `text`: its last words after a preposition or verb ("starts from Mistral-7B")."""
    words = text.split()[-4:]
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in _NP_STOP and words[index].lower() not in ("the", "a", "an", "this", "our", "its"):
            return " ".join(words[index + 1:])
    return " ".join(words)


def _clause_before(before: str, vocab: Vocabulary) -> str:
    last = None
    for last in vocab.modifiers[("terminator", "-")].finditer(before):
        pass
    return before[last.end():] if last else before


def decide(sentence: str, start: int, end: int, heading: bool, names: Names) -> Decision:
    """Decide one mention `sentence[start:end]` (see docs/CLAIMS.md for the order of the rules)."""
    v = vocabulary()
    before, after = sentence[max(0, start - WINDOW):start], sentence[end:end + WINDOW]
    if v.test("citation", "sentence", sentence[max(0, start - WINDOW):end + WINDOW]):
        return _no("citation")
    if v.test("prompt", "before", before):
        return _no("quoted-prompt")
    negated = v.test("negated", "before", before) and not v.test("pseudo", "before", before)
    if negated or v.test("negated", "after", after):
        return _no("negated")
    if v.test("hashtag", "-", before):
        return _no("hashtag")
    kind, word, rest = head_noun(after, v)
    if _ATTRIBUTIVE.search(before) and names_another(after[:len(after) - len(rest)], names):
        return _no("names-another")  # "we fine-tuned the open-source Falcon-7B"
    clause = _clause_before(before, v)
    aside = _ASIDE_OF.search(before[:len(before) - len(clause)]) if clause != before else None
    if aside and whose(_last_phrase(aside.group("name")), names) in ("other", "sibling"):
        return _no("aside-of-other")  # "GPT-Neo (an open-source version of GPT-3)"
    phrase = sentence[start:end]
    owner = subject(clause, after, bool(_VERB_FORM.search(phrase)), names, phrase.lower().endswith(("ed", "ing")))
    if kind in ("project", "software") and owner == "org":
        owner = None  # "QuantKit is an open-source toolkit" on quantkit's cards: the toolkit, not this model
    owner = "own" if owner == "org" else owner
    if kind == "code" and owner in ("own", "code") and _MODEL_TOO.match(after):
        return _yes("own-code-and-model")  # "we open-source our code and models"
    if kind in ("other", "license", "code", "project", "software"):
        return _by_head(kind, word, rest, clause, owner, heading, names)
    if owner != "own" and (v.test("pair", "before", before) or v.test("pair", "after", after)):
        return _no("kind-pair")
    if owner == "code":
        return _yes("code-subject", "code")
    if owner in ("other", "sibling", "tooling"):
        return _no(f"{owner}-subject")
    return _by_context(v, before, after, rest, kind, word, owner, names, heading)


def _by_head(kind: str, word: str, rest: str, clause: str, owner: str | None, heading: bool, names: Names) -> Decision:
    """"open-source X" where X is not a model: a licence, code, a project, a library or another thing."""
    if kind == "license":
        if heading:
            return _yes("license-heading")
        return _yes("own-license") if owner == "own" else _no("license-name")
    if kind == "other":
        return _no(f"other-thing:{word}")
    if owner in ("other", "sibling", "tooling"):
        return _no(f"{owner}-subject")
    v = vocabulary()
    for category in ("other-model", "other-model-near", "uses", "acknowledgement", "comparison"):
        if v.test(category, "before", clause):
            return _no(f"{category}:{word}")
    named = _OF_OTHER.match(rest)
    if named and whose(named.group("name"), names) in ("other", "sibling"):
        return _no(f"of-other:{word}")
    determiner = _OWN_DETERMINER.search(clause)
    if kind == "project" and (word.endswith("s") or re.search(r"\bother\s+$", clause, re.IGNORECASE)):
        return _no(f"other-thing:{word}")  # "our other open-source projects": the publisher's portfolio
    own_determiner = determiner and (kind == "code" or not determiner.group(0).lower().startswith("the"))
    if owner == "own" or (owner == "code" and kind == "code") or own_determiner:
        return _yes(f"own-{kind}", "code")
    return _no(f"other-thing:{word}")


def _by_context(v: Vocabulary, before: str, after: str, rest: str, kind: str | None, word: str,
                owner: str | None, names: Names, heading: bool) -> Decision:
    """The mention is about a model, or its noun says nothing: what is around it decides."""
    group = (v.test("group", "before", before) and not v.test("neutral-comparison", "before", before)) or v.test(
        "membership", "before", before)
    self_subject = owner == "own" or v.test("self", "before", before)
    if (v.test("other-model", "before", before) or v.test("other-model-near", "before", before)
            and not self_subject) and not group:
        return _no("other-model")
    if v.test("uses", "before", before) and whose(" ".join(before.split()[-3:]), names) != "own":
        return _no("used-thing")  # (but "using the Skywork open-source model" is this model)
    named = _OF_OTHER.match(rest) if kind == "model" else None
    if named and not self_subject and whose(named.group("name"), names) in ("other", "sibling"):
        return _no(f"of-other:{word}")
    if v.test("other-model", "after", after) and not self_subject:
        return _no("named-others")
    if v.test("acknowledgement", "before", before[before.rfind(",") + 1:]):  # "we thank Meta for open-sourcing X"
        return _no("acknowledgement")
    if kind is None and v.test("movement", "before", before) and v.test("movement", "after", after):
        return _no("movement")
    if v.test("other-subject", "before", before) and not (kind == "model" or re.search(
            r"\b(?:models?|llms?|weights|checkpoints?)\b|模型", before, re.IGNORECASE)):
        return _no("other-subject")
    if v.test("code-before-cjk", "before", before) or v.test("code-after-cjk", "after", after):
        return _yes("code-cjk", "code")
    if v.test("license-cjk", "after", after):
        return _yes("license-heading") if heading else _no("license-name")
    if v.test("other-after-cjk", "after", after):
        return _no("other-thing-cjk")
    if group:
        return _yes("group-membership")
    if v.test("comparison", "before", before) or v.test("comparison", "after", after):
        return _no("comparison")
    if kind == "model" and _PLURAL_MODEL.search(word) and not self_subject:
        return _no("category")
    return _yes("own-subject" if self_subject else "about-model" if kind == "model" else "no-other-subject")
