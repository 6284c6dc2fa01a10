"""The README stays true: its set-up commands are what CI runs, and every CLI option is documented."""

from __future__ import annotations

import re

import pytest
import typer.main

from auditor.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def bash_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", text, re.S)]


def test_readme_test_command_is_exactly_what_ci_runs():
    """CI must call the README's test command, so a newcomer's command is the one that is proven."""
    test_command = bash_blocks(README.split("## Set-up: two commands")[1])[1]
    assert "pytest" in test_command
    assert test_command in CI_RUN.splitlines()


def test_readme_install_command_installs_and_runs_an_audit():
    """The first set-up command installs the tool and runs the main job."""
    install = bash_blocks(README.split("## Set-up: two commands")[1])[0]
    assert install.startswith("pip install .") and "hf-license-audit audit" in install


def test_readme_offline_demo_uses_the_bundled_fake_hub_and_fixture_orgs():
    """The offline command names orgs that exist in fixtures/hub."""
    demo = next(b for b in bash_blocks(README) if b.startswith("python -m tests.fakehub"))
    orgs = demo.split(" audit ", 1)[1].split()
    assert orgs and all((ROOT / "fixtures" / "hub" / "models" / org).is_dir() for org in orgs)


COMMAND = typer.main.get_command(app)
OPTIONS = sorted(
    {opt for sub in COMMAND.commands.values() for param in sub.params for opt in param.opts if opt.startswith("--")}
)


@pytest.mark.parametrize("option", OPTIONS)
def test_every_cli_option_is_documented_in_the_readme(option):
    """A user finds every option in the README."""
    assert f"`{option}`" in README


@pytest.mark.parametrize("code", [0, 1, 2, 3])
def test_every_exit_code_is_documented(code):
    """Exit codes are part of the interface scripts rely on."""
    assert re.search(rf"^\| {code} \|", README, re.M)
