"""Whose an "open source" mention is: the subject of its clause (a copula's, an apposition's, a title's, a Chinese
copula's) or, for the verb, its object (docs/CLAIMS.md, section 5)."""

from __future__ import annotations

import re

from auditor.cards.claims.names import TOKEN, Names, base_families, cjk_families, is_own, norm
from auditor.cards.claims.phrase import head_noun, last_phrase
from auditor.cards.claims.whose import agent, names_another, role_model, whose
from auditor.cards.claims.words import vocabulary

_TITLE = re.compile(r"^\s*(?P<name>[^:]{1,60}):\s")

_COPULA = re.compile(r"\s(?:is|are|was|were|has been|have been|had been|will be|be|being|remains?|becomes?|stays?)\s"
                     r"|(?<=\bit)['’]s\s|(?<=\bthat)['’]s\s|(?<=\bwe)['’]re\s|(?<=\bthey)['’]re\s",
                     re.IGNORECASE)  # "it's licensed under …" is "it is"

#: "make X open source", "keep it open-source": the object of the verb is the subject of the mention.
CAUSATIVE = re.compile(r"\b(?:make|makes|made|making|keep|keeps|kept|keeping)\s+"
                        r"(?P<object>(?:(?!(?:the|an?|to)\b)[^\s.;:!?]+[\s,]+){1,5}?)(?:an?\s+)?(?:(?:fully|completely|truly)\s+)?$",
                        re.IGNORECASE)

ASIDE = re.compile(r"\([^()]{0,60}\)")

_SIZE_OR_VERSION = re.compile(r"v?\d", re.IGNORECASE)  # "OLMo 2 7B", "Mistral 7B Instruct v0.2"

#: "Inference and training code open-sourced under MIT": a participle after a noun of code or model, with no one's
#: possessive before it ("Meta's code open-sourced" is Meta's), is a passive whose subject is that noun.
_REDUCED_PASSIVE = re.compile(r"^(?:(?!['’]s\b)[^.;:])*?\b(?P<noun>[a-z]+)\s+$", re.IGNORECASE)

#: A copula with its subject left out, after "and" ("It is small and is fully open source").
_ELIDED = re.compile(r"(?:^|\s)(?:and|but|yet)\s*$", re.IGNORECASE)
_RELATIVE_WORD = re.compile(r"\b(?:which|that|who)\b", re.IGNORECASE)
_VERB_NEXT = re.compile(r"\s+(?-i:[a-z])(?!(?:the|a|an|this|it|we|our|they|its)\b)")  # a relative's verb follows it
_LICENCE_WORDS = re.compile(r"\b(?:apache|mit|bsd|[al]?gpl|mpl|cc[- ]by\w*|licen[cs]es?)\b", re.IGNORECASE)
_OWN_FORMS = re.compile(r"\b(?:sizes?|versions?|variants?|flavou?rs?|editions?|quants?|formats?)\b", re.IGNORECASE)
#: A name in parentheses right before the copula ("The training pipeline (LLaMA-Factory) is …"): what the noun is.
_NAMED_ASIDE = re.compile(r"\(((?-i:[A-Z])[^(),;]{0,40}|[\w.-]*(?-i:[A-Z])[^(),;]{0,40})\)\s*(?:is|are|was|were)\s+(?:\w+\s+)?$",
                          re.IGNORECASE)  # (a name: one item, with a capital; not a list of parts "(adapter, scripts)")


def aside_names_another(before: str, names: Names) -> bool:
    """Does a parenthesis before the copula name another thing as what the subject is ("The training pipeline
    (LLaMA-Factory) is open source": the named tool's, not this model's code)?"""
    named = _NAMED_ASIDE.search(before[-120:])
    return bool(named) and whose(named.group(1), names) == "other"

#: A list as the copula's subject ("A, B and C are"): its last item follows "and"; each item is split out.
_LIST_END = re.compile(r"(?:^|\s)(?:and|&)\s", re.IGNORECASE)
_OWN_ITEM = re.compile(r"^\W*(?:this|our|the|its|every|each|all(?:\s+(?:the|our))?)\s+(?!(?:base|teacher|reward|judge|draft|"
                       r"critic|policy|reference|original|parent|student|source|upstream|underlying|foundation|pre-?trained|"
                       r"embedding|retriever|retrieval|reranker|safety|guard|classifier|baseline|previous|earlier|old|larger|"
                       r"smaller|other|competing|rival)\b)(?:model['’]?s?\s+|[\w-]+\s+)?"
                       r"(?:model|checkpoints?|weights|release|adapter|lora)(?:\s+(?:in|of|from)\s+(?:this|our)\s+[\w-]+)?\s*$",
                       re.IGNORECASE)  # "the model weights, training code and evaluation harness are all open-sourced";
# "The FV-Detect code and every checkpoint in this zoo are open source"
_LIST_SPLIT = re.compile(r",\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", re.IGNORECASE)

_PRONOUN_LAST = re.compile(r"(?:^|[\s,])(it|this|we)\s*$", re.IGNORECASE)
_RELATIVE = re.compile(r"\s*(?:which|who|that)\s*", re.IGNORECASE)

#: "GPT-J was released by EleutherAI as an open-source alternative to GPT-3": what is released as the thing is the
#: subject before the copula (the releaser after "by" is not).
_RELEASED_AS = re.compile(r"\s(?:is|are|was|were|has been|have been|had been)\s+(?:\w+\s+)?(?:released|published|launched|"
                          r"introduced|presented|distributed|positioned|marketed|made available)\s+(?:by\s+[^,;()]{1,40}?\s+)?"
                          r"(?:in\s+\d{4}\s+)?as\s+(?=(?:an?|the)\s)", re.IGNORECASE)

_APPOSITION = re.compile(r"(?:,|\s[—–-])\s+(?:a|an|the|our|(?-i:[A-Z])[\w.&-]*['’]s)\s", re.IGNORECASE)  # "…, TII's open-source …"

#: Between the copula (or the apposition's article) and the mention: adverbs, articles, adjectives; no preposition.
#: "free and open-source software": an adjective joined by "and", not the verb ("we train and open-source X").
_ADJECTIVE_AND = re.compile(r"\b(?:free|libre|small|fast|transparent|permissive|powerful|lightweight|multilingual|"
                            r"reproducible|auditable|efficient|safe)\s+and\s+$", re.IGNORECASE)

_MIDDLE = re.compile(r"(?:(?!(?:in|on|at|with|from|by|for|to|of|into|upon|than|over|like|about|behind|beyond|within|inside|"
                     r"across|around)\b)[\w'’#%-]+\s+){0,6}", re.IGNORECASE)

_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+\s+)?$", re.IGNORECASE)

_ACTIVE_BEFORE = re.compile(r"(?:\b(?:we|i|they|to|will|have|has|had|also|and|by|of|for)\s+|^\s*)$", re.IGNORECASE)

MODEL_WORD = re.compile(r"\b(?:models?|weights|checkpoints?|llms?|releases?)\b|模型|权重", re.IGNORECASE)

_PUNCTUATION = re.compile(r"^\s*(?:[,;:.!?)\](]|[—–-]\s)")  # "Fully opensource (Apache 2.0) - weights, …": no object

#: The subject of a Chinese copula: "Llama 2 是 Meta 开源的大模型" (its Latin-script names say whose).
_CJK_COPULA = re.compile(r"(?P<name>[^，。,;；：:！？]{1,40}?)\s*(?:是|为|為)[^，。,;；是为為]{0,30}$")

#: A name with Latin letters, with the CJK part joined to it by a hyphen ("智云-7B-Chat", "Llama 2").
_LATIN_NAME = re.compile(r"(?:[^\W\d_A-Za-z]+-)?(?:[A-Za-z]|(?<=-)\d+[A-Za-z])[\w.+-]*(?:\s+\d[\w.]*)?")

#: "Heron-7B — open source, Apache 2.0": a name, a dash, the mention (a tagline like "Heron-7B: open source").
_CJK_SIZED = re.compile(r"[^\W\d_A-Za-z]+-\d+(?:\.\d+)?[BbMm](?:-[A-Za-z]+)?")


def subject(clause: str, after: str, verb: bool, names: Names, inflected: bool = False,
            software: bool = False) -> str | None:
    """Whose the mention is, from the clause's subject ("X is open source", "X, an open-source Y") or, for the verb
    ("we open-sourced X"), its object."""
    thing = _REDUCED_PASSIVE.search(clause) if inflected else None
    if thing and vocabulary().kind_of(thing.group("noun").lower()) in ("code", "model"):
        return whose(last_phrase(clause), names)  # "Inference and training code open-sourced under MIT": the code's
    if inflected and not _PASSIVE.search(clause) and agent(clause, names) == "other":
        return "other"  # "Facebook AI has built and open-sourced BlenderBot": its publisher's release, not this one
    active = verb and bool(_ACTIVE_BEFORE.search(clause)) and not _ADJECTIVE_AND.search(clause)
    if active and not _PUNCTUATION.match(after):  # "we open-source X": the object is what is open-sourced
        kind, word, rest = head_noun(after, vocabulary())
        obj = after[:len(after) - len(rest)]
        found = whose(obj, names) if obj.strip() else None
        if found == "other" and kind == "model" and not names_another(obj, names) and not role_model(obj, names) and (
                _agent_is_this(clause, names)):
            return "own"  # "InternLM2 has open-sourced a base model and a chat model": its publisher's own models
        if found:
            return found
    if inflected and not _PASSIVE.search(clause) and agent(clause, names) == "other":
        return "other"  # "Meta open-sourced X": someone else's release
    causative = CAUSATIVE.search(clause)
    if causative:  # "make your model, Grok, open source": the verb's object is what would be open source
        return whose(causative.group("object"), names)
    tail = clause[-160:]
    for pattern, span in ((_COPULA, 80), (_RELEASED_AS, 80), (_APPOSITION, 40)):
        found_all = list(pattern.finditer(tail))
        last = found_all[-1] if found_all else None
        if last and _MIDDLE.fullmatch(tail[last.end():]):
            start = last.start()
            if pattern is _COPULA and _ELIDED.search(tail, 0, start):  # "It is small … and is fully open source"
                relative = [r for r in _RELATIVE_WORD.finditer(tail, found_all[-2].end() if len(found_all) > 1 else 0, start)
                            if _VERB_NEXT.match(tail, r.end())]  # ("proud to say that Heron-7B runs …": no relative)
                if relative:  # "built on OLMo-2, which supports 8k and is open source": what "which" follows
                    antecedent = last_phrase(tail[:relative[-1].start()].rstrip(" ,"))
                    found = None if _LICENCE_WORDS.search(antecedent) else whose(antecedent, names)  # "under Apache 2.0, which …"
                    return "other" if found is None and names.known and not MODEL_WORD.search(antecedent) and not (
                        _OWN_FORMS.search(antecedent) or _LICENCE_WORDS.search(antecedent)) else found  # ("in four sizes, which …")
                if len(found_all) < 2:  # "Heron supports 8k context and is open source": the clause's opening words
                    opening = tail[:start][max(tail.rfind(",", 0, start), tail.rfind(";", 0, start), tail.rfind(":", 0, start)) + 1:]
                    return whose(" ".join(opening.split()[:3]), names)
                start = found_all[-2].start()  # the first verb's subject is the second's
            head = ASIDE.sub(" ", tail[max(0, start - span):start])  # "X (A, B) are": X
            cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
            if _RELATIVE.fullmatch(head[cut + 1:]) and cut > 0:  # "librosa, which is open source": what it follows
                antecedent = last_phrase(head[:cut])
                found = whose(antecedent, names, whole=software)
                if found is None and names.known and not MODEL_WORD.search(antecedent):
                    return "other"  # a thing named before "which" that is not this model ("a new model, which…" is)
                return found
            if pattern is _COPULA and _LIST_END.search(head[cut + 1:]) and any(
                    _OWN_ITEM.match(item) or _named_item(item, names)
                    for item in _LIST_SPLIT.split(head[max(head.rfind(":"), head.rfind(";")) + 1:])[:6]):
                return "own"  # "This model, its training scripts and the synthetic data are all open source"
            head = head[cut + 1:]
            if head.strip() and pattern is _APPOSITION:  # "This LoRA adapts Mistral-7B, an open-source model": the name
                words = head.split()                          # right before the apposition is what it describes
                last = next((k for k in range(1, min(3, len(words)) + 1) if not _SIZE_OR_VERSION.match(words[-k])), 1)
                named = whose(" ".join(words[-last:]), names)  # "OLMo 2 7B, a …": a size or version is part of it
                if named in ("other", "sibling"):
                    return named
            pronoun = _PRONOUN_LAST.search(head) if pattern is _COPULA else None
            if pronoun:  # "On our internal evaluation it is the #1 open-source model": the pronoun is the subject
                return whose(pronoun.group(1), names)
            if head.strip():
                return whose(head if pattern is _COPULA else last_phrase(head), names, whole=software)
    cjk = _CJK_COPULA.search(clause) if "是" in clause or "为" in clause or "為" in clause else None
    family = cjk_families().get(norm(cjk.group("name").strip(" \t#*-"))) if cjk else None
    if family:  # "通义千问是阿里云开源的大模型系列": Qwen's Chinese name, this model's on its publisher's repos
        official = names.org in family[1] and (names.org.startswith(family[0]) or any(family[0] in w for w in names.whole))
        found = "own" if official else whose(family[0].capitalize(), names)  # (not TencentARC's other models)
        return "own" if found in ("own", "org") else found
    if cjk and _LATIN_NAME.search(cjk.group("name")):
        latin = " ".join(_LATIN_NAME.findall(cjk.group("name"))[-2:])
        found = whose(latin, names)
        if found == "other" and (_CJK_SIZED.fullmatch(latin) or (re.search(r"[^\W\d_A-Za-z][A-Za-z]", cjk.group("name"))
                                                               and (norm(latin) not in base_families()
                                                                    or any(norm(latin) in w for w in names.whole)))):
            found = None  # "兰亭-14B" on `x/Lanting-14B`, "海韵TTS": a CJK name (Latin letters glued to it) says nothing of whose
        if found:
            return "own" if found == "org" else found
    title = _TITLE.match(clause)  # "YuLan-Chat: An Open-Source Bilingual Chatbot", "- Mistral-7B: an open-source model"
    named = whose(title.group("name"), names) if title else None
    if named in ("own", "org", "other", "sibling"):
        return "own" if named == "org" else named
    return None


def _named_item(item: str, names: Names) -> bool:
    """A list item that is this model by its name alone ("Heron-7B" of "Heron-7B, its code and its data are …")."""
    words = TOKEN.findall(item)
    return 0 < len(words) <= 3 and is_own(words, names, with_org=False)


def _agent_is_this(clause: str, names: Names) -> bool:
    """Is the one who open-sources this model or its publisher ("we have", "InternLM2 has", "Heronlabs will")?"""
    words = clause[max(clause.rfind(","), clause.rfind(";")) + 1:].split()[:3]
    return bool(words) and whose(" ".join(words[:2]), names) in ("own", "org")


_COPULA_THEN = re.compile(r"([\w.-]+(?:\s+[\w.-]+){0,3})\s+(?:is|was)\s+(?:one|the\s+(?:first|only|best|latest))\s+of\s+$", re.I)
_DERIVED_NOUN = re.compile(r"^\W*(?:[\w-]+\s+)?(?:derivatives?|fine-?tunes?|finetunes?|variants?|descendants?|adaptations?)\b", re.I)
#: A named possessor right before the mention's phrase ("The Qwen team's open-source releases", "Mistral AI's").
_POSSESSOR = re.compile(r"((?-i:[A-Z])[\w.&-]*(?:\s+[\w.&-]+){0,2})(?:['’]s|s['’])\s+$")


def possessed_by_another(before: str, phrase: str, names: Names) -> bool:
    """Is the phrase another's by its possessor ("The Qwen team's open-source releases have been our backbone")? Not the
    uploader's, however it writes its name ("Ironbark's" on `ironbark-ai/…`), nor this model named by its maker
    ("Google's open-source Gemma 3" on a Gemma 3 quantisation)."""
    found = _POSSESSOR.search(before[-80:])
    if not found or whose(found.group(1), names) != "other" or whose(phrase, names) == "own" or _DERIVED_NOUN.match(phrase):
        return False
    copula = _COPULA_THEN.search(before[max(0, found.start() - 120):found.start()])  # "Nimbus-7B is the first of …"
    return not (copula and any(is_own([w], names, with_org=False) for w in TOKEN.findall(copula.group(1))[-4:]))
