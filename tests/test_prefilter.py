"""Prefilters derived from patterns: the words a pattern's every match holds, so a fast test never hides a match."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from auditor.cards.terms import phrasing
from auditor.engine.prefilter import Prefiltered, _top_level, required_words
from auditor.engine.restrictions import detectors


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\bnon[- ]?commercial\b", ("commercial",)),  # the optional hyphen splits the run; the longest run stands
    (r"abc?d", ("ab",)),  # an optional character is in no word
    (r"x{0,3}yy|ab*?cd", ("yy", "cd")),  # one word per alternative; {0,…} and lazy quantifiers are optional too
    (r"foo+bar", ("foo",)),  # a repeated character ends the run
    (r"[abc]def|gh\.i", ("def", "gh.i")),  # a class is no literal; an escaped dot is
    (r"(?<!not )\bprohibits?\b", ("prohibit",)),  # lookarounds are no part of a match
    (r"\b(?:DAU|MAU)\b", ("dau", "mau")),  # no literal outside the group: the group's words
    (r"(?:a|b)?c", ("c",)),  # an optional group gives no word
    (r"商用(?:利用)?(?:は)?不可", ("商用",)),
    (r"\w+\s\d", None),  # nothing literal: the pattern is always tried
])
def test_the_words_of_a_pattern_are_literal_parts_of_every_alternative(pattern, words):
    assert required_words(pattern) == words


def _prefiltered() -> list[tuple[str, Prefiltered]]:
    """Every prefiltered pattern the card and license matchers use."""
    found = [(d.code, d.pattern) for d in detectors()]
    return found + [(name, getattr(phrasing, name)) for name in ("_PROHIBITIVE", "_PROHIBITIVE_MORE", "_PROHIBITIVE_CJK")]


@pytest.mark.parametrize(("name", "pattern"), _prefiltered(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_restriction_pattern_has_words_so_it_is_never_tried_on_every_sentence(name, pattern):
    assert pattern.words


@pytest.mark.parametrize(("name", "pattern"), _prefiltered(), ids=lambda v: v if isinstance(v, str) else "")
def test_a_prefilter_never_hides_a_match_of_its_pattern(name, pattern):
    """Text drawn to match each alternative (any case) always holds one of the derived words: a keyword list kept by
    hand once missed the words of a new phrasing ("after filling out a form") and a restriction went unseen."""
    for alternative in _top_level(pattern.pattern.pattern):
        @settings(max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(st.from_regex(re.compile(alternative, re.IGNORECASE)))
        def holds_a_word(text: str) -> None:
            assert pattern.may_match(text.casefold()), (alternative, text)

        holds_a_word()


def _sentences() -> list[str]:
    from pathlib import Path

    rows = (Path(__file__).parent / "data" / "prose-terms.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [row.split("\t", 1)[1] for row in rows if "\t" in row]


@pytest.mark.parametrize(("name", "pattern"), _prefiltered(), ids=lambda v: v if isinstance(v, str) else "")
def test_trying_only_the_alternatives_whose_words_a_sentence_holds_finds_the_patterns_own_match(name, pattern):
    """The search that skips alternatives whose words are absent returns the whole pattern's first match, span and all,
    on every sentence of the prose table and on text drawn to match each alternative."""
    texts = _sentences()
    for alternative in _top_level(pattern.pattern.pattern)[:40]:
        texts += [f"Note: {example} and more." for example in _examples(alternative)]
    for text in texts:
        whole = pattern.pattern.search(text)
        fast = pattern.search(text)
        assert (whole.span() if whole else None) == (fast.span() if fast else None), (name, text)


def _examples(alternative: str) -> list[str]:
    found: list[str] = []

    @settings(max_examples=3, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(re.compile(alternative, re.IGNORECASE)))
    def keep(text: str) -> None:
        found.append(text)

    keep()
    return found


def test_restrictions_tsv_rows_have_exactly_the_header_columns():
    from importlib import resources

    lines = (resources.files("auditor") / "data" / "restrictions.tsv").read_text(encoding="utf-8").split("\n")
    header = lines[0].split("\t")
    assert "needs" not in header  # the prefilter is derived from the pattern, never kept by hand
    assert all(len(line.split("\t")) == len(header) for line in lines[1:] if line)


def test_the_family_fast_test_never_hides_a_family_name():
    """`names_a_family` first looks for the words derived from base-families.tsv; a name that any row matches passes."""
    from auditor.engine.families import load_base_families, names_a_family

    for pattern, _ in load_base_families():
        @settings(max_examples=4, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(st.from_regex(pattern, fullmatch=True))
        def is_named(name: str) -> None:
            assert names_a_family(f"built on {name} weights"), (pattern.pattern, name)

        is_named()
