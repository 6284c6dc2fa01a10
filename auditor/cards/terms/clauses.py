"""Which clause a stated restriction belongs to: a contrast with another thing, an earlier release, another size of
the family, or a request the card says binds nobody."""

from __future__ import annotations

import re

from auditor.engine.restrictions import sentences

#: A contrast with something the model is not ("Unlike Llama 2 (research only), this model is Apache 2.0", "…, unlike
#: LLaMA, which is for research only"): what it says is said of the other thing. Inside a sentence it starts at a comma
#: and ends at the next one (with a relative clause of its own): "The weights, unlike the code, are for research use
#: only" keeps "The weights, are for research use only"; "Our model unlike many others may not…" holds no contrast. A
#: clause that is only the contrast ("Unlike the first-generation Yi-34B") is all of it; one with a verb of its own
#: and no comma ("Unlike the code the weights may not be used commercially") is the model's.
CONTRAST = re.compile(r"^\W*(?:unlike|contrary to|as opposed to|in contrast (?:to|with))\b(?:(?:\([^)]{0,200}\)|[^,;:(])*[,;:]|"
                       r"(?:(?!\b(?:is|are|was|were|be|may|must|can|cannot|shall|should|will|not)\b)(?:\([^)]{0,200}\)|[^,;:(]))*$)"
                       r"(?:\s*(?:which|who|whose|that)\b(?:\([^)]{0,200}\)|[^,;:(])*(?:[,;:]|$))?|"
                       r",\s*\b(?:unlike|contrary to|as opposed to|in contrast (?:to|with))\b(?:\([^)]{0,200}\)|[^,;:(])*"
                       r"(?:,\s*(?:which|who|whose|that)\b(?:\([^)]{0,200}\)|[^,;:(])*)?", re.IGNORECASE)


#: A clause about an earlier release, in the past ("v1 was released under a non-commercial license", "the previous
#: version was for research only", "the v1 weights are still available under …"): not this release's terms. Not "the
#: original model", which in a derivative's card is its base, whose terms it keeps ("The original model was released
#: under a non-commercial license").
EARLIER = re.compile(r"^\W*(?:the\s+|our\s+)?(?:v\d[\w.]*(?:\s+(?:weights|model|checkpoints?|release))?|version\s+\d[\w.]*|(?:previous|earlier|older|first|prior|old)\s+"
                      r"(?:[\w.-]+\s+){0,2}?(?:versions?|releases?|models?|generations?|checkpoints?|iterations?))\b[^,;]{0,60}?\b(?:was|were|had\s+been|used\s+to\s+be|originally|"
                      r"(?:is|are)\s+still|remains?)\b",
                      re.IGNORECASE)


def without_contrast(clause: str) -> str:
    """The clause without what it says inside a contrast with another thing (`CONTRAST`): "Unlike Yi-34B, which was
    released under the Yi License, Yi-1.5 is Apache-2.0" keeps only "Yi-1.5 is Apache-2.0"."""
    return CONTRAST.sub(" ", clause)


#: A version number: in a clause ("Version 2 was …", "v2.1 is still …") and at the end of a repo name ("acme-v2").
_VERSION = re.compile(r"\b(?:v|version\s+)(\d+(?:\.\d+)*)(?![\d.]*\d)", re.IGNORECASE)
_OWN_VERSION = re.compile(r"(?:^|[-_.\s])v(?:ersion)?[-_.]?(\d+(?:\.\d+)*)$", re.IGNORECASE)


def earlier_release(clause: str, model_id: str | None = None) -> bool:
    """Whether the clause speaks of an earlier release in the past tense (`EARLIER`); not when the version it names
    is this model's own ("Version 2 was released under …" on `acme/acme-v2`)."""
    if EARLIER.match(clause) is None:
        return False
    own = _OWN_VERSION.search((model_id or "").rpartition("/")[2])
    named = _VERSION.search(clause)
    return not (own and named and _same_version(own.group(1), named.group(1)))


def version_unplaced(line: str, clause: str, model_id: str | None) -> bool:
    """"Version 2 was released under CC BY-NC 4.0." on a card whose name gives no version, and that names no other
    version: it may be this release's terms (a doubt), or an earlier one's."""
    if EARLIER.match(clause) is None or _OWN_VERSION.search((model_id or "").rpartition("/")[2]):
        return False
    return len({re.sub(r"(?:\.0)+$", "", v) for v in _VERSION.findall(line)}) == 1


def _same_version(a: str, b: str) -> bool:
    return re.sub(r"(?:\.0)+$", "", a) == re.sub(r"(?:\.0)+$", "", b)


#: A sentence that says the one before it is a request that binds nobody: "This is a request, not a legal condition."
#: (not a summary's disclaimer, "This is not legally binding; the LICENSE file governs", nor "non-binding guidelines").
_NOT_BINDING = re.compile(r"\b(?:this|these|that|those|the above|they|it)\s+(?:is|are)\s+(?:(?:only|just|merely|simply)\s+)?(?:an?\s+)?"
                          r"(?:(?:polite|friendly|personal|ethical|community|kind)\s+)?(?:requests?|wish(?:es)?|hopes?)\b[^.;]{0,30}"
                          r"\bnot\s+(?:an?\s+)?(?:legal(?:ly binding)?|binding|licen[cs]e)\s+(?:conditions?|requirements?|terms?|obligations?|"
                          r"restrictions?)\b",
                          re.IGNORECASE)


def binds_nobody(text: str) -> bool:
    """Does the text say a request of it binds nobody (`_NOT_BINDING`)?"""
    return _NOT_BINDING.search(text) is not None


def is_unbound(hit, unbound: frozenset[str]) -> bool:
    return any(hit.quote in s or s in hit.quote for s in unbound)


def unbound_sentences(line: str, number: int) -> frozenset[str]:
    """The sentences of a paragraph that a next sentence says bind nobody (`_NOT_BINDING`), and that one itself."""
    if not _NOT_BINDING.search(line):
        return frozenset()
    found = sentences(line, number)
    return frozenset(s for i, (_, s) in enumerate(found) for j in (i, i + 1)
                     if j < len(found) and _NOT_BINDING.search(found[j][1]))


_SIZE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?([bm])(?![\w])", re.IGNORECASE)
_VARIANT = r"(?:tiny|mini|small|medium|large|xl|xxl)"  # not "base": "the base model" is a derivative's base
#: The subject of a clause, up to its verb ("The 70B model is …", "Foo-70B may only …", "The large model's weights are …").
_SUBJECT = re.compile(r"^\W*(?P<subject>(?:(?!\b(?:is|are|was|were|may|must|can|cannot|shall|should|will|remains?|stays?)\b)[^,;:])"
                      r"{1,60}?)\s+(?:is|are|was|were|may|must|can|cannot|shall|should|will|remains?|stays?)\b", re.IGNORECASE)
#: Words that carry a size's terms over to others, in the restriction's own sentence: "and so are all smaller sizes",
#: "models larger than 3B", "the 3B model and up", "its derivatives", "so any merge that includes it", "the teacher".
_CARRIED = re.compile(r"\b(?:as\s+is|likewise|too|the\s+distilled|this\s+(?:model|checkpoint|one|\d+(?:\.\d+)?\s?[bm]\b)|all|every|any|each|both|derivatives?|distill\w*\s+(?:from|of)\s+(?:it|them|this|that)|distilled\s+(?:\w+\s+)?"
                      r"models?|distillations?|merges?|merged|inherit\w*|same\s+(?:terms|licen[cs]e|restrictions?)|smaller|larger|"
                      r"bigger|(?:above|over|up\s+to|at\s+least)\s+\d+(?:\.\d+)?\s?(?:[bm](?!\w|\s*(?:mau|monthly|users|active|in\s+revenue))|billion\s+param\w*|million\s+param\w*)|and\s+up|or\s+more|teacher|(?:source|parent|base)\s+models?)\b",
                      re.IGNORECASE)
#: In the other sentences beside it, words that pass terms on ("This model was distilled from the 70B model", "The
#: same holds for the 7B", "Smaller variants share this license", "This model is too."), when they name no permissive
#: licence of their own ("Both smaller models are Apache 2.0"); naming this model is not enough ("This model is fully
#: open source" passes nothing on).
_CARRIED_ON = re.compile(r"\b(?:likewise|no\s+exception|no\s+different|as\s+well|so\s+(?:is|are|does|do)|as\s+is|same|share[sd]?|cover\w*|follows?|subject\s+to|distill\w*|"
                         r"fine-?tune\s+of|pruned|version\s+of|derived|based\s+on|appl(?:y|ies)|bound|included|including|inherit\w*|"
                         r"carr(?:y|ies)|outputs)\b|(?:all|every|each)\s+(?:[\w-]+\s+)?sizes?|^\W*(?:\S+\s+){0,3}too\W*$", re.IGNORECASE)
_PERMISSIVE = re.compile(r"\b(?:apache|mit|bsd|mpl|isc|unlicense|cc0|cc[- ]by(?![- ]?nc)|permissive)\b", re.IGNORECASE)
_PARTS = re.compile(r"(?<=[.!?;])\s+")
#: A list item or field labelled by a size ("- 3B: Qwen Research License (non-commercial)."): that size's terms; every
#: size of the label counts ("- 1.5B/7B: CC BY-NC 4.0" on the 7B card is this model's).
_SIZE_LABEL = re.compile(r"^\W*(?P<subject>[^:：.;]{0,40}?\d+(?:\.\d+)?\s?[bm]\b[^:：.;]{0,24})[:：]", re.IGNORECASE)
#: A repo whose name says it is made from other models (a distill, a merge): another size may be its source.
_MADE_FROM = re.compile(r"(?i:(?:^|[-_.])(?:distil\w*|merged?|moe|franken\w*|student|slerp|ties|dare|passthrough|mix)(?=$|[-_.\d]))|"
                        r"(?<=[a-z])(?:Merge|Distil|MoE|Mix(?![a-z]))")  # ("HeronMerge-7B", CamelCase)


def sizes_in(text: str) -> set[float]:
    """The sizes a text names, in billions ("500M" is 0.5)."""
    return {float(n) / (1000 if u.lower() == "m" else 1) for n, u in _SIZE.findall(text)}


def same_size(said: set[float], own: set[float]) -> bool:
    """Do two sets of sizes share one, within 15% ("7.3B" is Mistral-7B's 7B; "500M" is 0.5B)?"""
    return any(abs(a - b) <= 0.15 * max(a, b) for a in said for b in own)


def _carried_on(clause: str, context: str) -> bool:
    """Does another sentence beside the restriction pass its terms on to this model (see `_CARRIED_ON`)?"""
    return any(part.strip() and clause.strip()[:60] not in part and not _PERMISSIVE.search(part) and _CARRIED_ON.search(part.strip())
               for part in _PARTS.split(context))


def sibling_subject(clause: str, model_id: str | None, context: str = "") -> bool:
    """The clause's subject is another size of the family ("The 70B model is for non-commercial use only" on
    `x/Foo-7B`; "The large model is not open source: … its weights are for non-commercial use only" on `x/foo-small`):
    its terms are that size's, not this one's. Only when the repo name gives its own size, is not a distill's or a
    merge's, the subject names a different size, and nothing in the sentence or the next (`context`) carries the
    terms over ("…, and so are all smaller sizes", "The 7B model is a distillation of it and carries the same terms")."""
    name = (model_id or "").rpartition("/")[2]
    found = (_SUBJECT.match(clause) or _SIZE_LABEL.match(clause)) if name and not _MADE_FROM.search(name) else None
    if not found or not _names_another_size(found.group("subject"), name):
        return False  # (the cheap test first: most restrictions name no size at all)
    return not (_CARRIED.search(clause) or _carried_on(clause, context))


def _names_another_size(subject: str, name: str) -> bool:
    """Does the subject name a size or variant of the family that the repo name does not give?"""
    own_sizes, said_sizes = sizes_in(name), sizes_in(subject)
    if own_sizes and said_sizes:
        return not same_size(said_sizes, own_sizes)
    own_variant = set(re.findall(rf"(?:^|[-_.])({_VARIANT})(?=$|[-_.])", name.lower()))
    said_variant = set(re.findall(rf"\b({_VARIANT})\b(?=\s+(?:model|version|variant|checkpoint)s?\b)", subject.lower()))
    return bool(own_variant and said_variant and not said_variant & own_variant)
