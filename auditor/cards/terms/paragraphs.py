"""How a card's visible lines are read as sentences: a hard-wrapped paragraph joined to the line it starts on, and a
license list of a front-matter block displaced into the body read as one License field."""

from __future__ import annotations

import re

from auditor.cards.frontmatter import recover_license_fields

#: A line that ends a sentence or a field, or starts something that is not a continuation: never joined.
_ENDS = re.compile(r"[.!?。！？:：;；|]\s*$|^\s*$")
_QUOTED = re.compile(r"^\s*>\s?")
_NEVER_STARTS = re.compile(r"^\s*(?:#|\||<|```|~~~|\[[^\]]*\]:)")
_STARTS = re.compile(r"^\s*(?:#|\||[-*+>]\s|\d{1,3}[.)]\s|<|```|~~~|\[[^\]]*\]:|$)|^\W*(?-i:[A-Z0-9])[\w ./-]{0,30}[:：]\s|"
                     r"^\s*(?:licen[cs]es?|base_model|license_name|license_link)\s*:")  # a field: "Training data: …" (not
#                                                      "distributed under CC BY-NC 4.0: you may …", which goes on a sentence)


def unwrapped(lines: list[str]) -> list[str]:
    """The lines with a hard-wrapped paragraph's continuations joined to the line it starts on (their own places left
    empty, so that line numbers stay right): "It is a fine-tune of" / "Qwen2.5-3B-Instruct, trained …" reads as one
    sentence. A line (prose or a list item) is continued only when it is at least 50 characters long and ends no
    sentence or field, and the next line starts no heading, list item, table row, field or markup."""
    out = list(lines)
    start = None
    for index, line in enumerate(lines):
        quoted = start is not None and _QUOTED.match(line) and _QUOTED.match(lines[start])  # "> … non-commercial" / "> use only"
        if quoted:
            line = _QUOTED.sub("", line, count=1)
        joinable = start is not None and (quoted or not _STARTS.match(line)) and len(out[start]) < 4000
        if joinable:
            out[start] = f"{out[start].rstrip()} {line.strip()}"
            out[index] = ""
        else:
            start = index
        if len(line.strip()) < 50 or _ENDS.search(line) or (not joinable and _NEVER_STARTS.match(line)):
            start = None
    return out


_LIST_KEY = re.compile(r"^licen[cs]es?\s*:\s*$", re.IGNORECASE)
_LIST_VALUE = re.compile(r"[\w.+-]{1,60}")


def license_lists(lines: list[str]) -> list[str]:
    """A YAML `license:` key whose values are the list items below it, in a front-matter block displaced into the body
    (after a heading or a first line of text, where the Hub reads no metadata): read as one field on the key's line,
    "licenses: - apache-2". The items are read as a broken front matter's are (`frontmatter.recover_license_fields`)."""
    out = list(lines)
    for index, line in enumerate(lines):
        if _LIST_KEY.match(line):
            block = "\n".join(["license:", *lines[index + 1:index + 21]])  # "licence:" spelt as the reader knows it
            found = recover_license_fields(block).get("license", [])
            values = []
            for value in [found] if isinstance(found, str) else found:
                if not _LIST_VALUE.fullmatch(value):
                    break  # an id, not a sentence: the list ends where its items stop being ids
                values.append(value)
            if values:
                out[index] = f"{line.strip()} {' '.join('- ' + v for v in values)}"
    return out
