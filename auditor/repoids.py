"""Hub names: the repo-id grammar, and which repo and file a card's `license_link` points into."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

#: One part of a repo id, as the Hub and huggingface_hub's `validate_repo_id` accept it: ASCII letters,
#: digits, `-`, `_`, `.`, 1 to 96 long, starting and ending with a letter, digit or `_`; no `--` or `..`.
_PART = re.compile(r"(?!.*(?:--|\.\.))[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?")
_HUB_HOSTS = frozenset({"huggingface.co", "www.huggingface.co", "hf.co"})
_FILE_ROUTE = re.compile(r"/([^/]+)/([^/]+)/(?:blob|resolve|raw)/[^/]+/(.+)")


def is_namespace(name: str) -> bool:
    """True for an organization or user name the Hub could have (`meta-llama`), false for `""`, `a b`, `a/b`."""
    return isinstance(name, str) and _PART.fullmatch(name) is not None


def is_repo_id(repo_id: str) -> bool:
    """True for a model id the Hub could have: `namespace/name`, both parts valid, not ending in `.git`."""
    if not isinstance(repo_id, str) or repo_id.count("/") != 1 or repo_id.endswith(".git"):
        return False
    namespace, name = repo_id.split("/")
    return is_namespace(namespace) and is_namespace(name)


def is_model_ref(text: str) -> bool:
    """A model id, or a bare name (`gpt2`) that the Hub redirects to its canonical repo."""
    return is_repo_id(text) or ("/" not in text and is_namespace(text) and not text.endswith(".git"))


def linked_repo_file(link: str | None) -> tuple[str | None, str] | None:
    """(repo id, path) of the repo file a `license_link` names, or None when it names no repo file.

    A relative link (`LICENSE`, `./LICENSE.md`) names a file of the card's own repo: repo id None.
    A Hub URL (`https://huggingface.co/OWNER/REPO/blob/main/LICENSE`) names that repo's file, which
    may be another repo's. Any other URL (a web page of terms) names no repo file.
    """
    if not link or not isinstance(link, str):
        return None
    link = link.strip()
    if "://" in link:
        try:
            parts = urlsplit(link)
        except ValueError:
            return None
        match = _FILE_ROUTE.fullmatch(parts.path)
        if (parts.hostname or "").lower() not in _HUB_HOSTS or match is None:
            return None
        repo_id, path = f"{unquote(match[1])}/{unquote(match[2])}", unquote(match[3])
        return (repo_id, path) if is_repo_id(repo_id) and _safe_path(path) else None
    path = link.removeprefix("./").lstrip("/")
    return (None, path) if path and _safe_path(path) else None


def _safe_path(path: str) -> bool:
    return not any(part in ("", ".", "..") for part in path.split("/"))
