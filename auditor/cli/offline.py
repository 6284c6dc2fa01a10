"""The commands that need no Hub: render and merge saved feeds, identify local license files, print the schema."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from auditor.cli.output import EXIT_FAILURE, EXIT_USAGE, FormatOpt, OutputOpt, _check_output, _emit, say
from auditor.errors import FeedError
from auditor.pipeline.feeds import merge_feeds, read_feed
from auditor.render import Format, render
from auditor.sanitize import clean, for_terminal, json_text


def render_feed(
    feed_paths: Annotated[list[Path], typer.Argument(metavar="FEED...", help="A JSON feed written by `audit --format json`; "
                                                      "for html, several feeds of the same targets give the trend.")],
    fmt: FormatOpt = Format.MARKDOWN,
    output: OutputOpt = None,
) -> None:
    """Render a saved JSON feed in any output format (the latest of several feeds, with their trend, as html)."""
    _check_output(output)
    if len(feed_paths) > 1 and fmt is not Format.HTML:
        say("error: several feeds render only as --format html (the trend); give one feed for other formats")
        raise typer.Exit(EXIT_USAGE)
    try:
        feeds = sorted((read_feed(path) for path in feed_paths), key=lambda f: f["generated_at"])
    except FeedError as exc:
        say(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    scopes = {tuple(sorted((t["kind"], t["name"]) for t in feed["targets"])) for feed in feeds}
    if len(scopes) > 1:  # a trend over different targets would show a change that is only a change of scope
        say("error: the feeds cover different targets; a trend needs feeds of the same organizations, models, "
            "searches and sweeps")
        raise typer.Exit(EXIT_USAGE)
    _emit(render(feeds[-1], fmt, history=feeds[:-1]), output)


def identify(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="License files to identify; - reads stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Identify local license files: license, class, confidence, differences and restrictive clauses."""
    from auditor.judge.identify import identify_text, to_dict

    if fmt not in ("table", "json"):
        raise typer.BadParameter("choose table or json", param_hint="--format")
    results = []
    for path in paths:
        try:
            text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            say(f"error: cannot read {path}: {exc.strerror or exc}")
            raise typer.Exit(EXIT_USAGE) from None
        results.append(to_dict(identify_text(text, "<stdin>" if path == "-" else path)))
    if fmt == "json":
        sys.stdout.write(json_text(json.dumps(clean(results), indent=2, ensure_ascii=False)) + "\n")
        return
    out = Console(highlight=False, soft_wrap=True)

    def show(line: str) -> None:
        out.print(for_terminal(line), markup=False)

    for r in results:
        name = r["name"] or "unrecognized"
        show(f"{r['path']}: {r['classification']} — {name} ({r['matcher']}, confidence {r['confidence']:.2f})")
        if r["osd"]:
            show(f"  breaks OSD {', '.join(r['osd'])}: {r['reason']}")
        for added in r["added_text"][:5]:
            show(f"  + line {added['line']}: {added['text'][:160]}")
        for clause in r["restrictive_clauses"]:
            show(f"  ! line {clause['line']}: {clause['quote'][:200]}")
            show(f"      {clause['why']}")



def merge(
    feeds: Annotated[list[Path], typer.Argument(metavar="FEED...", help="Feeds to combine (e.g. one per --shard).")],
    fmt: FormatOpt = Format.JSON,
    output: OutputOpt = None,
) -> None:
    """Merge feeds (shards of one sweep) into one feed."""
    _check_output(output)
    try:
        merged, warnings = merge_feeds([read_feed(path) for path in feeds])
    except FeedError as exc:
        say(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    for warning in warnings:
        say(f"warning: {warning}")
    _emit(render(merged, fmt), output)
    if merged["summary"].get("incomplete_targets"):
        say("error: the merged feed is incomplete (shards missing); it was written, and says so in its targets")
        raise typer.Exit(EXIT_FAILURE)



def schema() -> None:
    """Print the JSON Schema of the feed."""
    typer.echo((resources.files("auditor") / "schema" / "feed-v1.schema.json").read_text(encoding="utf-8"), nl=False)
