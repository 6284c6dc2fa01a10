"""Crawler: decide which files of a model to read, read them, and keep every failure as data."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from auditor.errors import EntryNotFound, HubError
from auditor.hub.client import Hub
from auditor.models import FetchedFile, ModelError, ModelMeta, Snapshot
from auditor.repoids import linked_repo_file

README = "README.md"
MAX_CARD_BYTES = 1024 * 1024
MAX_LICENSE_BYTES = 512 * 1024
MAX_LICENSE_FILES = 8

#: Root names a gated repo serves to anyone (the Hub's allow-list, exact case).
GATED_READABLE = frozenset({"README.md", "LICENSE", "LICENSE.md", "LICENSE.txt"})

#: License-like file names, best first (licensee ranks names by a table the same way).
#: Matched case-insensitively against the path's last component; depth 0 = repo root.
_NAME_SCORES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), score)
    for pattern, score in (
        (r"licen[cs]e", 1.00),
        (r"licen[cs]e\.(md|txt|rst|markdown)", 0.95),
        (r"(model[_-]?licen[cs]e([_-]?agreement)?|licen[cs]e[_-](model|weights))(\.(md|txt))?", 0.92),
        (r"copying(\.(md|txt))?", 0.90),
        (r"(use|usage|acceptable)[_-]?(use[_-]?)?polic(y|ies)(\.(md|txt))?", 0.85),
        (r"licen[cs]e[_-][^.]+(\.(md|txt))?|.+[_-]licen[cs]e([_-]?agreement)?(\.(md|txt))?", 0.80),
        (r"(terms[_-]of[_-]use|licen[cs]e[_-]?agreement)(\.(md|txt))?", 0.80),
        (r"notice(\.(md|txt))?", 0.50),
    )
)
_LICENSE_DIRS = frozenset({"license", "licenses", "licence", "licences"})


def license_candidates(files: Iterable[str], license_link: str | None = None) -> list[str]:
    """License-like files worth reading, best first, at most MAX_LICENSE_FILES."""
    scored: dict[str, float] = {}
    for path in files:
        parts = path.split("/")
        name = parts[-1]
        in_license_dir = len(parts) == 2 and parts[0].lower() in _LICENSE_DIRS
        if len(parts) > 1 and not in_license_dir:
            continue
        for pattern, score in _NAME_SCORES:
            if pattern.fullmatch(name):
                scored[path] = score - (0.3 if in_license_dir else 0.0)
                break
        else:
            if in_license_dir and name.lower().endswith((".txt", ".md")):
                scored[path] = 0.4
    linked = _linked_file(license_link)
    if linked is not None and linked in set(files):
        scored[linked] = 2.0  # the card points at it: read it first
    ranked = sorted(scored, key=lambda p: (-scored[p], p))
    return ranked[:MAX_LICENSE_FILES]


_PRIMARY = re.compile(r"(licen[cs]e|copying|model[_-]?licen[cs]e([_-]?agreement)?|licen[cs]e[_-](model|weights))"
                      r"(\.(md|txt|rst|markdown))?", re.IGNORECASE)


def is_primary_license_file(path: str, license_link: str | None = None) -> bool:
    """The repo's main license file (root LICENSE*, COPYING*, MODEL_LICENSE*, or the card's license_link)."""
    return ("/" not in path and _PRIMARY.fullmatch(path) is not None) or path == _linked_file(license_link)


def _linked_file(license_link: str | None) -> str | None:
    """The file of the card's own repo a relative `license_link` names (`LICENSE`, `./LICENSE.md`), if any.

    A Hub URL (`https://huggingface.co/OTHER/REPO/blob/main/LICENSE`) is never taken for this repo's file:
    the link alone does not say the repo is this one, and another repo's LICENSE is not ours (judging.py
    reports such a link). Root license files are read by their names anyway.
    """
    linked = linked_repo_file(license_link)
    return linked[1] if linked is not None and linked[0] is None else None


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

    candidates = license_candidates(files, card_link) if files is not None else ["LICENSE"]
    license_files: list[FetchedFile] = []
    for path in sorted(candidates, key=lambda p: p not in GATED_READABLE) if meta.gated else candidates:
        fetched = _read(hub, meta, revision, path, MAX_LICENSE_BYTES, gate)
        if fetched.error is not None and fetched.error.code == "entry-not-found" and files is None:
            continue  # we only guessed that this file exists
        license_files.append(fetched)
    license_files.sort(key=lambda f: candidates.index(f.path))  # best first, as ranked

    for fetched in ([readme] if readme else []) + license_files:
        if fetched.error is not None and fetched.error.code in _REPO_WIDE:
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
