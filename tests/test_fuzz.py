"""Bounded, derandomized fuzzing of card text and YAML front matter: parsing and judging never raise, and
every output format renders, parses and stays inert (fixed seed, small example budget: a few seconds)."""

from __future__ import annotations

import json

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.pipeline.audit import judge
from auditor.cards.frontmatter import parse_card
from auditor.models import FetchedFile, ModelMeta, Report, Snapshot, Target
from auditor.render import Format, render
from auditor.render.json import to_feed
from tests.conftest import ROOT
from tests.hostile import CONTROLS, SURROGATES, table_rows_are_intact

SCHEMA = json.loads((ROOT / "auditor" / "schema" / "feed-v1.schema.json").read_text(encoding="utf-8"))
FUZZ = settings(derandomize=True, max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Characters that matter to YAML, Markdown, terminals and the claim/licence matchers, beside any code point.
SPECIAL = list("-:[]{}&*!|>'\"%@`#,?<\\\n\t\r ") + ["\x1b", "\x9b", "\u202e", "\x00", "\ud800", "\ufeff", "\u2028"]
WORDS = ["open source", "open-source", "license", "MIT", "Apache-2.0", "llama2", "non-commercial", "research only",
         "you may not", "---", "license: mit", "base_model:", "# License", "!!python/object", "&a", "*a", "<<:"]
text_bits = st.one_of(st.text(max_size=30), st.sampled_from(SPECIAL), st.sampled_from(WORDS))
noisy_text = st.lists(text_bits, max_size=40).map("".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), noisy_text, st.sampled_from(WORDS))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(noisy_text, inner, max_size=4)), max_leaves=20)
keys = st.sampled_from(["license", "license_name", "license_link", "base_model", "tags", "model-index"]) | noisy_text
metadata = st.dictionaries(keys, values, max_size=6)


def _dump(data: dict) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except (yaml.YAMLError, UnicodeEncodeError):
        return "license: mit\n"


front_matter = st.one_of(metadata.map(_dump), noisy_text)
cards = st.builds(lambda front, body, style: {"fenced": f"---\n{front}\n---\n{body}", "open": f"---\n{front}{body}",
                                              "bare": body}[style],
                  front_matter, noisy_text, st.sampled_from(["fenced", "fenced", "open", "bare"]))


def _judged_feed(card_text: str, license_text: str | None) -> dict:
    meta = ModelMeta("fuzz/model", sha="a" * 40, files=("README.md", "LICENSE"))
    files = (FetchedFile("LICENSE", text=license_text),) if license_text is not None else ()
    result = judge(Snapshot(meta, FetchedFile("README.md", text=card_text), files))
    return to_feed(Report("https://huggingface.co", "2026-01-01T00:00:00Z", (Target("model", "fuzz/model", 1),), (result,)))


def _assert_outputs_are_safe(feed: dict) -> None:
    text = render(feed, Format.JSON)
    again = json.loads(text.encode("utf-8"))  # always encodable
    jsonschema.Draft202012Validator(SCHEMA).validate(again)
    assert not CONTROLS.search(text.replace("\n", ""))
    for fmt in (Format.MARKDOWN, Format.TABLE):
        out = render(feed, fmt)
        out.encode("utf-8")
        assert not CONTROLS.search(out) and not SURROGATES.search(out)
        if fmt is Format.MARKDOWN:
            assert "<" not in out
            table_rows_are_intact(out)


@FUZZ
@given(cards)
def test_any_card_text_parses_without_raising(text):
    card = parse_card(text)
    assert card.metadata is None or hasattr(card.metadata, "get")
    assert (card.metadata is None) or card.error is None


@FUZZ
@given(cards, st.one_of(st.none(), noisy_text))
def test_any_card_and_license_text_is_judged_and_renders_safely(card_text, license_text):
    feed = _judged_feed(card_text, license_text)
    assert all(e["code"] != "internal-error" for e in feed["models"][0]["errors"])
    _assert_outputs_are_safe(feed)


@FUZZ
@given(metadata)
def test_any_yaml_metadata_is_judged_and_renders_safely(data):
    feed = _judged_feed(f"---\n{_dump(data)}---\nAn open source model.\n", None)
    _assert_outputs_are_safe(feed)
