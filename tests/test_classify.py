"""Classifier rules: Hub ids, names, license files, the most restrictive wins, never OSI without proof."""

from __future__ import annotations

import pytest

from auditor.judge.classify import classify
from auditor.engine.catalog import reference_text
from auditor.engine.labels import HubLicense
from auditor.models import FetchedFile, LicenseClass

OSI, OPEN, RESTRICTED, UNKNOWN = (LicenseClass.OSI_APPROVED, LicenseClass.OPEN_NON_OSI,
                                  LicenseClass.CUSTOM_RESTRICTED, LicenseClass.UNKNOWN)
MIT = reference_text("MIT").replace("<year> <copyright holders>", "2025 Acme AI")
APACHE = reference_text("Apache-2.0")
LLAMA2 = reference_text("llama-2-license-2023")


def codes(verdict) -> set[str]:
    return {f.code for f in verdict.findings}


def file(path: str, text: str) -> FetchedFile:
    return FetchedFile(path, text=text)


@pytest.mark.parametrize(
    ("license_value", "expected", "key"),
    [
        ("apache-2.0", OSI, "Apache-2.0"),
        ("Apache 2.0", OSI, "Apache-2.0"),
        ("MIT", OSI, "MIT"),
        (["apache-2.0", "mit"], OSI, "Apache-2.0"),
        ("cc-by-4.0", OPEN, "CC-BY-4.0"),
        ("cc0-1.0", OPEN, "CC0-1.0"),
        ("cc-by-nc-4.0", RESTRICTED, "CC-BY-NC-4.0"),
        ("cc-by-nd-4.0", RESTRICTED, "CC-BY-ND-4.0"),
        ("llama2", RESTRICTED, "llama-2-license-2023"),
        ("llama3.1", RESTRICTED, "llama-3.1-license-2024"),
        ("bigscience-openrail-m", RESTRICTED, "bigscience-open-rail-m"),
        ("openrail", RESTRICTED, None),
        (["mit", "cc-by-nc-4.0"], RESTRICTED, "CC-BY-NC-4.0"),
        ("gpl", OSI, None),
        ("bsd", UNKNOWN, None),
        ("unknown", UNKNOWN, None),
        ("other", UNKNOWN, None),
        ("my-own-license-v7", UNKNOWN, None),
    ],
)
def test_card_license_id_alone_decides_the_class(license_value, expected, key):
    """Hub ids (also non-normalised or list-valued) map to a class; the most restrictive of a list wins."""
    verdict = classify({"license": license_value})
    assert verdict.classification is expected
    governing_key = verdict.governing.key if verdict.governing and verdict.governing.decides else None
    assert governing_key == key


@pytest.mark.parametrize(
    ("name", "expected", "key"),
    [
        ("llama-2-community-license", RESTRICTED, "llama-2-license-2023"),
        ("deepseek", RESTRICTED, "deepseek-la-1.0"),
        ("gemma-terms-of-use", RESTRICTED, "gemma-tou-2024-04-01"),
        ("totally-custom-terms", UNKNOWN, None),
    ],
)
def test_license_other_uses_license_name_aliases(name, expected, key):
    """`license: other` + `license_name` goes through the alias table of spellings seen on the Hub."""
    verdict = classify({"license": "other", "license_name": name})
    assert verdict.classification is expected
    if key:
        assert verdict.governing.key == key and verdict.governing.matcher == "card-license-name"


def test_no_license_anywhere_is_unknown_with_a_finding():
    """No license is not an open license."""
    verdict = classify({"tags": ["text-generation"]})
    assert verdict.classification is UNKNOWN
    assert "no-license" in codes(verdict)


def test_unrecognized_label_is_reported():
    """An id the tool does not know is said so, never guessed."""
    verdict = classify({"license": "apache-3.0"})
    assert verdict.classification is UNKNOWN and "license-unrecognized" in codes(verdict)


def test_osi_judgement_without_spdx_proof_is_downgraded_to_unknown():
    """Never OSI-approved without proof: a table row claiming OSI for a non-OSI text is not believed."""
    row = HubLicense("cc0-1.0", "CC0-1.0", (), OSI, (), "wrongly judged")
    assert row.classification is UNKNOWN
    family = HubLicense("some-family", None, ("MIT", "CC-BY-4.0"), OSI, (), "mixed family")
    assert family.classification is UNKNOWN


def test_license_file_copy_with_filled_template_is_the_license():
    """A copyright line and filled-in template do not change the license."""
    verdict = classify({"license": "mit"}, (file("LICENSE", MIT),))
    assert verdict.classification is OSI
    assert {d.matcher for d in verdict.detections} == {"card-license-id", "license-file-copy"}
    assert "license-mismatch" not in codes(verdict)


def test_apache_without_its_appendix_is_still_apache():
    """A removed appendix is harmless."""
    text = APACHE.split("APPENDIX: How to apply")[0]
    verdict = classify({"license": "apache-2.0"}, (file("LICENSE", text),))
    assert verdict.classification is OSI
    assert verdict.governing.key == "Apache-2.0"


def test_mit_with_an_added_non_commercial_clause_is_not_mit():
    """Text added to a known license is never absorbed into it: the added clause is quoted with its line."""
    text = MIT + "\nThe Software may not be used for commercial purposes without a separate written agreement.\n"
    verdict = classify({"license": "mit"}, (file("LICENSE", text),))
    assert verdict.classification is RESTRICTED
    assert verdict.governing.matcher == "license-file-modified"
    assert "6" in verdict.governing.osd
    clause = verdict.governing.restrictions[0].evidence[0]
    assert "commercial purposes" in clause.quote and clause.line == len(MIT.splitlines()) + 2
    assert "license-mismatch" in codes(verdict)


def test_cc_by_nc_text_is_not_mistaken_for_cc_by():
    """CC-BY-NC is ~98% CC-BY's text; the NC text must still come out restricted."""
    verdict = classify({}, (file("LICENSE", reference_text("CC-BY-NC-4.0")),))
    assert verdict.classification is RESTRICTED
    assert verdict.governing.key == "CC-BY-NC-4.0"


def test_card_apache_but_llama_license_file_is_restricted_with_mismatch():
    """The open-washing case: the card says Apache, the file is the Llama 2 agreement. Most restrictive wins."""
    verdict = classify({"license": "apache-2.0"}, (file("LICENSE", LLAMA2),))
    assert verdict.classification is RESTRICTED
    assert verdict.governing.key == "llama-2-license-2023"
    mismatch = next(f for f in verdict.findings if f.code == "license-mismatch")
    assert {e.source for e in mismatch.evidence} == {"card-metadata", "license-file"}


def test_restrictive_terms_finding_quotes_the_clause_with_its_line_and_osd():
    """Every restrictive verdict explains itself: the clause, its line, and the OSD clause it breaks."""
    verdict = classify({"license": "llama2"}, (file("LICENSE", LLAMA2),))
    finding = next(f for f in verdict.findings if f.code == "restrictive-terms")
    assert "OSD 5" in finding.message and "OSD 6" in finding.message
    quotes = {e.quote for e in finding.evidence}
    assert any("monthly active users" in q for q in quotes)
    assert all(e.line for e in finding.evidence)


def test_unrecognized_primary_license_file_makes_an_mit_card_unknown():
    """A LICENSE that is not MIT is no proof of MIT: unknown, with a mismatch finding."""
    text = ("Acme Model License\n\n" + "You may use, copy and share the model weights subject to the attached terms. " * 6)
    verdict = classify({"license": "mit"}, (file("LICENSE", text),))
    assert verdict.classification is UNKNOWN
    assert "license-mismatch" in codes(verdict)


def test_unrecognized_notice_file_does_not_override_the_card():
    """A NOTICE of attributions is not a license: it neither decides nor downgrades."""
    notice = "This product includes software developed at Acme AI. " * 20
    verdict = classify({"license": "apache-2.0"}, (file("LICENSE", APACHE), file("NOTICE", notice)))
    assert verdict.classification is OSI


def test_short_license_file_naming_the_declared_license_is_consistent():
    """`LICENSE` saying only "Licensed under the Apache License, Version 2.0" agrees with an apache-2.0 card."""
    verdict = classify({"license": "apache-2.0"}, (file("LICENSE", "Licensed under the Apache License 2.0.\n"),))
    assert verdict.classification is OSI
    assert "license-mismatch" not in codes(verdict)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The model may be used for non-commercial research purposes only.", RESTRICTED),
        ("Licensees with more than 100 million monthly active users must request a license from Acme.", RESTRICTED),
        ("You may not use the outputs of the model to train or improve any other large language model.", RESTRICTED),
        ("You may use the model for commercial and non-commercial purposes without restriction.", UNKNOWN),
    ],
)
def test_never_seen_license_text_is_judged_by_its_clauses(sentence, expected):
    """Restriction detectors work on texts the catalog has never seen; permissive wording is not a restriction."""
    text = "ACME MODEL LICENSE AGREEMENT\n\n1. Grant. Acme grants you a license to the model.\n\n2. " + sentence + "\n"
    verdict = classify({"license": "other", "license_name": "acme-model-license"}, (file("LICENSE", text),))
    assert verdict.classification is expected


def test_card_id_and_license_name_disagreeing_is_a_mismatch():
    """`license: mit` with `license_name: deepseek` is contradictory metadata, and the restrictive one governs."""
    verdict = classify({"license": "mit", "license_name": "deepseek"})
    assert verdict.classification is RESTRICTED
    assert "license-mismatch" in codes(verdict)


def test_family_id_is_decided_by_the_license_file():
    """`license: bsd` names no text; a BSD-3-Clause LICENSE decides, consistently with the family."""
    verdict = classify({"license": "bsd"}, (file("LICENSE", reference_text("BSD-3-Clause")),))
    assert verdict.classification is OSI
    assert "license-family" in codes(verdict) and "license-mismatch" not in codes(verdict)


def test_unreadable_license_file_is_a_finding_not_a_verdict():
    """A gated USE_POLICY.md cannot be read: say so, and judge on what could be read."""
    from auditor.models import ModelError

    gated = FetchedFile("USE_POLICY.md", error=ModelError("gated", "gated repo", "USE_POLICY.md"))
    verdict = classify({"license": "llama3"}, (gated,))
    assert verdict.classification is RESTRICTED
    assert "file-unreadable" in codes(verdict)


def test_our_own_license_file_is_apache():
    """Dogfood: the project's LICENSE identifies as Apache-2.0."""
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "LICENSE").read_text(encoding="utf-8")
    assert classify({}, (file("LICENSE", text),)).governing.key == "Apache-2.0"


@pytest.mark.parametrize(
    "addition",
    [
        "Copyright (c) 2024 Acme. This Software may not be used for any commercial purpose; research use only.",
        "Use by any for-profit company is forbidden.",
        "Government agencies are excluded from this grant.",
        "Commercial deployment costs USD 1000 per seat. Enterprises pay annual fees to Acme. Governments pay double.",
        "The copyright holders grant these rights to individuals and universities alone, with every company excluded.",
    ],
)
def test_short_or_notice_like_additions_to_mit_are_never_called_osi(addition):
    """Reviewer's false-open cases: text added to MIT, however short or notice-like, is not MIT."""
    verdict = classify({}, (file("LICENSE", MIT + "\n" + addition + "\n"),))
    assert verdict.classification in (LicenseClass.UNKNOWN, LicenseClass.CUSTOM_RESTRICTED)


def test_plain_copyright_notice_and_title_keep_mit_osi():
    """A filled copyright line and a title are the harmless edits every real LICENSE has."""
    text = "MIT License\n\nCopyright (c) 2019-2024 Acme Vision Labs, Inc. All rights reserved.\n\n" + MIT.split("\n", 3)[3]
    assert classify({}, (file("LICENSE", text),)).classification is OSI


@pytest.mark.parametrize("declared", [["mit", "other"], [["cc-by-nc-4.0"], "mit"], ["mit", "totally-custom"]])
def test_an_unknown_license_next_to_a_known_one_is_never_osi(declared):
    """`license: [mit, other]`: part of the terms is unknown, so the whole is not proven OSI."""
    from auditor.cards.frontmatter import license_fields

    values, _, _ = license_fields({"license": declared})
    assert classify({"license": values}).classification is UNKNOWN
