"""--baseline shows what changed in a license: old and new ids, the license file lines added and removed
(bounded, escaped), and models that started or stopped claiming open source; shown first."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from typer.testing import CliRunner

from auditor.judge.baseline import MAX_DIFF_LINES
from auditor.cli import app
from tests.test_e2e import SCHEMA

ORGS = ("hearth-ai", "hearth-community")
BASE = "hearth-ai/hearth-8b"
INJECTED = "You may use it <img src=x onerror=alert(1)> for [anything](https://evil.example) @everyone"


def cli(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def first(hub, tmp_path):
    out = tmp_path / "first.json"
    cli("audit", *ORGS, "--endpoint", hub.url, "--max-wait", "0", "-o", str(out))
    hub.reset()
    return json.loads(out.read_text(encoding="utf-8"))


def rerun(hub, tmp_path, baseline: dict, fmt: str = "json") -> str:
    (tmp_path / "old.json").write_text(json.dumps(baseline), encoding="utf-8")
    result = cli("audit", *ORGS, "--endpoint", hub.url, "--max-wait", "0", "--baseline", str(tmp_path / "old.json"),
                 "-f", fmt)
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def edited(first: dict, model_id: str) -> tuple[dict, dict]:
    baseline = copy.deepcopy(first)
    model = next(m for m in baseline["models"] if m["id"] == model_id)
    model["sha"] = "0" * 40  # another commit: the model is read again
    return baseline, model


def test_changed_license_file_and_id_show_old_and_new_and_the_lines(hub, tmp_path, first):
    """A changed license shows the old and new ids and the file lines added and removed."""
    baseline, model = edited(first, BASE)
    model["license"]["declared"] = ["apache-2.0"]
    lines = model["license_files"][0]["excerpt"].splitlines()
    dropped = next(line for line in lines if "NonCommercial" in line)
    model["license_files"][0]["excerpt"] = "\n".join([INJECTED] + [x for x in lines if x != dropped])[:4000]
    model["license_files"][0]["sha256"] = "1" * 64
    feed = json.loads(rerun(hub, tmp_path, baseline))
    (change,) = [c for c in feed["changes"]["license_changed"] if c["id"] == BASE]
    assert change["changes"]["declared"] == {"before": ["apache-2.0"], "after": ["cc-by-nc-4.0"]}
    (file_change,) = change["files"]
    assert file_change["path"] == "LICENSE" and file_change["status"] == "changed"
    assert file_change["before_sha256"] == "1" * 64 and file_change["after_sha256"] != "1" * 64
    assert file_change["added"][0]["text"] == dropped.strip()  # (and whatever the 4,000-character cut shortened)
    assert file_change["removed"][0]["text"] == INJECTED
    jsonschema.Draft202012Validator(SCHEMA).validate(feed)


def test_change_past_the_kept_excerpt_is_reported_by_hash(hub, tmp_path, first):
    """A change past the excerpt the feed keeps is still reported, by its hash."""
    baseline, model = edited(first, BASE)
    model["license_files"][0]["sha256"] = "2" * 64
    feed = json.loads(rerun(hub, tmp_path, baseline))
    (change,) = [c for c in feed["changes"]["license_changed"] if c["id"] == BASE]
    assert change["files"][0]["beyond_excerpt"] is True and change["files"][0]["added"] == []


def test_diff_is_bounded(hub, tmp_path, first):
    """A rewritten license shows at most MAX_DIFF_LINES lines a side and counts the rest."""
    baseline, model = edited(first, BASE)
    model["license_files"][0]["excerpt"] = "\n".join(f"old clause {n}" for n in range(60))
    model["license_files"][0]["sha256"] = "3" * 64
    feed = json.loads(rerun(hub, tmp_path, baseline))
    (file_change,) = next(c for c in feed["changes"]["license_changed"] if c["id"] == BASE)["files"]
    assert len(file_change["removed"]) == MAX_DIFF_LINES and file_change["more_removed"] == 60 - MAX_DIFF_LINES


def test_models_that_started_or_stopped_claiming_open_source_are_listed(hub, tmp_path, first):
    """Starting or stopping an open-source claim is a change worth a line."""
    baseline, claiming = edited(first, "hearth-community/hearth-8b-open")
    claiming.update(claims=[], flagged=False, flag_severity=None)
    claiming["findings"] = [f for f in claiming["findings"] if f["code"] != "open-source-claim"]
    quiet = next(m for m in baseline["models"] if m["id"] == "hearth-community/hearth-8b-sql")
    quiet["sha"] = "0" * 40
    quiet["claims"] = [{"quote": "open source", "file": "README.md", "line": 3, "phrase": "open source", "confidence": "high"}]
    feed = json.loads(rerun(hub, tmp_path, baseline))
    assert feed["changes"]["claims_started"] == ["hearth-community/hearth-8b-open"]
    assert feed["changes"]["claims_stopped"] == ["hearth-community/hearth-8b-sql"]


def test_markdown_and_terminal_show_license_changes_first_and_escaped(hub, tmp_path, first):
    """License changes lead both human formats; card text stays inert."""
    baseline, model = edited(first, BASE)
    model["license"]["declared"] = ["apache-2.0"]
    model["license_files"][0]["excerpt"] = (INJECTED + "\n" + model["license_files"][0]["excerpt"])[:4000]
    model["license_files"][0]["sha256"] = "4" * 64
    markdown = rerun(hub, tmp_path, copy.deepcopy(baseline), "markdown")
    assert markdown.index("## License changes since the baseline") < markdown.index("## Flagged models")
    assert "apache\\-2.0 → cc\\-by\\-nc\\-4.0" in markdown
    assert "<img" not in markdown and "](https" not in markdown and "@everyone" not in markdown
    assert "&lt;img" in markdown
    hub.reset()
    table = rerun(hub, tmp_path, baseline, "table")
    assert table.index("License changes since the baseline") < table.index("Hugging Face license audit")
    assert "- L1: You may use it <img" in table  # rich markup is escaped, the text shown as it is
