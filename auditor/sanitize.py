"""Sanitising text that leaves the process: encodable, token-free, and inert on a terminal."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

REDACTED = "[REDACTED]"
#: Shorter "tokens" are not real Hub tokens; redacting them would shred ordinary words.
MIN_SECRET_LENGTH = 4

#: Code points UTF-8 cannot encode: a lone surrogate (`"\ud800"` in JSON or YAML) would end the write.
_SURROGATES = re.compile("[\ud800-\udfff]")
#: What a terminal acts on rather than shows: C0 controls but tab and newline, DEL, C1 (CSI, OSC, ST as
#: one code point), and the bidirectional overrides and isolates that reorder what is displayed.
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: In JSON text the same characters (plus the JavaScript line separators) are written as \\u escapes:
#: lossless for a JSON reader, inert for a terminal that prints the feed. C0 is escaped by `json` itself.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def encodable(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD, so that it can always be written as UTF-8."""
    return _SURROGATES.sub("\ufffd", text)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with every secret (the Hub token) replaced by a marker."""
    for secret in secrets:
        if secret and len(secret) >= MIN_SECRET_LENGTH and secret in text:
            text = text.replace(secret, REDACTED)
    return text


def clean(value: Any, secrets: tuple[str, ...] = ()) -> Any:
    """A copy of plain data (dicts, lists, strings) with every string `encodable` and `redact`ed.

    Copy on write: an unchanged branch is returned as it is, so a clean 20,000-model feed costs no memory.
    """
    if isinstance(value, str):
        if _SURROGATES.search(value) is not None:
            value = encodable(value)
        return redact(value, secrets) if secrets else value
    if isinstance(value, dict):
        out = {clean(k, secrets): clean(v, secrets) for k, v in value.items()}
        same = len(out) == len(value) and all(
            k1 is k2 and v1 is v2 for (k1, v1), (k2, v2) in zip(out.items(), value.items()))
        return value if same else out
    if isinstance(value, list):
        items = [clean(v, secrets) for v in value]
        return value if all(a is b for a, b in zip(items, value)) else items
    return value


def needs_cleaning(json_text_: str, secrets: Iterable[str] = ()) -> bool:
    """True when JSON text (dumped with ensure_ascii=False) holds a lone surrogate or a secret: a fast check,
    so that only such parts are walked by `clean`."""
    if _SURROGATES.search(json_text_) is not None:
        return True
    return any(secret and len(secret) >= MIN_SECRET_LENGTH and (secret in json_text_ or
               json.dumps(secret, ensure_ascii=False)[1:-1] in json_text_) for secret in secrets)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: Any, secrets: Iterable[str] = ()) -> str:
    """Text safe to print: encodable, redacted, and every control or bidi character shown as an escape
    (`\\x1b`, `\\u202e`) instead of acting on the terminal (no window titles set, no screens cleared)."""
    value = redact(encodable(str(text if text is not None else "")), secrets)
    return _TERMINAL_CONTROLS.sub(_visible, value)


def inert(value: Any) -> Any:
    """A copy of plain data whose strings show control and bidi characters as escapes (`for_terminal`'s rule,
    without redaction): for formats a person reads in a viewer (the HTML dashboard), where a U+202E would
    reorder a quoted claim on screen."""
    if isinstance(value, str):
        return _TERMINAL_CONTROLS.sub(_visible, value) if _TERMINAL_CONTROLS.search(value) else value
    if isinstance(value, dict):
        return {inert(k): inert(v) for k, v in value.items()}
    if isinstance(value, list):
        return [inert(v) for v in value]
    return value


def json_text(text: str) -> str:
    """JSON text with the characters a terminal would act on written as \\u escapes (same data when parsed)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encodable(text))
