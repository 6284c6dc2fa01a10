"""Hostile inputs end to end: crafted cards, repos, Hub answers, feeds and CLI input never crash, hang, lose a
model, leak the token or write unsafe output (see tests/hostile.py for the invariants checked on every case)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.conftest import ROOT
from tests.fakehub import RESET
from tests.hostile import TOKEN, Case, check_invariants, item, json_reply, run_case

MIT = (ROOT / "auditor" / "data" / "licenses" / "MIT.txt").read_text(encoding="utf-8")
LLAMA2 = (ROOT / "auditor" / "data" / "licenses" / "llama-2-license-2023.txt").read_text(encoding="utf-8")
ESC = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"


def card(front: str, body: str = "This is an open source model.\n") -> str:
    return f"---\n{front}\n---\n{body}"


def model(text: str, **files: object) -> dict:
    return {"README.md": text, **{k.replace("_DOT_", "."): v for k, v in files.items()}}


# -- expectations beyond the invariants ----------------------------------------------------------------------


def finding(name: str, code: str):
    def check(feed: dict, run) -> None:
        codes = {f["code"] for f in run.model(name)["findings"]}
        assert code in codes, sorted(codes)
    return check


def error(name: str, code: str):
    def check(feed: dict, run) -> None:
        codes = {e["code"] for e in run.model(name)["errors"]}
        assert code in codes, sorted(codes)
    return check


def not_osi(name: str):
    def check(feed: dict, run) -> None:
        assert run.model(name)["classification"] != "osi-approved"
    return check


def judged_as(name: str, classification: str):
    def check(feed: dict, run) -> None:
        assert run.model(name)["classification"] == classification
    return check


def invalid_ids(count: int):
    def check(feed: dict, run) -> None:
        found = [m for m in feed["models"] if any(e["code"] == "invalid-id" for e in m["errors"])]
        assert len(found) == count, [m["id"] for m in feed["models"]]
        assert not any(r.path.startswith("/api/") and "/../" in r.path for r in run.requests)
    return check


def both(*checks):
    def check(feed: dict, run) -> None:
        for c in checks:
            c(feed, run)
    return check


def echo_token_on(path_part: str):
    """A server that echoes the Authorization header it got in its error message (a token probe)."""
    def answers(hub, other, path, query, headers):
        if path_part in path:
            auth = headers.get("Authorization") or ""
            return 403, {"X-Error-Message": f"forbidden for {auth}", "Content-Type": "text/plain"}, auth.encode()
        return None
    return answers


def deep_json(levels: int) -> bytes:
    return b'{"license": ' + b"[" * levels + b"]" * levels + b"}"


# -- the table ------------------------------------------------------------------------------------------------

CARDS = [
    Case("lone surrogate in license_name", "card", {"m": model(card('license: other\nlicense_name: "x\\ud800y"'))}),
    Case("lone surrogate in license list", "card", {"m": model(card('license: ["mit", "\\udfff"]'))}),
    Case("surrogate pair escapes", "card", {"m": model(card('license_name: "\\ud83d\\ude00 smile"'))}),
    Case("OSC and CSI in license", "card", {"m": model(card(f'license: "{ESC.encode("unicode_escape").decode()}"'))}),
    Case("ESC in body claim", "card", {"m": model(card("license: cc-by-nc-4.0", f"Fully open source {ESC} model.\n"))}),
    Case("C1 CSI in license_name", "card", {"m": model(card('license: other\nlicense_name: "a\\x9b2Jb\\x9d0;t\\x9c"'))}),
    Case("bidi override in license_name", "card", {"m": model(card('license: other\nlicense_name: "mit\\u202egnp.exe"'))}),
    Case("bidi isolates and marks in body", "card",
         {"m": model(card("license: mit", "Open source \u2066\u2067\u2068x\u2069\u200f\u061c model.\n"))}),
    Case("carriage return overwrite", "card", {"m": model(card('license: other\nlicense_name: "apache-2.0\\rmit"'))}),
    Case("NUL and backspace in values", "card", {"m": model(card('license: other\nlicense_name: "a\\0b\\bc"'))}),
    Case("markdown and HTML injection", "card", {"m": model(card(
        'license: other\nlicense_name: "<img src=x onerror=alert(1)> | x | [a](javascript:alert(1)) @everyone"',
        "<script>alert(1)</script> open source | col | ![i](http://x/y.png) @org/team\n"))}),
    Case("rich markup injection", "card", {"m": model(card(
        'license: other\nlicense_name: "[link=file:///etc/passwd]x[/link] [bold red]y"'))}),
    Case("backslash at end of value", "card", {"m": model(card("license: other\nlicense_name: 'ends with \\'"))}),
    Case("5000 nested brackets", "card", {"m": model(card("license: " + "[" * 5000 + "]" * 5000))},
         expect=finding("m", "card-metadata-invalid")),
    Case("3000 nested mappings", "card", {"m": model(card("license: " + "{a: " * 3000 + "1" + "}" * 3000))},
         expect=finding("m", "card-metadata-invalid")),
    Case("deep block nesting", "card", {"m": model(card("license:\n" + "".join(" " * i + "- \n" for i in range(200))))},
         expect=finding("m", "card-metadata-invalid")),
    Case("5000 digit int", "card", {"m": model(card("license: " + "9" * 5000))}, expect=finding("m", "card-metadata-invalid")),
    Case("5000 hex digit int", "card", {"m": model(card("license: 0x" + "f" * 5000))},
         expect=finding("m", "card-metadata-invalid")),
    Case("sexagesimal int", "card", {"m": model(card("license: 190:20:30"))}),
    Case("float inf and nan", "card", {"m": model(card("license: [.inf, .nan, -.inf, 1e400]"))}),
    Case("impossible date", "card", {"m": model(card("license: 2026-02-30"))}, expect=finding("m", "card-metadata-invalid")),
    Case("datetime license", "card", {"m": model(card("license: 2026-01-01T10:00:00Z"))}),
    Case("billion laughs", "card", {"m": model(card(
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
                  for i in range(8)) + "license: mit"))}, expect=finding("m", "card-metadata-invalid")),
    Case("merge key without alias", "card", {"m": model(card("<<: {license: mit}\nlicense_name: x"))}),
    Case("python object tag", "card", {"m": model(card("license: !!python/object/apply:os.system ['id']"))},
         expect=finding("m", "card-metadata-invalid")),
    Case("binary, set and omap tags", "card", {"m": model(card(
        "license: !!binary aGVsbG8=\nlicense_name: !!set {a, b}\nlicense_link: !!omap [{a: 1}]"))}),
    Case("unhashable key", "card", {"m": model(card("? [a, b]\n: c\nlicense: mit"))}, expect=finding("m", "card-metadata-invalid")),
    Case("15000 keys", "card", {"m": model(card("\n".join(f"k{i}: v" for i in range(15000)) + "\nlicense: mit"))}),
    Case("duplicate license keys", "card", {"m": model(card("license: cc-by-nc-4.0\nlicense: mit"))},
         expect=finding("m", "card-metadata-invalid")),
    Case("front matter over 256 KiB", "card", {"m": model(card("license: mit\nx: '" + "y" * 300_000 + "'"))},
         expect=finding("m", "card-metadata-invalid")),
    Case("front matter is a list", "card", {"m": model(card("- license: mit"))}, expect=finding("m", "card-metadata-invalid")),
    Case("front matter is a scalar", "card", {"m": model(card("just words"))}, expect=finding("m", "card-metadata-invalid")),
    Case("unterminated front matter", "card", {"m": model("---\nlicense: mit\nopen source model\n")}),
    Case("tabs and bad indentation", "card", {"m": model(card("license:\n\t- mit\n  x: [\n"))}),
    Case("license is a mapping", "card", {"m": model(card("license: {id: mit, url: x}\nlicense_name: [a, {b: c}]"))}),
    Case("license yes/no/null", "card", {"m": model(card("license: [yes, no, null, ~, '']"))}),
    Case("empty README", "card", {"m": model("")}),
    Case("README of dashes only", "card", {"m": model("---\n---\n---\n")}),
    Case("BOM and CRLF", "card", {"m": model("\ufeff---\r\nlicense: mit\r\n---\r\nOpen source.\r\n")}),
    Case("invalid UTF-8 card", "card", {"m": {"README.md": b"---\nlicense: \xff\xfe\xc0\n---\nopen source \xed\xa0\x80\n"}}),
    Case("binary garbage card", "card", {"m": {"README.md": bytes(range(256)) * 40}}),
    Case("card over the 1 MiB cap", "card", {"m": model(card("license: mit", "An open source model.\n\n" * 50_000))},
         expect=error("m", "too-large")),
    Case("token in the card text", "card", {"m": model(card(f"license: other\nlicense_name: {TOKEN}", f"key {TOKEN}\n"))}),
    Case("astral, zero-width and RTL text", "card",
         {"m": model(card("license: mit", "𝕠𝕡𝕖𝕟 \u200b\u200d نموذج مفتوح المصدر open source 🤗\n"))}),
    Case("license_link into another repo", "card", {"m": model(card(
        "license: other\nlicense_link: https://huggingface.co/meta-llama/Llama-2-7b/blob/main/LICENSE"), LICENSE=MIT)},
         expect=both(not_osi("m"), finding("m", "license-elsewhere"))),
    Case("license_link traversal", "card", {"m": model(card("license: other\nlicense_link: ../../etc/passwd"), LICENSE=MIT)}),
    Case("license_link javascript URL", "card", {"m": model(card("license: mit\nlicense_link: 'javascript:alert(1)'"))}),
    Case("license_link with ESC", "card", {"m": model(card(f"license: mit\nlicense_link: \"x{ESC.encode('unicode_escape').decode()}\""))}),
    Case("50 base models", "card", {"m": model(card("license: mit\nbase_model:\n" + "".join(f"- org{i}/base{i}\n" for i in range(50))))}),
    Case("base_model not a string", "card", {"m": model(card("license: mit\nbase_model: {a: [1, 2]}"))}),
    Case("256 KiB of newlines", "card", {"m": model(card("license: mit", "\n" * 262_144 + "open source\n"))}),
    Case("256 KiB of dash lines", "card", {"m": model("---\n" * 65_536)}),
    Case("10000 License headings", "card", {"m": model(card("license: mit", "# License\nNon-commercial only.\n" * 10_000))}),
    Case("CR-only line ends", "card", {"m": model("---\rlicense: mit\r---\rOpen source.\r" * 3)}),
]

REPOS = [
    Case("ESC in LICENSE", "repo", {"m": model(card("license: other"), LICENSE=f"{ESC} You may not use this commercially. {ESC}")}),
    Case("LICENSE over the cap, MIT start", "repo",
         {"m": model(card("license: mit"), LICENSE=MIT + "\n" + "Additional terms. " * 40_000)},
         expect=error("m", "too-large")),
    Case("LICENSE over the cap, Llama start", "repo",
         {"m": model(card("license: other"), LICENSE=LLAMA2 + "\n" + "Additional terms. " * 40_000)},
         expect=both(error("m", "too-large"), not_osi("m"))),
    Case("binary LICENSE", "repo", {"m": model(card("license: mit"), LICENSE=bytes(range(256)) * 100)}),
    Case("invalid UTF-8 LICENSE", "repo", {"m": model(card("license: mit"), LICENSE=b"MIT \xff\xfe\xed\xa0\x80 License")}),
    Case("empty LICENSE", "repo", {"m": model(card("license: mit"), LICENSE="")}),
    Case("40 license-like files", "repo", {"m": {"README.md": card("license: mit"),
                                                 **{f"LICENSE-{i}.md": MIT for i in range(40)}}}),
    Case("license file name with ESC", "repo", {"m": {"README.md": card("license: mit"), "licenses/\x1b]0;x\x07.txt": MIT}}),
    Case("error message with ESC", "repo", {"m": {"README.md": card("license: mit"), "LICENSE": MIT, "_meta.json": {
        "file_errors": {"LICENSE": {"status": 500, "code": None, "message": f"boom {ESC}"}}}}}),
    Case("error message echoes the token", "token", {"m": {"README.md": card("license: mit"), "LICENSE": MIT, "_meta.json": {
        "file_errors": {"LICENSE": {"status": 403, "code": None, "message": f"bad token {TOKEN}"}}}}}),
    Case("README always 500", "repo", {"m": {"README.md": card("license: mit"), "_meta.json": {
        "file_errors": {"*": {"status": 500, "code": None, "message": "down"}}}}}, expect=error("m", "http-error")),
    Case("gated with weird value", "repo", {"m": {"README.md": card("license: mit"), "_meta.json": {"gated": "\x1b[2J"}}}),
    Case("sha with path traversal", "repo", {"m": {"README.md": card("license: mit"), "_meta.json": {"sha": "../../x"}}}),
    Case("README listed but missing", "repo", {"m": model(card("license: mit"), LICENSE=MIT)},
         answers=lambda hub, other, path, query, headers: (404, {"X-Error-Code": "EntryNotFound", "X-Error-Message":
                                                                "Entry not found"}, b"") if path.endswith("/README.md") else None,
         expect=finding("m", "card-missing")),
    Case("README redirects to another origin", "token", {"m": model(card("license: mit"))},
         answers=lambda hub, other, path, query, headers: (302, {"Location": f"{other.url}{path}"}, b"")
         if path.endswith("/README.md") else None),
    Case("tags with controls", "repo", {"m": {"README.md": card("license: mit"), "_meta.json": {"tags": ["\x1b[2J", "base_model:\x9bx/y"]}}}),
]

LISTING = [
    Case("id without a slash", "listing", listing=[item("noslash")], exit_codes=frozenset({0, 1, 3}), expect=invalid_ids(1)),
    Case("id with a space", "listing", listing=[item("a b/c d")], exit_codes=frozenset({0, 1, 3}), expect=invalid_ids(1)),
    Case("id with dot-dot", "listing", listing=[item("../api"), item("x/..")], exit_codes=frozenset({0, 1, 3}),
         expect=invalid_ids(2)),
    Case("id with three parts", "listing", listing=[item("a/b/c")], exit_codes=frozenset({0, 1, 3}), expect=invalid_ids(1)),
    Case("empty id", "listing", listing=[item("")], exit_codes=frozenset({0, 1, 3}), expect=invalid_ids(1)),
    Case("id with lone surrogate", "listing", listing=[item("h/\ud800")], exit_codes=frozenset({0, 1, 3}), expect=invalid_ids(1)),
    Case("id with ESC", "listing", listing=[item("h/a\x1b]0;pwn\x07")], exit_codes=frozenset({0, 1, 3}), expect=invalid_ids(1)),
    Case("id too long", "listing", listing=[item("h/" + "a" * 200)], exit_codes=frozenset({0, 1, 3}), expect=invalid_ids(1)),
    Case("valid and invalid ids mixed", "listing",
         repos={"ok": model(card("license: mit"))}, listing=[item("{org}/ok"), item("bad id")], expect=invalid_ids(1)),
    Case("items that are not objects", "listing", repos={"ok": model(card("license: mit"))},
         listing=[None, 5, "x", [1], item("{org}/ok"), {"id": 5}, {"id": None}]),
    Case("300 items in one page", "listing", listing=[item(f"h/m{i}", cardData={"license": "mit"}) for i in range(300)]),
    Case("duplicate ids", "listing", repos={"ok": model(card("license: mit"))}, listing=[item("{org}/ok")] * 5),
    Case("cardData with surrogate", "listing", listing=[item("h/m", cardData={"license": "mit\ud800", "license_name": "\udc00"})]),
    Case("cardData with ESC", "listing", listing=[item("h/m", cardData={"license": ESC, "license_name": "\x9b2J"})]),
    Case("cardData not a mapping", "listing", listing=[item("h/a", cardData="license: mit"), item("h/b", cardData=[1, 2])]),
    Case("cardData 300 levels deep", "listing", listing=[item("h/m", cardData=json.loads(deep_json(300)))]),
    Case("siblings odd", "listing", listing=[item("h/a", siblings="x"), item("h/b", siblings=[1, None, {"rfilename": 5}])]),
    Case("10000 siblings", "listing", listing=[item("h/m", siblings=[{"rfilename": f"LICENSE-{i}.txt"} for i in range(10000)])]),
    Case("fields of the wrong type", "listing", listing=[item("h/m", sha=5, gated=[1], tags="x", lastModified={"a": 1},
                                                          private="no", disabled=None)]),
    Case("listing page is an object", "listing", answers=lambda hub, other, path, query, headers:
         json_reply({"error": "x"}) if path == "/api/models" else None, exit_codes=frozenset({3})),
    Case("listing is not JSON", "listing", answers=lambda hub, other, path, query, headers:
         json_reply(b"<html>\x1b[2J") if path == "/api/models" else None, exit_codes=frozenset({3})),
    Case("listing error message with ESC", "listing", answers=lambda hub, other, path, query, headers:
         json_reply({"error": ESC}, 400, {"X-Error-Message": ESC}) if path == "/api/models" else None,
         exit_codes=frozenset({3})),
]

TOKENS = [
    Case("file server echoes Authorization", "token", {"m": model(card("license: mit"), LICENSE=MIT)},
         answers=echo_token_on("/LICENSE")),
    Case("README server echoes Authorization", "token", {"m": model(card("license: mit"))}, answers=echo_token_on("/README.md")),
    Case("listing echoes Authorization", "token", answers=lambda hub, other, path, query, headers: json_reply(
        {"error": headers.get("Authorization")}, 400, {"X-Error-Message": headers.get("Authorization") or ""})
        if path == "/api/models" else None, exit_codes=frozenset({3})),
    Case("model info echoes Authorization", "token", targets=(), args=("--model", "{org}/m"),
         answers=lambda hub, other, path, query, headers: json_reply(
             {"error": headers.get("Authorization")}, 500, {"X-Error-Message": headers.get("Authorization") or ""})
         if path.startswith("/api/models/") else None, exit_codes=frozenset({3})),
    Case("listed id is the token", "token", listing=[item(f"h/{TOKEN}"), item(TOKEN)], exit_codes=frozenset({0, 1, 3})),
]

INTERRUPTED = [
    Case("Hub drops every file read", "interrupted", {"a": model(card("license: mit")), "b": model(card("license: mit"))},
         answers=lambda hub, other, path, query, headers: RESET if "/resolve/" in path else None,
         exit_codes=frozenset({3}), expect=error("a", "network-error")),
    Case("Hub drops the second model's reads", "interrupted",
         {"a": model(card("license: mit")), "b": model(card("license: mit"), LICENSE=MIT)},
         answers=lambda hub, other, path, query, headers: RESET if "/b/resolve/" in path else None,
         expect=both(error("b", "network-error"), judged_as("a", "osi-approved"))),
    Case("Hub answers 401 to everything after the listing", "interrupted", {"a": model(card("license: mit"))},
         answers=lambda hub, other, path, query, headers: (401, {"X-Error-Message": "Invalid credentials in Authorization"
                                                                 " header"}, b"") if "/resolve/" in path else None),
]

CASES = CARDS + REPOS + LISTING + TOKENS + INTERRUPTED


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_keeps_every_invariant(case, tmp_path):
    """No crash, no hang, no model lost, no token leaked, every output parses and is inert."""
    check_invariants(case, run_case(case, tmp_path))


def test_the_suite_covers_every_kind_of_input():
    """The table stays a table of every kind (cards, repo contents, Hub answers, token probes)."""
    kinds = Counter(case.kind for case in CASES)
    assert {"card", "repo", "listing", "token", "interrupted"} <= set(kinds), kinds
    assert len({case.id for case in CASES}) == len(CASES)


# -- cases whose fix is on the issue-8 branch (one request policy): they fail here, enable them after merging ----

def _next_link(to):
    """Listing pages whose `Link: rel="next"` goes to `to(hub, other, query)`."""
    def answers(hub, other, path, query, headers):
        if path == "/api/models":
            page = [item(f"{query.split('author=')[1].split('&')[0]}/m{len(query)}")] if "author=" in query else []
            return json_reply(page, headers={"Link": f'<{to(hub, other, query)}>; rel="next"'})
        return None
    return answers


def _listing_429(**headers):
    return lambda hub, other, path, query, h: json_reply({"error": "slow down"}, 429, headers) if path == "/api/models" else None


def _no_whoami(feed, run):
    assert not any(r.path.startswith("/api/whoami") for r in run.requests)


def _few_metadata_calls(feed, run):
    assert sum(r.path.startswith("/api/models/") for r in run.requests) <= 100


ISSUE_8 = [
    Case("Link next to itself", "listing", answers=_next_link(lambda hub, other, q: f"{hub.url}/api/models?{q}"),
         exit_codes=frozenset({0, 1, 3})),
    Case("Link next always new", "listing", answers=_next_link(lambda hub, other, q: f"{hub.url}/api/models?{q}&x=1"),
         exit_codes=frozenset({0, 1, 3})),
    Case("Link next to another origin", "token", answers=_next_link(lambda hub, other, q: f"{other.url}/api/models?{q}"),
         exit_codes=frozenset({0, 1, 3})),
    Case("RateLimit t=99999", "listing", answers=_listing_429(RateLimit='"api";r=0;t=99999'), exit_codes=frozenset({3})),
    Case("RateLimit t of 400 digits", "listing", answers=_listing_429(RateLimit='"api";r=0;t=' + "9" * 400),
         exit_codes=frozenset({3})),
    Case("Retry-After soon maybe", "listing", answers=_listing_429(**{"Retry-After": "soon, maybe"}), exit_codes=frozenset({3})),
    Case("cardData 1500 levels deep", "listing", answers=lambda hub, other, path, query, headers: json_reply(
        b'[{"id": "h/a", "sha": "' + b"a" * 40 + b'"}, {"id": "h/m", "cardData": ' + deep_json(1500) + b"}]")
        if path == "/api/models" else None, exit_codes=frozenset({0, 1})),
    Case("gzip-mislabelled README", "repo", {"m": model(card("license: mit"))}, answers=lambda hub, other, path, query, headers:
         (200, {"Content-Encoding": "gzip", "Content-Type": "text/plain"}, b"not gzip at all") if path.endswith("README.md") else None),
    Case("redirect loop on README", "repo", {"m": model(card("license: mit"))}, answers=lambda hub, other, path, query, headers:
         (302, {"Location": path}, b"") if path.endswith("README.md") else None),
    Case("base_model traversal to whoami", "card", {"m": model(card("license: mit\nbase_model: ../whoami-v2"))},
         expect=_no_whoami),
    Case("1500 base models", "card", {"m": model(card("license: mit\nbase_model:\n" + "".join(
        f"- org{i}/base{i}\n" for i in range(1500))))}, expect=_few_metadata_calls),
]


@pytest.mark.parametrize("case", ISSUE_8, ids=[c.id for c in ISSUE_8])
def test_hostile_hub_answer_keeps_every_invariant(case, tmp_path):
    """The same invariants for the request policy's hostile answers (pagination, waits, redirects, fan-out)."""
    check_invariants(case, run_case(case, tmp_path))
