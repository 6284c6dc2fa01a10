"""Model card parsing: YAML front matter (safely, with limits) and the Markdown body."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

import yaml

from auditor.models import Card

#: The Hub's own front-matter rule (huggingface_hub repocard.py says it is the server's regex):
#: the block starts the file, ends at the first line that is exactly `---`.
_FRONT_MATTER = re.compile(r"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))")

MAX_METADATA_BYTES = 256 * 1024
MAX_NODES = 20_000
MAX_DEPTH = 50  # real cards nest 4 or 5 levels (model-index); the composer recurses once per level
MAX_INT_DIGITS = 1000  # `0x` + 5,000 hex digits builds an int that Python then refuses to print


class _LimitedSafeLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (no "billion laughs") and caps the node count and the nesting depth."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._nodes = 0
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D102 - PyYAML hook
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"YAML aliases are not accepted in model cards (line {event.start_mark.line + 1})")
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise yaml.YAMLError(f"front matter has more than {MAX_NODES} YAML nodes")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.YAMLError(f"front matter nests deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:  # noqa: D102 - PyYAML hook
        keys = Counter(k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode))
        duplicates = sorted(k for k, n in keys.items() if n > 1)
        if duplicates:  # `license: cc-by-nc-4.0` then `license: mit`: PyYAML would silently keep the last
            raise yaml.YAMLError(f"duplicate keys in front matter: {', '.join(duplicates)[:200]}")
        return super().construct_mapping(node, deep)

    def construct_yaml_int(self, node: Any) -> Any:  # noqa: D102 - PyYAML hook
        value = super().construct_yaml_int(node)
        if abs(value).bit_length() > MAX_INT_DIGITS * 3.33:
            raise yaml.YAMLError(f"an integer with more than {MAX_INT_DIGITS} digits (line {node.start_mark.line + 1})")
        return value


_LimitedSafeLoader.add_constructor("tag:yaml.org,2002:int", _LimitedSafeLoader.construct_yaml_int)


def load_yaml(text: str) -> Any:
    """Parse untrusted YAML with the safe loader, no aliases, a node cap and a depth cap.

    Values YAML accepts but Python cannot build (a 5,000-digit int, `2026-02-30`) are invalid YAML here too:
    every failure on untrusted input is a `yaml.YAMLError`.
    """
    loader = _LimitedSafeLoader(text)
    try:
        return loader.get_single_data()
    except (ValueError, OverflowError, RecursionError) as exc:
        raise yaml.YAMLError(f"unreadable value: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}") from exc
    finally:
        loader.dispose()


def parse_card(text: str) -> Card:
    """Split README.md text into metadata and body; never raises on bad input."""
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if match is None:
        return Card(metadata=None, body=text, body_first_line=1)
    raw = match.group(2)
    body = text[match.end() :]
    first_line = text[: match.end()].count("\n") + 1
    if len(raw.encode("utf-8", "surrogatepass")) > MAX_METADATA_BYTES:
        return _recovered(raw[:MAX_METADATA_BYTES], body, first_line, f"front matter larger than {MAX_METADATA_BYTES} bytes")
    try:
        data = load_yaml(raw)
    except yaml.YAMLError as exc:
        return _recovered(raw, body, first_line, f"invalid YAML front matter: {_one_line(exc)}")
    if data is None:
        return Card({}, body, first_line)
    if not isinstance(data, Mapping):
        return _recovered(raw, body, first_line, "front matter is not a mapping")
    return Card(data, body, first_line)


#: The license fields a line scan recovers from front matter that YAML cannot read (a tab in a widget, a duplicate key).
RECOVERED_KEYS = ("license", "licenses", "licence", "licences", "License", "Licence", "license_name", "license_link",
                  "base_model")  # misspellings too
MAX_RECOVERED_VALUES = 64  # values per key (a block list of bases), each at most MAX_RECOVERED_CHARS
MAX_RECOVERED_CHARS = 300
_TOP_KEY = re.compile(r"^(" + "|".join(RECOVERED_KEYS) + r")[ \t]*:(?:[ \t]+(.*))?$")
_LIST_ITEM = re.compile(r"^[ \t]*-[ \t]+(.*)$")
_FLOW_LIST = re.compile(r"^\[([^\[\]{}]*)\]$")


def _recovered(raw: str, body: str, first_line: int, error: str) -> Card:
    """A card whose front matter YAML cannot read: the error stands, and the top-level license fields are still read
    by a line scan (one pass, values bounded), so the verdict keeps its evidence; nothing else of the block is."""
    found = recover_license_fields(raw)
    if not found:
        return Card(None, body, first_line, error=error)
    return Card(found, body, first_line, error=f"{error}; read by line scan: {', '.join(found)}")


def recover_license_fields(raw: str) -> dict[str, Any]:
    """`license:`, `license_name:`, `license_link:` and `base_model:` at the start of a line, as plain strings: a scalar,
    a flat `[a, b]` list or a block list of `- item` lines. A key given twice keeps every value (`license: cc-by-nc-4.0`
    then `license: mit` is both), so the more restrictive one still counts; tagged (`!!x`), nested or oversized values
    are left out."""
    values: dict[str, list[str]] = {}
    key: str | None = None  # the key whose block list is being read
    for line in raw.splitlines():
        top = _TOP_KEY.match(line)
        item = _LIST_ITEM.match(line) if key and not top else None
        if top:
            key, value = top.group(1), _clean(top.group(2) or "")
            flow = _FLOW_LIST.match(value)
            for part in (flow.group(1).split(",") if flow else [value] if value else []):
                _keep(values, key, _clean(part))
            key = None if value else key
        elif item and key:
            _keep(values, key, _clean(item.group(1)))
        elif line.strip() and not line.lstrip().startswith("#"):
            key = None
    return {k: v[0] if len(v) == 1 else v for k, v in values.items() if v}


def _keep(values: dict[str, list[str]], key: str, value: str) -> None:
    kept = values.setdefault(key, [])
    if value and len(value) <= MAX_RECOVERED_CHARS and value[0] not in "!&*[{|>" and value not in kept \
            and len(kept) < MAX_RECOVERED_VALUES:
        kept.append(value)


def _clean(value: str) -> str:
    """A scalar as written: surrounding blanks and tabs, a trailing comment and matching quotes removed."""
    value = re.sub(r"[ \t]+#.*$", "", value.strip(" \t"))
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1].strip(" \t")
    return value


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:300]


def license_fields(metadata: Mapping[str, Any] | None) -> tuple[tuple[str, ...], str | None, str | None]:
    """The card's `license` values (as strings), `license_name` and `license_link`."""
    if not metadata:
        return (), None, None
    raw = metadata.get("license")
    values: list[Any] = raw if isinstance(raw, list) else ([] if raw is None else [raw])
    declared = tuple(_as_text(v) for v in values if _as_text(v))
    return declared, _optional_text(metadata.get("license_name")), _optional_text(metadata.get("license_link"))


def _as_text(value: Any) -> str:
    # YAML 1.1 turns `license: no` / `on` into booleans; keep what the author typed as best we can.
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    if value is None:
        return ""
    # A date, list or mapping where a license id belongs: keep it visible so it is reported, never dropped.
    return f"<unreadable {type(value).__name__} value>"


def _optional_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(_as_text(v) for v in value)
    text = _as_text(value)
    return text or None
