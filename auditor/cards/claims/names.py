"""The model's own names: read from its repo id (aliases, sizes, uploader, whole names), and whether words name them."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

_GENERIC = re.compile(
    r"(?:gguf|ggml|gptq|awq|exl2|mlx|qat|onnx|openvino|ov|coreml|tflite|llamafile|mlc|hf|pt|delta|diff|sharded|safetensors|\d+bits?|\d+(?:\.\d+)?bpw|w\d+a\d+|bnb|quant(?:i[sz]ed|s)?|nf4|fp8|chat|instruct|autotrain|"
    r"it|base|sft|dpo|rlhf|fp16|bf16|fp32|int[48]|q\d\w*|"
    r"v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[bmk]|\d+x\d+[bm]?|model|models|large|small|medium|mini|tiny|xl|xxl|"
    r"uncased|cased|en|zh|multilingual|finetuned|fine|tuned|the|and|of|imatrix|neo|lora|merged?)", re.IGNORECASE)
#: A copy's words ("x/llama2-13b-chat-ungated" is Llama 2 itself), unless the name also says it was trained further.
_COPY = re.compile(r"ungated|reupload|re-upload|mirror|copy|backup|unofficial", re.IGNORECASE)
_TRAINED = re.compile(r"finetuned|fine|tuned|ft|sft|dpo|orpo|kto|rlhf|lora|qlora|merged?|distill\w*|adapter", re.IGNORECASE)
SIZE = re.compile(r"(?<![a-z0-9])(\d+(?:\.\d+)?[bm])(?![a-z0-9])", re.IGNORECASE)
TOKEN = re.compile(r"[\w.+'’/-]+")
NAME_LIKE = re.compile(r"^[\w.+/-]*(?:[A-Z].*[A-Z0-9]|[a-z][A-Z]|\d[a-zA-Z]|[a-zA-Z]\d)|^[A-Z][a-z]{2,}$")
COMMON_CAPITALISED = frozenset(
    "the this that these those it its we our they their he she you your i a an in on at for to of by with from "
    "model models llm llms ai ml lora loras qlora sft dpo rlhf ppo grpo kto orpo simpo rlaif moe note table figure section version license licence yes no all each every both "
    "english chinese german french spanish japanese korean dutch turkish arabic github hugging face huggingface "
    "base chat instruct open source among amongst unlike like as today here now currently also then so "
    "everything everyone all thanks please "
    "after before during since when while once although though because if unless until without via through upon within "
    "across despite given finally overall additionally moreover however therefore thus hence besides furthermore indeed "
    "notably importantly "  # a sentence's opening adverbial ("After training, it is …") is no publisher
    "status state type kind category availability access openness release licensing distribution summary overview "
    "highlights features tldr january february march april june july august september october november december "
    "early late mid". split())  # field labels: "Status: open-source" is said of the card's model


@dataclass(frozen=True, slots=True)
class Names:
    """The model's own names, read from its repo id; empty when the id is unknown (no name is then foreign)."""

    aliases: frozenset[str]  # from the model's name
    sizes: frozenset[str]
    org: str = ""
    #: The whole names (the repo name without sizes and variant words, the title's): a toolkit named by a part of
    #: the repo name ("Flair" on `x/flair-ner-german-legal`) is the toolkit, not this model.
    whole: frozenset[str] = frozenset()
    #: A fine-tune's declared bases by their whole names ("tern7b" of `base_model: x/Tern-7B` on `y/Tern-7B-Instruct-DPO`):
    #: a phrase that is exactly one of them is the base, though the fine-tune shares its family name.
    bases: frozenset[str] = frozenset()
    #: The versions the repo name gives apart from its words ("3" of `x/Halberd-v3-14B`, "3.1" of `x/Foo-3.1-8B`):
    #: "Halberd v1" on that card is an earlier release of it, not this one.
    versions: frozenset[str] = frozenset()

    @property
    def known(self) -> bool:
        return bool(self.aliases or self.org)


def norm(text: str) -> str:
    """Lower case, letters and digits only, accents dropped ("Lutèce-7B" is `lutece7b`, as its repo id spells it)."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", text.lower())


@functools.cache
def base_families() -> frozenset[str]:
    text = resources.files("auditor").joinpath("data", "claim-families.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0].strip().lower() for line in text.splitlines()[1:] if line.strip())


@functools.cache
def cjk_families() -> dict[str, tuple[str, frozenset[str]]]:
    """Base families' Chinese names, the family each is and its publishers' Hub orgs ("通义千问" is qwen, published by
    `Qwen`): `claim-families-cjk.tsv`."""
    text = resources.files("auditor").joinpath("data", "claim-families-cjk.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    return {norm(row[0]): (row[1].strip().lower(), frozenset(norm(o) for o in row[2].split(","))) for row in rows}


def own_names(model_id: str | None) -> Names:
    """Aliases of `org/name`: every run of the name's tokens that is not only sizes and variant words, and the org.
    A base family's name ("bert", "llama") is an alias only when nothing else in the name sets the model apart:
    `meta-llama/Llama-2-7b-hf` is Llama 2, `x/bert-base-turkish-cased` is not BERT."""
    if not model_id:
        return Names(frozenset(), frozenset())
    org, _, name = model_id.rpartition("/")
    tokens = [t for t in re.split(r"[-_.\s]+", name) if t]
    families = base_families()
    copy = not any(_TRAINED.fullmatch(t) for t in tokens)
    family_like = [t for t in tokens if _GENERIC.fullmatch(t) or re.sub(r"\d+$", "", t.lower()) in families
                   or t.lower() in families or (copy and _COPY.fullmatch(t))]
    derived = len(family_like) < len(tokens)  # a word of its own: "turkish", "dutch", "zephyr"
    aliases = set()
    for i in range(len(tokens)):
        for j in range(i + 1, min(len(tokens), i + 6) + 1):
            run = tokens[i:j]
            if all(_GENERIC.fullmatch(t) for t in run) or (derived and (all(t in family_like for t in run) or norm(
                    "".join(run)) in families)):  # "gpt-j" of `x/gpt-j-6b-screenplay` is its base, split in two
                continue
            alias = norm("".join(run))
            if len(alias) >= 3:
                aliases.add(alias)
    if not derived and tokens and len(norm(re.sub(r"\d+$", "", tokens[0]))) >= 3:
        aliases.add(norm(re.sub(r"\d+$", "", tokens[0])))  # Qwen2-7B-Instruct is also "Qwen"
    org_alias = norm(org) if len(norm(org)) >= 4 else ""
    distinctive = [t for t in tokens if not _GENERIC.fullmatch(t)]
    if org_alias and len(distinctive) > 1:  # "localchat/LocalChat-Assistant-3B": LocalChat alone is the uploader
        aliases.discard(org_alias)
    whole = {norm("".join(distinctive)), norm(name), norm(org + name) if org else ""} - {""}  # also "org/name"
    versions = frozenset(same_version(m.group(1).replace("-", ".")) for m in _REPO_VERSION.finditer(name)
                         if norm(re.split(r"[-_\s]", name[:m.start()])[-1]) not in families)  # not Llama's 3 in Llama-3-8B-Heron
    return Names(frozenset(aliases), frozenset(s.lower() for s in SIZE.findall(name)), org_alias, frozenset(whole),
                 versions=versions)


#: A version standing apart in a repo name: "-v3-", "-3.1-", "_v2" (not a size, "7B", nor a name's digit, "Qwen2").
_REPO_VERSION = re.compile(r"(?:^|[-_\s])v?(\d{1,2}(?:[.-]\d{1,2}(?![\d.]*[bmk]\b))*)(?=$|[-_\s])", re.IGNORECASE)
#: ("v1-5" is 1.5, as `stable-diffusion-v1-5` writes it)


def same_version(version: str) -> str:
    """A version without its trailing zeros and its "v": "v2.0" and "2" are one version, "0.1.0" is 0.1."""
    return re.sub(r"(?:\.0+)+$", "", version.lower().lstrip("v")) or "0"


_OURS = re.compile(r"\b(?:ours|this model|our model)\b|本模型|我们的", re.IGNORECASE)


def names_this_model(text: str, names: Names) -> bool:
    """Does a table row name this model (one of its names, "ours", 本模型)? Always true when no name is known."""
    text = text[:2000]
    if not names.known or _OURS.search(text):
        return True
    return any(is_own(TOKEN.findall(cell), names) and not _other_size(cell, names) for cell in text.split("|")
               if cell.strip())


def _other_size(cell: str, names: Names) -> bool:
    """Does a cell name another size than this model's ("nova-ai/Nova-2B" in a merge's table on the 9B merge)?"""
    sizes = {s.lower() for s in SIZE.findall(cell[:300])}
    return bool(sizes and names.sizes and not sizes & names.sizes)


def is_own(words: list[str], names: Names, with_org: bool = True) -> bool:
    aliases = names.aliases | {names.org} if with_org and names.org else names.aliases
    if norm("".join(words)) in aliases:
        return True
    words = [part for word in words for part in re.split(r"[-_./]+", word) if part]  # Hunyuan-A52B-Pretrain
    for size in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            joined = norm("".join(words[i:i + size]))
            if joined in aliases and not _GENERIC.fullmatch(joined) and not _other_version(
                    words, i + size, joined, aliases | names.whole, names.versions):
                return True
    return False


def version_of_own(words: list[str], names: Names) -> str | None:
    """`own` or `sibling` for a phrase that is one of the repo name's versions or another ("v2" on `x/Embed-v2`;
    "Halberd v1 and v2" on `x/Halberd-v3-14B`, an earlier release), else None (the repo name gives no version)."""
    if not names.versions:
        return None
    words = [w.strip(".,;:") for w in words if w.lower() not in ("the", "a", "an", "and", "&")]
    said = [same_version(w) for w in words if _VERSION_WORD.fullmatch(w)]
    rest = [w for w in words if not _VERSION_WORD.fullmatch(w)]
    if not said or (rest and norm("".join(rest)) not in names.aliases and not all(norm(w) in names.aliases for w in rest)):
        return None
    return "own" if any(any(v == x or v.startswith(x + ".") for v in names.versions) for x in said) else "sibling"
    # ("Halberd v2 and v3 are open-sourced" on the v3 card: this one among them)


_VERSION_WORD = re.compile(r"v?\d{1,2}(?:\.\d+)*", re.IGNORECASE)  # "Llama 2", "3.1"; not "100%" nor a year


def _other_version(words: list[str], after: int, joined: str, names: frozenset[str], versions: frozenset[str]) -> bool:
    """A bare family alias, or a name ending in a version, followed by a version that is not this model's ("Llama 2" on
    `x/Llama-3-8B-Instruct-GGUF`, "Qwen2.5" on `Qwen/Qwen2-7B-Instruct`): no alias or whole name starts so; or any own
    name followed by a version the repo name does not give ("Halberd v1" on `x/Halberd-v3-14B`)."""
    chain = after
    while chain < len(words) and _VERSION_WORD.fullmatch(words[chain]):
        chain += 1  # "Llama 3.1": the whole version, 3 then 1
    parts = words[after:chain]
    while len(parts) > 1 and parts[-1] == "0":
        parts = parts[:-1]  # "Llama 3.0" is Llama 3
    versioned = norm(joined + "".join(parts))
    if versions and parts and not (joined in base_families() or joined[-1:].isdigit()):
        said = same_version(".".join(p.lower().lstrip("v") for p in parts))
        return not any(v == said or v.startswith(said + ".") for v in versions)
    return (joined in base_families() or joined[-1:].isdigit()) and chain > after and not any(
        name.startswith(versioned) for name in names)
