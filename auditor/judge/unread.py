"""Terms that exist but were not read: license files past the read cap, and `license_link`s into other repos."""

from __future__ import annotations

import dataclasses

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
