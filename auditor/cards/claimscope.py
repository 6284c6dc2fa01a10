"""The decision for one "open source" mention: is it a claim about this model (or its code), and which rule says so.

A ConText-style procedure (docs/CLAIMS.md): modifiers from `auditor/data/claim-modifiers.tsv` are looked for in
bounded windows before and after the mention, the head noun of "open-source X" and the subject of the clause are
read, and the first rule that applies decides. Work per mention is bounded by the window, whatever the text.
"""

from __future__ import annotations

import re

from auditor.cards.claimcontext import Decision, by_context, by_head, no, yes
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
_COPULA = re.compile(r"\s(?:is|are|was|were|has been|have been|had been|will be|be|being|remains?|becomes?|stays?)\s"
                     r"|(?<=\bit)['’]s\s|(?<=\bthat)['’]s\s|(?<=\bwe)['’]re\s|(?<=\bthey)['’]re\s",
                     re.IGNORECASE)  # "it's licensed under …" is "it is"
#: "make X open source", "keep it open-source": the object of the verb is the subject of the mention.
_CAUSATIVE = re.compile(r"\b(?:make|makes|made|making|keep|keeps|kept|keeping)\s+"
                        r"(?P<object>(?:(?!(?:the|an?|to)\b)[^\s.;:!?]+[\s,]+){1,5}?)(?:(?:fully|completely|truly)\s+)?$",
                        re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]{0,60}\)")
_APPOSITION = re.compile(r"(?:,|\s[—–-])\s+(?:a|an|the|our)\s", re.IGNORECASE)
#: Between the copula (or the apposition's article) and the mention: adverbs, articles, adjectives; no preposition.
_MIDDLE = re.compile(r"(?:(?!(?:in|on|at|with|from|by|for|to|of|into|upon|than|over|like|about)\b)[\w'’#%-]+\s+){0,6}",
                     re.IGNORECASE)
_VERB_FORM = re.compile(r"(?:ed|ing)$|^open[\s\u00ad\u2010-\u2014\u2212-]?source$", re.IGNORECASE)  # any hyphen
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+\s+)?$", re.IGNORECASE)
_ACTIVE_BEFORE = re.compile(r"(?:\b(?:we|i|they|to|will|have|has|had|also|and|by|of|for)\s+|^\s*)$", re.IGNORECASE)
#: A clause whose subject is only a pronoun ("it is", "it's", "they are"), which refers back to the sentence's subject.
_PRONOUN_SUBJECT = re.compile(r"(?:^\s*|[,;]\s*(?:(?:and|so|but)\s+)?|\s(?:and|so|but)\s+)(?:it|they)"
                              r"(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_MODEL_WORD = re.compile(r"\b(?:models?|weights|checkpoints?|llms?|releases?)\b|模型|权重", re.IGNORECASE)
_PUNCTUATION = re.compile(r"^\s*[,;:.!?)\]]")
#: The subject of a Chinese copula: "Llama 2 是 Meta 开源的大模型" (its Latin-script names say whose).
_CJK_COPULA = re.compile(r"(?P<name>[^，。,;；：:！？]{1,40}?)\s*(?:是|为|為)[^，。,;；是为為]{0,30}$")
#: A name with Latin letters, with the CJK part joined to it by a hyphen ("智云-7B-Chat", "Llama 2").
_LATIN_NAME = re.compile(r"(?:[^\W\d_A-Za-z]+-)?(?:[A-Za-z]|(?<=-)\d+[A-Za-z])[\w.+-]*(?:\s+\d[\w.]*)?")
#: "Heron-7B — open source, Apache 2.0": a name, a dash, the mention (a tagline like "Heron-7B: open source").
_CJK_SIZED = re.compile(r"[^\W\d_A-Za-z]+-\d+(?:\.\d+)?[BbMm](?:-[A-Za-z]+)?")
_DASH_TITLE = re.compile(r"(?P<name>[^\s—–-][^—–]{0,58}?)\s+[—–-]\s+$")
#: The words joined into an identifier: a repo or dataset name ("bert-finetuned-opensource-reviews"), hyphens on
#: both sides or an underscore on either (the target's word boundaries already keep most underscored names out).
_ID_BEFORE, _ID_AFTER = re.compile(r"[A-Za-z0-9]-$"), re.compile(r"^-[A-Za-z0-9]")
_UNDERSCORE_BEFORE, _UNDERSCORE_AFTER = re.compile(r"\w_$"), re.compile(r"^_\w")
#: A tagline opening the sentence ("Open-source sarcasm detector fine-tuned from X", "An open-source parser").
_OPENING = re.compile(r"^[\W_]*(?:an?\s+)?(?:(?:fully|completely|truly|entirely|100%)\s+)?$", re.IGNORECASE)
_THIS_BEFORE = re.compile(r"(?:^|[^\w\s]\s*)(?:this|our)\s+$", re.IGNORECASE)
#: "…libraries, most of them open source": a quantifier over the things just named.
_QUANTIFIED = re.compile(r"\b(?:most|many|all|some|both|several|each|half|none)\s+of\s+(?:them|which|these|those)\s+"
                         r"(?:are\s+|being\s+)?$", re.IGNORECASE)
#: "This is an open source GPT-2 model", "An open-source Llama-3 fine-tune": after the indefinite article, opening
#: the sentence or after a copula, the name is the model's architecture, not the model the mention is about.
_INDEFINITE = re.compile(r"(?:^[\W_]*|\b(?:is|are|was|were)\s+)an?\s+(?:(?:fully|completely|truly|entirely|"
                         r"100%|small|new|tiny|compact|lightweight)[,]?\s+)*$", re.IGNORECASE)


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
        if gap.strip() or words >= 6 or lowered in _NP_STOP or not any(
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


def subject(clause: str, after: str, verb: bool, names: Names, inflected: bool = False,
            software: bool = False) -> str | None:
    """Whose the mention is, from the clause's subject ("X is open source", "X, an open-source Y") or, for the verb
    ("we open-sourced X"), its object."""
    if inflected and not _PASSIVE.search(clause) and agent(clause, names) == "other":
        return "other"  # "Facebook AI has built and open-sourced BlenderBot": its publisher's release, not this one
    active = verb and bool(_ACTIVE_BEFORE.search(clause))
    if active and not _PUNCTUATION.match(after):  # "we open-source X": the object is what is open-sourced
        kind, word, rest = head_noun(after, vocabulary())
        obj = after[:len(after) - len(rest)]
        found = whose(obj, names) if obj.strip() else None
        if found == "other" and kind == "model" and not names_another(obj, names) and _agent_is_this(clause, names):
            return "own"  # "InternLM2 has open-sourced a base model and a chat model": its publisher's own models
        if found:
            return found
    if inflected and not _PASSIVE.search(clause) and agent(clause, names) == "other":
        return "other"  # "Meta open-sourced X": someone else's release
    causative = _CAUSATIVE.search(clause)
    if causative:  # "make your model, Grok, open source": the verb's object is what would be open source
        return whose(causative.group("object"), names)
    tail = clause[-160:]
    for pattern, span in ((_COPULA, 80), (_APPOSITION, 40)):
        last = None
        for last in pattern.finditer(tail):
            pass
        if last and _MIDDLE.fullmatch(tail[last.end():]):
            head = _ASIDE.sub(" ", tail[max(0, last.start() - span):last.start()])  # "X (A, B) are": X
            head = head[max(head.rfind(","), head.rfind(";"), head.rfind(":")) + 1:]
            if head.strip() and pattern is _APPOSITION:  # "This LoRA adapts Mistral-7B, an open-source model": the name
                words = head.split()                          # right before the apposition is what it describes
                last = next((k for k in range(1, min(3, len(words)) + 1) if not words[-k][:1].isdigit()), 1)
                named = whose(" ".join(words[-last:]), names)  # "OLMo 2 7B, a …": a size or version is part of it
                if named in ("other", "sibling"):
                    return named
            if head.strip():
                return whose(head if pattern is _COPULA else _last_phrase(head), names, whole=software)
    cjk = _CJK_COPULA.search(clause) if "是" in clause or "为" in clause or "為" in clause else None
    if cjk and _LATIN_NAME.search(cjk.group("name")):
        latin = " ".join(_LATIN_NAME.findall(cjk.group("name"))[-2:])
        found = whose(latin, names)
        if found == "other" and _CJK_SIZED.fullmatch(latin):
            found = None  # "兰亭-14B" on `x/Lanting-14B`: a CJK name and this model's size says nothing of whose
        if found:
            return "own" if found == "org" else found
    title = _TITLE.match(clause)  # "YuLan-Chat: An Open-Source Bilingual Chatbot", "- Mistral-7B: an open-source model"
    named = whose(title.group("name"), names) if title else None
    if named in ("own", "org", "other", "sibling"):
        return "own" if named == "org" else named
    return None


def _agent_is_this(clause: str, names: Names) -> bool:
    """Is the one who open-sources this model or its publisher ("we have", "InternLM2 has", "Heronlabs will")?"""
    words = clause[max(clause.rfind(","), clause.rfind(";")) + 1:].split()[:3]
    return bool(words) and whose(" ".join(words[:2]), names) in ("own", "org")


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
    # adverbs of degree ending the window ("can't 100% open source") say how open, not what: every rule reads past them
    before, after = v.strip_before("degree", sentence[max(0, start - WINDOW):start]), sentence[end:end + WINDOW]
    if (_ID_BEFORE.search(before) and _ID_AFTER.match(after)) or _UNDERSCORE_BEFORE.search(
            before) or _UNDERSCORE_AFTER.match(after):
        return no("identifier")
    if v.test("citation", "sentence", sentence[max(0, start - WINDOW):end + WINDOW]) or v.test("citation", "before",
                                                                                                 before):
        return no("citation")
    if v.test("prompt", "before", before):
        return no("quoted-prompt")
    negated = v.test("negated", "before", before) and not v.test("pseudo", "before", before)
    if negated or v.test("negated", "after", after):
        return no("negated")
    if v.test("past", "before", before):
        return no("past-state")
    if v.test("promise", "before", before) and v.test("promise-contrast", "sentence", sentence[end:]):
        return no("promise-with-present-terms")
    if v.test("hashtag", "-", before):
        return no("hashtag")
    kind, word, rest = head_noun(after, v)
    if _ATTRIBUTIVE.search(before) and not _INDEFINITE.search(before) and names_another(
            after[:len(after) - len(rest)], names):
        return no("names-another")  # "we fine-tuned the open-source Falcon-7B"
    clause = _clause_before(before, v)
    aside = _ASIDE_OF.search(before[:len(before) - len(clause)]) if clause != before else None
    aside_of = whose(_last_phrase(aside.group("name")), names) if aside else None
    if aside_of in ("other", "sibling") or (aside_of == "org" and kind is None):
        return no("aside-of-other")  # "GPT-Neo (an open-source version of GPT-3)", "QuantLab (open source, MIT)"
    phrase = sentence[start:end]
    # the subject reads past a closed aside, which ends a trigger's reach but not a subject ("X (A, B) are …")
    said_of = _clause_before(_ASIDE.sub(lambda m: " " * len(m.group(0)), before), v) if ")" in before else clause
    owner = subject(said_of, after, bool(_VERB_FORM.search(phrase)), names, phrase.lower().endswith(("ed", "ing")),
                    software=kind == "software")
    # "Heron-7B — open source", "Try it in Chatterbox — an open source app": the name before the dash
    dash = _DASH_TITLE.search(before[:len(before) - len(clause)] if clause.strip().lower() in ("a", "an") else before) \
        if owner is None and clause.strip().lower() in ("", "a", "an") else None
    if dash:
        owner = whose(_last_phrase(dash.group("name")), names)
    if kind in ("project", "software") and owner == "org":
        owner = None  # "QuantKit is an open-source toolkit" on quantkit's cards: the toolkit, not this model
    if owner == "org" and kind is None and not phrase.lower().endswith(("ed", "ing")) and not _MODEL_WORD.search(
            clause):
        return no("org-subject")  # "Heronlabs, the open-source leader in AI": the uploader's slogan, not this model
    owner = "own" if owner == "org" else owner
    pronoun = _PRONOUN_SUBJECT.search(clause) if owner in ("own", None) else None
    if pronoun:  # "QuantKit makes it 2x faster; it is fully open source": the pronoun is the named subject's
        earlier = (before[:len(before) - len(clause)] + clause[:pronoun.start()]).rstrip(" ;,-–—")
        if earlier and agent(earlier, names) == "other":
            owner = "other"
    if kind == "code" and owner in ("own", "code") and _MODEL_TOO.match(after):
        return yes("own-code-and-model")  # "we open-source our code and models"
    if kind == "role":  # "a spaCy pipeline", "a toxicity detector": this model only as its subject or tagline
        tagline = owner is None and not phrase.lower().endswith(("ed", "ing")) and bool(
            _OPENING.match(clause) or _THIS_BEFORE.search(clause))
        if owner != "own" and not tagline:
            return no(f"other-thing:{word}")
        kind = "model"
    quantified = _QUANTIFIED.search(before)
    if quantified:  # "UIs and libraries, most of them open source": the things just named
        named = [vocabulary().kind_of(w.lower().strip(".,;:")) for w in before[:quantified.start()].split()[-6:]]
        if any(k in ("other", "software", "thing", "role") for k in named) and "model" not in named:
            return no("quantified-other")
    if kind in ("other", "thing", "license", "code", "project", "software"):
        return by_head(kind, word, rest, clause, owner, heading, names)
    if owner != "own" and (v.test("pair", "before", before) or v.test("pair", "after", after)):
        return no("kind-pair")
    if owner == "code":
        return yes("code-subject", "code")
    if owner in ("other", "sibling", "tooling"):
        return no(f"{owner}-subject")
    return by_context(v, before, after, rest, kind, word, owner, names, heading, clause)
