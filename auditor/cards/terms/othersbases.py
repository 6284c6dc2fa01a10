"""Whose base a derivation phrase names when it speaks of several models: the members of a set of models, each on its
own family ("six models distilled from R1 based on Llama and Qwen"), and the models made from this one."""

from __future__ import annotations

import re

from auditor.cards.claims.names import norm
from auditor.engine.families import base_family_key

#: A family named with others in one derivation phrase ("six models distilled from R1 based on Llama and Qwen"): the
#: name coordinated with it.
_COORDINATED = re.compile(r"[\w.-]*(?:\s+\d[\w.]*)?\s*(?:,|\band\b|\bor\b|&|/)\s*(?:the\s+)?([A-Za-z]\w*(?:[.-]\w+)*)")


_COORDINATED_BEFORE = re.compile(r"([A-Za-z]\w*(?:[.-]\w+)*)(?:\s+\d[\w.]*)?\s*(?:,|\band\b|\bor\b|&|/)\s*(?:the\s+)?$")
_SET_OF_MODELS = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|all|these|those)\s+"
                            r"(?:[\w-]+\s+){0,2}(?:models|checkpoints|variants)\b|"
                            r"\b(?:\d+(?:\.\d+)?[BbMm],?\s+(?:and\s+)?){2,}(?:[\w-]+\s+)?(?:models|checkpoints|variants)\b", re.I)  # "1.5B, 7B … checkpoints"


def another_models_base(before: str, window: str, named: re.Match[str], model_id: str | None) -> bool:
    """A set of models is the subject ("six dense models distilled from R1 based on Llama and Qwen"), the phrase names
    this family and, coordinated with it, a capitalised name that is a word of the repo's name while this family is not
    (`DeepSeek-R1-Distill-Qwen-7B`): this one's base is the other. Never a merge, whose bases are all its own."""
    words = set(re.split(r"[-_.]+", (model_id or "").rpartition("/")[2].lower()))
    other = (_COORDINATED.match(window, named.end()) or _COORDINATED_BEFORE.search(window, 0, named.start())) if len(
        words) > 1 and _SET_OF_MODELS.search(before) else None  # "… and Qwen" or "Qwen2.5 and …"
    stem = re.match(r"[a-z]*", other.group(1).lower()).group(0) if other else ""  # "Qwen2.5" is the repo's "qwen"
    return bool(other) and other.group(1)[:1].isupper() and len(stem) >= 3 and "merg" not in window.lower() \
        and stem in words and re.match(r"[a-z]*", named.group(0).lower()).group(0) not in words


#: Models made from this one, as the subject ("six dense models distilled from DeepSeek-R1 based on Llama and Qwen" on
#: `deepseek-ai/DeepSeek-R1`): their bases.
_MADE_FROM = re.compile(r"\b(?:models|checkpoints|variants)\s+(?:[\w-]+\s+){0,2}?(?:distilled|fine-?tuned|derived)\s+from\s+"
                        r"([\w.-]+)", re.I)


def of_this_model(before: str, model_id: str | None) -> bool:
    """Is the derivation said of models made from this one (see `_MADE_FROM`), not of this model?"""
    name = norm((model_id or "").rpartition("/")[2])
    if len(name) < 3:
        return False
    made = _MADE_FROM.search(before)
    return bool(made and norm(made.group(1)) == name)


#: A list item that gives a named model its base ("- DeepSeek-R1-Distill-Llama-8B is derived from Llama3.1-8B-Base").
_SIBLING_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+[*_`]*(?P<names>[\w.-]+(?:[*_`]*(?:,\s*(?:and\s+)?|\s+and\s+)[*_`]*[\w.-]+)*)[*_`]*\s+"
                           r"(?:is|are|was|were)\s+(?:\w+\s+)?(?:derived|distilled|fine-?tuned|built|based|trained|initiali[sz]ed)\b", re.I)
_NAME_SPLIT = re.compile(r"[*_`]*(?:,\s*(?:and\s+)?|\s+and\s+)[*_`]*", re.I)


def sibling_items(lines: list[str], first_line: int, own: str) -> frozenset[int]:
    """The line numbers of list items that give *other* models their bases, when two or more items of the card do so
    (the DeepSeek-R1 card's "- …-Distill-Qwen-7B … are derived from Qwen-2.5", "- …-Distill-Llama-8B is derived from
    Llama3.1-8B-Base"), on different bases, when one item names this model (`own`: its repo name) or every name is
    made from it (`DeepSeek-R1-Distill-…` on `DeepSeek-R1`): the items that do not name this model speak of siblings."""
    items, bases = [], set()
    for offset, line in enumerate(lines[:5000]):
        found = _SIBLING_ITEM.match(line)
        if found:
            items.append((first_line + offset, {norm(n) for n in _NAME_SPLIT.split(found.group("names"))}))
            bases.add(base_family_key(line[found.end():]))  # (None: a base no family row knows, "Qwen-2.5 series")
    own = norm(own)
    if len(items) < 2 or len(bases) < 2 or len(own) < 3:
        return frozenset()  # (siblings on one base, "- Heron-7B …/- Heron-13B … from Llama 2", tell this one's base too)
    named = any(own in names for _, names in items)  # this model is one of the list (`…-Distill-Qwen-7B`)
    children = all(n.startswith(own) and len(n) > len(own) for _, names in items for n in names)  # all made from it (R1)
    if not (named or children):
        return frozenset()  # a renamed fine-tune, a merge's ingredients, a marketing name: the list may be its own making
    return frozenset(number for number, names in items if own not in names)

