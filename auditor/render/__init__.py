"""Output formats: a closed set, each rendering the JSON feed (so saved feeds render the same)."""

from __future__ import annotations

import io
from enum import Enum
from collections.abc import Iterator, Sequence
from typing import Any

from rich.console import Console

from auditor.render import json as json_render
from auditor.render import markdown, terminal
from auditor.sanitize import clean, inert, json_text


class Format(str, Enum):
    """The output formats of `audit` and `render`."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    CYCLONEDX = "cyclonedx"
    SARIF = "sarif"


def render_chunks(feed: dict[str, Any], fmt: Format, *, history: Sequence[dict[str, Any]] = (),
                  secrets: tuple[str, ...] = ()) -> Iterator[str]:
    """The feed in the given format, in chunks (JSON streams model by model).

    Every format goes through the one sanitising step (`auditor.sanitize`): strings made encodable and
    `secrets` (the token) redacted here; control characters escaped by each format's own rule.
    """
    if fmt is Format.JSON:
        yield from json_render.iter_json(feed, secrets)
    else:
        yield render(feed, fmt, history=history, secrets=secrets)


def render(feed: dict[str, Any], fmt: Format, *, width: int = 140, history: Sequence[dict[str, Any]] = (),
           secrets: tuple[str, ...] = ()) -> str:
    """The feed in the given format, as text (sanitised as in `render_chunks`); `history` (earlier feeds,
    oldest first) feeds the dashboard's trend."""
    if fmt is Format.JSON:
        return json_render.dumps(feed, secrets)
    feed = clean(feed, secrets)
    if fmt is Format.MARKDOWN:
        return markdown.render(feed)
    if fmt is Format.HTML:  # the three below load their libraries (Jinja2, cyclonedx) only when asked for
        from auditor.render import html

        return html.render(inert(feed), [inert(clean(old, secrets)) for old in history])
    if fmt is Format.CYCLONEDX:
        from auditor.render import cyclonedx

        return json_text(cyclonedx.render(feed))
    if fmt is Format.SARIF:
        from auditor.render import sarif

        return json_text(sarif.render(feed))
    if fmt is Format.TABLE:
        buffer = io.StringIO()
        terminal.render(feed, Console(file=buffer, width=width, no_color=True, highlight=False))
        return buffer.getvalue()
    raise AssertionError(f"unhandled format {fmt}")  # pragma: no cover - Format is closed
