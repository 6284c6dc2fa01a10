"""Derivatives sweeps and searches: every derivative at every level, one listing per (parent, relation) page,
no per-child metadata read, and a lineage view whose counts match the fixture tree."""

from __future__ import annotations

import json
import math
from collections import Counter

import jsonschema
import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.hub.client import Hub, RetryPolicy
from auditor.hub.listing import ListingQuery
from benchmarks.synth import generate
from tests.fakehub import FakeHub
from tests.test_e2e import SCHEMA

BASE = "hearth-ai/hearth-8b"
#: The fixture tree under fixtures/hub/models: id -> (parent reached from, relation, depth, category, claims).
TREE = {
    "hearth-ai/hearth-8b-instruct": (BASE, "finetune", 1, "keeps", False),
    "hearth-community/hearth-8b-apache-chat": (BASE, "finetune", 1, "relabelled", True),
    "hearth-community/hearth-8b-sql": (BASE, "finetune", 1, "silent", False),
    "hearth-community/hearth-8b-open": (BASE, "finetune", 1, "silent", True),
    "hearth-community/hearth-8b-lora-medical": (BASE, "adapter", 1, "relabelled", False),
    "quantco/hearth-8b-q4": (BASE, "quantized", 1, "keeps", False),
    "quantco/hearth-8b-instruct-GGUF": ("hearth-ai/hearth-8b-instruct", "quantized", 2, "keeps", False),
    "hearth-community/hearth-8b-instruct-roleplay": ("hearth-ai/hearth-8b-instruct", "finetune", 2, "keeps", False),
    "hearth-community/hearth-8b-franken-merge": ("hearth-ai/hearth-8b-instruct", "merge", 2, "relabelled", False),
    "hearth-community/hearth-8b-instruct-lora-de": ("hearth-ai/hearth-8b-instruct", "adapter", 2, "silent", False),
    "quantco/hearth-8b-apache-chat-AWQ": ("hearth-community/hearth-8b-apache-chat", "quantized", 2, "relabelled", False),
    "quantco/hearth-8b-franken-merge-GGUF": ("hearth-community/hearth-8b-franken-merge", "quantized", 3, "relabelled", False),
    "hearth-community/hearth-8b-roleplay-v2": ("hearth-community/hearth-8b-instruct-roleplay", "finetune", 3, "silent", True),
}
BEYOND_DEPTH_3 = "hearth-community/hearth-8b-roleplay-v3"
#: Direct children of each parent on the Hub (whichever relation), the merge counted under both of its bases.
CHILDREN = Counter(parent for parent, *_ in TREE.values()) + Counter({"hearth-community/hearth-8b-apache-chat": 1})


def cli(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def sweep(hub, *extra: str) -> dict:
    result = cli("audit", "--derivatives-of", BASE, "--endpoint", hub.url, "--format", "json", "--max-wait", "0", *extra)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def tree_feed(hub):
    feed = sweep(hub, "--depth", "3")
    return feed, list(hub.requests)


def test_sweep_finds_every_derivative_at_every_level_and_stops_at_the_depth(tree_feed):
    """Breadth-first to --depth: every fine-tune, adapter, quantization and merge, each with how it was reached."""
    feed, _ = tree_feed
    (view,) = feed["derivatives"]
    found = {m["id"]: (m["parent"], m["relation"], m["depth"], m["category"], m["claims_open_source"]) for m in view["models"]}
    assert found == TREE
    assert {m["id"] for m in feed["models"]} == {BASE, *TREE}
    assert BEYOND_DEPTH_3 not in {m["id"] for m in feed["models"]}


def test_sweep_costs_one_listing_per_parent_page_and_no_per_child_metadata_read(tree_feed, hub):
    """The listing's expand brings everything: derivatives cost their file reads, never a metadata call."""
    _, requests = tree_feed
    api = [r for r in requests if r.path.startswith("/api/")]
    infos = [r.path for r in api if r.path != "/api/models"]
    assert infos == [f"/api/models/{BASE}"], "the base is read once; no derivative is read on its own"
    listings = Counter(r.query["filter"][0] for r in api if r.path == "/api/models")
    # Leaves (childrenModelCount zero) cost no listing; a parent with k children costs ceil(k / page size) pages.
    assert listings == {f"base_model:{p}": math.ceil(n / hub.page_size) for p, n in CHILDREN.items()
                        if TREE.get(p, (None, None, 0))[2] < 3}
    readmes = Counter(r.path for r in requests if r.path.endswith("/README.md"))
    assert set(readmes.values()) == {1}, "each model is audited once, even the merge reached from two parents"


def test_lineage_view_counts_match_the_fixture_tree(tree_feed):
    """Per relation: how many keep the base's terms, relabel them looser, declare nothing, claim open source."""
    feed, _ = tree_feed
    (view,) = feed["derivatives"]
    expected: dict[str, Counter] = {}
    for _, relation, _, category, claims in TREE.values():
        row = expected.setdefault(relation, Counter())
        row.update({"models": 1, category: 1, "claims_open_source": int(claims)})
    got = {r["relation"]: {k: v for k, v in r.items() if k != "relation" and v} for r in view["by_relation"]}
    assert got == {rel: {k: v for k, v in row.items() if v} for rel, row in expected.items()}
    assert (view["base"], view["base_classification"], view["base_license"]) == (BASE, "custom-restricted", "CC-BY-NC-4.0")
    assert [r["relation"] for r in view["by_relation"]] == ["finetune", "adapter", "quantized", "merge"]


def test_every_lineage_finding_quotes_the_chain_back_to_the_base(tree_feed):
    """A derivative's verdict can be checked: the finding's evidence is its base_model chain."""
    feed, _ = tree_feed
    for model in feed["models"]:
        if model["id"] == BASE:
            continue
        lineage = [f for f in model["findings"] if f["code"] in ("relabelled-derivative", "restricted-base")]
        assert lineage, model["id"]
        for finding in lineage:
            assert any(e["quote"].startswith(model["id"]) and "←" in e["quote"] for e in finding["evidence"]), finding


def test_target_records_the_sweep_exactly(tree_feed):
    """A feed says what it covers, within the shipped schema."""
    feed, _ = tree_feed
    jsonschema.Draft202012Validator(SCHEMA).validate(feed)
    assert feed["targets"] == [{"kind": "derivatives", "name": BASE, "models": 1 + len(TREE), "error": None,
                                "query": {"base_model": BASE, "relation": "any", "depth": 3,
                                          "filter": f"base_model:{BASE}"}}]


def test_one_relation_follows_only_that_relation(hub):
    """--relation quantized asks the Hub for base_model:quantized:<id> only."""
    feed = sweep(hub, "--relation", "quantized", "--depth", "3")
    assert {m["id"] for m in feed["derivatives"][0]["models"]} == {"quantco/hearth-8b-q4"}
    filters = [r.query["filter"] for r in hub.requests if r.path == "/api/models"]
    assert filters == [[f"base_model:quantized:{BASE}"]]


def test_markdown_and_terminal_lead_with_the_lineage_view(tree_feed, tmp_path):
    """The lineage view comes before the flagged models, in both human formats."""
    feed, _ = tree_feed
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    markdown = cli("render", str(path), "--format", "markdown").stdout
    assert markdown.index("## Derivatives of hearth\\-ai/hearth\\-8b") < markdown.index("## Flagged models")
    assert "| finetune | 6 | 2 | 1 | 3 | 3 |" in markdown
    table = cli("render", str(path), "--format", "table").stdout
    assert table.index("Derivatives of hearth-ai/hearth-8b") < table.index("Hugging Face license audit")


def test_unknown_base_is_an_operational_failure_with_the_reason(hub):
    """A base that cannot be read is an error with its reason, never an empty audit that exits 0."""
    result = cli("audit", "--derivatives-of", "hearth-ai/no-such-model", "--endpoint", hub.url, "-f", "json", "--max-wait", "0")
    assert result.exit_code == 3
    target = json.loads(result.stdout)["targets"][0]
    assert target["kind"] == "derivatives" and target["error"]["code"] == "repo-not-found"


@pytest.mark.parametrize("args", [
    ("acme-ai", "--relation", "adapter"),
    ("--derivatives-of", BASE, "--depth", "6"),
    ("--derivatives-of", BASE, "--relation", "distilled"),
    ("--derivatives-of", "not-a-model-id"),
    ("--sort", "downloads"),
    ("--search", "x", "--sort", "stars"),
    ("--filter", " "),
])
def test_bad_derivative_or_search_options_are_usage_errors(hub, args):
    """Bad option combinations stop before any request (exit 2)."""
    result = cli("audit", *args, "--endpoint", hub.url)
    assert result.exit_code == 2 and hub.requests == []


def test_search_with_sort_and_limit_audits_the_top_models_and_records_the_query(hub):
    """The N most downloaded matching models, and the query as sent, in the feed's target."""
    result = cli("audit", "--filter", "text-generation", "--search", "hearth", "--sort", "downloads", "--limit", "2",
                 "--endpoint", hub.url, "-f", "json", "--max-wait", "0")
    feed = json.loads(result.stdout)
    assert [m["id"] for m in feed["models"]] == ["hearth-ai/hearth-8b", "hearth-ai/hearth-8b-instruct"]
    assert feed["targets"][0]["kind"] == "search"
    jsonschema.Draft202012Validator(SCHEMA).validate(feed)
    assert feed["targets"][0]["query"] == {"author": None, "search": "hearth", "filter": ["text-generation"],
                                           "sort": "downloads", "limit": 2}
    assert len([r for r in hub.requests if r.path == "/api/models"]) == 1


def test_search_within_organizations_is_one_query_per_organization(hub):
    """With organizations, a search runs inside each one."""
    result = cli("audit", "hearth-ai", "quantco", "--search", "gguf", "--endpoint", hub.url, "-f", "json", "--max-wait", "0")
    feed = json.loads(result.stdout)
    assert [m["id"] for m in feed["models"]] == ["quantco/hearth-8b-franken-merge-GGUF", "quantco/hearth-8b-instruct-GGUF"]
    assert [(t["kind"], t["query"]["author"], t["models"]) for t in feed["targets"]] == [
        ("search", "hearth-ai", 0), ("search", "quantco", 2)]


@pytest.fixture(scope="module")
def big_hub(tmp_path_factory):
    root = tmp_path_factory.mktemp("big")
    generate(root, "synth-org", 1050, seed=3)
    with FakeHub(root, page_size=100) as fake:
        yield fake


def test_limit_1000_sorted_by_downloads_costs_at_most_ceil_1000_over_page_size_pages(big_hub):
    """The listing stops at the limit: no page beyond ceil(limit / page size), in the Hub's order."""
    big_hub.reset()
    hub = Hub(big_hub.url, retry=RetryPolicy(max_wait=0, sleep=lambda _: None))
    models = list(hub.list_models(ListingQuery(sort="downloads", limit=1000)))
    pages = [r for r in big_hub.requests if r.path == "/api/models"]
    assert len(models) == 1000 and len(set(m.id for m in models)) == 1000
    assert len(pages) <= math.ceil(1000 / big_hub.page_size)
    downloads = [big_hub._repo(*m.id.split("/"))["fields"]["downloads"] for m in models]
    assert downloads == sorted(downloads, reverse=True)


def test_shards_of_a_sweep_merge_into_the_unsharded_lineage_view(hub, tmp_path, tree_feed):
    """A sweep split with --shard K/N and merged gives the same derivatives, counts and verdicts."""
    whole, _ = tree_feed
    paths = []
    for k in (1, 2):
        path = tmp_path / f"shard-{k}.json"
        cli("audit", "--derivatives-of", BASE, "--depth", "3", "--shard", f"{k}/2", "--endpoint", hub.url,
            "--max-wait", "0", "-o", str(path))
        paths.append(str(path))
    merged = json.loads(cli("merge", *paths).stdout)
    assert merged["derivatives"] == whole["derivatives"]
    assert {m["id"]: m["classification"] for m in merged["models"]} == {m["id"]: m["classification"] for m in whole["models"]}


def test_a_search_that_matches_nothing_is_an_empty_audit_not_a_failure(hub, tmp_path):
    """Exit 3 means the Hub could not be read; a search the Hub answered with [] is a clean, empty audit."""
    result = CliRunner().invoke(app, ["audit", "--search", "zzz-no-such-model", "--endpoint", hub.url,
                                      "-o", str(tmp_path / "f.json")])
    assert result.exit_code == 0 and "no model matched" in result.output
    assert json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["models"] == []
