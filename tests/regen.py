"""Regenerate the example reports under fixtures/ from the fake Hub (run on purpose, review the diff).

    python -m tests.regen
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

ROOT = Path(__file__).resolve().parent.parent
ORGS = ("acme-ai", "openwash-labs", "northwind-research", "kestrel-labs", "meta-llama", "bitshrink", "hearth-ai", "hearth-community",
        "quantco")
FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
ENDPOINT_LABEL = "http://127.0.0.1 (bundled fake Hub)"


def build() -> dict[str, str]:
    """The example feed, Markdown report and HTML dashboard of the whole fixture Hub (fixed clock and endpoint label)."""
    from auditor.pipeline.audit import run
    from auditor.hub.client import Hub, RetryPolicy
    from auditor.render import Format, render
    from auditor.render.json import to_feed
    from tests.fakehub import FakeHub

    with FakeHub(ROOT / "fixtures" / "hub", page_size=1000) as fake:
        report = run(Hub(fake.url, retry=RetryPolicy(max_wait=0, sleep=lambda _: None)), ORGS, now=FIXED_TIME)
    feed = to_feed(report)
    feed["endpoint"] = ENDPOINT_LABEL
    return {"example-feed.json": render(feed, Format.JSON), "example-report.md": render(feed, Format.MARKDOWN),
            "example-dashboard.html": render(feed, Format.HTML)}


def main() -> None:
    for name, text in build().items():
        (ROOT / "fixtures" / name).write_text(text, encoding="utf-8")
        print(f"wrote fixtures/{name}")


if __name__ == "__main__":
    main()
