"""Hub requests per model for a derivatives sweep: a restrictive base and N synthetic children (10% of them
children of another child, so the sweep has two levels), audited with `--derivatives-of BASE --depth 2`.

Usage:  python -m benchmarks.derivatives_bench [--children 1000] [--page-size 100 1000] [--seed 0]

Prints, per fake-Hub page size: models audited, listing pages, model-info calls, file reads, and requests
per model. No timing: the figure is a count, the same on any machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

from auditor.pipeline import derivatives  # noqa: E402
from auditor.pipeline.audit import run  # noqa: E402
from auditor.pipeline.derivatives import DerivativeSpec  # noqa: E402
from auditor.hub.client import Hub, RetryPolicy  # noqa: E402
from benchmarks.synth import _license_text, generate  # noqa: E402
from tests.fakehub import FakeHub  # noqa: E402

BASE_ORG, BASE_NAME = "bench-base", "restrictive-8b"


def write_base(root: Path) -> str:
    """The base: a Llama 2 licensed model (card id and LICENSE file), as a well-known restrictive root."""
    folder = root / "models" / BASE_ORG / BASE_NAME
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.md").write_text("---\nlicense: llama2\npipeline_tag: text-generation\n---\n\n# Restrictive 8B\n\n"
                                      "Use is governed by the Llama 2 Community License.\n", encoding="utf-8")
    (folder / "LICENSE").write_text(_license_text("llama-2-license-2023"), encoding="utf-8")
    return f"{BASE_ORG}/{BASE_NAME}"


def measure(root: Path, base: str, page_size: int) -> dict[str, int]:
    with FakeHub(root, page_size=page_size) as fake:
        hub = Hub(fake.url, retry=RetryPolicy(max_wait=0, sleep=lambda _: None))
        report = run(hub, derivatives=[DerivativeSpec(base, "any", 2)], workers=8)
        kinds = Counter("listing" if r.path == "/api/models" else "info" if r.path.startswith("/api/") else
                        "file" if "/resolve/" in r.path else "other" for r in fake.requests)
    models = len(report.results)
    return {"models": models, "derivatives": len(report.derivatives[0].members), **kinds,
            "total": sum(kinds.values()), "per_model": round(sum(kinds.values()) / max(models, 1), 3),
            "api_per_model": round((kinds["listing"] + kinds["info"]) / max(models, 1), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.derivatives_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--children", type=int, default=1000, help="synthetic derivatives (default: 1000)")
    parser.add_argument("--page-size", type=int, nargs="+", default=[100, 1000], help="fake-Hub listing page sizes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--ignore-children-count", action="store_true",
                        help="for comparison: list every model's children, as if the Hub gave no childrenModelCount")
    args = parser.parse_args(argv)
    if args.ignore_children_count:
        derivatives._may_have_children = lambda children, relation: True
    with tempfile.TemporaryDirectory(prefix="derivatives-bench-") as tmp:
        root = Path(tmp)
        base = write_base(root)
        generate(root, "bench-children", args.children, args.seed, base=base)
        for size in args.page_size:
            m = measure(root, base, size)
            print(f"page size {size}: {m['models']} models ({m['derivatives']} derivatives), "
                  f"{m.get('listing', 0)} listing pages, {m.get('info', 0)} model-info calls, {m.get('file', 0)} file "
                  f"reads: {m['total']} requests, {m['per_model']} per model ({m['api_per_model']} API calls per model)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
