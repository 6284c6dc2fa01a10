"""Model card parsing: the Hub's front-matter rule, safe YAML with limits, never a crash."""

from __future__ import annotations

import pytest

from auditor.cards.frontmatter import MAX_METADATA_BYTES, license_fields, parse_card


@pytest.mark.parametrize(
    ("text", "metadata"),
    [
        ("---\nlicense: mit\n---\n# Title\n", {"license": "mit"}),
        ("\ufeff---\nlicense: mit\n---\nbody", {"license": "mit"}),
        ("\n\n---\nlicense: mit\n---\nbody", {"license": "mit"}),
        ("---\r\nlicense: mit\r\n---\r\nbody", {"license": "mit"}),
        ("---\nlicense: mit\n---   \nbody", {"license": "mit"}),
        ("---\nlicense: [apache-2.0, mit]\n---\n", {"license": ["apache-2.0", "mit"]}),
        ("---\n\n---\nbody", {}),
    ],
)
def test_front_matter_is_parsed_as_the_hub_does(text, metadata):
    """BOM, leading blank lines, CRLF and trailing spaces on the closer are all accepted."""
    card = parse_card(text)
    assert card.error is None
    assert card.metadata == metadata


@pytest.mark.parametrize("text", ["# Title\n---\nlicense: mit\n---\n", "no front matter at all", ""])
def test_a_block_that_does_not_start_the_file_is_not_metadata(text):
    """Only a block at the very top is front matter; the rest is body."""
    card = parse_card(text)
    assert card.metadata is None and card.error is None
    assert card.body == text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("---\nlicense: [mit\n---\nbody", "invalid YAML"),
        ("---\n- a\n- b\n---\nbody", "not a mapping"),
        ("---\na: &x [1, 2]\nb: *x\n---\n", "aliases"),
        ("---\nfoo: bar\n----\nfoo: 1\n---\n", "invalid YAML"),
    ],
)
def test_broken_front_matter_is_reported_not_raised(text, fragment):
    """Invalid YAML, a non-mapping block or YAML aliases become an error message, and the body survives."""
    card = parse_card(text)
    assert card.metadata is None
    assert fragment in card.error


@pytest.mark.parametrize(
    ("front", "recovered"),
    [
        ("widget:\n- text: [\n\t\t\"tab-indented\"\n\t]\nlicense: apache-2.0", {"license": "apache-2.0"}),
        ("license: \twtfpl\ntags: [a", {"license": "wtfpl"}),
        ("license: other\nlicense_name: 'acme-research-license'  # see LICENSE\nlicense_link: LICENSE\nx: [",
         {"license": "other", "license_name": "acme-research-license", "license_link": "LICENSE"}),
        ("base_model:\n- meta-llama/Llama-2-7b-hf\n  - \"mistralai/Mistral-7B-v0.1\"\nlicense: [mit, apache-2.0]\nx: [",
         {"base_model": ["meta-llama/Llama-2-7b-hf", "mistralai/Mistral-7B-v0.1"], "license": ["mit", "apache-2.0"]}),
        ("license: cc-by-nc-4.0\nlicense: mit", {"license": ["cc-by-nc-4.0", "mit"]}),
        ("license: mit\n----\nfoo: 1", {"license": "mit"}),
        ("language:\n\t- ko\nlicenses:\n- mit", {"licenses": "mit"}),  # the misspelt key, which the judge reports
    ],
)
def test_invalid_front_matter_keeps_its_license_fields_by_a_line_scan(front, recovered):
    """YAML that does not parse (a tab in a widget, a duplicate key) still reports the error, and the top-level
    license fields are read line by line so the verdict keeps its evidence."""
    card = parse_card(f"---\n{front}\n---\nbody\n")
    assert card.metadata == recovered
    assert "read by line scan" in card.error


@pytest.mark.parametrize("front", [
    "license: " + "[" * 500 + "]" * 500, "license: !!python/object/apply:os.system ['id']", "license: " + "9" * 5000,
    "  license: indented-is-not-top-level\nx: [", "tags:\n- license: mit\nx: [", "- license: mit",
])
def test_the_line_scan_keeps_no_nested_tagged_or_oversized_value(front):
    card = parse_card(f"---\n{front}\n---\nbody\n")
    assert card.metadata is None and card.error


def test_oversized_front_matter_is_refused_before_parsing():
    """A card cannot make the parser chew megabytes of YAML."""
    card = parse_card("---\nx: '" + "a" * (MAX_METADATA_BYTES + 10) + "'\n---\nbody")
    assert card.metadata is None and "larger than" in card.error


def test_python_object_tags_are_not_constructed():
    """Safe loading: a YAML tag naming a Python object is an error, never executed."""
    card = parse_card("---\nlicense: !!python/object/apply:os.system ['echo hacked']\n---\n")
    assert card.metadata is None and "invalid YAML" in card.error


def test_body_line_numbers_count_from_the_top_of_readme():
    """Claims quote README.md lines, so the body knows where it starts."""
    card = parse_card("---\nlicense: mit\ntags: [a]\n---\nfirst body line\n")
    assert card.body_first_line == 5
    assert card.body.splitlines()[0] == "first body line"


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"license": "mit"}, (("mit",), None, None)),
        ({"license": ["apache-2.0", "mit"]}, (("apache-2.0", "mit"), None, None)),
        ({"license": "other", "license_name": "llama2", "license_link": "LICENSE"}, (("other",), "llama2", "LICENSE")),
        ({"license": False}, (("no",), None, None)),
        ({"license": None}, ((), None, None)),
        ({"license": {"nested": 1}}, (("<unreadable dict value>",), None, None)),
        ({"license": [["cc-by-nc-4.0"], "mit"]}, (("<unreadable list value>", "mit"), None, None)),
        (None, ((), None, None)),
    ],
)
def test_license_fields_tolerate_any_yaml_shape(metadata, expected):
    """YAML 1.1 booleans (`license: no`), nulls and nested junk never crash the reader, and are never dropped."""
    assert license_fields(metadata) == expected


def test_duplicate_keys_are_invalid_not_last_one_wins():
    """`license: cc-by-nc-4.0` then `license: mit` must not quietly become MIT."""
    card = parse_card("---\nlicense: cc-by-nc-4.0\nlicense: mit\n---\n")
    assert "duplicate keys" in card.error and card.metadata == {"license": ["cc-by-nc-4.0", "mit"]}  # both count
