"""Hostile input at the command line and in saved files: bad arguments, crafted feeds and suppressions,
interrupted runs. Usage errors are exit 2 before any request; outputs stay parseable and inert."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditor.pipeline.feeds import read_feed
from tests.conftest import FIXTURE_HUB, ROOT
from tests.fakehub import FakeHub
from tests.hostile import CONTROLS, TOKEN, invoke

ESC = "\x1b]0;pwned\x07\x1b[2J"


def _feed(tmp: Path, **changes) -> dict:
    """A small valid feed (the committed example) with crafted changes."""
    feed = json.loads((ROOT / "fixtures" / "example-feed.json").read_text(encoding="utf-8"))
    feed.update(changes)
    return feed


def _files(tmp: Path) -> dict[str, Path]:
    """Crafted files for the CLI table, by name."""
    tmp.mkdir(parents=True, exist_ok=True)
    made = {"dir": tmp / "a-folder", "plainfile": tmp / "plain.txt"}
    made["dir"].mkdir(exist_ok=True)
    made["plainfile"].write_text("x")
    raw = {
        "not-utf8": b"\xff\xfe\x00garbage",
        "deep-json": b"[" * 100_000 + b"]" * 100_000,
        "big-int-json": b'{"schema_version": 1, "models": [], "x": ' + b"9" * 5000 + b"}",
        "not-a-feed": b'{"hello": "world"}',
        "deep-yaml": ("suppressions: " + "[" * 5000 + "]" * 5000).encode(),
        "alias-yaml": b"a: &a [x]\nsuppressions: *a\n",
        "no-expiry-yaml": b"suppressions:\n  - {model: a/b, code: '*', reason: r}\n",
        "esc-yaml": f"suppressions:\n  - {{model: a/b, code: '{ESC}', reason: r}}\n".encode(),
    }
    for name, data in raw.items():
        made[name] = tmp / name
        made[name].write_bytes(data)
    return made


#: (arguments, with {name} for a crafted file): each is a usage error, exit 2, before any request to the Hub.
USAGE_ERRORS = [
    ["audit", ""], ["audit", " "], ["audit", "acme-ai/acme-embed-base"], ["audit", ESC], ["audit", "a--b"],
    ["audit", "-m", "noslash"], ["audit", "-m", "a b/c"], ["audit", "-m", "../api"], ["audit", "-m", "a/b/c"],
    ["audit", "-m", ""], ["audit", "-m", f"a/{ESC}"], ["audit", "-m", "a/b.git"], ["audit", "-m", "a/" + "b" * 97],
    ["audit", "acme-ai", "-o", "{dir}"], ["audit", "acme-ai", "-o", "{plainfile}/feed.json"],
    ["audit", "acme-ai", "--baseline", "{not-utf8}"], ["audit", "acme-ai", "--baseline", "{dir}"],
    ["audit", "acme-ai", "--baseline", "{deep-json}"], ["audit", "acme-ai", "--baseline", "{big-int-json}"],
    ["audit", "acme-ai", "--baseline", "{not-a-feed}"], ["audit", "acme-ai", "--baseline", "{dir}/missing.json"],
    ["audit", "acme-ai", "--suppressions", "{not-utf8}"], ["audit", "acme-ai", "--suppressions", "{dir}"],
    ["audit", "acme-ai", "--suppressions", "{deep-yaml}"], ["audit", "acme-ai", "--suppressions", "{alias-yaml}"],
    ["audit", "acme-ai", "--suppressions", "{no-expiry-yaml}"], ["audit", "acme-ai", "--suppressions", "{dir}/missing.yml"],
    ["audit", "acme-ai", "--shard", "0/0"], ["audit", "acme-ai", "--shard", "5/3"],
    ["audit", "acme-ai", "--shard", "1/" + "9" * 5000], ["audit", "acme-ai", "--shard", ESC],
    ["audit", "acme-ai", "--format", ESC], ["audit", "acme-ai", "--fail-on", ESC], ["audit", "acme-ai", "--workers", "0"],
    ["audit", "acme-ai", "--max-wait", "nan"], ["audit", "acme-ai", "--max-wait", "-1"],
    ["render", "{dir}"], ["render", "{not-utf8}"], ["render", "{deep-json}"], ["render", "{not-a-feed}"],
    ["render", "{dir}/missing.json"], ["render", "{not-a-feed}", "-o", "{dir}"],
    ["merge", "{not-utf8}"], ["merge", "{deep-json}"], ["merge", "{dir}"],
    ["identify", "{dir}/missing.txt"], ["identify", f"{{dir}}/{ESC}"], ["identify", "{dir}"],
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=[" ".join(a)[:60] for a in USAGE_ERRORS])
def test_bad_command_line_input_is_a_usage_error_before_any_request(args, hub, tmp_path):
    """Exit 2 at once: no request to the Hub, nothing written, the message inert on a terminal."""
    files = _files(tmp_path)
    argv = [a.format(**{k: str(v) for k, v in files.items()}) if "{" in a and len(a) < 200 else a for a in args]
    if argv[0] == "audit":
        argv += ["--endpoint", hub.url, "--token", TOKEN]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result, _ = invoke(argv)
    assert result.exit_code == 2, (result.exit_code, result.stderr[-1500:], repr(result.exception))
    assert hub.requests == []
    assert not CONTROLS.search(result.stderr), repr(result.stderr[-300:])
    assert TOKEN not in result.stderr + result.stdout
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_existing_output_survives_a_usage_error(hub, tmp_path):
    """A run that stops on a usage error leaves yesterday's feed as it was."""
    out = tmp_path / "feed.json"
    out.write_text("yesterday")
    result, _ = invoke(["audit", "acme-ai", "--endpoint", hub.url, "-o", str(out), "--shard", "9/3"])
    assert result.exit_code == 2 and out.read_text() == "yesterday"


def test_suppression_expiring_at_a_time_of_day_applies_until_that_day(hub, tmp_path):
    """`expires: 2999-01-01T10:00:00` is a datetime in YAML: it must work like the date, not crash after the audit."""
    rules = tmp_path / "s.yml"
    rules.write_text("suppressions:\n  - {model: acme-ai/acme-embed-base, code: open-source-claim, reason: reviewed,"
                     " expires: 2999-01-01T10:00:00Z}\n  - {model: acme-ai/*, code: '*', reason: old, expires: 2001-01-01 10:00}\n")
    out = tmp_path / "feed.json"
    result, _ = invoke(["audit", "-m", "acme-ai/acme-embed-base", "--endpoint", hub.url, "-o", str(out),
                        "--suppressions", str(rules)])
    assert result.exit_code == 0, result.stderr
    feed = read_feed(out)
    assert feed["models"][0]["flag_suppressed"] is True
    assert feed["suppressions"]["expired"][0]["expires"] == "2001-01-01"


def test_feed_is_written_with_the_umask_mode_not_0600(hub, tmp_path):
    """A feed is for others to read (CI artifacts, dashboards): mkstemp's 0600 must not stick."""
    out = tmp_path / "feed.json"
    old = os.umask(0o022)
    try:
        invoke(["audit", "-m", "acme-ai/acme-embed-base", "--endpoint", hub.url, "-o", str(out)])
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


# -- crafted saved feeds: rendering them is safe in every format -----------------------------------------------

def _hostile_feed(tmp: Path) -> dict:
    feed = _feed(tmp, endpoint=f"https://x{ESC}", generated_at="2026-01-01T00:00:00Z")
    feed["summary"]["by_class"][f"[link=file:///etc/passwd]{ESC}[/link]"] = 1
    feed["targets"][0]["name"] = f"<img src=x> | {ESC} @everyone"
    model = feed["models"][0]
    model["license"]["reason"] = "a\x9b2Jb\u202eexe.txt | [x](javascript:1)"
    model["errors"] = [{"code": "http-error", "message": f"{ESC} \ud800", "file": None}]
    feed["changes"] = {"baseline_generated_at": ESC, "new": [ESC], "removed": [], "newly_flagged": [], "resolved": [],
                       "changed": [{"id": "a/b", "changes": {"license": {"before": ESC, "after": "<b>"}}}]}
    return feed


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_a_crafted_saved_feed_renders_inert_in_every_format(fmt, tmp_path):
    """Control sequences, markup and lone surrogates in a feed never reach the terminal or the report raw."""
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(_hostile_feed(tmp_path)), encoding="utf-8")  # \ud800 written as an escape
    result, _ = invoke(["render", str(path), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    text = result.stdout_bytes.decode("utf-8")
    assert not CONTROLS.search(text.replace("\n", "")), repr(CONTROLS.search(text))
    if fmt == "markdown":
        assert "<" not in text
    if fmt == "json":
        again = json.loads(text)
        assert again["models"][0]["license"]["reason"] == "a\x9b2Jb\u202eexe.txt | [x](javascript:1)"  # lossless
        assert again["models"][0]["errors"][0]["message"] == f"{ESC} \ufffd"


@pytest.mark.parametrize("shard, code, warning", [
    ("1/99999999999", 0, "21/99999999999 and 99999999978 more"),
    ("3/4", 0, "1/4, 2/4, 4/4"),
    ("1/" + "9" * 5000, 2, None),
    ("7/3", 2, None),
])
def test_merge_of_a_feed_claiming_any_shard_ends_at_once(shard, code, warning, tmp_path):
    """`shard: 1/99999999999` is counted, not enumerated; an impossible shard is a bad feed (exit 2)."""
    path = tmp_path / "shard.json"
    path.write_text(json.dumps(_feed(tmp_path, shard=shard)), encoding="utf-8")
    result, seconds = invoke(["merge", str(path)], bound=30)
    assert result.exit_code == code, result.stderr
    if warning:
        assert warning in result.stderr.replace("\n", " ")


def test_merge_warns_when_shards_come_from_different_sweeps(tmp_path):
    paths = []
    for shard in ("1/2", "1/3"):
        paths.append(tmp_path / f"{shard.replace('/', '-')}.json")
        paths[-1].write_text(json.dumps(_feed(tmp_path, shard=shard)), encoding="utf-8")
    result, _ = invoke(["merge", *map(str, paths)])
    assert result.exit_code == 0 and "different shard counts" in result.stderr


# -- identify on hostile files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["table", "json"])
def test_identify_shows_a_file_full_of_escape_sequences_inert(fmt, tmp_path):
    name = tmp_path / f"LICENSE{ESC}"
    name.write_bytes(f"{ESC}You may not use this for commercial purposes.\x9b2J\u202e\n".encode() + b"\xff\xed\xa0\x80")
    result, _ = invoke(["identify", str(name), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    text = result.stdout_bytes.decode("utf-8")
    assert not CONTROLS.search(text.replace("\n", "")), repr(text[:300])
    if fmt == "json":
        assert json.loads(text)[0]["classification"] == "custom-restricted"


# -- interrupted runs ------------------------------------------------------------------------------------------

def test_an_interrupted_audit_writes_nothing_and_keeps_the_previous_feed(tmp_path):
    """Ctrl-C mid-audit: exit 130, yesterday's feed intact, no temporary file left behind."""
    out = tmp_path / "feed.json"
    out.write_text("yesterday")
    with FakeHub(FIXTURE_HUB, page_size=3, latency=0.2) as hub:
        env = {**os.environ, "HF_HUB_DISABLE_TELEMETRY": "1"}
        process = subprocess.Popen([sys.executable, "-m", "auditor", "audit", "acme-ai", "--endpoint", hub.url,
                                    "-o", str(out), "--workers", "2"], env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, cwd=ROOT)
        deadline = time.monotonic() + 30
        while not any("/resolve/" in r.path for r in hub.requests) and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr.decode()[-1000:]
    assert out.read_text() == "yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.json"]
