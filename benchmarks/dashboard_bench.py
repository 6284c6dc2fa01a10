"""Dashboard at scale: size of the HTML for a synthetic feed, and its load and filter times in headless Chromium.

    python -m benchmarks.dashboard_bench [--models 20000] [--runs 5] [--keep DIR]

The feed repeats the 55 fixture models of fixtures/example-feed.json under new ids across 40 organizations
(each claim and evidence quote made unique, so the page cannot profit from more repetition than real feeds
have). Chromium is the system's (Debian's chromium and chromium-driver, as for the browser tests), driven by
Selenium from the test extra. Reported: render time in Python, file size, then medians over --runs fresh
page loads of first contentful paint and DOMContentLoaded (the script-drawn table is ready by then), and
medians of filter → next frame for the flagged filter, a class filter, an organization filter and a search.
Goals (issue 12): first render under 2 s, a filter under 200 ms.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.render import Format, render  # noqa: E402
from auditor.render.json import summarize  # noqa: E402
from tests import browser  # noqa: E402

FILTER_JS = """
const [id, value, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const el = document.getElementById(id);
const t0 = performance.now();
el.value = value;
el.dispatchEvent(new Event(id === "f-search" ? "input" : "change"));
requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
"""
TIMING_JS = """
const nav = performance.getEntriesByType("navigation")[0];
const paint = performance.getEntriesByType("paint").find(p => p.name === "first-contentful-paint");
return {fcp: paint ? paint.startTime : null, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
        rows: document.querySelectorAll("#model-rows tr").length};
"""


def synthetic_feed(n: int) -> dict:
    example = json.loads((ROOT / "fixtures" / "example-feed.json").read_text(encoding="utf-8"))
    models = []
    for i in range(n):
        m = copy.deepcopy(example["models"][i % len(example["models"])])
        name = m["id"].split("/")[1]
        m["id"] = f"org-{i % 40:02d}/{name}-{i:05d}"
        m["sha"] = hashlib.sha1(str(i).encode()).hexdigest()
        for claim in m["claims"]:
            claim["quote"] += f" (release {i})"
        for finding in m["findings"]:
            for ev in finding["evidence"]:
                ev["quote"] += f" [{i}]"
        models.append(m)
    models.sort(key=lambda m: m["id"])
    targets = [{"kind": "organization", "name": f"org-{k:02d}", "models": n // 40, "error": None} for k in range(40)]
    return {**{k: example[k] for k in ("schema_version", "tool_version", "rules_version", "spdx_list_version",
                                        "generated_at", "endpoint")},
            "endpoint": "https://huggingface.co", "targets": targets, "summary": summarize(models), "models": models}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the feed and the dashboard into this directory")
    args = parser.parse_args()

    feed = synthetic_feed(args.models)
    feed_bytes = len(render(feed, Format.JSON).encode("utf-8"))
    renders = []
    for _ in range(3):
        t0 = time.perf_counter()
        page = render(feed, Format.HTML)
        renders.append(time.perf_counter() - t0)
    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "dashboard.html"
    path.write_text(page, encoding="utf-8")
    size = path.stat().st_size
    print(f"models: {args.models} ({feed['summary']['flagged']} flagged); feed {feed_bytes / 1e6:.1f} MB")
    print(f"dashboard: {size / 1e6:.2f} MB, rendered in {min(renders):.2f} s (best of 3)")

    try:
        driver = browser.start()
    except browser.BrowserUnavailable as exc:
        sys.exit(f"no browser: {exc}")
    try:
        driver.set_script_timeout(30)
        loads = []
        for _ in range(args.runs):
            driver.get("about:blank")
            driver.get(path.resolve().as_uri())
            loads.append(driver.execute_script(TIMING_JS))
        errors = browser.console_errors(driver)
        data = driver.execute_script("return JSON.parse(document.getElementById('audit-data').textContent)")
        filters = {
            "flagged": ("f-flagged", "flagged"),
            "class custom-restricted": ("f-class", str(data["classes"].index("custom-restricted"))),
            "organization org-07": ("f-org", str(data["orgs"].index("org-07"))),
            "search 'llama'": ("f-search", "llama"),
        }
        timings: dict[str, list[float]] = {name: [] for name in filters}
        for _ in range(args.runs):
            for name, (element, value) in filters.items():
                timings[name].append(driver.execute_async_script(FILTER_JS, element, value))
                driver.execute_async_script(FILTER_JS, element, "")  # reset
    finally:
        driver.quit()
    med = lambda key: statistics.median(x[key] for x in loads)  # noqa: E731
    print(f"load in headless Chromium, median of {args.runs}: first contentful paint {med('fcp'):.0f} ms, "
          f"DOMContentLoaded (table drawn) {med('dcl'):.0f} ms, load {med('load'):.0f} ms; "
          f"{loads[0]['rows']} rows drawn; console errors: {len(errors)}")
    for name, values in timings.items():
        print(f"filter {name}: median {statistics.median(values):.0f} ms (best {min(values):.0f}) to the next frame")
    print(f"files in {out_dir}")


if __name__ == "__main__":
    main()
