"""What surrounds a mention's sentence in claim detection: the heading above it, the lead-in of its list, the
sentence before it, and the labels of links beside it (each can say the words are about another thing)."""

from __future__ import annotations

import re

from auditor.cards.claims.names import norm
from auditor.cards.claims.whose import whose
from auditor.cards.claims.words import vocabulary

_ABOUT = re.compile(r"^[\s#]*(?:[^\w\s]+\s*)?(?:about|who (?:is|are)|what is|关于)\s+", re.IGNORECASE)
_LEAD_IN = re.compile(r"^\W*(?P<name>[^\s,:;]+(?:\s+[^\s,:;]+){0,3}?)\s+(?:is|are|was|offers?|provides?|"
                      r"includes?|has|have|brings?|comes with|lets you|supports?|features?(?=\s+\S))\b[^\n]{0,300}:\s*$",
                      re.IGNORECASE)  # "Key features:" is a heading of this model's list, "X features Y:" a lead-in
_OPENS_WITH = re.compile(r"^[\W_]*(?P<name>[^\s,:;]+(?:\s+[^\s,:;]+){0,2}?)(?::\s|\s*,\s+(?:an?|the)\s|\s+(?:is|are|was|"
                         r"makes|lets|offers|provides|supports|helps|runs)\b)", re.IGNORECASE)
#: A link labelled with the uploader's or another's name beside the words ("visit [Heronlabs Open Source](…)",
#: "[open source at Heronlabs](…)") points to their open-source page; a bare "[open source](…)" is only a link.
_LINK_TEXT = re.compile(r"\[([^\[\]]{1,80})\]\((?!\s*#)[^()\n]{0,300}\)")  # not "(#section)": a table of contents


def about_another(heading: str, names) -> bool:
    """Is a heading about another named product or publisher ("## About Jan")? Only "About <a short title of
    names>" (no common nouns: "About the training data" is not a name), and only when the model id is known."""
    match = _ABOUT.match(heading)
    if not match:
        return False
    title = heading[match.end():].strip(" :*_")
    words = title.split()
    named = re.sub(r"[\W_]+", "", title.lower())
    if names.org and named == names.org and named not in names.whole:
        return True  # "## About Crest Lab" on `crest-lab/…`: the uploader's own name, its boilerplate
    if not names.known or not words or len(words) > 4 or any(vocabulary().kind_of(w.lower()) for w in words):
        return False
    return whose(title, names) in ("other", "sibling", "org")


def leads_in_for_another(text: str, names) -> bool:
    """Does a paragraph end with ":" to introduce a list about another named thing ("Jan is an open source, ChatGPT
    alternative that is:")? Only when the model id is known, judged by the paragraph's subject."""
    tail = text[-400:]
    match = _LEAD_IN.match(tail) if names.known and tail.rstrip().endswith(":") else None
    return bool(match) and whose(match.group("name"), names) in ("other", "sibling")


_THEN_SUBJECT = re.compile(r"[,;]\s*(?:so|and|but|which means|hence|therefore)\s+(\S+(?:\s+\S+)?)", re.IGNORECASE)


def opens_with_another(sentence: str, names) -> bool:
    """Does the sentence open with another named thing as its subject or title ("Unsloth: …", "QuantKit is …")?"""
    match = _OPENS_WITH.match(sentence.strip()[:200]) if names.known else None
    if not match or whose(match.group("name"), names) not in ("other", "sibling"):
        return False  # (but "Qwen2.5-14B is Apache-2.0 …, so Marigold stays Apache-2.0 too" ends on this model)
    return not any(whose(m.group(1), names) == "own" for m in _THEN_SUBJECT.finditer(sentence[:400]))


def named_link_labels(raw: str, target: re.Pattern[str], names) -> tuple[str, ...]:
    """The texts of the unit's links that name the uploader or another thing beside an "open source" mention, and
    no model noun (where such a link goes is their open-source page, not a claim about this model)."""
    vocab, labels = vocabulary(), []
    for link in _LINK_TEXT.finditer(raw[:4000]):
        text = " ".join(re.sub(r"[*_`]+", "", link.group(1)).split())
        words = target.sub(" ", text).split()
        if not target.search(text) or any(vocab.kind_of(w.lower().strip(".,:")) == "model" for w in words):
            continue
        if any(w[:1].isupper() and whose(w, names) in ("org", "other") for w in words):
            labels.append(text)
    return tuple(labels)


def in_label(sentence: str, position: int, labels: tuple[str, ...]) -> bool:
    """Does the mention at `position` stand inside one of the labels (its words, however the line was wrapped)?"""
    for label in labels:
        found = re.compile(r"\s+".join(map(re.escape, label.split()))).search(sentence, max(0, position - 2 * len(label)))
        if found and found.start() <= position < found.end():
            return True
    return False


#: A heading or a line that says what follows is pasted from another model's card: "## Original model card: Falcon-40B",
#: "*(from the Falcon-40B model card)*", "Description copied from the base model's README:".
_PASTED = re.compile(r"^[\W_]*(?:(?:description|text|excerpt)\s+)?(?:from|quoted from|copied from|excerpt from|taken from)\s+"
                     r"(?:the\s+)?(?P<a>[^\n]{1,60}?)(?:['’]s)?\s+(?:model\s+)?(?:card|readme)\b[\W_]*$|"
                     r"^[\W_]*original\s+(?:model\s+)?card\s*(?:[:：–—-]|of|for)\s*(?P<b>[^\n]{1,60}?)[\W_]*$|"
                     # "*Below is the base model card, included for reference.*", "The original model card follows.": the rest
                     r"^[\W_]*(?:below|here|what follows)\s+(?:is|are|you(?:['’]ll)?\s+find)\s+(?:the\s+|a\s+copy\s+of\s+the\s+)?"
                     r"(?P<c>[^\n]{1,60}?)(?:['’]s)?\s+(?:model\s+)?(?:card|readme)\b[^\n]{0,80}$|"
                     r"^[\W_]*(?:the\s+)?(?P<d>[^\n]{1,60}?)(?:['’]s)?\s+(?:model\s+)?(?:card|readme)\s+(?:follows|is\s+(?:included|"
                     r"reproduced|copied|pasted|kept)\s+below)\b[^\n]{0,60}$", re.IGNORECASE)
_THE_BASE = re.compile(r"^(?:original|base|upstream|parent|the\s+base|the\s+original)(?:\s+model)?$", re.IGNORECASE)


#: A heading over a description of the declared base: "## About the base model", "## Base model: Yi-34B-Chat".
_BASE_HEADING = re.compile(r"^[\W_]*(?:about|on)\s+(?:the\s+)?(?:base|original|upstream|parent|foundation)\s+(?:model|llm|checkpoint)s?\b[\W_]*$|"
                           r"^[\W_]*(?:the\s+)?(?:base|original|upstream|parent|foundation)\s+(?:model|llm)s?\s+"
                           r"(?:description|overview|details|introduction|summary)\b[\W_]*$", re.IGNORECASE)


def about_the_base(heading: str, names) -> bool:
    """Is the heading over a description of the declared base ("About the base model")? Only on a fine-tune with
    declared bases: its sentences are the base's as a pasted card's are."""
    return bool(names.bases) and _BASE_HEADING.match(heading.strip()[:200]) is not None


def pasted_from_another(text: str, names) -> str | None:
    """Does a heading or line say what follows is a declared base's card ("the base model's", or by the base's name)?
    "rest" when a line says the rest of the card is ("Below is the base model card"), "section" otherwise, None when
    not. Only on a fine-tune with declared bases (a quantised or converted copy pastes its own original card)."""
    match = _PASTED.match(text.strip()[:200]) if names.bases else None
    if not match:
        return None
    name = (match.group("a") or match.group("b") or match.group("c") or match.group("d") or "").strip(" *_`")
    if not (_THE_BASE.match(name) or norm(name.rpartition("/")[2]) in names.bases):  # a declared base's card
        return None
    return "rest" if match.group("c") or match.group("d") else "section"
