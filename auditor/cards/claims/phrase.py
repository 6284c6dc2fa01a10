"""The noun phrase after an "open source" mention: its head noun and kind ("open-source code model" → model), and
the noun phrase that ends a text (docs/CLAIMS.md, section 4), and a licence's name."""

from __future__ import annotations

import re

from auditor.cards.claims.words import Vocabulary

NP_STOP = frozenset(
    "and or but to that which who whom whose because while since as for with in on at from by of under via into like unlike "
    "through when where if so than is are was were be been being can could will would shall should may might must "
    "has have had do does did it its we you they this these those the a an also now today here there not "
    "sur un une de des du le la les en avec pour par et con para por el los y mit für auf von und ein eine der die das "
    # the verbs a phrase's head is the subject of ("This open-source release offers two inference backends")
    "offers provides supports includes enables allows achieves delivers brings features outperforms surpasses beats "
    "uses runs works comes shows gives combines extends reaches scores matches performs requires needs handles "
    "generates produces understands speaks writes reads answers ships contains adds helps lets makes serves aims "
    "improves reduces keeps fits excels"
    .split())

#: A word, with dots inside it ("llama.cpp", "FLUX.1"): a sentence's full stop ends it.
_TOKEN = re.compile(r"(?:[^\s,.;:!?()\[\]{}\"“”，。；：！？、（）]|\.(?=\w))+")  # CJK punctuation ends a word too

_GROUP_NOUN = re.compile(r"communit(?:y|ies)|ecosystem|world|landscape|space|family|camp", re.IGNORECASE)

#: Words skipped before the phrase: a pair ("open-source and commercial LLM research") or, after the verb, a
#: determiner ("we open-source the training code").
_LEADING_WORDS = frozenset("and or & the a an our its all these this their".split())

_COMMA_AND = re.compile(r"^\s*,\s*(?:and|or|but|so)\b", re.IGNORECASE)

_LEADING_ASIDE = re.compile(r"^\s*,?\s*(?:\([^()]{0,40}\)\s*)?")

#: A tagline opening the sentence ("Open-source sarcasm detector fine-tuned from X", "An open-source parser").
#: Emoji and other pictographs (with their joiners and variation selectors), not dashes or other punctuation.
_SYMBOLS = re.compile(r"[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+")


#: After an emoji, a Title-case word ends the sentence ("open source 🔥 Transformers … are supported"); a model noun or
#: a name with a digit goes on ("the open-source 🚀 LLM", "the open-source 🐋 Nova-7B model").
_NOUN_AFTER_EMOJI = re.compile(r"\s+(?:[A-Z]{2,}\b|[\w.-]*\d)")


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
        if words and lowered in ("/", "&", "+") and not gap.strip(" "):
            position = token.end()  # "the open-source scanpy / scvi-tools ecosystem": one phrase, read on
            continue
        if words == 0 and lowered in _LEADING_WORDS and not gap.strip():
            position = token.end()  # "open-source and commercial LLM research": the phrase goes on after the pair
            continue
        if not gap.strip() and _SYMBOLS.fullmatch(token.group(0)):
            if re.match(r"\s+(?-i:[A-Z][a-z])", text[token.end():]) and not _NOUN_AFTER_EMOJI.match(text[token.end():]):
                break  # "100% open source 🔓 Use it, merge it": the emoji ends the sentence
            position = token.end()  # "the open-source 🧨 diffusers script": an emoji inside the phrase says nothing
            continue
        if gap.strip().strip("\"“”'‘’`").strip() or words >= 6 or lowered in NP_STOP or not any(
                c.isalnum() for c in token.group(0)):
            if best[0] is None and words and lowered in ("and", "or") and not gap.strip() and not any(
                    c.isdigit() for c in text[:token.start()]):  # (not "the open-source Heron-7B and inference scripts")
                shared = _shared_head(text[token.end():], vocab)  # "the open-source rouge-score and textstat packages"
                if shared:
                    return shared
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


#: The kinds of a head noun two coordinated names share ("rouge-score and textstat packages").
_SHARED_KINDS = frozenset({"software", "other", "thing", "project", "code"})


def _shared_head(text: str, vocab: Vocabulary) -> tuple[str, str, str] | None:
    """(kind, word, rest) when the words after "and" are a bare name and a noun of a kind above (no determiner)."""
    tokens = list(_TOKEN.finditer(text))[:3]
    for count, token in enumerate(tokens, 1):
        word = token.group(0).lower().strip("'’-")
        if word in NP_STOP or text[tokens[count - 2].end() if count > 1 else 0:token.start()].strip():
            return None
        kind = vocab.kind_of(word)
        if kind in _SHARED_KINDS and count > 1:
            return kind, word, text[token.end():]
        if kind:
            return None
    return None


def last_phrase(text: str) -> str:
    """The noun phrase that ends `text`: its last words after a preposition or verb ("starts from Mistral-7B")."""
    words = text.split()[-4:]
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in NP_STOP and words[index].lower() not in ("the", "a", "an", "this", "our", "its"):
            return " ".join(words[index + 1:])
    return " ".join(words)


#: A licence's name ("Apache 2.0", "MIT", "GPL-3.0"): the thing an aside "(open source)" after it qualifies is the
#: licence, whose own subject is decided by the rest of the sentence, not a named other thing.
LICENCE_NAME = re.compile(r"(?:^|(?<=[\s|*_]))(?:the\s+)?(?:apache(?:[\s-]?(?:license|licence))?(?:[\s-]?v?2(?:\.0)?)?|mit(?:\s+licen[cs]e)?|"
                           r"bsd(?:[\s-]?[23](?:[\s-]clause)?)?|(?:a|l)?gpl(?:[\s-]?v?[23](?:\.0)?(?:[\s-]only|\+)?)?|"
                           r"mpl(?:[\s-]?2(?:\.0)?)?|isc|unlicense|zlib|epl(?:[\s-]?2(?:\.0)?)?)[*_]*$", re.IGNORECASE)
#: A model's name after the head noun ("the open-source model Llama 2", "Falcon-7B", "Zephyr"), not a clause's subject
#: ("the open-source LLM Europe deserves").
APPOSITIVE = re.compile(r"\b(?:models?|llms?|checkpoints?)\s+(?P<name>(?-i:[A-Z])[\w.+-]*(?:\s+\d[\w.]*)?)(?![\w.+-])"
                        r"(?!\s+(?!(?:and|or|of|with|for|to|in|on|from|by|that|which|as|at|via|into|under|is|was|are|were)\b)"
                        r"(?-i:[a-z]))", re.IGNORECASE)  # (a lower-case word after it that is no preposition: a clause's verb)
