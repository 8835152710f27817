"""Patterns open to catastrophic backtracking are refused at load; matching is bounded at run time."""

import logging

import pytest
import regex

from scrubber.rules import Pack, Rule, RuleSet, builtin_packs
from scrubber.rules.matching import MAX_TIMEOUTS
from scrubber.rules.safety import check_pattern

UNSAFE = [
    r"(a+)+$",            # the textbook nested quantifier
    r"(\w+\s?)+ tags",    # words with optional separators: a run of letters splits many ways
    r"(?:\s*\w+\s*)+x",
    r"(.*,)*end",         # .* can eat the commas the group ends on
    r"(.*?,){11}P",
    r"(a{1,5})+",
    r"(x+x+)+y",
    r"(\p{L}+\s?)+",
    r"(?i:(a+)+)",
    r"(a|a)*",            # identical branches
    r"(\w|\d)+ points",   # branches matching the same characters
    r"((\w|\d)x)+",
    r"(a|aa)+b",          # one branch made of another
]
SAFE = [
    r"^\d+ views$",
    r"(\w+\s)+more",      # the separator is required and is never a word character
    r"(?>a+)+",           # atomic group: never backtracks
    r"(a++)+",            # possessive repeat
    r"(home|homepage)+",
    r"((a+)b)+",
    r"(\d+[.,])+",
    r"[(]+\)",
    r"(a|b)*",
    r"(ab){2,3}",
    r"( ?[>›»/|] ?[^>›»|]{1,60}){1,6}",  # bounded outer repeat
    r"((home|about( us)?|blog|contact)[ |•·]*){3,}",
]


@pytest.mark.parametrize("pattern", UNSAFE)
def test_unsafe_pattern_is_refused(pattern):
    assert check_pattern(pattern).startswith("pattern open to catastrophic backtracking")


@pytest.mark.parametrize("pattern", SAFE)
def test_safe_pattern_passes(pattern):
    assert check_pattern(pattern) is None


def test_no_builtin_pattern_is_refused():
    patterns = [r.pattern.pattern for p in builtin_packs() for r in p.rules if r.pattern is not None]
    assert patterns
    assert [p for p in patterns if check_pattern(p)] == []


def test_slow_pattern_that_slipped_through_returns_instead_of_hanging():
    # Built by hand to bypass the loader's check: (a|aa)+b on a long run of a's backtracks
    # exponentially (the run ends like a match, "...aab", so that its end does not turn it
    # away first); the regex timeout turns that into "no match".
    slow = Rule(id="slow/nested", action="drop", pack="slow", pattern=regex.compile(r"(a|aa)+b", regex.V0))
    rules = RuleSet([Pack("slow", rules=(slow,), stage="site_rules")], regex_timeout=0.01)
    assert rules.match("a" * 60 + "xaab") is None
    assert rules.match("aab") is slow


def test_pattern_that_keeps_timing_out_is_skipped_for_the_rest_of_the_page(caplog):
    slow = Rule(id="slow/nested", action="drop", pack="slow", pattern=regex.compile(r"(a|aa)+b", regex.V0))
    pack = Pack("slow", rules=(slow,), stage="site_rules")
    rules = RuleSet([pack], regex_timeout=0.001)
    with caplog.at_level(logging.WARNING, logger="scrubber"):
        assert [rules.match("a" * (60 + n) + "xaab") for n in range(MAX_TIMEOUTS)] == [None] * MAX_TIMEOUTS
    assert "slow/nested timed out" in caplog.text
    # The page asks no more of it, even where it would be quick; the next page tries it again.
    assert rules.match("aab") is None
    assert RuleSet([pack], regex_timeout=0.001).match("aab") is slow
