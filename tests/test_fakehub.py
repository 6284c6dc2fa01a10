"""The fake Hub behaves like the real Hub towards the real huggingface_hub 2.4.0 client and requests."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"  # before huggingface_hub is imported (read at import time)

import pytest  # noqa: E402
import requests  # noqa: E402
from huggingface_hub import HfApi, constants, hf_hub_download  # noqa: E402
from huggingface_hub.errors import (  # noqa: E402
    BadRequestError,
    EntryNotFoundError,
    GatedRepoError,
    HfHubHTTPError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

from tests.fakehub import FakeHub  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
TOKEN = "hf_fake_valid_token"
APACHE_CARD = "---\nlicense: Apache-2.0\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n# Alpha\n"
SHA_PINNED = "0123456789abcdef0123456789abcdef01234567"

TREE: dict[str, dict[str, object]] = {
    "acme/alpha": {"README.md": APACHE_CARD, "LICENSE": "Apache License 2.0 text\n",
                   "_meta.json": {"tags": ["custom-tag"]}},
    "acme/beta": {"README.md": "---\nlicense: [mit, cc-by-4.0]\n---\n", "sub/dir/notes.txt": "nested\n",
                  "_meta.json": {"sha": SHA_PINNED, "lastModified": "2025-05-05T00:00:00.000Z"}},
    "acme/delta": {"config.json": "{}\n"},
    "acme/epsilon": {"README.md": "---\nlicense: mit\n----\nfoo: 1\n---\n"},  # invalid front matter
    "acme/gamma": {"README.md": "---\nlicense: llama3\n---\n", "LICENSE": "LLAMA 3 COMMUNITY LICENSE\n",
                   "USE_POLICY.md": "Acceptable use\n", "license.txt": "lower\n", "_meta.json": {"gated": "manual"}},
    "acme/flaky": {"README.md": "---\nlicense: mit\n---\n", "_meta.json": {"faults": {"README.md": [429, 503]}}},
    "acme/broken": {"README.md": "---\nlicense: mit\n---\n", "LICENSE": "MIT\n", "_meta.json": {
        "file_errors": {"LICENSE": {"status": 500, "code": None, "message": "Internal Server Error"}},
        "info_error": {"status": 503, "code": None, "message": "Service Unavailable"}}},
    "acme/hidden": {"README.md": "---\nlicense: mit\n---\n", "_meta.json": {"listed": False}},
    "acme/secret": {"README.md": "---\nlicense: mit\n---\n", "_meta.json": {"private": True}},
    "acme-labs/other": {"README.md": "---\nlicense: mit\n---\n"},
}
LISTED_ACME = ["acme/alpha", "acme/beta", "acme/broken", "acme/delta", "acme/epsilon", "acme/flaky", "acme/gamma"]


def build_tree(root: Path) -> Path:
    for repo_id, files in TREE.items():
        for rel, content in files.items():
            path = root / "models" / repo_id / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(content) if rel == "_meta.json" else str(content), encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return build_tree(tmp_path / "hub")


@pytest.fixture(autouse=True)
def isolated_hf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf_home"))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_TELEMETRY", True)  # in case another module imported it first


@pytest.fixture
def fake(tree: Path):
    with FakeHub(tree, page_size=2, token=TOKEN) as hub:
        yield hub


def api(hub: FakeHub) -> HfApi:
    return HfApi(endpoint=hub.url, token=False)


def download(hub: FakeHub, tmp_path: Path, repo_id: str, filename: str, **kwargs) -> bytes:
    path = hf_hub_download(repo_id, filename, endpoint=hub.url, token=False, cache_dir=tmp_path / "cache", **kwargs)
    return Path(path).read_bytes()


# -- /api/models ------------------------------------------------------------------------------------------

def test_list_models_follows_link_pagination_across_pages(fake: FakeHub) -> None:
    ids = [m.id for m in api(fake).list_models(author="acme")]
    assert ids == LISTED_ACME
    pages = [r for r in fake.requests if r.path == "/api/models"]
    assert len(pages) == 4  # 7 models, page size 2
    assert all(r.query["author"] == ["acme"] for r in pages)
    assert [("cursor" in r.query) for r in pages] == [False, True, True, True]


def test_list_models_link_is_absolute_loopback_and_absent_on_last_page(fake: FakeHub) -> None:
    first = requests.get(f"{fake.url}/api/models", params={"author": "acme", "limit": 5, "search": "a"})
    assert len(first.json()) == 2  # page size = min(limit, page_size)
    next_url = first.links["next"]["url"]
    assert next_url.startswith(f"{fake.url}/api/models?") and "limit=5" in next_url and "search=a" in next_url
    url, seen = next_url, [m["id"] for m in first.json()]
    while url:
        page = requests.get(url)
        seen += [m["id"] for m in page.json()]
        url = page.links.get("next", {}).get("url")
    assert seen == LISTED_ACME
    assert "Link" not in page.headers


def test_list_models_limit_stops_client_after_limit_items(fake: FakeHub) -> None:
    assert [m.id for m in api(fake).list_models(author="acme", limit=3)] == LISTED_ACME[:3]


def test_list_models_author_is_exact_case_insensitive_and_skips_private_and_unlisted(fake: FakeHub) -> None:
    ids = [m.id for m in api(fake).list_models(author="ACME")]
    assert ids == LISTED_ACME
    assert [m.id for m in api(fake).list_models(author="acme-labs")] == ["acme-labs/other"]
    assert list(api(fake).list_models(author="nobody")) == []


def test_list_models_expand_returns_only_requested_fields(fake: FakeHub) -> None:
    for key in ("expand", "expand[]"):
        body = requests.get(f"{fake.url}/api/models", params={"author": "acme", key: ["gated", "cardData"]}).json()
        assert set(body[0]) == {"_id", "id", "gated", "cardData"}
    models = list(api(fake).list_models(author="acme", expand=["gated", "cardData", "siblings", "sha"]))
    by_id = {m.id: m for m in models}
    assert by_id["acme/gamma"].gated == "manual" and by_id["acme/alpha"].gated is False
    assert by_id["acme/alpha"].card_data.license == "Apache-2.0"
    assert [s.rfilename for s in by_id["acme/beta"].siblings] == ["README.md", "sub/dir/notes.txt"]
    assert by_id["acme/beta"].sha == SHA_PINNED
    assert by_id["acme/alpha"].downloads is None and by_id["acme/alpha"].tags is None


def test_list_models_default_shape_has_tags_but_no_card_or_files(fake: FakeHub) -> None:
    body = requests.get(f"{fake.url}/api/models", params={"author": "acme", "limit": 1}).json()
    assert {"_id", "id", "modelId", "likes", "downloads", "private", "tags", "pipeline_tag", "library_name",
            "createdAt"} <= set(body[0])
    assert not {"cardData", "siblings", "sha", "gated", "lastModified"} & set(body[0])
    assert body[0]["tags"] == ["custom-tag", "transformers", "text-generation", "license:apache-2.0", "region:us"]


def test_tags_are_computed_from_the_card_as_in_the_recordings(tmp_path: Path) -> None:
    """Sample model-info.google-bert--bert-base-uncased.200.json: cardData {language: en, tags: [exbert],
    license: apache-2.0, datasets: [bookcorpus, wikipedia]} gives the tags exbert, en, dataset:bookcorpus,
    dataset:wikipedia, license:apache-2.0, and every recorded item ends with region:us; `filter` matches them."""
    card = ("---\nlanguage: en\ntags:\n- exbert\nlicense: apache-2.0\ndatasets:\n- bookcorpus\n- wikipedia\n"
            "library_name: transformers\npipeline_tag: fill-mask\n---\n# BERT\n")
    root = build_tree(tmp_path / "hub")
    (root / "models" / "google-bert" / "bert-base-uncased").mkdir(parents=True)
    (root / "models" / "google-bert" / "bert-base-uncased" / "README.md").write_text(card, encoding="utf-8")
    with FakeHub(root) as hub:
        tags = api(hub).model_info("google-bert/bert-base-uncased").tags
        assert tags == ["transformers", "fill-mask", "exbert", "en", "dataset:bookcorpus", "dataset:wikipedia",
                        "license:apache-2.0", "region:us"]
        for tag in ("exbert", "en", "dataset:wikipedia", "region:us"):
            assert [m.id for m in api(hub).list_models(author="google-bert", filter=tag)] == [
                "google-bert/bert-base-uncased"], tag


def test_a_disabled_repo_is_described_but_its_files_answer_like_the_recording(tmp_path: Path) -> None:
    """Sample model-info.ykilcher--gpt-4chan.expand.disabled.200.json: info 200 with `disabled: true`; its content
    answered 401 GatedRepo with the gate (403 to a token), never the unobserved 'Access to this resource is disabled.'"""
    root = build_tree(tmp_path / "hub")
    (root / "models" / "acme" / "alpha" / "_meta.json").write_text('{"disabled": true, "gated": "auto"}', encoding="utf-8")
    with FakeHub(root, token=TOKEN) as hub:
        info = requests.get(f"{hub.url}/api/models/acme/alpha", params={"expand[]": ["disabled", "gated",
                                                                                  "downloadsAllTime"]}).json()
        assert info == {"_id": info["_id"], "id": "acme/alpha", "disabled": True, "gated": "auto", "downloadsAllTime": 0}
        anonymous = requests.get(f"{hub.url}/acme/alpha/resolve/main/README.md")
        user = requests.get(f"{hub.url}/acme/alpha/resolve/main/LICENSE", headers={"Authorization": f"Bearer {TOKEN}"})
    assert (anonymous.status_code, anonymous.headers["X-Error-Code"]) == (401, "GatedRepo")
    assert anonymous.text == ("Access to model acme/alpha is restricted. You must have access to it and be "
                              "authenticated to access it. Please log in.")
    assert (user.status_code, user.headers["X-Error-Code"]) == (403, "GatedRepo")
    assert "not in the authorized list" in user.text


def test_gated_takes_only_the_values_the_hub_sends(tmp_path: Path) -> None:
    """`gated` is false, "auto" or "manual", never true (hub-api.md §3.2): a fixture saying true is refused, so no
    test can pass on a `gated is True` the Hub would never send."""
    root = build_tree(tmp_path / "hub")
    (root / "models" / "acme" / "gamma" / "_meta.json").write_text('{"gated": true}', encoding="utf-8")
    with FakeHub(root) as hub:
        assert requests.get(f"{hub.url}/api/models/acme/gamma").status_code == 500  # a fixture bug fails loudly


def test_list_models_filter_accepts_both_spellings(fake: FakeHub) -> None:
    for key in ("filter", "filter[]"):
        body = requests.get(f"{fake.url}/api/models", params={"author": "acme", key: "license:cc-by-4.0"}).json()
        assert [m["id"] for m in body] == ["acme/beta"]


def test_list_models_unknown_expand_value_is_bad_request(fake: FakeHub) -> None:
    response = requests.get(f"{fake.url}/api/models", params={"expand": ["gated", "cardData.license"]})
    assert response.status_code == 400
    assert "expand" in response.json()["error"]
    with pytest.raises(BadRequestError):
        api(fake).model_info("acme/alpha", expand=["nope"])


# -- /api/models/{id} -------------------------------------------------------------------------------------

def test_model_info_has_sha_card_data_siblings_and_license_tags(fake: FakeHub) -> None:
    info = api(fake).model_info("acme/alpha")
    assert info.id == "acme/alpha" and info.author == "acme" and info.gated is False and info.private is False
    assert info.card_data.license == "Apache-2.0" and info.pipeline_tag == "text-generation"
    assert "license:apache-2.0" in info.tags and "custom-tag" in info.tags
    assert sorted(s.rfilename for s in info.siblings) == ["LICENSE", "README.md"]  # _meta.json never served
    assert len(info.sha) == 40 and info.last_modified.year == 2026
    beta = api(fake).model_info("acme/beta")
    assert beta.sha == SHA_PINNED and beta.last_modified.year == 2025
    assert {"license:mit", "license:cc-by-4.0"} <= set(beta.tags)


def test_model_info_expand_is_exclusive(fake: FakeHub) -> None:
    body = requests.get(f"{fake.url}/api/models/acme/alpha", params={"expand[]": ["gated", "sha"]}).json()
    assert set(body) == {"_id", "id", "gated", "sha"}
    mixed = requests.get(f"{fake.url}/api/models/acme/alpha?expand=gated&expand%5B%5D=tags").json()
    assert set(mixed) == {"_id", "id", "gated", "tags"}
    info = api(fake).model_info("acme/gamma", expand=["gated"])
    assert info.gated == "manual" and info.card_data is None and info.siblings is None


def test_model_info_revision_accepts_main_and_sha_and_rejects_unknown(fake: FakeHub) -> None:
    assert api(fake).model_info("acme/beta", revision=SHA_PINNED).sha == SHA_PINNED
    assert api(fake).model_info("acme/beta", revision="main").id == "acme/beta"
    for rev in ("nope", "refs/pr/1"):
        with pytest.raises(RevisionNotFoundError):
            api(fake).model_info("acme/beta", revision=rev)
    assert "/api/models/acme/beta/revision/refs%2Fpr%2F1" in [r.path for r in fake.requests]


def test_invalid_card_front_matter_omits_card_data(fake: FakeHub) -> None:
    assert api(fake).model_info("acme/epsilon").card_data is None
    assert "cardData" not in requests.get(f"{fake.url}/api/models/acme/epsilon").json()
    assert api(fake).model_info("acme/delta").card_data is None  # no README at all


def test_gated_repo_info_is_public(fake: FakeHub) -> None:
    info = api(fake).model_info("acme/gamma")
    assert info.gated == "manual" and info.card_data.license == "llama3"
    assert "USE_POLICY.md" in [s.rfilename for s in info.siblings]


def test_missing_repo_raises_repository_not_found_for_a_token(fake: FakeHub, tmp_path: Path) -> None:
    """With a valid token, missing and private repos are an explicit 404 RepoNotFound (hub-api.md §6)."""
    user = HfApi(endpoint=fake.url, token=TOKEN)
    for repo_id in ("acme/nope", "acme/secret", "nobody/nothing"):
        with pytest.raises(RepositoryNotFoundError) as excinfo:
            user.model_info(repo_id)
        assert not isinstance(excinfo.value, GatedRepoError)
        assert excinfo.value.response.status_code == 404
    with pytest.raises(RepositoryNotFoundError):
        hf_hub_download("acme/secret", "README.md", endpoint=fake.url, token=TOKEN, cache_dir=tmp_path / "cache")
    assert user.repo_exists("acme/nope") is False
    assert user.repo_exists("acme/hidden") is True  # unlisted but reachable by name


@pytest.mark.parametrize("path", ["/api/models/acme/nope", "/api/models/acme/secret", "/acme/secret/resolve/main/README.md",
                                  "/nobody/nothing/resolve/main/config.json"])
def test_missing_and_private_repos_answer_anonymous_callers_a_bare_401_by_default(fake: FakeHub, path: str) -> None:
    """The live answer (sample error.401.missing-repo.anonymous.json): 401, no X-Error-Code, the same message."""
    response = requests.get(fake.url + path)
    assert response.status_code == 401 and "X-Error-Code" not in response.headers
    assert response.headers["X-Error-Message"] == "Invalid username or password."
    assert response.headers["WWW-Authenticate"].startswith("Bearer realm=")
    assert response.text.strip('{}"\n').endswith("Invalid username or password.")


def test_bare_401_mode_mimics_live_anonymous_missing_repo(tree: Path) -> None:
    with FakeHub(tree, token=TOKEN) as hub:
        response = requests.get(f"{hub.url}/api/models/acme/secret")
        assert response.status_code == 401 and "X-Error-Code" not in response.headers
        assert response.headers["X-Error-Message"] == "Invalid username or password."
        assert response.json() == {"error": "Invalid username or password."}
        with pytest.raises(HfHubHTTPError) as excinfo:  # over http:// the client cannot tell it is a missing repo
            api(hub).model_info("acme/nope")
        assert not isinstance(excinfo.value, RepositoryNotFoundError)
        with pytest.raises(RepositoryNotFoundError):  # a valid token gets the explicit 404
            HfApi(endpoint=hub.url, token=TOKEN).model_info("acme/nope")
    with FakeHub(tree, bare_401_for_missing=False) as hub:  # the switch off: an explicit 404 for everyone
        response = requests.get(f"{hub.url}/api/models/acme/secret")
        assert response.status_code == 404 and response.headers["X-Error-Code"] == "RepoNotFound"


def test_info_error_is_answered_by_model_info(fake: FakeHub) -> None:
    with pytest.raises(HfHubHTTPError) as excinfo:
        api(fake).model_info("acme/broken")
    assert excinfo.value.response.status_code == 503
    assert [m.id for m in api(fake).list_models(search="broken")] == ["acme/broken"]


# -- /resolve ---------------------------------------------------------------------------------------------

def test_hf_hub_download_works_against_fake_hub(fake: FakeHub, tmp_path: Path) -> None:
    assert download(fake, tmp_path, "acme/alpha", "LICENSE") == b"Apache License 2.0 text\n"
    assert download(fake, tmp_path, "acme/beta", "sub/dir/notes.txt", revision=SHA_PINNED) == b"nested\n"
    methods = [(r.method, r.path) for r in fake.requests]
    assert ("HEAD", "/acme/alpha/resolve/main/LICENSE") in methods and ("GET", "/acme/alpha/resolve/main/LICENSE") in methods


def test_resolve_answers_with_hub_headers(fake: FakeHub) -> None:
    head = requests.head(f"{fake.url}/acme/alpha/resolve/main/LICENSE")
    data = b"Apache License 2.0 text\n"
    assert head.status_code == 200 and head.content == b""
    assert head.headers["ETag"] == '"%s"' % hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
    assert head.headers["X-Repo-Commit"] == api(fake).model_info("acme/alpha").sha
    assert head.headers["Content-Length"] == str(len(data))
    assert head.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "X-Xet-Hash" not in head.headers
    assert head.headers["RateLimit"].startswith('"resolvers";r=')
    assert head.headers["RateLimit-Policy"] == '"fixed window";"resolvers";q=3000;w=300'
    assert head.headers["X-Request-Id"] and "X-Repo-Commit" in head.headers["Access-Control-Expose-Headers"]
    info = requests.get(f"{fake.url}/api/models/acme/alpha")
    assert info.headers["RateLimit"].startswith('"api";r=') and "X-Request-Id" in info.headers
    assert requests.get(f"{fake.url}/acme/beta/resolve/{SHA_PINNED}/sub%2Fdir%2Fnotes.txt").content == b"nested\n"


def test_missing_file_raises_entry_not_found(fake: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(EntryNotFoundError):
        download(fake, tmp_path, "acme/alpha", "LICENSE.md")
    response = requests.get(f"{fake.url}/acme/alpha/resolve/main/nope.txt")
    assert response.status_code == 404 and response.headers["X-Error-Code"] == "EntryNotFound"
    assert response.headers["X-Error-Message"] == "Entry not found" and response.text == "Entry not found"
    assert len(response.headers["X-Repo-Commit"]) == 40
    assert api(fake).file_exists("acme/alpha", "COPYING") is False
    assert api(fake).file_exists("acme/alpha", "LICENSE") is True


def test_unknown_revision_on_resolve_raises_revision_not_found(fake: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(RevisionNotFoundError):
        download(fake, tmp_path, "acme/alpha", "LICENSE", revision="v9")
    assert requests.get(f"{fake.url}/acme/alpha/resolve/v9/LICENSE").headers["X-Error-Code"] == "RevisionNotFound"


def test_gated_repo_serves_license_but_not_use_policy(fake: FakeHub, tmp_path: Path) -> None:
    assert download(fake, tmp_path, "acme/gamma", "LICENSE") == b"LLAMA 3 COMMUNITY LICENSE\n"
    assert download(fake, tmp_path, "acme/gamma", "README.md").startswith(b"---\nlicense: llama3")
    with pytest.raises(GatedRepoError):
        download(fake, tmp_path, "acme/gamma", "USE_POLICY.md")
    response = requests.get(f"{fake.url}/acme/gamma/resolve/main/USE_POLICY.md")
    assert response.status_code == 401 and response.headers["X-Error-Code"] == "GatedRepo"
    assert response.text == ("Access to model acme/gamma is restricted. You must have access to it and be "
                             "authenticated to access it. Please log in.")
    assert response.headers["Content-Type"].startswith("text/plain")


def test_gated_repo_checks_gate_before_existence(fake: FakeHub) -> None:
    def answer(path: str) -> tuple[int, str | None]:
        response = requests.get(f"{fake.url}/acme/gamma/{path}")
        return response.status_code, response.headers.get("X-Error-Code")

    assert answer("resolve/main/LICENSE.md") == (404, "EntryNotFound")  # allow-listed name, absent
    assert answer("resolve/main/LICENSE.txt") == (404, "EntryNotFound")
    for path in ("resolve/main/does-not-exist.bin", "resolve/nope/config.json", "resolve/main/license.txt",
                 "resolve/main/readme.md", "raw/main/README.md"):
        assert answer(path) == (401, "GatedRepo"), path


def test_gated_error_code_maps_to_gated_repo_error(fake: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(GatedRepoError) as excinfo:
        hf_hub_download("acme/gamma", "USE_POLICY.md", endpoint=fake.url, token=TOKEN, cache_dir=tmp_path / "c")
    assert excinfo.value.response.status_code == 403
    assert "not in the authorized list" in excinfo.value.response.headers["X-Error-Message"]
    with pytest.raises(GatedRepoError):
        HfApi(endpoint=fake.url, token=TOKEN).file_exists("acme/gamma", "config.json")
    assert HfApi(endpoint=fake.url, token=TOKEN).file_exists("acme/gamma", "LICENSE") is True


def test_wrong_token_answers_invalid_credentials(fake: FakeHub) -> None:
    for path in ("/api/models/acme/alpha", "/acme/alpha/resolve/main/LICENSE"):
        response = requests.get(fake.url + path, headers={"Authorization": "Bearer hf_wrong"})
        assert response.status_code == 401
        assert response.headers["X-Error-Message"] == "Invalid credentials in Authorization header"
    with pytest.raises(HfHubHTTPError) as excinfo:
        HfApi(endpoint=fake.url, token="hf_wrong").model_info("acme/alpha")
    assert not isinstance(excinfo.value, RepositoryNotFoundError)


def test_transient_fault_answers_429_then_200(fake: FakeHub) -> None:
    url = f"{fake.url}/acme/flaky/resolve/main/README.md"
    first = requests.get(url)
    assert first.status_code == 429
    assert "Retry-After" not in first.headers and first.headers["RateLimit"] == '"resolvers";r=0;t=0'
    assert first.headers["RateLimit-Policy"] == '"fixed window";"resolvers";q=3000;w=300'
    assert [requests.get(url).status_code for _ in range(3)] == [503, 200, 200]
    fake.reset()
    assert fake.requests == []
    assert requests.head(url).status_code == 429  # re-armed; HEAD and GET share the count


def test_hf_hub_download_retries_through_transient_faults(fake: FakeHub, tmp_path: Path) -> None:
    start = time.monotonic()
    assert download(fake, tmp_path, "acme/flaky", "README.md").startswith(b"---")
    assert [r.status for r in fake.requests if "/resolve/" in r.path][:3] == [429, 503, 200]
    assert time.monotonic() - start < 10


def test_file_errors_answer_persistently(fake: FakeHub) -> None:
    url = f"{fake.url}/acme/broken/resolve/main/LICENSE"
    assert [requests.get(url).status_code for _ in range(2)] == [500, 500]
    assert requests.get(url).text == "Internal Server Error"
    assert requests.get(f"{fake.url}/acme/broken/resolve/main/README.md").status_code == 200


# -- misc routes, log, CLI --------------------------------------------------------------------------------

def test_agent_harnesses_and_unknown_routes(fake: FakeHub) -> None:
    assert requests.get(f"{fake.url}/api/agent-harnesses").json() == {"standardEnvVars": [], "harnesses": {}}
    response = requests.get(f"{fake.url}/api/nothing/here")
    assert response.status_code == 404 and "error" in response.json()


def test_request_log_records_method_path_query_and_auth(fake: FakeHub) -> None:
    HfApi(endpoint=fake.url, token=TOKEN).model_info("acme/alpha", expand=["gated"])
    requests.head(f"{fake.url}/acme/alpha/resolve/main/LICENSE?download=true")
    first, second = fake.requests
    assert (first.method, first.path, first.query, first.authorization) == (
        "GET", "/api/models/acme/alpha", {"expand": ["gated"]}, True)
    assert (second.method, second.path, second.query["download"], second.authorization) == (
        "HEAD", "/acme/alpha/resolve/main/LICENSE", ["true"], False)
    assert (fake.count(), fake.count("api"), fake.count("resolve")) == (2, 1, 1)


def test_no_request_leaves_loopback(fake: FakeHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hosts: list[object] = []
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def guarded_getaddrinfo(host, *args, **kwargs):
        hosts.append(host)
        return real_getaddrinfo(host, *args, **kwargs)

    def guarded_connect(sock, address):
        hosts.append(address[0] if isinstance(address, tuple) else address)
        if isinstance(address, tuple) and address[0] not in ("127.0.0.1", "::1"):
            raise AssertionError(f"connection to {address} leaves the loopback")
        return real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    hub_api = api(fake)
    list(hub_api.list_models(author="acme-labs", expand=["cardData"]))
    hub_api.model_info("acme-labs/other")
    download(fake, tmp_path, "acme-labs/other", "README.md")
    requests.get(f"{fake.url}/acme-labs/other/resolve/main/README.md", timeout=5)
    assert hosts and set(hosts) <= {"127.0.0.1", "::1"}
    assert sorted({r.path for r in fake.requests}) == [
        "/acme-labs/other/resolve/main/README.md", "/api/models", "/api/models/acme-labs/other"]


def test_cli_runs_command_against_fake_hub_and_returns_its_exit_code(tree: Path) -> None:
    child = ("import os, sys, urllib.request; "
             "body = urllib.request.urlopen(os.environ['HF_ENDPOINT'] + '/api/models/acme/alpha').read(); "
             "assert os.environ['HF_HUB_DISABLE_TELEMETRY'] == '1'; print(len(body)); sys.exit(3)")
    result = subprocess.run(
        [sys.executable, "-m", "tests.fakehub", "--root", str(tree), "--page-size", "4", "--", sys.executable, "-c", child],
        cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert result.stderr.startswith(f"fake Hub serving {tree} at http://127.0.0.1:")
    assert int(result.stdout) > 0


# -- load simulation: latency, random faults, rate limits, listing cost ------------------------------------

def test_latency_delays_every_answer(tree: Path) -> None:
    with FakeHub(tree, latency=0.15) as hub:
        with requests.Session() as session:
            session.get(f"{hub.url}/api/models/acme/alpha")  # warm up: connection, repo cache
            for url in (f"{hub.url}/api/models/acme/alpha", f"{hub.url}/acme/alpha/resolve/main/LICENSE"):
                start = time.monotonic()
                assert session.get(url).status_code == 200
                assert 0.15 <= time.monotonic() - start < 1.5
        hub.latency = 0.0  # settable between runs
        start = time.monotonic()
        requests.get(f"{hub.url}/api/models/acme/alpha")
        assert time.monotonic() - start < 0.15


def test_random_faults_are_seeded_transient_and_eventually_succeed(tree: Path) -> None:
    rates = {"429": 0.4, "5xx": 0.3, "reset": 0.2}
    urls = [f"/acme/alpha/resolve/main/{name}" for name in ("README.md", "LICENSE")] + [
        "/api/models/acme/alpha", "/api/models/acme/beta", "/acme/beta/resolve/main/README.md"]

    def crawl(hub: FakeHub) -> list[tuple[str, int | str]]:
        outcomes: list[tuple[str, int | str]] = []
        for path in urls:
            for attempt in range(10):  # bounded: at most MAX_FAULT_STREAK (3) failures in a row
                try:
                    response = requests.get(hub.url + path, timeout=5, headers={"Connection": "close"})
                except requests.ConnectionError:
                    outcomes.append((path, "reset"))
                    continue
                outcomes.append((path, response.status_code))
                if response.status_code == 429:
                    assert "Retry-After" not in response.headers  # never seen live: RateLimit says when
                    bucket = "api" if path.startswith("/api/") else "resolvers"
                    assert response.headers["RateLimit"] == f'"{bucket}";r=0;t=0'
                if response.status_code == 200:
                    break
            assert outcomes[-1] == (path, 200) and attempt <= 3, outcomes
        return outcomes

    with FakeHub(tree, fault_rates=rates, seed=7) as hub:
        first = crawl(hub)
        stats = hub.stats()
        assert sum(stats["faults"].values()) == sum(1 for _, status in first if status != 200)
        assert all(stats["faults"].values())  # seed 7 draws every kind: 429, 5xx and reset
        assert {status for _, status in first} - {200, 429, 500, 502, 503, 504, "reset"} == set()
        assert stats["status_429"]["api"] + stats["status_429"]["resolvers"] == stats["faults"]["429"]
        hub.reset()  # re-seeds: the same sequence again
        assert crawl(hub) == first
        assert requests.get(f"{hub.url}/api/agent-harnesses").status_code in (200, 429, 500, 502, 503, 504)
    with FakeHub(tree, fault_rates={"5xx": 1.0}) as hub:  # even when every draw faults
        statuses = [requests.get(f"{hub.url}/acme/alpha/resolve/main/LICENSE").status_code for _ in range(5)]
        assert statuses[:3] != [200] * 3 and statuses[3] == 200 and set(statuses[:3]) <= {500, 502, 503, 504}
        assert requests.get(f"{hub.url}/acme/alpha/raw/main/LICENSE").status_code == 200  # pages: never faulted


def test_hf_hub_download_survives_random_faults(tree: Path, tmp_path: Path) -> None:
    with FakeHub(tree, fault_rates={"429": 0.5}, seed=1) as hub:
        assert download(hub, tmp_path, "acme/alpha", "LICENSE") == b"Apache License 2.0 text\n"
        assert hub.stats()["faults"]["429"] > 0


def test_rate_limit_answers_429_with_true_headers_and_resets_after_the_window(tree: Path) -> None:
    with FakeHub(tree, rate_limit={"api": 2, "resolvers": 3}, rate_window=1.0) as hub:
        api_url, file_url = f"{hub.url}/api/models/acme/alpha", f"{hub.url}/acme/alpha/resolve/main/LICENSE"
        answers = [requests.get(api_url) for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 429]
        assert [a.headers["RateLimit"].split(";")[1] for a in answers] == ["r=1", "r=0", "r=0"]
        assert answers[0].headers["RateLimit-Policy"] == '"fixed window";"api";q=2;w=1'
        assert "Retry-After" not in answers[2].headers and answers[2].headers["RateLimit"].split("t=")[1] == "1"
        assert answers[2].headers["RateLimit"] == '"api";r=0;t=1' and "error" in answers[2].json()
        files = [requests.get(file_url) for _ in range(4)]  # a separate bucket
        assert [f.status_code for f in files] == [200, 200, 200, 429]
        assert files[3].headers["RateLimit"].startswith('"resolvers";r=0;t=')
        assert files[0].headers["RateLimit-Policy"] == '"fixed window";"resolvers";q=3;w=1'
        assert requests.get(f"{hub.url}/acme/alpha/raw/main/LICENSE").status_code == 200  # pages: not limited
        assert hub.rejected == {"api": 1, "resolvers": 1}
        stats = hub.stats()
        assert stats["requests"] == {"api": 3, "resolvers": 4, "pages": 1} and stats["total"] == 8
        assert stats["rejected"]["api"] == stats["status_429"]["api"] == 1
        deadline = time.monotonic() + 5
        while requests.get(api_url).status_code == 429:  # bounded: the window is 1 s
            assert time.monotonic() < deadline
            time.sleep(0.1)
        hub.reset()  # re-arms the windows and clears the counters
        assert requests.get(api_url).headers["RateLimit"].startswith('"api";r=1;')
        assert hub.rejected == {} and hub.stats()["requests"]["api"] == 1


def test_unenforced_ratelimit_headers_say_the_callers_tier_and_reset_with_the_window(tree: Path) -> None:
    """Live, every answer says the caller's tier quota (500/3,000 anonymous, 1,000/5,000 with a token) and what is
    left of the current window; a long unenforced run must not look like a window that never resets."""
    with FakeHub(tree, token=TOKEN, rate_window=2.0) as hub:
        hub.reset()
        url, auth = f"{hub.url}/api/models/acme/alpha", {"Authorization": f"Bearer {TOKEN}"}
        anonymous = [requests.get(url) for _ in range(2)]
        user = requests.get(url, headers=auth)
        user_file = requests.get(f"{hub.url}/acme/alpha/resolve/main/LICENSE", headers=auth)
        assert [a.headers["RateLimit"].split(";")[1] for a in anonymous] == ["r=499", "r=498"]
        assert anonymous[0].headers["RateLimit-Policy"] == '"fixed window";"api";q=500;w=2'
        assert user.headers["RateLimit-Policy"] == '"fixed window";"api";q=1000;w=2'
        assert user_file.headers["RateLimit-Policy"] == '"fixed window";"resolvers";q=5000;w=2'
        time.sleep(2.1)  # the next window: what is left starts again from the quota
        assert requests.get(url).headers["RateLimit"].split(";")[1] == "r=499"


def test_a_renamed_repo_answers_307_like_the_recording(tree: Path) -> None:
    """Sample model-info.bert-base-uncased.307-redirect.json: relative Location, query kept, text body, RateLimit."""
    with FakeHub(tree, renames={"acme/old-alpha": "acme/alpha"}) as hub:
        answer = requests.get(f"{hub.url}/api/models/acme/old-alpha?expand=sha", allow_redirects=False)
    assert answer.status_code == 307
    assert answer.headers["Location"] == "/api/models/acme/alpha?expand=sha"
    assert answer.text == "Temporary Redirect. Redirecting to /api/models/acme/alpha?expand=sha"
    assert answer.headers["Content-Type"].startswith("text/plain") and answer.headers["RateLimit"].startswith('"api";')


@pytest.mark.parametrize(("access", "status", "message"), [
    (None, 403, "you are not in the authorized list"),
    ("pending", 403, "is awaiting a review from the repo authors"),
    ("rejected", 403, "has been rejected by the repo's authors"),
    ("reset", 403, "has been reset by the repo's authors"),
    ("accepted", 200, ""),
])
def test_a_gated_repo_answers_a_token_by_the_state_of_its_access_request(tmp_path: Path, access, status, message) -> None:
    """The gated matrix (gated-and-missing.status-matrix.observed.txt): 403 GatedRepo with the Hub's message for
    each state of the request, files served once it is accepted; anonymous callers still get 401."""
    meta = {"gated": "manual", **({"access": access} if access else {})}
    root = build_tree(tmp_path / "hub")
    (root / "models" / "acme" / "gamma" / "_meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with FakeHub(root, token=TOKEN) as hub:
        url = f"{hub.url}/acme/gamma/resolve/main/USE_POLICY.md"
        answer = requests.get(url, headers={"Authorization": f"Bearer {TOKEN}"})
        anonymous = requests.get(url)
    assert answer.status_code == status and anonymous.status_code == 401
    if status == 200:
        assert answer.text == "Acceptable use\n" and "X-Error-Code" not in answer.headers
    else:
        assert answer.headers["X-Error-Code"] == "GatedRepo" and message in answer.headers["X-Error-Message"]
        assert answer.text == answer.headers["X-Error-Message"]  # text/plain body on /resolve/


@pytest.mark.parametrize("path", ["/acme/alpha/resolve/main/LICENSE", "/acme/alpha/resolve/main/nope.txt",
                                  "/acme/gamma/resolve/main/USE_POLICY.md", "/acme/gamma/resolve/main/LICENSE",
                                  "/acme/secret/resolve/main/README.md", "/acme/alpha/resolve/no-branch/LICENSE"])
def test_head_and_get_of_a_resolve_url_answer_alike(fake: FakeHub, path: str) -> None:
    """The Hub answers HEAD like GET on /resolve/ (gate, errors, headers), without a body."""
    get, head = requests.get(fake.url + path, allow_redirects=False), requests.head(fake.url + path)
    assert head.status_code == get.status_code and head.content == b""
    for name in ("X-Error-Code", "X-Error-Message", "X-Repo-Commit", "ETag", "Content-Length"):
        assert head.headers.get(name) == get.headers.get(name), name


def test_hf_client_waits_for_the_window_reset(tree: Path) -> None:
    with FakeHub(tree, page_size=3, rate_limit={"api": 2}, rate_window=1.0) as hub:
        start = time.monotonic()
        assert [m.id for m in api(hub).list_models(author="acme")] == LISTED_ACME  # 3 pages, quota 2 per second
        assert hub.rejected["api"] >= 1 and time.monotonic() - start < 20


def test_listing_pages_cost_o_page_on_a_large_org(tmp_path: Path) -> None:
    root = tmp_path / "big"
    for i in range(400):
        folder = root / "models" / "bigorg" / f"m{i:04d}"
        folder.mkdir(parents=True)
        (folder / "README.md").write_text("---\nlicense: mit\n---\n" if i % 2 else "no card\n", encoding="utf-8")
    (root / "models" / "bigorg" / "m0007" / "_meta.json").write_text('{"private": true}', encoding="utf-8")
    (root / "models" / "other").mkdir()
    with FakeHub(root, page_size=50) as hub:
        first = requests.get(f"{hub.url}/api/models", params={"author": "bigorg", "limit": 5})
        assert [m["id"] for m in first.json()] == [f"bigorg/m000{d}" for d in range(5)]
        assert len(hub._cache) == 6  # the page plus the one look-ahead, not the whole org
        second = requests.get(first.links["next"]["url"]).json()
        assert [m["id"] for m in second] == ["bigorg/m0005", "bigorg/m0006", "bigorg/m0008", "bigorg/m0009",
                                             "bigorg/m0010"]  # private m0007 skipped
        ids = [m.id for m in api(hub).list_models(author="BigOrg")]
        assert len(ids) == 399 and ids == sorted(ids) and "bigorg/m0007" not in ids
        assert len([r for r in hub.requests if r.path == "/api/models"]) == 2 + 8
        page = requests.get(f"{hub.url}/api/models", params={"search": "m0149", "limit": 5}).json()
        assert [m["id"] for m in page] == ["bigorg/m0149"]
        assert requests.get(f"{hub.url}/api/models", params={"cursor": "bm90LWpzb24="}).status_code == 400


def test_cli_accepts_load_options(tree: Path) -> None:
    child = ("import os, urllib.request, urllib.error\n"
             "url = os.environ['HF_ENDPOINT'] + '/api/models/acme/alpha'\n"
             "print(urllib.request.urlopen(url).headers['RateLimit-Policy'])\n"
             "try:\n    urllib.request.urlopen(url)\nexcept urllib.error.HTTPError as e:\n    print(e.code)\n")
    result = subprocess.run(
        [sys.executable, "-m", "tests.fakehub", "--root", str(tree), "--latency", "0.01", "--faults", "5xx=0",
         "--seed", "3", "--rate-limit", "api=1", "--rate-window", "60", "--", sys.executable, "-c", child],
        cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ['"fixed', 'window";"api";q=1;w=60', "429"]
    bad = subprocess.run([sys.executable, "-m", "tests.fakehub", "--root", str(tree), "--faults", "boom=1"],
                         cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "fault kinds" in bad.stderr


def test_real_hub_switches_renames_overview_and_private_listing(tmp_path: Path) -> None:
    """The switches behave like the recorded Hub: 307 renames (relative Location, query kept) followed by the
    real client, overview counts and 404s, private repos listed only to a token."""
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    for repo_id, meta in (("acme/new-name", {}), ("acme/hidden", {"private": True})):
        folder = tmp_path / "models" / repo_id
        folder.mkdir(parents=True)
        (folder / "README.md").write_text("---\nlicense: mit\n---\n", encoding="utf-8")
        (folder / "_meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with FakeHub(tmp_path, token="hf_t", token_sees_private=True, renames={"acme/old-name": "acme/new-name"}) as hub:
        api = HfApi(endpoint=hub.url, token=False)
        assert api.model_info("acme/old-name").id == "acme/new-name"
        assert hub.requests[0].status == 307
        assert api.get_organization_overview("acme").num_models == 1
        with pytest.raises(HfHubHTTPError):
            api.get_organization_overview("nobody")
        assert [m.id for m in api.list_models(author="acme")] == ["acme/new-name"]
        listed = {m.id: m.private for m in HfApi(endpoint=hub.url, token="hf_t").list_models(author="acme",
                                                                                          expand=["private"])}
        assert listed == {"acme/hidden": True, "acme/new-name": False}
