"""What each finding code means, for readers of SARIF rules and the dashboard's filters (docs/CONTRACTS.md)."""

from __future__ import annotations

#: code -> (short title, help text). Kept in step with the finding-code table of docs/CONTRACTS.md (a test checks).
FINDING_HELP: dict[str, tuple[str, str]] = {
    "open-source-claim": (
        "Open-source claim under terms that are not OSI-approved",
        "The model card calls the model open source, but its governing terms are not OSI-approved per the SPDX "
        "License List. Either change the wording (for example \"open weights\") or release the model under an "
        "OSI-approved license. Severity error for custom-restricted or unknown terms, warning for open non-OSI ones."),
    "license-mismatch": (
        "Card metadata and license file disagree",
        "The card's license metadata and a license file (or license_name) denote different licenses; the more "
        "restrictive one governs. Make the metadata match the terms the model is really released under."),
    "license-unrecognized": (
        "Unrecognized license",
        "A license id, license_name or license file text could not be identified, so the terms cannot be judged. "
        "Use a Hub license id or an SPDX license text."),
    "license-key-misspelt": (
        "License declared under a misspelt key",
        "The card declares its license under `licenses:`, which the Hub does not read (the Hub shows no license); "
        "the audit reads it as `license:`. Rename the key to `license`."),
    "license-elsewhere": (
        "License link into another repository",
        "The card's license_link points to a file of another Hub repository, which was not read; this repository's "
        "own files never stand in for it. Unless the file is a declared base model's (whose terms lineage reads), the model "
        "is at best unknown: copy the license file into the repository."),
    "license-family": (
        "License family instead of one license",
        "The license id names a family (bsd, cc, gpl, openrail, ...) rather than one text: name the exact license."),
    "restrictive-terms": (
        "Restrictive terms",
        "The governing license restricts who may use the model or how; the message names the Open Source "
        "Definition clauses it breaks."),
    "no-license": (
        "No license",
        "No license is declared in the card metadata, a license file or the card text. Without a license nobody "
        "may use the model."),
    "card-missing": ("Model card missing", "The repository has no README.md, so no license or claim can be read."),
    "card-metadata-invalid": (
        "Invalid card metadata",
        "The card's YAML front matter cannot be parsed or is not a mapping; the Hub cannot read its license either."),
    "file-unreadable": (
        "License file unreadable",
        "A license-like file exists but could not be read (gated, too large, not text such as a PDF, past the "
        "number of files read, or a server error); beside it a declared open license is not confirmed, so the "
        "verdict is at best unknown."),
    "disabled": (
        "Disabled repository",
        "The Hub has disabled this repository: its files cannot be read, so its terms cannot be checked. The model "
        "stays in the audit as unknown."),
    "base-models-truncated": (
        "Too many base models",
        "The card names more base models than the audit follows; only the first ones were read, so a restrictive "
        "base further down the list may be missed."),
    "gated": ("Gated repository", "The repository is gated: some files need an accepted-access token to be read."),
    "relabelled-derivative": (
        "Derivative relabelled under more open terms",
        "The card declares terms more open than the restrictive terms of a base model in its base_model chain; "
        "the base model's terms pass on to derivatives. The evidence shows the chain."),
    "restricted-base": (
        "Built on a restrictively licensed base",
        "The model is built on a base model under restrictive terms, and says so; those terms apply to it too."),
    "base-model-unresolved": (
        "Base model could not be read",
        "A base_model named by the card could not be read from the Hub, so its terms are unknown."),
    "open-weights-wording": (
        "Honest openness wording",
        "The card uses honest wording such as \"open weights\" or \"openly available\"; this is not a claim."),
    "suppression-expired": (
        "Suppression expired",
        "A reviewed suppression for this model expired and no longer applies; review the finding again."),
}


def help_for(code: str) -> tuple[str, str]:
    """Title and help text of a finding code; an unknown code (a newer feed) still gets a usable rule."""
    return FINDING_HELP.get(code, (code, f"Finding {code} of hf-license-audit; see docs/CONTRACTS.md."))
