"""Claims made by a table: an "Open source" column whose cell in this model's row says yes (✓, yes, 开源)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.cards.claimnames import Names, names_this_model

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")
_YES = re.compile(r"^(?:✓|✔|✅|☑)|^(?:yes|y|是|有|开源|開源|open[\s-]?source)\b", re.IGNORECASE)
_OURS = re.compile(r"\b(?:ours|this model|our model)\b|本模型|我们的", re.IGNORECASE)
MAX_ROWS = 500  # rows read per table: enough for any real comparison table, bounded for a hostile one


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def table_claims(lines: list[str], target: re.Pattern[str], names: Names) -> Iterator[tuple[int, str, str]]:
    """(line index, phrase, quote) for each row of this model marked yes in an "open source" column. Without a
    model id, only a row that says it is ours ("(ours)", 本模型) counts."""
    index = 0
    while index + 1 < len(lines):
        header = lines[index]
        if not (header.lstrip().startswith("|") and _SEPARATOR.match(lines[index + 1])):
            index += 1
            continue
        columns = [k for k, cell in enumerate(_cells(header)) if target.search(cell)]
        index += 2
        rows = 0
        while index < len(lines) and lines[index].lstrip().startswith("|"):
            row = lines[index]
            rows += 1
            if columns and rows <= MAX_ROWS and (_OURS.search(row[:2000]) or (
                    names.known and names_this_model(row, names))):
                cells = _cells(row[:2000])
                for k in columns:
                    if k < len(cells) and _YES.match(cells[k]):
                        quote = " ".join(row.split())[:300]
                        yield index, target.search(_cells(header)[k]).group(0), quote
                        break
            index += 1
