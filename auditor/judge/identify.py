"""Identify local license texts: the engine's verdict for one file, as `hf-license-audit identify` shows it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditor.judge.classify import classify
from auditor.models import Detection, FetchedFile, LicenseClass
from auditor.engine.textmatch import identify


@dataclass(frozen=True, slots=True)
class Identification:
    """What a license text is, how sure, how it differs from its reference, and what it restricts."""

    path: str
    classification: LicenseClass
    detection: Detection | None
    added: tuple[tuple[int, str], ...]  # (line, text) of text the reference does not have
    coverage: float  # share of the reference found in the text


def identify_text(text: str, path: str = "LICENSE") -> Identification:
    """Run the license-file matchers on one text, as if it were a repo's LICENSE."""
    verdict = classify({}, (FetchedFile(path, text=text),))
    match = identify(text)
    detection = verdict.governing
    added: tuple[tuple[int, str], ...] = ()
    coverage = 0.0
    if match is not None and detection is not None and detection.key == match.key:
        added = tuple((a.line, a.text) for a in match.additions)
        coverage = match.ref_coverage
    return Identification(path, verdict.classification, detection, added, coverage)


def to_dict(ident: Identification) -> dict[str, Any]:
    """JSON-ready form (stable keys)."""
    d = ident.detection
    return {
        "path": ident.path,
        "classification": ident.classification.value,
        "key": d.key if d else None,
        "spdx": d.spdx if d else None,
        "name": d.name if d else None,
        "matcher": d.matcher if d else None,
        "confidence": round(d.confidence, 4) if d else 0.0,
        "reference_coverage": ident.coverage,
        "same_text_as": list(d.ties) if d else [],
        "osd": list(d.osd) if d else [],
        "reason": d.reason if d else "empty text",
        "added_text": [{"line": line, "text": text} for line, text in ident.added],
        "restrictive_clauses": [
            {"line": f.evidence[0].line, "quote": f.evidence[0].quote, "why": f.message} for f in (d.restrictions if d else ())
        ],
    }
