"""End to end: the CLI, through the real huggingface_hub client and requests, against the fake Hub."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from auditor.cli import app
from tests.conftest import FIXTURE_HUB, HUB_ORGS, ROOT

EXPECTED = list(csv.DictReader((ROOT / "fixtures" / "expected.tsv").open(encoding="utf-8"), delimiter="\t"))
NAMED = ("northwind-research/nw-bio-encoder", "acme-ai/does-not-exist")
SCHEMA = json.loads((ROOT / "auditor" / "schema" / "feed-v1.schema.json").read_text(encoding="utf-8"))


def run_cli(*args: str):
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def full_audit(fake_hub, tmp_path_factory):
    """One audit of every fixture org plus the named-only models, as a JSON feed."""
    fake_hub.reset()
    out = tmp_path_factory.mktemp("feed") / "feed.json"
    named = [arg for model in NAMED for arg in ("--model", model)]
    result = run_cli("audit", *HUB_ORGS, *named, "--endpoint", fake_hub.url, "--format", "json",
                     "--output", str(out), "--max-wait", "0")
    feed = json.loads(out.read_text(encoding="utf-8"))
    return result, feed, list(fake_hub.requests)


def test_every_fixture_repo_has_an_expectation_row():
    """licensee's rule: a fixture without an expected verdict is a test that silently checks nothing."""
    repos = {f"{p.parent.name}/{p.name}" for p in (FIXTURE_HUB / "models").glob("*/*") if p.is_dir()}
    assert repos <= {row["id"] for row in EXPECTED}


@pytest.mark.parametrize("row", EXPECTED, ids=[row["id"] for row in EXPECTED])
def test_fixture_repo_gets_expected_class_flag_license_findings_and_errors(full_audit, row):
    """The CLI against the fake Hub gives the expected verdict for every fixture repo."""
    _, feed, _ = full_audit
    models = {m["id"]: m for m in feed["models"]}
    assert row["id"] in models, f"{row['id']} missing from the feed"
    model = models[row["id"]]
    assert model["classification"] == row["classification"]
    assert model["flagged"] is (row["flagged"] == "true")
    assert (model["license"]["key"] or "") == row["license"]
    codes = {f["code"] for f in model["findings"]}
    for code in filter(None, row["findings"].split(";")):
        assert code in codes, f"finding {code} missing: {sorted(codes)}"
    errors = {e["code"] for e in model["errors"]}
    for code in filter(None, row["errors"].split(";")):
        assert code in errors, f"error {code} missing: {sorted(errors)}"


def test_feed_validates_against_the_shipped_schema(full_audit):
    """The JSON feed is the contract dashboards rely on: real output must match the schema."""
    _, feed, _ = full_audit
    jsonschema.Draft202012Validator(SCHEMA).validate(feed)


def test_every_flag_carries_quote_line_and_reason(full_audit):
    """A flag a journalist can cite: the claim's quote and line, and why the terms are not OSI."""
    _, feed, _ = full_audit
    flagged = [m for m in feed["models"] if m["flagged"]]
    assert flagged
    for model in flagged:
        flag = next(f for f in model["findings"] if f["code"] == "open-source-claim")
        claim_evidence = [e for e in flag["evidence"] if e["source"] == "card-text"]
        assert claim_evidence and all(e["line"] and e["quote"] for e in claim_evidence)
        named = model["license"]["name"] or model["license"]["key"]
        reason = ("restrict use" if model["classification"] == "custom-restricted" else
                  "not OSI-approved" if model["classification"] == "open-non-osi" else "established")
        assert reason in flag["message"], flag["message"]
        if model["classification"] == "custom-restricted":
            assert (model["license"]["reason"] or "").rstrip(".")[:40] in flag["message"], flag["message"]


def test_no_osi_approved_model_is_ever_flagged(full_audit):
    """An honest claim under an OSI-approved license is not open-washing."""
    _, feed, _ = full_audit
    assert not [m["id"] for m in feed["models"] if m["flagged"] and m["classification"] == "osi-approved"]


def test_audit_with_flagged_models_exits_1_and_reports_summary_on_stderr(full_audit):
    """Exit code 1 means flagged models were found; people-talk goes to stderr, data to the file."""
    result, feed, _ = full_audit
    assert result.exit_code == 1
    assert f"{feed['summary']['flagged']} flagged" in result.stderr
    assert result.stdout == ""


def test_models_are_sorted_and_no_model_is_dropped(full_audit):
    """Nothing is lost: every listed and named model is in the feed, in a stable order."""
    _, feed, _ = full_audit
    ids = [m["id"] for m in feed["models"]]
    assert ids == sorted(ids)
    assert set(ids) == {row["id"] for row in EXPECTED}


def test_requests_per_model_stay_within_budget(full_audit):
    """The listing brings card data and file lists, so a model costs its README and license files only."""
    _, feed, requests = full_audit
    api = [r for r in requests if r.path.startswith("/api/")]
    files = [r for r in requests if "/resolve/" in r.path]
    per_model = len(requests) / len(feed["models"])
    assert not [r for r in api if r.path.startswith("/api/models/") and "/" in r.path[len("/api/models/"):]
                and r.path.count("/") > 4]
    assert per_model < 2.5, (len(api), len(files), len(feed["models"]))


def test_audit_of_reachable_org_only_touches_the_given_endpoint(hub, monkeypatch):
    """The auditor talks to the endpoint it was given: no connection elsewhere, no telemetry call, no other route."""
    import socket

    connected: list[object] = []
    real = socket.socket.connect

    def record(self, address):
        connected.append(address)
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", record)
    run_cli("audit", "openwash-labs", "--endpoint", hub.url, "--format", "json", "--max-wait", "0")
    port = int(hub.url.rsplit(":", 1)[1])
    assert connected and all(address[1] == port for address in connected)
    paths = {r.path for r in hub.requests}
    assert "/api/agent-harnesses" not in paths
    assert all(p.startswith(("/api/models", "/api/organizations/")) or "/resolve/" in p for p in paths)


def test_clean_org_exits_0_and_fail_on_never_always_exits_0(hub):
    """--fail-on decides which flags fail the run."""
    clean = run_cli("audit", "--model", "openwash-labs/owl-mistral-7b-instruct", "--endpoint", hub.url, "-f", "json")
    assert clean.exit_code == 0
    never = run_cli("audit", "openwash-labs", "--endpoint", hub.url, "-f", "json", "--fail-on", "never", "--max-wait", "0")
    assert never.exit_code == 0


def test_fail_on_error_ignores_warning_level_flags(hub):
    """A CC-BY model marketed as open source is a warning; --fail-on error does not fail on it."""
    result = run_cli("audit", "--model", "acme-ai/acme-embed-base", "--endpoint", hub.url, "-f", "json", "--fail-on", "error")
    feed = json.loads(result.stdout)
    assert feed["models"][0]["flag_severity"] == "warning"
    assert result.exit_code == 0
    assert run_cli("audit", "--model", "acme-ai/acme-embed-base", "--endpoint", hub.url, "-f", "json").exit_code == 1


def test_unreachable_hub_exits_3_and_writes_no_output(tmp_path):
    """Operational failure is exit 3, distinct from "found open-washing"."""
    out = tmp_path / "feed.json"
    result = run_cli("audit", "acme-ai", "--endpoint", "http://127.0.0.1:9", "-o", str(out), "--max-wait", "0")
    assert result.exit_code == 3
    assert "acme-ai" in result.stderr


def test_empty_organization_exits_3(hub):
    """An organization with no public models (a typo?) means nothing could be audited."""
    result = run_cli("audit", "no-such-org", "--endpoint", hub.url, "-f", "json")
    assert result.exit_code == 3


@pytest.mark.parametrize("args", [["audit"], ["audit", "--model", "not-a-model-id"], ["audit", "x", "--fail-on", "sometimes"],
                                  ["audit", "x", "--format", "yaml"]])
def test_usage_errors_exit_2(args):
    """Bad options are usage errors (exit 2), before any request."""
    assert run_cli(*args).exit_code == 2


def test_token_is_sent_but_never_printed_or_written(hub, tmp_path):
    """The token authenticates requests and appears in no output, feed or message."""
    secret = "hf_SECRETtoken1234567890"
    out = tmp_path / "feed.json"
    result = run_cli("audit", "openwash-labs", "--endpoint", hub.url, "--token", secret, "-o", str(out), "--max-wait", "0")
    assert any(r.authorization for r in hub.requests)
    assert secret not in result.stdout + result.stderr
    assert secret not in out.read_text(encoding="utf-8")


def test_table_and_markdown_formats_render_the_same_models(hub):
    """Every format shows every model."""
    table = run_cli("audit", "openwash-labs", "--endpoint", hub.url, "-f", "table", "--max-wait", "0").stdout
    markdown = run_cli("audit", "openwash-labs", "--endpoint", hub.url, "-f", "markdown", "--max-wait", "0").stdout
    for name in ("freellama-13b-chat", "owl-mistral-7b-instruct", "owl-diffusion-1.5", "owl-embed-small"):
        assert name in table
        assert name.replace("-", "\\-").replace(".", ".") in markdown


def test_render_reproduces_the_markdown_of_a_saved_feed(full_audit, tmp_path):
    """`render` works from the feed alone, so a stored feed can be re-rendered later."""
    _, feed, _ = full_audit
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    result = run_cli("render", str(path), "--format", "markdown")
    assert result.exit_code == 0
    assert "# Hugging Face license audit" in result.stdout


def test_render_rejects_a_file_that_is_not_a_feed(tmp_path):
    """A wrong file is a usage error with a clear message, not a traceback."""
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    result = run_cli("render", str(path))
    assert result.exit_code == 2
    assert "not a hf-license-audit feed" in result.stderr


def test_output_is_written_atomically_and_not_at_all_on_failure(hub, tmp_path, monkeypatch):
    """A crash while writing leaves the previous feed untouched and no temporary file behind."""
    from auditor.cli import output

    out = tmp_path / "feed.json"
    out.write_text("previous", encoding="utf-8")

    def explode(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", explode)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(out, "new content")
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.json"]


def test_schema_command_prints_the_shipped_schema():
    """`hf-license-audit schema` gives dashboards the contract."""
    assert json.loads(run_cli("schema").stdout) == SCHEMA


def test_python_dash_m_auditor_runs_the_cli():
    """`python -m auditor` is the same program."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "auditor", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "hf-license-audit" in result.stdout


KESTREL = [row for row in EXPECTED if row["id"].startswith("kestrel-labs/")]


@pytest.mark.parametrize("row", KESTREL, ids=[row["id"] for row in KESTREL])
def test_each_restriction_detector_is_caught_end_to_end_with_its_clause(full_audit, row):
    """Every detector, on a never-seen license: the clause is quoted from LICENSE with its line and OSD clause."""
    _, feed, _ = full_audit
    model = next(m for m in feed["models"] if m["id"] == row["id"])
    clauses = [c for d in model["license"]["detected"] for c in d["restrictive_clauses"]]
    conditions = [c for c in clauses if c["evidence"][0]["file"] == "LICENSE" and c["evidence"][0]["line"] == 9]
    assert conditions, clauses
    assert all("OSD" in c["message"] for c in conditions)
