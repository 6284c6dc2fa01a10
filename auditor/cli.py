"""Command line (typer): the only module that reads argv and the environment and sets exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import traceback
from importlib import resources
from pathlib import Path
from collections.abc import Iterable
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from auditor import __version__
from auditor.errors import AuditorError, FeedError
from auditor.feeds import merge_feeds, read_feed
from auditor.models import ModelResult, Severity
from auditor.render import Format, render, render_chunks
from auditor.render.json import INCOMPLETE_CODES, summarize, to_feed

EXIT_OK, EXIT_FLAGGED, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3

app = typer.Typer(
    name="hf-license-audit",
    help="Audit the licenses of Hugging Face Hub models and flag open-washing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # locals may hold the token: never print them
)
err = Console(stderr=True, highlight=False, markup=False)  # server messages and ids are shown as they are


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hf-license-audit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = None,
) -> None:
    """Audit the licenses of Hugging Face Hub models and flag open-washing."""


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format (default: table on a terminal, else json).")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")]


@app.command()
def audit(
    organizations: Annotated[Optional[list[str]], typer.Argument(help="Organizations (or users) whose public models to audit.")] = None,
    model: Annotated[Optional[list[str]], typer.Option("--model", "-m", help="A model id org/name to audit; repeatable.")] = None,
    fmt: FormatOpt = None,  # type: ignore[assignment]
    output: OutputOpt = None,
    endpoint: Annotated[Optional[str], typer.Option(envvar="HF_ENDPOINT", help="Hub URL [env: HF_ENDPOINT; default: https://huggingface.co].")] = None,
    token: Annotated[Optional[str], typer.Option(envvar="HF_TOKEN", show_envvar=False, help="Hub token [env: HF_TOKEN; default: your huggingface-cli login]. Never printed.")] = None,
    fail_on: Annotated[str, typer.Option(help="Exit 1 when a flagged model reaches this severity: error, warning or never.")] = "warning",
    workers: Annotated[int, typer.Option(min=1, max=64, help="Models read concurrently.")] = 16,
    max_wait: Annotated[float, typer.Option(min=0, help="Longest single wait (s) before a retry, even if the Hub asks for more.")] = 300.0,
    baseline: Annotated[Optional[Path], typer.Option(help="A previous feed: unchanged models are carried over, and changes are reported.")] = None,
    suppressions: Annotated[Optional[Path], typer.Option(help="YAML file of reviewed findings to silence (each with a reason and an expiry date).")] = None,
    shard: Annotated[Optional[str], typer.Option(help="Audit only shard K of N (K/N, deterministic by model id); combine with `merge`.")] = None,
    api_budget: Annotated[Optional[int], typer.Option(min=1, help="API calls allowed per window [default: the Hub's 500 anonymous, 1000 with a token].")] = None,
    file_budget: Annotated[Optional[int], typer.Option(min=1, help="File reads allowed per window [default: 3000 anonymous, 5000 with a token].")] = None,
    budget_window: Annotated[float, typer.Option(min=1, help="Length of the budget window in seconds (the Hub's is 300).")] = 300.0,
    include_private: Annotated[bool, typer.Option("--include-private", help="Also audit the private models a token lets the listing show (marked private in every output).")] = False,
    allow_insecure_token: Annotated[bool, typer.Option("--allow-insecure-token", help="Send the token to a plain http:// endpoint that is not loopback (anyone on the network can read it).")] = False,
) -> None:
    """Audit every public model of ORGANIZATIONS and the --model ids."""
    from auditor.audit import run
    from auditor.baseline import Baseline, compare
    from auditor.suppress import SuppressionError, apply_suppressions, parse_suppressions
    from auditor.endpoint import EndpointError, parse_endpoint, token_allowed
    from auditor.hub import PUBLIC_ENDPOINT, Hub, RetryPolicy, stored_token

    targets, models = organizations or [], model or []
    if not targets and not models:
        raise typer.BadParameter("name at least one organization or --model", param_hint="ORGANIZATIONS")
    bad = [m for m in models if m.count("/") != 1 or m.startswith("/") or m.endswith("/")]
    if bad:
        raise typer.BadParameter(f"not an org/name model id: {', '.join(bad)}", param_hint="--model")
    if fail_on not in ("error", "warning", "never"):
        raise typer.BadParameter("choose error, warning or never", param_hint="--fail-on")
    shard_spec = _parse_shard(shard)
    try:
        previous = Baseline(read_feed(baseline)) if baseline else None
        rules = parse_suppressions(suppressions.read_text(encoding="utf-8"), str(suppressions)) if suppressions else []
    except (FeedError, SuppressionError, OSError) as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    fmt = fmt or (Format.TABLE if output is None and sys.stdout.isatty() else Format.JSON)
    quotas = {k: v for k, v in (("api", api_budget), ("resolvers", file_budget)) if v}
    try:
        origin = parse_endpoint(endpoint or PUBLIC_ENDPOINT)
    except EndpointError as exc:
        raise typer.BadParameter(str(exc), param_hint="--endpoint") from None
    secret = token or None
    if secret is None:
        secret = stored_token()
        if secret and not token_allowed(origin, allow_insecure_token):
            err.print(f"warning: not sending your stored Hub token over plain http:// to {origin.host}; "
                      "auditing anonymously (--allow-insecure-token sends it)")
            secret = None
    try:
        hub = Hub(origin.url, secret, retry=RetryPolicy(max_wait=max_wait), quotas=quotas, window=budget_window,
                  allow_insecure_token=allow_insecure_token)
    except EndpointError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    err.print(f"auditing {', '.join(targets + models)} on {hub.endpoint}" + (" (authenticated)" if hub.authenticated else ""))

    def progress(result: ModelResult, done: int) -> None:
        if err.is_terminal or done % 100 == 0:
            err.print(f"  [{done}] {result.id}: {result.classification.value}" + (" FLAGGED" if result.flagged else ""))

    try:
        report = run(hub, targets, models, workers=workers, progress=progress, baseline=previous, shard=shard_spec,
                     include_private=include_private)
    except AuditorError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(EXIT_FAILURE) from None
    feed = to_feed(report)
    carried_count = len(report.carried)
    del report  # the feed holds everything from here on: keep one copy in memory, not two
    if shard_spec:
        feed["shard"] = f"{shard_spec[0]}/{shard_spec[1]}"
    apply_suppressions(feed, rules, dt.date.today())
    feed["summary"] = summarize(feed["models"], feed["targets"])
    if previous is not None:
        feed["changes"] = compare(previous.feed, feed)
        feed["carried_over"] = carried_count
    _emit(render_chunks(feed, fmt), output)
    s = feed["summary"]
    stats = hub.stats
    wait = f", waited {stats.waited_seconds:.1f}s for rate limits and retries" if stats.waited_seconds else ""
    carried = f", {carried_count} carried over from the baseline" if previous is not None else ""
    err.print(f"{s['models']} models audited, {s['flagged']} flagged, {s['with_errors']} with read errors "
              f"({stats.api_calls} API calls, {stats.file_reads} file reads, {stats.retries} retries, "
              f"{stats.rate_limited} rate-limited answers{wait}{carried})")
    raise typer.Exit(exit_code(feed, fail_on))


def exit_code(feed: dict[str, Any], fail_on: str) -> int:
    """0 clean, 1 flagged at the fail-on level, 3 when nothing could be audited or a listing is incomplete."""
    models = feed["models"]
    failed_targets = [t for t in feed["targets"] if t["error"]]
    incomplete = [t for t in failed_targets if t["error"]["code"] in INCOMPLETE_CODES]
    if incomplete or not models or all(m["errors"] for m in models) and failed_targets or all(
        any(e["code"] == "network-error" for e in m["errors"]) for m in models
    ):
        for t in failed_targets:
            err.print(f"error: {t['name']}: {t['error']['message']}")
        if not models:
            err.print("error: nothing could be audited")
        elif incomplete:
            err.print(f"error: the audit is incomplete ({len(incomplete)} target(s) not fully listed)")
        return EXIT_FAILURE
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    flagged = [m for m in models if m["flagged"] and Severity(m["flag_severity"]).rank >= threshold]
    return EXIT_FLAGGED if flagged else EXIT_OK


@app.command("render")
def render_feed(
    feed_path: Annotated[Path, typer.Argument(metavar="FEED", help="A JSON feed written by `audit --format json`.")],
    fmt: FormatOpt = Format.MARKDOWN,
    output: OutputOpt = None,
) -> None:
    """Render a saved JSON feed as a table, Markdown or JSON."""
    try:
        feed = read_feed(feed_path)
    except FeedError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    _emit(render(feed, fmt), output)


@app.command()
def identify(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="License files to identify; - reads stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Identify local license files: license, class, confidence, differences and restrictive clauses."""
    from auditor.identify import identify_text, to_dict

    if fmt not in ("table", "json"):
        raise typer.BadParameter("choose table or json", param_hint="--format")
    results = []
    for path in paths:
        try:
            text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            err.print(f"error: cannot read {path}: {exc.strerror or exc}")
            raise typer.Exit(EXIT_USAGE) from None
        results.append(to_dict(identify_text(text, "<stdin>" if path == "-" else path)))
    if fmt == "json":
        sys.stdout.write(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        return
    out = Console(highlight=False, soft_wrap=True)
    for r in results:
        name = r["name"] or "unrecognized"
        out.print(f"{r['path']}: {r['classification']} — {name} ({r['matcher']}, confidence {r['confidence']:.2f})",
                  markup=False)
        if r["osd"]:
            out.print(f"  breaks OSD {', '.join(r['osd'])}: {r['reason']}", markup=False)
        for added in r["added_text"][:5]:
            out.print(f"  + line {added['line']}: {added['text'][:160]}", markup=False)
        for clause in r["restrictive_clauses"]:
            out.print(f"  ! line {clause['line']}: {clause['quote'][:200]}", markup=False)
            out.print(f"      {clause['why']}", markup=False)


@app.command()
def merge(
    feeds: Annotated[list[Path], typer.Argument(metavar="FEED...", help="Feeds to combine (e.g. one per --shard).")],
    fmt: FormatOpt = Format.JSON,
    output: OutputOpt = None,
) -> None:
    """Merge feeds (shards of one sweep) into one feed."""
    try:
        merged, warnings = merge_feeds([read_feed(path) for path in feeds])
    except FeedError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    for warning in warnings:
        err.print(f"warning: {warning}")
    _emit(render(merged, fmt), output)


def _parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        k, n = (int(part) for part in value.split("/"))
    except ValueError:
        k, n = 0, 0
    if not 1 <= k <= n:
        raise typer.BadParameter("use K/N with 1 <= K <= N, e.g. 2/8", param_hint="--shard")
    return k, n


@app.command()
def schema() -> None:
    """Print the JSON Schema of the feed."""
    typer.echo((resources.files("auditor") / "schema" / "feed-v1.schema.json").read_text(encoding="utf-8"), nl=False)


def _emit(text: str | Iterable[str], output: Path | None) -> None:
    chunks = [text] if isinstance(text, str) else text
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    write_atomic(output, chunks)
    err.print(f"wrote {output}")


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write via a temporary file in the same folder and rename: a killed run leaves no half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for chunk in [text] if isinstance(text, str) else text:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted: no output written")
        sys.exit(130)
    except AuditorError as exc:
        err.print(f"error: {exc}")
        sys.exit(EXIT_FAILURE)
    except Exception as exc:  # noqa: BLE001 - a bug must not look like exit 1 ("flagged models found")
        err.print(f"internal error: {type(exc).__name__}: {exc}" if os.environ.get("AUDITOR_DEBUG") is None
                  else traceback.format_exc())
        err.print("set AUDITOR_DEBUG=1 for the traceback")
        sys.exit(EXIT_FAILURE)
