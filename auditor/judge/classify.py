"""Classifier: ordered, named matchers over card metadata and license files; the most restrictive wins."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from auditor.cards.frontmatter import license_fields
from auditor.hub.crawl import is_primary_license_file
from auditor.cards.metadata import declared_base_detections, license_link_detections, model_id_detections, restrictive_tags
from auditor.cards.terms.scratch import FROM_SCRATCH
from auditor.cards.terms.restrictive import DOUBT
from auditor.cards.terms.walk import card_text_detections
from auditor.judge.files import file_detections
from auditor.judge.weigh import precedence, weigh_lineage
from auditor.engine.catalog import entry_detection, load_catalog
from auditor.engine.labels import judged_title, resolve_label
from auditor.models import Detection, Evidence, FetchedFile, Finding, LicenseClass, Severity, Verdict
from auditor.engine.restrictions import find_restrictions, osd_text

_SOURCE_PREFERENCE = {"license-file": 2, "card-metadata": 1, "hub-metadata": 0}


#: Keys an author meant as `license:` that the Hub does not read ("licenses:", the British "licence:").
MISSPELT_KEYS = ("licenses", "licence", "licences", "License", "Licence")


def classify(
    metadata: Mapping[str, Any] | None,
    license_files: tuple[FetchedFile, ...] = (),
    *,
    metadata_source: str = "card-metadata",
    metadata_file: str | None = "README.md",
    body: str | None = None,
    body_first_line: int = 1,
    model_id: str | None = None,
) -> Verdict:
    """Classify one model from its card (metadata and license statements) and its license files."""
    declared, license_name, license_link = license_fields(metadata)
    doubts: list[Detection] = []
    findings: list[Finding] = []
    for misspelt in (k for k in MISSPELT_KEYS if k in metadata) if not declared and metadata else ():
        values = license_fields({"license": metadata[misspelt]})[0]  # a misspelt key the Hub ignores; the author meant it
        declared = (*declared, *values)
        findings.append(Finding("license-key-misspelt", Severity.WARNING,
                                f"The card declares `{misspelt}: {', '.join(values)}`, which the Hub does not read; "
                                "it is read here as the license, but the card should say `license:`.",
                                (Evidence(metadata_source, f"{misspelt}: {', '.join(values)}", metadata_file),)))
    card = _card_detections(declared, license_name, metadata_source, metadata_file, findings)
    if any(d.decides for d in card):
        # Next to a known license, an unknown one ("license: [mit, other]") is terms nobody can check: it decides.
        card = [dataclasses.replace(d, decides=True) if not d.decides and not d.members else d for d in card]
    if metadata_source != "hub-metadata":  # lineage walks a Hub chain itself, to its origin
        declared_bases = declared_base_detections(metadata, metadata_file)
        card += declared_bases or model_id_detections(model_id)
    if license_link and (not declared or all(v.lower() == "other" for v in declared)) and not license_name:
        card += license_link_detections(license_link, metadata_file)
    elif license_link:  # "license: mit" with a link to the Llama 2 license: the restricted terms are evidence too
        card += [d for d in license_link_detections(license_link, metadata_file)
                 if d.classification is LicenseClass.CUSTOM_RESTRICTED]
    doubts = restrictive_tags(metadata, metadata_file) if metadata_source != "hub-metadata" else []  # "tags: [non-commercial]"
    if body:
        texts = card_text_detections(body, body_first_line, model_id)  # "same license as the base model": unknown until lineage reads it
        doubts = [d for d in texts if d.matcher == DOUBT] + doubts
        card += [d for d in texts if d.matcher != DOUBT]
    files = file_detections(license_files + _gated_prompt(metadata), license_link, findings)
    detections = weigh_lineage(card, model_id) + files
    deciding = [d for d in detections if d.decides]
    if deciding:
        governing = max(deciding, key=lambda d: (d.classification.rank, _SOURCE_PREFERENCE.get(d.evidence.source, 0), precedence(d)))
        classification = governing.classification
    else:
        governing = next((d for d in detections if d.matcher != FROM_SCRATCH), None)  # a fact about training, not terms
        classification = LicenseClass.UNKNOWN
    if doubts and classification.rank < LicenseClass.UNKNOWN.rank:  # never open while the card may restrict
        governing, classification = doubts[0], LicenseClass.UNKNOWN
        detections.append(governing)
    if not declared and not license_name and not license_files and governing is None:
        findings.append(Finding("no-license", Severity.WARNING, "No license is declared in the card and the repo has no license file."))
    findings.extend(_mismatches(card, files, license_link))
    if governing is not None and classification is LicenseClass.CUSTOM_RESTRICTED:
        findings.append(_restrictive_terms(governing))
    return Verdict(classification, governing, tuple(detections), tuple(findings))


# -- matchers on the card ------------------------------------------------------------------------


def _card_detections(
    declared: tuple[str, ...], license_name: str | None, source: str, file: str | None, findings: list[Finding]
) -> list[Detection]:
    detections: list[Detection] = []
    for value in declared:
        if value.lower() == "other" and license_name:
            continue
        if value.lower() == "other":
            evidence = Evidence(source, "license: other", file)
            detections.append(Detection("card-license-id", LicenseClass.UNKNOWN, evidence, name="other",
                                        reason="license: other without a license_name", decides=False))
            continue
        detections.append(_label_detection("card-license-id", value, f"license: {value}", source, file, findings))
    if license_name:
        detections.append(
            _label_detection("card-license-name", license_name, f"license_name: {license_name}", source, file, findings)
        )
    return detections


def _label_detection(
    matcher: str, value: str, quote: str, source: str, file: str | None, findings: list[Finding]
) -> Detection:
    evidence = Evidence(source, quote, file)
    label = resolve_label(value)
    if label is None:
        findings.append(Finding("license-unrecognized", Severity.WARNING, f"Unrecognized license label {value!r}.", (evidence,)))
        said = find_restrictions(" ".join(re.split(r"[\s_-]+", value)) + ".")  # "acme-non-commercial-license"
        if said:
            return Detection(matcher, LicenseClass.CUSTOM_RESTRICTED, evidence, name=value, confidence=0.6,
                             osd=tuple(sorted({c for h in said for c in h.osd})),
                             reason=f"the license's own name says so: {'; '.join(sorted({h.description for h in said}))}")
        return Detection(matcher, LicenseClass.UNKNOWN, evidence, reason=f"{value!r} is not a known license", decides=False)
    if label.hub is not None:
        hub = label.hub
        if hub.members:
            findings.append(Finding("license-family", Severity.INFO,
                                    f"{hub.hub_id!r} names a family of licenses, not one text: {hub.reason}", (evidence,)))
        entry = load_catalog().get(hub.key) if hub.key else None
        return Detection(
            matcher, hub.classification, evidence, key=hub.key, spdx=entry.spdx if entry else None,
            name=entry.name if entry else hub.hub_id, osd=hub.osd, reason=hub.reason,
            members=hub.members, decides=hub.classification is not LicenseClass.UNKNOWN,
        )
    if label.key is None:
        findings.append(Finding("license-unrecognized", Severity.WARNING,
                                f"{value!r} is a known license name, but its text is not in the catalog.", (evidence,)))
        if label.judgement is not LicenseClass.UNKNOWN:  # every version of it restricts use: that decides
            return Detection(matcher, label.judgement, evidence, name=judged_title(label.reason, value),
                             reason=label.reason, confidence=0.7)
        return Detection(matcher, LicenseClass.UNKNOWN, evidence, reason=f"no text known for {value!r}", decides=False)
    return entry_detection(matcher, load_catalog()[label.key], evidence)


# -- matchers on license files -------------------------------------------------------------------

#: The terms a gated repo makes every user accept (`extra_gated_prompt`) are read like a license file.
GATED_PROMPT = "README.md (extra_gated_prompt)"


def _gated_prompt(metadata: Mapping[str, Any] | None) -> tuple[FetchedFile, ...]:
    """The access form's text: `extra_gated_prompt`, its heading and description, and the labels of its fields
    ("I agree to use this model for non-commercial use ONLY": a checkbox every user must tick)."""
    if not isinstance(metadata, Mapping):
        return ()
    parts = [metadata.get(k) for k in ("extra_gated_prompt", "extra_gated_heading", "extra_gated_description")]
    fields = metadata.get("extra_gated_fields")
    labels = list(fields) if isinstance(fields, Mapping) else [f.get("label") for f in fields if isinstance(f, Mapping)] \
        if isinstance(fields, list) else []
    texts = [p.strip() for p in parts if isinstance(p, str) and p.strip()]
    texts += [label.strip().rstrip(".") + "." for label in labels if isinstance(label, str)
              and (len(label.split()) > 3 or find_restrictions(label.strip().rstrip(".") + "."))]  # "Research use only"
    return (FetchedFile(GATED_PROMPT, text="\n\n".join(texts)),) if texts else ()


# -- cross-checks ------------------------------------------------------------------------------


def _mismatches(card: list[Detection], files: list[Detection], license_link: str | None) -> list[Finding]:
    """Card label vs license_name, and card vs license files: every disagreement is a finding."""
    deciding = [d for d in card if d.decides]
    if not deciding:
        return []
    order = {"card-license-id": 0, "card-license-name": 1, "card-text-license": 2}
    findings = [_mismatch(a, b) for a in deciding for b in deciding
                if order.get(a.matcher, 9) < order.get(b.matcher, 9) and a.key != b.key
                and b.key not in a.members and a.key not in b.members and not {a.key, *a.ties} & {b.key, *b.ties}
                and a.classification is not b.classification]
    declared: dict[str, LicenseClass] = {k: d.classification for d in deciding for k in (d.key, *d.members) if k}
    card_rank = max(d.classification.rank for d in deciding)
    strongest = max(deciding, key=lambda d: d.classification.rank)
    for f in files:
        if not f.decides or not (f.key or strongest.key):
            continue  # two texts the catalog does not know cannot be told apart
        if is_primary_license_file(f.evidence.file or "", license_link):
            agreeing = [k for k in (f.key, *f.ties) if k in declared and declared[k] is f.classification]
            if agreeing:
                continue
        elif f.classification.rank <= card_rank:
            continue  # a policy or extra file that adds nothing more restrictive than the card says
        findings.append(_mismatch(strongest, f))
    return findings


def _mismatch(a: Detection, b: Detection) -> Finding:
    winner = a if a.classification.rank >= b.classification.rank else b
    message = (f"{_describe(a)} but {_describe(b)}; the more restrictive terms govern "
               f"({winner.name or winner.key or 'unknown'}: {winner.classification.value}).")
    return Finding("license-mismatch", Severity.WARNING, message, (a.evidence, b.evidence))


def _describe(d: Detection) -> str:
    where = d.evidence.file if d.evidence.source == "license-file" else d.evidence.source
    return f"{where} says {d.name or d.key or 'an unrecognized license'} ({d.classification.value})"


def _restrictive_terms(governing: Detection) -> Finding:
    evidence = tuple(e for f in governing.restrictions for e in f.evidence) or (governing.evidence,)
    clauses = osd_text(governing.osd) if governing.osd else "the Open Source Definition"
    message = f"{governing.name or governing.key or 'These terms'}: {governing.reason or 'restrictive terms'} — breaks {clauses}."
    return Finding("restrictive-terms", Severity.INFO, message, evidence)
