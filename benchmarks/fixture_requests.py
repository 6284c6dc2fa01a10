"""Benchmark: Hub requests per audited model and wall time, auditing the bundled fixture Hub.

Run from the repo root:  python -m benchmarks.fixture_requests
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.pipeline.audit import run  # noqa: E402
from auditor.hub.client import Hub, RetryPolicy  # noqa: E402
from tests.fakehub import FakeHub  # noqa: E402

ORGS = ("acme-ai", "openwash-labs", "northwind-research", "kestrel-labs", "meta-llama", "bitshrink", "hearth-ai",
        "hearth-community", "quantco")


def main() -> None:
    with FakeHub(ROOT / "fixtures" / "hub", page_size=3) as fake:
        for label, page_size in (("page size 3 (as in the tests)", 3), ("page size 1000 (as on the Hub)", 1000)):
            fake.page_size = page_size
            fake.reset()
            hub = Hub(fake.url, retry=RetryPolicy(max_wait=0))
            started = time.perf_counter()
            report = run(hub, ORGS)
            wall = time.perf_counter() - started
            n = len(report.results)
            api, files = fake.count("api"), fake.count("resolve")
            print(f"{label}: {n} models, {api} API + {files} file requests = {(api + files) / n:.2f} requests/model "
                  f"({files / n:.2f} file reads/model incl. {hub.stats.retries} retries of injected faults); "
                  f"wall {wall:.2f} s")


if __name__ == "__main__":
    main()
