"""Frozen records passed between the stages: hub → crawl → classify → audit → render."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any


#: The Open Source Definition clauses a restriction breaks (Evidence and findings name them by number).
OSD_CLAUSES = {
    "1": "OSD 1 (free redistribution)",
    "3": "OSD 3 (derived works)",
    "5": "OSD 5 (no discrimination against persons or groups)",
    "6": "OSD 6 (no discrimination against fields of endeavor)",
    "7": "OSD 7 (distribution of license)",
}

#: How a derivative derives from its base, as the Hub's `base_model:<relation>:` tags say.
RELATIONS = ("finetune", "adapter", "quantized", "merge")

class LicenseClass(str, Enum):
    """The four verdicts, ordered from most open to most restrictive by `rank`."""

    OSI_APPROVED = "osi-approved"
    OPEN_NON_OSI = "open-non-osi"
    UNKNOWN = "unknown"
    CUSTOM_RESTRICTED = "custom-restricted"

    @property
    def rank(self) -> int:
        """Restrictiveness: the higher, the more restrictive ("most restrictive wins")."""
        return _RANK[self]


_RANK = {
    LicenseClass.OSI_APPROVED: 0,
    LicenseClass.OPEN_NON_OSI: 1,
    LicenseClass.UNKNOWN: 2,
    LicenseClass.CUSTOM_RESTRICTED: 3,
}


class Severity(str, Enum):
    """Severity of a finding; `flagged` models carry an `error` or `warning` claim finding."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Something a human can check: where it is and what it says."""

    source: str  # card-metadata | card-text | license-file | hub-metadata
    quote: str
    file: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation about a model, with evidence."""

    code: str
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class ModelError:
    """Something that could not be read; the model still appears in the output."""

    code: str  # repo-not-found | gated | http-error | rate-limited | network-error | too-large | internal-error
    message: str
    file: str | None = None


@dataclass(frozen=True, slots=True)
class ModelMeta:
    """What the Hub's listing or model-info call says about a repo (no file contents)."""

    id: str
    sha: str | None = None
    gated: bool | str = False
    private: bool = False
    disabled: bool = False
    last_modified: str | None = None
    tags: tuple[str, ...] = ()
    files: tuple[str, ...] | None = None  # None: the Hub did not list the files
    card_data: Mapping[str, Any] | None = None  # the Hub's own parse of the card YAML
    children: Mapping[str, int] | None = None  # childrenModelCount per relation; None: the Hub did not say
    listing_error: str | None = None  # the listing named this model but its entry could not be read


@dataclass(frozen=True, slots=True)
class FetchedFile:
    """A file read from a repo: its text, or why it could not be read."""

    path: str
    text: str | None = None
    error: ModelError | None = None
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the crawler read for one model."""

    meta: ModelMeta
    readme: FetchedFile | None  # None: the repo has no README.md
    license_files: tuple[FetchedFile, ...] = ()
    errors: tuple[ModelError, ...] = ()


@dataclass(frozen=True, slots=True)
class Card:
    """A parsed model card: YAML metadata and Markdown body."""

    metadata: Mapping[str, Any] | None
    body: str
    body_first_line: int = 1  # 1-based line number of the body's first line in README.md
    error: str | None = None  # why the metadata could not be parsed


@dataclass(frozen=True, slots=True)
class Detection:
    """One identification of a license from one piece of evidence, by one named matcher."""

    matcher: str
    classification: LicenseClass
    evidence: Evidence
    key: str | None = None  # catalog key (SPDX id or corpus key); None when unidentified
    spdx: str | None = None
    name: str | None = None
    confidence: float = 1.0
    osd: tuple[str, ...] = ()
    reason: str = ""
    restrictions: tuple[Finding, ...] = ()
    members: tuple[str, ...] = ()  # for a family id: the licenses it may mean
    ties: tuple[str, ...] = ()  # references whose text is identical (GPL-3.0-only / -or-later)
    decides: bool = True  # False: a label that says nothing definite (unrecognized, ambiguous family)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The classifier's answer: the class, the governing detection and all the others."""

    classification: LicenseClass
    governing: Detection | None
    detections: tuple[Detection, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """An "open source" claim found in the card body."""

    quote: str
    line: int
    phrase: str
    confidence: str  # high | medium
    about: str = "model"  # model | code: what the card says is open source


@dataclass(frozen=True, slots=True)
class LicenseFileDigest:
    """What a feed keeps of a license file read: its hash and a bounded excerpt (to show changes later)."""

    path: str
    sha256: str
    excerpt: str
    truncated: bool = False  # the excerpt is shorter than the file


@dataclass(frozen=True, slots=True)
class ModelResult:
    """The audit of one model, as it appears in every output."""

    id: str
    sha: str | None
    classification: LicenseClass
    flagged: bool
    declared: tuple[str, ...] = ()
    license_name: str | None = None
    license_link: str | None = None
    verdict: Verdict | None = None
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    errors: tuple[ModelError, ...] = ()
    gated: bool | str = False
    last_modified: str | None = None
    base_models: tuple[str, ...] = ()
    license_files: tuple[LicenseFileDigest, ...] = ()
    private: bool = False


@dataclass(frozen=True, slots=True)
class Target:
    """One thing the user asked to audit: an organization, a named model, a search or a model's derivatives."""

    kind: str  # organization | model | search | derivatives
    name: str
    models: int = 0
    error: ModelError | None = None
    query: Mapping[str, Any] | None = None  # search / derivatives: the exact parameters asked of the Hub
    private_excluded: int = 0  # private models the listing showed and the audit left out (no --include-private)


@dataclass(frozen=True, slots=True)
class Derivation:
    """How a derivatives sweep reached a model: from which parent, by which relation, at which depth."""

    id: str
    parent: str
    relation: str  # finetune | adapter | quantized | merge | unknown
    depth: int


@dataclass(frozen=True, slots=True)
class DerivativeTree:
    """One `--derivatives-of` sweep: the base and every derivative found, breadth-first."""

    base: str
    relation: str  # what was asked: finetune | adapter | quantized | merge | any
    depth: int
    members: tuple[Derivation, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """A whole audit run."""

    endpoint: str
    generated_at: str
    targets: tuple[Target, ...]
    results: tuple[ModelResult, ...]
    carried: tuple[Mapping[str, Any], ...] = ()  # feed entries reused from a baseline, unchanged
    derivatives: tuple[DerivativeTree, ...] = ()
