"""The decision for one "open source" mention: is it a claim about this model (or its code), and which rule says so.

A ConText-style procedure (docs/CLAIMS.md): modifiers from `auditor/data/claim-modifiers.tsv` are looked for in
bounded windows before and after the mention, the head noun of "open-source X" and the subject of the clause are
read, and the first rule that applies decides. Work per mention is bounded by the window, whatever the text.
"""

from __future__ import annotations

import re

from auditor.cards.claims.cjk import cjk_context
from auditor.cards.claims.context import Decision, by_context, by_head, no, yes
from auditor.cards.claims.names import Names, names_this_model
from auditor.cards.claims.phrase import APPOSITIVE, LICENCE_NAME, head_noun, last_phrase
from auditor.cards.claims.subject import ASIDE, CAUSATIVE, MODEL_WORD, aside_names_another, possessed_by_another, subject
from auditor.cards.claims.whose import agent, lists_others, names_another, ours_and_models, role_model, whose
from auditor.cards.claims.words import Vocabulary, vocabulary

WINDOW = 160
_ASIDE_OF = re.compile(r"(?P<name>[^\s()]+(?:\s+[^\s()]+){0,2})\s*\($")
_MODEL_TOO = re.compile(r"^[^.;:,()]{0,40}?\b(?:and|&)\s+(?:the\s+|our\s+|its\s+)?(?:\w+\s+)?"
                        r"(?:models?|weights|checkpoints?|llms?)\b", re.IGNORECASE)
#: The mention modifies what follows ("the open-source Falcon-7B"), not a predicate ("X is open source (MIT)").
_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|using|use|uses|used|of|from|on|with)|\w['’]s)\s+$",
                          re.IGNORECASE)
_VERB_FORM = re.compile(r"(?:ed|ing)$|^open(?:[\u00ad\u2010-\u2014\u2212-]\s|[\s\u00ad\u2010-\u2014\u2212-])?source$", re.IGNORECASE)  # any hyphen
#: A clause whose subject is only a pronoun ("it is", "it's", "they are"), which refers back to the sentence's subject.
_PRONOUN_SUBJECT = re.compile(r"(?:^\s*|[,;]\s*(?:(?:and|so|but)\s+)?|\s(?:and|so|but)\s+)(?:it|they|the\s+(?:whole|entire)\s+thing)"
                              r"(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s\s+$")
_WE_RELEASE = re.compile(r"\b(?:we|i)\s+(?:(?:are|am|have|now|also|hereby|proudly)\s+)?$", re.IGNORECASE)
_QUOTES = re.compile(r"[\"“”'‘’]")
_NO_BEFORE = re.compile(r"(?<![\w-])no\s+$", re.IGNORECASE)
_BEYOND = re.compile(r"\b(?:before|until|till|than|except|besides|other than|apart from|match(?:es)?|beats?|rivals?|outperforms?|"
                     r"surpass(?:es)?|comes?\s+close\s+to)\b(?P<rest>[^.;]{0,60})", re.IGNORECASE)
_AMONG = re.compile(r"\bamong(?:st)?\s+(?:the\s+|all\s+)?(?:[\w.-]+\s+){0,2}$", re.IGNORECASE)
#: "Like its base model, it is open source": a comparison opening the sentence is not what the pronoun refers to.
_LIKE = re.compile(r"^[\W_]*(?:like|unlike|as with|similar to|just like)\b[^,;]*$", re.IGNORECASE)
#: A second "open-…" adjective joined by a comma or "and" ("An open-source, open-data Gemma 2 fine-tune"): the phrase
#: goes on to its noun.
_OPEN_PAIR = re.compile(r"^\s*(?:,|\s(?:and|&))\s*open[\s-](?:data|science|weights?|access|training|recipe)\b", re.IGNORECASE)
#: The model noun before the words, as French, Spanish, Italian and Portuguese write it ("un modèle open source").
_NOUN_BEFORE = re.compile(r"\b(modèles?|modelos?|modell[io]|modele)\s+(?:(?:de\s+)?langu?a(?:ge|gem|je)\s+)?$", re.IGNORECASE)
#: A word for "open" in another language, glossed by "(open-source)" right after it.
_OPEN_GLOSSED = re.compile(r"(?:otwart\w*|abiert\w*|ouvert\w*|offen\w*|apert\w*|açık|terbuka|открыт\w*|mở|開放|开放)\s*$",
                           re.IGNORECASE)
#: The words in quotation marks with no subject of this model: the label itself, as said by others or scare-quoted.
_OWN_QUOTED = re.compile(r"\b(?:our|this|its)\s+[\"“'‘«]$", re.IGNORECASE)  # 'Our "open-source" release': its own, scare quotes or not
_QUOTE_BEFORE, _QUOTE_AFTER = re.compile(r"[\"“'‘«]$"), re.compile(r"^[\"”'’»]")
#: "We release this checkpoint as an open-source baseline": what is released as the thing, whatever the thing's noun.
_RELEASE_AS = re.compile(r"\b(?:release[sd]?|releasing|publish(?:es|ed|ing)?|shar(?:e|es|ed|ing)|offer(?:s|ed|ing)?|provid(?:e|es|ed|ing))\s+"
                         r"(?P<object>(?:this|our|these|the)\s+(?:[\w-]+\s+){0,2}?(?:models?|checkpoints?|weights|adapters?|loras?)|it|them|"
                         r"(?-i:[A-Z])[\w.-]+(?:\s+[\w.-]+)?)"
                         r"\s+as\s+(?:(?:an?|the)\s+)?(?:(?:fully|completely|truly)\s+)?$", re.IGNORECASE)
#: "Part of the open-source <its publisher's> toolkit": this model is a piece of that project.
_PART_OF = re.compile(r"\b(?:part|one|a component|a piece|a member)\s+of\s+(?:the|our)\s+$", re.IGNORECASE)
_ONE_WORD, _DASH_TITLE = re.compile(r"[a-z][\w.-]{2,}"), re.compile(r"(?P<name>[^\s—–-][^—–]{0,58}?)\s+[—–-]\s+$")
#: The words joined into an identifier: a repo or dataset name ("bert-finetuned-opensource-reviews"), hyphens on
#: both sides or an underscore on either (the target's word boundaries already keep most underscored names out).
_ID_BEFORE, _ID_AFTER = re.compile(r"[A-Za-z0-9]-$"), re.compile(r"^-[A-Za-z0-9]")
#: A path's segment that goes on ("ember-dev/open-source-llm-recipes", "acme/opensource_tools"): a repo's name.
_PATH_BEFORE, _PATH_AFTER = re.compile(r"\w/$"), re.compile(r"^[-_/.][A-Za-z0-9]")
_UNDERSCORE_BEFORE, _UNDERSCORE_AFTER = re.compile(r"\w_$"), re.compile(r"^_\w")
_OPENING = re.compile(r"^[\W_]*(?:an?\s+(?:(?!(?:the|of|with|for|in|on|by|from|to)\b)[\w-]+,?\s+){0,2})?"
                      r"(?:(?:fully|completely|truly|entirely|100%)\s+)?$", re.IGNORECASE)  # "A small, open-source …"
_PLAN = re.compile(r"^[\W_]*(?:\[[ xX]\]\s*)?$")  # the mention opens a sentence, item or task: "Open-source the X", a plan
#: "Open-source the tokenizer pipeline": the verb (an imperative, a plan), not the adjective of a tagline.
_DETERMINER_AFTER = re.compile(r"^\s+(?:the|a|an|our|its|this|these|their|all)\b", re.IGNORECASE)
#: The weights' own terms stated beside a code claim: the card tells code and weights apart (a code claim).
_WEIGHTS_TERMS = re.compile(r"\b(?:model\s+)?(?:weights|checkpoints?)\s+(?:are|is)\s+(?:\w+\s+){0,2}(?:released|licen[cs]ed|governed|"
                            r"distributed|provided|under|cc[- ]by|non-?commercial|research[- ]only|for\s+research)\b", re.IGNORECASE)
_THIS_BEFORE = re.compile(r"(?:^|[^\w\s]\s*)(?:this|our)\s+$", re.IGNORECASE)
#: "…libraries, most of them open source": a quantifier over the things just named.
_QUANTIFIED = re.compile(r"\b(?:most|many|all|some|both|several|each|half|none)\s+of\s+(?:them|which|these|those)\s+"
                         r"(?:are\s+|being\s+)?$", re.IGNORECASE)
#: "This is an open source GPT-2 model", "An open-source Llama-3 fine-tune": after the indefinite article, opening
#: the sentence or after a copula, the name is the model's architecture, not the model the mention is about.
_INDEFINITE = re.compile(r"(?:^[\W_]*|\b(?:is|are|was|were)\s+)an?\s+(?:(?:fully|completely|truly|entirely|"
                         r"100%|small|new|tiny|compact|lightweight)[,]?\s+)*$", re.IGNORECASE)
#: "…, making it the SOTA open-source code LLM", "which makes it the best open-source …": the pronoun is the thing
#: the sentence named first (its subject, or what "we released"), not necessarily this model.
_MAKING_IT = re.compile(r"(?:[,;]\s*|\b(?:which|that|and)\s+)(?:making|makes|made)\s+it\s+(?:[\w#-]+\s+){0,3}$",
                        re.IGNORECASE)
_OWN_PRONOUN = re.compile(r"\b(?:it|this|our model|the model)\b", re.IGNORECASE)
_MODEL_NAME = re.compile(r"(?<![\w./-])(?=[\w.+-]*\d)(?-i:[A-Z])[\w.+-]*[A-Za-z][\w.+-]*")


def _first_name(text: str, names: Names) -> str | None:
    """Whose is the thing a sentence names first: a model-like name (capitalised, with a digit: "WizardCoder-34B"),
    or this model when "it", "this (model)" or "our model" comes before any ("We released X" names X)."""
    text = re.sub(r"\[[^\]]{0,30}\]|\b\d{4}[-./]\d\d?(?:[-./]\d\d?)?", " ", text[-300:])
    found = _MODEL_NAME.search(text)
    if _OWN_PRONOUN.search(text[:found.start()] if found else text):
        return "own"
    return whose(found.group(0).strip(".-"), names) if found else None


def _clause_before(before: str, vocab: Vocabulary) -> str:
    last = None
    for last in vocab.modifiers[("terminator", "-")].finditer(before):
        pass
    return before[last.end():] if last else before


#: Other people's word for it ("people call it open source, but …"): their label, whoever "it" is.
#: The card agreeing with the label ("Users consider it an open-source alternative, and it is."): its own claim too.
_AGREED = re.compile(r"^[^.;]{0,80}?[,:;]?\s*(?:and|because|since)\s+(?:it|they|this model)\s+(?:really\s+|truly\s+)?(?:is|are)\b",
                     re.IGNORECASE)
_OTHERS_CALL = re.compile(r"\W*(?:people|many|some|others|folks|users|everyone|the community|the press|media|fans)\b", re.IGNORECASE)

def decide(sentence: str, start: int, end: int, heading: bool, names: Names) -> Decision:
    """Decide one mention `sentence[start:end]` (see docs/CLAIMS.md for the order of the rules)."""
    v = vocabulary()
    # adverbs of degree ending the window ("can't 100% open source") say how open, not what: every rule reads past them
    before, after = v.strip_before("degree", sentence[max(0, start - WINDOW):start]), sentence[end:end + WINDOW]
    if ((_ID_BEFORE.search(before) or _PATH_BEFORE.search(before)) and (_ID_AFTER.match(after) or _PATH_AFTER.match(
            after))) or _UNDERSCORE_BEFORE.search(
            before) or _UNDERSCORE_AFTER.match(after):
        return no("identifier")
    if v.test("citation", "sentence", sentence[max(0, start - WINDOW):end + WINDOW]) or v.test("citation", "before",
                                                                                                 before):
        return no("citation")
    if v.test("prompt", "before", before):
        return no("quoted-prompt")
    beyond = _BEYOND.search(sentence[end:end + WINDOW]) if _NO_BEFORE.search(before) else None
    negated = v.test("negated", "before", before) and not v.test("pseudo", "before", _QUOTES.sub("", before)) and not (
        beyond and names_this_model(beyond.group("rest"), names))  # ("No open-source model … before Nimbus-7B")
    if negated or v.test("negated", "after", after):
        return no("negated")
    if v.test("past", "before", before):
        return no("past-state")
    if v.test("promise", "before", before) and v.test("promise-contrast", "sentence", sentence):
        return no("promise-with-present-terms")
    if sentence[start:end] == "OSS" and (v.test("storage", "before", before) or v.test("storage", "after", after)):
        return no("object-storage")  # "从阿里云 OSS 下载", "our OSS bucket": Alibaba Cloud's storage service
    if v.test("hashtag", "-", before):
        return no("hashtag")
    if v.test("term", "before", before) or v.test("term", "after", after):
        return no("the-term")  # "The term open source comes from software": the words, not a thing said of
    labelled = v.find("labelled-as", "before", before)
    others_call = bool(labelled) and bool(_OTHERS_CALL.match(labelled.group(0)))
    if labelled and not (others_call and _AGREED.match(after)) and (whose(labelled.group(0), names) != "own" or others_call):
        return no("labelled-as")  # "Some competitors describe models with usage restrictions as open source"
    kind, word, rest = head_noun(_OPEN_PAIR.sub(" ", after, count=1), v)  # "open-source, open-data Gemma 2 fine-tune"
    noun_first = _NOUN_BEFORE.search(before)
    if noun_first and kind != "model":
        kind, word, rest = "model", noun_first.group(1).lower(), after  # "un modèle open source publié sous licence …"
    if kind != "model" and _PLAN.match(sentence[:start]) and _DETERMINER_AFTER.match(after):
        return no("open-task")  # "Open-source the Lean-based answer verifier once it is cleaned up": a component's plan
    noun_phrase = after[:len(after) - len(rest)]
    found = APPOSITIVE.search(after[:len(noun_phrase) + 40]) if kind == "model" else None  # "the open-source model Llama 2"
    appositive = found if found and found.start("name") < len(noun_phrase) else None
    first_word = " ".join(noun_phrase.split()[:1])  # "Meta's open-sourced Llama covers Kurmanji": its maker's model
    if _ATTRIBUTIVE.search(before) and not _INDEFINITE.search(before) and (names_another(noun_phrase, names) or lists_others(
            after, names) or (
            appositive and whose(appositive.group("name"), names) in ("other", "sibling")) or (
            _POSSESSIVE_BEFORE.search(before) and whose(first_word, names) == "other" and possessed_by_another(
                before, first_word, names))):
        return no("names-another")  # "we fine-tuned the open-source Falcon-7B"
    if _ATTRIBUTIVE.search(before) and kind is None and whose(noun_phrase, names) == "sibling":
        return no("sibling-subject")  # "our previous release, the open-source Corvid-7B": another size of the family
    if v.test("hypothetical", "before", before):
        return no("hypothetical")
    if v.test("generic", "before", before) and v.test("generic", "after", after) and not v.test("this-too", "after", after):
        return no("generic")  # "Moreover, an open-source model cannot be recalled once released": any such model
    if v.test("compat", "after", after):
        return no("compatibility")  # "ONNX export included, open-source ready for Piper"  # "if there is interest, we may open-source it", "we considered releasing it as …"
    if v.test("others-invited", "before", before):
        return no("others-invited")  # "we hope this encourages more labs to open-source their models"
    clause = _clause_before(before, v)
    aside = _ASIDE_OF.search(before[:len(before) - len(clause)]) if clause != before and len(clause.split()) <= 8 else None
    # (an aside is short and opens on the words: "GPT-Neo (an open-source version of GPT-3)"; a long parenthetical
    # remark is read as a clause of its own)
    aside_of = whose(last_phrase(aside.group("name")), names) if aside else None
    named = last_phrase(aside.group("name")).strip() if aside else ""
    glossed = bool(aside and _OPEN_GLOSSED.search(aside.group("name")))
    if glossed:
        aside_of = None  # "Wisła to otwarty (open-source) polski model": the English gloss of the word before it
    if aside_of is None and not glossed and kind is None and names.known and _ONE_WORD.fullmatch(named) and not vocabulary().kind_of(
            named.lower()):
        aside_of = "other"  # "Augmentations with albumentations (open source)": a thing named by one word, not this model
    if aside_of == "other" and LICENCE_NAME.search(named):
        aside_of = None  # "| License | Apache 2.0 (open source) |": the aside says the licence is open source
    if aside_of in ("other", "sibling") or (aside_of == "org" and kind is None):
        return no("aside-of-other")  # "GPT-Neo (an open-source version of GPT-3)", "QuantLab (open source, MIT)"
    phrase = sentence[start:end]
    # the subject reads past a closed aside, which ends a trigger's reach but not a subject ("X (A, B) are …")
    said_of = _clause_before(ASIDE.sub(lambda m: " " * len(m.group(0)), before), v) if ")" in before else clause
    owner = subject(said_of, after, bool(_VERB_FORM.search(phrase)), names, phrase.lower().endswith(("ed", "ing")),
                    software=kind == "software")
    if v.test("ours-all", "before", before) and not v.test("ours-all-scoped", "after", after):
        return yes("ours-all")  # "We're a small open-source collective and everything we make is open source"
    owner = "other" if owner == "code" and aside_names_another(before, names) else owner  # "The pipeline (LLaMA-Factory) is"
    # "Heron-7B — open source", "Try it in Chatterbox — an open source app": the name before the dash
    dash = _DASH_TITLE.search(before[:len(before) - len(clause)] if clause.strip().lower() in ("a", "an") else before) \
        if owner is None and clause.strip().lower() in ("", "a", "an") else None
    if dash:
        owner = whose(last_phrase(dash.group("name")), names)
    if kind in ("project", "software") and owner == "org":
        owner = None  # "QuantKit is an open-source toolkit" on quantkit's cards: the toolkit, not this model
    if owner == "org" and kind is None and not phrase.lower().endswith(("ed", "ing")) and not MODEL_WORD.search(
            clause) and not CAUSATIVE.search(said_of):  # ("we make Terrasight fully open source" is this model)
        return no("org-subject")  # "Heronlabs, the open-source leader in AI": the uploader's slogan, not this model
    owner = "own" if owner == "org" else owner
    pronoun = _PRONOUN_SUBJECT.search(clause) if owner in ("own", None) else None
    if pronoun:  # "QuantKit makes it 2x faster; it is fully open source": the pronoun is the named subject's
        earlier = (before[:len(before) - len(clause)] + clause[:pronoun.start()]).rstrip(" ;,-–—")
        opening = earlier[max(earlier.rfind(","), earlier.rfind(";")) + 1:].split()[:4]
        opening = [w for w in opening if not LICENCE_NAME.search(w)]  # ("Licensed under Apache 2.0, it is …": no name)
        if earlier and not _LIKE.match(earlier) and (agent(earlier, names) == "other" or whose(" ".join(opening), names) == "other"):
            owner = "other"  # ("the llama.cpp feature matrix is on GitHub, and the whole thing is open source")
    making = _MAKING_IT.search(before) if owner in ("own", None) and names.known else None
    antecedent = _first_name(before[:making.start()], names) if making else None
    if antecedent in ("other", "sibling"):
        return no("other-subject")  # "We released WizardCoder-34B, …, making it the SOTA open-source code LLM"
    if antecedent == "own":  # "Heron-7B beats Llama-2-13B, making it the best open-source 7B model": a new clause
        before = before[making.start():]
    if kind in ("code", "software", "project") and (owner in ("own", "code") and _MODEL_TOO.match(after) or ours_and_models(before, after)):
        return yes("own-code-and-model")  # "we open-source our code and models"
    if kind == "role" and owner == "code":
        return yes("code-subject", "code")  # "We open-source the full training pipeline": the model's own code
    if kind == "role":  # "a spaCy pipeline", "a toxicity detector": this model only as its subject or tagline
        tagline = owner is None and not phrase.lower().endswith(("ed", "ing")) and not _DETERMINER_AFTER.match(
            after) and bool((clause == before and _OPENING.match(clause)) or _THIS_BEFORE.search(clause))  # not "X (OSS detector)"
        if owner != "own" and not tagline and not v.test("group", "before", before) and not v.test("rank", "before", before) and (
                not _AMONG.search(before)):  # ("Among open-source rerankers under 2B, it is the strongest")
            return no(f"other-thing:{word}")  # ("other open-source TTS systems" puts this model in their group)
        kind = "model"
    quantified = _QUANTIFIED.search(before)
    if quantified:  # "UIs and libraries, most of them open source": the things just named
        named = [vocabulary().kind_of(w.lower().strip(".,;:")) for w in before[:quantified.start()].split()[-6:]]
        if any(k in ("other", "software", "thing", "role") for k in named) and "model" not in named:
            return no("quantified-other")
    released = _RELEASE_AS.search(before)
    pronoun_object = bool(released) and released.group("object").lower() in ("it", "them")
    if released and (_WE_RELEASE.search(before[:released.start()]) if pronoun_object else whose(
            released.group("object"), names) == "own"):  # ("We release it as …"; not "Meta released it as …")
        return yes("released-as")  # "We release this checkpoint as an open-source baseline for KitchenBench"
    if kind in ("project", "software") and _PART_OF.search(before) and whose(
            after[:len(after) - len(rest)].rstrip(" .,;:").rsplit(" ", 1)[0], names) in ("own", "org"):
        return yes("part-of-own", "code")  # "Part of the open-source Marlowe Audio Toolkit" on marlowe-audio/…: its own
    if kind in ("other", "thing", "license", "code", "project", "software"):
        return by_head(kind, word, rest, clause, owner, heading, names)
    if owner != "own" and (v.test("pair", "before", before) or v.test("pair", "after", after)):
        return no("kind-pair")
    if owner == "code" or (owner == "tooling" and _WEIGHTS_TERMS.search(after)):
        return yes("code-subject", "code")  # "Inference code is open source (MIT); the weights are under CC-BY-NC"
    if owner is None and kind == "model" and whose(after[:len(after) - len(rest)], names) == "sibling":
        return no("sibling-subject")  # "- [ ] Open-source 14B weights" on the 1.3B card: another size's release
    if owner in ("other", "sibling", "tooling") and v.test("this-too", "after", after):
        return yes("this-too")  # "Gemma is open source from Google, and this is too!"
    if owner in ("other", "sibling", "tooling") or (owner is None and possessed_by_another(before, noun_phrase, names)):
        return no(f"{owner or 'other'}-subject")  # ("The Qwen team's open-source releases": theirs)
    if owner != "own" and _QUOTE_BEFORE.search(before) and _QUOTE_AFTER.match(after) and not _OWN_QUOTED.search(before):
        return no("quoted-label")  # 'Lots of labs now put "open source" on models with a 700M-MAU clause': the label
    if phrase in ("开源", "開源"):
        cjk = cjk_context(before, after, names, v)
        if cjk:
            return no(cjk)
    if owner is None and kind == "model" and role_model(noun_phrase, names) and not (
            _OPENING.match(clause) and not _DETERMINER_AFTER.match(after)):  # (not the tagline "An open-source reward model")
        return no("other-model")  # "scored by an open-source judge model", "- [ ] Open-source the reward model"
    return by_context(v, before, after, rest, kind, word, owner, names, heading, clause)
