"""The HTML dashboard: self-contained, inert for card text, readable without JavaScript, and working in a browser.

The browser tests run the committed example dashboard in headless Chromium (Debian's chromium and
chromium-driver, driven by Selenium). Where no browser is installed they skip with the reason, except under CI
(`CI` set), where `.ci/run` installs it and a missing browser is a failure.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.render import Format, render
from auditor.render.json import summarize
from tests import browser as chromium
from tests.conftest import ROOT

EXAMPLE_FEED = json.loads((ROOT / "fixtures" / "example-feed.json").read_text(encoding="utf-8"))
EXAMPLE_PAGE = ROOT / "fixtures" / "example-dashboard.html"
TITLE = "Hugging Face license audit"

#: Untrusted text as a card could carry it; each would set window.__pwned or change the title if it ran.
PAYLOADS = [
    "<script>window.__pwned = 1; document.title = 'pwned'</script>",
    "<img src=x onerror=\"window.__pwned = 2; document.title = 'pwned'\">",
    "</script><script>window.__pwned = 3</script><!--",
    "\"><svg onload=\"window.__pwned = 4\">",
    "javascript:window.__pwned = 5",
    "<a href=\"javascript:window.__pwned = 6\">click</a>",
    "' onmouseover='window.__pwned = 7",
]
EVIL_ID = "evil-org/\"onmouseover=\"window.__pwned=8\"<b>x"


class Page(HTMLParser):
    """Tags, attributes, script bodies and the visible text of a page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._in_script: dict[str, str | None] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def evil_feed(endpoint: str = "https://huggingface.co") -> dict:
    """A feed whose every card-derived field carries a payload (flagged, with errors, evidence and lineage)."""
    payload = " ".join(PAYLOADS)
    evidence = [{"source": "card-text", "file": "README.md", "line": 3, "quote": payload}]
    model = {
        "id": EVIL_ID, "sha": "0" * 40, "last_modified": None, "gated": False,
        "classification": "custom-restricted", "flagged": True, "flag_severity": "error",
        "license": {"declared": [payload], "license_name": payload, "license_link": PAYLOADS[4], "key": "evil",
                    "spdx": None, "name": payload, "matcher": "card-license-name", "osd": ["6"], "reason": payload,
                    "detected": [{"matcher": "card-license-name", "classification": "custom-restricted", "decides": True,
                                  "key": "evil", "spdx": None, "name": payload, "confidence": 1.0, "osd": ["6"],
                                  "reason": payload, "evidence": evidence[0],
                                  "restrictive_clauses": [{"code": "restrictive-clause", "severity": "info",
                                                           "message": payload, "evidence": evidence}]}]},
        "base_models": [f"evil-base/{PAYLOADS[0].replace(' ', '')}"],
        "claims": [{"quote": payload, "file": "README.md", "line": 3, "phrase": "open source", "confidence": "high"}],
        "findings": [{"code": "open-source-claim", "severity": "error", "message": payload, "evidence": evidence}],
        "errors": [{"code": "http-error", "message": payload, "file": "LICENSE"}],
    }
    clean = copy.deepcopy(EXAMPLE_FEED["models"][0])
    models = [model, clean]
    return {**{k: EXAMPLE_FEED[k] for k in ("schema_version", "tool_version", "rules_version", "spdx_list_version")},
            "generated_at": "2026-02-01T00:00:00Z", "endpoint": endpoint,
            "targets": [{"kind": "organization", "name": payload, "models": 2,
                         "error": {"code": "http-error", "message": payload, "file": None}}],
            "summary": summarize(models), "models": models}


def example_page() -> str:
    return EXAMPLE_PAGE.read_text(encoding="utf-8")


def data_block(page: Page) -> dict:
    (body,) = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    return json.loads(body)


# ---------------------------------------------------------------------------------------------- static checks


def test_dashboard_is_one_self_contained_file():
    """No stylesheet, script, image or font is fetched: everything is inline, and the CSP forbids fetching."""
    page = Page(example_page())
    assert not [t for t, a in page.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [(t, a) for t, a in page.tags if "src" in a]
    (csp,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp and "img-src 'none'" in csp
    (script,) = [body for attrs, body in page.scripts if "type" not in attrs]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in csp, "the page's own script must be the one the CSP allows"
    assert not re.search(r"https?://", script)


def test_dashboard_is_deterministic():
    """Two renders of one feed are identical (no clock, no random ids)."""
    assert render(EXAMPLE_FEED, Format.HTML) == render(copy.deepcopy(EXAMPLE_FEED), Format.HTML)


@pytest.mark.parametrize("endpoint", ["https://huggingface.co", "http://127.0.0.1 (bundled fake Hub)"])
def test_card_payloads_stay_text_in_the_html(endpoint):
    """Every card-derived field is escaped: no markup, handler or javascript: link comes from the feed."""
    text = render(evil_feed(endpoint), Format.HTML)
    page = Page(text)
    assert len(page.scripts) == 2, "only the data block and the page's own script"
    assert not [(t, k) for t, a in page.tags for k in a if k.startswith("on")]
    assert not [t for t, a in page.tags if t in ("svg", "img", "a", "b") and a.get("href", "").startswith("javascript")]
    assert not [t for t, _ in page.tags if t in ("img", "b")]
    assert PAYLOADS[0] in page.visible and PAYLOADS[1] in page.visible  # shown, as text


def test_data_block_cannot_end_its_script_element():
    """The embedded JSON escapes <, > and &: a quote holding </script> or <!-- cannot leave the block."""
    text = render(evil_feed(), Format.HTML)
    start = text.index('<script type="application/json" id="audit-data">') + len('<script type="application/json" id="audit-data">')
    body = text[start:text.index("</script>", start)]
    assert "<" not in body and ">" not in body
    data = json.loads(body)
    assert PAYLOADS[2] in " ".join(data["strings"])


@pytest.mark.parametrize(("endpoint", "link"), [
    ("https://huggingface.co", "https://huggingface.co/acme-ai/acme-13b-chat"),
    ("http://hub.internal:8080/", "http://hub.internal:8080/acme-ai/acme-13b-chat"),
    ("http://127.0.0.1 (bundled fake Hub)", None),
    ("javascript:alert(1)//", None),
    ("ftp://huggingface.co", None),
    ("file:///etc", None),
])  # fmt: skip
def test_model_links_only_for_http_endpoints(endpoint, link):
    """A link goes to the model on the feed's endpoint, and only an http(s) endpoint becomes a link."""
    page = Page(render({**EXAMPLE_FEED, "endpoint": endpoint}, Format.HTML))
    hrefs = {a["href"] for t, a in page.tags if t == "a" and not a["href"].startswith("#")}  # not the section links
    model = data_block(page)["models"][0]
    if link:
        assert link in hrefs and model["i"] == "acme-ai/acme-13b-chat" and model["u"] == link
    else:
        assert not hrefs and all(m["u"] is None for m in data_block(page)["models"])


def test_summary_flagged_and_errors_are_readable_without_javascript():
    """Without script a reader still sees the counts, every flagged model with its claim, and every error."""
    page = Page(example_page())
    text = page.visible
    summary = EXAMPLE_FEED["summary"]
    assert f"Flagged models ({summary['flagged']})" in text
    for model in EXAMPLE_FEED["models"]:
        if model["flagged"]:
            assert model["id"] in text
            if model["claims"]:
                assert " ".join(model["claims"][0]["quote"].split()) in text
        if model["errors"]:
            assert model["id"] in text and " ".join(model["errors"][0]["message"].split()) in text
    counts = {a.get("data-count"): None for t, a in page.tags if t == "td" and a.get("data-count")}
    assert set(counts) == set(summary["by_class"])


def test_several_feeds_give_the_trend_and_the_latest_runs_changes():
    """Given the earlier feeds, the page charts counts per run and lists what the latest run changed."""
    old = copy.deepcopy(EXAMPLE_FEED)
    target = next(m for m in old["models"] if m["flagged"])
    target.update(flagged=False, flag_severity=None)
    old["models"] = [m for m in old["models"] if m["id"] != "acme-ai/acme-embed-base"]
    old["summary"] = summarize(old["models"])
    old["generated_at"] = "2025-12-01T00:00:00Z"
    page = Page(render(EXAMPLE_FEED, Format.HTML, history=[old]))
    text = page.visible
    assert "Trend over 2 runs" in text
    assert "2025-12-01T00:00:00Z" in text and EXAMPLE_FEED["generated_at"] in text
    assert len([t for t, a in page.tags if t == "polyline"]) == 5
    changes = text.split("Changes since")[1].split("Flagged models")[0]
    assert f"newly flagged (2): {target['id']}, acme-ai/acme-embed-base" in changes  # embed-base is new and flagged
    assert "new (1): acme-ai/acme-embed-base" in changes and f"{target['id']}: flagged no → yes" in changes


def test_the_latest_runs_license_and_claim_changes_are_on_the_page():
    """As in Markdown: a license that changed (ids and file lines) and a model that started claiming open source."""
    old = copy.deepcopy(EXAMPLE_FEED)
    changed = next(m for m in old["models"] if m.get("license_files"))
    changed["license"]["declared"] = ["mit"]
    changed["license_files"] = [dict(changed["license_files"][0], sha256="0" * 64,
                                     excerpt="The old terms.\nNo commercial use.")]
    claimer = next(m for m in old["models"] if m["claims"])
    claimer["claims"], claimer["flagged"], claimer["flag_severity"] = [], False, None
    old["summary"] = summarize(old["models"])
    old["generated_at"] = "2025-12-01T00:00:00Z"
    changes = Page(render(EXAMPLE_FEED, Format.HTML, history=[old])).visible.split("Changes since")[1]
    changes = changes.split("Flagged models")[0]
    assert "License changed" in changes and changed["id"] in changes and "− L2: No commercial use." in changes
    assert f"started claiming open source (1): {claimer['id']}" in changes


def test_one_feed_has_no_trend():
    assert "Trend over" not in Page(example_page()).visible


# ---------------------------------------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def driver():
    try:
        drv = chromium.start()
    except chromium.BrowserUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run under CI: {exc}", pytrace=False)
        pytest.skip(f"browser tests skipped: {exc}")
    yield drv
    drv.quit()


def load(driver, path: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    chromium.console_errors(driver)  # drop what an earlier page logged
    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.documentElement.dataset.ready"))


def shown_ids(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#model-rows tr[data-model]')).map(r => r.dataset.model)")


def match_count(driver) -> int:
    from selenium.webdriver.common.by import By

    return int(driver.find_element(By.ID, "match-count").get_attribute("data-count"))


def choose(driver, select_id: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, select_id)).select_by_value(value)


def test_example_dashboard_loads_in_chromium_without_console_errors(driver):
    load(driver, EXAMPLE_PAGE)
    assert chromium.console_errors(driver) == []
    assert driver.title == TITLE


def test_browser_sees_the_same_counts_as_the_feed(driver):
    """The script-drawn table holds every model of the feed; the summary shows the feed's numbers."""
    from selenium.webdriver.common.by import By

    load(driver, EXAMPLE_PAGE)
    summary = EXAMPLE_FEED["summary"]
    assert match_count(driver) == summary["models"]
    assert sorted(shown_ids(driver)) == sorted(m["id"] for m in EXAMPLE_FEED["models"])
    assert driver.find_element(By.ID, "summary-models").text == str(summary["models"])
    assert driver.find_element(By.ID, "summary-flagged").text == str(summary["flagged"])
    for cls, n in summary["by_class"].items():
        assert driver.find_element(By.CSS_SELECTOR, f'td[data-count="{cls}"]').text == str(n)


def test_filtering_to_flagged_shows_exactly_the_flagged_models(driver):
    load(driver, EXAMPLE_PAGE)
    choose(driver, "f-flagged", "flagged")
    flagged = sorted(m["id"] for m in EXAMPLE_FEED["models"] if m["flagged"])
    assert match_count(driver) == len(flagged) == EXAMPLE_FEED["summary"]["flagged"]
    assert sorted(shown_ids(driver)) == flagged


def test_filters_combine_class_organization_finding_and_search(driver):
    """Class, organization, finding code and free-text search narrow the table together."""
    from selenium.webdriver.common.by import By

    load(driver, EXAMPLE_PAGE)
    data = driver.execute_script("return JSON.parse(document.getElementById('audit-data').textContent)")
    choose(driver, "f-class", str(data["classes"].index("custom-restricted")))
    choose(driver, "f-org", str(data["orgs"].index("acme-ai")))
    expected = {m["id"] for m in EXAMPLE_FEED["models"]
                if m["classification"] == "custom-restricted" and m["id"].startswith("acme-ai/")}
    assert set(shown_ids(driver)) == expected
    choose(driver, "f-code", str(data["codes"].index("relabelled-derivative")))
    expected = {m for m in expected if any(f["code"] == "relabelled-derivative"
                                           for f in next(x for x in EXAMPLE_FEED["models"] if x["id"] == m)["findings"])}
    assert set(shown_ids(driver)) == expected
    load(driver, EXAMPLE_PAGE)
    driver.find_element(By.ID, "f-search").send_keys("gguf")
    assert set(shown_ids(driver)) == {m["id"] for m in EXAMPLE_FEED["models"] if "gguf" in m["id"].lower()}


def test_details_show_the_evidence_and_the_lineage_chain(driver):
    from selenium.webdriver.common.by import By

    load(driver, EXAMPLE_PAGE)
    model = next(m for m in EXAMPLE_FEED["models"] if m["id"] == "bitshrink/llama2-7b-chat-apache-GGUF")
    driver.find_element(By.CSS_SELECTOR, f'tr[data-model="{model["id"]}"] button').click()
    detail = driver.find_element(By.CSS_SELECTOR, "#model-rows tr.detail").text
    assert f"{model['id']} ← {model['base_models'][0]}" in detail
    lineage = model["findings"][0]["evidence"][0]["quote"]
    assert lineage in detail and "README.md" in detail and "license: apache-2.0" in detail
    assert chromium.console_errors(driver) == []


def test_card_payloads_run_nothing_in_the_browser(driver, tmp_path):
    """Script tags, onerror= handlers, attribute breakouts and javascript: links from a card never execute."""
    from selenium.webdriver.common.by import By

    page = tmp_path / "evil.html"
    page.write_text(render(evil_feed(), Format.HTML), encoding="utf-8")
    load(driver, page)
    evil_button = driver.execute_script(
        "return Array.from(document.querySelectorAll('#model-rows tr[data-model]'))"
        ".find(r => r.dataset.model === arguments[0]).querySelector('button')", EVIL_ID)
    evil_button.click()  # draw the evil model's details too
    assert driver.find_elements(By.CSS_SELECTOR, "#model-rows tr.detail")
    driver.find_element(By.ID, "f-search").send_keys("<script>")
    assert match_count(driver) == 1 and shown_ids(driver) == [EVIL_ID]
    for element in driver.find_elements(By.CSS_SELECTOR, "#model-rows td, article.card *"):
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", element)
    assert driver.execute_script("return window.__pwned") is None
    assert driver.title == TITLE
    assert chromium.console_errors(driver) == [], "an injected element was blocked (CSP) or failed: escaping leaked"
    assert PAYLOADS[0] in driver.find_element(By.TAG_NAME, "body").text
    hrefs = driver.execute_script(
        "return Array.from(document.links).map(a => a.getAttribute('href')).filter(h => !h.startsWith('#'))")
    assert hrefs and all(re.match(r"https://huggingface\.co/", h) for h in hrefs)


def test_trend_page_loads_without_console_errors(driver, tmp_path):
    from selenium.webdriver.common.by import By

    old = copy.deepcopy(EXAMPLE_FEED)
    old["generated_at"] = "2025-12-01T00:00:00Z"
    page = tmp_path / "trend.html"
    page.write_text(render(EXAMPLE_FEED, Format.HTML, history=[old]), encoding="utf-8")
    load(driver, page)
    assert chromium.console_errors(driver) == []
    assert len(driver.find_elements(By.CSS_SELECTOR, "#trend polyline")) == 5


def test_large_tables_are_paged_and_every_page_is_reachable(driver, tmp_path):
    """A big feed draws 100 rows at a time; paging walks through all of them."""
    from selenium.webdriver.common.by import By

    base = EXAMPLE_FEED["models"][0]
    models = [{**copy.deepcopy(base), "id": f"acme-ai/model-{i:03d}"} for i in range(250)]
    feed = {**EXAMPLE_FEED, "models": models, "summary": summarize(models)}
    page = tmp_path / "big.html"
    page.write_text(render(feed, Format.HTML), encoding="utf-8")
    load(driver, page)
    seen = []
    for _ in range(3):
        seen += shown_ids(driver)
        driver.find_element(By.ID, "p-next").click()
    assert seen == [m["id"] for m in models]
    assert driver.find_element(By.ID, "p-next").get_attribute("disabled") == "true"
