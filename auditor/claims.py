"""Claim detection: "open source" said of the model in the card body (never its YAML), sentence by sentence."""

from __future__ import annotations

import html
import re

from auditor.models import Claim

_HYPHENS = "\u00ad\u2010\u2011\u2012\u2013\u2014\u2212"
_CLAIM = re.compile(
    rf"\bopen[\s{_HYPHENS}-]?sourc(?:e|ed|ing)\b|\bc[oó]digo abierto\b|\bquelloffen\w*|オープンソース|오픈\s?소스|开源|開源",
    re.IGNORECASE)
_WORD_BEFORE_NEGATION = (r"\b(?:not|never|no longer|isn't|aren't|wasn't|nor|neither|non|pas|no es|nicht|kein\w*)\b"
                         r"(?:\s+\w+){0,3}\s*$")
#: A negation shortly before the phrase, in the same sentence: "is not open source", "n'est pas open source", 非开源.
_NEGATED_BEFORE = re.compile(rf"{_WORD_BEFORE_NEGATION}|\bnot\s+\w*\s*$|(?:非|不是|并非|不|未|没有)\s*$", re.IGNORECASE)
_NEGATED_AFTER = re.compile(r"^\s*(?:ではない|ではありません|じゃない|가\s*아니|이\s*아니)")
_OTHER_NOUNS = (
    r"librar(?:y|ies)|tools?|toolkits?|tooling|communit(?:y|ies)|frameworks?|software|projects?|datasets?|data|corpus|"
    r"corpora|code(?:base)?|implementations?|packages?|ecosystem|contributors?|repositor(?:y|ies)|initiatives?|efforts?|"
    r"movement|developers?|researchers?|engines?|scripts?|stack|components?|dependencies|infrastructure|platforms?|"
    r"apps?|applications?|extensions?|plugins?|encoders?|tokenizers?|benchmarks?|leaderboards?|"
    r"databases?|licen[cs]es?|AI safety"
)
#: The phrase describes something other than the model: "open-source libraries", "open-sourced frozen T5 text-encoder".
_OTHER_AFTER = re.compile(
    rf"^[\s\-]*(?:(?!(?:so|and|or|but|to|that|which|because|while|since|as|for|with|in|by|at|from)\b)[\w.\-]+,?\s+){{0,4}}?"
    rf"(?:[\w.]+-)?(?:{_OTHER_NOUNS})\b(?!\s+(?:models?|llms?|weights|checkpoints?)\b)",
    re.IGNORECASE)
_MODEL_NOUN = re.compile(r"\b(?:models?|llms?|weights|checkpoints?|chatbots?|assistants?)\b|模型|모델|モデル", re.IGNORECASE)
_OTHER_AFTER_CJK = re.compile(r"^\s*(?:的)?(?:社区|社群|数据|數據|工具|库|代码|代碼|框架|项目|生态|데이터|커뮤니티|도구|ライブラリ|コミュニティ|データ)")
#: The phrase is said of something else: "this dataset will be open-sourced", "the code is open source".
_OTHER_SUBJECT = re.compile(
    rf"\b(?:{_OTHER_NOUNS})\b[^.;,]{{0,30}}\b(?:is|are|was|were|will be|be|has been|have been|being)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: Open-source models as a comparison group: "outperforms open-source models", "higher than the SOTA open-source LLM".
_COMPARISON = re.compile(
    r"(?:outperform\w*|surpass\w*|compar\w*|\bthan\b|\bversus\b|\bvs\b\.?|\bagainst\b|\bover (?:all |the )?|\bbeats?\b|"
    r"\brival\w*|competitive with|on par with|exceed\w*|\bto other\b)[^.;]{0,60}$", re.IGNORECASE)
_OTHER_GROUP = re.compile(r"\bother\s+(?:\w+\s+)?$", re.IGNORECASE)
_ABOUT_MODEL = re.compile(r"\b(?:model|weights|checkpoints?|llm|we|our|this|release[sd]?|releasing)\b|模型|모델|モデル",
                          re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?。！？]+(?:[.!?。！？]+|$)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`]*`")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_TAG = re.compile(r"<[^>\n]{0,500}>")
_CITATION_START = re.compile(r"^\s*@\w+\s*\{")


def visible_lines(body: str) -> list[str]:
    """The body's lines as a reader sees them: code, comments, citations, markup and URLs blanked (count kept)."""
    body = _HTML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    lines: list[str] = []
    in_fence = False
    depth = 0  # inside a bare BibTeX entry (@article{...}) outside a code fence
    for line in body.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
            continue
        if in_fence or depth or _CITATION_START.match(line):
            depth = max(0, depth + line.count("{") - line.count("}")) if not in_fence else 0
            lines.append("")
            continue
        line = _LINK_TARGET.sub("]", _INLINE_CODE.sub(" ", line))
        line = _URL.sub(" ", _TAG.sub(" ", line))
        lines.append(html.unescape(line).replace("\u00a0", " "))
    return lines


def _is_claim(sentence: str, start: int, end: int) -> bool:
    before, after = sentence[:start], sentence[end:]
    if _NEGATED_BEFORE.search(before) or _NEGATED_AFTER.search(after):
        return False
    other = _OTHER_AFTER.match(after)
    if (other and not _MODEL_NOUN.search(other.group(0))) or _OTHER_AFTER_CJK.match(after):
        return False
    if _OTHER_SUBJECT.search(before) and not _MODEL_NOUN.search(before):
        return False
    return not (_COMPARISON.search(before) and not _OTHER_GROUP.search(before))


_HONEST = re.compile(
    r"\bopen[\s-]?weights?\b|\bopenly (?:available|released|releasing|accessible|licensed)\b|\bopen[\s-]access\b|"
    r"\b(?:weights|checkpoints?) (?:are|is) (?:publicly|freely) (?:available|downloadable)\b|\bpublicly available weights\b|"
    r"\bopen model\b|开放权重|オープンウェイト|오픈\s?웨이트", re.IGNORECASE)


def find_honest_wording(body: str, first_line: int = 1) -> tuple[Claim, ...]:
    """Accurate openness wording ("open weights", "openly available"): worth reporting, never a claim."""
    found: list[Claim] = []
    for offset, line in enumerate(visible_lines(body)):
        match = _HONEST.search(line)
        if match:
            quote = " ".join(line.strip().lstrip("#>*-| ").split())[:300]
            found.append(Claim(quote=quote, line=first_line + offset, phrase=match.group(0), confidence="high"))
    return tuple(found[:5])


def find_claims(body: str, first_line: int = 1) -> tuple[Claim, ...]:
    """Every "open source" claim about the model, one per sentence, with its line in README.md."""
    claims: list[Claim] = []
    for offset, line in enumerate(visible_lines(body)):
        for sentence_match in _SENTENCE.finditer(line):
            sentence = sentence_match.group(0)
            for match in _CLAIM.finditer(sentence):
                if not _is_claim(sentence, match.start(), match.end()):
                    continue
                quote = " ".join(sentence.strip().lstrip("#>*-| ").split())
                if len(quote) > 300:
                    middle = quote.find(match.group(0))
                    quote = quote[max(0, middle - 150): middle + 150]
                confidence = "high" if _ABOUT_MODEL.search(sentence) else "medium"
                claims.append(Claim(quote=quote, line=first_line + offset, phrase=match.group(0), confidence=confidence))
                break
    return tuple(claims)
