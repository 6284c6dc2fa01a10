"""Headless Chromium for the dashboard's browser tests and benchmark: the system browser, driven by Selenium.

Debian's `chromium` and `chromium-driver` packages (`.ci/run` installs them); Selenium never downloads a
browser or driver here. The flags keep Chromium from opening connections of its own (this is a closed network).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1024")
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")


class BrowserUnavailable(RuntimeError):
    """No headless Chromium (or its driver, or Selenium) on this machine; the message says what to install."""


def find() -> tuple[str, str]:
    """(browser, chromedriver) paths, or BrowserUnavailable."""
    browser = os.environ.get("CHROMIUM_BIN") or next(filter(None, map(shutil.which, BROWSERS)), None)
    driver = os.environ.get("CHROMEDRIVER_BIN") or next((d for d in DRIVERS if Path(d).is_file()), None) \
        or shutil.which("chromedriver")
    if not browser or not driver:
        raise BrowserUnavailable("headless Chromium is not installed (need chromium and chromedriver: "
                                 "apt-get install chromium chromium-driver; .ci/run does this)")
    return browser, driver


def start(profile: Path | None = None):
    """A Selenium Chrome driver on the system Chromium, with a fresh profile and the browser log enabled."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:  # pragma: no cover - selenium is in the test extra
        raise BrowserUnavailable(f"selenium is not installed ({exc}); pip install -e '.[test]'") from exc
    browser, driver = find()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile or tempfile.mkdtemp(prefix='hf-audit-chromium-')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=driver))


def console_errors(driver) -> list[str]:
    """Messages of level SEVERE in the browser console since the last call (CSP refusals included)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
