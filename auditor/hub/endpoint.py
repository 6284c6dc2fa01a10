"""Request policy as data: the endpoint's origin and where the token may go."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from auditor.errors import AuditorError

_DEFAULT_PORTS = {"http": 80, "https": 443}


class EndpointError(AuditorError):
    """The endpoint URL cannot be used as given (a usage error: nothing was sent)."""


@dataclass(frozen=True, slots=True)
class Origin:
    """The endpoint a Hub client talks to: scheme, host and port, plus an optional path prefix (no userinfo)."""

    scheme: str
    host: str
    port: int
    path: str = ""

    @property
    def url(self) -> str:
        default = _DEFAULT_PORTS[self.scheme] == self.port
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}{'' if default else f':{self.port}'}{self.path}"

    @property
    def loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def same_origin(self, url: str) -> bool:
        """True when `url` has exactly this scheme, host and port (and carries no userinfo)."""
        other = _split(url)
        return other is not None and (other.scheme, other.host, other.port) == (self.scheme, self.host, self.port)

    def under(self, url: str, path: str) -> bool:
        """Same origin and the URL's path is `{prefix}{path}` exactly (a listing must stay a listing)."""
        other = _split(url)
        return other is not None and self.same_origin(url) and other.path == self.path + path


def _split(url: str) -> Origin | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname or "@" in parts.netloc:
        return None
    return Origin(scheme, parts.hostname.lower(), port or _DEFAULT_PORTS[scheme], parts.path.rstrip("/"))


def parse_endpoint(text: str) -> Origin:
    """The endpoint's origin; refuses userinfo (never echoed), other schemes, queries and fragments."""
    try:
        parts = urlsplit(text.strip())
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        raise EndpointError("the endpoint is not a valid URL") from None
    if "@" in parts.netloc:
        raise EndpointError("the endpoint URL contains a user name or password; remove it (give a token with "
                            "--token or HF_TOKEN instead)")
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        raise EndpointError("the endpoint must be an http:// or https:// URL with a host, e.g. https://huggingface.co")
    if parts.query or parts.fragment:
        raise EndpointError("the endpoint URL must not have a query or a fragment")
    origin = _split(parts.geturl())
    assert origin is not None
    return origin


def token_allowed(origin: Origin, allow_insecure: bool = False) -> bool:
    """A token goes over https, to a loopback host, or over plain http only when the user said so."""
    return origin.scheme == "https" or origin.loopback or allow_insecure


def next_url(current: str, location: str) -> str:
    """Absolute URL of a redirect `Location` (relative ones, as the Hub sends for renames, resolve against the request)."""
    return urljoin(current, location)
