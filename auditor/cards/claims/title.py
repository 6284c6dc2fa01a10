"""The card's H1 title as one more name of the model, unless it is a base model's name or the card is a copy's; a
fine-tune's names without its declared bases'."""

from __future__ import annotations

import re

from auditor.cards.claims.names import (COMMON_CAPITALISED, NAME_LIKE, TOKEN, Names, base_families, is_own, norm,
                                       own_names)

_TITLE_NAME = re.compile(r"^#\s+(?:model card (?:for|of)\s+)?(?P<name>[^:|()\[\]—–]{1,60}?)\s*(?:[:|(\[—–]|\s-\s|$)",
                         re.IGNORECASE)
_DERIVATIVE = re.compile(r"(?:^|[-_.])(?:gguf|ggml|gptq|awq|exl2|mlx|onnx|openvino|ov|coreml|tflite|llamafile|mlc|bnb|nf4|fp8|fp16|bf16|fp32|int[48]|\d+bit|"
                         r"q\d\w*|quant\w*|imatrix)(?:$|[-_.])", re.IGNORECASE)
_HEADING_WORDS = frozenset("card information description introduction overview summary details usage contents table "
                           "api inference about quickstart readme doc docs documentation news updates abstract "
                           "obsolete experimental demo example examples notes note".split())


def with_title(names: Names, model_id: str | None, lines: tuple[str, ...], base_models: tuple[str, ...] = ()) -> Names:
    """The names plus those of the card's first H1 title ("# Nimbus-Chat" on `x/nb7-chat`: a marketing name), when
    it reads as a name (one to three words, one of them name-like, no heading words) and is not a base family's
    ("# Llama 2" copied from the base card) nor one of the `base_models`' names (front matter `base_model`: a
    fine-tune that copies its base's card keeps the base's title); never on a quantised or converted upload, which
    copies its base's card."""
    if not names.known or not model_id or _DERIVATIVE.search(model_id.rpartition("/")[2]):
        return names
    names = _without_bases(names, base_models)
    title = next((line.strip() for line in lines[:400] if line.startswith("# ")), "")
    match = _TITLE_NAME.match(title)
    words = TOKEN.findall(match.group("name")) if match else []
    if not words or len(words) > 3 or any(w.lower() in _HEADING_WORDS or w.lower() in COMMON_CAPITALISED
                                          for w in words) or not any(NAME_LIKE.match(w) for w in words):
        return names
    families = base_families()
    first = re.sub(r"\d+(?:\.\d+)?$", "", re.split(r"[-_.]", words[0])[0]).lower()
    if first in families or is_own(words, names) or _names_a_base(words, base_models):
        return names
    extra = own_names("title/" + "-".join(words))
    return Names(names.aliases | extra.aliases, names.sizes, names.org, names.whole | extra.whole, names.bases, names.versions)


def _without_bases(names: Names, base_models: tuple[str, ...]) -> Names:
    """A fine-tune's names without its declared bases' names: "OpenVLA" on `x/openvla-7b-kitchen-ft` over
    `base_model: openvla/openvla-7b` is the base (a quantised or converted copy keeps them: it is the same model);
    each base's whole name is kept as a base's ("Tern-7B" on `y/Tern-7B-Instruct-DPO` over `x/Tern-7B`)."""
    taken: set[str] = set()
    named: set[str] = set()
    for base in base_models[:20]:
        if isinstance(base, str) and base.strip():
            found = own_names(base.strip()[:200] if "/" in base else "base/" + base.strip()[:200])
            taken |= found.aliases | found.whole
            named.add(norm(base.strip()[:200].rpartition("/")[2]))
    kept = names.aliases - (taken - names.whole)
    return Names(kept if kept else names.aliases, names.sizes, names.org, names.whole, frozenset(named - names.whole), names.versions)


def _names_a_base(words: list[str], base_models: tuple[str, ...]) -> bool:
    """Is the title one of the base models' names ("# Nimbus-7B-Chat" over `base_model: seabird/Nimbus-7B-Chat`)?"""
    title = norm("".join(words))
    for base in base_models[:20]:
        if not isinstance(base, str) or not base.strip():
            continue
        found = own_names(base.strip()[:200] if "/" in base else "base/" + base.strip()[:200])
        if title in found.aliases | found.whole:
            return True
    return False
