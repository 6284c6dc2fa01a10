"""Hub answers as data: error mapping by `X-Error-Code`, server-asked waits, listing pages and model metadata."""

from __future__ import annotations

import email.utils
import json
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from auditor.errors import EntryNotFound, HubError
from auditor.models import ModelMeta
from auditor.hub.ratelimit import MAX_NUMBER, parse_ratelimit

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_LINK = re.compile(r'<([^>]*)>((?:\s*;\s*[^;,<]*)*)')
_ID_NEAR_START = re.compile(r'"id"\s*:\s*"((?:[^"\\]|\\.){1,300})"')


class Transient(Exception):
    """A failure worth retrying; carries the HubError to raise when retries run out."""

    def __init__(self, error: HubError, wait: float | None = None, bucket: str = "") -> None:
        super().__init__(error.message)
        self.error = error
        self.wait = wait
        self.bucket = bucket


@dataclass(frozen=True)
class Answer:
    """One HTTP answer, fully read within its deadline (headers are case-insensitive)."""

    status_code: int
    headers: Mapping[str, str]
    body: bytes
    url: str
    truncated: bool = False


def raise_for_status(answer: Answer, what: str, bucket: str) -> None:
    """Map an error answer to our errors by the Hub's `X-Error-Code`, never by message text."""
    status = answer.status_code
    if status < 400:
        return
    code = answer.headers.get("X-Error-Code", "")
    message = " ".join((answer.headers.get("X-Error-Message") or _body_error(answer) or f"HTTP {status}").split())[:300]
    api = bucket == "api"
    if code == "EntryNotFound":
        raise EntryNotFound(message)
    if code == "GatedRepo":
        raise HubError("gated", f"{what}: gated repo" if api else f"gated: {message}", status=status)
    if status == 401 and "credentials" in message:  # the Hub's answer to a token it does not accept
        raise HubError("http-error", f"{what}: HTTP 401: the Hub rejected the token (Invalid credentials in "
                       "Authorization header); check HF_TOKEN / --token, or audit anonymously", status=status)
    if code in ("RepoNotFound", "RevisionNotFound") or (status == 401 and "credentials" not in message):
        raise HubError("repo-not-found", f"{what}: not found (or private)" if api
                       else f"repository or revision not found (or private): {message}", status=status)
    if status == 429:
        raise Transient(HubError("rate-limited", f"{what}: HTTP 429" if api else "rate limited (429) after retries",
                                 status=429), wait_hint(answer.headers), bucket)
    if status in RETRY_STATUSES:
        raise Transient(HubError("http-error", f"{what}: HTTP {status}" if api else f"HTTP {status} after retries",
                                 status=status), wait_hint(answer.headers))
    raise HubError("http-error", f"{what}: HTTP {status}" if api else f"HTTP {status}: {message}", status=status)


def _body_error(answer: Answer) -> str | None:
    if not answer.body.startswith(b"{") or len(answer.body) > 10_000:
        return None
    try:
        body = json.loads(answer.body)
    except (ValueError, RecursionError):
        return None
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, str) else None


def wait_hint(headers: Mapping[str, str] | None) -> float | None:
    """Seconds the server asked us to wait: `RateLimit` reset when exhausted, else `Retry-After`; never raises."""
    if headers is None:
        return None
    ratelimit = parse_ratelimit(headers)
    if ratelimit is not None and ratelimit[0] == 0:
        return float(ratelimit[1])
    retry_after = (headers.get("Retry-After") or "").strip()[:100]
    if re.fullmatch(r"[0-9]{1,12}", retry_after):
        return float(min(int(retry_after), MAX_NUMBER))
    if retry_after:
        try:
            parsed = email.utils.parsedate_to_datetime(retry_after)
            return min(MAX_NUMBER, max(0.0, parsed.timestamp() - time.time()))
        except (TypeError, ValueError, OverflowError, IndexError):
            return None  # "soon, maybe": not a wait we can honour; the normal backoff applies
    return None


def parse_json(answer: Answer, what: str) -> Any:
    """The JSON body of an answer, or an `invalid-answer` error (never a RecursionError)."""
    try:
        return json.loads(answer.body)
    except (ValueError, RecursionError) as exc:
        raise HubError("invalid-answer", f"{what}: the Hub's answer is not valid JSON ({type(exc).__name__})") from None


def listing_items(answer: Answer, what: str) -> Iterator[Mapping[str, Any] | tuple[str, str]]:
    """The items of one listing page; an item that cannot be parsed alone becomes `(id, why)`, the rest survive."""
    try:
        page = json.loads(answer.body)
    except RecursionError:
        page = None
    except ValueError:
        raise HubError("invalid-answer", f"{what}: the Hub's answer is not valid JSON") from None
    if page is None:
        yield from _items_one_by_one(answer.body.decode("utf-8", errors="replace"), what)
        return
    if not isinstance(page, list):
        raise HubError("invalid-answer", f"{what}: the Hub's answer is not a list of models")
    for item in page:
        if isinstance(item, Mapping) and isinstance(item.get("id"), str):
            yield item


def _items_one_by_one(text: str, what: str) -> Iterator[Mapping[str, Any] | tuple[str, str]]:
    """Split a JSON array into its top-level items by scanning brackets and strings, and parse each one."""
    start = text.find("[")
    if start < 0:
        raise HubError("invalid-answer", f"{what}: the Hub's answer is not a list of models")
    depth, in_string, escaped, item_start = 0, False, False, None
    for position in range(start + 1, len(text)):
        char = text[position]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            if depth == 0:
                item_start = position
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0 and item_start is not None:
                yield _one_item(text[item_start:position + 1])
                item_start = None
            elif depth < 0:
                return


def _one_item(text: str) -> Mapping[str, Any] | tuple[str, str]:
    try:
        item = json.loads(text)
    except (ValueError, RecursionError) as exc:
        match = _ID_NEAR_START.search(text[:2000])
        model_id = json.loads(f'"{match.group(1)}"') if match else "?"
        why = "nested too deeply" if isinstance(exc, RecursionError) else "not valid JSON"
        return (model_id, f"the Hub's listing entry of this model could not be read ({why})")
    return item if isinstance(item, Mapping) and isinstance(item.get("id"), str) else ("?", "listing entry without id")


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
        private=item.get("private") is True,
        disabled=item.get("disabled") is True,
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


def read_body(chunks: Iterable[bytes], max_bytes: int, deadline: float, what: str) -> tuple[bytes, bool]:
    """Read a body until its end, `max_bytes` (then truncated) or the deadline (then an error: no endless trickle)."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            return b"".join(parts)[:max_bytes], True
        if time.monotonic() > deadline:
            raise HubError("network-error", f"{what}: the answer took longer than the per-request deadline")
    return b"".join(parts), False


#: What a body that is not text starts with (a PDF, a ZIP such as DOCX/ODT, an OLE2 Word file).
_MAGIC = ((b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (DOCX, ODT...)"),
          (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 document (DOC...)"))
#: Invalid UTF-8 sequences a text may hold (a stray Latin-1 byte) before it counts as another encoding or binary.
MAX_BAD_BYTES = 16


def text_of(body: bytes) -> str:
    """A file's text: UTF-8 (a BOM dropped; a few bad bytes replaced) or UTF-16 with a BOM. A body that is not
    text (a PDF, NUL bytes, mostly invalid UTF-8) raises `not-text`: it is reported, never judged as garbage."""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body.decode("utf-16", errors="replace").lstrip("\ufeff")
    kind = next((what for magic, what in _MAGIC if body.startswith(magic)), None)
    if kind is None and b"\x00" in body[:8000]:  # git's own test for a binary file
        kind = "binary data"
    text = body.decode("utf-8", errors="replace")
    if kind is None and text.count("\ufffd") - body.count(b"\xef\xbf\xbd") > max(MAX_BAD_BYTES, len(body) // 100):
        kind = "not UTF-8 text"
    if kind is not None:
        raise HubError("not-text", f"it is {kind}, not plain text" if kind != "not UTF-8 text"
                       else "it is not UTF-8 text (another encoding, or binary data)")
    return text.lstrip("\ufeff")


def next_link(header: str) -> str | None:
    """The `rel="next"` URL of a Link header, if any."""
    for match in _LINK.finditer(header[:10_000]):
        if "next" in re.split(r'[\s";=]+', match.group(2).lower()):
            return match.group(1).strip()
    return None


def incomplete(what: str, seen: int, why: str) -> HubError:
    return HubError("listing-incomplete", f"{what}: the listing is incomplete after {seen} models: {why}")
