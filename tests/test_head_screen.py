"""The head screen never rules out a head that a drop rule matches: it only spares questions."""

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.rules import RuleSet, builtin_packs, line_key, parse_pack
from scrubber.rules.screens import uncaptured
from scrubber.rules.slots import start_match
from scrubber.source.head_screen import TELLS_BY_START, HeadScreen

# Invented chrome lines and prose openings, each followed below by words that may or may not
# belong to the line.
HEADS = ["Skip to content", "Share", "Share this", "Read more", "Anna Berg says:", "Posted on March 4, 2025",
         "Marta Lind · 4 min read", "12 comments", "Page 2 of 9", "Powered by WordPress", "Home", "Menu",
         "Accept all cookies", "Privacy Policy", "The ferry", "Die Fähre fuhr", "Council members met",
         "3 min read", "Advertisement", "Related posts", "© 2024 Harbour Times", "»", "Newsletter"]
TAILS = ["", "The mill reopened", "on Monday 4", "says: hello", "· 5 min", "policy and terms"]


def _heads_and_answers(rules):
    screen = HeadScreen.of(rules.packs, rules.regex_timeout)
    for head, tail in product(HEADS, TAILS):
        words = f"{head} {tail}".split()[:5]
        asked = screen.lengths(line_key(" ".join(words)))
        for k in range(1, len(words) + 1):
            yield " ".join(words[:k]), k in asked, rules.match(line_key(" ".join(words[:k])), "drop") is not None


def test_no_matching_head_is_ruled_out_by_the_builtin_packs():
    rules = RuleSet(builtin_packs())
    answers = list(_heads_and_answers(rules))
    assert [head for head, asked, matches in answers if matches and not asked] == []
    assert any(matches for _, _, matches in answers)  # the heads hold chrome the rules know
    assert any(not asked for _, asked, _ in answers)  # and prose the screen spares


def test_a_users_pattern_and_line_are_screened_as_well():
    pack = parse_pack('[pack]\nname = "harbour"\n[[drop]]\nid = "tide"\nregex = "tide table for \\\\p{L}+"\n'
                      '[[drop]]\nid = "ferry"\ntext = "the ferry"\n')
    rules = RuleSet([pack])
    screen = HeadScreen.of(rules.packs, rules.regex_timeout)
    assert 4 in screen.lengths("tide table for dover and")
    assert 2 in screen.lengths("the ferry left at")  # a line of the rules
    assert screen.lengths("tidal pools are full") == ()


# Starts of lines: words of the packs' chrome lines and of prose, marks, digits, folding letters.
_START_WORDS = st.sampled_from(["die", "the", "you", "no", "free", "more", "read", "related", "stories", "melden",
                                "sie", "sich", "für", "unseren", "newsletter", "thanks", "for", "subscribing", "share",
                                "this", "posted", "on", "march", "4,", "2025", "by", "·", "!", "a", "ß", "ss", "k",
                                "\u212a", "comments", "2", "we", "our", "team", "usually", "reply", "in", ""])
_STARTS = st.lists(_START_WORDS, min_size=1, max_size=6).map(" ".join)


def _telling_patterns():
    packs = [pack for pack in builtin_packs() if pack.stage != "platforms"]
    return [rule.pattern for pack in packs for rule in pack.rules
            if rule.pattern is not None and TELLS_BY_START.search(rule.pattern.pattern) is None]


TELLING = _telling_patterns()


@settings(max_examples=300, deadline=None)
@given(_STARTS, st.integers(min_value=1, max_value=40))
def test_a_start_no_telling_pattern_can_go_on_from_starts_no_longer_line(line, cut):
    # what the screens of flattened pieces lean on: a pattern that TELLS_BY_START passes cannot
    # start a line with a start it cannot start with (say "die d", then "die dame")
    start = line[:cut]
    for pattern in TELLING:
        if start_match(pattern, start, None) is None:
            assert start_match(pattern, line, None) is None, (pattern.pattern, start, line)


BUILTIN_PATTERNS = [rule.pattern for pack in builtin_packs() for rule in pack.rules if rule.pattern is not None]


@settings(max_examples=300, deadline=None)
@given(_STARTS, st.integers(min_value=1, max_value=40))
def test_a_builtin_pattern_starts_a_line_uncaptured_as_it_does_with_its_groups(line, cut):
    # HeadScreen partial-matches a built-in pattern with its groups made non-capturing: the
    # same lines, so the same starts of lines, and the same whole ones
    for start in (line, line[:cut], line[:cut] + " "):
        for pattern in BUILTIN_PATTERNS:
            assert start_match(uncaptured(pattern), start, None) == start_match(pattern, start, None), \
                (pattern.pattern, start)


def test_negated_classes_tell_by_a_start_and_anchors_do_not():
    assert TELLS_BY_START.search("thanks for reading [^!]{1,60}!") is None
    assert all(TELLS_BY_START.search(p) for p in (r"^home", r"home$", r"\bhome", r"(?=home)", r"(?i)home", r"\[^x"))


def _regex_only(screen: HeadScreen) -> HeadScreen:
    """``screen`` with no pattern's heads: each start is asked with ``regex``, as before heads."""
    screen._patterns = tuple(entry[:4] + (None,) for entry in screen._patterns)
    return screen


@settings(max_examples=300, deadline=None)
@given(st.lists(_STARTS, min_size=1, max_size=8))
def test_the_heads_of_the_patterns_leave_the_lengths_asked_about_as_regex_does(lines):
    # the heads turn away starts without a partial match; a start they let through is matched,
    # so each line is asked about the lengths a drop rule may match, as with regex alone
    rules = RuleSet(builtin_packs())
    with_heads, without = HeadScreen(rules.packs), _regex_only(HeadScreen(rules.packs))
    for line in lines + [" ".join(words) for words in product(*(h.split()[:2] for h in HEADS[:4]))]:
        key = line_key(line)
        asked = with_heads.lengths(key)
        words = key.split(" ")
        for k in set(without.lengths(key)) ^ set(asked):
            assert rules.match(" ".join(words[:k]), "drop") is None, (key, k)
        for k in range(1, len(words) + 1):
            if rules.match(" ".join(words[:k]), "drop") is not None:
                assert k in asked, (key, k)


def test_a_dump_of_lines_never_reads_the_patterns_word_heads():
    # Reading every pattern's word heads is most of a process's first clean(); only the heads
    # of flattened lines are screened, and a dump of lines has none.
    from scrubber.blocks import Block
    from scrubber.source.flattened import peel_chrome_heads

    rules = RuleSet(builtin_packs())
    is_chrome = lambda text: rules.match(line_key(text), "drop") is not None  # noqa: E731
    screen = HeadScreen([p for p in builtin_packs() if p.stage != "platforms"])
    lines = [Block("Share this", index=0), Block("The mill reopened on Monday.", index=1)]
    peeled = [b.text for b in peel_chrome_heads(lines, is_chrome, screen)]
    assert peeled == ["Share this", "The mill reopened on Monday."]
    assert "_patterns" not in vars(screen)
    flattened = [Block("Share this The mill reopened on Monday.", index=0, line=0),
                 Block("Its owners rejoiced.", index=1, line=0)]
    peeled = [b.text for b in peel_chrome_heads(flattened, is_chrome, screen)]
    assert peeled == ["Share this", "The mill reopened on Monday.", "Its owners rejoiced."]
    assert "_patterns" in vars(screen)
