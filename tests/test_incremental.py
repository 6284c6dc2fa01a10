"""Baselines, suppressions, shards and merge: nightly re-audits cost only the listing and lose nothing."""

from __future__ import annotations

import copy
import json

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from tests.conftest import HUB_ORGS


def cli(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def audit(hub, tmp_path, name, *extra):
    out = tmp_path / name
    result = cli("audit", *HUB_ORGS, "--endpoint", hub.url, "--max-wait", "0", "-o", str(out), *extra)
    return result, json.loads(out.read_text(encoding="utf-8"))


def comparable(feed):
    return {m["id"]: (m["classification"], m["flagged"], m["license"]["key"], m["sha"]) for m in feed["models"]}


@pytest.fixture
def first(hub, tmp_path):
    _, feed = audit(hub, tmp_path, "first.json")
    hub.reset()
    return feed


def test_reaudit_of_unchanged_org_reads_no_file_of_a_cleanly_judged_model(hub, tmp_path, first):
    """Same commit, same rules: carried over; only models that had errors are read again."""
    _, second = audit(hub, tmp_path, "second.json", "--baseline", str(tmp_path / "first.json"))
    read_again = {"/".join(r.path.split("/")[1:3]) for r in hub.requests if "/resolve/" in r.path}
    had_errors = {m["id"] for m in first["models"] if m["errors"]}
    assert read_again <= had_errors
    assert comparable(second) == comparable(first)
    assert second["carried_over"] == len([m for m in first["models"] if not m["errors"] and m["sha"]])
    assert second["changes"]["changed"] == [] and second["changes"]["new"] == []


def test_changed_commit_is_read_again(hub, tmp_path, first):
    """A model whose sha moved is re-audited, whatever the baseline says about it."""
    baseline = copy.deepcopy(first)
    target = next(m for m in baseline["models"] if m["id"] == "acme-ai/acme-7b-instruct")
    target["sha"] = "0" * 40
    (tmp_path / "old.json").write_text(json.dumps(baseline), encoding="utf-8")
    audit(hub, tmp_path, "new.json", "--baseline", str(tmp_path / "old.json"))
    assert any(r.path.startswith("/acme-ai/acme-7b-instruct/resolve/") for r in hub.requests)


def test_baseline_from_other_rules_version_carries_nothing(hub, tmp_path, first):
    """A verdict made by other rules is not trusted: everything is read again."""
    baseline = dict(first, rules_version="0")
    (tmp_path / "old.json").write_text(json.dumps(baseline), encoding="utf-8")
    _, second = audit(hub, tmp_path, "new.json", "--baseline", str(tmp_path / "old.json"))
    assert second["carried_over"] == 0


def test_changes_report_new_removed_flagged_resolved_and_license_changes(hub, tmp_path, first):
    """The baseline diff says what happened since: new, removed, newly flagged, resolved, license changes."""
    baseline = copy.deepcopy(first)
    baseline["models"] = [m for m in baseline["models"] if m["id"] != "acme-ai/acme-vl-3b"]
    baseline["models"].append(dict(baseline["models"][0], id="acme-ai/deleted-since", flagged=True))
    freellama = next(m for m in baseline["models"] if m["id"] == "openwash-labs/freellama-13b-chat")
    freellama.update(flagged=False, sha="f" * 40)
    freellama["license"] = dict(freellama["license"], key="Apache-2.0")
    (tmp_path / "old.json").write_text(json.dumps(baseline), encoding="utf-8")
    _, feed = audit(hub, tmp_path, "new.json", "--baseline", str(tmp_path / "old.json"))
    changes = feed["changes"]
    assert "acme-ai/acme-vl-3b" in changes["new"]
    assert changes["removed"] == ["acme-ai/deleted-since"]
    assert "acme-ai/deleted-since" in changes["resolved"]
    assert "openwash-labs/freellama-13b-chat" in changes["newly_flagged"]
    changed = next(c for c in changes["changed"] if c["id"] == "openwash-labs/freellama-13b-chat")
    assert changed["changes"]["license"] == {"before": "Apache-2.0", "after": "llama-2-license-2023"}
    markdown = cli("render", str(tmp_path / "new.json"), "--format", "markdown").stdout
    assert "Changes since the baseline" in markdown


def write_suppressions(tmp_path, expires: str, reason: str = "Legal accepted CC-BY-4.0 for this model (LEGAL-42)"):
    path = tmp_path / "suppressions.yml"
    path.write_text(f"suppressions:\n  - model: acme-ai/acme-embed-base\n    code: open-source-claim\n"
                    f"    reason: {reason}\n    expires: {expires}\n", encoding="utf-8")
    return path


def test_suppressed_flag_unflags_the_model_and_keeps_the_reason(hub, tmp_path):
    """A reviewed finding is silenced with its reason, not deleted."""
    path = write_suppressions(tmp_path, "2999-12-31")
    result = cli("audit", "--model", "acme-ai/acme-embed-base", "--endpoint", hub.url, "-f", "json", "--suppressions", str(path))
    model = json.loads(result.stdout)["models"][0]
    assert result.exit_code == 0
    assert model["flagged"] is False and model["flag_suppressed"] is True
    flag = next(f for f in model["findings"] if f["code"] == "open-source-claim")
    assert flag["suppressed"]["reason"].startswith("Legal accepted")


def test_expired_suppression_stops_applying_and_is_reported(hub, tmp_path):
    """An expired suppression is not a permanent mute: the flag is back and a warning says why."""
    path = write_suppressions(tmp_path, "2020-01-01")
    result = cli("audit", "--model", "acme-ai/acme-embed-base", "--endpoint", hub.url, "-f", "json", "--suppressions", str(path))
    feed = json.loads(result.stdout)
    model = feed["models"][0]
    assert result.exit_code == 1 and model["flagged"]
    assert any(f["code"] == "suppression-expired" for f in model["findings"])
    assert feed["suppressions"]["expired"][0]["model"] == "acme-ai/acme-embed-base"


@pytest.mark.parametrize("text", [
    "suppressions:\n  - model: a/b\n    code: open-source-claim\n    expires: 2999-01-01\n",
    "suppressions:\n  - model: a/b\n    code: open-source-claim\n    reason: ok\n",
    "suppressions:\n  - model: a/b\n    code: x\n    reason: ok\n    expires: someday\n",
    "suppressions: [unclosed\n",
])
def test_suppression_without_reason_or_expiry_is_a_usage_error(hub, tmp_path, text):
    """Every suppression needs a reason and an expiry date; a bad file stops the run before any request."""
    path = tmp_path / "s.yml"
    path.write_text(text, encoding="utf-8")
    result = cli("audit", "acme-ai", "--endpoint", hub.url, "--suppressions", str(path))
    assert result.exit_code == 2 and hub.requests == []


def test_shards_partition_the_models_and_merge_restores_the_full_feed(hub, tmp_path, first):
    """--shard K/N splits deterministically; merging every shard gives the unsharded verdicts."""
    parts = []
    for k in (1, 2, 3):
        _, feed = audit(hub, tmp_path, f"shard-{k}.json", "--shard", f"{k}/3")
        assert feed["shard"] == f"{k}/3"
        parts.append({m["id"] for m in feed["models"]})
    assert not (parts[0] & parts[1] or parts[1] & parts[2] or parts[0] & parts[2])
    merged = cli("merge", *(str(tmp_path / f"shard-{k}.json") for k in (1, 2, 3)))
    feed = json.loads(merged.stdout)
    assert comparable(feed) == comparable(first)
    assert feed["summary"] == first["summary"]


def test_merge_with_a_missing_shard_says_so_in_the_feed_and_exits_3(hub, tmp_path):
    """A matrix job that failed is visible in the merged result itself, not only on stderr."""
    audit(hub, tmp_path, "shard-1.json", "--shard", "1/2")
    result = CliRunner().invoke(app, ["merge", str(tmp_path / "shard-1.json")])
    assert "shards missing from the merge: 2/2" in result.stderr
    assert result.exit_code == 3
    feed = json.loads(result.stdout)
    assert feed["summary"]["incomplete_targets"] == len(feed["targets"]) >= 1
    assert all(t["error"]["code"] == "listing-incomplete" and "2/2" in t["error"]["message"] for t in feed["targets"])


@pytest.mark.parametrize("spec", ["0/3", "4/3", "x", "1/0"])
def test_bad_shard_spec_is_a_usage_error(spec):
    """K/N must have 1 <= K <= N."""
    assert cli("audit", "acme-ai", "--shard", spec).exit_code == 2


def test_carried_over_models_get_this_runs_suppressions_not_last_runs(hub, tmp_path):
    """A suppression in the baseline's run does not stick to a carried-over model once it is dropped."""
    path = write_suppressions(tmp_path, "2999-12-31")
    first = tmp_path / "first.json"
    cli("audit", "--model", "acme-ai/acme-embed-base", "--endpoint", hub.url, "-o", str(first), "--suppressions", str(path))
    assert json.loads(first.read_text())["models"][0]["flagged"] is False
    second = cli("audit", "--model", "acme-ai/acme-embed-base", "--endpoint", hub.url, "-f", "json", "--baseline", str(first))
    model = json.loads(second.stdout)["models"][0]
    assert model["flagged"] is True and "flag_suppressed" not in model
    assert json.loads(second.stdout)["carried_over"] == 1


@pytest.mark.parametrize("feed", [
    {"schema_version": 1, "models": []},
    {"schema_version": 1, "tool_version": "0", "rules_version": "1", "generated_at": "x", "endpoint": "e",
     "targets": [], "summary": {}, "models": [{"id": "a/b"}]},
])
@pytest.mark.parametrize("command", ["render", "merge", "baseline"])
def test_malformed_feed_is_a_usage_error_before_any_request(hub, tmp_path, feed, command):
    """A broken feed is reported clearly (exit 2), never a traceback, and an audit does not start."""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    args = {"render": ["render", str(path)], "merge": ["merge", str(path)],
            "baseline": ["audit", "acme-ai", "--endpoint", hub.url, "--baseline", str(path)]}[command]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "not a valid feed" in result.stderr
    assert hub.requests == []
