"""Card-text matcher for a model trained from scratch (nobody's derivative: a family word in its id or tags is its
architecture), and the test whether a text names this model by its repo name, both weighed against lineage evidence."""

from __future__ import annotations

import re

from auditor.cards.terms.bases import CJK_SEAM, DENIED_NAME, DESIGN_AFTER, SCRATCH_WORDS
from auditor.engine.families import any_base_family, names_a_family
from auditor.models import Detection, Evidence, LicenseClass

#: What else is "trained from scratch": a part, not the model ("the tokenizer was trained from scratch"), or a denial.
_SCRATCH_OTHER = re.compile(r"\b(?:tokeni[sz]ers?|vocab\w*|embeddings?|heads?|classifiers?|adapters?|lora|pipeline|projectors?)\b|"
                            r"分词器|词表|トークナイザ", re.I)
_SCRATCH_DENIED = re.compile(r"\b(?:not|never|rather than|instead of|unlike)\b|n't\b", re.I)  # before the words only
#: Where a sentence or a clause of its own ends ("…; this model was trained from scratch").
_SENTENCE_BREAK = re.compile(r"[.!?;。；](?:\s|$)|[。；]")
#: The matcher of that statement: classify lets it outweigh weak lineage evidence (lineage-evidence.tsv), nothing else.
FROM_SCRATCH = "card-text-from-scratch"


def from_scratch(line: str, number: int) -> list[Detection]:
    """"Stockmark-13b is an LLM pretrained from scratch": evidence that a tag or a word in the id (`llama-2`) names the
    model's architecture, not its base. A line that names a restrictive family ("Llama 2 was trained from scratch")
    or says a part was trained so ("its tokenizer was trained from scratch") is not that statement."""
    if "scratch" not in line.lower() and line.isascii():
        return []
    found = SCRATCH_WORDS.search(line)
    if not found:
        return []
    start = max((m.end() for m in _SENTENCE_BREAK.finditer(line, 0, found.start())), default=0)
    end = next((m.start() for m in _SENTENCE_BREAK.finditer(line, found.end())), len(line))
    sentence = line[start:end]  # "Llama 2 is under its license; this model is trained from scratch": the second part
    if _SCRATCH_OTHER.search(line[max(start, found.start() - 80):found.end() + 30]) or _names_a_base(CJK_SEAM.sub(" ", sentence)) \
            or _SCRATCH_DENIED.search(line[max(start, found.start() - 80):found.end()]):
        return []
    return [Detection(FROM_SCRATCH, LicenseClass.UNKNOWN, Evidence("card-text", " ".join(line.split())[:300], "README.md", number),
                      name="trained from scratch", confidence=0.6, decides=False,
                      reason="the card says the model was trained from scratch, not built on another model")]


def _names_a_base(text: str) -> bool:
    """Whether `text` names a family as a model, not only as its design ("using the Llama architecture") nor as
    what the model does not use ("no Llama weights")."""
    return names_a_family(text) and any(not DESIGN_AFTER.match(text, named.end()) and not DENIED_NAME.search(text, 0, named.start())
                                        for named in any_base_family().finditer(text))


#: Format suffixes of a re-upload's name ("stockmark-13b-GGUF" is still stockmark-13b).
_FORMAT_SUFFIX = re.compile(r"(?:[-_.](?:gguf|ggml|gptq|awq|exl2|mlx|onnx|fp16|bf16|int[48]|[2-8]bit|q\d\w*|hf))+$", re.I)


def _plain(text: str) -> str:
    return re.sub(r"[\s_]+", "-", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).lower())


def own_repo_name(model_id: str | None) -> str:
    """The repo's name without its format suffix ("stockmark-13b" of `x/stockmark-13b-GGUF`)."""
    return _FORMAT_SUFFIX.sub("", (model_id or "").rpartition("/")[2])


def names_this_model(text: str, model_id: str | None) -> bool:
    """Whether `text` names the model by its repo name ("Stockmark-13b", "OpenChat 3.5" for openchat/openchat_3.5),
    its format suffix aside (a GGUF re-upload is named like its original)."""
    name = own_repo_name(model_id)
    return len(name) >= 3 and _plain(name) in _plain(text)


#: The subject of a from-scratch sentence that is this model ("A 3B base model …, pretrained from scratch", "We
#: pretrained it from scratch", "This model was trained from scratch"), not a part or an earlier model.
_OWN_SUBJECT = re.compile(r"^\W*(?:(?:this|our|the)\s+(?:[\w.-]+\s+)?(?:model|llm|checkpoint)\b|it\b|we\b|an?\s)", re.I)
_EARLIER = re.compile(r"\b(?:earlier|previous|draft|old|older|first|prior|v\d[\w.]*)\b", re.I)


def scratch_is_own(detection: Detection, model_id: str | None) -> bool:
    """Does the from-scratch statement say it of this model (its subject this model, by name or as "this model",
    "we", a tagline), so that a family named elsewhere near "we trained" is no possible base?"""
    quote = detection.evidence.quote
    found = SCRATCH_WORDS.search(quote)
    if not found:
        return False
    subject = quote[max((m.end() for m in _SENTENCE_BREAK.finditer(quote, 0, found.start())), default=0):found.start()]
    return bool(names_this_model(subject, model_id) or _OWN_SUBJECT.match(subject)) and not _EARLIER.search(subject) \
        and not _SCRATCH_OTHER.search(subject)
