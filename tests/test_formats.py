"""CycloneDX ML-BOM and SARIF: the fixture audit validates against each schema and maps the feed faithfully."""

from __future__ import annotations

import copy
import json
import re

import jsonschema
import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.render import Format, render
from auditor.render.codes import FINDING_HELP
from tests.conftest import ROOT

EXAMPLE = json.loads((ROOT / "fixtures" / "example-feed.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
NS = "hf-license-audit:"


def example(endpoint: str = "https://huggingface.co") -> dict:
    """The committed fixture audit (kept current by test_render), on a linkable endpoint."""
    return {**copy.deepcopy(EXAMPLE), "endpoint": endpoint}


def bom_of(feed: dict) -> dict:
    return json.loads(render(feed, Format.CYCLONEDX))


def component(bom: dict, model_id: str) -> dict:
    org, name = model_id.split("/")
    return next(c for c in bom["components"] if c["group"] == org and c["name"] == name)


def props(entry: dict, name: str) -> list[str]:
    return [p["value"] for p in entry.get("properties", []) if p["name"] == NS + name]


def entry(model_id: str, **license_fields) -> dict:
    """A feed entry with the given license fields (the rest as a clean osi-approved model)."""
    lic = {"declared": [], "license_name": None, "license_link": None, "key": None, "spdx": None, "name": None,
           "matcher": None, "osd": [], "reason": "", "detected": []}
    lic.update(license_fields)
    return {"id": model_id, "sha": "a" * 40, "last_modified": None, "gated": False, "classification": "unknown",
            "flagged": False, "flag_severity": None, "license": lic, "base_models": [], "claims": [],
            "findings": [], "errors": []}


def feed_of(*models: dict, endpoint: str = "https://huggingface.co") -> dict:
    from auditor.render.json import summarize

    return {"schema_version": 1, "tool_version": "0.1.0", "rules_version": "1", "spdx_list_version": "3.29.0",
            "generated_at": "2026-01-01T00:00:00Z", "endpoint": endpoint,
            "targets": [{"kind": "organization", "name": "acme", "models": len(models), "error": None}],
            "summary": summarize(list(models)), "models": list(models)}


# ---------------------------------------------------------------------------------------------- CycloneDX


@pytest.mark.parametrize("endpoint", ["https://huggingface.co", "http://127.0.0.1 (bundled fake Hub)"])
def test_cyclonedx_of_the_fixture_audit_validates_against_the_1_6_schema(endpoint):
    """Dependency-Track and friends ingest it: the library's strict JSON validator finds nothing."""
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    text = render(example(endpoint), Format.CYCLONEDX)
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    bom = json.loads(text)
    assert bom["bomFormat"] == "CycloneDX" and bom["specVersion"] == "1.6"


def test_cyclonedx_has_one_ml_model_component_per_model_with_a_huggingface_purl():
    """Each model is a machine-learning-model component whose purl pins the audited commit."""
    bom = bom_of(example())
    assert len(bom["components"]) == len(EXAMPLE["models"])
    for model in EXAMPLE["models"]:
        c = component(bom, model["id"])
        assert c["type"] == "machine-learning-model"
        assert c["purl"] == f"pkg:huggingface/{model['id']}@{model['sha']}"
        assert c["bom-ref"] == c["purl"]


@pytest.mark.parametrize(("declared", "license_name", "link", "expected"), [
    ("apache-2.0", None, None, {"id": "Apache-2.0"}),
    ("cc-by-nc-4.0", None, None, {"id": "CC-BY-NC-4.0"}),
    ("llama3.2", None, None, {"name": "llama3.2"}),
    ("openrail", None, None, {"name": "openrail"}),
    ("other", None, None, {"name": "other"}),
    ("other", "acme-community-license", "https://acme.example/license",
     {"name": "acme-community-license", "url": "https://acme.example/license"}),
    ("other", "acme-community-license", "LICENSE.md",
     {"name": "acme-community-license", "url": f"https://huggingface.co/acme/m/blob/{'a' * 40}/LICENSE.md"}),
    ("other", "acme-community-license", "javascript:alert(1)", {"name": "acme-community-license"}),
])  # fmt: skip
def test_cyclonedx_declared_licenses_are_spdx_ids_only_when_they_are_spdx_ids(declared, license_name, link, expected):
    """The bug SBOM users report: non-SPDX strings (llama3.2, other) never land in license.id."""
    model = entry("acme/m", declared=[declared], license_name=license_name, license_link=link)
    (lic,) = [x["license"] for x in component(bom_of(feed_of(model)), "acme/m")["licenses"]]
    assert lic["acknowledgement"] == "declared"
    assert {k: lic[k] for k in expected} == expected
    assert ("id" in lic) is ("id" in expected) and ("url" in lic) is ("url" in expected)


def test_cyclonedx_concluded_terms_are_named_with_their_source_when_not_spdx():
    """A LicenseRef is no SPDX id: the concluded license is named, keeps the ref and says where its text is."""
    bom = bom_of(example())
    licenses = [x["license"] for x in component(bom, "acme-ai/acme-13b-chat")["licenses"]]
    declared = [x for x in licenses if x["acknowledgement"] == "declared"]
    concluded = [x for x in licenses if x["acknowledgement"] == "concluded"]
    assert declared == [{"acknowledgement": "declared", "id": "Apache-2.0"}]
    (terms,) = concluded
    assert "id" not in terms and terms["name"] == "Llama 2 Community License Agreement 2023"
    assert terms["url"].startswith("https://huggingface.co/acme-ai/acme-13b-chat/blob/")
    assert terms["url"].endswith("/LICENSE")
    assert props(terms, "license-ref") == ["LicenseRef-scancode-llama-2-license-2023"]
    assert props(terms, "license-key") == ["llama-2-license-2023"]


def test_cyclonedx_concludes_an_spdx_id_for_osi_terms_and_nothing_for_unknown():
    """Concluded = the feed's verdict: an SPDX id when it has one, no license when nothing decided."""
    osi = entry("acme/osi", declared=["mit"], key="MIT", spdx="MIT", name="MIT License", matcher="card-license-id")
    unknown = entry("acme/none")
    bom = bom_of(feed_of(osi, unknown))
    assert {"acknowledgement": "concluded", "id": "MIT"} in [x["license"] for x in component(bom, "acme/osi")["licenses"]]
    assert "licenses" not in component(bom, "acme/none")


def test_cyclonedx_lists_base_models_as_ancestors_and_as_dependencies_inside_the_bom():
    """A BOM never lists a fine-tune without its base model."""
    bom = bom_of(example())
    gguf = component(bom, "bitshrink/llama2-7b-chat-apache-GGUF")
    (ancestor,) = gguf["pedigree"]["ancestors"]
    assert ancestor["purl"] == "pkg:huggingface/openwash-labs/llama2-7b-chat-apache"
    assert ancestor["type"] == "machine-learning-model"
    base_ref = component(bom, "openwash-labs/llama2-7b-chat-apache")["bom-ref"]
    (dep,) = [d for d in bom["dependencies"] if d["ref"] == gguf["bom-ref"]]
    assert dep["dependsOn"] == [base_ref]


def test_cyclonedx_carries_class_flag_and_findings_as_namespaced_properties():
    """Our verdict travels with the component, under the documented hf-license-audit: namespace."""
    bom = bom_of(example())
    model = next(m for m in EXAMPLE["models"] if m["flagged"])
    c = component(bom, model["id"])
    assert props(c, "class") == [model["classification"]]
    assert props(c, "flagged") == ["true"] and props(c, "flag-severity") == [model["flag_severity"]]
    assert sorted(v.split(" ")[0] for v in props(c, "finding")) == sorted(f["code"] for f in model["findings"])
    contracts = (ROOT / "docs" / "CONTRACTS.md").read_text(encoding="utf-8")
    for name in {p["name"] for comp in bom["components"] for p in comp.get("properties", [])}:
        assert f"`{name}`" in contracts, f"property {name} is not documented in docs/CONTRACTS.md"


def test_cyclonedx_is_deterministic():
    """Same feed, same BOM: serial number and timestamp come from the feed, not the clock."""
    first = render(example(), Format.CYCLONEDX)
    assert render(example(), Format.CYCLONEDX) == first
    assert json.loads(first)["metadata"]["timestamp"].startswith("2026-01-01T00:00:00")


# ---------------------------------------------------------------------------------------------- SARIF


@pytest.mark.parametrize("endpoint", ["https://huggingface.co", "http://127.0.0.1 (bundled fake Hub)"])
def test_sarif_of_the_fixture_audit_validates_against_the_2_1_0_schema(endpoint):
    """GitHub code scanning accepts it: valid against the OASIS SARIF 2.1.0 schema."""
    log = json.loads(render(example(endpoint), Format.SARIF))
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    assert log["version"] == "2.1.0"


def test_sarif_has_one_rule_per_finding_code_with_help_and_one_result_per_finding():
    """Rules explain each code; every finding of every model is a result pointing at its rule."""
    (run,) = json.loads(render(example(), Format.SARIF))["runs"]
    rules = run["tool"]["driver"]["rules"]
    codes = sorted({f["code"] for m in EXAMPLE["models"] for f in m["findings"]})
    assert [r["id"] for r in rules] == codes
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    assert len(run["results"]) == sum(len(m["findings"]) for m in EXAMPLE["models"])
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


@pytest.mark.parametrize(("severity", "level"), [("error", "error"), ("warning", "warning"), ("info", "note")])
def test_sarif_maps_severity_to_level(severity, level):
    finding = {"code": "no-license", "severity": severity, "message": "m", "evidence": []}
    (result,) = json.loads(render(feed_of({**entry("acme/m"), "findings": [finding]}), Format.SARIF))["runs"][0]["results"]
    assert result["level"] == level


def test_sarif_result_names_the_model_file_and_line():
    """A claim result points at README.md line N of the model at the audited commit, on the Hub."""
    (run,) = json.loads(render(example(), Format.SARIF))["runs"]
    model = next(m for m in EXAMPLE["models"] if m["flagged"] and m["claims"])
    (result,) = [r for r in run["results"] if r["properties"]["model"] == model["id"] and r["ruleId"] == "open-source-claim"]
    location = result["locations"][0]
    assert location["logicalLocations"][0]["fullyQualifiedName"] == model["id"]
    physical = location["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": f"{model['id']}/blob/{model['sha']}/README.md", "uriBaseId": "HUB"}
    assert physical["region"]["startLine"] == model["claims"][0]["line"]
    assert run["originalUriBaseIds"]["HUB"]["uri"] == "https://huggingface.co/"
    assert model["id"] in result["message"]["text"]


def test_sarif_reports_suppressed_findings_as_suppressed_and_read_errors_as_notifications():
    finding = {"code": "open-source-claim", "severity": "error", "message": "m", "evidence": [],
               "suppressed": {"reason": "reviewed (TICKET-1)", "expires": "2027-01-01"}}
    model = {**entry("acme/m"), "findings": [finding],
             "errors": [{"code": "http-error", "message": "LICENSE: 500", "file": "LICENSE"}]}
    (run,) = json.loads(render(feed_of(model), Format.SARIF))["runs"]
    assert "reviewed (TICKET-1)" in run["results"][0]["suppressions"][0]["justification"]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["descriptor"]["id"] == "http-error" and "acme/m" in note["message"]["text"]


def test_every_documented_finding_code_has_help_text():
    """The SARIF rules (and the dashboard's filter titles) explain every code of docs/CONTRACTS.md."""
    contracts = (ROOT / "docs" / "CONTRACTS.md").read_text(encoding="utf-8")
    table = contracts.split("## Finding codes")[1].split("\n## ")[0]
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", table, re.M))
    assert documented and documented == set(FINDING_HELP)


# ---------------------------------------------------------------------------------------------- both CLIs


@pytest.mark.parametrize("fmt", ["html", "cyclonedx", "sarif"])
def test_render_writes_every_new_format_from_a_saved_feed(fmt, tmp_path):
    """A stored feed renders to any format, as it does for Markdown."""
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(app, ["render", str(ROOT / "fixtures" / "example-feed.json"), "--format", fmt,
                                      "--output", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == render(EXAMPLE, Format(fmt))


def test_render_of_several_feeds_is_only_for_the_dashboard(tmp_path):
    feed = str(ROOT / "fixtures" / "example-feed.json")
    result = CliRunner().invoke(app, ["render", feed, feed, "--format", "sarif"])
    assert result.exit_code == 2 and "html" in result.output


def test_a_trend_over_feeds_of_different_targets_is_a_usage_error(tmp_path):
    """A change of scope (2 organizations, then 9) must not show as a trend in the flagged count."""
    other = copy.deepcopy(EXAMPLE)
    other["targets"] = other["targets"][:1]
    other["generated_at"] = "2025-01-01T00:00:00Z"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(other), encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(path), str(ROOT / "fixtures" / "example-feed.json"),
                                      "--format", "html"])
    assert result.exit_code == 2 and "different targets" in result.output


@pytest.mark.parametrize("fmt", ["html", "cyclonedx", "sarif"])
def test_audit_writes_every_new_format(hub, fmt, tmp_path):
    """`audit --format X` gives the same output as rendering its feed."""
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["audit", "acme-ai", "--endpoint", hub.url, "--format", fmt, "--output", str(out),
                                      "--max-wait", "0", "--fail-on", "never"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "acme-ai/acme-13b-chat" in text
    if fmt == "sarif":
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(text))
    elif fmt == "cyclonedx":
        from cyclonedx.schema import SchemaVersion
        from cyclonedx.validation.json import JsonStrictValidator

        assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    else:
        assert text.startswith("<!DOCTYPE html>")


# ------------------------------------------------------------------------------ controls in every format

BIDI_QUOTE = "Acme is open source \u202eLRO dne\u202c and \x1b]0;owned\x07 free"


@pytest.mark.parametrize("fmt", [Format.HTML, Format.SARIF, Format.CYCLONEDX, Format.JSON, Format.MARKDOWN, Format.TABLE])
def test_no_format_writes_a_bidi_override_or_an_escape_sequence_raw(fmt):
    """A U+202E in a quoted claim would show the quote reversed in a viewer; ESC would act on a terminal."""
    model = entry("acme/evil")
    model["claims"] = [{"quote": BIDI_QUOTE, "file": "README.md", "line": 3, "phrase": "open source",
                        "confidence": "high"}]
    model["findings"] = [{"code": "open-source-claim", "severity": "error", "message": "claims " + BIDI_QUOTE,
                          "evidence": [{"source": "card-text", "file": "README.md", "line": 3, "quote": BIDI_QUOTE}]}]
    text = render(feed_of(model), fmt)
    assert "\u202e" not in text and "\x1b" not in text and "\x07" not in text
    if fmt in (Format.SARIF, Format.CYCLONEDX, Format.JSON):
        json.loads(text)  # still valid JSON, the characters written as \\u escapes
