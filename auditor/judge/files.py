"""License files judged: a copy of a known text, a modified one (added terms read for restrictions), a short
notice that names a license, or an unrecognised text with or without restrictive clauses."""

from __future__ import annotations

import dataclasses
import re

from auditor.engine.catalog import entry_detection, load_catalog
from auditor.engine.references import find_references
from auditor.cards.terms.restrictive import limits_use
from auditor.engine.restrictions import LIMITING, Hit, find_restrictions, osd_text, sentences
from auditor.engine.normalize import copyright_lines, words_with_lines
from auditor.engine.textmatch import HARMLESS_ADDED_WORDS, appended_translation, changed_sentences, identify
from auditor.hub.crawl import is_primary_license_file
from auditor.models import Detection, Evidence, FetchedFile, Finding, LicenseClass, Severity

#: A license file this short may be a notice that names a license rather than its text.
NOTICE_MAX_WORDS = 300


def file_detections(
    files: tuple[FetchedFile, ...], license_link: str | None, findings: list[Finding]
) -> list[Detection]:
    """One detection per readable license file; an unreadable one is a `file-unreadable` finding."""
    detections: list[Detection] = []
    for fetched in files:
        if fetched.text is None:
            reason = fetched.error.message if fetched.error else "not readable"
            findings.append(Finding("file-unreadable", Severity.WARNING, f"{fetched.path} could not be read: {reason}",
                                    (Evidence("license-file", "", fetched.path),)))
            continue
        detection = _identify_file(fetched, is_primary_license_file(fetched.path, license_link))
        if detection is not None:
            detections.append(detection)
    return detections


def _identify_file(fetched: FetchedFile, primary: bool) -> Detection | None:
    text = fetched.text or ""
    path = fetched.path
    catalog = load_catalog()
    match = identify(text)
    if match is not None and match.kind in ("copy", "partial", "modified"):
        entry = catalog[match.key]
        added_lines = {n for a in match.additions for n in range(a.line, a.end_line + 1)}
        changed = changed_sentences(text, match.key, added_lines) if match.additions else []
        notices = [(n, line, line) for n, line in copyright_lines(text, match.key) if not _COPYRIGHT_NOTICE.fullmatch(line)]
        changed += notices  # a "Copyright ..." line that says more than a notice is added text too
        added_hits = [h for line, sentence, _ in changed for h in find_restrictions(sentence, line)]
        benign = not added_hits and _benign(changed, match.key)
        translated = appended_translation(text, match) if match.kind == "modified" and not added_hits else None
        if match.kind in ("copy", "partial") and not benign:
            match = dataclasses.replace(match, added_words=max(match.added_words, HARMLESS_ADDED_WORDS + 1))
        if (match.kind != "modified" or benign or translated) and not added_hits:
            note = f", with a translation added on lines {translated[0]}–{translated[1]}" if translated else ""
            evidence = Evidence("license-file", f"matches {entry.name} ({match.ref_coverage:.0%} of its text){note}", path)
            matcher = "license-file-partial" if match.kind == "partial" else "license-file-copy"
            keep = find_restrictions(text) if entry.classification is LicenseClass.CUSTOM_RESTRICTED else ()
            return entry_detection(matcher, entry, evidence, confidence=match.dice, ties=match.ties,
                                    restrictions=_hit_findings(keep, path))
        first = next((a for a in match.additions if any(h.line >= a.line for h in added_hits)), None) or (
            match.additions[0] if match.additions else None)
        evidence = Evidence("license-file", first.text if first else "", path, first.line if first else None)
        if added_hits or entry.classification is LicenseClass.CUSTOM_RESTRICTED:
            found = added_hits or find_restrictions(text)
            osd = tuple(sorted({c for h in found for c in h.osd} | set(entry.osd)))
            return Detection("license-file-modified", LicenseClass.CUSTOM_RESTRICTED, evidence, key=entry.key,
                             spdx=None, name=f"{entry.name}, modified", confidence=match.dice, osd=osd,
                             reason=f"{entry.name} with added restrictive terms" if added_hits else entry.restrictive_terms,
                             restrictions=_hit_findings(found, path), ties=match.ties)
        return Detection("license-file-modified", LicenseClass.UNKNOWN, evidence, key=entry.key, name=f"{entry.name}, modified",
                         confidence=match.dice,
                         reason=f"{match.added_words} words added to {entry.name}; not the standard text")
    reference = _reference_detection(text, path)
    if reference is not None:
        return reference
    hits = find_restrictions(text)
    limited = None if hits else _limited_use(text)
    if limited is not None:
        return Detection("license-file-restrictions", LicenseClass.UNKNOWN, Evidence("license-file", limited[1][:400], path, limited[0]),
                         name="unrecognized license that may limit use", confidence=0.4,
                         reason="license text not recognized, and it says something that may limit use; check it")
    if hits:
        first_hit = hits[0]
        return Detection("license-file-restrictions", LicenseClass.CUSTOM_RESTRICTED,
                         Evidence("license-file", first_hit.quote, path, first_hit.line),
                         name="unrecognized license with restrictive terms",
                         osd=tuple(sorted({c for h in hits for c in h.osd})),
                         reason="; ".join(sorted({h.description for h in hits})), restrictions=_hit_findings(hits, path))
    return Detection("license-file-unrecognized", LicenseClass.UNKNOWN,
                     Evidence("license-file", _first_line(text), path, 1),
                     reason="license text not recognized and no restrictive clause found", decides=primary)


_WIDENING = re.compile(r"\b(?:are|is) (?:also )?(?:permitted|allowed)\b|\byou (?:may|are free to)\b", re.IGNORECASE)
#: A notice or attribution line: it starts like one ("Copyright", "(c)", "Please attribute as", "Licensed under").
_ATTRIBUTION = re.compile(r"^\W*(?:copyright\b|[\w ,.-]{0,80}\(c\)|©|attribution\b|please attribute|attribute as|licensed under|"
                          r"released under|[\w .-]{0,60}\b(?:dedicate[sd]?|public domain dedication)\b)", re.IGNORECASE)
#: A bare copyright notice: "Copyright (c) 2024 Acme Inc. All rights reserved." and nothing more.
_COPYRIGHT_NOTICE = re.compile(r"\W*(?:copyright\s*)?(?:\(c\)|©)?\s*(?:copyright\s*)?[\d\s,–-]*[^.;:]{0,80}\.?"
                               r"(?:\s*all rights reserved\.?)?\s*", re.IGNORECASE)


def _benign(changed: list[tuple[int, str, str]], key: str) -> bool:
    """Edits that only title, attribute, restate or widen a license ("Licensed under CC BY 4.0", Software → Model)."""
    for _, sentence, added in changed:
        if LIMITING.search(added):
            return False
        if len(added.split()) <= 3 or _WIDENING.search(sentence):
            continue  # a word swapped ("Software" → "Model"), or a sentence that only grants more
        refs = {r.key for r in find_references(sentence)}
        if refs - {key}:
            return False  # names another license: a second set of terms
        words = sentence.split()
        title = len(words) <= 6 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        notice = len(words) <= 30 and _ATTRIBUTION.match(sentence)
        if not (refs or title or notice):
            return False
    return True


def _reference_detection(text: str, path: str) -> Detection | None:
    """A short file that names a license instead of containing it ("Licensed under CC BY-NC 4.0")."""
    if len(words_with_lines(text)[0]) > NOTICE_MAX_WORDS:
        return None
    detections = [entry_detection("license-file-reference", load_catalog()[r.key],
                                   Evidence("license-file", r.quote, path, r.line), confidence=0.8)
                  for r in find_references(text)]
    best = max(detections, key=lambda d: d.classification.rank, default=None)
    hits = find_restrictions(text)
    limited = _limited_use(text) if best is not None and not hits and best.classification.rank < LicenseClass.UNKNOWN.rank else None
    if limited is not None:  # "Licensed under Apache 2.0. Commercial users pay a fee.": not the plain license
        return Detection("license-file-reference", LicenseClass.UNKNOWN, Evidence("license-file", limited[1][:400], path, limited[0]),
                         key=best.key, name=f"{best.name}, with words that may limit it", confidence=0.5,
                         reason=f"names {best.name} but says something that may limit use; check it")
    if best is None or not hits:
        return best
    return Detection("license-file-reference", LicenseClass.CUSTOM_RESTRICTED, best.evidence, key=best.key,
                     name=f"{best.name}, with supplemental terms", confidence=0.8,
                     osd=tuple(sorted({c for h in hits for c in h.osd} | set(best.osd))),
                     reason=f"names {best.name} but adds restrictive terms", restrictions=_hit_findings(hits, path))


def _limited_use(text: str) -> tuple[int, str] | None:
    """The first sentence of a short or unrecognised file that limits a use in words no detector knows."""
    return next(((n, s) for n, s in sentences(text) if limits_use(s)), None)


def _hit_findings(hits: list[Hit] | tuple[Hit, ...], path: str) -> tuple[Finding, ...]:
    return tuple(
        Finding("restrictive-clause", Severity.INFO, f"{h.description} — breaks {osd_text(h.osd)}",
                (Evidence("license-file", h.quote, path, h.line),))
        for h in hits
    )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:200]
    return ""
