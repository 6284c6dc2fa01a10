"""Hub answers as data: error mapping by `X-Error-Code`, server-asked waits, model metadata parsing."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping
from typing import Any

import requests
from huggingface_hub import errors as hf_errors

from auditor.errors import EntryNotFound, HubError, HubUnreachable
from auditor.models import ModelMeta
from auditor.ratelimit import parse_ratelimit

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


class Transient(Exception):
    """A failure worth retrying; carries the HubError to raise when retries run out."""

    def __init__(self, error: HubError, wait: float | None = None, bucket: str = "") -> None:
        super().__init__(error.message)
        self.error = error
        self.wait = wait
        self.bucket = bucket


def raise_for_file_status(response: requests.Response) -> None:
    """Map a `/resolve/` answer to our errors by the Hub's `X-Error-Code`, never by message text."""
    status = response.status_code
    if status < 400:
        return
    code = response.headers.get("X-Error-Code", "")
    message = response.headers.get("X-Error-Message") or f"HTTP {status}"
    if code == "EntryNotFound":
        raise EntryNotFound(message)
    if code == "GatedRepo":
        raise HubError("gated", f"gated: {message}", status=status)
    if code in ("RepoNotFound", "RevisionNotFound") or (status == 401 and "credentials" not in message):
        raise HubError("repo-not-found", f"repository or revision not found (or private): {message}", status=status)
    if status == 429:
        raise Transient(HubError("rate-limited", "rate limited (429) after retries", status=429), wait_hint(response),
                         "resolvers")
    if status in RETRY_STATUSES:
        raise Transient(HubError("http-error", f"HTTP {status} after retries", status=status), wait_hint(response))
    raise HubError("http-error", f"HTTP {status}: {message}", status=status)


def wait_hint(response: Any) -> float | None:
    """Seconds the server asked us to wait: `RateLimit` reset when exhausted, else `Retry-After`."""
    if response is None:
        return None
    headers = response.headers
    ratelimit = parse_ratelimit(headers)
    if ratelimit is not None and ratelimit[0] == 0:
        return ratelimit[1]
    retry_after = (headers.get("Retry-After") or "").strip()
    if retry_after.isdigit():
        return float(retry_after)
    if retry_after:
        parsed = email.utils.parsedate_to_datetime(retry_after) if "," in retry_after else None
        if parsed is not None:
            return max(0.0, parsed.timestamp() - time.time())
    return None


def api_error(exc: Exception, what: str) -> HubError:
    """Turn a huggingface_hub / httpx2 exception into a HubError with one of our codes."""
    if isinstance(exc, HubError):
        return exc
    if isinstance(exc, hf_errors.GatedRepoError):
        return HubError("gated", f"{what}: gated repo", status=_status(exc))
    if isinstance(exc, (hf_errors.RepositoryNotFoundError, hf_errors.RevisionNotFoundError)):
        return HubError("repo-not-found", f"{what}: not found (or private)", status=_status(exc))
    if isinstance(exc, hf_errors.HfHubHTTPError):
        status = _status(exc)
        if status == 401 and "credentials" not in str(exc):
            return HubError("repo-not-found", f"{what}: not found (or private)", status=status)
        code = "rate-limited" if status == 429 else "http-error"
        return HubError(code, f"{what}: HTTP {status}", status=status)
    if type(exc).__module__.startswith(("httpx", "httpcore")) or isinstance(exc, OSError):
        return HubUnreachable("network-error", f"{what}: cannot reach the Hub ({type(exc).__name__})")
    return HubError("http-error", f"{what}: {type(exc).__name__}")


def _status(exc: Exception) -> int | None:
    response = getattr(exc, "response", None)
    return getattr(response, "status_code", None)


def meta_from_json(item: Mapping[str, Any]) -> ModelMeta:
    """Build a ModelMeta from a Hub JSON object, tolerating missing or odd fields."""
    siblings = item.get("siblings")
    files: tuple[str, ...] | None = None
    if isinstance(siblings, list):
        files = tuple(
            s["rfilename"] for s in siblings if isinstance(s, Mapping) and isinstance(s.get("rfilename"), str)
        )
    card_data = item.get("cardData")
    tags = item.get("tags")
    gated = item.get("gated", False)
    return ModelMeta(
        id=str(item["id"]),
        sha=item.get("sha") if isinstance(item.get("sha"), str) else None,
        gated=gated if isinstance(gated, (bool, str)) else bool(gated),
        private=bool(item.get("private", False)),
        disabled=bool(item.get("disabled", False)),
        last_modified=item.get("lastModified") if isinstance(item.get("lastModified"), str) else None,
        tags=tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
        files=files,
        card_data=card_data if isinstance(card_data, Mapping) else None,
        children=_children(item.get("childrenModelCount")),
    )


def _children(value: Any) -> Mapping[str, int] | None:
    """`childrenModelCount` ({adapter, merge, quantized, finetune} counts), None when the Hub did not say."""
    if not isinstance(value, Mapping):
        return None
    return {str(k): v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)}
