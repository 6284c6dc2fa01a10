"""Terms that exist but were not read: license files past the size or count cap, files that are not text (a PDF) or
failed, and `license_link`s into other repos."""

from __future__ import annotations

import dataclasses
import re

from auditor.engine.labels import resolve_label
from auditor.judge.classify import classify
from auditor.hub.crawl import MAX_LICENSE_BYTES, README
from auditor.models import Detection, Evidence, FetchedFile, Finding, LicenseClass, ModelError, Severity, Verdict
from auditor.repoids import linked_repo_file


def within_cap(fetched: FetchedFile, errors: list[ModelError], unread: list[Detection]) -> FetchedFile:
    """A license file cut at the size cap is reported `too-large`. Its start may prove restrictions, never
    openness (the unread rest may restrict): judged as read when that start is restrictive, else `unknown`."""
    if not fetched.truncated or fetched.text is None:
        return fetched
    error = ModelError("too-large", f"{fetched.path} is larger than the {MAX_LICENSE_BYTES // 1024} KiB read limit; "
                       "only its start was read", fetched.path)
    errors.append(error)
    if classify({}, (fetched,)).classification is LicenseClass.CUSTOM_RESTRICTED:
        return fetched
    unread.append(Detection("license-file-too-large", LicenseClass.UNKNOWN, Evidence("license-file", "", fetched.path),
                            name=fetched.path, reason=f"{fetched.path} was too large to read whole; its terms are unknown"))
    return FetchedFile(fetched.path, error=error)


def at_most_unknown(verdict: Verdict, detection: Detection) -> Verdict:
    """Add a deciding `unknown` detection (terms that exist but were not read): the most restrictive still wins."""
    governing, classification = verdict.governing, verdict.classification
    if classification.rank < LicenseClass.UNKNOWN.rank:
        governing, classification = detection, LicenseClass.UNKNOWN
    return dataclasses.replace(verdict, classification=classification, governing=governing,
                               detections=verdict.detections + (detection,))


def linked_elsewhere(verdict: Verdict, own_id: str, link: str | None, bases: tuple[str, ...] = ()) -> Verdict:
    """A `license_link` into another repo is reported; those unread terms govern, so the model is at best `unknown`
    (never OSI-approved on this repo's files), unless the card names a license of its own that already restricts or
    the link points to a declared base model's file (lineage reads that base's terms)."""
    linked = linked_repo_file(link)
    if linked is None or linked[0] is None or linked[0].lower() == own_id.lower():
        return verdict
    other, path = linked
    evidence = Evidence("card-metadata", f"license_link: {link}", README)
    own_label = any(d.decides and d.matcher in ("card-license-id", "card-license-name") for d in verdict.detections)
    # the id decides: the link points to a declared base's file (lineage reads its terms), or the id already restricts
    pointer = own_label and (other.lower() in {b.lower() for b in bases} or verdict.classification.rank >= LicenseClass.UNKNOWN.rank)
    message = (f"license_link points to {path} in another repo, {other}; those terms were not read here and this "
               "repo's own files do not stand in for them" + (", so the card's own license id is used." if pointer
                                                              else ", so the terms are unknown."))
    finding = Finding("license-elsewhere", Severity.INFO if pointer else Severity.WARNING, message, (evidence,))
    findings = verdict.findings + (finding,)
    if pointer:  # `license: apache-2.0` with a link to the base model's LICENSE: the id decides, the link is a pointer
        return dataclasses.replace(verdict, findings=findings)
    detection = Detection("license-link-elsewhere", LicenseClass.UNKNOWN, evidence, name=f"{other}/{path}",
                          reason=f"the card's terms are {path} of {other}, which was not read"
                                 + (" (not a declared base model), whatever license id the card declares" if own_label else ""))
    return at_most_unknown(dataclasses.replace(verdict, findings=findings), detection)


def unread_files(verdict: Verdict, files: tuple[FetchedFile, ...]) -> list[Detection]:
    """A deciding `unknown` detection per license-like file that could not be read (a PDF, an error, past the count
    cap): an open verdict never stands beside terms nobody read. A file whose own name names the governing license
    (`LICENSE-APACHE-2.0.pdf` beside `license: apache-2.0`) is taken for a copy of it; its finding stays."""
    governing = verdict.governing
    if verdict.classification.rank >= LicenseClass.UNKNOWN.rank:
        return []  # terms already unknown or restrictive: the files' `file-unreadable` findings say the rest
    same = {governing.key, *governing.ties} - {None} if governing is not None else set()
    found = []
    for fetched in files:
        if fetched.text is not None or fetched.error is None or fetched.error.code == "too-large":
            continue  # read, or already judged by within_cap
        if _named_license(fetched.path) & same:
            continue
        why = fetched.error.message.removeprefix("it is ")
        found.append(Detection("license-file-unread", LicenseClass.UNKNOWN, Evidence("license-file", "", fetched.path),
                               name=fetched.path, reason=f"the repo ships {fetched.path}, which could not be read: {why}; "
                               f"{_terms(governing)} is not confirmed"))
    return found


def _named_license(path: str) -> set[str]:
    """The catalog keys a file's name spells (`LICENSE-APACHE-2.0.pdf`, `Apache_License_2.0.txt`, `cc-by-4.0.md`)."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path.rsplit("/", 1)[-1]
    keys = set()
    for name in (stem, re.sub(r"^licen[cs]e[ ._-]+", "", stem, flags=re.IGNORECASE)):
        label = resolve_label(name) if name else None
        if label is not None and label.key is not None:
            keys.add(label.key)
    return keys


def _terms(governing: Detection | None) -> str:
    """The terms an open verdict rested on, as the reader knows them ("the declared apache-2.0")."""
    if governing is None:
        return "no license"
    quote = governing.evidence.quote
    if governing.evidence.source in ("card-metadata", "hub-metadata") and ": " in quote:
        return f"the declared {quote.split(': ', 1)[1]}"
    where = f" read from {governing.evidence.file}" if governing.evidence.file else ""
    return f"{governing.name or governing.key or 'the license'}{where}"
