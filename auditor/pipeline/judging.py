"""One model's result: judge its crawled snapshot (classify, claims, findings) and apply the open-washing flag rule."""

from __future__ import annotations

import dataclasses
import hashlib

from auditor.cards.claims.detect import find_claims, find_honest_wording
from auditor.cards.frontmatter import license_fields, parse_card
from auditor.hub.client import Hub
from auditor.hub.crawl import README, crawl
from auditor.judge.classify import classify
from auditor.judge.knownbases import settle_by_known_bases
from auditor.judge.lineage import base_model_refs
from auditor.judge.unread import at_most_unknown, linked_elsewhere, unread_files, within_cap
from auditor.models import (
    Card,
    Claim,
    Detection,
    Evidence,
    Finding,
    LicenseClass,
    LicenseFileDigest,
    ModelError,
    ModelMeta,
    ModelResult,
    Severity,
    Snapshot,
    Verdict,
)

#: Characters of each license file kept in the feed, so that a later run can show the lines that changed.
EXCERPT_CHARS = 4000

#: Severity of the open-washing flag by class (issue 4's rule; OSI-approved is never flagged).
FLAG_SEVERITY = {
    LicenseClass.CUSTOM_RESTRICTED: Severity.ERROR,
    LicenseClass.UNKNOWN: Severity.ERROR,
    LicenseClass.OPEN_NON_OSI: Severity.WARNING,
}


def audit_model(hub: Hub, meta: ModelMeta) -> ModelResult:
    """Audit one model; any failure, even a bug, becomes an error entry instead of ending the run."""
    try:
        return judge(crawl(hub, meta))
    except Exception as exc:  # noqa: BLE001 - one model's crash never ends the audit
        error = ModelError("internal-error", f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
        return ModelResult(meta.id, meta.sha, LicenseClass.UNKNOWN, False, errors=(error,), gated=meta.gated,
                           private=meta.private)


def judge(snapshot: Snapshot) -> ModelResult:
    """Classify a crawled model, find its claims, and decide whether it is flagged (pure, no I/O)."""
    meta = snapshot.meta
    findings: list[Finding] = []
    errors = list(snapshot.errors)
    card: Card | None = None
    metadata, source = meta.card_data, "hub-metadata"
    readme = snapshot.readme
    if meta.disabled:
        findings.append(Finding("disabled", Severity.WARNING, "The Hub has disabled this repo: its files cannot be "
                                "read, so the verdict rests on the metadata the Hub still shows.",
                                (Evidence("hub-metadata", "disabled: true"),)))
    elif readme is None:
        findings.append(Finding("card-missing", Severity.WARNING, "The repo has no README.md model card."))
    elif readme.text is not None:
        card = parse_card(readme.text)
        if readme.truncated:
            errors.append(ModelError("too-large", "README.md is larger than the read limit; only its start was read", README))
        if card.error is not None:
            findings.append(Finding("card-metadata-invalid", Severity.WARNING, f"README.md: {card.error}",
                                    (Evidence("card-metadata", card.error, README, 1),)))
        metadata, source = card.metadata, "card-metadata"  # on invalid YAML: None, or the fields a line scan recovered
    if meta.gated:
        findings.append(Finding("gated", Severity.INFO, f"The repo is gated ({meta.gated}): files other than "
                                "README.md and LICENSE* need accepted access."))
    unread: list[Detection] = []
    license_files = tuple(within_cap(f, errors, unread) for f in snapshot.license_files)
    verdict = classify(metadata, license_files, metadata_source=source,
                       metadata_file=README if source == "card-metadata" else None,
                       body=card.body if card else None, body_first_line=card.body_first_line if card else 1,
                       model_id=meta.id)
    honest = find_honest_wording(card.body, card.body_first_line) if card is not None else ()
    if honest:
        findings.append(Finding("open-weights-wording", Severity.INFO,
                                "The card uses accurate openness wording (open weights, openly available), not an open-source claim.",
                                tuple(Evidence("card-text", h.quote, README, h.line) for h in honest)))
    declared, license_name, license_link = license_fields(metadata)
    bases, left_out = base_model_refs(metadata or meta.card_data, meta.tags, meta.id)
    in_card = frozenset(base_model_refs(metadata or meta.card_data, (), meta.id)[0])
    settled = verdict if left_out else settle_by_known_bases(verdict, tuple(bases), in_card)  # every base, or none
    verdict = linked_elsewhere(settled, meta.id, license_link, tuple(bases))
    for detection in unread + unread_files(verdict, license_files):
        verdict = at_most_unknown(verdict, detection)
    # a fine-tune's card often keeps its base's title: that title is the base's name, not this model's
    claims = find_claims(card.body, card.body_first_line, meta.id, base_models=tuple(bases)) if card is not None else ()
    if left_out:
        findings.append(Finding("base-models-truncated", Severity.INFO, f"The card names {len(bases) + left_out} "
                                f"base models; only the first {len(bases)} were followed.",
                                (Evidence("card-metadata", f"base_model: {len(bases) + left_out} entries", README),)))
    return with_flag(ModelResult(
        id=meta.id,
        sha=meta.sha,
        classification=verdict.classification,
        flagged=False,
        declared=declared,
        license_name=license_name,
        license_link=license_link,
        verdict=verdict,
        claims=claims,
        findings=tuple(findings) + verdict.findings,
        errors=tuple(errors),
        gated=meta.gated,
        last_modified=meta.last_modified,
        base_models=bases,
        license_files=tuple(digest(f.path, f.text) for f in snapshot.license_files if f.text is not None),
        private=meta.private,
    ))


def digest(path: str, text: str) -> LicenseFileDigest:
    """A license file's hash (of the text as read) and its first EXCERPT_CHARS characters."""
    sha = hashlib.sha256(text.encode("utf-8", errors="replace")).hexdigest()
    return LicenseFileDigest(path, sha, text[:EXCERPT_CHARS], len(text) > EXCERPT_CHARS)


def invalid_id(meta: ModelMeta) -> ModelResult:
    """A listed id the Hub's grammar rejects (`noslash`, `../api`): reported, never read, never dropped."""
    error = ModelError("invalid-id", f"the Hub answered with {meta.id!r}, which is not an org/name model id; "
                       "it was not read")
    return ModelResult(meta.id, meta.sha, LicenseClass.UNKNOWN, False, errors=(error,), gated=meta.gated)


def with_flag(result: ModelResult) -> ModelResult:
    """Apply the flag rule (again, after lineage may have changed the class): claim + not OSI-approved."""
    findings = tuple(f for f in result.findings if f.code != "open-source-claim")
    flag = _flag(result.verdict, result.claims) if result.verdict else None
    return dataclasses.replace(result, flagged=flag is not None, findings=((flag,) if flag else ()) + findings)


def _flag(verdict: Verdict, claims: tuple[Claim, ...]) -> Finding | None:
    severity = FLAG_SEVERITY.get(verdict.classification)
    if not claims or severity is None:
        return None
    governing = verdict.governing
    terms = (governing.name or governing.key) if governing and governing.key else None
    why = {
        LicenseClass.CUSTOM_RESTRICTED: f"its terms ({terms or 'a custom license'}) restrict use: {governing.reason if governing else ''}",
        LicenseClass.UNKNOWN: "no license could be established for it" if governing is None
        else f"its license could not be established ({governing.reason})",
        LicenseClass.OPEN_NON_OSI: f"its license ({terms or 'an open license'}) is open but not OSI-approved",
    }[verdict.classification]
    said = "the model open source" if any(c.about == "model" for c in claims) else "the model's code open source (said of the code, not the weights)"
    message = f"The card calls {said}, but {why}".rstrip(": .") + "."
    evidence = tuple(Evidence("card-text", c.quote, README, c.line) for c in claims)
    if governing is not None:
        evidence += (governing.evidence,)
    return Finding("open-source-claim", severity, message, evidence)
