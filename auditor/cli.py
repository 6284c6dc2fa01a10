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
from auditor.pipeline.feeds import merge_feeds, read_feed
from auditor.models import ModelResult, Severity
from auditor.render import Format, render, render_chunks
from auditor.render.json import INCOMPLETE_CODES, summarize, to_feed
from auditor.repoids import is_namespace, is_repo_id
from auditor.sanitize import clean, for_terminal, json_text

EXIT_OK, EXIT_FLAGGED, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3

app = typer.Typer(
    name="hf-license-audit",
    help="Audit the licenses of Hugging Face Hub models and flag open-washing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # locals may hold the token: never print them
)
err = Console(stderr=True, highlight=False, markup=False)
#: What must never be printed or written: the token, and a password in the endpoint URL.
_secrets: list[str] = []


def say(message: object) -> None:
    """Print to stderr through the sanitising step: server messages, ids and card text shown inert, token redacted."""
    err.print(for_terminal(message, _secrets), markup=False)


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
    derivatives_of: Annotated[Optional[list[str]], typer.Option("--derivatives-of", help="Audit a model and its derivatives (fine-tunes, adapters, quantizations, merges), breadth-first; repeatable.")] = None,
    relation: Annotated[Optional[str], typer.Option(help="With --derivatives-of: finetune, adapter, quantized, merge or any (default).")] = None,
    depth: Annotated[Optional[int], typer.Option(help="With --derivatives-of: levels of derivatives to follow (default 2, at most 5).")] = None,
    search: Annotated[Optional[str], typer.Option(help="Audit the models whose id contains TEXT (within the organizations, if named).")] = None,
    filter_tags: Annotated[Optional[list[str]], typer.Option("--filter", help="Only models with this Hub tag (license:llama2, text-generation, base_model:...); repeatable.")] = None,
    sort: Annotated[Optional[str], typer.Option(help="Order of a search: downloads, likes, trending, created or modified (most first).")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="At most N models per search (or per organization).")] = None,
    include_private: Annotated[bool, typer.Option("--include-private", help="Also audit the private models a token lets the listing show (marked private in every output).")] = False,
    allow_insecure_token: Annotated[bool, typer.Option("--allow-insecure-token", help="Send the token to a plain http:// endpoint that is not loopback (anyone on the network can read it).")] = False,
) -> None:
    """Audit every public model of ORGANIZATIONS, the --model ids, searches and --derivatives-of models."""
    from auditor.pipeline.audit import run
    from auditor.judge.baseline import Baseline, compare
    from auditor.judge.suppress import SuppressionError, apply_suppressions, parse_suppressions
    from auditor.hub.endpoint import EndpointError, parse_endpoint, token_allowed
    from auditor.hub.client import PUBLIC_ENDPOINT, Hub, RetryPolicy, stored_token

    targets, models = organizations or [], model or []
    bad = [repr(t) for t in targets if not is_namespace(t)]
    if bad:  # `audit ""` would list the whole Hub
        raise typer.BadParameter(for_terminal(f"not an organization or user name: {', '.join(bad)} "
                                              "(use --model for org/name ids)"), param_hint="ORGANIZATIONS")
    searches, derivatives = _queries(targets, search, filter_tags or [], sort, limit), _derivatives(derivatives_of or [], relation, depth)
    if searches:
        targets = []  # each organization is searched instead of listed whole
    if not targets and not models and not searches and not derivatives:
        raise typer.BadParameter("name at least one organization, --model, --search/--filter or --derivatives-of",
                                 param_hint="ORGANIZATIONS")
    bad = [repr(m) for m in models if not is_repo_id(m)]
    if bad:
        raise typer.BadParameter(for_terminal(f"not an org/name model id: {', '.join(bad)}"), param_hint="--model")
    if fail_on not in ("error", "warning", "never"):
        raise typer.BadParameter("choose error, warning or never", param_hint="--fail-on")
    shard_spec = _parse_shard(shard)
    _check_output(output)
    try:
        previous = Baseline(read_feed(baseline)) if baseline else None
        rules = parse_suppressions(suppressions.read_text(encoding="utf-8"), str(suppressions)) if suppressions else []
    except (FeedError, SuppressionError, OSError, ValueError) as exc:  # ValueError: not UTF-8
        say(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    fmt = fmt or (Format.TABLE if output is None and sys.stdout.isatty() else Format.JSON)
    quotas = {k: v for k, v in (("api", api_budget), ("resolvers", file_budget)) if v}
    try:
        origin = parse_endpoint(endpoint or PUBLIC_ENDPOINT)
    except EndpointError as exc:
        raise typer.BadParameter(for_terminal(str(exc)), param_hint="--endpoint") from None
    secret = token or None
    if secret is None:
        secret = stored_token()
        if secret and not token_allowed(origin, allow_insecure_token):
            say(f"warning: not sending your stored Hub token over plain http:// to {origin.host}; "
                "auditing anonymously (--allow-insecure-token sends it)")
            secret = None
    _secrets[:] = [secret] if secret else []
    try:
        hub = Hub(origin.url, secret, retry=RetryPolicy(max_wait=max_wait), quotas=quotas, window=budget_window,
                  allow_insecure_token=allow_insecure_token)
    except EndpointError as exc:
        say(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    asked = targets + models + [q.describe() for q in searches] + [f"derivatives of {d.base}" for d in derivatives]
    say(f"auditing {'; '.join(asked)} on {hub.endpoint}" + (" (authenticated)" if hub.authenticated else ""))

    def progress(result: ModelResult, done: int) -> None:
        if err.is_terminal or done % 100 == 0:
            say(f"  [{done}] {result.id}: {result.classification.value}" + (" FLAGGED" if result.flagged else ""))

    try:
        report = run(hub, targets, models, workers=workers, progress=progress, baseline=previous, shard=shard_spec,
                     searches=searches, derivatives=derivatives, include_private=include_private)
    except AuditorError as exc:
        say(f"error: {exc}")
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
    _emit(render_chunks(feed, fmt, history=[previous.feed] if previous is not None else (), secrets=tuple(_secrets)),
          output)
    s = feed["summary"]
    stats = hub.stats
    wait = f", waited {stats.waited_seconds:.1f}s for rate limits and retries" if stats.waited_seconds else ""
    carried = f", {carried_count} carried over from the baseline" if previous is not None else ""
    say(f"{s['models']} models audited, {s['flagged']} flagged, {s['with_errors']} with read errors "
        f"({stats.api_calls} API calls, {stats.file_reads} file reads, {stats.retries} retries, "
        f"{stats.rate_limited} rate-limited answers{wait}{carried})")
    raise typer.Exit(exit_code(feed, fail_on))


def exit_code(feed: dict[str, Any], fail_on: str) -> int:
    """0 clean, 1 flagged at the fail-on level, 3 when nothing could be audited or a listing is incomplete."""
    models = feed["models"]
    failed_targets = [t for t in feed["targets"] if t["error"]]
    incomplete = [t for t in failed_targets if t["error"]["code"] in INCOMPLETE_CODES]
    if not models and not failed_targets and feed["targets"]:  # the Hub answered: there is nothing there
        say("note: no model matched the targets (an empty organization or a search that found nothing)")
        return EXIT_OK
    if incomplete or not models or all(m["errors"] for m in models) and failed_targets or all(
        any(e["code"] == "network-error" for e in m["errors"]) for m in models
    ):
        for t in failed_targets:
            say(f"error: {t['name']}: {t['error']['message']}")
        if not models:
            say("error: nothing could be audited")
        elif incomplete:
            say(f"error: the audit is incomplete ({len(incomplete)} target(s) not fully listed)")
        return EXIT_FAILURE
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    flagged = [m for m in models if m["flagged"] and Severity(m["flag_severity"]).rank >= threshold]
    return EXIT_FLAGGED if flagged else EXIT_OK


@app.command("render")
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


@app.command()
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


@app.command()
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


#: `--sort` values and the Hub's listing fields they stand for (the Hub sorts them most first).
SORTS = {"downloads": "downloads", "likes": "likes", "trending": "trendingScore", "created": "createdAt",
         "modified": "lastModified"}


def _queries(orgs: list[str], search: str | None, filters: list[str], sort: str | None, limit: int | None) -> list:
    """The searches asked for: one per organization, or one over the whole Hub."""
    from auditor.hub.listing import ListingQuery

    if sort is not None and sort not in SORTS:
        raise typer.BadParameter(f"choose {', '.join(SORTS)}", param_hint="--sort")
    if any(not f.strip() for f in filters) or (search is not None and not search.strip()):
        raise typer.BadParameter("must not be empty", param_hint="--filter" if filters else "--search")
    if not (search or filters or sort or limit):
        return []
    if not orgs and not (search or filters or limit):
        raise typer.BadParameter("a search of the whole Hub needs --search, --filter or --limit", param_hint="--sort")
    hub_sort = SORTS[sort] if sort else None
    return [ListingQuery(author=org, search=search, filters=tuple(filters), sort=hub_sort, limit=limit)
            for org in orgs or [None]]


def _derivatives(bases: list[str], relation: str | None, depth: int | None) -> list:
    from auditor.pipeline.derivatives import DEFAULT_DEPTH, MAX_DEPTH, RELATIONS, DerivativeSpec

    if not bases and (relation is not None or depth is not None):
        raise typer.BadParameter("--relation and --depth go with --derivatives-of", param_hint="--relation/--depth")
    if relation is not None and relation not in (*RELATIONS, "any"):
        raise typer.BadParameter(f"choose {', '.join(RELATIONS)} or any", param_hint="--relation")
    if depth is not None and not 1 <= depth <= MAX_DEPTH:
        raise typer.BadParameter(f"between 1 and {MAX_DEPTH}", param_hint="--depth")
    bad = [repr(b) for b in bases if not is_repo_id(b)]
    if bad:
        raise typer.BadParameter(for_terminal(f"not an org/name model id: {', '.join(bad)}"), param_hint="--derivatives-of")
    return [DerivativeSpec(b, relation or "any", depth or DEFAULT_DEPTH) for b in dict.fromkeys(bases)]


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


def _check_output(output: Path | None) -> None:
    """A usage error found before any work: `-o` a folder, or somewhere that cannot be written."""
    if output is None:
        return
    if output.is_dir():
        raise typer.BadParameter(for_terminal(f"{output} is a directory; name a file"), param_hint="--output")
    try:  # the same steps as write_atomic, now rather than after the whole audit
        output.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=output.parent, prefix=f".{output.name}.", suffix=".probe"):
            pass
    except OSError as exc:
        raise typer.BadParameter(for_terminal(f"cannot write {output}: {exc.strerror or exc}"),
                                 param_hint="--output") from None


def _emit(text: str | Iterable[str], output: Path | None) -> None:
    chunks = [text] if isinstance(text, str) else text
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    write_atomic(output, chunks)
    say(f"wrote {output}")


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write via a temporary file in the same folder and rename: a killed run leaves no half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600: give the feed the mode any new file gets
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for chunk in [text] if isinstance(text, str) else text:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        say("interrupted: no output written")
        sys.exit(130)
    except AuditorError as exc:
        say(f"error: {exc}")
        sys.exit(EXIT_FAILURE)
    except Exception as exc:  # noqa: BLE001 - a bug must not look like exit 1 ("flagged models found")
        say(f"internal error: {type(exc).__name__}: {exc}" if os.environ.get("AUDITOR_DEBUG") is None
            else traceback.format_exc())
        say("set AUDITOR_DEBUG=1 for the traceback")
        sys.exit(EXIT_FAILURE)
