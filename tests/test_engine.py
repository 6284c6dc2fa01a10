"""License text engine: every reference identifies as itself, detectors fire on clauses not on boilerplate."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.judge.identify import identify_text, to_dict
from auditor.engine.catalog import load_catalog, reference_keys, reference_text
from auditor.engine.restrictions import detectors, find_restrictions


@pytest.mark.parametrize("key", reference_keys())
def test_every_shipped_reference_identifies_as_itself(key):
    """Version-aware identity: Llama 3 is not Llama 3.1, CC-BY-NC is not CC-BY, each text is its own license."""
    result = to_dict(identify_text(reference_text(key)))
    assert key == result["key"] or key in result["same_text_as"]
    assert result["classification"] == load_catalog()[key].classification.value


DETECTOR_CASES = {
    "non-commercial": "The Model may not be used, in whole or in part, for any commercial purpose.",
    "research-only": "You may use the Model solely for non-commercial research.",
    "limited-use": "The Model is licensed to you for evaluation only and may be used for internal purposes only.",
    "acceptable-use-policy": "Your use must comply with the Acceptable Use Policy, incorporated by reference.",
    "user-threshold": "Licensees with more than 700 million monthly active users must request a license.",
    "improve-other-models": "You will not use the outputs of the Model to improve any other large language model.",
    "no-derivatives": "You may not modify, adapt or fine-tune the Model.",
    "territorial": "This license is not granted to companies domiciled in the European Union.",
    "revocable": "Google may restrict (remotely or otherwise) usage of any of the Gemma Services.",
    "permission-required": "Commercial use requires a separate license from the Licensor.",
    "pass-through": "You must include the use restrictions of paragraph 5 in any agreement governing the Model.",
    "no-military": "The Model shall not be used for military purposes.",
    "no-selling": "The License does not grant to you the right to Sell the Software.",
    "no-redistribution": "Redistribution of the weights is not allowed.",
    "no-compete": "You may not use the Model to build a product or service that competes with Acme Corp.",
    "carve-out": "This waiver does not extend to use of the Work for training commercial models.",
    "use-restriction": "You may not use this model to generate content that harms others.",
}


def test_every_detector_has_a_case():
    """A detector without a test case can silently stop working."""
    assert set(DETECTOR_CASES) == {d.code for d in detectors()}


@pytest.mark.parametrize(("code", "sentence"), sorted(DETECTOR_CASES.items()))
def test_detector_quotes_the_restrictive_sentence_and_names_an_osd_clause(code, sentence):
    """Each detector quotes the sentence, with its line, and says which OSD clause it breaks."""
    hits = [h for h in find_restrictions("Preamble.\n\n" + sentence) if h.code == code]
    assert hits, sentence
    assert hits[0].line == 3 and sentence[:30] in hits[0].quote
    assert hits[0].osd


@pytest.mark.parametrize(
    "text",
    [
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this software.",
        "You may use the Model for any purpose, including commercial purposes, without restriction.",
        "Both commercial and non-commercial use are permitted.",
        "The Software is provided as is, without warranty of any kind.",
        "You may reproduce and distribute copies of the Work in any medium, with or without modifications.",
        "Redistribution and use in source and binary forms, with or without modification, are permitted.",
        "This license does not restrict commercial use and there is no user threshold.",
        "The earlier research-only restriction no longer applies.",
    ],
)
def test_permissive_boilerplate_restricts_nothing(text):
    """Negations and permissive wording ("without restriction", "for any purpose") are not restrictions."""
    assert find_restrictions(text) == ()


@pytest.mark.parametrize("key", ["MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "CC-BY-4.0", "CC0-1.0"])
def test_open_reference_texts_contain_no_restriction(key):
    """The detectors never fire on the standard open texts (no false restriction on honest models)."""
    assert find_restrictions(reference_text(key)) == ()


def test_identify_command_reports_json_from_files_and_stdin(tmp_path):
    """`identify PATH... -` is the way to check a local license file, and to benchmark the engine."""
    path = tmp_path / "LICENSE"
    path.write_text(reference_text("MIT"), encoding="utf-8")
    result = CliRunner().invoke(app, ["identify", str(path), "-", "--format", "json"],
                                input="This model is licensed under CC BY-NC 4.0.\n")
    assert result.exit_code == 0
    first, second = json.loads(result.stdout)
    assert (first["key"], first["classification"]) == ("MIT", "osi-approved")
    assert (second["path"], second["key"], second["classification"]) == ("<stdin>", "CC-BY-NC-4.0", "custom-restricted")


def test_identify_shows_added_clause_in_the_table(tmp_path):
    """The human view names the base license and quotes what was added."""
    path = tmp_path / "LICENSE"
    path.write_text(reference_text("BSD-3-Clause") + "\n4. The software shall not be used for military purposes.\n")
    result = CliRunner().invoke(app, ["identify", str(path)])
    assert "custom-restricted" in result.stdout and "BSD 3-Clause" in result.stdout
    assert "military" in result.stdout


def test_identify_unreadable_path_is_a_usage_error(tmp_path):
    """A missing file is a clear error (exit 2), not a traceback."""
    result = CliRunner().invoke(app, ["identify", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "cannot read" in result.stderr
