"""The naive license crawl a user would write with huggingface_hub: list, then download files one by one.

Usage:  python -m benchmarks.naive_audit ENDPOINT ORG     (prints a JSON summary)

`list_models(author=ORG, full=True, cardData=True)`, then for every model, sequentially, `hf_hub_download`
of README.md and of each root LICENSE/LICENCE/COPYING-like file in its siblings (errors caught per file),
reading the text. No classification: this is the baseline for the crawl benchmark (benchmarks/crawl_bench.py).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

# huggingface_hub reads these at import time: no telemetry, no Xet, a throwaway cache (so no stored token).
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ["HF_HUB_DISABLE_XET"] = "1"
os.environ.setdefault("HF_HOME", tempfile.mkdtemp(prefix="naive-audit-hf-home-"))

from huggingface_hub import HfApi, hf_hub_download  # noqa: E402

LICENSE_PREFIXES = ("license", "licence", "copying")


def license_like(files: list[str]) -> list[str]:
    """Root files whose name starts like a license file (LICENSE, LICENSE.md, LICENCE.txt, COPYING, ...)."""
    return [f for f in files if "/" not in f and f.lower().startswith(LICENSE_PREFIXES)]


def run(endpoint: str, org: str) -> dict:
    """Crawl `org` on `endpoint` the naive way; returns counts of models seen and files read."""
    api = HfApi(endpoint=endpoint, token=False)
    seen = files_read = errors = size = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="naive-audit-cache-") as cache:
        for model in api.list_models(author=org, full=True, cardData=True):
            seen += 1
            siblings = [s.rfilename for s in (model.siblings or [])]
            for filename in ["README.md", *license_like(siblings)]:
                try:
                    path = hf_hub_download(model.id, filename, endpoint=endpoint, token=False, cache_dir=cache)
                    with open(path, encoding="utf-8", errors="replace") as handle:
                        size += len(handle.read())
                    files_read += 1
                except Exception:  # noqa: BLE001 - a naive script just skips what it cannot read
                    errors += 1
    return {"models": seen, "files_read": files_read, "file_errors": errors, "chars": size,
            "seconds": round(time.perf_counter() - started, 3)}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    print(json.dumps(run(argv[0], argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
