"""The tune/held-out split of the shared real cards: by uploader, fixed, so nobody tunes on the held-out part.

A card's uploader is the part of its folder name before `__` (`meta-llama__Llama-2-7b-hf` → `meta-llama`).
An uploader is held out when the SHA-256 of its lower-cased name, read as a number, is 0 mod 4: about a
quarter of the uploaders of both corpora (`cards/` and `cards-train/`), all of their cards together, so
boilerplate repeated across one uploader's cards never leaks from the tuned part into the held-out part.
Rules and patterns may be tuned on `tune` cards only; `held-out` figures are the ones to quote.
"""

from __future__ import annotations

import hashlib
import sys

TUNE, HELD_OUT = "tune", "held-out"


def uploader(folder_name: str) -> str:
    """The uploader of a card folder `<uploader>__<name>`."""
    return folder_name.split("__", 1)[0].lower()


def part(folder_name: str) -> str:
    """`tune` or `held-out` for a card folder name."""
    digest = hashlib.sha256(uploader(folder_name).encode("utf-8")).hexdigest()
    return HELD_OUT if int(digest, 16) % 4 == 0 else TUNE


if __name__ == "__main__":  # python -m benchmarks.split DIR...: how the folders fall
    from collections import Counter
    from pathlib import Path

    for folder in sys.argv[1:]:
        names = [p.name for p in Path(folder).iterdir() if p.is_dir()]
        print(folder, dict(Counter(part(n) for n in names)))
