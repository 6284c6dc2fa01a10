"""Card prose as a reader sees it: code, comments, citations and URLs blanked, markup unwrapped, paragraphs and sentences.

Every function here is linear in the text: patterns are bounded and nothing rescans what it has passed.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`([^`\n]{0,500})`")
#: An inline code span that reads as words ("`Acme-7B`", "`open-source`"), not as code: it is unwrapped, not blanked.
_PROSE_SPAN = re.compile(r"[^\W_][\w'’.+-]*(?: [^\W_][\w'’+-]*)?")
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\](?:\([^()\n]{0,2000}\)|\[[^\[\]\n]{0,100}\])")
#: The end of a link whose text began on the line before ("… in [A state-of-the-art open source" then
#: "chatbot](https://…) by …": an editor wrapped the link text).
_LINK_END = re.compile(r"^([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]{1,100}\.(?:com|org|io|ai|net|dev|co|cn|hf\.co)/\S*", re.IGNORECASE)
#: HTML table cells become Markdown cells, so a row of another model's table is judged like one; header rows go.
_CELL_TAG = re.compile(r"</?t[dr]\b[^>\n]{0,300}>", re.IGNORECASE)
_HEADER_CELL = re.compile(r"<th\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]{1,100}@[\w-]{1,100}(?:\.[\w-]{1,100})+")
_TAG = re.compile(r"<[^>\n]{0,500}>")
_CITATION_START = re.compile(r"^\s*@\w+\s*\{")
_INDENTED_CODE = re.compile(r"^(?:    |\t)(?!\s*(?:[-*+]|\d+\.)\s)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}|[*_]{1,3}(?![\w*_])|(?<=\w)\*{1,3}(?=[-\w])|(?<=\w)_{1,3}(?=-)")
#: (an underscore between letters is part of a name, `kohya_ss`, not emphasis: CommonMark)
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")
_BLOCK = re.compile(r"^\s*(?:#|\||[-*+]\s|\d+[.)]\s|>)")
#: Runs of spaces inside a line (left by blanked tags, URLs, code, or typed) read as one: "an <b>open-source</b> model"
#: is "an open-source model" (the indentation that opens a line is kept: it makes list items and code blocks).
_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
#: A sentence ends at . ! ? followed by a space or the end ("2.0", "e.g.x", "llama.cpp" do not end one), or at 。！？.
_SENTENCE_END = re.compile(r"(?<!\bi\.e)(?<!\be\.g)(?<!\bcf)(?<!\bvs)(?<!\bapprox)[.!?]+(?=\s|$)|[。！？]+",
                           re.IGNORECASE)  # not after "i.e.", "e.g.", "vs.": an abbreviation goes on with the sentence


def _without_comments(body: str) -> str:
    """HTML comments blanked, line count kept (one scan; an unclosed comment runs to the end, as in a browser)."""
    out: list[str] = []
    position = 0
    while True:
        start = body.find("<!--", position)
        if start < 0:
            out.append(body[position:])
            return "".join(out)
        end = body.find("-->", start + 4)
        stop = len(body) if end < 0 else end + 3
        out.append(body[position:start])
        out.append("\n" * body.count("\n", start, stop))
        position = stop


def _code_span(match: re.Match[str]) -> str:
    inner = match.group(1).strip()
    return f" {inner} " if _PROSE_SPAN.fullmatch(inner) else " "


@functools.lru_cache(maxsize=32)
def visible_lines(body: str) -> tuple[str, ...]:
    """The body's lines as a reader sees them: code, comments, citations and URLs blanked, markup unwrapped
    (cached: claims, honest wording and license statements all read the same card)."""
    lines: list[str] = []
    in_fence = False
    depth = 0  # inside a bare BibTeX entry (@article{...}) outside a code fence
    in_code = False  # inside an indented code block (which needs a blank line before it, and no list around it)
    previous_blank, in_list = True, False
    raw = _without_comments(body).split("\n")
    closing = -1  # the index of the line that ends a link opened on the line before it
    for index, line in enumerate(raw):
        blank = not line.strip()
        indented = bool(_INDENTED_CODE.match(line))
        in_code = indented and (in_code or (previous_blank and not in_list))
        if not blank and not indented:
            in_list = bool(_LIST_ITEM.match(line))
        previous_blank = blank
        if _FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
            continue
        if in_fence or depth or _CITATION_START.match(line):
            depth = max(0, depth + line.count("{") - line.count("}")) if not in_fence else 0
            lines.append("")
            continue
        if in_code:
            lines.append("")
            continue
        if "[" in line or closing == index:
            line, opens = _wrapped_link(line, raw[index + 1] if index + 1 < len(raw) else "", closing == index)
            closing = index + 1 if opens else -1
        line = _INLINE_CODE.sub(_code_span, line)
        line = _LINK.sub(lambda m: m.group(1), _LINK.sub(lambda m: m.group(1), line))  # [![badge](img)](url) too
        if "<" in line:
            if _HEADER_CELL.search(line):
                lines.append("")  # a header row names columns, it claims nothing
                continue
            line = _CELL_TAG.sub(" | ", line)
        line = _URL.sub(" ", _TAG.sub(" ", line))
        bullet = _LIST_ITEM.match(line)  # "* item" is a list item, not emphasis
        cut = bullet.end() if bullet else 0
        line = line[:cut] + _EMPHASIS.sub("", _EMAIL.sub(" ", line[cut:]) if "@" in line else line[cut:])
        line = html.unescape(line).replace("\u00a0", " ")
        lines.append(_SPACES.sub(" ", line) if "  " in line or "\t" in line else line)
    return tuple(lines)


def _wrapped_link(line: str, following: str, closes: bool) -> tuple[str, bool]:
    """A link whose text is wrapped over two lines, unwrapped on both: the target after "](" goes from this line when
    it closes one opened before, the "[" when the next line closes it. Returns the line and whether the next closes."""
    if closes:
        line = _LINK_END.sub(r"\1", line, count=1)
    opened = line.rfind("[")
    if opened > line.rfind("]") and _LINK_END.match(following[:2600]):
        return line[:opened] + " " + line[opened + 1:], True
    return line, False


def units(lines: list[str]) -> list[tuple[int, str, bool]]:
    """Paragraph units (first line index, text, is a heading): plain lines join; headings and table rows stand
    alone; a list item takes its indented continuation lines; a table's header row claims nothing."""
    found: list[tuple[int, str, bool]] = []
    current: list[str] = []
    first = 0
    in_item = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if in_item and stripped and line[:1].isspace() and not _BLOCK.match(line):
            current.append(line)  # "1.  Strong results ...\n    continued here"
            continue
        block = _BLOCK.match(line)
        is_header = stripped.startswith("|") and index + 1 < len(lines) and _TABLE_SEPARATOR.match(lines[index + 1])
        if not stripped or block or is_header:
            if current:
                found.append((first, "\n".join(current), False))
            current, in_item = [], False
            if stripped and not is_header:
                if _LIST_ITEM.match(line):
                    current, first, in_item = [line], index, True
                else:
                    found.append((index, line, stripped.startswith("#")))
            continue
        if not current:
            first = index
        current.append(line)
    if current:
        found.append((first, "\n".join(current), False))
    return found


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for each sentence of a unit, in order."""
    start = 0
    for end in _SENTENCE_END.finditer(text):
        yield start, text[start:end.end()]
        start = end.end()
    if text[start:].strip():
        yield start, text[start:]
