"""Renderers: Markdown is inert for untrusted card text and capped for GitHub; the feed keeps its contract."""

from __future__ import annotations

import copy
import json
import re

import pytest
from markdown_it import MarkdownIt

from auditor.render import Format, render
from auditor.render.markdown import escape

EVIL = [
    "<img src=x onerror=alert(1)>",
    "[click me](https://evil.example/phish)",
    "![tracker](https://evil.example/pixel.png)",
    "@octocat please look",
    "https://evil.example/autolink",
    "a | b | c",
    "<script>alert(1)</script>",
    "**bold** _it_ `code` # heading",
]


def model(model_id: str, quote: str, flagged: bool = True) -> dict:
    return {
        "id": model_id, "sha": "0" * 40, "last_modified": None, "gated": False,
        "classification": "custom-restricted", "flagged": flagged, "flag_severity": "error" if flagged else None,
        "license": {"declared": ["other"], "license_name": quote, "license_link": None, "key": None, "spdx": None,
                    "name": quote, "matcher": "card-license-name", "osd": ["6"], "reason": quote, "detected": []},
        "claims": [{"quote": quote, "file": "README.md", "line": 3, "phrase": "open source", "confidence": "high"}],
        "findings": [{"code": "open-source-claim", "severity": "error", "message": quote, "evidence": []}],
        "errors": [],
    }


def feed(models: list[dict]) -> dict:
    return {
        "schema_version": 1, "tool_version": "0", "rules_version": "1", "spdx_list_version": "3.29",
        "generated_at": "2026-01-01T00:00:00Z", "endpoint": "http://127.0.0.1", "targets": [
            {"kind": "organization", "name": "acme", "models": len(models), "error": None}],
        "summary": {"models": len(models), "flagged": sum(m["flagged"] for m in models),
                    "flagged_by_severity": {"error": 0, "warning": 0}, "with_errors": 0,
                    "by_class": {"osi-approved": 0, "open-non-osi": 0, "unknown": 0, "custom-restricted": len(models)}},
        "models": models,
    }


def html_of(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


@pytest.mark.parametrize("text", EVIL)
def test_card_text_cannot_inject_html_links_images_or_mentions(text):
    """Everything taken from a card renders as plain text on GitHub."""
    rendered = html_of(render(feed([model("acme/evil", text)]), Format.MARKDOWN))
    assert "<img" not in rendered and "<script" not in rendered and "<a " not in rendered
    assert "@octocat" not in rendered  # the mention is broken by an entity
    assert "://evil" not in rendered  # no bare URL left for GitHub's autolinker


def test_card_text_cannot_break_the_table():
    """A pipe in a quote stays inside its cell: every row has the header's number of cells."""
    rendered = html_of(render(feed([model("acme/pipes", "x | y | z")]), Format.MARKDOWN))
    for table in re.findall(r"<table>.*?</table>", rendered, re.S):
        header = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], re.S):
            assert len(re.findall(r"<td[ >]", row)) == header


def test_escape_keeps_the_words_readable():
    """Escaping changes how text renders, not what it says."""
    text = html_of(escape("Acme *model* [v2] is <great> @team"))
    assert "Acme *model* [v2] is &lt;great&gt;" in text and "team" in text


def test_markdown_stays_under_githubs_summary_limit_and_says_what_was_cut():
    """GitHub rejects job summaries over 1 MiB: the report is capped and names the cut."""
    models = [model(f"acme/model-{i:05d}", "a long quote " * 20) for i in range(6000)]
    out = render(feed(models), Format.MARKDOWN)
    assert len(out.encode("utf-8")) <= 1_000_000
    assert "rows were left out" in out


def test_flagged_models_come_first_in_the_table():
    """The table leads with what needs action."""
    models = [model("acme/a-clean", "fine", flagged=False), model("acme/z-flagged", "claims open source")]
    out = render(feed(models), Format.TABLE)
    assert out.index("acme/z-flagged") < out.index("acme/a-clean")


def test_json_format_is_the_feed_with_stable_key_order():
    """Feeds diff cleanly: fixed key order, indent 2, trailing newline, UTF-8 kept."""
    data = feed([model("acme/中文", "开源模型")])
    out = render(data, Format.JSON)
    assert out.endswith("}\n") and "开源模型" in out
    assert list(json.loads(out)) == ["schema_version", "tool_version", "rules_version", "spdx_list_version",
                                     "generated_at", "endpoint", "targets", "summary", "models"]
    assert render(copy.deepcopy(data), Format.JSON) == out


def test_committed_example_reports_match_what_the_tool_renders_now():
    """fixtures/example-report.md (the GitHub-rendered example) and the example feed are current.

    After an intended change, run `python -m tests.regen` and review the diff like code.
    """
    from tests.conftest import ROOT
    from tests.regen import build

    for name, text in build().items():
        assert (ROOT / "fixtures" / name).read_text(encoding="utf-8") == text, f"fixtures/{name} is stale"


def test_example_report_renders_on_github_without_injected_markup():
    """The committed example is inert Markdown: no raw HTML from cards, no links or images from card text."""
    from tests.conftest import ROOT

    rendered = html_of((ROOT / "fixtures" / "example-report.md").read_text(encoding="utf-8"))
    assert "<img" not in rendered and "<a " not in rendered and "<script" not in rendered
    assert rendered.count("<table>") >= 3
