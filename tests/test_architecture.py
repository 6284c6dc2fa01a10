"""The package's layout is its pipeline: stage folders, imports that only go down the pipeline, docstrings."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import auditor

PACKAGE = Path(auditor.__file__).resolve().parent

#: The modules at the top of the package: shared by every stage (`__main__` is the CLI's).
SHARED = {"__init__", "__main__", "models", "errors", "repoids", "sanitize"}

#: Stage -> the stages (and shared) its modules may import. `shared` is the top-level modules but `__main__`.
MAY_IMPORT = {
    "shared": {"shared"},
    "hub": {"shared", "hub"},
    "engine": {"shared", "engine"},
    "cards": {"shared", "engine", "cards"},
    # judge reads the crawl's file-name knowledge (README.md, the primary license-file names, the size cap):
    # allowed for hub.crawl only, never the client.
    "judge": {"shared", "engine", "cards", "judge", "hub.crawl"},
    "pipeline": {"shared", "hub", "engine", "cards", "judge", "render", "pipeline"},
    "render": {"shared", "render"},
    "cli": {"shared", "hub", "engine", "cards", "judge", "render", "pipeline", "cli"},
}

#: Known exceptions to MAY_IMPORT, each with why (a debt to pay, not a licence to add more).
EXCEPTIONS = {
    # the dashboard diffs the latest feed against the previous one when the feed has no `changes`
    # (a comparison of two feeds' entries, no verdict is re-derived)
    ("render.html", "judge.baseline"),
    # the feed's `license.key` is a catalog key or null: the renderer asks the catalog which keys exist
    ("render.json", "engine.catalog"),
}


def modules() -> list[str]:
    """Every module of the package, as a dotted name relative to `auditor` ('cli.audit', 'hub.client', 'render.__init__')."""
    return sorted(".".join(p.relative_to(PACKAGE).with_suffix("").parts) for p in PACKAGE.rglob("*.py")
                  if "__pycache__" not in p.parts)


def source(name: str) -> Path:
    return PACKAGE.joinpath(*name.split(".")).with_suffix(".py")


def stage(name: str) -> str:
    """The stage of a module (relative dotted name): its folder (`cli/` and `__main__` are the cli), else shared."""
    name = name.removesuffix(".__init__")
    if name == "__main__":
        return "cli"
    head = name.split(".")[0]
    return head if head in MAY_IMPORT and head != "shared" else "shared"


def imported(name: str) -> set[str]:
    """The package modules `name` imports anywhere (function-local imports too), relative to `auditor`."""
    tree = ast.parse(source(name).read_text(encoding="utf-8"))
    package = name.rsplit(".", 1)[0] if "." in name else ""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                parts = package.split(".") if package else []
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(["auditor", *parts, *([base] if base else [])])
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for target in targets:
            if target == "auditor" or target.startswith("auditor."):
                rel = target.removeprefix("auditor").removeprefix(".")
                if not rel:
                    found.add("__init__")
                elif source(rel).exists() or source(rel + ".__init__").exists():
                    found.add(rel)
    return found


def allowed(importer: str, target: str) -> bool:
    own = MAY_IMPORT[stage(importer)]
    target = target.removesuffix(".__init__")
    return stage(target) in own or target in own or (importer, target) in EXCEPTIONS


@pytest.mark.parametrize("name", modules())
def test_imports_only_go_down_the_pipeline(name):
    """A stage imports only the stages before it: the Hub no card or engine code, renderers no verdict-deciding stage."""
    wrong = sorted(t for t in imported(name) if not allowed(name, t))
    assert not wrong, (f"auditor.{name} ({stage(name)} stage) imports {wrong}; "
                       f"it may import {sorted(MAY_IMPORT[stage(name)])} (docs/ARCHITECTURE.md)")


def test_the_top_of_the_package_holds_only_the_shared_modules():
    """A new module goes in the folder of its stage, not at the top (docs/ARCHITECTURE.md says which)."""
    flat = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in SHARED)
    assert not flat, f"modules at the top of auditor/ that belong in a stage folder: {flat} (see docs/ARCHITECTURE.md)"


def test_every_stage_has_its_folder():
    """The stage folders the rules name exist as packages."""
    missing = [s for s in MAY_IMPORT if s != "shared" and not (PACKAGE / s / "__init__.py").is_file()]
    assert not missing


@pytest.mark.parametrize("name", modules())
def test_every_module_says_its_concern_in_a_one_line_docstring(name):
    """One concern per module, said on its docstring's first line."""
    doc = ast.get_docstring(ast.parse(source(name).read_text(encoding="utf-8")))
    assert doc and doc.splitlines()[0].strip(), f"auditor.{name} has no docstring"


@pytest.mark.parametrize("name", [m for m in modules() if m != "__main__"])
def test_every_module_imports(name):
    """Each module imports (the rules above read every module the package ships)."""
    importlib.import_module("auditor" + ("" if name == "__init__" else "." + name.removesuffix(".__init__")))


#: What only the command line may touch: the process's arguments, its environment and its exit code.
_PROCESS = {("sys", "argv"), ("os", "environ"), ("os", "getenv"), ("os", "putenv"), ("sys", "exit"), ("typer", "Exit")}


def _process_uses(tree: ast.AST) -> list[str]:
    """`sys.argv`, `os.environ`, `sys.exit(…)`, `raise SystemExit`, and the same names imported from their modules."""
    found = [f"{n.value.id}.{n.attr}" for n in ast.walk(tree) if isinstance(n, ast.Attribute)
             and isinstance(n.value, ast.Name) and (n.value.id, n.attr) in _PROCESS]
    found += [f"{n.module}.{a.name}" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
              for a in n.names if (n.module, a.name) in _PROCESS]
    found += ["SystemExit" for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "SystemExit"]
    return sorted(set(found))


@pytest.mark.parametrize("name", [m for m in modules() if stage(m) != "cli"])
def test_only_the_command_line_reads_argv_and_the_environment_or_sets_the_exit_code(name):
    """Every other stage gets its inputs as arguments and reports failure as data or exceptions (docs/ARCHITECTURE.md)."""
    uses = _process_uses(ast.parse(source(name).read_text(encoding="utf-8")))
    assert not uses, f"auditor.{name} touches {uses}; only auditor/cli/ may"


def test_the_process_check_sees_each_way_of_touching_the_process():
    """The rule above can fail: each spelling it forbids is found."""
    code = ("import os, sys\nfrom os import environ\nx = sys.argv\ny = os.environ.get('A')\nos.getenv('B')\n"
            "sys.exit(2)\nraise SystemExit(1)\n")
    assert _process_uses(ast.parse(code)) == ["SystemExit", "os.environ", "os.getenv", "sys.argv", "sys.exit"]
