"""Lineage: base-model chains are resolved through the Hub, once per base, and relabelled derivatives caught."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.judge.lineage import base_models


@pytest.mark.parametrize(
    ("metadata", "tags", "expected"),
    [
        ({"base_model": "meta-llama/Llama-2-7b-hf"}, (), ("meta-llama/Llama-2-7b-hf",)),
        ({"base_model": ["a/b", "c/d", "a/b"]}, (), ("a/b", "c/d")),
        ({"base_model": "https://huggingface.co/meta-llama/Llama-2-7b-hf/tree/main"}, (), ("meta-llama/Llama-2-7b-hf",)),
        ({}, ("base_model:quantized:x/y", "base_model:x/z", "license:mit"), ("x/y", "x/z")),
        ({"base_model": "gpt2"}, (), ("gpt2",)),
        ({"base_model": ["../whoami-v2", "a b/c", "https://evil.example/a/b", "hf.co/a/b", "x/y/../../z"]}, (), ("a/b",)),
        ({"base_model": "huggingface.co/datasets/a/b"}, (), ()),
        ({"base_model": "me/self"}, (), ()),
        (None, (), ()),
    ],
)
def test_base_models_come_from_card_and_hub_tags(metadata, tags, expected):
    """`base_model` may be a string, a list or a URL; the Hub adds `base_model:<relation>:<id>` tags."""
    assert base_models(metadata, tags, own_id="me/self") == expected


def audit(hub, *args):
    result = CliRunner().invoke(app, ["audit", *args, "--endpoint", hub.url, "-f", "json", "--max-wait", "0"])
    return {m["id"]: m for m in json.loads(result.stdout)["models"]}


def test_quantized_copy_of_a_relabelled_fine_tune_is_caught_through_the_chain(hub):
    """restricted base → apache-2.0 fine-tune → quantized copy: the copy inherits the base's terms."""
    models = audit(hub, "bitshrink")
    gguf = models["bitshrink/llama2-7b-chat-apache-GGUF"]
    assert gguf["classification"] == "custom-restricted"
    finding = next(f for f in gguf["findings"] if f["code"] == "relabelled-derivative")
    chain = finding["evidence"][0]["quote"]
    assert "openwash-labs/llama2-7b-chat-apache" in chain and "meta-llama/Llama-2-7b-hf" in chain
    assert chain.index("openwash-labs") < chain.index("meta-llama")


def test_each_distinct_base_costs_exactly_one_metadata_request(hub):
    """Bases outside the audited organizations are read once each, and only their metadata."""
    audit(hub, "bitshrink")
    info_calls = [r.path for r in hub.requests if r.path.startswith("/api/models/")]
    assert sorted(info_calls) == ["/api/models/meta-llama/Llama-2-7b-hf", "/api/models/openwash-labs/llama2-7b-chat-apache"]
    base_files = [r.path for r in hub.requests if r.path.startswith(("/meta-llama/", "/openwash-labs/"))]
    assert base_files == []


def test_audited_bases_cost_no_request_at_all(hub):
    """When the base is in the audit, its full verdict is reused."""
    audit(hub, "openwash-labs", "meta-llama")
    assert not [r for r in hub.requests if r.path.startswith("/api/models/meta-llama/Llama-2-7b-hf")]


def test_relabelled_fine_tune_with_claim_is_flagged_as_error(hub):
    """An apache-2.0 Llama 2 fine-tune marketed as open source is open-washing."""
    model = audit(hub, "openwash-labs")["openwash-labs/llama2-7b-chat-apache"]
    assert model["flagged"] and model["flag_severity"] == "error"
    assert any(f["code"] == "relabelled-derivative" for f in model["findings"])


def test_base_model_cycles_end(hub):
    """A cycle in base_model metadata neither loops nor changes an honest verdict."""
    models = audit(hub, "--model", "northwind-research/nw-cycle-a")
    assert models["northwind-research/nw-cycle-a"]["classification"] == "osi-approved"


def test_unreadable_base_is_reported_not_fatal(hub):
    """A base that does not exist on the Hub is an informational finding, and the audit goes on."""
    model = audit(hub, "--model", "acme-ai/acme-llama2-70b-legal")["acme-ai/acme-llama2-70b-legal"]
    assert any(f["code"] == "base-model-unresolved" for f in model["findings"])
    assert model["classification"] == "custom-restricted"


def test_a_renamed_base_is_read_once_under_its_canonical_id():
    """`old/x` answers (after a 307) as `new/x`: a later `new/x` is the same repo and costs no second read."""
    from auditor.judge.lineage import Lineage
    from auditor.models import ModelMeta

    reads: list[str] = []

    def read(repo_id: str) -> ModelMeta:
        reads.append(repo_id)
        return ModelMeta("new/x", card_data={"license": "llama2"})

    lineage = Lineage(read, {})
    assert lineage.terms("old/x").id == "new/x"
    assert lineage.terms("new/x").classification.value == "custom-restricted"
    assert reads == ["old/x"]
