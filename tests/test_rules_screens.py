"""Screens (scrubber/rules/screens.py) may only skip lines a pattern cannot match as a whole."""

from pathlib import Path

import pytest
import regex

from scrubber.rules import builtin_packs, line_key
from scrubber.rules.screens import first_class, literal_characters, screens_for, uncaptured
from scrubber.testing import load_filter_cases

FLAGS = regex.IGNORECASE | regex.V0
FILTER_CASES = Path(__file__).resolve().parent.parent / "fixtures" / "filters"


def _case_lines():
    return (case.input for case in load_filter_cases(FILTER_CASES))


def _passes(screens, key):
    return all(screen.search(key) for screen in screens)


def test_no_builtin_screen_turns_away_a_line_its_pattern_matches():
    rules = [r for p in builtin_packs() for r in p.rules if r.pattern is not None]
    keys = [line_key(line) for line in _case_lines()]
    matched = 0
    for rule in rules:
        screens = screens_for(rule.pattern)
        for key in keys:
            if rule.pattern.fullmatch(key):
                matched += 1
                assert _passes(screens, key), (rule.id, key)
    assert matched > 50


def test_the_slow_catch_all_patterns_get_screens():
    # the patterns that can start like any line of prose are the ones worth screening
    by_id = {r.id: r for p in builtin_packs() for r in p.rules}
    for rule_id in ("bylines/date-line", "bylines/name-then-read-time", "comments/commenter-says"):
        assert screens_for(by_id[rule_id].pattern)


@pytest.mark.parametrize("pattern, line, matches", [
    (r"[\p{L}]+ · \d+ min read", "jane · 4 min read", True),
    (r"[\p{L}]+ · \d+ min read", "jane wrote four lines", False),
    (r"(posted|updated) on \d{4}|(\d+|one) comments?", "one comment", True),
    (r"(posted|updated) on \d{4}|(\d+|one) comments?", "2 comments", True),
    (r"(?:views: )?\d+(?:[.,]\d+)?[km]?", "12.5k", True),
    (r"(?>\d+)\s*likes?", "12 likes", True),
    (r"[#@]\w+( [#@]\w+)*", "#bread @home", True),
    (r"x{2,3}\|y", "xx|y", True),
])
def test_screens_keep_every_matching_line(pattern, line, matches):
    compiled = regex.compile(pattern, FLAGS)
    assert bool(compiled.fullmatch(line)) is matches
    if matches:
        assert _passes(screens_for(compiled), line)


@pytest.mark.parametrize("pattern", [
    r"(\w+) \1",               # a backreference matches what its group matched
    r"(?:colour){e<=1}",       # fuzzy matching accepts other characters
    r"(?i:a)b\d",              # a scoped flag changes what the atoms match
    r"(?x) a \d",              # verbose mode: spaces are not characters
    r"(?P<n>a)(?P=n)\d",
    r"(a)\g<1>\d",
])
def test_syntax_that_breaks_the_reasoning_gets_no_screen(pattern):
    assert screens_for(regex.compile(pattern, FLAGS)) == ()


def test_full_case_folding_gets_no_screen():
    assert screens_for(regex.compile(r"stra(ss|ß)e \d", FLAGS | regex.FULLCASE)) == ()


# First characters of lines: ASCII, accented and other scripts, digits, symbols and quotes.
FIRST_CHARACTERS = [chr(c) for c in range(32, 127)] + list("éÉßçñøæœ¿¡«»“”‘’·•–—…©®№→↑▲►▼★蔡在我ابдДΩשה한あ①½")


def test_no_builtin_first_class_turns_away_a_character_its_pattern_can_start_with():
    rules = [r for p in builtin_packs() for r in p.rules if r.pattern is not None]
    classes = 0
    for rule in rules:
        first = first_class(rule.pattern)
        if first is None:
            continue
        classes += 1
        for char in FIRST_CHARACTERS:
            if rule.pattern.fullmatch(char, partial=True):
                assert first.fullmatch(char), (rule.id, char)
    assert classes > len(rules) // 2  # most patterns are read


@pytest.mark.parametrize("pattern, starts, not_starts", [
    (r"(read|see)? ?more", "rsm ", "xa"),
    (r"(?=\d)\d+ comments?", "0123456789", "c "),  # a lookahead is read as if it were not there
    (r"[\p{Lu}][\p{L}.'’-]+ says", "aZé", "1 -"),  # with the pattern's IGNORECASE flag
    (r"(#[\w]+ ?){1,20}", "#", "a"),
    (r"\s*(tags|topics)\s*:", "tT \t", ":x"),
])
def test_first_class_is_what_a_match_can_start_with(pattern, starts, not_starts):
    first = first_class(regex.compile(pattern, FLAGS))
    assert all(first.fullmatch(c) for c in starts)
    assert not any(first.fullmatch(c) for c in not_starts)


@pytest.mark.parametrize("pattern", [r"(\w+) \1", r"(?i)home", r".+ ago", r"\{ ?x"])
def test_first_class_gives_up_on_syntax_it_does_not_read(pattern):
    assert first_class(regex.compile(pattern, FLAGS)) is None


def test_literal_screens_find_exactly_the_characters_they_name():
    # every character of the Basic Multilingual Plane: the screens' characters and their
    # look-alikes, letters of every case, the symbols around them
    characters = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    literal = 0
    for rule in (r for p in builtin_packs() for r in p.rules if r.pattern is not None):
        for screen in screens_for(rule.pattern):
            found = literal_characters(screen)
            if found is not None:
                literal += 1
                assert [c for c in characters if (screen.search(c) is not None) != (c in found)] == [], rule.id
    assert literal >= 5  # most built-in screens are plain punctuation


@pytest.mark.parametrize("pattern", [r"\d", r"[a-z]", r"[^:]", r"-|ú", r"\w", r".", r"[\d.,]", r":|\s"])
def test_screens_of_classes_or_cased_letters_are_not_literal(pattern):
    assert literal_characters(regex.compile(pattern, FLAGS)) is None


def test_uncaptured_patterns_match_the_lines_their_patterns_match():
    rules = [r for p in builtin_packs() for r in p.rules if r.pattern is not None]
    keys = [line_key(line) for line in _case_lines()]
    keys += [key[:size] for key in keys for size in (1, 2, 3)]
    changed = 0
    for rule in rules:
        plain = uncaptured(rule.pattern)
        changed += plain is not rule.pattern
        assert plain.groups == 0 or plain is rule.pattern, rule.id
        for key in keys:
            assert (rule.pattern.fullmatch(key) is None) == (plain.fullmatch(key) is None), (rule.id, key)
            assert (rule.pattern.fullmatch(key, partial=True) is None) == (plain.fullmatch(key, partial=True) is None)
    assert changed > len(rules) // 2


def test_uncaptured_leaves_classes_escapes_and_special_groups_alone():
    pattern = regex.compile(r"[(]x\((?<=x\()(?P<n>a|b)(?:c)(?=d)d[^)(](e|[)])+", FLAGS)
    plain = uncaptured(pattern)
    assert plain.pattern == r"[(]x\((?<=x\()(?P<n>a|b)(?:c)(?=d)d[^)(](?:e|[)])+"
    assert plain.fullmatch("(x(acdxe)") and not plain.fullmatch("(x(acd(e")
    for source in (r"(a)\1", r"(?i)(a)b", r"(a)(?(1)b|c)", r"[[:alpha:]()]x(y)"):  # beyond the reading: kept
        assert uncaptured(regex.compile(source)).pattern == source
