"""What a card table's header and cells say: its License, use and merge-weight columns, tables of data sources and of
artefacts, and rows that give another model's terms."""

from __future__ import annotations

import re

from auditor.cards.terms.restrictive import ABOUT_WEIGHTS
from auditor.cards.terms.scratch import names_this_model
from auditor.engine.families import names_a_family


#: The first cell of a row that says what a use may be, whatever columns follow ("| Commercial use | No | see LICENSE |").
USE_CELL = re.compile(r"^(?:(?:commercial|non-?commercial|research|academic|personal|production)(?:\s+(?:use|usage))?|"
                       r"re-?distribution|modification|derivatives?)$", re.IGNORECASE)
#: A column of a merge's ingredient table ("| Model | Weight | License |").
WEIGHT_COLUMN = re.compile(r"(?:merge\s+)?(?:weights?|density|ratio|share|proportion|%|contribution)", re.IGNORECASE)
#: A merge weight in an ingredient table's row ("0.3", "30%", "0.6 (t)", "base model", "[0, 0.5, 1]"); not "Gated", "13 GB".
WEIGHT_VALUE = re.compile(r"\s*(?:\d*\.?\d+\s*%?(?:\s*\([^)]{0,20}\))?|base(?:\s+model)?|\[[\d.,\s]+\]|-)\s*", re.IGNORECASE)
#: Use cells read per row and per card (a hostile table of this model's rows with hundreds of use columns stays cheap).
MAX_USE_CELLS = 16
_DATA_SOURCES = re.compile(r"^(?:(?:training\s+)?data(?:sets?)?|corpus|corpora|(?:data\s+)?sources?)$", re.IGNORECASE)
_COLUMN_NAME = re.compile(r"^(?:licen[cs]es?(?:\s*/\s*\w+)?|tokens|pairs|examples|rows|documents|hours|images|count|size|"
                          r"share|samples|description|notes|access|terms|url|link|languages?|domain|type)$", re.IGNORECASE)


#: A row of a table of artefacts and their licences that is not the weights' ("| Technical report | CC-BY-4.0 | arXiv |").
_ARTEFACT = re.compile(r"(?:the\s+)?(?:technical\s+)?(?:reports?|papers?|docs|documentation|(?:w&b|wandb|training)\s+logs|logs|(?:label\s+)?taxonomy|"
                       r"(?:(?:annotation|labell?ing)\s+)?guidelines|labels|annotations|blog(?:\s+posts?)?|website|slides|figures|"
                       r"evaluation\s+(?:results|harness|suite)|benchmarks?(?:\s+results)?)(?:\s+and\s+(?:guidelines|taxonomy|figures|slides))?",
                       re.IGNORECASE)  # the whole first cell, nothing else


def other_artefact(cells: list[str]) -> bool:
    """A table row whose first cell names an artefact that is not the weights (a report, logs, guidelines)."""
    return len(cells) >= 2 and bool(_ARTEFACT.fullmatch(cells[0].strip())) and not ABOUT_WEIGHTS.search(cells[0])


def data_header(cells: list[str]) -> bool:
    """A table of data sources: its header's first column names them and the next is a column's name ("| Source |
    Tokens | Licence |"), not a key-value table's first pair ("| Training data | 2T tokens |")."""
    return len(cells) > 1 and bool(_DATA_SOURCES.match(cells[0])) and bool(_COLUMN_NAME.match(cells[1]))
_DATA_TABLE = re.compile(r"^(?:data(?:sets?)?|corpus|corpora|sources?|training data|components?|dependenc(?:y|ies)|librar(?:y|ies))$",
                         re.IGNORECASE)


_SIZED_NAME = re.compile(r"\b[A-Za-z][\w.-]*?[-_ ]?\d+(?:\.\d+)?[BbMm]\b")


def names_another_model(cells: str, model_id: str | None) -> bool:
    """The leading cells of a License-column row name a model that is not this one (a family or a sized name:
    "Llama-3.2-3B", "Qwen2.5-3B"): the row gives that model's license, as in a comparison of licenses."""
    return bool(cells.strip()) and not names_this_model(cells, model_id) and bool(
        _SIZED_NAME.search(cells) or names_a_family(cells))

def use_columns_of(cells: list[str], columns: dict[int, str]) -> dict[int, str]:
    """The columns of a table whose header says what a use may be ("Commercial use"): found on its header row, kept
    over its rows, forgotten when the table ends."""
    if not cells:
        return {}
    found = {i: c for i, c in enumerate(cells) if i and USE_CELL.match(c)}
    return found if found and not USE_CELL.match(cells[0]) else columns


def license_column_of(cells: list[str], column: int | None) -> int | None:
    """The License column of a table: found on its header row, kept over its rows, forgotten when the table ends."""
    if not cells:
        return None
    header = next((i for i, c in enumerate(cells) if i and re.fullmatch(r"(?:model |weights? )?licen[cs]e", c, re.IGNORECASE)), None)
    if header is not None and _DATA_TABLE.match(cells[0]):
        return None  # "| Dataset | License | … |": the data's licenses, not the models'
    return header if header is not None and len(cells) >= 3 else column
