"""The only network module: one request policy for API calls (huggingface_hub's session) and file reads (requests)."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode

import httpx2
import requests
import urllib3
from huggingface_hub import constants as hf_constants
from huggingface_hub.utils import build_hf_headers, get_session

from auditor import __version__
from auditor.hub.endpoint import EndpointError, next_url, parse_endpoint, token_allowed
from auditor.repoids import is_model_ref, is_namespace, is_repo_id
from auditor.errors import HubError, HubUnreachable
from auditor.hub.listing import (EXPAND, EXPAND_TERMS, EXPAND_TREE, MAX_PAGES, STALE_PAGES,  # noqa: F401 (re-exported)
                                 ListingQuery, listing_params)
from auditor.hub.answers import (Answer, Transient, incomplete, listing_items, meta_from_json, next_link, parse_json,
                              raise_for_status, read_body, text_of)
from auditor.models import ModelMeta
from auditor.hub.ratelimit import DEFAULT_QUOTAS, RESERVE, WINDOW_SECONDS, Bucket
from auditor.hub.retry import HubStats, RetryPolicy, retrying

PUBLIC_ENDPOINT = "https://huggingface.co"

MAX_REDIRECTS = 5
MAX_API_BYTES = 64 * 1024 * 1024
REDIRECTS = frozenset({301, 302, 303, 307, 308})


class Hub:
    """Talks to one Hub endpoint with one (optional) token; the token goes to that origin only, never elsewhere."""

    def __init__(
        self,
        endpoint: str = PUBLIC_ENDPOINT,
        token: str | None = None,
        *,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
        deadline: float = 120.0,
        pool_size: int = 16,
        quotas: Mapping[str, int] | None = None,
        window: float = WINDOW_SECONDS,
        allow_insecure_token: bool = False,
    ) -> None:
        self.origin = parse_endpoint(endpoint)
        if token and not token_allowed(self.origin, allow_insecure_token):
            raise EndpointError(f"refusing to send the token over plain http:// to {self.origin.host}: anyone on the "
                                "network could read it; use https://, or pass --allow-insecure-token if you accept that")
        self.endpoint = self.origin.url
        self.authenticated = bool(token)
        self.retry = retry or RetryPolicy()
        self.stats = HubStats()
        self._token = token or None
        self._timeout = timeout
        self._deadline = deadline
        self._pool_size = pool_size
        self._lock = threading.Lock()
        self._local = threading.local()
        self._random = random.Random()
        limits = dict(DEFAULT_QUOTAS[bool(token)], **(quotas or {}))
        sleep = self.retry.sleep if self.retry.sleep is not None else time.sleep
        self.buckets = {name: Bucket(name, quota, window, reserve=RESERVE, pinned=name in (quotas or {}),
                                     max_block=self.retry.max_wait, sleep=sleep) for name, quota in limits.items()}
        # huggingface_hub phones `{HF_ENDPOINT}/api/agent-harnesses` for telemetry, ignoring the endpoint
        # we were given; an auditor must talk to the endpoint it was told to and nothing else.
        hf_constants.HF_HUB_DISABLE_TELEMETRY = True
        self._api_headers = build_hf_headers(token=False, library_name="hf-license-auditor", library_version=__version__)

    def __repr__(self) -> str:
        return f"Hub(endpoint={self.endpoint!r}, authenticated={self.authenticated})"

    # -- API ------------------------------------------------------------------------------------------

    def list_models(self, author: str | ListingQuery, expand: Sequence[str] = EXPAND) -> Iterator[ModelMeta]:
        """Every model the listing shows for `author` (or a ListingQuery; private ones too, marked), page by page.

        The next page comes from `Link: rel="next"`, which must stay on the endpoint's own listing route; a page
        is retried by the normal policy (resuming from its cursor). A listing that cannot be completed raises
        `listing-incomplete` with the number of models seen; an item that cannot be parsed becomes a ModelMeta
        with `listing_error` (the rest of its page survives). With a `limit`, the listing stops after that
        many models without asking for another page.
        """
        query = author if isinstance(author, ListingQuery) else ListingQuery(author=author)
        what = f"listing models of {query.author!r}" if isinstance(author, str) else f"listing models ({query.describe()})"
        url: str | None = f"{self.endpoint}/api/models?{urlencode(listing_params(query, expand))}"
        seen: set[str] = set()
        visited: set[str] = set()
        stale = pages = 0
        while url is not None:
            if url in visited or pages >= MAX_PAGES:
                raise incomplete(what, len(seen), "the Hub's next-page link goes round in circles")
            visited.add(url)
            pages += 1
            try:
                answer = self._with_retries(lambda u=url: self._call(u, "api", what))
                items = list(listing_items(answer, what))
            except HubError as exc:
                raise incomplete(what, len(seen), exc.message) from exc
            fresh = 0
            for item in items:
                meta = meta_from_json(item) if isinstance(item, Mapping) else ModelMeta(item[0], listing_error=item[1])
                if meta.id not in seen:
                    seen.add(meta.id)
                    fresh += 1
                    yield meta
                    if query.limit and len(seen) >= query.limit:
                        return
            stale = 0 if fresh else stale + 1
            if stale >= STALE_PAGES:
                raise incomplete(what, len(seen), f"{STALE_PAGES} pages in a row brought no new model")
            url = next_link(answer.headers.get("Link") or "")
            if url is not None and not self.origin.under(url, "/api/models"):
                raise incomplete(what, len(seen), "the Hub's next-page link leaves the endpoint's listing "
                                  "(not followed, so the token stays at home)")

    def owner_models(self, name: str) -> int | None:
        """How many models the Hub says `name` (an organization, else a user) has; `owner-not-found` if neither."""
        if not is_namespace(name):
            raise HubError("owner-not-found", f"{name!r} is not a valid Hub user or organization name")
        for kind in ("organizations", "users"):
            url = f"{self.endpoint}/api/{kind}/{quote(name, safe='')}/overview"
            try:
                body = parse_json(self._with_retries(lambda u=url: self._call(u, "api", f"overview of {name!r}")), name)
            except HubError as exc:
                if exc.status == 404 or exc.code == "repo-not-found":
                    continue
                return None  # the count is a cross-check only: without it the listing still runs
            count = body.get("numModels") if isinstance(body, Mapping) else None
            return count if isinstance(count, int) and not isinstance(count, bool) and count >= 0 else None
        raise HubError("owner-not-found", f"no user or organization named {name!r} on the Hub")

    def model_info(self, repo_id: str, expand: tuple[str, ...] = EXPAND) -> ModelMeta:
        """Metadata of one named model (follows renames and org-less ids: the returned id may differ)."""
        if not is_model_ref(repo_id):
            raise HubError("repo-not-found", f"{repo_id!r} is not a valid Hub model id")
        what = f"model info of {repo_id!r}"
        url = f"{self.endpoint}/api/models/{quote(repo_id, safe='/')}?{urlencode([('expand', e) for e in expand])}"
        body = parse_json(self._with_retries(lambda: self._call(url, "api", what)), what)
        if not isinstance(body, Mapping) or not isinstance(body.get("id"), str) or not is_repo_id(body["id"]):
            raise HubError("invalid-answer", f"{what}: unexpected answer")
        return meta_from_json(body)

    # -- files ------------------------------------------------------------------------------------------

    def read_text(self, repo_id: str, revision: str, path: str, max_bytes: int) -> tuple[str, bool]:
        """Text of a repo file at a revision, at most `max_bytes` (returns text, truncated)."""
        if not is_repo_id(repo_id):
            raise HubError("repo-not-found", f"{repo_id!r} is not a valid Hub model id")
        url = f"{self.endpoint}/{quote(repo_id, safe='/')}/resolve/{quote(revision, safe='')}/{quote(path)}"
        answer = self._with_retries(lambda: self._call(url, "resolvers", path, max_bytes))
        return text_of(answer.body[:max_bytes]), answer.truncated

    # -- the request policy -------------------------------------------------------------------------------

    def _call(self, url: str, bucket: str, what: str, max_bytes: int = MAX_API_BYTES) -> Answer:
        """One request: redirects followed by hand (the token only to our own origin), bounded hops and time."""
        for _ in range(MAX_REDIRECTS + 1):
            own = self.origin.same_origin(url)
            if own:
                self._count("waited_seconds", self.buckets[bucket].acquire())
                generation = self.buckets[bucket].generation
            self._count("api_calls" if bucket == "api" else "file_reads")
            headers = {"Authorization": f"Bearer {self._token}"} if own and self._token else {}
            answer: Answer | None = None
            try:
                answer = (self._send_api if bucket == "api" else self._send_file)(url, headers, max_bytes, what)
            finally:
                if own:
                    self.buckets[bucket].done(answer.headers if answer is not None else None, generation)
            location = answer.headers.get("Location")
            if answer.status_code not in REDIRECTS or not location:
                raise_for_status(answer, what, bucket)
                return answer
            url = next_url(url, location)
        raise HubError("redirect-loop", f"{what}: more than {MAX_REDIRECTS} redirects (a redirect loop?)")

    def _send_api(self, url: str, headers: dict[str, str], max_bytes: int, what: str) -> Answer:
        deadline = time.monotonic() + self._deadline
        try:
            with get_session().stream("GET", url, headers={**self._api_headers, **headers}, follow_redirects=False,
                                      timeout=self._timeout) as response:
                body, truncated = read_body(response.iter_bytes(), max_bytes, deadline, what)
                return Answer(response.status_code, response.headers, body, url, truncated)
        except httpx2.DecodingError:
            raise HubError("bad-encoding", f"{what}: the answer's body does not match its Content-Encoding") from None
        except (httpx2.TransportError, OSError) as exc:
            raise Transient(HubUnreachable("network-error", f"{what}: cannot reach the Hub ({type(exc).__name__})"),
                            None, "api") from None

    def _send_file(self, url: str, headers: dict[str, str], max_bytes: int, what: str) -> Answer:
        deadline = time.monotonic() + self._deadline
        try:
            with self._session().get(url, headers=headers, stream=True, timeout=self._timeout,
                                     allow_redirects=False) as response:
                limit = max_bytes if response.status_code < 300 else 10_000
                chunks = iter(lambda: response.raw.read1(65536, decode_content=True), b"")
                body, truncated = read_body(chunks, limit, deadline, what)
                return Answer(response.status_code, response.headers, body, url, truncated)
        except urllib3.exceptions.DecodeError:
            raise HubError("bad-encoding", f"{what}: the file's body does not match its Content-Encoding") from None
        except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError,
                urllib3.exceptions.HTTPError, OSError) as exc:
            raise Transient(HubError("network-error", f"network error: {type(exc).__name__}")) from None
        except requests.RequestException as exc:
            raise HubError("http-error", f"{what}: {type(exc).__name__}") from None

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            adapter = requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=self._pool_size)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers["User-Agent"] = f"hf-license-auditor/{__version__}"
            session.trust_env = False  # no .netrc credentials sent on our behalf
            self._local.session = session
        return session

    def _with_retries(self, call: Callable[[], Any]) -> Any:
        try:
            return retrying(self.retry, self.buckets, self._count, self._random)(call)
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
