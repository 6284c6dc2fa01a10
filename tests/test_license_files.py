"""License files under the names publishers use, and the ones that cannot be read (a PDF, binary, past the cap):
found by name, reported with their path, and never letting a declared open id stand unconfirmed beside them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from huggingface_hub import HfApi, hf_hub_download

from auditor.errors import HubError
from auditor.hub.answers import text_of
from auditor.hub.client import Hub
from auditor.hub.crawl import MAX_LICENSE_FILES, MAX_UNREAD_LISTED, is_primary_license_file, license_candidates
from auditor.hub.licensefiles import is_document
from auditor.models import LicenseClass
from auditor.pipeline.audit import run
from tests.fakehub import FakeHub

#: A small PDF as publishers upload them (a binary stream after the header, so NUL bytes).
PDF = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 12 /Filter /FlateDecode >>\nstream\nx\x9c\x00\x01\x02\x03"
       b"\xff\xfe\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
MIT = ("MIT License\n\nCopyright (c) 2024 Acme\n\nPermission is hereby granted, free of charge, to any person obtaining "
       "a copy of this software and associated documentation files (the \"Software\"), to deal in the Software without "
       "restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, "
       "sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do "
       "so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be "
       "included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT "
       "WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, "
       "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE "
       "LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING "
       "FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n")
NON_COMMERCIAL = "You may use the Model for non-commercial research purposes only. Commercial use is prohibited.\n"


def card(license_id: str = "apache-2.0") -> str:
    return f"---\nlicense: {license_id}\n---\n# Acme model\n\nA small model.\n"


def make_repo(root: Path, repo_id: str, files: dict[str, str | bytes], readme: str | None = None) -> None:
    folder = root / "models" / repo_id
    folder.mkdir(parents=True, exist_ok=True)
    for path, data in {"README.md": readme or card(), "config.json": "{}", **files}.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def audit_one(hub: FakeHub, repo_id: str = "acme/model"):
    report = run(Hub(hub.url), models=[repo_id], workers=1)
    (result,) = report.results
    return result


def resolved(hub: FakeHub) -> list[str]:
    return sorted(r.path.split("/resolve/", 1)[1].split("/", 1)[1] for r in hub.requests if "/resolve/" in r.path)


# -- which names are license-like (a data table: auditor/data/license-files.tsv) ---------------------------------

@pytest.mark.parametrize("name", [
    "LICENSE", "LICENCE", "license.txt", "License.md", "LICENSE.rst", "COPYING", "LICENSE.pdf", "LICENSE.zh.md",
    "LICENSE.zh-CN.txt", "LICENSE_CN", "LICENSE-zh", "LICENSE-APACHE", "LICENSE-WEIGHTS", "LICENSE-MODEL",
    "MODEL_LICENSE", "MODEL-LICENSE", "Model_License.md", "MODEL_LICENSE_AGREEMENT.txt", "COMMERCIAL_LICENSE.md",
    "llama_license.txt", "EULA", "EULA.txt", "eula.pdf", "TERMS.md", "TERMS_OF_USE.md", "Terms-and-Conditions.pdf",
    "USE_POLICY.md", "ACCEPTABLE_USE_POLICY.md", "usage-policy.txt", "NOTICE", "NOTICE.txt",
    "Community License for Baichuan 2 Model.pdf", "Baichuan 2模型社区许可协议.pdf", "模型许可证.md", "利用規約.txt",
    "licenses/LICENSE-model.txt", "LICENSES/Apache-2.0.txt", "licenses/third-party.md", "legal/terms.md",
])
def test_license_like_files_are_found_under_the_names_publishers_use(name):
    assert license_candidates(["README.md", "config.json", "model.safetensors", name]) == [name]


@pytest.mark.parametrize("name", [
    "config.json", "model.safetensors", "license_plate_detector.onnx", "license.py", "src/LICENSE",
    "tokenizer/LICENSE.txt", "licenses/sub/deep.txt", "docs/terms.md", "noticeboard.md", "termsheet.csv",
    "policy_net.pt", "README.md", "LICENSE.py", "notice.sh",
])
def test_other_files_are_not_taken_for_license_files(name):
    assert license_candidates(["README.md", name]) == []


@pytest.mark.parametrize(("name", "primary"), [
    ("LICENSE", True), ("LICENSE.zh.md", True), ("MODEL_LICENSE", True), ("EULA.txt", True), ("TERMS_OF_USE.md", True),
    ("COPYING", True), ("USE_POLICY.md", False), ("NOTICE", False), ("LICENSE-APACHE", False),
    ("licenses/LICENSE", False),
])
def test_the_repos_main_terms_are_the_primary_files(name, primary):
    assert is_primary_license_file(name) is primary


@pytest.mark.parametrize(("name", "document"), [
    ("LICENSE.pdf", True), ("EULA.docx", True), ("terms.odt", True), ("LICENSE.rtf", True),
    ("Community License for Baichuan 2 Model.pdf", True), ("LICENSE", False), ("LICENSE.md", False),
    ("LICENSE-APACHE", False),
])
def test_documents_that_are_not_plain_text_are_known_by_their_extension(name, document):
    assert is_document(name) is document


def test_the_main_license_ranks_first_and_the_cards_link_before_it():
    files = ["NOTICE", "USE_POLICY.md", "LICENSE", "licenses/A.txt", "EULA.txt", "TERMS.md"]
    assert license_candidates(files)[0] == "LICENSE"
    assert license_candidates(files)[-1] == "licenses/A.txt"
    assert license_candidates(files, "TERMS.md")[0] == "TERMS.md"


def _table_rows() -> list[dict[str, str]]:
    import csv

    path = Path(__file__).resolve().parent.parent / "auditor" / "data" / "license-files.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("row", [r for r in _table_rows() if r["kind"] in ("name", "dir")], ids=lambda r: r["value"][:30])
def test_every_row_of_the_name_table_finds_its_own_examples(row):
    for example in row["examples"].split(", "):
        assert license_candidates(["README.md", example]) == [example], example


# -- bodies that are not text --------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "kind"), [
    (PDF, "a PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "an OLE2 document"),
    (b"Licensed\x00under\x00", "binary data"),
    ("本模型仅限学术研究使用，不得用于商业用途。".encode("gb18030") * 10, "not UTF-8 text"),
])
def test_a_body_that_is_not_text_is_refused_with_what_it_is(body, kind):
    with pytest.raises(HubError) as caught:
        text_of(body)
    assert caught.value.code == "not-text" and kind in caught.value.message


@pytest.mark.parametrize(("body", "text"), [
    (b"\xef\xbb\xbfMIT License", "MIT License"),
    ("MIT License ©".encode("utf-16"), "MIT License ©"),
    (b"Copyright \xa9 2024 Acme. MIT License" + b" permission granted" * 20, None),  # one stray Latin-1 byte
    ("本模型仅限学术研究使用".encode("utf-8")[:-1], None),  # cut inside the last character by the size cap
])
def test_text_survives_a_bom_utf16_and_a_few_bad_bytes(body, text):
    decoded = text_of(body)
    assert text is None or decoded == text


# -- the fake Hub serves them as the Hub does -----------------------------------------------------------------

def test_the_fake_hub_serves_a_pdf_as_an_lfs_file_through_the_cdn(tmp_path):
    """Siblings list the PDF like any file; /resolve/ is a 302 carrying the content's sha256 and size; the CDN
    answers the bytes with no Content-Type; /raw/ is the LFS pointer; the real client downloads it whole."""
    make_repo(tmp_path, "acme/model", {"LICENSE.pdf": PDF})
    with FakeHub(tmp_path) as hub:
        info = HfApi(endpoint=hub.url).model_info("acme/model")
        path = hf_hub_download("acme/model", "LICENSE.pdf", endpoint=hub.url, cache_dir=tmp_path / "cache")
        import requests

        redirect = requests.get(f"{hub.url}/acme/model/resolve/main/LICENSE.pdf", allow_redirects=False)
        cdn = requests.get(redirect.headers["Location"])
        raw = requests.get(f"{hub.url}/acme/model/raw/main/LICENSE.pdf")
    assert "LICENSE.pdf" in {s.rfilename for s in info.siblings}
    assert Path(path).read_bytes() == PDF
    assert redirect.status_code == 302 and redirect.headers["X-Linked-Size"] == str(len(PDF))
    assert redirect.headers["X-Linked-Etag"] == f'"{hashlib.sha256(PDF).hexdigest()}"'
    assert cdn.content == PDF and "Content-Type" not in cdn.headers and "LICENSE.pdf" in cdn.headers["Content-Disposition"]
    assert raw.text.startswith("version https://git-lfs.github.com/spec/v1") and f"size {len(PDF)}" in raw.text


# -- verdicts beside files that could not be read --------------------------------------------------------------

def test_a_pdf_license_beside_a_declared_apache_id_makes_it_unknown_with_the_files_path(tmp_path):
    make_repo(tmp_path, "acme/model", {"LICENSE.pdf": PDF})
    with FakeHub(tmp_path) as hub:
        result = audit_one(hub)
        read = resolved(hub)
    assert result.classification is LicenseClass.UNKNOWN
    governing = result.verdict.governing
    assert governing.matcher == "license-file-unread" and governing.evidence.file == "LICENSE.pdf"
    assert governing.reason.startswith("the repo ships LICENSE.pdf, which could not be read: a PDF document")
    assert governing.reason.endswith("the declared apache-2.0 is not confirmed")
    unreadable = [f for f in result.findings if f.code == "file-unreadable"]
    assert [e.file for f in unreadable for e in f.evidence] == ["LICENSE.pdf"]
    assert read == ["README.md"]  # a PDF is never fetched: no request spent on it


@pytest.mark.parametrize(("files", "license_id", "expected", "why"), [
    ({}, "apache-2.0", "osi-approved", "nothing beside the id"),
    ({"LICENSE": MIT}, "mit", "osi-approved", "the license file confirms the id"),
    ({"LICENSE-APACHE-2.0.pdf": PDF}, "apache-2.0", "osi-approved", "the PDF's name is the declared license"),
    ({"licenses/Apache-2.0.pdf": PDF}, "apache-2.0", "osi-approved", "the PDF's name is the declared license"),
    ({"LICENSE-MIT.pdf": PDF}, "apache-2.0", "unknown", "the PDF's name is another license"),
    ({"Community License for Baichuan 2 Model.pdf": PDF}, "apache-2.0", "unknown", "a community license in a PDF"),
    ({"Baichuan 2模型社区许可协议.pdf": PDF}, "apache-2.0", "unknown", "a Chinese-named PDF"),
    ({"LICENSE": MIT, "LICENSE.pdf": PDF}, "mit", "unknown", "a PDF beside a readable copy may say more"),
    ({"EULA.docx": b"PK\x03\x04\x14\x00word/document.xml"}, "cc-by-4.0", "unknown", "open-non-osi is not confirmed either"),
    ({"LICENSE": PDF}, "apache-2.0", "unknown", "a PDF under a text name, served through the CDN"),
    ({"LICENSE": "仅限学术研究使用。".encode("gb18030") * 20}, "apache-2.0", "unknown", "not UTF-8"),
    ({"LICENSE.pdf": PDF}, "cc-by-nc-4.0", "custom-restricted", "already restrictive: stays so"),
    ({"EULA.txt": NON_COMMERCIAL}, "apache-2.0", "custom-restricted", "an EULA is read"),
    ({"TERMS_OF_USE.md": NON_COMMERCIAL}, "mit", "custom-restricted", "terms of use are read"),
    ({"licenses/LICENSE-model.txt": NON_COMMERCIAL}, "apache-2.0", "custom-restricted", "a licenses/ folder is read"),
    ({"LICENSE.zh.md": "本模型仅限非商业用途使用，禁止商业使用。\n"}, "apache-2.0", "custom-restricted", "a translated licence"),
    ({"Model_License.md": NON_COMMERCIAL}, "apache-2.0", "custom-restricted", "Model_License.md is read"),
])
def test_the_verdict_beside_license_like_files(tmp_path, files, license_id, expected, why):
    make_repo(tmp_path, "acme/model", files, card(license_id))
    with FakeHub(tmp_path) as hub:
        result = audit_one(hub)
    assert result.classification.value == expected, why
    unread = {e.file for f in result.findings if f.code == "file-unreadable" for e in f.evidence}
    assert unread == {p for p, data in files.items() if isinstance(data, bytes)}  # every unread file named


def test_license_files_past_the_cap_are_listed_as_not_read_and_leave_the_terms_unknown(tmp_path):
    names = [f"licenses/LICENSE-{n:02d}.txt" for n in range(MAX_LICENSE_FILES + 3)]
    make_repo(tmp_path, "acme/model", {"LICENSE": MIT, **{n: MIT for n in names}}, card("mit"))
    with FakeHub(tmp_path) as hub:
        result = audit_one(hub)
        read = resolved(hub)
    assert len(read) == 1 + MAX_LICENSE_FILES and "LICENSE" in read
    unread = [e.file for f in result.findings if f.code == "file-unreadable" for e in f.evidence]
    assert unread == names[-4:]  # the lowest ranked, each by name
    assert result.classification is LicenseClass.UNKNOWN


def test_past_the_listing_bound_the_rest_are_counted_not_dropped(tmp_path):
    names = [f"licenses/{n:03d}.md" for n in range(MAX_LICENSE_FILES + MAX_UNREAD_LISTED + 5)]
    make_repo(tmp_path, "acme/model", {n: "MIT License" for n in names}, card("mit"))
    with FakeHub(tmp_path) as hub:
        result = audit_one(hub)
    unreadable = [f for f in result.findings if f.code == "file-unreadable"]
    assert len(unreadable) == MAX_UNREAD_LISTED + 1
    assert "nor the 4 other license-like files" in unreadable[-1].message


@pytest.mark.parametrize("files", [{}, {"model.safetensors": b"\x00" * 64, "tokenizer.json": "{}"},
                                   {"LICENSE.pdf": PDF}])
def test_a_model_without_readable_license_files_costs_only_its_card(tmp_path, files):
    make_repo(tmp_path, "acme/model", files)
    with FakeHub(tmp_path) as hub:
        audit_one(hub)
        read = resolved(hub)
        api = [r.path for r in hub.requests if r.path.startswith("/api/")]
    assert read == ["README.md"] and api == ["/api/models/acme/model"]


def test_a_gated_repo_whose_policy_cannot_be_read_is_not_open(tmp_path):
    """The Hub serves a gated repo's LICENSE to anyone, not its USE_POLICY.md: the policy's terms are unknown."""
    make_repo(tmp_path, "acme/model", {"LICENSE": MIT, "USE_POLICY.md": NON_COMMERCIAL}, card("mit"))
    (tmp_path / "models" / "acme" / "model" / "_meta.json").write_text(json.dumps({"gated": "auto"}))
    with FakeHub(tmp_path) as hub:
        result = audit_one(hub)
    assert result.classification is LicenseClass.UNKNOWN
    assert "USE_POLICY.md" in result.verdict.governing.reason


def test_a_card_that_is_not_text_is_a_read_error_on_the_model_never_garbage_parsed(tmp_path):
    make_repo(tmp_path, "acme/model", {}, readme=None)
    (tmp_path / "models" / "acme" / "model" / "README.md").write_bytes(PDF)
    with FakeHub(tmp_path) as hub:
        result = audit_one(hub)
    assert [(e.code, e.file) for e in result.errors] == [("not-text", "README.md")]
    assert result.classification is LicenseClass.UNKNOWN and not result.claims
