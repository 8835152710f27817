"""RuleSet: the packs in force for one page, indexed for fast whole-line matching."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict

from ..source.html import compiled
from .bounds import fewer_words_need, fewest_words, length_bounds
from .heads import HEAD_CHARS, ends_for, heads_for
from .model import Pack, Rule
from .screens import branches, first_class, screens_for, uncaptured
from .slots import SHORT_PREFIX_CHARS, Slot, first_pattern, line_ends, screen_test
from .stages import plan_for

# Chrome lines are short. Longer lines are prose, and a broad rule must never eat prose that
# merely mentions "cookies" or "Quantcast", so pattern rules only look at lines up to this size.
MAX_RULE_WORDS = 40
# A rule that timed out this many times is skipped for the rest of the page: a pattern that
# slow would otherwise cost a timeout on every similar line.
MAX_TIMEOUTS = 3
log = logging.getLogger("scrubber")
# Indexes of recently seen pack combinations: most pages of a job share one.
MAX_CACHED_INDEXES = 64
# Answers remembered across pages per pack combination (built-in patterns only), for lines
# this short (within TRUSTED_MAX_CHARS): chrome lines, which repeat from page to page, unlike prose.
MAX_CACHED_ANSWERS = 100_000
REMEMBERED_MAX_CHARS = 60
# An action with this few patterns (most have none or one) is not worth a cache of long line starts.
FEW_PATTERNS = 2
# Built-in patterns pass the loader's backtracking check and run on every test page; on a line
# this short they finish in microseconds. The timeout costs more than such a match (``regex``
# reads the clock on each call: ~3 us against ~0.5 us for the match), so it guards user
# patterns and longer lines only.
TRUSTED_MAX_CHARS = 300
# Every ``regex`` call here and in ``slots.py`` passes its arguments by position (string, pos,
# endpos, concurrent, partial, timeout) with concurrent False: ``regex`` looks each keyword
# argument up by name on every call, and by default releases the GIL around each match -- on
# lines this short, both cost more than the match itself.


def _learn_characters(packs, disabled) -> None:
    """Reads each pattern's heads and tails (remembered) in the order the index reads them, so
    that their alphabets learn every character of the packs before any line end is folded
    (``slots.line_ends``): an alphabet recompiles its folds at the first fold after it learnt
    new characters, which, pattern after pattern, made up a sixth of a process's first clean()."""
    for pack in packs:
        for rule in pack.rules:
            if rule.id not in disabled and rule.text is None and rule.pattern is not None:
                for pattern in pack.builtin and branches(rule.pattern) or (rule.pattern,):
                    heads_for(pattern)
                    ends_for(pattern)


class _Index:
    """Rules grouped by (stage, action) into slots; stage ``*`` holds every stage's rules."""

    def __init__(self, packs, disabled):
        self.slots: dict[tuple[str, str], Slot] = defaultdict(Slot)
        self.selectors: dict[str, list[Rule]] = defaultdict(list)  # per action
        _learn_characters(packs, disabled)
        for pack in packs:
            for rule in pack.rules:
                if rule.id in disabled:
                    continue
                if rule.text is not None:
                    for slot in (self.slots[(pack.stage, rule.action)], self.slots[("*", rule.action)]):
                        slot.exact.setdefault(rule.text, rule)
                        slot.members.add(id(rule))
                        slot.longest_text = max(slot.longest_text, len(rule.text))
                elif rule.pattern is not None:
                    # (the loader takes only positive max_words)
                    words = min(rule.max_words or MAX_RULE_WORDS, MAX_RULE_WORDS)
                    whole = self.slots[("*", rule.action)]
                    whole.positions.setdefault(id(rule), len(whole.entries))  # its place among the patterns of all stages
                    # A built-in pattern of several branches is matched branch by branch, each
                    # with first characters, heads and line ends of its own, narrower than the
                    # whole pattern's. (A user's pattern stays whole: each match has a timeout.)
                    for pattern in pack.builtin and branches(rule.pattern) or (rule.pattern,):
                        entry = (rule, pack.builtin, tuple(map(screen_test, screens_for(pattern))), first_class(pattern),
                                 words, len(whole.entries), heads_for(pattern), uncaptured(pattern), line_ends(pattern),
                                 fewest_words(pattern), *length_bounds(pattern), fewer_words_need(pattern))
                        for slot in (self.slots[(pack.stage, rule.action)], whole):
                            slot.entries.append(entry)
                    for slot in (self.slots[(pack.stage, rule.action)], whole):
                        slot.members.add(id(rule))
                        slot.most_words = max(slot.most_words, words)
                        slot.trusted = slot.trusted and pack.builtin
                else:
                    self.selectors[rule.action].append(rule)
        self.slots = dict(self.slots)
        for (stage, action), slot in self.slots.items():
            whole = self.slots[("*", action)]
            if stage != "*":
                slot.whole = whole
            # an action with few patterns (most have none or one) keeps its cache small: its
            # lines are narrowed by two characters
            if len(whole.positions) <= FEW_PATTERNS:
                slot.prefix_chars = SHORT_PREFIX_CHARS


_UNASKED = object()
_INDEXES: dict[tuple, tuple[tuple[Pack, ...], _Index]] = {}


def _index_for(packs: tuple[Pack, ...], disabled) -> _Index:
    key = (tuple(map(id, packs)), frozenset(disabled))
    cached = _INDEXES.get(key)
    if cached is None:
        if len(_INDEXES) >= MAX_CACHED_INDEXES:
            _INDEXES.clear()
        # the packs are kept with the index so that their ids cannot be reused by other packs
        cached = _INDEXES[key] = (packs, _Index(packs, disabled))
    return cached[1]


class RuleSet:
    """Rules of the packs in force, grouped by the stage that applies them and by action.

    ``text`` rules are a dict lookup on the line key; ``regex`` rules run anchored to the
    whole line key with a timeout, so a slow user pattern cannot hang a job; a rule that has
    timed out MAX_TIMEOUTS times is skipped for the rest of the page (with a logged warning)
    wherever it would run with a timeout. Built-in patterns run without one on short lines, so
    a short line's answer depends on the line alone: it is remembered across pages.

    >>> from scrubber.rules import builtin_packs
    >>> rules = RuleSet(builtin_packs())
    >>> rules.match("top of page").id
    'page_anchors/top-of-page'
    >>> rules.match("we read the top of page one aloud") is None
    True
    """

    def __init__(self, packs, disabled=frozenset(), regex_timeout=0.05):
        self.packs: tuple[Pack, ...] = tuple(p for p in packs if p.name not in disabled)
        self.regex_timeout = regex_timeout
        index = _index_for(self.packs, disabled)
        self._slots = index.slots
        # HTML elements to remove first, and elements that hold the article (``[[keep]]``).
        self.selectors = index.selectors["drop"]
        self.article_selectors = index.selectors["keep"]
        self._timeouts: Counter[str] = Counter()
        # One answer per line and slot (stage and action) for the whole page: stages ask again
        # about the same lines, and a rule skipped after its timeouts must not change an answer given.
        self._answers: dict[Slot, dict[str, Rule | None]] = {}

    def match(self, key: str, action: str = "drop", stage: str = "*") -> Rule | None:
        """The first rule of ``stage`` (``*``: any stage) and ``action`` matching the line key."""
        slot = self._slots.get((stage, action))
        if slot is None:
            return None
        if slot.trusted and len(key) <= REMEMBERED_MAX_CHARS:  # (match_each writes this out too)
            answers = slot.answers
            rule = answers.get(key, _UNASKED)
            if rule is _UNASKED:
                if len(answers) >= MAX_CACHED_ANSWERS:
                    answers.clear()
                rule = answers[key] = self._first_match(key, slot)
            return rule
        return self._page_answer(key, slot)

    def _page_answer(self, key: str, slot: Slot) -> Rule | None:
        """The answer for a line not remembered across pages, kept for this page."""
        # A paragraph: longer than every text rule, and starting like no pattern or of more
        # words than the patterns (those starting like it, when known) look at: most lines of
        # an HTML page. Answered before any lookup of the line: hashing it would cost more, and
        # so would counting its words when no pattern starts like it.
        words = 0  # (counted only for such a line, and then not again)
        if len(key) > slot.longest_text:
            known = slot._by_prefix.get(key[:slot.prefix_chars])
            if known is not None and not known[1]:
                return None
            words = key.count(" ") + 1
            if words > (slot.most_words if known is None else known[0]):
                return None
        answers = self._answers.get(slot)
        if answers is None:
            answers = self._answers[slot] = {}
        rule = answers.get(key, _UNASKED)
        if rule is _UNASKED:
            rule = answers[key] = self._first_match(key, slot, words)
        return rule

    def match_each(self, keys, action: str = "drop") -> list[Rule | None]:
        """``match(key, action)`` of each line key in turn.

        >>> from scrubber.rules import builtin_packs
        >>> [rule and rule.id for rule in RuleSet(builtin_packs()).match_each(["top of page", "bread"])]
        ['page_anchors/top-of-page', None]
        """
        slot = self._slots.get(("*", action))
        if slot is None:
            return [None] * len(keys)
        if not slot.trusted:
            return [self.match(key, action) for key in keys]
        answer = answer_each if compiled.walk is None else compiled.walk.answer_each
        return answer(keys, _UNASKED, slot, self, REMEMBERED_MAX_CHARS, MAX_CACHED_ANSWERS)

    def _first_match(self, key: str, slot: Slot, words: int = 0) -> Rule | None:
        """The slot's first rule matching the line key; ``words``: its words, when counted."""
        whole = slot.whole
        failed = -1  # the patterns of all stages up to this place are known not to match the line
        if whole is not None and whole.trusted and len(key) <= TRUSTED_MAX_CHARS:
            # A stage's rules are some of the rules of all stages, in the same order: when the
            # first of those matching the line is known, it is the stage's too if the stage has
            # it, and none of the stage's matches when none of all of them does.
            known = whole.answers if len(key) <= REMEMBERED_MAX_CHARS else self._answers.get(whole, {})
            rule = known.get(key, _UNASKED)
            if rule is None or (rule is not _UNASKED and id(rule) in slot.members):
                return rule
            if rule is not _UNASKED and rule.text is None:
                # Another stage's pattern: no text rule matches the line, nor any pattern before
                # that one, so the stage's first match is one of its patterns after it.
                failed = whole.positions[id(rule)]
                if not slot.entries or slot.entries[-1][5] <= failed:
                    return None
        rule = slot.exact.get(key)
        if rule is not None or not slot.entries:
            return rule
        words = words or key.count(" ") + 1
        if words > slot.most_words:
            return None
        known = slot._by_prefix.get(key[:slot.prefix_chars])  # possible(), without a call when remembered
        most_words, possible = known if known is not None else slot.possible(key, self.regex_timeout)
        if words > most_words:
            return None
        short = len(key) <= TRUSTED_MAX_CHARS
        end = key[-HEAD_CHARS:]
        first = first_pattern if compiled.walk is None else compiled.walk.first_pattern
        at = first(possible, key, end, words, failed, short, 0)
        while at >= 0:
            rule, trusted, _, _, _, _, _, pattern, _, _, _, _, _ = possible[at]
            if trusted and short:  # matched there
                return rule
            if not self._timeouts or self._timeouts[rule.id] < MAX_TIMEOUTS:
                try:
                    if pattern.fullmatch(key, None, None, False, False, self.regex_timeout):
                        return rule
                except TimeoutError:
                    self._timeouts[rule.id] += 1
                    if self._timeouts[rule.id] == MAX_TIMEOUTS:
                        log.warning("rule %s timed out (%ss) on %d lines; skipped for the rest of this page",
                                    rule.id, self.regex_timeout, MAX_TIMEOUTS)
            at = first(possible, key, end, words, failed, short, at + 1)
        return None

    def has(self, action: str, stage: str = "*") -> bool:
        slot = self._slots.get((stage, action))
        return slot is not None and bool(slot.exact or slot.entries)

    def first_of_stages(self, keys, stages, action: str = "drop", check=None) -> list[tuple[int, Rule] | None]:
        """For each line key, ``(place, rule)``: the first of ``stages`` (names) with a rule of
        ``action`` matching it, as ``match(key, action, stage)`` of each stage in turn finds,
        and that rule; None when none has one. ``check()``, when given, is called before each
        line asked stage by stage, whose patterns may run with a timeout.

        A line's first rule of all stages is read first (``match_each`` found it for most
        lines already): its stage answers with it unless a stage before matches the line too,
        which a single search of those stages' patterns after it tells (``stages.StagePlan``).

        >>> from scrubber.rules import builtin_packs
        >>> rules = RuleSet(builtin_packs())
        >>> [found and (found[0], found[1].id) for found in
        ...  rules.first_of_stages(["top of page", "bread"], ["trackers", "page_anchors"])]
        [(1, 'page_anchors/top-of-page'), None]
        """
        whole = self._slots.get(("*", action))
        if whole is None:
            return [None] * len(keys)
        slots = [self._slots.get((stage, action)) for stage in stages]
        plan = plan_for(whole, tuple(stages), slots) if whole.trusted else None
        verdicts = plan.verdicts if plan is not None else {}
        found = []
        for key in keys:
            verdict = verdicts.get(key, _UNASKED)
            if verdict is not _UNASKED:
                found.append(verdict)
                continue
            if plan is not None and len(key) <= TRUSTED_MAX_CHARS:  # no pattern runs with a timeout
                rule = whole.answers.get(key, _UNASKED) if len(key) <= REMEMBERED_MAX_CHARS else _UNASKED
                if rule is _UNASKED:
                    rule = self.match(key, action)
                if rule is None:
                    verdict = None
                elif rule.text is None:
                    place = plan.order.get(id(rule), len(slots))
                    before = plan.before[place]
                    if before is None or self._first_match(key, before) is None:
                        verdict = None if place == len(slots) else (place, rule)
                    else:  # a stage before matches the line too (rare): which one, asked in turn
                        verdict = self._stage_by_stage(key, stages, action)
                else:  # a text rule: another stage may hold the same text, or a pattern matching the line
                    verdict = self._stage_by_stage(key, stages, action)
                if len(key) <= REMEMBERED_MAX_CHARS:
                    if len(verdicts) >= MAX_CACHED_ANSWERS:
                        verdicts.clear()
                    verdicts[key] = verdict
            else:
                if check is not None:
                    check()
                verdict = self._stage_by_stage(key, stages, action)
            found.append(verdict)
        return found

    def _stage_by_stage(self, key: str, stages, action: str) -> tuple[int, Rule] | None:
        """``first_of_stages`` of one line key, asking ``match`` of each stage in turn."""
        for place, stage in enumerate(stages):
            rule = self.match(key, action, stage)
            if rule is not None:
                return place, rule
        return None


def answer_each(keys, unasked, slot: Slot, rules: RuleSet, remembered_chars: int, most_answers: int) -> list[Rule | None]:
    """``rules.match(key)`` of each line key in turn, for a slot of all stages whose patterns
    are all built-in (``slot.trusted``): a line of up to ``remembered_chars`` is answered from
    ``slot.answers`` (of at most ``most_answers``) or found and remembered there, a longer one
    is turned away as ``rules._page_answer`` would or asked of it. Most lines of a page are
    new: what ``rules._first_match`` asks first of a line is read here. ``compiled.walk`` has
    the same loop in C, which also does what ``_page_answer`` and ``_first_match`` do for such
    a slot (but for a line whose patterns run with a timeout, asked of ``_page_answer``), the
    slot's patterns narrowed by a new line start too (``Slot.possible``); here they are called.

    >>> from scrubber.rules import builtin_packs
    >>> rules = RuleSet(builtin_packs())
    >>> slot = rules._slots[("*", "drop")]
    >>> found = answer_each(["top of page", "bread"], _UNASKED, slot, rules, REMEMBERED_MAX_CHARS, MAX_CACHED_ANSWERS)
    >>> [rule and rule.id for rule in found]
    ['page_anchors/top-of-page', None]
    """
    answers, exact, by_prefix, prefix_chars = slot.answers, slot.exact, slot._by_prefix, slot.prefix_chars
    found = []
    for key in keys:
        rule = answers.get(key, unasked)
        if rule is unasked:
            if len(key) > remembered_chars:
                found.append(rules._page_answer(key, slot))
                continue
            if len(answers) >= most_answers:
                answers.clear()
            rule = exact.get(key)
            if rule is None:
                known = by_prefix.get(key[:prefix_chars])
                if known is None or known[1]:
                    rule = rules._first_match(key, slot)
            answers[key] = rule
        found.append(rule)
    return found
