"""Claim detection: "open source" said of the model in the card body (never its YAML), sentence by sentence."""

from __future__ import annotations

import html
import re

from auditor.models import Claim

_HYPHENS = "\u00ad\u2010\u2011\u2012\u2013\u2014\u2212"
_CLAIM = re.compile(
    rf"\bopen[\s{_HYPHENS}-]?sou?rc(?:e|ed|ing)\b|\bopen[\s{_HYPHENS}-]?soure\b|\bOSS\b(?!-)|\bc[oó]digo abierto\b|"
    rf"\bquelloffen\w*|オープンソース|오픈\s?소스|开源|開源",
    re.IGNORECASE)
_WORD_BEFORE_NEGATION = (r"\b(?:not|never|no longer|isn't|aren't|wasn't|nor|neither|non|pas|no es|nicht|kein\w*)\b"
                         r"(?:\s+\w+){0,3}\s*$")
#: A negation shortly before the phrase, in the same sentence: "is not open source", "n'est pas open source", 非开源.
_NEGATED_BEFORE = re.compile(
    rf"{_WORD_BEFORE_NEGATION}|\bnot\s+\w*\s*$|(?:非|不是|并非|不|未|没有)\s*$|"
    r"\b(?:avoid|avoids|avoiding|refrain from|stop|stopped|wrongly)\s+(?:call\w*|describ\w*|label\w*|market\w*)\b[^.]{0,60}$|"
    r"\b(?:were|was|been)\s+(?:described|called|labell?ed|marketed|advertised)\s+as\s*$|\bnon-\s*$", re.IGNORECASE)
_ROMANCE_OTHER_BEFORE = re.compile(r"\b(?:corpus|données|bibliothèques?|outils?|datos|herramientas|bibliotecas?|librerías?|"
                                   r"código|communauté|comunidad|logiciels?|software)\s+(?:de\s+)?$", re.IGNORECASE)
_NOT_ONLY = re.compile(r"\bnot\s+only\s*$", re.IGNORECASE)
_NEGATED_AFTER = re.compile(r"^\s*(?:ではない|ではありません|じゃない|가\s*아[니닙]|이\s*아[니닙])")
_OTHER_NOUNS = (
    r"librar(?:y|ies)|tools?|toolkits?|tooling|communit(?:y|ies)|frameworks?|software|projects?|datasets?|data|corpus|"
    r"corpora|code(?:base)?|implementations?|packages?|ecosystem|contributors?|repositor(?:y|ies)|initiatives?|efforts?|"
    r"movement|developers?|researchers?|engines?|scripts?|stack|components?|dependencies|infrastructure|platforms?|"
    r"apps?|applications?|extensions?|plugins?|encoders?|tokenizers?|benchmarks?|leaderboards?|"
    r"databases?|AI safety|vocoders?|decoders?|detectors?|parsers?|toolchains?|runtimes?|compilers?|servers?|suites?|"
    r"pipelines?|bindings|sdks?|apis?|alternatives|baselines?|variants?"
)
#: The phrase describes something other than the model: "open-source libraries", "open-sourced frozen T5 text-encoder".
_OTHER_AFTER = re.compile(
    rf"^[\s\-,]*(?:(?!(?:so|and|or|but|to|that|which|because|while|since|as|for|with|in|by|at|from|sur|un|une|de|des|du|le|la|les|en|avec|pour|par|et|con|para|por|el|los|y|mit|für|auf|von|und|ein|eine|der|die|das)\b)[\w.\-]+,?\s+){{0,4}}?"
    rf"(?:[\w.]+-)?(?:{_OTHER_NOUNS})\b(?!\s+(?:models?|llms?|weights|checkpoints?)\b)",
    re.IGNORECASE)
_MODEL_NOUN = re.compile(r"\b(?:models?|llms?|weights|checkpoints?|chatbots?|assistants?)\b|模型|모델|モデル", re.IGNORECASE)
_OTHER_AFTER_CJK = re.compile(r"^\s*(?:的|の)?.{0,4}?(?:社区|社群|数据|數據|工具|库|代码|代碼|框架|项目|生态|流程|데이터|커뮤니티|도구|ライブラリ|"
                              r"ツール|コミュニティ|データ|フレームワーク)|^[^。，,]{0,12}(?:相比|比较|对比)")
#: The phrase is said of something else: "this dataset will be open-sourced", "the code is open source".
_OTHER_SUBJECT = re.compile(
    rf"\b(?:{_OTHER_NOUNS})\b[^.;,]{{0,30}}\b(?:is|are|was|were|will be|be|has been|have been|being)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: Open-source models as a comparison group: "outperforms open-source models", "higher than the SOTA open-source LLM".
_COMPARISON = re.compile(
    r"(?:outperform\w*|surpass\w*|compar\w*|\bthan\b|\bversus\b|\bvs\b\.?|\bagainst\b|\bover (?:all |the )?|\bbeats?\b|"
    r"\brival\w*|competitive with|on par with|exceed\w*|\bto other\b|\babove\b|\bbelow\b|\bahead of\b)[^.;]{0,60}$|"
    r"\b(?:many|most|some|several|existing|prior|previous|popular|leading|mainstream|current|these)\s+(?:\w+\s+)?$|"
    r"\btags?\b[^.]{0,30}$", re.IGNORECASE)
#: The sentence is about another model: a baseline, the base it starts from, an alternative.
_OTHER_MODEL = re.compile(r"\b(?:baselines?|(?:the|its|their) base model|starts? from|distilled from|trained from|fine-?tuned (?:from|on)|derived from|unlike|"
                          r"alternatives to)\b", re.IGNORECASE)
_SELF_SUBJECT = re.compile(r"\b(?:this (?:is|model)|it is|we|our model)\b[^,;]{0,40}$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s[-–—]\s|[;:()]")
_CITATION = re.compile(r"\bet al\b|\barXiv\b|\bProceedings\b|\(\d{4}\)", re.IGNORECASE)
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
_INDENTED_CODE = re.compile(r"^(?:    |\t)(?!\s*(?:[-*+]|\d+\.)\s)")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}|[*_]{1,3}(?![\w*_])|(?<=\w)[*_]{1,3}(?=[-\w])")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")


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
        if _INDENTED_CODE.match(line):
            lines.append("")
            continue
        line = _LINK_TARGET.sub("]", _INLINE_CODE.sub(" ", line))
        line = _EMPHASIS.sub("", _URL.sub(" ", _TAG.sub(" ", line)))
        lines.append(html.unescape(line).replace("\u00a0", " "))
    return lines


def _is_claim(sentence: str, start: int, end: int) -> bool:
    before, after = sentence[:start], sentence[end:]
    if _CITATION.search(sentence):
        return False  # a reference list entry
    if (_NEGATED_BEFORE.search(before) and not _NOT_ONLY.search(before)) or _NEGATED_AFTER.search(after):
        return False
    if _OTHER_MODEL.search(sentence) and not (_OTHER_GROUP.search(before) or _SELF_SUBJECT.search(before)):
        return False
    other = _OTHER_AFTER.match(_CLAUSE_END.split(after)[0])
    if (other and not _MODEL_NOUN.search(other.group(0))) or _OTHER_AFTER_CJK.match(after):
        return False
    if (_OTHER_SUBJECT.search(before) and not _MODEL_NOUN.search(before)) or _ROMANCE_OTHER_BEFORE.search(before):
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


def _units(lines: list[str]) -> list[tuple[int, str]]:
    """Paragraph units (first line index, text): plain lines join; headings, list items and table rows stand alone."""
    units: list[tuple[int, str]] = []
    current: list[str] = []
    first = 0
    for index, line in enumerate(lines):
        block = re.match(r"^\s*(?:#|\||[-*+]\s|\d+[.)]\s|>)", line)
        is_header = line.lstrip().startswith("|") and index + 1 < len(lines) and _TABLE_SEPARATOR.match(lines[index + 1])
        if not line.strip() or block or is_header:
            if current:
                units.append((first, "\n".join(current)))
            current = []
            if line.strip() and not is_header:  # a table's header row names columns, it claims nothing
                units.append((index, line))
            continue
        if not current:
            first = index
        current.append(line)
    if current:
        units.append((first, "\n".join(current)))
    return units


def find_claims(body: str, first_line: int = 1) -> tuple[Claim, ...]:
    """Every "open source" claim about the model, one per sentence, with its line in README.md."""
    claims: list[Claim] = []
    for first, text in _units(visible_lines(body)):
        if text.lstrip().startswith((">", "-", "*")) and _CITATION.search(text):
            continue  # a quoted or listed reference: paper titles are not claims
        found = list(_SENTENCE.finditer(text))
        for number, sentence_match in enumerate(found):
            sentence = sentence_match.group(0)
            if sentence.rstrip().endswith(("?", "？")):
                answer = found[number + 1].group(0).strip().lower() if number + 1 < len(found) else ""
                if not answer.startswith(("yes", "是", "예", "はい", "oui", "sí", "ja")):
                    continue  # a question is a claim only when the card answers it with yes
            for match in _CLAIM.finditer(sentence):
                if not _is_claim(sentence, match.start(), match.end()):
                    continue
                quote = " ".join(sentence.strip().lstrip("#>*-| ").split())
                if len(quote) > 300:
                    middle = quote.find(match.group(0).split()[0])
                    quote = quote[max(0, middle - 150): middle + 150]
                line = first + text.count("\n", 0, sentence_match.start() + match.start())
                confidence = "high" if _ABOUT_MODEL.search(sentence) else "medium"
                claims.append(Claim(quote=quote, line=first_line + line, phrase=" ".join(match.group(0).split()),
                                    confidence=confidence))
                break
    return tuple(claims)
