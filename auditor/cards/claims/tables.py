"""Claims made by a table: an "Open source" column whose cell in this model's row says yes (✓, yes, 开源), and the
rows of a key-value table, which describe the card's own model."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from auditor.cards.claims.names import Names, names_this_model

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")
_YES = re.compile(r"^(?:✓|✔|✅|☑)|^(?:yes|y|是|有|开源|開源|open(?:[\u00ad\u2010-\u2014\u2212-]\s|[\s\u00ad\u2010-\u2014\u2212-])?source)\b",
                  re.IGNORECASE)  # any hyphen
_OURS = re.compile(r"\b(?:ours|this model|our model)\b|本模型|我们的", re.IGNORECASE)
MAX_ROWS = 500  # rows read per table: enough for any real comparison table, bounded for a hostile one


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _tables(lines: list[str]) -> Iterator[tuple[str, list[int]]]:
    """(header row, indices of its body rows) for each Markdown table (a header row followed by a separator row);
    one pass over the lines."""
    index = 0
    while index + 1 < len(lines):
        header = lines[index]
        if not (header.lstrip().startswith("|") and _SEPARATOR.match(lines[index + 1])):
            index += 1
            continue
        index += 2
        start = index
        while index < len(lines) and lines[index].lstrip().startswith("|"):
            index += 1
        yield header, list(range(start, index))


def table_claims(lines: list[str], target: re.Pattern[str], names: Names) -> Iterator[tuple[int, str, str]]:
    """(line index, phrase, quote) for each row of this model marked yes in an "open source" column. Without a
    model id, only a row that says it is ours ("(ours)", 本模型) counts."""
    for header, body in _tables(lines):
        columns = [k for k, cell in enumerate(_cells(header)) if target.search(cell)]
        if not columns:
            yield from _transposed(header, body, lines, target, names)
            continue
        for index in body[:MAX_ROWS]:
            row = lines[index]
            if not (_OURS.search(row[:2000]) or (names.known and names_this_model(row, names))):
                continue
            cells = _cells(row[:2000])
            for k in columns:
                if k < len(cells) and _YES.match(cells[k]):
                    yield index, target.search(_cells(header)[k]).group(0), " ".join(row.split())[:300]
                    break


#: What an "Open source" row's label may add and still be about the model ("Open source?", "Open-source weights").
_LABEL_REST = re.compile(r"^[\W_]*(?:fully|truly|completely|100%)?[\W_]*(?:\(?\s*(?:weights?|models?|checkpoints?|release)"
                         r"(?:\s*(?:\+|and|&|/)\s*(?:code|data|weights?))*\s*\)?|权重|模型)?[\W_]*$", re.IGNORECASE)


def _transposed(header: str, body: list[int], lines: list[str], target: re.Pattern[str],
                names: Names) -> Iterator[tuple[int, str, str]]:
    """A table with the models as columns ("| | Heron-7B | GPT-4 |") and an "Open source" row (its label in the first
    cell, or the second after an empty category cell): a claim when the cell under this model's column says yes. Only
    when the model id is known."""
    heads = _cells(header[:2000])
    own = [k for k, cell in enumerate(heads) if k and cell and names.known and names_this_model(cell, names)]
    if not own or len(own) == len(heads) - 1:
        return  # no column of this model, or every column names it (a table of its own variants says nothing here)
    for index in body[:MAX_ROWS]:
        cells = _cells(lines[index][:2000])
        label = 1 if len(cells) > 1 and not cells[0].strip() and not heads[0].strip() and len(cells) == len(heads) else 0
        # ("| | 开源 | ✓ |": after an empty category cell, in a table whose header has that column too)
        field = target.search(cells[label]) if cells and len(cells[label]) < 40 else None
        if field and not _LABEL_REST.match(target.sub(" ", cells[label])):
            field = None  # "| Open-source training data | ✓ |", "| Open-source vision encoder |": another thing's row
        if field and any(label < k < len(cells) and _YES.match(cells[k]) for k in own):
            yield index, field.group(0), " ".join((header.strip() + " " + lines[index].strip()).split())[:300]


_HTML_CELL = re.compile(r"<(?P<tag>t[hd])\b(?P<attrs>[^>\n]{0,300})>(?P<text>.*?)</t[hd]\s*>", re.IGNORECASE | re.DOTALL)
_COLSPAN = re.compile(r"colspan\s*=\s*[\"']?(\d{1,2})", re.IGNORECASE)
_TAGS = re.compile(r"<[^>\n]{0,300}>")


def _html_cells(line: str, tag: str) -> list[tuple[int, str]]:
    """(column, text) of the line's cells of that tag (th or td), columns counted with their colspans."""
    cells, column = [], 0
    for cell in _HTML_CELL.finditer(line[:4000]):
        if cell.group("tag").lower() == tag:
            text = html.unescape(_TAGS.sub(" ", cell.group("text")))
            cells.append((column, re.sub(r"[*_`]+", "", text).strip()))  # markup never hides the words
        span = _COLSPAN.search(cell.group("attrs"))
        column += int(span.group(1)) if span else 1
    return cells


def html_table_claims(raw: list[str], visible: list[str], target: re.Pattern[str],
                      names: Names) -> Iterator[tuple[int, str, str]]:
    """The same "open source" column in an HTML table whose header row and body rows each stand on one line
    (`<th>Model</th> <th>Open Source</th>` … `<td>Heron (Ours)</td> <td>✔</td>`); rows blanked as code are skipped.
    The claim's line is the header's, where the words stand."""
    column, phrase, rows, header = None, "", 0, 0
    for index, line in enumerate(raw):
        if "<t" not in line and "</table" not in line.lower():
            continue
        if "</table" in line.lower():
            column = None
        heads = _html_cells(line, "th") if "<th" in line.lower() else []
        found = next(((k, target.search(text)) for k, text in heads if target.search(text)), None)
        if found:
            column, phrase, rows, header = found[0], found[1].group(0), 0, index
            continue
        if column is None or rows >= MAX_ROWS or not (index < len(visible) and visible[index].strip()):
            continue
        cells = dict(_html_cells(line, "td"))
        if len(cells) < 2:
            continue
        rows += 1
        text = " ".join(cells.values())
        if (_OURS.search(text) or (names.known and names_this_model(text, names))) and _YES.match(cells.get(column, "")):
            yield header, phrase, " | ".join(cells.values())[:300]  # the line with the words, quoted with the row


#: The first header cell of a key-value table ("| | |", "| Feature | Description |", "| Component | License |"):
#: its rows are fields of the card's own model, not rows of other models.
_KEY_HEADER = re.compile(r"^(?:|\**(?:field|key|attribute|property|item|feature|component|parameter|aspect|category|"
                         r"detail|details|info|information|spec|specification|属性|项目|字段)s?\**)$", re.IGNORECASE)


#: The fields of a key-value table that can say the model is open source ("| License | … |", "| Open source | Yes |");
#: other fields describe other things ("| Components | …, open-source `spancat` |", "| 训练框架 | 开源框架 … |").
_OPEN_FIELD = re.compile(r"^\W*(?:licen[cs]es?|licensing|open(?:[\u00ad\u2010-\u2014\u2212-]\s|[\s\u00ad\u2010-\u2014\u2212-])?source(?:d)?|availability|access|"
                         r"release|weights|"
                         r"model weights|code|source code|是否开源|开源|開源|许可|協議|协议|许可证|ライセンス|라이선스)\W*$",
                         re.IGNORECASE)


def key_value_rows(lines: list[str]) -> frozenset[int]:
    """Line indices of the rows of two-column key-value tables whose field can say the model is open source (one
    pass over the lines)."""
    rows: set[int] = set()
    for header, body in _tables(lines):
        cells = _cells(header[:2000])
        if len(cells) == 2 and _KEY_HEADER.match(cells[0]):
            rows.update(index for index in body if _OPEN_FIELD.match(_cells(lines[index][:2000])[0]))
    return frozenset(rows)
