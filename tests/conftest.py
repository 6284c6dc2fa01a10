"""Shared test fixtures: isolated HF environment, loopback-only network fence, the fake Hub."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

import pytest

os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"  # before anything imports huggingface_hub

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_HUB = ROOT / "fixtures" / "hub"
HUB_ORGS = ("acme-ai", "openwash-labs", "northwind-research", "kestrel-labs", "meta-llama", "bitshrink", "hearth-ai",
            "hearth-community", "quantco")

_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> object:
    """No test may reach beyond 127.0.0.1: any other address fails loudly."""
    if isinstance(address, tuple):
        host = address[0]
        try:
            allowed = ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = host == "localhost"
        if not allowed:
            raise RuntimeError(f"test tried to connect to {address!r}; only loopback is allowed")
    return _real_connect(self, address)


def pytest_configure(config: pytest.Config) -> None:
    socket.socket.connect = _loopback_only  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _isolated_hf(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's token, endpoint and cache never leak into a test."""
    home = tmp_path_factory.mktemp("hf_home")
    monkeypatch.setenv("HF_HOME", str(home))
    monkeypatch.setenv("HF_TOKEN_PATH", str(home / "token"))
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def fake_hub():
    """The fake Hub serving fixtures/hub on 127.0.0.1 (page size 3, so pagination is exercised)."""
    from tests.fakehub import FakeHub

    with FakeHub(FIXTURE_HUB, page_size=3) as hub:
        yield hub


@pytest.fixture
def hub(fake_hub):
    """The fake Hub with a clean request log and re-armed faults."""
    fake_hub.reset()
    return fake_hub
