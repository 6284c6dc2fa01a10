"""The requests + tenacity file reader: retries, waits, error mapping, size cap (unit tests with `responses`)."""

from __future__ import annotations

import pytest
import requests
import responses

from auditor.errors import EntryNotFound, HubError
from auditor.hub.client import Hub, RetryPolicy

ENDPOINT = "https://hub.example"
URL = f"{ENDPOINT}/acme/model/resolve/abc123/LICENSE"


class Sleeps(list):
    """Records the waits instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def make_hub(sleeps: Sleeps, token: str | None = None, **policy) -> Hub:
    return Hub(ENDPOINT, token, retry=RetryPolicy(sleep=sleeps, **policy))


def read(hub: Hub, max_bytes: int = 1_000_000) -> tuple[str, bool]:
    return hub.read_text("acme/model", "abc123", "LICENSE", max_bytes)


@responses.activate
def test_429_waits_as_long_as_retry_after_says_then_succeeds(sleeps):
    """A 429 with Retry-After is honoured exactly, then the read goes through."""
    responses.get(URL, status=429, headers={"Retry-After": "7"})
    responses.get(URL, body="MIT License")
    assert read(make_hub(sleeps)) == ("MIT License", False)
    assert sum(sleeps) == pytest.approx(7.0, abs=0.05)


@responses.activate
def test_429_with_exhausted_ratelimit_header_waits_for_the_reset(sleeps):
    """`RateLimit: "resolvers";r=0;t=12` means wait 12 s, whatever Retry-After says."""
    responses.get(URL, status=429, headers={"RateLimit": '"resolvers";r=0;t=12', "Retry-After": "1"})
    responses.get(URL, body="ok")
    read(make_hub(sleeps))
    assert sum(sleeps) == pytest.approx(12.0, abs=0.05)


@responses.activate
def test_server_asked_wait_is_capped_by_max_wait(sleeps):
    """A Hub asking for an hour does not stall the audit beyond the configured cap."""
    responses.get(URL, status=429, headers={"Retry-After": "3600"})
    responses.get(URL, body="ok")
    read(make_hub(sleeps, max_wait=30))
    assert sum(sleeps) == pytest.approx(30.0, abs=0.05)


@responses.activate
@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_is_retried_with_growing_backoff(sleeps, status):
    """Server errors are retried with exponential backoff, then succeed."""
    for _ in range(3):
        responses.get(URL, status=status)
    responses.get(URL, body="ok")
    assert read(make_hub(sleeps))[0] == "ok"
    assert sleeps == [0.5, 1.0, 2.0]


@responses.activate
def test_persistent_5xx_gives_up_after_bounded_attempts_with_http_error(sleeps):
    """Retries are bounded: after the last attempt the read fails with code http-error."""
    responses.get(URL, status=503)
    with pytest.raises(HubError) as info:
        read(make_hub(sleeps, attempts=3))
    assert info.value.code == "http-error"
    assert len(responses.calls) == 3
    assert len(sleeps) == 2


@responses.activate
def test_persistent_429_gives_up_with_rate_limited(sleeps):
    """A Hub that keeps saying 429 ends as rate-limited, not as a crash."""
    responses.get(URL, status=429, headers={"Retry-After": "0"})
    with pytest.raises(HubError) as info:
        read(make_hub(sleeps, attempts=2))
    assert info.value.code == "rate-limited"


@responses.activate
def test_connection_errors_are_retried_then_reported_as_network_error(sleeps):
    """Resets and timeouts are transient: retried, then network-error."""
    responses.get(URL, body=requests.ConnectionError("reset by peer"))
    responses.get(URL, body=requests.Timeout("slow"))
    responses.get(URL, body="ok")
    assert read(make_hub(sleeps))[0] == "ok"
    responses.replace(responses.GET, URL, body=requests.ConnectionError("down"))
    with pytest.raises(HubError) as info:
        read(make_hub(sleeps, attempts=2))
    assert info.value.code == "network-error"


@responses.activate
@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [(404, "EntryNotFound", "entry-not-found"), (401, "GatedRepo", "gated"), (403, "GatedRepo", "gated"),
     (404, "RepoNotFound", "repo-not-found"), (404, "RevisionNotFound", "repo-not-found"), (401, None, "repo-not-found"),
     (400, None, "http-error")],
)
def test_client_errors_are_mapped_by_x_error_code_and_never_retried(sleeps, status, code, expected):
    """The Hub's X-Error-Code decides the error; a 4xx other than 408/429 is final."""
    headers = {"X-Error-Code": code, "X-Error-Message": "msg"} if code else {"X-Error-Message": "Invalid username or password."}
    responses.get(URL, status=status, headers=headers)
    with pytest.raises(HubError) as info:
        read(make_hub(sleeps))
    assert info.value.code == expected
    assert len(responses.calls) == 1 and sleeps == []
    if expected == "entry-not-found":
        assert isinstance(info.value, EntryNotFound)


@responses.activate
def test_file_larger_than_the_cap_is_truncated_and_says_so(sleeps):
    """A hostile 'LICENSE' of many megabytes is read only up to the cap."""
    responses.get(URL, body="x" * 5000)
    text, truncated = read(make_hub(sleeps), max_bytes=1000)
    assert len(text) == 1000 and truncated


@responses.activate
def test_bom_is_dropped_and_invalid_utf8_does_not_crash(sleeps):
    """Files are decoded leniently: the text survives bad bytes."""
    responses.get(URL, body=b"\xef\xbb\xbfMIT \xff License")
    text, _ = read(make_hub(sleeps))
    assert text.startswith("MIT ") and text.endswith(" License")


@responses.activate
def test_token_is_sent_as_bearer_and_absent_from_errors_and_repr(sleeps):
    """The token authenticates the read but never appears in messages or the Hub's repr."""
    secret = "hf_verysecrettoken"
    responses.get(URL, status=403, headers={"X-Error-Code": "GatedRepo", "X-Error-Message": "not in the authorized list"})
    hub = make_hub(sleeps, token=secret)
    with pytest.raises(HubError) as info:
        read(hub)
    assert responses.calls[0].request.headers["Authorization"] == f"Bearer {secret}"
    assert secret not in str(info.value) and secret not in repr(hub)


@responses.activate
def test_path_and_revision_are_url_quoted(sleeps):
    """Odd file names and revisions cannot escape the resolve route."""
    url = f"{ENDPOINT}/acme/model/resolve/refs%2Fpr%2F1/licenses/LICENSE%20A.txt"
    responses.get(url, body="ok")
    hub = make_hub(sleeps)
    assert hub.read_text("acme/model", "refs/pr/1", "licenses/LICENSE A.txt", 100)[0] == "ok"


@responses.activate
def test_a_429_pauses_every_thread_of_the_client_not_only_the_one_that_got_it(sleeps):
    """No retry storm: after a 429 the next request on that bucket, from any caller, waits for the reset."""
    other = f"{ENDPOINT}/acme/other/resolve/abc123/LICENSE"
    responses.get(URL, status=429, headers={"Retry-After": "5"})
    responses.get(URL, body="ok")
    responses.get(other, body="ok")
    hub = make_hub(sleeps)
    read(hub)
    sleeps.clear()
    hub.buckets["resolvers"].block(5)
    hub.read_text("acme/other", "abc123", "LICENSE", 100)
    assert sum(sleeps) == pytest.approx(5.0, abs=0.05)


@responses.activate
def test_client_never_exceeds_its_budget_within_a_window(sleeps):
    """With a budget of 3 reads per window, the 4th read waits for the next window."""
    responses.get(URL, body="ok")
    hub = Hub(ENDPOINT, retry=RetryPolicy(sleep=sleeps), quotas={"resolvers": 3}, window=60)
    for _ in range(3):
        read(hub)
    assert sum(sleeps) == 0
    read(hub)
    assert sum(sleeps) == pytest.approx(60.0, abs=0.5)


@responses.activate
def test_nearly_exhausted_ratelimit_header_slows_down_before_the_limit(sleeps):
    """When the Hub says only 1 request is left for 9 s, the next one waits instead of spending it."""
    responses.get(URL, body="ok", headers={"RateLimit": '"resolvers";r=1;t=9'})
    hub = make_hub(sleeps)
    read(hub)
    read(hub)
    assert sum(sleeps) == pytest.approx(9.0, abs=0.05)


@responses.activate
def test_429_with_a_reset_of_zero_waits_at_least_a_second(sleeps):
    """`RateLimit: r=0;t=0` is no licence to retry at once: every attempt would be burnt in milliseconds."""
    responses.get(URL, status=429, headers={"RateLimit": '"resolvers";r=0;t=0'})
    responses.get(URL, status=429)
    responses.get(URL, body="ok")
    assert read(make_hub(sleeps))[0] == "ok"
    waits = [s for s in sleeps if s]
    assert len(waits) == 2 and all(1.0 <= s <= 1.26 for s in waits)


@pytest.mark.parametrize("ratelimit", ['"resolvers";r=0;t=99999', '"resolvers";r=0;t=' + "9" * 400])
@responses.activate
def test_a_huge_reset_never_waits_beyond_max_wait_nor_overflows(sleeps, ratelimit):
    """`t=99999` (on a 200 that says nothing is left, or on a 429) and a 400-digit `t=` are capped by --max-wait."""
    responses.get(URL, body="ok", headers={"RateLimit": ratelimit})
    responses.get(URL, status=429, headers={"RateLimit": ratelimit})
    responses.get(URL, body="ok")
    hub = make_hub(sleeps, max_wait=30)
    read(hub)
    read(hub)
    assert sleeps and max(sleeps) <= 30.0


@pytest.mark.parametrize("retry_after", ["soon, maybe", "²", "Mon, 99 Foo 2026 99:99:99 GMT", "-5", "1e400"])
@responses.activate
def test_a_malformed_retry_after_never_crashes(sleeps, retry_after):
    responses.get(URL, status=503, headers={"Retry-After": retry_after})
    responses.get(URL, body="ok")
    assert read(make_hub(sleeps))[0] == "ok"


@responses.activate
def test_an_announced_quota_is_adopted_and_a_pinned_budget_only_lowered(sleeps):
    """A PRO token is told `q=12000`: the bucket grows to it; a budget the user set may be lowered, never raised."""
    policy = {"RateLimit-Policy": '"fixed window";"resolvers";q=12000;w=300', "RateLimit": '"resolvers";r=11999;t=200'}
    responses.get(URL, body="ok", headers=policy)
    free = make_hub(sleeps)
    read(free)
    assert free.buckets["resolvers"].quota == 12000
    pinned = Hub(ENDPOINT, retry=RetryPolicy(sleep=sleeps), quotas={"resolvers": 100})
    read(pinned)
    assert pinned.buckets["resolvers"].quota == 100
    responses.replace(responses.GET, URL, body="ok",
                      headers={"RateLimit-Policy": '"fixed window";"resolvers";q=50;w=300'})
    read(pinned)
    assert pinned.buckets["resolvers"].quota == 50


def test_requests_in_flight_count_against_what_the_hub_says_is_left():
    """8 requests in flight when the Hub says 5 are left: the next one waits for the reset instead of a 429."""
    from auditor.hub.ratelimit import Bucket

    now = [0.0]
    waits: list[float] = []
    bucket = Bucket("api", 100, 300, clock=lambda: now[0], sleep=lambda s: (waits.append(s), now.__setitem__(0, now[0] + s)))
    for _ in range(9):
        bucket.acquire()
    bucket.done({"RateLimit": '"api";r=13;t=60'})  # the Hub has counted 87 of ours; 8 more are on their way
    for _ in range(5):
        bucket.acquire()
    assert not waits
    bucket.acquire()
    assert waits == [60.0]


@responses.activate
def test_redirects_keep_the_token_on_the_endpoints_origin_only(sleeps):
    """A 302 to a CDN is followed without the Authorization header; a redirect loop is a clear error."""
    cdn = "https://cdn.example/blob/LICENSE?sig=1"
    responses.get(URL, status=302, headers={"Location": cdn})
    responses.get(cdn, body="MIT License")
    assert read(make_hub(sleeps))[0] == "MIT License"
    hub = make_hub(sleeps, token="hf_SECRET")
    read(hub)
    first, second = responses.calls[-2:]
    assert first.request.headers["Authorization"] == "Bearer hf_SECRET"
    assert "Authorization" not in second.request.headers
    loop = f"{ENDPOINT}/acme/loop/resolve/abc123/LICENSE"
    responses.get(loop, status=302, headers={"Location": loop})
    with pytest.raises(HubError) as caught:
        hub.read_text("acme/loop", "abc123", "LICENSE", 100)
    assert caught.value.code == "redirect-loop"
