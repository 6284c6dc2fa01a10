"""Claim detection: "open source" statements about the model in the card body (never its YAML)."""

from __future__ import annotations

import html
import re

from auditor.models import Claim

_HYPHENS = "\u00ad\u2010\u2011\u2012\u2013\u2014\u2212"
_CLAIM = re.compile(rf"\bopen[\s{_HYPHENS}-]?sourc(?:e|ed|ing)\b|开源", re.IGNORECASE)
#: A negation shortly before the phrase, in the same sentence: "is not open source", "not an open-source model".
_NEGATED = re.compile(r"\b(?:not|never|no longer|isn't|aren't|wasn't|nor|neither|non)\b(?:\s+\w+){0,3}\s*$|\bnot\s+\w*\s*$",
                      re.IGNORECASE)
#: The phrase describes something other than the model: "open-source libraries", "the open source community".
_OTHER_THING = re.compile(
    r"^[\s\-]*(?:\w+\s+)?(?:librar(?:y|ies)|tools?|toolkits?|tooling|communit(?:y|ies)|frameworks?|software|projects?|"
    r"datasets?|data|code(?:base)?|implementations?|packages?|ecosystem|contributors?|repositor(?:y|ies)|"
    r"initiatives?|efforts?|movement|developers?|researchers?|engines?|scripts?|stack|"
    r"components?|dependencies|infrastructure|platforms?|apps?|applications?)\b"
    r"(?!\s+(?:models?|llms?|weights|checkpoints?)\b)",
    re.IGNORECASE,
)
_ABOUT_MODEL = re.compile(r"\b(?:model|weights|checkpoints?|llm|we|our|this|release[sd]?|releasing)\b|模型", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`]*`")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_TAG = re.compile(r"<[^>\n]{0,500}>")


def visible_lines(body: str) -> list[str]:
    """The body's lines as a reader sees them: code, comments, markup and URLs blanked (line count kept)."""
    body = _HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    lines: list[str] = []
    in_fence = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
            continue
        if in_fence:
            lines.append("")
            continue
        line = _LINK_TARGET.sub("]", _INLINE_CODE.sub(" ", line))
        line = _URL.sub(" ", _TAG.sub(" ", line))
        lines.append(html.unescape(line).replace("\u00a0", " "))
    return lines


def find_claims(body: str, first_line: int = 1) -> tuple[Claim, ...]:
    """Every "open source" claim about the model, with its line in README.md."""
    claims: list[Claim] = []
    for offset, line in enumerate(visible_lines(body)):
        for match in _CLAIM.finditer(line):
            before = line[: match.start()]
            sentence_start = max(before.rfind(". "), before.rfind("。"))
            if _NEGATED.search(before[sentence_start + 1 :]):
                continue
            if _OTHER_THING.match(line[match.end() :]):
                continue
            quote = " ".join(line.strip().lstrip("#>*-| ").split())
            confidence = "high" if _ABOUT_MODEL.search(line) else "medium"
            claims.append(Claim(quote=quote[:300], line=first_line + offset, phrase=match.group(0), confidence=confidence))
            break  # one claim per line is enough evidence
    return tuple(claims)
