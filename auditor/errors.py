"""Exception hierarchy: one root, one error per layer; per-model failures become records."""

from __future__ import annotations


class AuditorError(Exception):
    """Base of every error the auditor raises on purpose."""


class HubError(AuditorError):
    """A Hub request failed after its retries; `code` is a model error code (see CONTRACTS.md)."""

    def __init__(self, code: str, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


class EntryNotFound(HubError):
    """The file does not exist in the repo (404 EntryNotFound)."""

    def __init__(self, message: str = "file not found") -> None:
        super().__init__("entry-not-found", message, status=404)


class HubUnreachable(HubError):
    """The Hub could not be reached at all (connection refused, DNS, repeated timeouts)."""


class DataFileError(AuditorError):
    """A data file shipped with the package is malformed."""


class FeedError(AuditorError):
    """A feed given to `render` cannot be read or is not a feed."""
