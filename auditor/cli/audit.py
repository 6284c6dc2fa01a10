"""The audit command: its options checked and turned into targets, the run, its output and its exit code."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from auditor.cli.output import (EXIT_FAILURE, EXIT_FLAGGED, EXIT_OK, EXIT_USAGE, FormatOpt, OutputOpt, _check_output,
                                _emit, _secrets, err, say)
from auditor.errors import AuditorError, FeedError
from auditor.models import ModelResult, Severity
from auditor.pipeline.feeds import read_feed
from auditor.render import Format, render_chunks
from auditor.render.json import INCOMPLETE_CODES, summarize, to_feed
from auditor.repoids import is_namespace, is_repo_id
from auditor.sanitize import for_terminal


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

