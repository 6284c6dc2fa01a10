"""Checks of the GitHub Action (action.yml), the workflows and the action's run script.

The linters (actionlint, check-jsonschema) come with the project's test extra; when one is
missing these tests fail, they do not skip. The run script is exercised with a stub
``hf-license-audit`` on PATH, so no real CLI and no network are needed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = ROOT / "action.yml"
GITHUB_DIR = ROOT / ".github"
WORKFLOWS_DIR = GITHUB_DIR / "workflows"
SCRIPTS_DIR = GITHUB_DIR / "scripts"
RUN_SCRIPT = SCRIPTS_DIR / "run-audit.sh"
DEPENDABOT = GITHUB_DIR / "dependabot.yml"
README = ROOT / "README.md"

EXPECTED_INPUT_DEFAULTS = {
    "organizations": "",
    "models": "",
    "fail-on": "error",
    "endpoint": "",
    "python-version": "3.12",
    "version": "",
    "output-dir": "${{ runner.temp }}/hf-license-audit",
    "artifact-name": "hf-license-audit-feed",
    "upload-artifact": "true",
    "derivatives-of": "",
    "search": "",
    "filter": "",
    "sort": "",
    "limit": "",
    # dashboard and code scanning
    "history-dir": "",
    "upload-sarif": "false",
    "include-private": "false",
}
EXPECTED_OUTPUTS = {"feed", "report", "exit-code", "dashboard", "sarif"}

# Expressions that must never be spliced into shell text (script injection).
FORBIDDEN_IN_RUN = re.compile(r"\$\{\{\s*(inputs\.|github\.event|github\.head_ref)")
SHA_PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\s]+)?@[0-9a-f]{40}$")


# -------------------------------------------------------------------------------------------
# helpers


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])


def load_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), f"{path} is not a YAML mapping"
    return data


def workflow_triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    assert isinstance(triggers, dict), "the workflow's `on:` must be a mapping"
    return triggers


def action_steps() -> list[dict]:
    return load_yaml(ACTION)["runs"]["steps"]


def action_step(name: str) -> dict:
    for step in action_steps():
        if step.get("name") == name:
            return step
    raise AssertionError(f"action.yml has no step named {name!r}")


def all_steps() -> list[tuple[str, dict]]:
    """(where, step) for every step of action.yml and of every workflow."""
    found = [(f"action.yml step {i}", step) for i, step in enumerate(action_steps())]
    for path in workflow_files():
        for job_id, job in load_yaml(path).get("jobs", {}).items():
            for i, step in enumerate(job.get("steps", [])):
                found.append((f"{path.name} job {job_id} step {i}", step))
    return found


def find_tool(name: str) -> str:
    """The executable `name`: next to this Python (its venv), else on PATH, else fail."""
    bindir = Path(sys.executable).parent
    for candidate in (bindir / name, bindir / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    on_path = shutil.which(name)
    if on_path:
        return on_path
    pytest.fail(
        f"`{name}` is not installed (looked in {bindir} and on PATH). "
        "Install the project's test extra: pip install -e '.[test]'",
        pytrace=False,
    )


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, **kwargs)


def bash() -> str:
    found = shutil.which("bash")
    if not found:
        pytest.fail("bash is required to check the action's scripts", pytrace=False)
    return found


def read_outputs(path: Path) -> dict[str, str]:
    outputs: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, sep, value = line.partition("=")
            assert sep, f"malformed GITHUB_OUTPUT line: {line!r}"
            outputs[key] = value
    return outputs


# -------------------------------------------------------------------------------------------
# (a) actionlint, (b) JSON schemas


def test_workflows_exist() -> None:
    names = {p.name for p in workflow_files()}
    assert {"ci.yml", "audit.yml"} <= names


def test_actionlint_reports_no_error() -> None:
    actionlint = find_tool("actionlint")
    files = [str(p.relative_to(ROOT)) for p in workflow_files()]
    result = run([actionlint, "-no-color", *files])
    assert result.returncode == 0, f"actionlint:\n{result.stdout}\n{result.stderr}"


def test_action_matches_github_action_schema() -> None:
    checker = find_tool("check-jsonschema")
    result = run([checker, "--builtin-schema", "vendor.github-actions", str(ACTION)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_match_github_workflow_schema() -> None:
    checker = find_tool("check-jsonschema")
    files = [str(p) for p in workflow_files()]
    result = run([checker, "--builtin-schema", "vendor.github-workflows", *files])
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_matches_schema() -> None:
    checker = find_tool("check-jsonschema")
    result = run([checker, "--builtin-schema", "vendor.dependabot", str(DEPENDABOT)])
    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = {u["package-ecosystem"] for u in load_yaml(DEPENDABOT)["updates"]}
    assert {"pip", "github-actions"} <= ecosystems


# -------------------------------------------------------------------------------------------
# (c) no untrusted expression inside run:, actions pinned


def test_no_untrusted_expression_in_run_blocks() -> None:
    offenders = [
        f"{where}: {m.group(0)}..."
        for where, step in all_steps()
        for m in FORBIDDEN_IN_RUN.finditer(str(step.get("run", "")))
    ]
    assert not offenders, "pass these through env: instead:\n" + "\n".join(offenders)


def test_remote_actions_are_pinned_by_sha_with_version_comment() -> None:
    uses_line = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)\s*(?P<comment>#.*)?$")
    problems = []
    for path in [ACTION, *workflow_files()]:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = uses_line.match(line)
            if not m or m["ref"].startswith("./"):
                continue
            where = f"{path.name}:{lineno}: {m['ref']}"
            if not SHA_PINNED.match(m["ref"]):
                problems.append(f"{where} is not pinned by a full commit SHA")
            elif not (m["comment"] and re.match(r"#\s*v\d", m["comment"])):
                problems.append(f"{where} lacks a '# vX' comment")
    assert not problems, "\n".join(problems)


def test_checkouts_do_not_persist_credentials() -> None:
    for where, step in all_steps():
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, where


# -------------------------------------------------------------------------------------------
# action.yml interface and workflow conventions


def test_action_interface() -> None:
    action = load_yaml(ACTION)
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert set(inputs) == set(EXPECTED_INPUT_DEFAULTS)
    for name, default in EXPECTED_INPUT_DEFAULTS.items():
        assert inputs[name].get("description"), f"input {name} has no description"
        assert str(inputs[name].get("default")) == default, f"default of input {name}"
        assert not inputs[name].get("required", False), f"input {name} must be optional"
    assert not any("token" in name for name in inputs), "no token input: callers set HF_TOKEN"
    assert set(action["outputs"]) == EXPECTED_OUTPUTS
    for name, output in action["outputs"].items():
        assert output.get("description"), f"output {name} has no description"


def test_action_runs_the_script_with_inputs_from_env() -> None:
    step = action_step("Run hf-license-audit")
    assert step["shell"] == "bash"
    assert ".github/scripts/run-audit.sh" in step["run"]
    env = step["env"]
    for variable, name in {
        "AUDIT_ORGANIZATIONS": "organizations",
        "AUDIT_MODELS": "models",
        "AUDIT_DERIVATIVES_OF": "derivatives-of",
        "AUDIT_SEARCH": "search",
        "AUDIT_FILTER": "filter",
        "AUDIT_SORT": "sort",
        "AUDIT_LIMIT": "limit",
        "AUDIT_FAIL_ON": "fail-on",
        "AUDIT_ENDPOINT": "endpoint",
        "AUDIT_OUTPUT_DIR": "output-dir",
        "AUDIT_INCLUDE_PRIVATE": "include-private",
    }.items():
        assert env[variable] == f"${{{{ inputs.{name} }}}}"


def test_ci_workflow_conventions() -> None:
    ci = load_yaml(WORKFLOWS_DIR / "ci.yml")
    assert {"push", "pull_request"} <= set(workflow_triggers(ci))
    assert ci["permissions"] == {}
    assert ci["concurrency"]["cancel-in-progress"] is True
    assert "github.ref" in ci["concurrency"]["group"]
    for job_id, job in ci["jobs"].items():
        assert job["permissions"] == {"contents": "read"}, job_id
    versions = ci["jobs"]["test"]["strategy"]["matrix"]["python-version"]
    assert [str(v) for v in versions] == ["3.10", "3.11", "3.12", "3.13"]
    selftest_uses = [s.get("uses") for s in ci["jobs"]["action-selftest"]["steps"]]
    assert "./" in selftest_uses


def test_audit_workflow_conventions() -> None:
    audit = load_yaml(WORKFLOWS_DIR / "audit.yml")
    triggers = workflow_triggers(audit)
    cron = triggers["schedule"][0]["cron"]
    assert cron.split()[0] not in {"0", "00", "*"}, "schedule off the hour"
    assert "organizations" in triggers["workflow_dispatch"]["inputs"]
    assert audit["permissions"] == {}
    assert audit["concurrency"]["cancel-in-progress"] is False
    (job,) = [j for j in audit["jobs"].values() if any(s.get("uses") == "./" for s in j["steps"])]
    assert job["permissions"] == {"contents": "read", "pages": "read"}
    (step,) = [s for s in job["steps"] if s.get("uses") == "./"]
    assert step["with"]["fail-on"] == "never"
    assert step["env"]["HF_TOKEN"] == "${{ secrets.HF_TOKEN }}"
    # The scheduled example watches the derivatives of one well-known restrictive model.
    assert "'meta-llama/Llama-3.1-8B'" in step["with"]["derivatives-of"]
    assert "derivatives-of" in triggers["workflow_dispatch"]["inputs"]


def test_audit_workflow_publishes_the_dashboard_with_its_feed_history_on_pages() -> None:
    """The documented Pages pair, only when asked (HF_AUDIT_PAGES), with the earlier feeds fed back."""
    audit = load_yaml(WORKFLOWS_DIR / "audit.yml")
    job, deploy = audit["jobs"]["audit"], audit["jobs"]["deploy"]
    uses = [str(s.get("uses", "")) for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    (step,) = [s for s in job["steps"] if s.get("uses") == "./"]
    history = step["with"]["history-dir"]
    assert any("pages-history.sh fetch" in str(s.get("run")) and history.replace("${{ runner.temp }}", "$RUNNER_TEMP")
               in s["run"] for s in job["steps"])
    assert deploy["needs"] == "audit" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [str(s["uses"]).split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    for where in [deploy, *(s for s in job["steps"] if "pages" in str(s.get("uses", "")) + str(s.get("run", "")))]:
        assert "vars.HF_AUDIT_PAGES == 'true'" in where["if"]


# -------------------------------------------------------------------------------------------
# (d) README documents the action


def readme_action_section() -> str:
    if not README.exists():
        pytest.fail(f"{README} does not exist yet: it must document the GitHub Action")
    lines = README.read_text(encoding="utf-8").splitlines()
    sections: list[str] = []
    level = None
    for line in lines:
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            this_level = len(heading.group(1))
            if level is not None and this_level <= level:
                level = None
            if level is None and re.search(r"\baction\b", heading.group(2), re.IGNORECASE):
                level = this_level
        if level is not None:
            sections.append(line)
    if not sections:
        pytest.fail("README.md has no section whose heading mentions the GitHub Action")
    return "\n".join(sections)


def test_readme_documents_every_action_input() -> None:
    section = readme_action_section()
    missing = [n for n in load_yaml(ACTION)["inputs"] if f"`{n}`" not in section]
    assert not missing, f"inputs not documented in README's Action section: {missing}"


def test_readme_documents_every_action_output() -> None:
    section = readme_action_section()
    missing = [n for n in load_yaml(ACTION)["outputs"] if f"`{n}`" not in section]
    assert not missing, f"outputs not documented in README's Action section: {missing}"


# -------------------------------------------------------------------------------------------
# (e) shell syntax


@pytest.mark.parametrize("script", sorted(SCRIPTS_DIR.glob("*.sh")), ids=lambda p: p.name)
def test_scripts_parse_with_bash_n(script: Path) -> None:
    result = run([bash(), "-n", str(script)])
    assert result.returncode == 0, result.stderr


def test_action_inline_bash_parses() -> None:
    for step in action_steps():
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")
            result = run([bash(), "-n"], input=step["run"])
            assert result.returncode == 0, f"{step.get('name')}: {result.stderr}"


# -------------------------------------------------------------------------------------------
# (f) the run script, against a stub hf-license-audit

STUB_FEED = '{"stub": true, "models": []}'
STUB_REPORT = "# HF license audit\n\n| model | license |\n|---|---|\n| acme-ai/x | STUB-REPORT |\n"

STUB_CLI = r"""#!/usr/bin/env bash
# Stub hf-license-audit: records its arguments, writes a fixed feed / report.
printf '%s\n' "$@" >"$STUB_LOG_DIR/$1.args"
out=""
prev=""
for arg in "$@"; do
  if [[ "$prev" == --output ]]; then out="$arg"; fi
  prev="$arg"
done
case "$1" in
  audit)
    echo "::error::text from a model card"
    if [[ "${STUB_WRITE_FEED:-1}" == 1 ]]; then printf '%s\n' "$STUB_FEED" >"$out"; fi
    exit "${STUB_EXIT:-0}"
    ;;
  render)
    if [[ "${STUB_RENDER_EXIT:-0}" != 0 ]]; then exit "$STUB_RENDER_EXIT"; fi
    printf '%s' "$STUB_REPORT" >"$out"
    exit 0
    ;;
esac
exit 2
"""


def write_executable(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


class Harness:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.stub_dir = tmp_path / "stub-bin"
        self.stub_dir.mkdir()
        write_executable(self.stub_dir / "hf-license-audit", STUB_CLI)
        self.log_dir = tmp_path / "stub-log"
        self.log_dir.mkdir()
        self.runner_temp = tmp_path / "runner-temp"
        self.runner_temp.mkdir()
        self.out_dir = tmp_path / "out"
        self.output_file = tmp_path / "github_output"
        self.summary_file = tmp_path / "step_summary"
        self.output_file.touch()
        self.summary_file.touch()

    def env(self, **overrides: str | None) -> dict[str, str]:
        env = {
            "PATH": f"{self.stub_dir}{os.pathsep}{os.environ.get('PATH', os.defpath)}",
            "HOME": str(self.tmp),
            "RUNNER_TEMP": str(self.runner_temp),
            "GITHUB_OUTPUT": str(self.output_file),
            "GITHUB_STEP_SUMMARY": str(self.summary_file),
            "STUB_LOG_DIR": str(self.log_dir),
            "STUB_FEED": STUB_FEED,
            "STUB_REPORT": STUB_REPORT,
            "AUDIT_ORGANIZATIONS": "acme-ai",
            "AUDIT_MODELS": "",
            "AUDIT_FAIL_ON": "error",
            "AUDIT_ENDPOINT": "",
            "AUDIT_OUTPUT_DIR": str(self.out_dir),
        }
        for key, value in overrides.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def run(self, **overrides: str | None) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [bash(), str(RUN_SCRIPT)],
            env=self.env(**overrides),
            capture_output=True,
            text=True,
            cwd=self.tmp,
            timeout=60,
        )
        # Whatever happened, the script records an outcome and exits 0.
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    @property
    def outputs(self) -> dict[str, str]:
        return read_outputs(self.output_file)

    def args(self, command: str) -> list[str] | None:
        path = self.log_dir / f"{command}.args"
        return path.read_text(encoding="utf-8").splitlines() if path.exists() else None


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    return Harness(tmp_path)


@pytest.mark.parametrize(
    ("code", "writes_feed"),
    [(0, True), (1, True), (3, False), (3, True)],
    ids=["ok", "flagged", "operational-failure", "operational-failure-partial-feed"],
)
def test_run_script_records_outputs_and_exit_code(
    harness: Harness, code: int, writes_feed: bool
) -> None:
    harness.run(STUB_EXIT=str(code), STUB_WRITE_FEED="1" if writes_feed else "0")
    outputs = harness.outputs
    assert outputs["exit-code"] == str(code)
    feed = harness.out_dir / "feed.json"
    report = harness.out_dir / "report.md"
    summary = harness.summary_file.read_text(encoding="utf-8")
    if writes_feed:
        assert outputs["feed"] == str(feed)
        assert json.loads(feed.read_text(encoding="utf-8")) == json.loads(STUB_FEED)
        assert outputs["report"] == str(report)
        assert report.read_text(encoding="utf-8") == STUB_REPORT
        assert STUB_REPORT in summary
        assert harness.args("render") == [
            "render", str(feed), "--format", "markdown", "--output", str(report)
        ]
    else:
        assert outputs["feed"] == ""
        assert outputs["report"] == ""
        assert summary == ""
        assert harness.args("render") is None


@pytest.mark.parametrize("code", [0, 1, 2, 3])
def test_action_final_step_propagates_exit_code(code: int) -> None:
    """The action's last step fails the job on any non-zero audit code (3 even with never)."""
    step = action_step("Check the audit result")
    assert "always()" in step["if"]
    env = {**os.environ, "AUDIT_EXIT_CODE": str(code)}
    result = run([bash(), "-c", step["run"]], env=env)
    assert result.returncode == code
    if code:
        assert result.stdout.startswith("::error")


def test_run_script_passes_organizations_models_and_options(harness: Harness) -> None:
    harness.run(
        AUDIT_ORGANIZATIONS="  acme-ai\n\tbeta.labs  \r\nGamma_AI\n",
        AUDIT_MODELS="acme-ai/open-7b other/Model.v2\n",
        AUDIT_FAIL_ON="warning",
        AUDIT_ENDPOINT="http://127.0.0.1:8765",
        STUB_EXIT="1",
    )
    feed = str(harness.out_dir / "feed.json")
    assert harness.args("audit") == [
        "audit", "acme-ai", "beta.labs", "Gamma_AI",
        "--model", "acme-ai/open-7b", "--model", "other/Model.v2",
        "--format", "json", "--output", feed, "--fail-on", "warning",
        "--endpoint", "http://127.0.0.1:8765",
    ]  # fmt: skip
    assert harness.outputs["exit-code"] == "1"


def test_run_script_passes_derivatives_and_search_inputs(harness: Harness) -> None:
    harness.run(
        AUDIT_ORGANIZATIONS="",
        AUDIT_DERIVATIVES_OF="meta-llama/Llama-3.1-8B\n google/gemma-2-9b ",
        AUDIT_SEARCH="llama",
        AUDIT_FILTER="text-generation  license:llama3.1\nbase_model:finetune:meta-llama/Llama-3.1-8B",
        AUDIT_SORT="downloads",
        AUDIT_LIMIT="1000",
    )
    feed = str(harness.out_dir / "feed.json")
    assert harness.args("audit") == [
        "audit",
        "--derivatives-of", "meta-llama/Llama-3.1-8B", "--derivatives-of", "google/gemma-2-9b",
        "--search", "llama",
        "--filter", "text-generation", "--filter", "license:llama3.1",
        "--filter", "base_model:finetune:meta-llama/Llama-3.1-8B",
        "--sort", "downloads", "--limit", "1000",
        "--format", "json", "--output", feed, "--fail-on", "error",
    ]  # fmt: skip


@pytest.mark.parametrize("overrides", [{"AUDIT_SEARCH": "x"}, {"AUDIT_FILTER": "license:mit"}, {"AUDIT_LIMIT": "10"},
                                       {"AUDIT_DERIVATIVES_OF": "a/b"}], ids=lambda o: next(iter(o)))
def test_run_script_accepts_a_search_or_derivatives_alone(harness: Harness, overrides: dict[str, str]) -> None:
    harness.run(AUDIT_ORGANIZATIONS="", **overrides)
    assert harness.args("audit") is not None
@pytest.mark.parametrize(("value", "passed"), [("true", True), ("false", False), ("", False)])
def test_run_script_includes_private_models_only_when_asked(harness: Harness, value: str, passed: bool) -> None:
    """An organization's scheduled run never publishes its private models unless include-private says so."""
    harness.run(AUDIT_ORGANIZATIONS="acme-ai", AUDIT_INCLUDE_PRIVATE=value)
    args = harness.args("audit")
    assert args is not None
    assert ("--include-private" in args) is passed


def test_run_script_models_only_and_no_endpoint(harness: Harness) -> None:
    harness.run(AUDIT_ORGANIZATIONS="", AUDIT_MODELS="acme-ai/x")
    args = harness.args("audit")
    assert args is not None
    assert args[:3] == ["audit", "--model", "acme-ai/x"]
    assert "--endpoint" not in args


@pytest.mark.parametrize(
    "overrides",
    [
        {"AUDIT_ORGANIZATIONS": "", "AUDIT_MODELS": ""},
        {"AUDIT_ORGANIZATIONS": " \n\t "},
        {"AUDIT_FAIL_ON": "sometimes"},
        {"AUDIT_ORGANIZATIONS": "--token=stolen"},
        {"AUDIT_ORGANIZATIONS": "acme-ai $(touch pwned)"},
        {"AUDIT_ORGANIZATIONS": "acme-ai;id"},
        {"AUDIT_MODELS": "no-slash"},
        {"AUDIT_MODELS": "a/b/c"},
        {"AUDIT_ENDPOINT": "ftp://example.org"},
        {"AUDIT_ENDPOINT": "http://host\n::error::x"},
        {"AUDIT_OUTPUT_DIR": "/tmp/a\nfeed=/etc/passwd"},
        {"AUDIT_DERIVATIVES_OF": "no-slash"},
        {"AUDIT_DERIVATIVES_OF": "--depth=9/x"},
        {"AUDIT_SEARCH": "two words"},
        {"AUDIT_SEARCH": "-x"},
        {"AUDIT_FILTER": "license:mit $(touch pwned)"},
        {"AUDIT_FILTER": "--token=stolen"},
        {"AUDIT_SORT": "stars"},
        {"AUDIT_LIMIT": "0"},
        {"AUDIT_LIMIT": "10;id"},
        {"AUDIT_INCLUDE_PRIVATE": "yes"},
    ],
    ids=lambda o: repr(o)[:40],
)
def test_run_script_rejects_bad_inputs_as_usage_error(
    harness: Harness, overrides: dict[str, str]
) -> None:
    result = harness.run(**overrides)
    assert harness.outputs == {"feed": "", "report": "", "exit-code": "2"}
    assert harness.args("audit") is None, "the CLI must not run on bad inputs"
    assert "::error" in result.stdout
    assert not (harness.tmp / "pwned").exists()
    # Workflow-command data is escaped: an input cannot start a command line of its own.
    for line in result.stdout.splitlines():
        if line.startswith("::"):
            assert line.startswith("::error title=HF license audit::"), line


def test_run_script_missing_cli_is_operational_failure(harness: Harness) -> None:
    path = os.pathsep.join(p for p in ("/usr/bin", "/bin") if Path(p).is_dir())
    if shutil.which("hf-license-audit", path=path):
        pytest.skip("hf-license-audit is installed system-wide")
    harness.run(PATH=path)
    assert harness.outputs == {"feed": "", "report": "", "exit-code": "3"}


def test_run_script_uses_bin_dir(harness: Harness) -> None:
    path = os.pathsep.join(p for p in ("/usr/bin", "/bin") if Path(p).is_dir())
    harness.run(PATH=path, AUDIT_BIN_DIR=str(harness.stub_dir))
    assert harness.outputs["exit-code"] == "0"
    assert harness.args("audit") is not None


def test_run_script_success_without_feed_is_operational_failure(harness: Harness) -> None:
    result = harness.run(STUB_EXIT="0", STUB_WRITE_FEED="0")
    assert harness.outputs == {"feed": "", "report": "", "exit-code": "3"}
    assert "wrote no feed" in result.stdout


def test_run_script_removes_a_stale_feed(harness: Harness) -> None:
    harness.out_dir.mkdir()
    (harness.out_dir / "feed.json").write_text('{"stale": true}', encoding="utf-8")
    (harness.out_dir / "report.md").write_text("stale", encoding="utf-8")
    harness.run(STUB_EXIT="3", STUB_WRITE_FEED="0")
    assert harness.outputs["feed"] == ""
    assert not (harness.out_dir / "feed.json").exists()
    assert not (harness.out_dir / "report.md").exists()


def test_run_script_stops_workflow_commands_from_the_cli(harness: Harness) -> None:
    result = harness.run()
    lines = result.stdout.splitlines()
    injected = lines.index("::error::text from a model card")
    start = [i for i, line in enumerate(lines[:injected]) if line.startswith("::stop-commands::")]
    assert start, result.stdout
    token = lines[start[-1]].removeprefix("::stop-commands::")
    assert len(token) >= 16
    assert f"::{token}::" in lines[injected + 1 :]


def test_run_script_render_failure_keeps_feed_and_code(harness: Harness) -> None:
    result = harness.run(STUB_EXIT="1", STUB_RENDER_EXIT="5")
    outputs = harness.outputs
    assert outputs["exit-code"] == "1"
    assert outputs["feed"] == str(harness.out_dir / "feed.json")
    assert outputs["report"] == ""
    assert harness.summary_file.read_text(encoding="utf-8") == ""
    assert "::warning" in result.stdout


def test_run_script_truncates_a_huge_summary(harness: Harness) -> None:
    big = "".join(f"| acme-ai/model-{i} | license |\n" for i in range(200))
    harness.run(STUB_REPORT=big, AUDIT_SUMMARY_LIMIT_BYTES="1000")
    summary = harness.summary_file.read_text(encoding="utf-8")
    assert "Report truncated" in summary
    assert len(summary.encode()) < 1000 + 400
    body = summary.split("\n\n> **Report truncated**")[0].strip("\n")
    assert all(line.endswith("|") for line in body.splitlines()), "cut at a line boundary"
    # The report file itself is complete.
    assert (harness.out_dir / "report.md").read_text(encoding="utf-8") == big


def test_run_script_default_output_dir_and_no_summary_file(harness: Harness) -> None:
    harness.run(AUDIT_OUTPUT_DIR="", GITHUB_STEP_SUMMARY=None)
    expected = harness.runner_temp / "hf-license-audit" / "feed.json"
    assert harness.outputs["feed"] == str(expected)
    assert expected.exists()


def test_run_script_does_not_expand_globs(harness: Harness) -> None:
    (harness.tmp / "acme-ai-x").touch()
    harness.run(AUDIT_ORGANIZATIONS="acme-ai*")
    # '*' is not a valid name character: refused rather than expanded to file names.
    assert harness.outputs["exit-code"] == "2"


# -------------------------------------------------------------------------------------------
# the action's install step: which requirement `version` turns into

STUB_PYTHON = r"""#!/usr/bin/env bash
# Stub Python: `-m venv DIR` makes DIR/bin/python (this stub), `-m pip install ... REQ` records
# REQ, `-c CODE` prints a scripts directory.
if [[ "$1 $2" == "-m venv" ]]; then
  mkdir -p "$3/bin" && cp "$0" "$3/bin/python" && exit 0
fi
if [[ "$1 $2 $3" == "-m pip install" ]]; then
  printf '%s\n' "${@: -1}" >"$STUB_LOG_DIR/requirement"
  exit 0
fi
if [[ "$1" == "-c" ]]; then
  echo "$(dirname "$0")"
  exit 0
fi
exit 9
"""


@pytest.mark.parametrize(
    ("version", "requirement"),
    [
        ("", "{action_path}"),
        ("1.2.0", "hf-license-auditor==1.2.0"),
        ("==1.2.0", "hf-license-auditor==1.2.0"),
        (">=1.2,<2", "hf-license-auditor>=1.2,<2"),
        ("~=1.2", "hf-license-auditor~=1.2"),
        ("hf-license-auditor @ git+https://example.org/x.git", "hf-license-auditor @ git+https://example.org/x.git"),
        ("--index-url=https://evil.example", None),
    ],
)  # fmt: skip
def test_action_install_step_requirement(
    tmp_path: Path, version: str, requirement: str | None
) -> None:
    step = action_step("Install hf-license-auditor")
    log_dir = tmp_path / "log"
    log_dir.mkdir()
    (tmp_path / "temp").mkdir()
    python = write_executable(tmp_path / "python", STUB_PYTHON)
    output = tmp_path / "github_output"
    env = {
        **os.environ,
        "AUDIT_PYTHON": str(python),
        "AUDIT_VERSION": version,
        "GITHUB_ACTION_PATH": str(ROOT),
        "RUNNER_TEMP": str(tmp_path / "temp"),
        "GITHUB_OUTPUT": str(output),
        "STUB_LOG_DIR": str(log_dir),
    }
    result = run([bash(), "-c", step["run"]], env=env)
    if requirement is None:
        assert result.returncode != 0
        assert not (log_dir / "requirement").exists()
        return
    assert result.returncode == 0, result.stdout + result.stderr
    recorded = (log_dir / "requirement").read_text(encoding="utf-8").strip()
    assert recorded == requirement.format(action_path=ROOT)
    bin_dir = read_outputs(output)["bin-dir"]
    assert Path(bin_dir).parent.name.startswith("hf-license-audit-venv.")
