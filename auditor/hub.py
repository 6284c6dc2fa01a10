"""The only network module: Hub listing and model info (huggingface_hub), file reads (requests + tenacity)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import requests
import tenacity
from huggingface_hub import constants as hf_constants
from huggingface_hub.utils import build_hf_headers, get_session, hf_raise_for_status

from auditor import __version__
from auditor.errors import HubError, HubUnreachable
from auditor.hubdata import RETRY_STATUSES, Transient, api_error, meta_from_json, raise_for_file_status, wait_hint
from auditor.models import ModelMeta
from auditor.ratelimit import DEFAULT_QUOTAS, WINDOW_SECONDS, Bucket

PUBLIC_ENDPOINT = "https://huggingface.co"

#: Fields asked of the listing so that one paginated call gives all we need per model.
#: `expand` is exclusive on the Hub: only these fields (plus `_id`, `id`) come back.
EXPAND = ("cardData", "siblings", "sha", "lastModified", "gated", "private", "disabled", "tags")
#: Enough to know a base model's declared terms and its own bases (no file list: it can be huge).
EXPAND_TERMS = ("cardData", "sha", "gated", "tags")
#: A derivatives sweep also asks how many children each model has, so leaves cost no listing call.
EXPAND_TREE = EXPAND + ("childrenModelCount",)
#: Most items asked per listing page when the caller sets a limit (huggingface.js asks at most 500).
MAX_PAGE_LIMIT = 500


@dataclass(frozen=True)
class ListingQuery:
    """What to ask `/api/models` for: an author, a search text, tag filters, a sort field and a limit."""

    author: str | None = None
    search: str | None = None
    filters: tuple[str, ...] = ()
    sort: str | None = None  # a Hub field: downloads, likes, trendingScore, createdAt, lastModified
    limit: int | None = None  # at most this many models in all

    def describe(self) -> str:
        """A short human description ("author acme-ai, search 'llama', filter license:llama2")."""
        parts = [f"author {self.author}" if self.author else "", f"search {self.search!r}" if self.search else "",
                 *(f"filter {f}" for f in self.filters), f"sort {self.sort}" if self.sort else "",
                 f"limit {self.limit}" if self.limit else ""]
        return ", ".join(p for p in parts if p) or "all models"


def listing_params(query: ListingQuery, expand: tuple[str, ...]) -> list[tuple[str, str]]:
    """The query string of the first listing page (the next-page URLs carry it on)."""
    params: list[tuple[str, str]] = []
    if query.author:
        params.append(("author", query.author))
    if query.search:
        params.append(("search", query.search))
    params += [("filter", tag) for tag in query.filters]
    if query.sort:
        params.append(("sort", query.sort))
    if query.limit:
        params.append(("limit", str(min(query.limit, MAX_PAGE_LIMIT))))
    return params + [("expand", name) for name in expand]


@dataclass
class HubStats:
    """Counters for one run (thread-safe through the Hub's lock)."""

    api_calls: int = 0
    file_reads: int = 0
    retries: int = 0
    rate_limited: int = 0  # 429 answers received
    waited_seconds: float = 0.0


@dataclass(frozen=True)
class RetryPolicy:
    """How file reads and model-info calls retry: bounded attempts, bounded waits."""

    attempts: int = 5
    base_wait: float = 0.5
    max_backoff: float = 8.0
    max_wait: float = 300.0  # cap on any single wait (server-asked or backoff)
    sleep: Callable[[float], None] | None = None  # None: time.sleep


class Hub:
    """Talks to one Hub endpoint with one (optional) token; never exposes the token."""

    def __init__(
        self,
        endpoint: str = PUBLIC_ENDPOINT,
        token: str | None = None,
        *,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
        pool_size: int = 16,
        quotas: Mapping[str, int] | None = None,
        window: float = WINDOW_SECONDS,
    ) -> None:
        self.endpoint = endpoint.rstrip("/")
        self.authenticated = bool(token)
        self.retry = retry or RetryPolicy()
        self.stats = HubStats()
        self._token = token or None
        self._timeout = timeout
        self._pool_size = pool_size
        self._lock = threading.Lock()
        self._local = threading.local()
        limits = dict(DEFAULT_QUOTAS[bool(token)], **(quotas or {}))
        sleep = self.retry.sleep if self.retry.sleep is not None else time.sleep
        self.buckets = {name: Bucket(name, quota, window, sleep=sleep) for name, quota in limits.items()}
        # huggingface_hub phones `{HF_ENDPOINT}/api/agent-harnesses` for telemetry, ignoring the endpoint
        # we were given; an auditor must talk to the endpoint it was told to and nothing else.
        hf_constants.HF_HUB_DISABLE_TELEMETRY = True
        self._api_headers = build_hf_headers(
            token=self._token or False, library_name="hf-license-auditor", library_version=__version__
        )

    def __repr__(self) -> str:
        return f"Hub(endpoint={self.endpoint!r}, authenticated={self.authenticated})"

    # -- API (huggingface_hub) ------------------------------------------------------------------

    def list_models(self, author: str | ListingQuery, expand: tuple[str, ...] = EXPAND) -> Iterator[ModelMeta]:
        """Every public model of `author` (or matching a ListingQuery), page by page (`Link: rel="next"`).

        With a `limit`, the listing stops after that many models without asking for another page.

        Goes through huggingface_hub's session and error mapping but parses the JSON itself:
        `HfApi.list_models` builds `ModelInfo` objects, which raise on malformed card data
        (e.g. `eval_results: 3`) and would end the listing of a whole organization. Each page is
        retried by our own policy, so API and file reads obey the same limits.
        """
        query = author if isinstance(author, ListingQuery) else ListingQuery(author=author)
        what = f"listing models of {query.author!r}" if isinstance(author, str) else f"listing models ({query.describe()})"
        url: str | None = f"{self.endpoint}/api/models"
        params: list[tuple[str, str]] | None = listing_params(query, expand)
        count = 0
        while url is not None:
            page, url = self._api_get(url, params, what)
            params = None  # the next-page URL carries every parameter
            if not isinstance(page, list):
                raise HubError("http-error", f"{what}: unexpected answer")
            for item in page:
                if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                    yield meta_from_json(item)
                    count += 1
                    if query.limit and count >= query.limit:
                        return

    def _api_get(self, url: str, params: Any, what: str) -> tuple[Any, str | None]:
        """GET an API URL with retries; returns the JSON body and the next-page URL, if any."""

        def call() -> tuple[Any, str | None]:
            self._count("api_calls")
            self._count("waited_seconds", self.buckets["api"].acquire())
            try:
                response = get_session().get(url, params=params, headers=self._api_headers, timeout=self._timeout)
                self.buckets["api"].observe(response.headers)
                hf_raise_for_status(response)
                return response.json(), response.links.get("next", {}).get("url")
            except Exception as exc:  # noqa: BLE001 - mapped to our own error, with the cause kept
                error = api_error(exc, what)
                if error.status in RETRY_STATUSES or isinstance(error, HubUnreachable):
                    raise Transient(error, wait_hint(getattr(exc, "response", None)), "api") from exc
                raise error from exc

        return self._with_retries(call)

    def model_info(self, repo_id: str, expand: tuple[str, ...] = EXPAND) -> ModelMeta:
        """Metadata of one named model (follows renames: the returned id may differ)."""
        url = f"{self.endpoint}/api/models/{quote(repo_id, safe='/')}"
        body, _ = self._api_get(url, [("expand", name) for name in expand], f"model info of {repo_id!r}")
        if not isinstance(body, Mapping) or not isinstance(body.get("id"), str):
            raise HubError("http-error", f"model info of {repo_id!r}: unexpected answer")
        return meta_from_json(body)

    # -- files (requests + tenacity) ------------------------------------------------------------

    def read_text(self, repo_id: str, revision: str, path: str, max_bytes: int) -> tuple[str, bool]:
        """Text of a repo file at a revision, at most `max_bytes` (returns text, truncated)."""
        url = f"{self.endpoint}/{quote(repo_id, safe='/')}/resolve/{quote(revision, safe='')}/{quote(path)}"
        return self._with_retries(lambda: self._get_file(url, max_bytes))

    def _get_file(self, url: str, max_bytes: int) -> tuple[str, bool]:
        self._count("file_reads")
        self._count("waited_seconds", self.buckets["resolvers"].acquire())
        try:
            with self._session().get(url, stream=True, timeout=self._timeout) as response:
                self.buckets["resolvers"].observe(response.headers)
                raise_for_file_status(response)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_content(chunk_size=65536):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > max_bytes:
                        break
        except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as exc:
            raise Transient(HubError("network-error", f"network error: {type(exc).__name__}")) from exc
        data = b"".join(chunks)
        truncated = len(data) > max_bytes
        return data[:max_bytes].decode("utf-8", errors="replace").lstrip("\ufeff"), truncated

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            adapter = requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=self._pool_size)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers["User-Agent"] = f"hf-license-auditor/{__version__}"
            if self._token:
                session.headers["Authorization"] = f"Bearer {self._token}"
            self._local.session = session
        return session

    # -- retry policy -----------------------------------------------------------------------------

    def _with_retries(self, call: Callable[[], Any]) -> Any:
        policy = self.retry

        def wait(state: tenacity.RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            hinted = exc.wait if isinstance(exc, Transient) else None
            backoff = min(policy.max_backoff, policy.base_wait * 2 ** (state.attempt_number - 1))
            seconds = min(policy.max_wait, hinted if hinted is not None else backoff)
            self._count("retries")
            if isinstance(exc, Transient) and exc.error.status == 429 and exc.bucket in self.buckets:
                # The whole client pauses on that bucket, not just this thread (no retry storm); the next
                # attempt's acquire() does the waiting and counts it.
                self._count("rate_limited")
                self.buckets[exc.bucket].block(seconds)
                return 0.0
            self._count("waited_seconds", seconds)
            return seconds

        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(policy.attempts),
            wait=wait,
            retry=tenacity.retry_if_exception_type(Transient),
            sleep=policy.sleep if policy.sleep is not None else time.sleep,
            reraise=True,
        )
        try:
            return retrying(call)
        except Transient as exc:
            raise exc.error from exc

    def _count(self, name: str, amount: float = 1) -> None:
        with self._lock:
            setattr(self.stats, name, getattr(self.stats, name) + amount)


def stored_token() -> str | None:
    """The token huggingface_hub would use (`HF_TOKEN`, else the stored `hf auth login`), if any."""
    from huggingface_hub import get_token

    try:
        return get_token()
    except Exception:  # noqa: BLE001 - an unreadable token file means "anonymous", not a crash
        return None
