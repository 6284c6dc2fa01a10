"""Links to models on the feed's endpoint: only http(s) endpoints become links, every path part quoted."""

from __future__ import annotations

from urllib.parse import quote, urlsplit


def endpoint_base(endpoint: object) -> str | None:
    """The endpoint as a base URL ending in '/', or None when it is not a plain http(s) URL."""
    if not isinstance(endpoint, str) or any(c.isspace() or ord(c) < 32 for c in endpoint):
        return None
    try:
        parts = urlsplit(endpoint)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        return None
    return endpoint.rstrip("/") + "/"


def model_url(endpoint: object, model_id: str) -> str | None:
    """The model's page on the endpoint, or None."""
    base = endpoint_base(endpoint)
    return base + quote(model_id, safe="/") if base else None


def file_url(endpoint: object, model_id: str, sha: str | None, file: str | None) -> str | None:
    """A file of the model at the audited commit on the endpoint, or None."""
    base = endpoint_base(endpoint)
    if not base or not file:
        return None
    return f"{base}{quote(model_id, safe='/')}/blob/{quote(sha or 'main', safe='')}/{quote(file, safe='/')}"
