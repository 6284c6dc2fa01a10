"""Loopback fake Hugging Face Hub serving a fixture tree over the Hub's real routes, headers and error codes."""

from __future__ import annotations

import argparse
import base64
import bisect
import fnmatch
import hashlib
import json
import math
import os
import random
import re
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, quote, unquote, urlencode, urlsplit

import yaml

DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "hub"
DEFAULT_DATE = "2026-01-01T00:00:00.000Z"
CARD_RE = re.compile(r"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))")  # hub-api.md §10
GATE_ALLOW = frozenset({"README.md", "LICENSE", "LICENSE.md", "LICENSE.txt"})
EXPAND_VALUES = frozenset(  # huggingface_hub 2.4.0 ExpandModelProperty_T + xetEnabled (hub-api.md §2.1)
    "author baseModels cardData childrenModelCount config createdAt disabled downloads downloadsAllTime evalResults "
    "gated gguf inference inferenceProviderMapping lastModified library_name likes mask_token model-index pipeline_tag "
    "private resourceGroup safetensors sha siblings spaces tags transformersInfo trendingScore usedStorage widgetData "
    "xetEnabled".split()
)
LIST_FIELDS = ("_id", "id", "likes", "trendingScore", "private", "downloads", "tags", "pipeline_tag", "library_name",
               "createdAt", "modelId")
INFO_FIELDS = ("_id", "id", "modelId", "author", "sha", "lastModified", "createdAt", "private", "gated", "disabled",
               "pipeline_tag", "library_name", "tags", "downloads", "likes", "cardData", "siblings", "spaces")
QUOTA = {"api": 500, "resolvers": 3000, "pages": 100}  # per 5 minutes, anonymous (per IP)
TOKEN_QUOTA = {"api": 1000, "resolvers": 5000, "pages": 200}  # a free user's token (hub-api.md §8)
FAULT_KINDS = ("429", "5xx", "reset")
FAULT_5XX = (500, 502, 503, 504)
MAX_FAULT_STREAK = 3  # a URL never gets more than this many transient failures in a row from random faults
RESET = object()  # a reply that closes the connection without answering
EXPOSE = ("X-Repo-Commit,X-Request-Id,X-Error-Code,X-Error-Message,X-Total-Count,ETag,Link,Accept-Ranges,"
          "Content-Range,X-Xet-Access-Token,X-Xet-Token-Expiration,X-Xet-Refresh-Route,X-Xet-Cas-Url,X-Xet-Hash")
MSG_ANON_GATED = ("Access to model {id} is restricted. You must have access to it and be authenticated to access it. "
                  "Please log in.")
MSG_TOKEN_GATED = ("Access to model {id} is restricted and you are not in the authorized list. "
                   "Visit https://huggingface.co/{id} to ask for access.")
#: A token's access request to a gated repo (`_meta.json` `"access"`), as the Hub words its refusal (§7).
MSG_ACCESS = {
    "pending": "Your request to access model {id} is awaiting a review from the repo authors.",
    "rejected": "Your request to access model {id} has been rejected by the repo's authors.",
    "reset": ("Your request to access model {id} has been reset by the repo's authors. "
              "Visit https://huggingface.co/{id} to submit a new request."),
}


@dataclass(frozen=True)
class Request:
    """One request received by the fake Hub (path is raw, without the query string)."""

    method: str
    path: str
    query: dict[str, list[str]] = field(default_factory=dict)
    authorization: bool = False
    status: int = 0


Reply = tuple[int, dict, bytes]


def _card_data(readme: bytes | None) -> dict | None:
    if readme is None:
        return None
    match = CARD_RE.search(readme.decode("utf-8-sig", errors="replace"))
    try:
        data = yaml.safe_load(match.group(2)) if match else None
        return json.loads(json.dumps(data, default=str)) if isinstance(data, dict) else None  # the Hub sends JSON
    except (yaml.YAMLError, ValueError, RecursionError):  # a card the Hub cannot parse has no cardData
        return None


def _load_repo(root: Path, org: str, name: str, blobs: dict[bytes, bytes] | None = None) -> dict | None:
    """Everything the fake Hub knows about one fixture repo, or None when its folder does not exist.

    `blobs` interns file contents: synthetic trees repeat the same license texts thousands of times.
    """
    if any(part in ("", ".", "..") or "/" in part or "\\" in part for part in (org, name)):
        return None
    folder = root / "models" / org / name
    if not folder.is_dir():
        return None
    meta_path = folder / "_meta.json"
    meta = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    files.pop("_meta.json", None)
    if blobs is not None:
        files = {path: blobs.setdefault(data, data) for path, data in files.items()}
    sha = meta.get("sha")
    if not sha:
        digest = hashlib.sha1()
        for path, data in sorted(files.items()):
            digest.update(b"%s\0%d\0%s" % (path.encode(), len(data), data))
        sha = digest.hexdigest()
    card = _card_data(files.get("README.md"))
    repo_id = f"{org}/{name}"
    gated = meta.get("gated", False)
    if gated is True:  # the Hub says false, "auto" or "manual" (hub-api.md §3.2), never true (odd strings are hostile input)
        raise ValueError(f"{repo_id}: _meta.json gated must be false, \"auto\" or \"manual\": the Hub never sends true")
    tags = hub_tags(meta, card, files, repo_id)
    fields = {
        "_id": hashlib.sha1(repo_id.encode()).hexdigest()[:24], "id": repo_id, "modelId": repo_id, "author": org,
        "sha": sha, "lastModified": meta.get("lastModified", DEFAULT_DATE), "createdAt": meta.get("createdAt", DEFAULT_DATE),
        "private": bool(meta.get("private", False)), "gated": gated,
        "disabled": bool(meta.get("disabled", False)), "tags": tags,
        "pipeline_tag": meta.get("pipeline_tag", (card or {}).get("pipeline_tag")),
        "library_name": meta.get("library_name", (card or {}).get("library_name")),
        "downloads": meta.get("downloads", 0), "downloadsAllTime": meta.get("downloadsAllTime", meta.get("downloads", 0)),
        "likes": meta.get("likes", 0),
        "trendingScore": meta.get("trendingScore", 0), "spaces": [],
        "siblings": [{"rfilename": path} for path in files],
    }
    if card is not None:
        fields["cardData"] = card
    return {"id": repo_id, "meta": meta, "files": files, "fields": fields}


def stored_in_lfs(files: dict[str, bytes], path: str) -> bool:
    """Whether the Hub keeps this file in LFS/Xet storage: a binary file (NUL in its first 8,000 bytes, git's own
    test: the Hub refuses binary files pushed outside LFS/Xet, "Your push was rejected because it contains binary
    files", huggingface_hub#1404, #687) or one the repo's `.gitattributes` marks `filter=lfs`."""
    if b"\0" in files[path][:8000]:
        return True
    for line in files.get(".gitattributes", b"").decode("utf-8", "replace").splitlines():
        pattern, *attributes = line.split() or [""]
        if "filter=lfs" in attributes and fnmatch.fnmatchcase(path if "/" in pattern else path.rsplit("/", 1)[-1], pattern):
            return True
    return False


# -- listing queries: base_model tags, filter/search evaluation, sort (kept apart from the routing) ------------
RELATIONS = ("adapter", "merge", "quantized", "finetune")
QUANTIZED_HINT = re.compile(r"gguf|gptq|awq", re.IGNORECASE)
#: `sort=` values the Hub accepts (most first, as the Hub sorts them). Only the camelCase field names: the client
#: translates `created_at`/`last_modified`/`trending_score` before sending (hub-api.md §2.1), because the Hub
#: answers them 400 "Invalid sort parameter" (huggingface_hub#2655, hub-docs#926).
SORT_FIELDS = {name: name for name in ("downloads", "likes", "trendingScore", "createdAt", "lastModified")}


def _relation(card: dict, files: dict, repo_id: str, bases: list[str]) -> str:
    """The Hub's relation of a repo to its bases: the card's `base_model_relation`, else inferred from the repo."""
    stated = card.get("base_model_relation")
    if stated in RELATIONS:
        return stated
    if any(path.rsplit("/", 1)[-1] == "adapter_config.json" for path in files):
        return "adapter"
    if QUANTIZED_HINT.search(repo_id.split("/")[-1]) or any(path.lower().endswith(".gguf") for path in files):
        return "quantized"
    card_tags = card.get("tags") if isinstance(card.get("tags"), list) else []
    if len(bases) > 1 or {"merge", "mergekit"} & {str(t).lower() for t in card_tags}:
        return "merge"
    return "finetune"


def _strings(value: object) -> list[str]:
    return [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v.strip()]


def hub_tags(meta: dict, card: dict | None, files: dict, repo_id: str) -> list[str]:
    """A repo's tags as the Hub computes them (samples model-info.google-bert--bert-base-uncased.200.json,
    ...deepset--roberta-base-squad2..., list-models.page.default-fields.json): the library and the pipeline, the
    card's own `tags`, its `language` codes, `dataset:<id>` per card dataset, `license:<id>` per card license,
    the `base_model:` tags, and `region:us` last (on every recorded item); `_meta.json` tags come first."""
    card = card or {}
    found = [*_strings(meta.get("tags")), *_strings(meta.get("library_name", card.get("library_name"))),
             *_strings(meta.get("pipeline_tag", card.get("pipeline_tag"))), *_strings(card.get("tags")),
             *_strings(card.get("language")), *(f"dataset:{d}" for d in _strings(card.get("datasets"))),
             *(f"license:{lic.lower()}" for lic in _strings(card.get("license"))),
             *base_model_tags(card, files, repo_id), "region:us"]
    return list(dict.fromkeys(found))


def base_model_tags(card: dict | None, files: dict, repo_id: str) -> list[str]:
    """`base_model:<id>` and `base_model:<relation>:<id>` for each card `base_model`, as the Hub computes them."""
    raw = (card or {}).get("base_model")
    values = raw if isinstance(raw, list) else [raw]
    bases = [v.strip() for v in values if isinstance(v, str) and v.strip() and " " not in v.strip() and v.strip() != repo_id]
    if not bases:
        return []
    relation = _relation(card or {}, files, repo_id, bases)
    return [f"base_model:{b}" for b in bases] + [f"base_model:{relation}:{b}" for b in bases]


def listing_matches(fields: dict, repo_id: str, query: dict) -> bool:
    """Does a listed repo match `search` (substring of the id), every `filter` tag and `gated`?"""
    search = query.get("search", [""])[-1].lower()
    if search and search not in repo_id.lower():
        return False
    wanted = set(query.get("filter", []))
    if wanted and not wanted <= {*fields["tags"], fields["pipeline_tag"], fields["library_name"]}:
        return False
    gated = query.get("gated", [""])[-1]
    return not gated or (gated == "true") == bool(fields["gated"])


def sort_key(field: str):
    """Most first, then by id (a stable order, so offset cursors never skip or repeat a repo)."""
    def key(fields: dict) -> tuple:
        value = fields.get(field)
        if isinstance(value, str):  # ISO dates: newest first
            return (0, "".join(chr(0x10FFFF - ord(c)) for c in value), fields["id"])
        return (-(value or 0), "", fields["id"])
    return key


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _shape(fields: dict, expand: list[str], default: tuple[str, ...]) -> dict:
    keys = ["_id", "id", *expand] if expand else default
    return {key: fields[key] for key in dict.fromkeys(keys) if key in fields}


class FakeHub:
    """A fake Hub on 127.0.0.1:<ephemeral port>; use as a context manager or start()/stop().

    Load and network simulation (all off by default; the attributes may be changed between runs,
    then call `reset()` to re-arm the RNG and the rate-limit windows):

    * `latency`: seconds slept in the handler thread before answering every request;
    * `fault_rates`: `{"429": p, "5xx": p, "reset": p}` random transient faults on `/api/` and `/resolve/`
      requests, drawn from `random.Random(seed)`; 429s carry `RateLimit: ...;r=0;t=0` (no `Retry-After`: the
      Hub was never seen sending one),
      5xx is one of 500/502/503/504, reset closes the connection without answering. A URL never gets
      more than `MAX_FAULT_STREAK` failures in a row, so every URL eventually succeeds;
    * `rate_limit`: `{"api": quota, "resolvers": quota, "pages": quota}` fixed windows of `rate_window`
      seconds: each request consumes one unit of its bucket, `RateLimit` reports the true remaining count
      and seconds to reset, and over-quota requests answer 429 with `RateLimit: ...;r=0;t=<seconds to reset>`
      (counted in `rejected[bucket]`). Unenforced, every answer still says the caller's tier quota (anonymous or
      token) and what is left of the current window, which never runs out.

    `intercept(method, path, query, headers)`, when set, may return a crafted `(status, headers, body)` for
    any request (hostile-input tests); returning None lets the fake Hub answer as usual.

    Real-Hub behaviours (recorded in the Hub samples; all off by default):

    * `bare_401_for_missing` (on by default, as live): a missing or private repo answers an anonymous caller 401
      without `X-Error-Code` ("Invalid username or password."); a valid token gets 404 `RepoNotFound`;
    * a gated repo's `_meta.json` `"access"`: the valid token's request is `accepted` (files served), `pending`,
      `rejected` or `reset` (403 `GatedRepo` with the Hub's message); absent, it was never requested;
    * `token_sees_private`: a valid token sees private repos in listings, model info and files (the real
      listing shows them to any token that can see them, items carrying `"private": true`);
    * `trending`: listings without `sort` come in trending order, which reshuffles between pages (the cursor
      is a position, so models are skipped or repeated); an explicit `sort` stays stable;
    * `burst_429`: for this many seconds after `reset()`, every `/api/` and `/resolve/` request answers 429
      with `RateLimit: ...;r=0;t=0` (a burst that outlasts any retry count that does not wait);
    * `other_origin` (a URL, e.g. a second FakeHub that records the headers it gets) with `link_to_other`
      (next-page links point there) and `cdn_paths` (those files answer 302 to it, as LFS files go to the CDN);
    * binary files (and those the repo's `.gitattributes` marks `filter=lfs`) are LFS/Xet files, as on the Hub,
      which refuses binary files outside LFS (`stored_in_lfs`): listed in `siblings` like any file, `/resolve/`
      answers 302 (`X-Linked-Etag` = sha256, `X-Linked-Size`) to the CDN (`other_origin`, else this fake itself
      named `localhost`: another origin, so no client sends it the token), whose 200 has no `Content-Type` (as
      recorded);
      `/raw/` answers the LFS pointer;
    * `renames`: `{old id: new id}` answered with 307 and a relative `Location` (old ids may be org-less);
    * `users`: names whose overview is a user's (`/api/users/NAME/overview`); other owners are organizations;
    * `quirks`: `{"org/name/path": "trickle" | "gzip-lie" | "redirect-loop"}` on files; `{"listing": "self-link" |
      "endless-links" | "fail-after-first" | "bad-retry-after"}` on listings (pages after the first answer 503:
      always, or once with `Retry-After: soon, maybe`);
      `{"org/name": "deep-card"}` for a 1,500-level `cardData` in listings;
    * `page_size` is also the default page of a listing without `limit` (the real Hub's is 1,000).

    Known differences from the recorded Hub (unrecorded there, or not needed by any test): cursors are offsets
    or ids, not the Hub's keyset cursors; every page is capped at `page_size`; unsorted listings are in id order
    unless `trending`; the overview's fields and whether `numModels` counts private repos were never recorded;
    default model info lacks `config`, `safetensors`, `widgetData`, `baseModels`...; tags lack
    the file-format, architecture and `arxiv:` ones; a disabled repo's files answer the gate's `GatedRepo` (the one
    recording), whether or not it is gated; with `token` None every caller counts as anonymous.
    """

    intercept = None

    def __init__(self, root: Path, *, page_size: int = 3, token: str | None = None,
                 bare_401_for_missing: bool = True, port: int = 0, latency: float = 0.0,
                 fault_rates: dict[str, float] | None = None, seed: int = 0,
                 rate_limit: dict[str, int] | None = None, rate_window: float = 300.0,
                 token_sees_private: bool = False, trending: bool = False, burst_429: float = 0.0,
                 other_origin: str | None = None, link_to_other: bool = False, cdn_paths: frozenset[str] = frozenset(),
                 renames: dict[str, str] | None = None, users: frozenset[str] = frozenset(),
                 quirks: dict[str, str] | None = None) -> None:
        self.root, self.page_size, self.token = Path(root), page_size, token
        self.token_sees_private, self.trending, self.burst_429 = token_sees_private, trending, burst_429
        self.other_origin, self.link_to_other, self.cdn_paths = other_origin, link_to_other, cdn_paths
        self.renames, self.users, self.quirks = dict(renames or {}), users, dict(quirks or {})
        self._pages_served = 0
        self.bare_401_for_missing, self.port = bare_401_for_missing, port
        self.latency, self.fault_rates, self.seed = latency, fault_rates, seed
        self.rate_limit, self.rate_window = rate_limit, rate_window
        if fault_rates and (set(fault_rates) - set(FAULT_KINDS) or sum(fault_rates.values()) > 1):
            raise ValueError(f"fault_rates: keys among {FAULT_KINDS}, rates summing to at most 1")
        self.requests: list[Request] = []
        self.rejected: dict[str, int] = {}  # over-quota 429s per bucket
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str], dict | None] = {}
        self._blobs: dict[bytes, bytes] = {}
        self._index: tuple[Path, dict[str, tuple[list[str], list[tuple[str, str]]]]] | None = None
        self._children_index: tuple[Path, dict[str, dict[str, int]]] | None = None
        self._fault_hits: dict[tuple[str, str], int] = {}
        self._bucket_hits: dict[str, int] = {}
        self._sent_429: dict[str, int] = {}
        self._faults: dict[str, int] = {}
        self._streaks: dict[str, int] = {}  # URL -> transient failures in a row
        self._windows: dict[str, list[int]] = {}  # bucket -> [window number, units used]
        self.window_counts: dict[str, dict[int, int]] = {}  # bucket -> {window number: requests}
        self._rng = random.Random(seed)
        self._server: _Server | None = None
        self._window_origin = time.monotonic()

    # -- lifecycle and log ---------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeHub is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeHub:
        handler = type("Handler", (_Handler,), {"hub": self})
        self._server = _Server(("127.0.0.1", self.port), handler)
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _repo(self, org: str, name: str) -> dict | None:
        """A repo as loaded from disk, cached for the server's lifetime (parsing every card per request is slow)."""
        key = (org, name)
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        repo = _load_repo(self.root, org, name, self._blobs)
        with self._lock:
            self._cache[key] = repo
        return repo

    def _ids(self, author: str) -> tuple[list[str], list[tuple[str, str]]]:
        """Sorted repo ids on disk (and their (org, name)) of one lower-cased author, "" = everyone.

        Built once per root on the first listing, so each `/api/models` page costs O(page), not O(repos).
        """
        with self._lock:
            index = self._index
        if index is None or index[0] != self.root:
            entries: dict[str, list[tuple[str, str, str]]] = {"": []}
            models = self.root / "models"
            for org_dir in (models.iterdir() if models.is_dir() else ()):
                if not org_dir.is_dir():
                    continue
                for repo_dir in org_dir.iterdir():
                    if repo_dir.is_dir():
                        entry = (f"{org_dir.name}/{repo_dir.name}", org_dir.name, repo_dir.name)
                        entries[""].append(entry)
                        entries.setdefault(org_dir.name.lower(), []).append(entry)
            built = {key: ([e[0] for e in sorted(rows)], [(e[1], e[2]) for e in sorted(rows)])
                     for key, rows in entries.items()}
            index = (self.root, built)
            with self._lock:
                self._index = index
        return index[1].get(author, ([], []))

    def reset(self) -> None:
        """Clear the request log and counters; re-arm fixture faults, the fault RNG and rate-limit windows."""
        with self._lock:
            self.requests.clear()
            self.rejected.clear()
            self._fault_hits.clear()
            self._bucket_hits.clear()
            self._sent_429.clear()
            self._faults.clear()
            self._streaks.clear()
            self._windows.clear()
            self.window_counts.clear()
            self._pages_served = 0
            self._rng = random.Random(self.seed)
            self._window_origin = time.monotonic()

    def stats(self) -> dict:
        """Requests per bucket, 429s sent (all causes), over-quota rejections and injected faults."""
        with self._lock:
            return {
                "requests": {bucket: self._bucket_hits.get(bucket, 0) for bucket in QUOTA},
                "total": sum(self._bucket_hits.values()),
                "status_429": {bucket: self._sent_429.get(bucket, 0) for bucket in QUOTA},
                "rejected": {bucket: self.rejected.get(bucket, 0) for bucket in QUOTA},
                "faults": {kind: self._faults.get(kind, 0) for kind in FAULT_KINDS},
            }

    def count(self, kind: str | None = None) -> int:
        tests = {None: lambda p: True, "api": lambda p: p.startswith("/api/"), "resolve": lambda p: "/resolve/" in p}
        if kind not in tests:
            raise ValueError(f"kind must be None, 'api' or 'resolve', not {kind!r}")
        with self._lock:
            return sum(1 for r in self.requests if tests[kind](r.path))

    # -- admission: rate limit and random faults ------------------------------------------------------------
    @staticmethod
    def _bucket(raw_path: str) -> str:
        return "api" if raw_path.startswith("/api/") else "resolvers" if "/resolve/" in raw_path else "pages"

    def _handle(self, method: str, raw_path: str, raw_query: str, headers) -> Reply | object:
        """One request end to end: quota, random faults, routing, logging, common headers (or RESET)."""
        bucket = self._bucket(raw_path)
        user = bool(self.token) and headers.get("Authorization") == f"Bearer {self.token}"
        limit_headers, over = self._consume(bucket, user)
        url = f"{raw_path}?{raw_query}"
        reply: Reply | object | None = None
        if over is not None:
            reply = self._error(429, "You have been rate-limited; you can retry this action in about "
                                f"{over} seconds.", api=bucket == "api",
                                headers={"RateLimit": f'"{bucket}";r=0;t={over}'})
        elif bucket != "pages" and self.burst_429 and time.monotonic() - self._window_origin < self.burst_429:
            reply = self._error(429, "You have been rate-limited.", api=bucket == "api",
                                headers={"RateLimit": f'"{bucket}";r=0;t=0'})
        elif bucket != "pages" and self.fault_rates:
            reply = self._random_fault(url, bucket)
        if reply is None:
            try:
                reply = (self.intercept(method, raw_path, raw_query, headers) if self.intercept else None) or \
                    self._reply(method, raw_path, raw_query, headers)
            except Exception as exc:  # a fake-Hub bug: answer 500 so the test fails loudly
                reply = self._json({"error": f"fake Hub crashed: {exc!r}"}, 500)
        failed = reply is RESET or reply[0] in (429, *FAULT_5XX)  # type: ignore[index]
        with self._lock:
            if failed:
                self._streaks[url] = self._streaks.get(url, 0) + 1
            else:
                self._streaks.pop(url, None)
        if over is not None:
            with self._lock:
                self.rejected[bucket] = self.rejected.get(bucket, 0) + 1
        if reply is RESET:
            self._log(method, raw_path, raw_query, headers, 0)
            return RESET
        return self._finish(method, raw_path, raw_query, headers, reply, limit_headers)  # type: ignore[arg-type]

    def _consume(self, bucket: str, user: bool = False) -> tuple[dict[str, str], int | None]:
        """Count one request of `bucket`; returns its RateLimit headers and, when over quota, seconds to reset."""
        now = time.monotonic()
        quota = (self.rate_limit or {}).get(bucket)
        with self._lock:
            self._bucket_hits[bucket] = self._bucket_hits.get(bucket, 0) + 1
            width = self.rate_window
            number = int((now - self._window_origin) // width)
            state = self._windows.get(bucket)
            if state is None or state[0] != number:
                state = self._windows[bucket] = [number, 0]
            state[1] += 1
            used = state[1]
            reset_in = max(1, math.ceil(self._window_origin + (number + 1) * width - now))
            if quota is None:  # no enforcement: the caller's tier quota, what is left of this window, never 0
                tier = (TOKEN_QUOTA if user else QUOTA)[bucket]
                return {"RateLimit": f'"{bucket}";r={max(tier - used, 1)};t={reset_in}',
                        "RateLimit-Policy": f'"fixed window";"{bucket}";q={tier};w={math.ceil(width)}'}, None
            counts = self.window_counts.setdefault(bucket, {})
            counts[number] = counts.get(number, 0) + 1
        headers = {"RateLimit": f'"{bucket}";r={max(0, quota - used)};t={reset_in}',
                   "RateLimit-Policy": f'"fixed window";"{bucket}";q={quota};w={math.ceil(width)}'}
        return headers, (reset_in if used > quota else None)

    def _random_fault(self, url: str, bucket: str) -> Reply | object | None:
        """Maybe a transient fault for this request (never more than MAX_FAULT_STREAK in a row per URL)."""
        rates = self.fault_rates or {}
        with self._lock:
            if self._streaks.get(url, 0) >= MAX_FAULT_STREAK:
                return None
            roll, kind, total = self._rng.random(), None, 0.0
            for name in FAULT_KINDS:
                total += rates.get(name, 0.0)
                if roll < total:
                    kind = name
                    break
            if kind is None:
                return None
            self._faults[kind] = self._faults.get(kind, 0) + 1
            status = 429 if kind == "429" else self._rng.choice(FAULT_5XX) if kind == "5xx" else 0
        if kind == "reset":
            return RESET
        return self._error(status, _phrase(status), api=bucket == "api")

    # -- routing -------------------------------------------------------------------------------------------
    def _reply(self, method: str, raw_path: str, raw_query: str, headers) -> Reply:
        pairs = parse_qsl(raw_query, keep_blank_values=True)
        query: dict[str, list[str]] = {}
        for key, value in pairs:  # `expand[]=` and `expand=` (and `filter[]`) are the same parameter
            query.setdefault(key.removesuffix("[]"), []).append(value)
        api = raw_path.startswith("/api/")
        if method not in ("GET", "HEAD"):
            return self._error(404, "Not Found", api=True)
        if raw_path == "/api/agent-harnesses":
            return self._json({"standardEnvVars": [], "harnesses": {}})
        auth = headers.get("Authorization")
        user = bool(self.token and auth)
        if user and auth != f"Bearer {self.token}":
            return self._error(401, "Invalid credentials in Authorization header", api=api)
        if raw_path == "/api/models":
            return self._list(pairs, query, user)
        if m := re.fullmatch(r"/api/(organizations|users)/([^/]+)/overview", raw_path):
            return self._overview(m[1], unquote(m[2]))
        if renamed := self._renamed(raw_path, raw_query):
            return renamed
        if m := re.fullmatch(r"/api/models/([^/]+)/([^/]+)(?:/revision/(.+))?", raw_path):
            return self._info(unquote(m[1]), unquote(m[2]), unquote(m[3] or "main"), query, user)
        if m := re.fullmatch(r"/([^/]+)/([^/]+)/(resolve|raw)/([^/]+)/(.+)", raw_path):
            return self._file(m[3], unquote(m[1]), unquote(m[2]), unquote(m[4]), unquote(m[5]), user, raw_path,
                              cdn="cdn" in query)
        return self._error(404, "Not Found", api=api)

    def _renamed(self, raw_path: str, raw_query: str) -> Reply | None:
        """307 with a relative Location for a renamed repo (model info and files), query carried over."""
        for old, new in self.renames.items():
            for prefix in (f"/api/models/{old}", f"/{old}"):
                rest = raw_path[len(prefix):]
                if raw_path.startswith(prefix) and (rest == "" or rest.startswith("/")) and (
                        prefix.startswith("/api/") or rest.startswith(("/resolve/", "/raw/"))):
                    target = prefix.replace(old, new, 1) + rest + (f"?{raw_query}" if raw_query else "")
                    return 307, {"Location": target, "Content-Type": "text/plain; charset=utf-8"}, \
                        f"Temporary Redirect. Redirecting to {target}".encode()
        return None

    def _overview(self, kind: str, name: str) -> Reply:
        ids, names = self._ids(name.lower())
        is_user = name in self.users
        if not ids or is_user != (kind == "users"):
            return self._error(404, f"{kind[:-1].title()} not found", api=True)
        count = 0
        for org, repo_name in names:
            repo = self._repo(org, repo_name)
            if repo is not None and not repo["fields"]["private"] and repo["meta"].get("listed", True):
                count += 1
        key = "user" if is_user else "name"
        return self._json({key: names[0][0], "fullname": names[0][0], "numModels": count, "numDatasets": 0,
                           "numSpaces": 0, "numFollowers": 0})

    def _list(self, pairs: list[tuple[str, str]], query: dict, user: bool = False) -> Reply:
        if self.quirks.get("listing") == "fail-after-first" and "cursor" in query:
            return self._error(503, "Service Unavailable", api=True)
        if self.quirks.get("listing") == "bad-retry-after" and "cursor" in query:
            with self._lock:
                self._pages_served += 1
                first = self._pages_served == 1
            if first:  # once: a 503 whose Retry-After is no number and no date
                return self._error(503, "Service Unavailable", api=True, headers={"Retry-After": "soon, maybe"})
        expand = query.get("expand", [])
        if bad := self._bad_expand(expand):
            return bad
        try:
            limit = int(query.get("limit", ["0"])[-1] or 0)
            cursor = json.loads(base64.urlsafe_b64decode(query["cursor"][-1])) if "cursor" in query else {"after": ""}
            after, offset = cursor.get("after", ""), int(cursor.get("offset", 0))
        except (ValueError, KeyError, TypeError, AttributeError):
            return self._error(400, "Invalid limit or cursor", api=True)
        if not isinstance(after, str) or offset < 0:
            return self._error(400, "Invalid limit or cursor", api=True)
        author = query.get("author", [""])[-1].lower()
        sort = query.get("sort", [""])[-1]
        if sort and sort not in SORT_FIELDS:
            return self._error(400, f"Invalid sort parameter: {sort}", api=True)
        size = max(1, min(limit, self.page_size) if limit > 0 else self.page_size)
        ids, names = self._ids(author)
        if sort:  # the whole match set in a stable order; the cursor is an offset into it
            matched = sorted(self._matching(ids, names, range(len(ids)), query, user), key=sort_key(SORT_FIELDS[sort]))
            page, more = matched[offset:offset + size], len(matched) > offset + size
            state = {"offset": offset + len(page)}
        else:
            if self.trending:  # the order of the moment: scores move between two pages, the cursor is a position
                with self._lock:
                    salt, self._pages_served = self._pages_served, self._pages_served + 1
                order = sorted(range(len(ids)), key=lambda i: hashlib.sha1(f"{salt}:{ids[i]}".encode()).digest())
                positions: list[int] | range = order[offset:]
            else:
                positions = range(bisect.bisect_right(ids, after), len(ids))
            page, more, consumed = [], False, 0
            for consumed, fields in self._matching(ids, names, positions, query, user, counted=True):
                if len(page) == size:
                    more, consumed = True, consumed - 1
                    break
                page.append(fields)
            else:
                consumed = len(positions)
            state = {"offset": offset + consumed} if self.trending else {"after": page[-1]["id"] if page else after}
        if "childrenModelCount" in expand:
            page = [dict(m, childrenModelCount=self._children(m["id"])) for m in page]
        extra = (("sha", "lastModified", "siblings", "gated", "disabled") if query.get("full") == ["true"] else ()) + (
            ("cardData",) if query.get("cardData") == ["true"] else ())
        body = [_shape(m, expand, LIST_FIELDS + extra) for m in page]
        deep = [item for item in body if self.quirks.get(item["id"]) == "deep-card" and "cardData" in item]
        for item in deep:
            item["cardData"] = "__DEEP__"
        headers = {}
        quirk = self.quirks.get("listing")
        if more or quirk in ("self-link", "endless-links"):
            if quirk == "endless-links":
                with self._lock:
                    self._pages_served += 1
                    state = {"after": "", "n": self._pages_served}
            cursor = base64.urlsafe_b64encode(json.dumps(state).encode()).decode()
            next_query = urlencode([(k, v) for k, v in pairs if k != "cursor"] + [("cursor", cursor)])
            if quirk == "self-link":
                next_query = urlencode(pairs)
            base = self.other_origin if self.link_to_other and self.other_origin else self.url
            headers["Link"] = f'<{base}/api/models?{next_query}>; rel="next"'
        reply = self._json(body, headers=headers)
        if deep:
            nested = "[" * 1500 + "]" * 1500
            reply = (reply[0], reply[1], reply[2].replace(b'"__DEEP__"', nested.encode()))
        return reply

    def _matching(self, ids: list[str], names: list[tuple[str, str]], positions, query: dict, user: bool,
                  counted: bool = False):
        """Listed repos at `positions` that this caller may see and that match the search, filters and gated flag
        (with `counted`, each with the number of positions consumed so far: the next positional cursor)."""
        for index, position in enumerate(positions, 1):
            repo = self._repo(*names[position])
            if repo is None or not repo["meta"].get("listed", True) or (
                    repo["fields"]["private"] and not (user and self.token_sees_private)):
                continue
            if listing_matches(repo["fields"], ids[position], query):
                yield (index, repo["fields"]) if counted else repo["fields"]

    def _children(self, repo_id: str) -> dict[str, int]:
        """`childrenModelCount`: public repos naming `repo_id` as a base, per relation (index built once)."""
        with self._lock:
            index = self._children_index
        if index is None or index[0] != self.root:
            counts: dict[str, dict[str, int]] = {}
            all_ids, all_names = self._ids("")
            for position in range(len(all_ids)):
                repo = self._repo(*all_names[position])
                if repo is None or repo["fields"]["private"]:
                    continue
                for tag in repo["fields"]["tags"]:
                    parts = tag.split(":")
                    if len(parts) == 3 and parts[0] == "base_model" and parts[1] in RELATIONS:
                        row = counts.setdefault(parts[2], dict.fromkeys(RELATIONS, 0))
                        row[parts[1]] += 1
            index = (self.root, counts)
            with self._lock:
                self._children_index = index
        return dict(index[1].get(repo_id, dict.fromkeys(RELATIONS, 0)))

    def _info(self, org: str, name: str, rev: str, query: dict, user: bool) -> Reply:
        expand = query.get("expand", [])
        if bad := self._bad_expand(expand):
            return bad
        repo = self._repo(org, name)
        if repo is None or (repo["fields"]["private"] and not (user and self.token_sees_private)):
            return self._missing(user, api=True)
        if err := repo["meta"].get("info_error"):
            return self._error(err["status"], err.get("message") or "", err.get("code"), api=True)
        if rev not in ("main", repo["fields"]["sha"]):
            return self._error(404, f"Invalid rev id: {rev}", "RevisionNotFound", api=True)
        fields = repo["fields"]
        if "childrenModelCount" in expand:
            fields = dict(fields, childrenModelCount=self._children(repo["id"]))
        return self._json(_shape(fields, expand, INFO_FIELDS))

    def _file(self, kind: str, org: str, name: str, rev: str, path: str, user: bool, raw_path: str = "",
              cdn: bool = False) -> Reply:
        repo = self._repo(org, name)
        if repo is None:
            return self._missing(user, api=False)
        meta, sha = repo["meta"], repo["fields"]["sha"]
        if cdn and path in repo["files"]:  # the signed CDN URL a 302 gave: served without any Hub check
            return self._from_cdn(path, repo["files"][path])
        faults = meta.get("faults", {})
        fault_key = path if path in faults else "*" if "*" in faults else None
        if fault_key is not None:
            with self._lock:
                hits = self._fault_hits.get((repo["id"], path), 0)
                self._fault_hits[(repo["id"], path)] = hits + 1
            status = faults[fault_key][hits] if hits < len(faults[fault_key]) else 200
            if status >= 400:  # a 2xx/3xx entry just lets that request through
                return self._error(status, _phrase(status), api=False)
        if repo["fields"]["private"] and not (user and self.token_sees_private):
            return self._missing(user, api=False)
        if repo["fields"]["disabled"]:  # the one recording (gpt-4chan): content routes answer 401 GatedRepo, as a gate
            message = MSG_TOKEN_GATED if user else MSG_ANON_GATED
            return self._error(403 if user else 401, message.format(id=repo["id"]), "GatedRepo", api=False)
        quirk = self.quirks.get(f"{repo['id']}/{path}")
        if quirk == "redirect-loop":
            return 302, {"Location": raw_path, "Content-Type": "text/plain; charset=utf-8"}, b""
        file_errors = meta.get("file_errors", {})
        if err := file_errors.get(path, file_errors.get("*")):
            extra = {"X-Repo-Commit": sha} if err.get("code") == "EntryNotFound" else {}
            return self._error(err["status"], err.get("message") or "", err.get("code"), api=False, headers=extra)
        access = meta.get("access") if user else None
        if repo["fields"]["gated"] and access != "accepted" and not (kind == "resolve" and path in GATE_ALLOW):
            message = MSG_ACCESS.get(access, MSG_TOKEN_GATED) if user else MSG_ANON_GATED
            return self._error(403 if user else 401, message.format(id=repo["id"]), "GatedRepo", api=False)
        if rev not in ("main", sha):
            return self._error(404, f"Invalid rev id: {rev}", "RevisionNotFound", api=False)
        if path not in repo["files"]:
            return self._error(404, "Entry not found", "EntryNotFound", api=False, headers={"X-Repo-Commit": sha})
        data = repo["files"][path]
        etag = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
        headers = {"Content-Type": "text/plain; charset=utf-8", "X-Repo-Commit": sha, "ETag": f'"{etag}"'}
        lfs = bool(path in self.cdn_paths and self.other_origin) or stored_in_lfs(repo["files"], path)
        if lfs and kind == "raw":  # /raw/ gives the git blob as stored: the LFS pointer
            pointer = (f"version https://git-lfs.github.com/spec/v1\noid sha256:{hashlib.sha256(data).hexdigest()}\n"
                       f"size {len(data)}\n").encode()
            blob = hashlib.sha1(b"blob %d\0" % len(pointer) + pointer).hexdigest()
            return 200, dict(headers, ETag=f'"{blob}"'), pointer
        if lfs:  # LFS/Xet: 302 to the CDN (this fake itself, as `localhost`, when no `other_origin` is given)
            cdn_origin = self.other_origin or self.url.replace("//127.0.0.1:", "//localhost:")  # another origin
            location = f"{cdn_origin}/{repo['id']}/resolve/{sha}/{quote(path)}?cdn=1&X-Amz-Signature=fake"
            return 302, {"Location": location, "X-Repo-Commit": sha, "X-Linked-Etag": f'"{hashlib.sha256(data).hexdigest()}"',
                         "X-Linked-Size": str(len(data)), "Accept-Ranges": "bytes", "Cache-Control": "no-store",
                         "Content-Type": "text/plain; charset=utf-8"}, b""
        if quirk == "gzip-lie":
            headers["Content-Encoding"] = "gzip"
        elif quirk == "trickle":
            headers["_trickle"] = "2"
        return 200, headers, data

    @staticmethod
    def _from_cdn(path: str, data: bytes) -> Reply:
        """The CDN's answer to a signed URL, as recorded (huggingface/datasets#7931): the content's sha256 as
        ETag, `Content-Disposition` with the file name, no `Content-Type`, no Hub headers."""
        filename = path.rsplit("/", 1)[-1]
        ascii_name = filename.encode("ascii", "replace").decode().replace('"', "_")
        return 200, {"ETag": f'"{hashlib.sha256(data).hexdigest()}"', "Accept-Ranges": "bytes",
                     "Cache-Control": "public, max-age=31536000",
                     "Content-Disposition": f"inline; filename*=UTF-8''{quote(filename)}; filename=\"{ascii_name}\";"}, data

    # -- answers -------------------------------------------------------------------------------------------
    def _bad_expand(self, expand: list[str]) -> Reply | None:
        bad = [value for value in expand if value not in EXPAND_VALUES]
        if not bad:
            return None
        allowed = ",".join(f'"{value}"' for value in sorted(EXPAND_VALUES))
        return self._error(400, f'"expand" must be one of [{allowed}] (got "{bad[0]}")', api=True)

    def _missing(self, user: bool, *, api: bool) -> Reply:
        if self.bare_401_for_missing and not user:
            return self._error(401, "Invalid username or password.", api=api)
        return self._error(404, "Repository not found", "RepoNotFound", api=api)

    @staticmethod
    def _json(body: object, status: int = 200, headers: dict | None = None) -> Reply:
        data = json.dumps(body, default=str).encode()
        return status, {"Content-Type": "application/json; charset=utf-8", **(headers or {})}, data

    def _error(self, status: int, message: str, code: str | None = None, *, api: bool,
               headers: dict | None = None) -> Reply:
        extra = {**(headers or {}), "X-Error-Message": message}
        if code:
            extra["X-Error-Code"] = code
        if status == 401:
            extra["WWW-Authenticate"] = 'Bearer realm="Authentication required", charset="UTF-8"'
        if status == 429:
            extra.setdefault("RateLimit", f'"{"api" if api else "resolvers"}";r=0;t=0')
        if api:
            return self._json({"error": message}, status, extra)
        return status, {"Content-Type": "text/plain; charset=utf-8", **extra}, message.encode()

    def _log(self, method: str, raw_path: str, query: str, headers, status: int) -> None:
        parsed = parse_qs(query, keep_blank_values=True)
        with self._lock:
            self.requests.append(Request(method, raw_path, parsed, "Authorization" in headers, status))
            if status == 429:
                bucket = self._bucket(raw_path)
                self._sent_429[bucket] = self._sent_429.get(bucket, 0) + 1

    def _finish(self, method: str, raw_path: str, query: str, headers, reply: Reply,
                limit_headers: dict[str, str]) -> Reply:
        """Log the request and add the headers every Hub answer carries."""
        status, out, body = reply
        self._log(method, raw_path, query, headers, status)
        for key, value in limit_headers.items():
            out.setdefault(key, value)
        trace = headers.get("X-Amzn-Trace-Id")
        out["X-Request-Id"] = f"Root=1-{int(time.time()):08x}-{uuid.uuid4().hex[:24]}" + (f";{trace}" if trace else "")
        out["Access-Control-Expose-Headers"] = EXPOSE
        out["Content-Length"] = str(len(body))
        return status, out, body


class _Server(ThreadingHTTPServer):
    daemon_threads, block_on_close = True, False

    def handle_error(self, request: object, client_address: object) -> None:  # quiet: clients hanging up
        pass


class _Handler(BaseHTTPRequestHandler):
    hub: FakeHub
    protocol_version, server_version, sys_version = "HTTP/1.1", "fakehub/1", ""
    timeout = 30
    disable_nagle_algorithm = True  # headers and body go out in separate writes: avoid 40 ms delayed-ACK stalls

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        split = urlsplit(self.path)
        if self.hub.latency > 0:
            time.sleep(self.hub.latency)
        reply = self.hub._handle(self.command, split.path, split.query, self.headers)
        if reply is RESET:
            self._abort()
            return
        status, headers, body = reply  # type: ignore[misc]
        trickle = float(headers.pop("_trickle", 0) or 0)
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, str(value).encode("ascii", "replace").decode())
        self.end_headers()
        if self.command != "HEAD" and trickle:  # one byte every `trickle` seconds, until the client gives up
            for position in range(len(body)):
                try:
                    self.wfile.write(body[position:position + 1])
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(trickle)
        elif self.command != "HEAD":
            self.wfile.write(body)

    def _abort(self) -> None:
        """Drop the connection without an answer (RST on close): the client sees a connection reset."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


def _pairs(text: str, convert) -> dict:
    try:
        pairs = [item.split("=", 1) for item in text.split(",") if item.strip()]
        return {key.strip(): convert(value) for key, value in pairs}
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE[,KEY=VALUE...], got {text!r}") from None


def _rates(text: str) -> dict[str, float]:
    rates = _pairs(text, float)
    if set(rates) - set(FAULT_KINDS) or any(not 0 <= v <= 1 for v in rates.values()):
        raise argparse.ArgumentTypeError(f"fault kinds are {', '.join(FAULT_KINDS)} with rates in [0, 1]")
    return rates


def _quotas(text: str) -> dict[str, int]:
    quotas = _pairs(text, int)
    if set(quotas) - set(QUOTA) or any(v < 0 for v in quotas.values()):
        raise argparse.ArgumentTypeError(f"buckets are {', '.join(QUOTA)} with quotas >= 0")
    return quotas


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[: argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser(
        prog="python -m tests.fakehub", usage="%(prog)s [OPTIONS] [-- COMMAND [ARG ...]]", description=__doc__,
        epilog="With `-- COMMAND`, the fake Hub serves while COMMAND runs with HF_ENDPOINT pointing at it, then exits "
               "with COMMAND's exit code (e.g. `python -m tests.fakehub -- hf-license-audit audit acme-ai`); "
               "without it, it serves until interrupted.")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="fixture tree (default: %(default)s)")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: ephemeral)")
    parser.add_argument("--page-size", type=int, default=3, help="/api/models page size (default: 3)")
    parser.add_argument("--token", help="token that counts as a valid (but not authorized) user")
    parser.add_argument("--bare-401-for-missing", action=argparse.BooleanOptionalAction, default=True,
                        help="missing or private repos answer anonymous callers a bare 401, as live (default: on)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds slept before every answer (default: 0)")
    parser.add_argument("--faults", type=_rates, metavar="429=P,5xx=P,reset=P",
                        help="random transient fault rates on /api/ and /resolve/, e.g. 429=0.15,5xx=0.1,reset=0.03")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fault RNG (default: 0)")
    parser.add_argument("--rate-limit", type=_quotas, metavar="api=N,resolvers=N",
                        help="enforce fixed-window quotas per bucket, e.g. api=100,resolvers=300")
    parser.add_argument("--rate-window", type=float, default=300.0, help="rate-limit window in seconds (default: 300)")
    parser.add_argument("--trending", action="store_true", help="unsorted listings in trending order, reshuffled per page")
    parser.add_argument("--token-sees-private", action="store_true", help="--token sees private repos, as on the Hub")
    parser.add_argument("--burst-429", type=float, default=0.0, metavar="S", help="answer 429 t=0 for S seconds")
    args = parser.parse_args(argv)
    if not (args.root / "models").is_dir():
        parser.error(f"{args.root} has no models/ folder")
    if args.rate_window <= 0 or args.latency < 0:
        parser.error("--rate-window must be positive and --latency not negative")
    try:
        hub = FakeHub(args.root, page_size=args.page_size, token=args.token,
                      bare_401_for_missing=args.bare_401_for_missing, port=args.port, latency=args.latency,
                      fault_rates=args.faults, seed=args.seed, rate_limit=args.rate_limit, rate_window=args.rate_window,
                      trending=args.trending, token_sees_private=args.token_sees_private, burst_429=args.burst_429)
    except ValueError as exc:
        parser.error(str(exc))
    with hub:
        print(f"fake Hub serving {args.root} at {hub.url}", file=sys.stderr, flush=True)
        if not command:
            try:
                threading.Event().wait()
            except KeyboardInterrupt:
                return 0
        env = {**os.environ, "HF_ENDPOINT": hub.url, "HF_HUB_DISABLE_TELEMETRY": "1"}
        try:
            code = subprocess.run(command, env=env).returncode
        except OSError as exc:
            print(f"fakehub: cannot run {command[0]!r}: {exc}", file=sys.stderr)
            return 127
        return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
