"""Card-text matcher for a use asked about and denied: "Can I use this commercially? No." (a FAQ's restriction)."""

from __future__ import annotations

import dataclasses
import re

from auditor.cards.terms.restrictive import card_restrictions
from auditor.models import Detection, Evidence


#: A question whether a use is allowed ("Can I use this commercially?", "Is commercial use allowed?"), and an answer
#: that opens with a bare "No" ("No.", "No, …", "A: No"): a restriction stated as a FAQ. "No restrictions" answers yes.
_USE_QUESTION = re.compile(r"^[\W_]*(?:q\s*\d*\s*[:：.)]\s*)?[*_]*(?:can|may|could)\s+(?:i|we|you|one|users?|companies|businesses)\s+"
                           r"(?:also\s+)?((?:use|deploy|sell|redistribute|re-?upload|share|fine-?tune|modify)\b[^?]{0,80})\?", re.IGNORECASE)
_COMMERCIAL_QUESTION = re.compile(r"^[\W_]*(?:q\s*\d*\s*[:：.)]\s*)?[*_]*(?:(?:is|are)\s+(?:[\w-]+\s+){0,3}(?:allowed|permitted|ok|okay|free|licensed)\b"
                                  r"|commercial\s+(?:use|usage)\b)[^?]{0,60}\?", re.IGNORECASE)
#: A question whose use comes with a condition or a setting ("without attribution", "on a CPU only", "offline"): a
#: "No" answers that condition, not whether the use is allowed.
_QUALIFIED = re.compile(r"\b(?:without\s+(?:attribution|credit|crediting|citing|a\s+notice|the\s+notice|notices?|keeping|"
                        r"including|a\s+gpu|gpus?|internet)|on\s+(?:a\s+|an\s+|my\s+)?(?:cpu|gpu|phone|laptop|mac|raspberry|edge|"
                        r"mobile)\w*|(?:cpu|gpu|vram|ram)\s+only|offline|in\s+real[- ]time|at\s+scale)\b", re.IGNORECASE)
_NO_ANSWER = re.compile(r"^[\W_]*(?:a\s*\d*\s*[:：.)]\s*)?[*_]*(?:no|nope)\b[*_]*\s*(?:[.,;!—–-]|$)", re.IGNORECASE)


def answered_no(question: str, answer: str, number: int) -> list[Detection]:
    """"Can I use this commercially? No.": the use the question asks about, denied, read as the card's restriction
    ("You may not use this commercially"); the answer may stand after the question or on the next line."""
    if not _NO_ANSWER.match(answer):
        return []
    asked = _USE_QUESTION.match(question)
    if _QUALIFIED.search(question):
        return []  # "… commercially without attribution? No, keep the NOTICE": the No denies the qualifier, not the use
    if asked:
        statement = f"You may not {asked.group(1).strip()}."
    elif _COMMERCIAL_QUESTION.match(question) and "commercial" in question.lower():
        statement = "Commercial use is not allowed."
    else:
        return []
    quote = " ".join(f"{question.strip()} {answer.strip()}".split())[:300]
    return [dataclasses.replace(d, evidence=Evidence("card-text", quote, "README.md", number), restrictions=tuple(
        dataclasses.replace(f, evidence=(Evidence("card-text", quote, "README.md", number),)) for f in d.restrictions))
        for d in card_restrictions(statement, number) if d.matcher == "card-text-restrictions"]


def faq_answer(text: str, joined: list[str], offset: int, number: int) -> list[Detection]:
    """A question on a use and its answer, on the same line after the question mark or on the next line that has text."""
    question, _, answer = text.partition("?")
    if not answer.strip(" *_\t"):
        answer = next((line for line in joined[offset + 1:offset + 4] if line.strip()), "")
    return answered_no(question + "?", answer, number)


_QUESTION_LINE = re.compile(r"\?[\s*_]*$")
#: A question asking for a permission ("Can I …", "May we …", "Am I allowed to …"), not whether a limit holds.
_MAY_I = re.compile(r"^[\W_]*(?:can|may|could)\s+(?:i|we|you|one|it|this|the)\b|^[\W_]*(?:am i|are we|is it|is one)\s+"
                    r"(?:allowed|permitted|ok|okay|free)\b", re.IGNORECASE)
_LIMIT_ASKED = re.compile(r"\b(?:restrict\w*|limit\w*|only|requir\w*|need\w*|must|prohibit\w*|forbid\w*|ban\w*|non-?commercial)\b",
                          re.IGNORECASE)
_YES = re.compile(r"^[\W_]*(?:yes|sure|of course|absolutely|是的|可以|はい|예)\b", re.IGNORECASE)


def answered_yes(line: str, joined: list[str], offset: int) -> bool:
    """An FAQ question answered yes ("**Can I use its outputs to train other models?**" / "Yes, there is no
    restriction."): the question restricts nothing (answered no, it stays a doubt)."""
    if not _QUESTION_LINE.search(line) or not _MAY_I.match(line) or _LIMIT_ASKED.search(line):
        return False  # "Is Heron-7B restricted to non-commercial use? Yes." answers a limit, not a permission
    answer = next((later for later in joined[offset + 1:offset + 4] if later.strip()), "")
    return bool(_YES.match(answer))
