"""Crawler: decide which files of a model to read, read them, and keep every failure as data."""

from __future__ import annotations

from typing import Any

from auditor.errors import EntryNotFound, HubError
from auditor.hub.client import Hub
from auditor.hub.licensefiles import (MAX_LICENSE_FILES, MAX_UNREAD_LISTED, _linked_file,  # noqa: F401 (re-exported)
                                      is_document, is_primary_license_file, license_candidates)
from auditor.models import FetchedFile, ModelError, ModelMeta, Snapshot

README = "README.md"
MAX_CARD_BYTES = 1024 * 1024
MAX_LICENSE_BYTES = 512 * 1024

#: Root names a gated repo serves to anyone (the Hub's allow-list, exact case).
GATED_READABLE = frozenset({"README.md", "LICENSE", "LICENSE.md", "LICENSE.txt"})


def crawl(hub: Hub, meta: ModelMeta) -> Snapshot:
    """Read README.md and the license-like files of one model; failures become ModelErrors.

    A disabled repo is not read at all (the Hub refuses its files). In a gated repo, the first `GatedRepo`
    refusal of a file outside the Hub's public allow-list tells that this token has no accepted access: the
    other such files are then reported unreadable without asking again.
    """
    if meta.disabled:
        return Snapshot(meta=meta, readme=None)
    revision = meta.sha or "main"
    files = meta.files
    card_link = _card_value(meta.card_data, "license_link")
    errors: list[ModelError] = []
    gate = _Gate(meta, hub.authenticated)

    readme: FetchedFile | None
    if files is not None and README not in files:
        readme = None
    else:
        readme = _read(hub, meta, revision, README, MAX_CARD_BYTES, gate)
        if readme.error is not None and readme.error.code == "entry-not-found":
            readme = None

    ranked = license_candidates(files, card_link) if files is not None else ["LICENSE"]
    license_files: list[FetchedFile] = []
    read = unread = 0
    overflow: str | None = None
    for path in sorted(ranked, key=lambda p: p not in GATED_READABLE) if meta.gated else ranked:
        if not is_document(path) and read < MAX_LICENSE_FILES:
            read += 1
            fetched = _read(hub, meta, revision, path, MAX_LICENSE_BYTES, gate)
            if fetched.error is not None and fetched.error.code == "entry-not-found" and files is None:
                continue  # we only guessed that this file exists
            license_files.append(fetched)
            continue
        unread += 1  # a PDF (not text: never fetched) or a file past the read cap: listed, never dropped
        if unread > MAX_UNREAD_LISTED:
            overflow = overflow or path
        elif is_document(path):
            license_files.append(FetchedFile(path, error=ModelError(
                "not-text", f"it is a {path.rsplit('.', 1)[-1].upper()} document, not plain text, so it was not fetched", path)))
        else:
            license_files.append(FetchedFile(path, error=ModelError(
                "not-read", f"not read: at most {MAX_LICENSE_FILES} license-like files are read per model", path)))
    if overflow is not None:
        more = unread - MAX_UNREAD_LISTED - 1
        license_files.append(FetchedFile(overflow, error=ModelError("not-read", f"not read, nor the {more} other "
                                         "license-like files ranked after it (too many to list)", overflow)))
    order = {path: n for n, path in enumerate(ranked)}
    license_files.sort(key=lambda f: order.get(f.path, len(order)))  # best first, as ranked

    for fetched in ([readme] if readme else []) + license_files:
        if fetched.error is not None and (fetched.error.code in _REPO_WIDE or fetched is readme and fetched.error.code == "not-text"):
            errors.append(fetched.error)
    return Snapshot(meta=meta, readme=readme, license_files=tuple(license_files), errors=_dedupe(errors))


_REPO_WIDE = frozenset({"repo-not-found", "http-error", "rate-limited", "network-error", "redirect-loop", "bad-encoding",
                        "invalid-answer"})


class _Gate:
    """What this caller may read of one gated repo: learnt from the Hub's first refusal, then known."""

    def __init__(self, meta: ModelMeta, authenticated: bool) -> None:
        self.gated = bool(meta.gated)
        self.denied = self.gated and not authenticated  # anonymous callers get 401 GatedRepo for the rest

    def refusal(self, path: str) -> ModelError | None:
        if self.denied and path not in GATED_READABLE:
            return ModelError("gated", "gated repo: not readable without accepted access", path)
        return None

    def learn(self, path: str, error: ModelError) -> None:
        if self.gated and error.code == "gated" and path not in GATED_READABLE:
            self.denied = True


def _read(hub: Hub, meta: ModelMeta, revision: str, path: str, max_bytes: int, gate: _Gate) -> FetchedFile:
    known = gate.refusal(path)
    if known is not None:
        return FetchedFile(path, error=known)
    try:
        text, truncated = hub.read_text(meta.id, revision, path, max_bytes)
    except EntryNotFound as exc:
        return FetchedFile(path, error=ModelError("entry-not-found", exc.message, path))
    except HubError as exc:
        error = ModelError(exc.code, exc.message, path)
        gate.learn(path, error)
        return FetchedFile(path, error=error)
    return FetchedFile(path, text=text, truncated=truncated)


def _card_value(card_data: Any, key: str) -> str | None:
    value = card_data.get(key) if card_data else None
    return value if isinstance(value, str) else None


def _dedupe(errors: list[ModelError]) -> tuple[ModelError, ...]:
    """One error per code for repo-wide failures (a deleted repo fails every file the same way)."""
    seen: dict[str, ModelError] = {}
    for error in errors:
        seen.setdefault(error.code, error)
    return tuple(seen.values())
