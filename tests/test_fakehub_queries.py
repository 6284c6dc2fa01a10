"""The fake Hub's listing queries, as the real Hub answers them: base_model tags with their relation,
childrenModelCount, search, repeated filters in both spellings, sort, and limit as the page size."""

from __future__ import annotations

import pytest
import requests
from huggingface_hub import HfApi

BASE = "hearth-ai/hearth-8b"


def api(hub) -> HfApi:
    return HfApi(endpoint=hub.url, token=False)


@pytest.mark.parametrize("repo_id, tag", [
    ("hearth-ai/hearth-8b-instruct", f"base_model:finetune:{BASE}"),  # nothing else to go by: finetune
    ("hearth-community/hearth-8b-lora-medical", f"base_model:adapter:{BASE}"),  # adapter_config.json
    ("quantco/hearth-8b-q4", f"base_model:quantized:{BASE}"),  # a .gguf file
    ("quantco/hearth-8b-apache-chat-AWQ", "base_model:quantized:hearth-community/hearth-8b-apache-chat"),  # AWQ name
    ("hearth-community/hearth-8b-franken-merge", "base_model:merge:hearth-ai/hearth-8b-instruct"),  # two bases
    ("hearth-community/hearth-8b-roleplay-v2", "base_model:finetune:hearth-community/hearth-8b-instruct-roleplay"),
])
def test_base_model_tags_carry_the_relation_stated_or_inferred(hub, repo_id, tag):
    info = api(hub).model_info(repo_id, expand=["tags"])
    base = tag.split(":", 2)[2]
    assert tag in info.tags and f"base_model:{base}" in info.tags


def test_children_model_count_counts_direct_children_per_relation(hub):
    info = requests.get(f"{hub.url}/api/models/{BASE}", params={"expand": "childrenModelCount"}, timeout=10).json()
    assert info["childrenModelCount"] == {"adapter": 1, "merge": 0, "quantized": 1, "finetune": 4}
    leaf = requests.get(f"{hub.url}/api/models/quantco/hearth-8b-q4", params={"expand": "childrenModelCount"},
                        timeout=10).json()
    assert leaf["childrenModelCount"] == {"adapter": 0, "merge": 0, "quantized": 0, "finetune": 0}


@pytest.mark.parametrize("key", ["filter", "filter[]"])
def test_repeated_filters_must_all_match_in_either_spelling(hub, key):
    answer = requests.get(f"{hub.url}/api/models", params=[(key, f"base_model:{BASE}"), (key, "license:mit"),
                                                           ("limit", "50")], timeout=10).json()
    assert [m["id"] for m in answer] == ["hearth-community/hearth-8b-lora-medical"]


def test_sort_orders_most_first_and_pages_without_skipping(hub):
    client = api(hub)
    everything = {m.id: m.downloads for m in client.list_models(search="hearth", expand=["downloads"])}
    ordered = [m.id for m in client.list_models(search="hearth", sort="downloads", expand=["downloads"])]
    assert sorted(ordered) == sorted(everything)  # pages of 3 cover every match exactly once
    assert [everything[i] for i in ordered] == sorted(everything.values(), reverse=True)
    assert ordered[:2] == ["hearth-ai/hearth-8b", "hearth-ai/hearth-8b-instruct"]


@pytest.mark.parametrize("sort", ["stars", "created_at", "last_modified", "trending_score"])
def test_a_sort_the_hub_does_not_know_is_a_bad_request(hub, sort):
    """Only camelCase field names are sort values on the wire: huggingface_hub translates `created_at` and
    friends before sending (hub-api.md §2.1) because the Hub answers them 400 (huggingface_hub#2655)."""
    answer = requests.get(f"{hub.url}/api/models", params={"sort": sort}, timeout=10)
    assert answer.status_code == 400 and answer.json() == {"error": f"Invalid sort parameter: {sort}"}
    assert requests.get(f"{hub.url}/api/models", params={"sort": "createdAt"}, timeout=10).status_code == 200
