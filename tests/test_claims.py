"""Claim detection: "open source" said of the model in the card body; not negations, other things, code or URLs."""

from __future__ import annotations

import pytest

from auditor.claims import find_claims

CLAIMS = [
    "Acme-7B is an open source language model.",
    "We are releasing Acme-7B as an open-source model.",
    "Our fully opensource LLM for code.",
    "Acme-7B was open-sourced in March 2025.",
    "We are open-sourcing the weights of Acme-7B.",
    "## Open Source Release",
    "**Open-source** and free for everyone.",
    "Acme-7B is an open\u2011source model.",  # non-breaking hyphen
    "Acme-7B is an open&#8209;source model.",  # the same, as an HTML entity
    "<b>open source</b> model weights",
    "Acme-13B-Chat is an open-source alternative to proprietary assistants.",
    "this is an open-source code model that you can self-host.",
    "Acme-7B 是一个开源模型。",
]
NOT_CLAIMS = [
    "This model is not open source.",
    "Acme-7B is not an open-source model: see the license.",
    "Trained with open-source libraries such as PyTorch and Transformers.",
    "Thanks to the open-source community for their feedback.",
    "We use open source tools for evaluation.",
    "```python\n# open source model loader\n```",
    "Run `pip install open-source-eval` before the evaluation.",
    "See https://example.com/open-source-models for a list.",
    "[our paper](https://arxiv.org/abs/open-source-1234)",
    "<!-- open source model -->",
    "The weights are openly available for research.",
    "Open weights under the Acme license.",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_open_source_claims_in_any_spelling_are_found(text):
    """Spellings, headings, emphasis, HTML and entities, non-breaking hyphens, Chinese."""
    assert find_claims(text), text


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_negations_other_things_code_urls_and_honest_wording_are_not_claims(text):
    """Hard negatives: a flag on these would cost the tool its credibility."""
    assert find_claims(text) == (), text


def test_claim_carries_the_readme_line_and_the_quote():
    """A claim is citable: its line in README.md (front matter counted) and the sentence."""
    body = "# Acme\n\nSome intro.\nAcme is an open-source model for chat.\n"
    (claim,) = find_claims(body, first_line=6)
    assert claim.line == 9
    assert claim.quote == "Acme is an open-source model for chat."
    assert claim.confidence == "high"


def test_lines_inside_code_fences_keep_line_numbers_right():
    """Blanked code blocks do not shift the lines of later claims."""
    body = "```\ncode\nmore code\n```\nWe open-sourced this model.\n"
    (claim,) = find_claims(body)
    assert claim.line == 5


def test_labelled_snippet_set_meets_the_precision_and_recall_targets():
    """On the project's 209 labelled snippets (benchmarks/claims), precision >= 0.95 and recall >= 0.90."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "claims" / "claims.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = [(bool(find_claims(r["text"])), r["label"] == "claim") for r in rows]
    tp = sum(f and e for f, e in found)
    fp = sum(f and not e for f, e in found)
    fn = sum(e and not f for f, e in found)
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.90, (tp, fp, fn)
