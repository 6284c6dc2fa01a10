"""The sanitising step and the Hub-name grammar, rule by rule."""

from __future__ import annotations

import io
import json

import pytest
import yaml
from rich.console import Console

from auditor.cli import output
from auditor.pipeline.audit import judge
from auditor.cards.frontmatter import load_yaml
from auditor.hub.crawl import _linked_file, license_candidates
from auditor.models import FetchedFile, ModelMeta, Snapshot
from auditor.render.json import model_entry
from auditor.repoids import is_namespace, is_repo_id, linked_repo_file
from auditor.sanitize import REDACTED, clean, encodable, for_terminal, json_text
from tests.conftest import ROOT

TOKEN = "hf_sanitizeTOKEN123456"


@pytest.mark.parametrize("raw, shown", [
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
    ("\x1b[2J\x1b[31mred", "\\x1b[2J\\x1b[31mred"),
    ("csi\x9b2J osc\x9d st\x9c", "csi\\x9b2J osc\\x9d st\\x9c"),
    ("mit\u202egnp.exe", "mit\\u202egnp.exe"),
    ("\u2066isolate\u2069 \u200f \u061c", "\\u2066isolate\\u2069 \\u200f \\u061c"),
    ("over\rwrite\b\x7f\x00", "over\\x0dwrite\\x08\\x7f\\x00"),
    ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ("plain ünïcode 🤗 نص", "plain ünïcode 🤗 نص"),
])
def test_terminal_text_shows_controls_as_escapes(raw, shown):
    """A card cannot set the window title, clear the screen or reorder what the reader sees."""
    assert for_terminal(raw) == shown


def test_the_token_is_redacted_wherever_it_appears():
    assert for_terminal(f"error: Bearer {TOKEN} rejected", [TOKEN]) == f"error: Bearer {REDACTED} rejected"
    assert clean({"a": [f"x{TOKEN}y"], TOKEN: 1}, (TOKEN,)) == {"a": [f"x{REDACTED}y"], REDACTED: 1}


def test_short_secrets_are_not_redacted_word_by_word():
    assert for_terminal("a b c", ["a"]) == "a b c"


def test_clean_copies_nothing_when_nothing_is_hostile():
    """A clean 20,000-model feed is not duplicated in memory by the sanitising step."""
    feed = {"models": [{"id": "a/b", "findings": [{"message": "ok"}]}], "n": 1}
    assert clean(feed, (TOKEN,)) is feed
    dirty = {"models": [{"id": "a/\ud800"}], "other": ["kept"]}
    cleaned = clean(dirty)
    assert cleaned["models"][0]["id"] == "a/\ufffd" and cleaned["other"] is dirty["other"]


@pytest.mark.parametrize("value", ["\x1b[2J", "\x9b\x85\u2028\u2029\u202e", "\ud800 lone", "plain", "\x00\x1f"])
def test_json_escaping_is_lossless_and_inert(value):
    text = json_text(json.dumps({"v": value}, ensure_ascii=False))
    assert all(ord(c) >= 0x20 and not 0x7f <= ord(c) <= 0x9f for c in text)
    assert json.loads(text)["v"] == encodable(value)


def test_messages_on_stderr_go_through_the_sanitising_step(monkeypatch):
    buffer = io.StringIO()
    monkeypatch.setattr(output, "err", Console(file=buffer, force_terminal=True, width=200, highlight=False, markup=False))
    monkeypatch.setattr(output, "_secrets", [TOKEN])
    output.say(f"  [1] evil/\x1b]0;pwn\x07: unknown {TOKEN}")
    assert "\x1b" not in buffer.getvalue() and TOKEN not in buffer.getvalue() and "\\x1b]0;pwn" in buffer.getvalue()


@pytest.mark.parametrize("repo_id, valid", [
    ("meta-llama/Llama-2-7b-hf", True), ("google/gemma-2b", True), ("a/b", True), ("user_1/model.v2", True),
    ("noslash", False), ("a b/c", False), ("../api", False), ("a/..", False), ("a/b/c", False), ("", False),
    ("a/", False), ("/b", False), ("a/b.git", False), ("a--b/c", False), ("a/b..c", False), ("-a/b", False),
    ("a/b-", False), ("a/" + "b" * 96, True), ("a/" + "b" * 97, False), ("a/\x1b[2J", False), ("a/\ud800", False),
    ("ü/b", False),
])
def test_repo_ids_follow_the_hub_grammar(repo_id, valid):
    assert is_repo_id(repo_id) is valid


@pytest.mark.parametrize("name, valid", [("meta-llama", True), ("", False), (" ", False), ("a/b", False), ("x--y", False)])
def test_organization_names_follow_the_hub_grammar(name, valid):
    assert is_namespace(name) is valid


@pytest.mark.parametrize("link, expected", [
    ("LICENSE", (None, "LICENSE")), ("./LICENSE.md", (None, "LICENSE.md")), ("/LICENSE", (None, "LICENSE")),
    ("https://huggingface.co/meta-llama/Llama-2-7b/blob/main/LICENSE", ("meta-llama/Llama-2-7b", "LICENSE")),
    ("https://hf.co/a/b/resolve/main/docs/TERMS.md", ("a/b", "docs/TERMS.md")),
    ("https://huggingface.co/a/b/raw/v1.0/LICENSE%20FILE", ("a/b", "LICENSE FILE")),
    ("https://example.com/a/b/blob/main/LICENSE", None), ("https://ai.google.dev/gemma/terms", None),
    ("../../etc/passwd", None), ("https://huggingface.co/../api/blob/main/x", None), ("", None), (None, None),
    ("https://[bad/a/b/blob/main/LICENSE", None),
])
def test_license_links_name_a_repo_and_a_file(link, expected):
    assert linked_repo_file(link) == expected


def test_a_link_into_another_repo_is_never_this_repos_file():
    """Another repo's LICENSE is not ours: the crawler never reads our own file of that name for it."""
    link = "https://huggingface.co/OTHER/REPO/blob/main/conditions.md"
    assert _linked_file(link) is None
    assert license_candidates(["README.md", "conditions.md"], link) == []
    assert license_candidates(["README.md", "conditions.md"], "conditions.md") == ["conditions.md"]


@pytest.mark.parametrize("text", ["a: " + "[" * 60 + "]" * 60, "a: 0x" + "f" * 900, "a: 2026-02-30", "a: " + "7" * 5000])
def test_yaml_beyond_the_limits_is_a_yaml_error(text):
    with pytest.raises(yaml.YAMLError):
        load_yaml(text)


def _judge_with_link(front: str, license_text: str | None) -> dict:
    meta = ModelMeta("me/model", sha="a" * 40, files=("README.md", "LICENSE"))
    files = (FetchedFile("LICENSE", text=license_text),) if license_text is not None else ()
    return model_entry(judge(Snapshot(meta, FetchedFile("README.md", text=f"---\n{front}\n---\nOpen source model.\n"), files)))


MIT_TEXT = (ROOT / "auditor" / "data" / "licenses" / "MIT.txt").read_text(encoding="utf-8")
LINK = "https://huggingface.co/someone/other-model/blob/main/LICENSE"
LLAMA_LINK = "https://huggingface.co/meta-llama/Llama-2-7b/blob/main/LICENSE"


@pytest.mark.parametrize("front, license_text, classification, severity", [
    (f"license: other\nlicense_link: {LINK}", MIT_TEXT, "unknown", "warning"),  # our MIT LICENSE is not those terms
    (f"license_link: {LINK}", None, "unknown", "warning"),
    # the card's own id beside another repo's file it names as its license: those unread terms may not be that id
    (f"license: apache-2.0\nlicense_link: {LINK}", None, "unknown", "warning"),
    # unless the file is a declared base's: the id decides and lineage reads the base's terms
    (f"license: apache-2.0\nbase_model: someone/other-model\nlicense_link: {LINK}", None, "osi-approved", "info"),
    (f"license: other\nlicense_name: llama2\nlicense_link: {LINK}", None, "custom-restricted", "info"),
    # a link to the LICENSE of a well-known restrictive model names those terms: restricted, whatever our file says
    (f"license: other\nlicense_link: {LLAMA_LINK}", MIT_TEXT, "custom-restricted", "warning"),
])
def test_a_license_link_into_another_repo_is_reported_and_never_makes_a_model_osi(front, license_text,
                                                                                  classification, severity):
    entry = _judge_with_link(front, license_text)
    linked_repo = "meta-llama/Llama-2-7b" if LLAMA_LINK in front else "someone/other-model"
    assert entry["classification"] == classification
    found = [f for f in entry["findings"] if f["code"] == "license-elsewhere"]
    assert found and found[0]["severity"] == severity and linked_repo in found[0]["message"]


def test_a_link_to_the_repo_itself_is_not_reported():
    entry = _judge_with_link("license: mit\nlicense_link: https://huggingface.co/me/model/blob/main/LICENSE", MIT_TEXT)
    assert entry["classification"] == "osi-approved"
    assert "license-elsewhere" not in {f["code"] for f in entry["findings"]}
