"""The Action's dashboard and SARIF step (render-extras.sh) and the Pages history script, run for real.

render-extras.sh calls the installed `hf-license-audit` of this environment on a copy of the example feed;
pages-history.sh fetches from a file:// "site" (curl), so nothing leaves the machine.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

SCRIPTS = ROOT / ".github" / "scripts"
EXAMPLE = json.loads((ROOT / "fixtures" / "example-feed.json").read_text(encoding="utf-8"))


def bash(script: str, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([shutil.which("bash") or "bash", str(SCRIPTS / script), *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines()) if path.exists() else {}


@pytest.fixture
def run_extras(tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    feed = out / "feed.json"
    feed.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    github_output = tmp_path / "github_output"

    def run(**env: str) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
        base = {"PATH": os.environ.get("PATH", os.defpath), "HOME": str(tmp_path), "GITHUB_OUTPUT": str(github_output),
                "AUDIT_FEED": str(feed), "AUDIT_BIN_DIR": str(Path(sys.executable).parent)}
        result = bash("render-extras.sh", env={**base, **env}, cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        return result, outputs(github_output)

    run.feed = feed  # type: ignore[attr-defined]
    run.tmp = tmp_path  # type: ignore[attr-defined]
    return run


def older_feed() -> dict:
    old = copy.deepcopy(EXAMPLE)
    old["generated_at"] = "2025-12-01T00:00:00Z"
    return old


def test_action_writes_the_dashboard_next_to_the_feed_with_the_trend_of_its_history(run_extras):
    history = run_extras.tmp / "history"
    history.mkdir()
    (history / "20251201T000000Z.json").write_text(json.dumps(older_feed()), encoding="utf-8")
    _, out = run_extras(AUDIT_HISTORY_DIR=str(history))
    dashboard = run_extras.feed.parent / "dashboard.html"
    assert out == {"dashboard": str(dashboard), "sarif": ""}, "SARIF is off by default"
    text = dashboard.read_text(encoding="utf-8")
    assert "Trend over 2 runs" in text and "2025-12-01T00:00:00Z" in text


def test_action_renders_sarif_only_when_asked(run_extras):
    _, out = run_extras(AUDIT_SARIF="true")
    sarif = json.loads(Path(out["sarif"]).read_text(encoding="utf-8"))
    assert out["sarif"] == str(run_extras.feed.parent / "results.sarif") and sarif["version"] == "2.1.0"
    result, out = run_extras(AUDIT_SARIF="yes please")
    assert out["sarif"] == "" and "::warning" in result.stdout


def test_action_dashboard_survives_a_broken_history_feed(run_extras):
    """One bad file in the history costs the trend, never the dashboard."""
    history = run_extras.tmp / "history"
    history.mkdir()
    (history / "20251201T000000Z.json").write_text("{not json", encoding="utf-8")
    result, out = run_extras(AUDIT_HISTORY_DIR=str(history))
    assert "::warning" in result.stdout
    text = Path(out["dashboard"]).read_text(encoding="utf-8")
    assert "Trend over" not in text and "acme-ai/acme-13b-chat" in text


def test_action_renders_nothing_without_a_feed(run_extras):
    _, out = run_extras(AUDIT_FEED="", AUDIT_SARIF="true")
    assert out == {"dashboard": "", "sarif": ""}


def test_action_steps_pass_the_new_inputs_through_env_and_upload_the_dashboard():
    steps = {s.get("name"): s for s in yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["runs"]["steps"]}
    extras = steps["Render the dashboard"]
    assert extras["env"]["AUDIT_HISTORY_DIR"] == "${{ inputs.history-dir }}"
    assert extras["env"]["AUDIT_SARIF"] == "${{ inputs.upload-sarif }}"
    assert "render-extras.sh" in extras["run"]
    upload = steps["Upload the SARIF log to code scanning"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "inputs.upload-sarif == 'true'" in upload["if"]
    assert "steps.extras.outputs.dashboard" in steps["Upload the feed"]["with"]["path"]


# ---------------------------------------------------------------------------------------------- Pages history


def test_pages_history_fetches_only_well_named_feeds(tmp_path):
    """A published index can never make the job write outside its history directory."""
    site = tmp_path / "site"
    (site / "feeds").mkdir(parents=True)
    for name in ("20260105T062300Z.json", "20260112T062300Z.json"):
        (site / "feeds" / name).write_text(json.dumps(EXAMPLE), encoding="utf-8")
    (site / "feeds" / "index.txt").write_text(
        "20260105T062300Z.json\n../../escape.json\n20260112T062300Z.json\r\nnot-a-feed.json\n", encoding="utf-8")
    history = tmp_path / "history"
    result = bash("pages-history.sh", "fetch", site.as_uri(), str(history), env=dict(os.environ), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in history.iterdir()) == ["20260105T062300Z.json", "20260112T062300Z.json"]
    assert not (tmp_path / "escape.json").exists()


def test_pages_history_first_run_has_an_empty_history(tmp_path):
    result = bash("pages-history.sh", "fetch", (tmp_path / "nothing").as_uri(), str(tmp_path / "h"),
                  env=dict(os.environ), cwd=tmp_path)
    assert result.returncode == 0 and list((tmp_path / "h").iterdir()) == []


def test_pages_history_assembles_the_site_and_keeps_the_newest_runs(tmp_path):
    history = tmp_path / "history"
    history.mkdir()
    for name in ("20200105T062300Z.json", "20200112T062300Z.json", "20200119T062300Z.json"):
        (history / name).write_text("{}", encoding="utf-8")
    (tmp_path / "feed.json").write_text(json.dumps(EXAMPLE), encoding="utf-8")
    (tmp_path / "dashboard.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    site = tmp_path / "site"
    result = bash("pages-history.sh", "assemble", str(history), str(tmp_path / "feed.json"),
                  str(tmp_path / "dashboard.html"), str(site), env={**os.environ, "HISTORY_KEEP": "3"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "<!DOCTYPE html>"
    index = (site / "feeds" / "index.txt").read_text(encoding="utf-8").split()
    assert len(index) == 3 and index[:2] == ["20200112T062300Z.json", "20200119T062300Z.json"]
    assert sorted(p.name for p in (site / "feeds").glob("*.json")) == index
    assert json.loads((site / "feeds" / index[-1]).read_text(encoding="utf-8")) == EXAMPLE
