"""Whose is a noun phrase: this model ("we", "this model", its names), its code, tooling, a sibling, or someone else."""

from __future__ import annotations

import re

from auditor.cards.claims.names import COMMON_CAPITALISED, NAME_LIKE, SIZE, TOKEN, Names, base_families, is_own, norm, version_of_own
from auditor.cards.claims.words import Vocabulary, vocabulary

_YOUR = re.compile(r"^(?:your|yours)$", re.IGNORECASE)
_VERSION_OR_DATE = re.compile(r"\[?(?:v?\d[\d.]*|\d{4}[-./]\d\d?(?:[-./]\d\d?)?)\]?:?", re.IGNORECASE)
_OWN_WORDS = re.compile(r"^(?:we|us|our|ours|it|its|this|these|here)$", re.IGNORECASE)
#: "The result is a fully open-source 21B model": what a merge or fine-tune produced is this model.
_RESULT = re.compile(r"^\W*(?:(?:the|this)\s+(?:end\s+|final\s+)?result|(?-i:Model))$", re.IGNORECASE)  # "Model is …"
#: "the base model", "the original model", "the teacher": another model than this one.
_OTHER_MODEL = re.compile(r"\b(?:base|original|parent|teacher|upstream|underlying|pre-?trained|reference|previous|earlier|"
                          r"older|other|source|foundation)\s+(?:\w+\s+)?(?:model|models|llm|llms|weights|checkpoints?)\b",
                          re.IGNORECASE)
_MODEL_OWN = re.compile(r"\b(?:this|the|our|its)\s+(?:\w+\s+){0,2}(?:model|models|weights|checkpoints?|release|llm)\b",
                        re.IGNORECASE)
#: Code named for the model's own tasks: "our pre-processing and fine-tuning code" is the model's code, not tooling.
_OWN_TASK = re.compile(r"\b(?:training|fine-?tuning|finetuning|pre-?training|inference|serving|modell?ing)\b", re.IGNORECASE)
#: "the next release", "future versions": a later model than this one; on a preview's card ("x/fold-preview") also
#: "the final / stable / production version" (a preview's promise).
_LATER = re.compile(r"\b(?:next|future|later|upcoming)\s+(?:[\w-]+\s+)?(?:releases?|versions?|editions?|generations?)\b",
                    re.IGNORECASE)
_FINAL = re.compile(r"\b(?:final|stable|production|ga)\s+(?:[\w-]+\s+)?(?:releases?|versions?|editions?)\b", re.IGNORECASE)
_PREVIEW = re.compile(r"preview|beta|alpha|experimental|early|\brc\d*", re.IGNORECASE)
#: "our previous release", "an earlier version": this model's predecessor, another model of the family.
_EARLIER = re.compile(r"\b(?:previous|earlier|older|prior|former)\s+(?:[\w-]+\s+)?(?:releases?|versions?|models?|"
                      r"generations?|checkpoints?)\b", re.IGNORECASE)
#: "the reward model", "a judge model", "the draft model": a model playing another part beside this one (unless the
#: role is in the model's names: `x/Corvid-Reward-7B`, `x/Corvid-RM-8B`).
_ROLE_MODEL = re.compile(r"\b(?P<role>reward|judge|critic|draft|teacher|verifier|guard)\s+(?:models?|llms?|checkpoints?)\b",
                         re.IGNORECASE)
#: "the models used in this merge", "the models merged here": a merge's ingredients, not the merge.
_INGREDIENTS = re.compile(r"\bmodels\s+(?:(?:used|merged|combined|included)\s+)?(?:in|into|for|of)\s+(?:this|the)\s+"
                          r"(?:merge|mix|blend|recipe)\b|\bmodels\s+(?:we\s+)?(?:used|merged|combined)\b", re.IGNORECASE)
#: "the original implementation", "the upstream code": the base model's code, not this model's.
_OTHER_CODE = re.compile(r"\b(?:original|upstream)\s+(?:[\w-]+\s+)?(?:implementation|code|codebase|repository|repo)\b",
                         re.IGNORECASE)
_OF_NAME = re.compile(r"\bof\s+(?:the\s+)?([\w.-]+)", re.IGNORECASE)


def _of_a_base(phrase: str, names: Names) -> bool:
    """"The code of F5-TTS" on a fine-tune of SWivid/F5-TTS: a declared base's code."""
    found = _OF_NAME.search(phrase) if names.bases else None
    return bool(found) and norm(found.group(1)) in names.bases


_COMPARATIVE = re.compile(r"\b(?:larger|smaller|bigger|lighter|heavier)\s+(?:[\w-]+\s+)?(?:versions?|variants?|models?|"
                          r"siblings?|checkpoints?)\b", re.IGNORECASE)


def whose(phrase: str, names: Names, whole: bool = False) -> str | None:
    """Whose the noun phrase is: `own` (this model), `org` (its uploader's name), `code` (its code), `tooling`,
    `other`, `sibling`, or None. With `whole`, a name must be one of the model's whole names: the subject of
    "<name>, the open-source library" that is only a part of the repo name ("fastai" on `x/fastai-pets-classifier`)
    is the library the model was made with."""
    words = TOKEN.findall(phrase)[-6:]
    if not words:
        return None
    vocab = vocabulary()
    kinds = [vocab.kind_of(w.strip(".,").lower()) for w in words]
    # a code noun heads the phrase ("our training and evaluation code"): the nouns before it say what the code is for
    code_head = kinds[-1] == "code" and all(k != "other" or vocab.test("tooling", "-", w) for w, k in zip(words, kinds))
    if _OWN_SCRIPTS.search(phrase):
        return "code"  # "The training scripts are open source on GitHub": the code of the model's own making
    if "other" in kinds and not code_head:
        return "other"
    if names.bases and norm("".join(w for w in words if w.lower() not in ("the", "a", "an"))) in names.bases:
        return "other"  # "Tern-7B is one of the few open-source base models" on its fine-tune: the base
    if names.known:
        sizes = {s.lower() for s in SIZE.findall(phrase)}
        if sizes and names.sizes and not sizes & names.sizes and (is_own(words, names) or (
                "model" in kinds or any(w.lower() in ("version", "versions", "size", "sizes") for w in words)) and not
                _OWN_WORDS.match(words[0])):
            return "sibling"  # ToRA-Code-34B on the ToRA-7B card; "a larger 3B version", "the 70B model"
    if "role" in kinds and vocab.test("tooling", "-", phrase):
        return "tooling"  # "our data-processing pipeline", "the evaluation classifier": tools around the model
    if kinds[-1] == "role" and words[-1].lower().startswith("pipeline") and _OWN_TASK.search(phrase):
        return "code"  # "the full training pipeline": the code of the model's own making
    later = _LATER.search(phrase) or (_FINAL.search(phrase) and any(_PREVIEW.search(n) for n in names.whole))
    if (_COMPARATIVE.search(phrase) or _EARLIER.search(phrase) or later) and not re.match(r"\W*this\b", phrase, re.IGNORECASE):
        return "sibling"  # "a larger version", "our smaller models", "our previous release", "the final version"
    if role_model(phrase, names) or _INGREDIENTS.search(phrase):
        return "other"  # "we will open-source the reward model", "the models used in this merge are open source"
    if "code" in kinds and (_OTHER_CODE.search(phrase) or (_of_a_base(phrase, names) and "model" not in kinds)):
        return "other"  # "the original implementation is open source in fairseq", "the code of F5-TTS": the base's
    if "code" in kinds:
        if "model" in kinds:
            return "own"  # "our code and models": the model too
        return "tooling" if vocab.test("tooling", "-", phrase) and not _OWN_TASK.search(phrase) else "code"
    if kinds[-1] == "software" and _OWN_TOOLING.match(phrase):
        return "tooling"  # "the inference package": the code that runs this model (a claim beside the weights' terms)
    if kinds[-1] in ("project", "software"):  # this model's project: "this project", "Deita" (never the org alone)
        if re.search(r"\b(?:this|our|its|the whole|the entire)\b", phrase, re.IGNORECASE) and not phrase.rstrip(
                ).endswith("s"):
            return "code"
        own = is_own(words, names, with_org=False) and words[0].lower() not in ("the", "a", "an")
        return "code" if own else "other"
    if _OTHER_MODEL.search(phrase) and not re.search(r"\b(?:this|our)\s+(?:[\w-]+\s+)?(?:model|weights|checkpoints?|release)\b",
                                                     phrase, re.IGNORECASE):  # "the other models in this table": others
        return "other"  # "the base model is open source"
    if _YOUR.match(words[0]):
        return "other"  # "make your model open source": the reader's, not this one
    if _OWN_WORDS.match(words[0]) or _OWN_WORDS.match(words[-1]) or _MODEL_OWN.search(phrase) or _RESULT.match(
            phrase.strip()):
        return "own"
    if names.known:
        version = version_of_own(words, names)
        if version:
            return version  # "v2 is open source" on `x/Embed-v2`; "Halberd v1 and v2 were" on the v3 card: earlier ones
        if is_own(words, names, with_org=False):
            named = norm("".join(w for w in words if w.lower() not in ("the", "a", "an")))
            return "other" if whole and names.whole and named not in names.whole else "own"
        if is_own(words, names):
            return "org"  # the uploader's name: this model, except as the subject of a toolkit's self-description
        last = words[-2] if len(words) > 1 and re.fullmatch(r"v?[\d.]+[bmk]?", words[-1], re.IGNORECASE) else words[-1]
        if NAME_LIKE.match(last) and last.lower() not in COMMON_CAPITALISED and not vocab.kind_of(
                last.lower()):  # "Llama 2" is a name too; "Weights" in a Title Case heading is no name
            return "other"  # a named thing that is not this model: "Jan is an open source app"
    return None


_OWN_TOOLING = re.compile(r"^\W*(?:the|our|its)\s+(?:inference|training|serving|fine-?tuning|evaluation)\s+(?:package|library|"
                          r"toolkit|sdk|software|framework)\b", re.IGNORECASE)


_OWN_SCRIPTS = re.compile(r"\b(?:the|our|my)\s+(?:training|fine-?tuning|finetuning|distillation)\s+(?:and\s+[\w-]+\s+)?scripts?\b",
                          re.IGNORECASE)
_STRONG_NAME = re.compile(r"^[\w.+/-]*(?:[A-Z].*[A-Z0-9]|[a-z][A-Z]|[a-zA-Z]\d)")


def role_model(phrase: str, names: Names) -> bool:
    """Does the phrase name a model by a part it plays beside this one ("the reward model", "a judge model")?"""
    role = _ROLE_MODEL.search(phrase)
    if not role:
        return False
    part = role.group("role").lower()  # a reward model's own card: `x/Corvid-Reward-7B`, `x/Corvid-RM-8B`
    return not any(part in alias or (part == "reward" and alias.endswith("rm")) for alias in names.aliases)


def names_another(phrase: str, names: Names) -> bool:
    """Does the phrase after "the open-source" name another model ("the open-source Falcon-7B", "LLaMA models")?
    Only names with digits or inner capitals count (not Title Case words, not acronyms of four letters or less)."""
    words = TOKEN.findall(phrase)
    if not names.known or not words or is_own(words, names):
        return False
    return any(_STRONG_NAME.match(w) and (len(w) > 4 or any(c.isdigit() for c in w))
               and w.lower() not in COMMON_CAPITALISED for w in words)


def lists_others(phrase: str, names: Names) -> bool:
    """Does a list of names follow the mention, none of them this model's nor a noun ("the open-source Qdrant, Milvus
    and pgvector")?"""
    listed = _NAME_LIST.match(phrase)
    return bool(listed) and names.known and not any(
        vocabulary().kind_of(w.lower()) or w.lower() in COMMON_CAPITALISED or is_own([w], names)
        for w in TOKEN.findall(listed.group(0))[:6] if w.lower() not in ("and", "or"))


#: Names in a list right after the mention ("Qdrant, Milvus and pgvector"): the first capitalised, three at most.
_NAME_LIST = re.compile(r"^\s*(?-i:[A-Z])[\w.+-]+(?:,\s*[\w.+-]+){0,3},?\s+(?:and|&|or)\s+[\w.+-]+", re.IGNORECASE)


def agent(clause: str, names: Names) -> str | None:
    """Who does the open-sourcing in "<agent> (has) open-sourced X": `other` for a named publisher that is not this
    model's ("Meta open-sourced Llama"), else None."""
    words = [w for w in TOKEN.findall(clause[max(clause.rfind(","), clause.rfind(";"), clause.rfind(":")) + 1:])
             if any(c.isalnum() for c in w) and not _VERSION_OR_DATE.fullmatch(w)][:5]  # a list bullet is no word, a
    # label before ":" ("Note:") none, nor a changelog's version or date ("v1.1 (2025-03-02): open-sourced …")
    if not names.known or not words or any(_OWN_WORDS.match(w) for w in words) or is_own(words, names):
        return None
    first = words[0]
    if re.fullmatch(r"[A-Z][a-z]{2,}(?:ed|ing)", first):
        return None  # a participle opening the sentence ("Released under GPL-3.0, so it is …"), no publisher
    return "other" if NAME_LIKE.match(first) and first.lower() not in COMMON_CAPITALISED else None


_OWN_MENTION = re.compile(r"\b(?:we|our|ours|us|this|these|it|its|here|the result(?:ing)?)\b|本模型|我们|我們|本项目|本項目",
                          re.IGNORECASE)
_CJK_WITH_SIZE = re.compile(r"[^\W\d_A-Za-z]+-(\d+(?:\.\d+)?[BbMm])\b")
_SIZED_NAME = re.compile(r"^[A-Za-z][\w.+-]*?\d+(?:\.\d+)?[bm]\b", re.IGNORECASE)


def names_only_another(sentence: str, names: Names) -> bool:
    """Does the sentence (the mention's window) name another model (a base family's name, or a name with a size:
    "Mistral and open-source results", "Llama-65B", "GPT-Neo (125M)") and nothing of this one (its names, "we",
    "our", "this", "it")? Only when the model id is known."""
    text = _LICENCE_ASIDE.sub(" ", sentence[:400])  # "open source (MIT, same as GPT-2)": whose terms it follows
    if not names.known or _OWN_MENTION.search(text):
        return False
    words = [w[:60] for w in TOKEN.findall(text)[:80]]
    if not words or is_own(words, names) or any(names.sizes & {x.lower() for x in _CJK_WITH_SIZE.findall(text)}):
        return False  # "翰林-7B 是…" on `x/Hanlin-7B-Base`: a CJK name with this model's size is this model
    families = base_families()
    for word in words:
        base = re.sub(r"\d+(?:\.\d+)?$", "", re.split(r"[-_.(]", word)[0]).lower()
        if (word[:1].isupper() or any(c.isdigit() for c in word)) and base in families:
            return True
        if _SIZED_NAME.match(word):
            return True
    return False


_CAPITALISED = re.compile(r"(?-i:\b[A-Z][\w.+-]{2,})")
#: A licence aside that names the model whose terms it follows ("(MIT, same as GPT-2)", "(Apache 2.0, like Mistral)").
_LICENCE_ASIDE = re.compile(r"\((?=[^()]{0,80}\b(?:MIT|Apache|BSD|GPL|CC[- ]BY|licen[cs]e)\b)(?=[^()]{0,80}\b(?:same as|like|as|from|"
                            r"inherited|following|follows)\b)[^()]{0,80}\)", re.IGNORECASE)


def names_other(clause: str, names: Names) -> bool:
    """Does the clause name a model or thing that is not this one ("We chose OLMo because …")?"""
    return any(whose(word, names) == "other" for word in _CAPITALISED.findall(clause)[:12])


_OUR_RIGHT_BEFORE = re.compile(r"\bour\s+$", re.IGNORECASE)
_OURS_AND_MODELS = re.compile(r"^[^.;:,()]{0,40}?\b(?:and|&)\s+(?:\w+\s+)?(?:models|weights|checkpoints)\b(?!\s+(?:from|used|of|by|on|in|"
                              r"trained|released)\b)", re.IGNORECASE)


def ours_and_models(before: str, after: str) -> bool:
    """"Part of ProsodyKit, our open-source toolkit and models": our toolkit and our models (not "our toolkit and
    models from the leaderboard")."""
    return bool(_OUR_RIGHT_BEFORE.search(before) and _OURS_AND_MODELS.match(after))


def names_this(clause: str, names: Names) -> bool:
    """Does the clause name this model by one of its names ("Heron-7B, its code and its data are …"; not "our")?"""
    return any(is_own([word], names, with_org=False) for word in _CAPITALISED.findall(clause)[:12])


def own_name_after(after: str, names: Names, v: Vocabulary) -> bool:
    """Does the mention's phrase name this model by a name of its own ("Nimbus-7B", not "Depth" of `x/controlnet-depth-sdxl`)
    and not a tool of the same name ("the open-source Corvid CLI")?"""
    words = [w.strip(".,;:!?") for w in TOKEN.findall(after[:80])[:2]]
    if not words or not (re.search(r"[\d-]", words[0]) or norm(words[0]) in names.whole):
        return False
    return norm(words[0]) in names.aliases | names.whole and not (
        len(words) > 1 and (v.kind_of(words[1].lower()) in ("software", "project", "role", "other", "thing", "code") or (
            _TOOL_WORD.fullmatch(words[1]))))


_TOOL_WORD = re.compile(r"cli|apps?|ui|webui|gui|sdk|api|server|plugins?|extensions?|lib|bot|client|desktop|studio", re.IGNORECASE)
