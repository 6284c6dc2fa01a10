"""Check benchmarks/claims/claims.jsonl: format, labels, per-category minimums, and no prose copied from real cards.

    python benchmarks/claims/check_claims.py [--corpus /work/shared/corpus/cards]

Exit status 1 on any error. With --corpus (or when the default corpus folder exists), every snippet is also
compared with the real model cards: a shared run of 8 words (or 16 CJK characters) is reported as a warning,
so a human can confirm that the overlap is a name, a title or a stock phrase and not copied prose.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = Path("/work/shared/corpus/cards")
KEYS = ["id", "category", "label", "text", "note"]
LABELS = {"claim", "none", "honest"}
#: category -> (label every row of it must carry, minimum number of rows)
CATEGORIES = {
    "plain": ("claim", 10), "hyphen": ("claim", 6), "verb": ("claim", 6), "heading": ("claim", 5),
    "emphasis": ("claim", 4), "html": ("claim", 5), "table": ("claim", 3), "group": ("claim", 5),
    "zh": ("claim", 8), "fr": ("claim", 4), "es": ("claim", 4), "de": ("claim", 4), "ja": ("claim", 4),
    "ko": ("claim", 4), "mixed": ("claim", 4),
    "negation": ("none", 10), "other-thing": ("none", 14), "url": ("none", 6), "code": ("none", 6),
    "citation": ("none", 5), "license-name": ("none", 4), "other-model": ("none", 6), "yaml-like": ("none", 4),
    "future": ("none", 4),
    "honest": ("honest", 20),
}
LABEL_MINIMUMS = {"claim": 80, "none": 70, "honest": 20}
TOTAL_MINIMUM = 170
MAX_LINES = 8


def load(path: Path) -> tuple[list[dict], list[str]]:
    rows, errors = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}: not valid JSON ({exc})")
            continue
        if not isinstance(row, dict) or list(row) != KEYS:
            errors.append(f"line {number}: keys must be exactly {KEYS} in that order, got {list(row) if isinstance(row, dict) else type(row).__name__}")
            continue
        row["_line"] = number
        rows.append(row)
    return rows, errors


def check(rows: list[dict]) -> list[str]:
    errors = []
    ids = Counter(row["id"] for row in rows)
    errors += [f"duplicate id {key} ({n}x)" for key, n in ids.items() if n > 1]
    texts = Counter(row["text"] for row in rows)
    errors += [f"duplicate text: {key[:60]!r}" for key, n in texts.items() if n > 1]
    for row in rows:
        where = f"line {row['_line']} ({row['id']})"
        if not all(isinstance(row[key], str) for key in KEYS):
            errors.append(f"{where}: every field must be a string")
            continue
        if not re.fullmatch(r"c\d{3,}", row["id"]):
            errors.append(f"{where}: id must look like c001")
        if row["label"] not in LABELS:
            errors.append(f"{where}: label {row['label']!r} not in {sorted(LABELS)}")
        if row["category"] not in CATEGORIES:
            errors.append(f"{where}: unknown category {row['category']!r}")
        elif row["label"] != CATEGORIES[row["category"]][0]:
            errors.append(f"{where}: category {row['category']} takes label {CATEGORIES[row['category']][0]}, got {row['label']}")
        if not row["text"].strip():
            errors.append(f"{where}: empty text")
        if row["text"].count("\n") + 1 > MAX_LINES:
            errors.append(f"{where}: text has {row['text'].count(chr(10)) + 1} lines (max {MAX_LINES})")
        if not row["note"].strip():
            errors.append(f"{where}: empty note")
    by_category = Counter(row["category"] for row in rows)
    for category, (_, minimum) in CATEGORIES.items():
        if by_category[category] < minimum:
            errors.append(f"category {category}: {by_category[category]} rows, minimum {minimum}")
    by_label = Counter(row["label"] for row in rows)
    for label, minimum in LABEL_MINIMUMS.items():
        if by_label[label] < minimum:
            errors.append(f"label {label}: {by_label[label]} rows, minimum {minimum}")
    if len(rows) < TOTAL_MINIMUM:
        errors.append(f"{len(rows)} rows, minimum {TOTAL_MINIMUM}")
    return errors


def _shingles(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9\u00c0-\u024f']+", text.lower())
    found = {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}
    cjk = "".join(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+", text))
    found |= {cjk[i:i + 16] for i in range(len(cjk) - 15)}
    return found


def overlaps(rows: list[dict], corpus: Path) -> list[str]:
    corpus_shingles: set[str] = set()
    for card in corpus.glob("*/README.md"):
        corpus_shingles |= _shingles(card.read_text(encoding="utf-8", errors="replace"))
    warnings = []
    for row in rows:
        shared = _shingles(row["text"]) & corpus_shingles
        if shared:
            warnings.append(f"{row['id']}: shares {len(shared)} run(s) with the corpus, e.g. {sorted(shared)[0]!r}")
    return warnings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=HERE / "claims.jsonl")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None)
    args = parser.parse_args()
    rows, errors = load(args.file)
    errors += check(rows)
    by_category = Counter((row["category"], row["label"]) for row in rows)
    print(f"{len(rows)} rows: " + ", ".join(f"{label} {n}" for label, n in sorted(Counter(r['label'] for r in rows).items())))
    for category, (label, minimum) in CATEGORIES.items():
        print(f"  {category:<13} {label:<7} {by_category[(category, label)]:>3} (min {minimum})")
    if args.corpus:
        for warning in overlaps(rows, args.corpus):
            print(f"warning: {warning}")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
