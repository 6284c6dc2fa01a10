"""The auditor against the fake Hub's real-Hub behaviours: private repos, trending order, tokens and other origins,
t=0 bursts, announced quotas, disabled and gated repos, renames, broken listings (the real client over HTTP)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.hub.endpoint import EndpointError
from auditor.hub.client import EXPAND_TERMS, Hub, RetryPolicy
from tests.fakehub import FakeHub

TOKEN = "hf_realHubTestToken0123456789"
MIT = "MIT License\n\nCopyright (c) 2024 Acme\n\nPermission is hereby granted, free of charge, to any person obtaining a copy"
LLAMA_CARD = "---\nlicense: llama2\n---\n# Base\n"


def card(license_id: str = "mit", extra: str = "", body: str = "# Model\n") -> str:
    return f"---\nlicense: {license_id}\n{extra}---\n{body}"


def make_repo(root: Path, repo_id: str, readme: str | None = None, files: dict[str, str] | None = None,
              meta: dict | None = None) -> None:
    folder = root / "models" / repo_id
    folder.mkdir(parents=True, exist_ok=True)
    if readme is not None:
        (folder / "README.md").write_text(readme, encoding="utf-8")
    for path, text in (files or {}).items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    if meta:
        (folder / "_meta.json").write_text(json.dumps(meta), encoding="utf-8")


def org_tree(root: Path, org: str = "acme", public: int = 5, private: int = 0) -> list[str]:
    ids = []
    for number in range(public):
        make_repo(root, f"{org}/public-{number:02d}", card())
        ids.append(f"{org}/public-{number:02d}")
    for number in range(private):
        make_repo(root, f"{org}/secret-{number:02d}", card("apache-2.0"), meta={"private": True})
    return ids


def cli(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def audit(hub: FakeHub, *args: str, tmp: Path | None = None) -> tuple[int, dict, str]:
    """Run `audit` as JSON; returns exit code, feed and everything printed."""
    result = cli("audit", *args, "--endpoint", hub.url, "-f", "json", "--fail-on", "never")
    feed = json.loads(result.stdout) if result.stdout.strip().startswith("{") else {}
    return result.exit_code, feed, result.stdout + result.stderr


# -- private models -------------------------------------------------------------------------------------------


def test_private_models_listed_to_a_token_are_left_out_of_every_output(tmp_path):
    """An organization's own token makes the listing show private repos: no id of them may be published."""
    org_tree(tmp_path, public=4, private=2)
    with FakeHub(tmp_path, token=TOKEN, token_sees_private=True, page_size=2) as hub:
        code, feed, printed = audit(hub, "acme", "--token", TOKEN)
        markdown = cli("audit", "acme", "--endpoint", hub.url, "--token", TOKEN, "-f", "markdown").stdout
        assert any(r.path == "/api/models" and r.status == 200 for r in hub.requests)
    assert code == 0
    assert sorted(m["id"] for m in feed["models"]) == [f"acme/public-{n:02d}" for n in range(4)]
    for text in (json.dumps(feed), printed, markdown):
        assert "secret-" not in text
    assert feed["targets"][0]["private_excluded"] == 2
    assert "2 private models" in markdown


def test_include_private_audits_them_marked_private_and_counted(tmp_path):
    org_tree(tmp_path, public=2, private=1)
    with FakeHub(tmp_path, token=TOKEN, token_sees_private=True) as hub:
        _, feed, _ = audit(hub, "acme", "--token", TOKEN, "--include-private")
        markdown = cli("audit", "acme", "--endpoint", hub.url, "--token", TOKEN, "--include-private",
                       "-f", "markdown").stdout
    private = [m for m in feed["models"] if m.get("private")]
    assert [m["id"] for m in private] == ["acme/secret-00"]
    assert all("private" not in m for m in feed["models"] if m not in private)
    assert feed["summary"]["private"] == 1
    assert "private models" in markdown and "acme/secret-00 (private)" in markdown.replace("\\", "")


def test_a_private_model_named_with_model_is_audited_and_marked(tmp_path):
    org_tree(tmp_path, public=1, private=1)
    with FakeHub(tmp_path, token=TOKEN, token_sees_private=True) as hub:
        _, feed, _ = audit(hub, "--model", "acme/secret-00", "--token", TOKEN)
    assert feed["models"][0]["id"] == "acme/secret-00" and feed["models"][0]["private"] is True


# -- complete listings ----------------------------------------------------------------------------------------


def test_every_public_model_is_listed_exactly_once_while_trending_order_reshuffles(tmp_path):
    """Unsorted real listings are in trending order, which moves between pages; ours asks for a stable sort."""
    ids = org_tree(tmp_path, public=40)
    with FakeHub(tmp_path, trending=True, page_size=4) as hub:
        from huggingface_hub import HfApi

        naive = [m.id for m in HfApi(endpoint=hub.url, token=False).list_models(author="acme")]
        listed = [m.id for m in Hub(hub.url).list_models("acme")]
    assert sorted(set(naive)) != ids  # the fake reshuffles like the real Hub: a naive listing loses models
    assert sorted(listed) == ids and len(listed) == len(set(listed))


def test_listing_asks_for_a_stable_sort_and_an_explicit_page_size(tmp_path):
    org_tree(tmp_path, public=3)
    with FakeHub(tmp_path, page_size=1000) as hub:
        list(Hub(hub.url).list_models("acme"))
        query = next(r.query for r in hub.requests if r.path == "/api/models")
    assert query["sort"] == ["createdAt"] and query["limit"] == ["100"]


@pytest.mark.parametrize("quirk", ["self-link", "endless-links", "fail-after-first"])
def test_a_listing_that_cannot_be_completed_says_so_and_exits_3(tmp_path, quirk):
    """A Link to itself, endless new Links or a page failing its retries: the run ends, the target says how
    many models were seen, the summary counts it, and the exit code says the audit is incomplete."""
    org_tree(tmp_path, public=6)
    with FakeHub(tmp_path, page_size=2, quirks={"listing": quirk}) as hub:
        code, feed, printed = audit(hub, "acme", "--max-wait", "0")
    target = feed["targets"][0]
    assert code == 3
    assert target["error"]["code"] == "listing-incomplete"
    assert f"after {target['models']} models" in target["error"]["message"]
    assert feed["summary"]["incomplete_targets"] == 1
    assert {m["id"] for m in feed["models"]} >= {"acme/public-00", "acme/public-01"}
    assert "incomplete" in printed


def test_a_malformed_retry_after_on_a_listing_page_is_retried_not_a_crash(tmp_path):
    ids = org_tree(tmp_path, public=4)
    with FakeHub(tmp_path, page_size=2, quirks={"listing": "bad-retry-after"}) as hub:
        code, feed, _ = audit(hub, "acme", "--max-wait", "0")
    assert code == 0 and sorted(m["id"] for m in feed["models"]) == ids


def test_one_unparseable_listing_item_does_not_drop_its_page(tmp_path):
    """A 1,500-level `cardData` in one item: that model gets an error entry, the others are audited."""
    ids = org_tree(tmp_path, public=4)
    with FakeHub(tmp_path, page_size=10, quirks={"acme/public-01": "deep-card"}) as hub:
        code, feed, _ = audit(hub, "acme")
    models = {m["id"]: m for m in feed["models"]}
    assert sorted(models) == ids and code == 0
    assert [e["code"] for e in models["acme/public-01"]["errors"]] == ["invalid-answer"]
    assert not models["acme/public-00"]["errors"] and models["acme/public-00"]["classification"] == "osi-approved"


def test_an_unknown_organization_is_an_error_not_an_empty_audit(tmp_path):
    org_tree(tmp_path, public=1)
    with FakeHub(tmp_path) as hub:
        code, feed, printed = audit(hub, "no-such-org")
    assert code == 3
    assert feed["targets"][0]["error"]["code"] == "owner-not-found"
    assert "no-such-org" in printed


def test_a_user_is_found_through_the_user_overview(tmp_path):
    org_tree(tmp_path, org="alice", public=2)
    with FakeHub(tmp_path, users=frozenset({"alice"})) as hub:
        code, feed, _ = audit(hub, "alice")
        paths = [r.path for r in hub.requests]
    assert code == 0 and feed["targets"][0]["error"] is None and feed["targets"][0]["models"] == 2
    assert "/api/users/alice/overview" in paths


# -- the token stays at home ----------------------------------------------------------------------------------


def test_a_next_page_link_to_another_origin_is_not_followed_with_the_token(tmp_path):
    org_tree(tmp_path, public=4)
    with FakeHub(tmp_path) as other, FakeHub(tmp_path, token=TOKEN, page_size=2, other_origin=other.url,
                                             link_to_other=True) as hub:
        code, feed, _ = audit(hub, "acme", "--token", TOKEN)
        received = list(other.requests)
    assert not any(r.authorization for r in received)
    assert code == 3 and feed["targets"][0]["error"]["code"] == "listing-incomplete"
    assert "leaves the endpoint" in feed["targets"][0]["error"]["message"]


def test_lfs_files_redirected_to_the_cdn_are_read_without_the_token(tmp_path):
    make_repo(tmp_path, "acme/lfs-model", card("other", "license_name: acme\nlicense_link: LICENSE\n"),
              {"LICENSE": MIT})
    with FakeHub(tmp_path) as cdn, FakeHub(tmp_path, token=TOKEN, other_origin=cdn.url,
                                           cdn_paths=frozenset({"LICENSE"})) as hub:
        _, feed, _ = audit(hub, "acme", "--token", TOKEN)
        got = [r for r in cdn.requests if r.path.endswith("/LICENSE")]
        sent = [r for r in hub.requests if r.path.endswith("/LICENSE")]
    assert got and not any(r.authorization for r in got)
    assert sent and all(r.authorization for r in sent) and sent[0].status == 302
    assert feed["models"][0]["license"]["key"] == "MIT"


def test_an_api_redirect_to_another_host_is_followed_without_the_token(tmp_path):
    """A model-info answer that redirects off the endpoint (a moved repo, a proxy) never takes the token along."""
    org_tree(tmp_path, public=1)
    with FakeHub(tmp_path) as other, FakeHub(tmp_path, token=TOKEN) as hub:
        def moved(method, path, query, headers):
            if path == "/api/models/acme/moved":
                return 307, {"Location": f"{other.url}/api/models/acme/public-00?{query}"}, b""
            return None

        hub.intercept = moved
        meta = Hub(hub.url, TOKEN).model_info("acme/moved")
        asked = [r for r in hub.requests if r.path == "/api/models/acme/moved"]
        received = [r for r in other.requests if r.path.startswith("/api/models/")]
    assert meta.id == "acme/public-00"
    assert asked and all(r.authorization for r in asked)
    assert received and not any(r.authorization for r in received)


def test_a_plain_http_endpoint_that_is_not_loopback_gets_no_token():
    with pytest.raises(EndpointError, match="--allow-insecure-token"):
        Hub("http://hub.internal.example", TOKEN)
    assert Hub("http://hub.internal.example", TOKEN, allow_insecure_token=True).authenticated
    assert Hub("http://127.0.0.1:9", TOKEN).authenticated and Hub("https://hub.example", TOKEN).authenticated
    result = cli("audit", "acme", "--endpoint", "http://10.9.8.7", "--token", TOKEN)
    assert result.exit_code == 2 and "--allow-insecure-token" in result.stderr and TOKEN not in result.stderr


@pytest.mark.parametrize("endpoint", ["http://user:SECRETpw@127.0.0.1:9", "https://hf_SECRETtok@hub.example"])
def test_an_endpoint_with_a_user_name_or_password_is_refused_and_never_printed(endpoint):
    result = cli("audit", "acme", "--endpoint", endpoint, "-f", "json")
    assert result.exit_code == 2
    assert "SECRET" not in result.stdout + result.stderr
    with pytest.raises(EndpointError):
        Hub(endpoint)


# -- rate limits ----------------------------------------------------------------------------------------------


def test_nothing_is_lost_to_a_burst_of_t0_429s_longer_than_the_retry_count(tmp_path):
    """`RateLimit: r=0;t=0` for 1.5 s: waiting at least a second per retry gets every file through."""
    ids = org_tree(tmp_path, public=3)
    with FakeHub(tmp_path, burst_429=1.5) as hub:
        code, feed, _ = audit(hub, "acme", "--workers", "2")
        sent = hub.stats()["status_429"]
    assert sum(sent.values()) > 0
    assert sorted(m["id"] for m in feed["models"]) == ids and code == 0
    assert not [m["id"] for m in feed["models"] if m["errors"]]


def test_an_announced_quota_is_adopted_and_never_exceeded(tmp_path):
    """The Hub announces `RateLimit-Policy: q=8;w=1` for file reads: the client keeps to it (no 429)."""
    ids = org_tree(tmp_path, public=20)
    with FakeHub(tmp_path, page_size=100, rate_limit={"resolvers": 8, "api": 1000}, rate_window=1) as hub:
        # fewer workers than the quota: before the first answer announces it, that many requests may be out
        code, feed, _ = audit(hub, "acme", "--max-wait", "5", "--workers", "4")
        rejected = hub.stats()["rejected"]
    assert sorted(m["id"] for m in feed["models"]) == ids and code == 0
    assert rejected["resolvers"] == 0


# -- disabled, gated, renamed ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sort", ["downloads", "likes", "trending", "created", "modified"])
def test_every_sort_the_cli_offers_is_one_the_hub_takes(tmp_path, sort):
    """The Hub answers 400 "Invalid sort parameter" to a sort it does not know, snake_case names included
    (huggingface_hub#2655); so does the fake. Each `--sort` must list its models, not end incomplete."""
    org_tree(tmp_path, public=4)
    with FakeHub(tmp_path) as hub:
        code, feed, out = audit(hub, "--search", "public", "--sort", sort, "--limit", "3")
        pages = [r for r in hub.requests if r.path == "/api/models"]
    assert code == 0, out
    assert len(feed["models"]) == 3 and [r.status for r in pages] == [200] * len(pages)


@pytest.mark.parametrize("tag", ["medical", "dataset:acme/notes", "fr"])
def test_a_filter_on_a_card_tag_dataset_or_language_finds_the_models_whose_card_says_so(tmp_path, tag):
    """The Hub tags a model with its card's `tags`, `dataset:<id>` per card dataset and its language codes (sample
    model-info.google-bert--bert-base-uncased.200.json); `--filter` finds them through the listing."""
    make_repo(tmp_path, "acme/med", card(extra="tags:\n- medical\ndatasets:\n- acme/notes\nlanguage: fr\n"))
    make_repo(tmp_path, "acme/plain", card())
    with FakeHub(tmp_path) as hub:
        code, feed, out = audit(hub, "acme", "--filter", tag)
    assert code == 0, out
    assert [m["id"] for m in feed["models"]] == ["acme/med"]


def test_a_disabled_repo_gets_a_disabled_finding_and_no_file_read(tmp_path):
    make_repo(tmp_path, "acme/gone", card(), {"LICENSE": MIT}, meta={"disabled": True})
    make_repo(tmp_path, "acme/fine", card(), {"LICENSE": MIT})
    with FakeHub(tmp_path) as hub:
        _, feed, _ = audit(hub, "acme")
        reads = [r.path for r in hub.requests if "/resolve/" in r.path]
    gone = next(m for m in feed["models"] if m["id"] == "acme/gone")
    assert "disabled" in {f["code"] for f in gone["findings"]} and not gone["errors"]
    assert not [p for p in reads if p.startswith("/acme/gone/")]
    assert [p for p in reads if p.startswith("/acme/fine/")]


def test_a_gated_repo_without_accepted_access_costs_one_refused_read(tmp_path):
    files = {"LICENSE": MIT, "USE_POLICY.md": "policy", "COPYING": "x", "NOTICE": "n", "licenses/A.txt": "a",
             "MODEL_LICENSE": "m"}
    make_repo(tmp_path, "acme/gated", card(), files, meta={"gated": "manual"})
    with FakeHub(tmp_path, token=TOKEN) as hub:
        _, feed, _ = audit(hub, "acme", "--token", TOKEN)
        refused = [r for r in hub.requests if "/resolve/" in r.path and r.status == 403]
    assert len(refused) == 1
    model = feed["models"][0]
    assert {f["code"] for f in model["findings"]} >= {"gated", "file-unreadable"}
    # LICENSE (MIT) was read, but USE_POLICY.md, MODEL_LICENSE... were not: the declared MIT is not confirmed
    assert model["classification"] == "unknown"
    assert model["license"]["matcher"] == "license-file-unread"
    assert "MIT License read from LICENSE is not confirmed" in model["license"]["reason"]


@pytest.mark.parametrize(("access", "refused", "read"), [
    ("accepted", 0, True),  # the token's request was accepted: every file is served
    ("pending", 1, False),  # awaiting review: one refusal, the Hub's reason kept
])
def test_a_gated_repo_is_read_as_far_as_the_tokens_access_goes(tmp_path, access, refused, read):
    files = {"LICENSE": MIT, "USE_POLICY.md": "You may not use the model for commercial purposes.\n"}
    make_repo(tmp_path, "acme/gated", card(), files, meta={"gated": "manual", "access": access})
    with FakeHub(tmp_path, token=TOKEN) as hub:
        _, feed, _ = audit(hub, "acme", "--token", TOKEN)
        policy = [r.status for r in hub.requests if r.path.endswith("/USE_POLICY.md")]
    unreadable = [f["message"] for f in feed["models"][0]["findings"] if f["code"] == "file-unreadable"]
    assert policy == ([200] if read else [403])
    assert len(unreadable) == refused
    if not read:
        assert "USE_POLICY.md" in unreadable[0] and "awaiting a review" in unreadable[0]


@pytest.mark.parametrize("token", [None, TOKEN])
def test_a_missing_or_private_model_is_reported_not_found_with_or_without_a_token(tmp_path, token):
    """Live, anonymous callers get a bare 401 for both (no X-Error-Code); a token gets 404 RepoNotFound."""
    org_tree(tmp_path, public=1, private=1)
    with FakeHub(tmp_path, token=TOKEN) as hub:
        code, feed, _ = audit(hub, "-m", "acme/secret-00", "-m", "acme/nope", *(["--token", token] if token else []))
        statuses = sorted(r.status for r in hub.requests if r.path.startswith("/api/models/"))
    assert statuses == ([401, 401] if token is None else [404, 404])
    assert code == 3
    assert {t["name"]: t["error"]["code"] for t in feed["targets"]} == {"acme/secret-00": "repo-not-found",
                                                                       "acme/nope": "repo-not-found"}


def test_an_orgless_base_model_resolves_through_the_hubs_redirect(tmp_path):
    """`base_model: gpt2` is what the Hub redirects (307) to its canonical repo; it is read once for two cards."""
    make_repo(tmp_path, "openai-community/gpt2", LLAMA_CARD)
    make_repo(tmp_path, "acme/tune-a", card(extra="base_model: gpt2\n"))
    make_repo(tmp_path, "acme/tune-b", card(extra="base_model: gpt2\n"))
    with FakeHub(tmp_path, renames={"gpt2": "openai-community/gpt2"}) as hub:
        _, feed, _ = audit(hub, "acme")
        infos = [r for r in hub.requests if r.path.startswith("/api/models/") and r.status == 200]
    for model in feed["models"]:
        assert "relabelled-derivative" in {f["code"] for f in model["findings"]}, model["findings"]
        assert any("openai-community/gpt2" in f["message"] for f in model["findings"])
    assert [r.path for r in infos] == ["/api/models/openai-community/gpt2"]


def test_bases_are_read_on_the_worker_pool_beside_the_crawl(tmp_path):
    make_repo(tmp_path, "meta/base", LLAMA_CARD)
    for number in range(3):
        make_repo(tmp_path, f"acme/tune-{number}", card(extra="base_model: meta/base\n"))
    threads: list[str] = []

    class Recording(Hub):
        def model_info(self, repo_id, expand=EXPAND_TERMS):
            threads.append(threading.current_thread().name)
            return super().model_info(repo_id, expand)

    from auditor.pipeline.audit import run

    with FakeHub(tmp_path) as hub:
        report = run(Recording(hub.url, retry=RetryPolicy(max_wait=0)), ["acme"])
    assert threads and all(name.startswith("audit") for name in threads)
    assert all(r.classification.value == "custom-restricted" for r in report.results)


def test_a_card_with_1500_base_models_costs_a_bounded_number_of_reads(tmp_path):
    bases = "".join(f"  - other/base-{n}\n" for n in range(1500))
    make_repo(tmp_path, "acme/many", card(extra=f"base_model:\n{bases}"))
    with FakeHub(tmp_path) as hub:
        _, feed, _ = audit(hub, "acme", "--max-wait", "0")
        infos = [r for r in hub.requests if r.path.startswith("/api/models/")]
    assert len(infos) <= 16
    assert "base-models-truncated" in {f["code"] for f in feed["models"][0]["findings"]}


def test_base_model_paths_are_never_built_from_unvalidated_ids(tmp_path):
    make_repo(tmp_path, "acme/odd", card(extra="base_model:\n  - ../whoami-v2\n  - ../../api/whoami-v2\n"
                                              "  - https://evil.example/a/b\n"))
    with FakeHub(tmp_path, token=TOKEN) as hub:
        audit(hub, "acme", "--token", TOKEN)
        paths = [r.path for r in hub.requests]
    assert not [p for p in paths if "whoami" in p or "evil" in p]


# -- bounded reads --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("quirk", "code"), [("gzip-lie", "bad-encoding"), ("redirect-loop", "redirect-loop"),
                                             ("trickle", "network-error")])
def test_broken_file_answers_become_clear_errors_within_a_deadline(tmp_path, quirk, code):
    make_repo(tmp_path, "acme/m", card(), {"LICENSE": MIT * 3})
    with FakeHub(tmp_path, quirks={"acme/m/LICENSE": quirk}) as hub:
        reader = Hub(hub.url, retry=RetryPolicy(max_wait=0, attempts=2), deadline=1.0)
        with pytest.raises(Exception) as caught:
            reader.read_text("acme/m", "main", "LICENSE", 10_000)
    assert getattr(caught.value, "code", None) == code


def test_a_listing_shorter_than_the_hubs_own_count_is_reported_incomplete(tmp_path):
    from auditor.pipeline.audit import run

    org_tree(tmp_path, public=3)

    class Counting(Hub):
        def owner_models(self, name: str) -> int:
            return 5

    with FakeHub(tmp_path) as hub:
        report = run(Counting(hub.url), ["acme"])
    error = report.targets[0].error
    assert error is not None and error.code == "listing-incomplete" and "counts 5" in error.message
    assert len(report.results) == 3


@pytest.mark.parametrize(("url", "same"), [
    ("https://huggingface.co/api/models?x=1", True),
    ("https://HuggingFace.co:443/a", True),
    ("http://huggingface.co/api/models", False),
    ("https://huggingface.co:8443/api/models", False),
    ("https://huggingface.co.evil.example/api/models", False),
    ("https://user:pw@huggingface.co/api/models", False),
    ("//huggingface.co/api/models", False),
    ("https://cdn-lfs.huggingface.co/x", False),
])
def test_the_token_origin_is_exactly_scheme_host_and_port(url, same):
    from auditor.hub.endpoint import parse_endpoint

    assert parse_endpoint("https://huggingface.co/").same_origin(url) is same


@pytest.mark.parametrize(("repo_id", "valid"), [
    ("meta-llama/Llama-2-7b-hf", True), ("gpt2", False), ("a/b.c_d-e", True), ("_org/x_", True),
    ("../whoami-v2", False), ("a/../b", False), ("a b/c", False), ("a/b/c", False), ("a/b.git", False),
    ("a--b/c", False), ("a/" + "x" * 97, False), ("a/b-", False), ("", False), ("a/", False),
])
def test_repo_ids_follow_the_hubs_grammar_before_any_path_is_built(repo_id, valid):
    from auditor.repoids import is_model_ref, is_repo_id

    assert is_repo_id(repo_id) is valid
    assert is_model_ref("gpt2") and not is_model_ref("../whoami-v2")


def test_a_token_the_hub_rejects_is_named_as_the_cause(tmp_path):
    """The Hub answers 401 "Invalid credentials" to a bad token: the user is told it is the token, not a bare 401."""
    with FakeHub(Path(__file__).resolve().parent.parent / "fixtures" / "hub", token="hf_good") as hub:
        result = CliRunner().invoke(app, ["audit", "acme-ai", "--endpoint", hub.url, "--token", "hf_wrongtoken",
                                          "--max-wait", "0", "-o", str(tmp_path / "f.json")])
    assert result.exit_code == 3
    assert "rejected the token" in result.output and "hf_wrongtoken" not in result.output
