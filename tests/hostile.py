"""Harness of the hostile-input suite: build a crafted Hub, run the real CLI against it, check the invariants."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from auditor.cli import app
from auditor.pipeline.feeds import read_feed
from auditor.render import Format, render
from auditor.sanitize import encodable, redact
from tests.fakehub import DEFAULT_DATE, FakeHub

TOKEN = "hf_hostileTOKENq8Zr5mK2vW9xLp3"
BOUND_SECONDS = 60.0  # a hang detector, not a speed test: a healthy case ends in well under a second
#: What must never reach a terminal: C0 but tab/newline, DEL, C1, bidi overrides and isolates.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SURROGATES = re.compile("[\ud800-\udfff]")

Reply = tuple[int, dict, bytes]
Answers = Callable[[FakeHub, FakeHub, str, str, Any], "Reply | None"]


@dataclass(frozen=True)
class Case:
    """One crafted input: repos on disk, crafted listing items or answers, and CLI arguments."""

    id: str
    kind: str  # card | repo | listing | token | output | cli | interrupted
    repos: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> {file: str|bytes, "_meta.json": dict}
    listing: list[Any] | None = None  # crafted items served as the org's listing (one page)
    answers: Answers | None = None  # (hub, other, path, query, headers) -> crafted reply or None
    args: tuple[str, ...] = ()
    targets: tuple[str, ...] | None = None  # default: the case's organization
    exit_codes: frozenset[int] = frozenset({0, 1})
    expect: Callable[[dict, "Run"], None] | None = None


@dataclass
class Run:
    """What one case produced."""

    exit_code: int
    stdout: bytes
    stderr: str
    feed_text: str | None
    feed: dict | None
    seconds: float
    requests: list
    other_requests: list
    org: str
    listing: list[Any] | None = None

    def model(self, name: str) -> dict:
        """The feed entry of `org/name`."""
        wanted = f"{self.org}/{name}"
        return next(m for m in self.feed["models"] if m["id"] == wanted)


def org_of(case: Case) -> str:
    return "h-" + re.sub(r"[^a-z0-9]+", "-", case.id.lower()).strip("-")[:60]


def item(repo_id: str, **fields: Any) -> dict:
    """A listing item as the Hub sends it (expand=cardData,siblings,sha,...), with crafted fields."""
    base = {"_id": "0" * 24, "id": repo_id, "sha": "a" * 40, "lastModified": DEFAULT_DATE, "gated": False,
            "private": False, "disabled": False, "tags": [], "siblings": [], "cardData": {}}
    base.update(fields)
    return base


def json_reply(body: Any, status: int = 200, headers: dict | None = None) -> Reply:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return status, {"Content-Type": "application/json; charset=utf-8", **(headers or {})}, data


def build_root(root: Path, org: str, repos: dict[str, dict[str, Any]]) -> Path:
    (root / "models").mkdir(parents=True, exist_ok=True)
    for name, files in repos.items():
        folder = root / "models" / org / name
        folder.mkdir(parents=True)
        for path, content in files.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if path == "_meta.json":
                content = json.dumps(content)
            target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def invoke(args: list[str], bound: float = BOUND_SECONDS) -> tuple[Any, float]:
    """The CLI in-process, in a thread: a run that does not end within `bound` fails instead of hanging CI."""
    box: dict[str, Any] = {}

    def target() -> None:
        box["result"] = CliRunner().invoke(app, args)

    started = time.monotonic()
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(bound)
    assert not thread.is_alive(), f"the run did not end within {bound:.0f} s: {args}"
    return box["result"], time.monotonic() - started


def run_case(case: Case, tmp: Path) -> Run:
    org = org_of(case)
    root = build_root(tmp / "hub", org, case.repos)
    out = tmp / "out" / "feed.json"
    listing = json.loads(json.dumps(case.listing).replace("{org}", org)) if case.listing is not None else None
    with FakeHub(root, page_size=3, token=TOKEN) as hub, FakeHub(tmp / "other") as other:
        def intercept(method: str, path: str, query: str, headers: Any) -> Reply | None:
            if case.answers is not None:
                reply = case.answers(hub, other, path, query, headers)
                if reply is not None:
                    return reply
            if listing is not None and path == "/api/models" and f"author={org}" in query:
                return json_reply(listing)
            return None

        hub.intercept = intercept
        targets = case.targets if case.targets is not None else (org,)
        args = ["audit", *[t.replace("{org}", org) for t in targets], "--endpoint", hub.url, "--token", TOKEN,
                "--max-wait", "0", "--format", "json", "-o", str(out), *[a.replace("{org}", org) for a in case.args]]
        result, seconds = invoke(args)
        requests, other_requests = list(hub.requests), list(other.requests)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"the CLI crashed: {result.exception!r}") from result.exception
    feed_text = out.read_bytes().decode("utf-8") if out.exists() else None  # strict: always valid UTF-8
    feed = read_feed(out) if out.exists() else None  # parses and validates against the schema, or raises
    return Run(result.exit_code, result.stdout_bytes, result.stderr, feed_text, feed, seconds, requests,
               other_requests, org, listing)


def listed_ids(case: Case, run: Run) -> set[str]:
    """The ids the Hub listed: the case's repos on disk, or its crafted listing (lone surrogates as written)."""
    if run.listing is not None:
        return {i["id"] for i in run.listing if isinstance(i, dict) and isinstance(i.get("id"), str)}
    return {f"{run.org}/{name}" for name, files in case.repos.items()
            if (files.get("_meta.json") or {}).get("listed", True) and not (files.get("_meta.json") or {}).get("private")}


def table_rows_are_intact(markdown: str) -> None:
    """Every row of a Markdown table has the header's number of cells: card text never adds a column."""
    cells = None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            cells = None
            continue
        count = len(re.findall(r"(?<!\\)\|", line))
        cells = cells or count
        assert count == cells, f"a table row has {count} cell borders, its header {cells}: {line[:200]}"


def check_invariants(case: Case, run: Run) -> None:
    """What a user relies on, whatever the input."""
    assert run.exit_code in case.exit_codes, (run.exit_code, run.stderr[-2000:])
    assert "internal error" not in run.stderr, run.stderr[-2000:]
    assert not CONTROLS.search(run.stderr), f"control characters on stderr: {run.stderr[-500:]!r}"
    assert TOKEN not in run.stderr and TOKEN.encode() not in run.stdout
    for request in run.requests:
        assert TOKEN not in request.path and TOKEN not in json.dumps(request.query), request
    assert not any(r.authorization for r in run.other_requests), "the token was sent to another origin"
    if run.feed is None:
        assert run.exit_code in (2, 3), "no feed written, yet the run claims success"
        return
    assert TOKEN not in run.feed_text
    assert not CONTROLS.search(run.feed_text.replace("\n", "")), "raw control characters in the JSON feed"
    ids = [m["id"] for m in run.feed["models"]]
    missing = {redact(encodable(i), (TOKEN,)) for i in listed_ids(case, run)} - set(ids)
    assert not missing, f"listed models missing from the feed: {sorted(missing)!r}"
    for model in run.feed["models"]:
        assert all(e["code"] != "internal-error" for e in model["errors"]), model["errors"]
        if model["classification"] == "osi-approved":
            assert not any(e["code"] == "invalid-id" or e["code"] == "too-large" and e["file"] != "README.md"
                           for e in model["errors"]), model["id"]
    for fmt in (Format.MARKDOWN, Format.TABLE):
        text = render(run.feed, fmt)
        assert not CONTROLS.search(text), f"{fmt.value}: control characters: {CONTROLS.search(text)!r}"
        assert not SURROGATES.search(text) and TOKEN not in text
        if fmt is Format.MARKDOWN:
            assert "<" not in text, "raw HTML in the Markdown report"
            table_rows_are_intact(text)
    if case.expect is not None:
        case.expect(run.feed, run)
