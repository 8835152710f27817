"""Pipeline: source -> filters -> fragments joined -> title -> scoring -> normaliser, collecting the trace."""

from __future__ import annotations

from bisect import bisect_left
from contextlib import contextmanager
from dataclasses import replace
from itertools import compress, filterfalse, groupby, repeat
from operator import attrgetter

from .blocks import Block, line_keys
from .config import CleanConfig
from .data import stopwords
from .errors import BudgetExceededError, FilterError, UnknownFilterError
from .filters import DEFAULT_FILTERS, FILTERS_BY_NAME, Filter, RuleFilter
from .language import guess_language
from .limits import NO_DEADLINE, Deadline, check_size
from .normalise.fragments import join_fragment_runs, mid_sentence
from .normalise.headings import Vocabulary, split_run_in_headings
from .normalise.whitespace import render
from .page import Page
from .result import Cleaned
from .rules import RuleSet, builtin_packs, line_key, load_rules, rules_from_environment
from .rules.selectors import drop_selected, select_article
from .scoring import ContentScorer
from .scoring.html_hints import HtmlScorer
from .source import decode, looks_like_html
from .source.html import extract as extract_html
from .source.flattened import cut_list_heads, cut_stamps, peel_chrome_heads
from .source.head_screen import HeadScreen
from .source.text import text_blocks
from .title import find_title
from .title_words import holds_title_words, title_text, title_words
from .trace import Removal, Trace


# Packs whose drop rules find the header of a list of teasers or comments, or a sign-up box:
# the article has ended where one stands.
LIST_HEAD_PACKS = ("related_posts", "comments", "newsletters")
_LIST_HEAD_PREFIXES = tuple(f"{pack}/" for pack in LIST_HEAD_PACKS)


class Pipeline:
    """An ordered list of filters, the content scorer and the normaliser, built once from a
    config and reused for many documents (rule files are loaded and validated here)."""

    def __init__(self, config: CleanConfig | None = None):
        self.config = config or CleanConfig()
        names = self.config.filters
        if names is None:
            classes = DEFAULT_FILTERS
        else:
            unknown = [n for n in names if n not in FILTERS_BY_NAME]
            if unknown:
                raise UnknownFilterError(f"unknown filter(s) {', '.join(unknown)}; valid: {', '.join(FILTERS_BY_NAME)}")
            classes = tuple(f for f in DEFAULT_FILTERS if f.name in names)
        self.filters = [cls() for cls in classes if cls.name not in self.config.disabled]
        self.line_filters = {id(f) for f in self.filters if _judges_each_line(f)}
        self.scorer = ContentScorer() if self.config.scoring and "scoring" not in self.config.disabled else None
        self.html_scorer = HtmlScorer() if self.scorer is not None else None
        self.packs = builtin_packs() + rules_from_environment() + load_rules(*self.config.rules)
        self.detect_keys = frozenset().union(*(p.detect_keys for p in self.packs))

    def run(self, doc, *, url: str | None = None) -> Cleaned:
        deadline = Deadline(self.config.time_budget)
        text = self._as_text(doc)
        html = extract_html(text) if looks_like_html(text) else None
        if html is not None:
            blocks, mode, known_title = html.blocks, "html", html.title
        else:
            blocks, mode, known_title = text_blocks(text), "text", None
        deadline.check("source")
        lang = self.config.language or (html and html.lang) or guess_language(blocks)
        page = Page(blocks=blocks, rules=self._rules_for(blocks, url, lang), mode=mode, url=url, title=known_title,
                    lang=lang, deadline=deadline)
        trace = Trace()
        if mode == "text":
            blocks = page.blocks = cut_list_heads(
                peel_chrome_heads(cut_stamps(blocks), lambda t: page.rules.match(line_key(t), "drop") is not None,
                                  HeadScreen.of(page.rules.packs, page.rules.regex_timeout)),
                page.rules, LIST_HEAD_PACKS)
        if mode == "html" and (page.rules.selectors or page.rules.article_selectors):
            blocks = self._extract_without_selected(text, page, trace)
        protected = {}  # id -> block, kept alive for the same reason as the rule candidates below
        if page.rules.has("keep"):  # only users' packs keep lines: most pages need not ask
            protected = {id(b): b for b in blocks if page.rules.match(b.key(), "keep") is not None}
        # The lines some drop rule matches, found once: rule filters are shown only these.
        keys = line_keys(blocks)
        page.meta["line_keys"] = (blocks, keys)  # for the stages that ask for them again
        positions = list(compress(range(len(keys)), page.rules.match_each(keys)))  # (a Rule is always true)
        shown = [blocks[i] for i in positions]
        # Each id with its block: an id is unique only while its block lives, and a block made
        # later (a join of fragments) must not take the id of a dropped one.
        page.meta["rule_candidates"] = {id(b): b for b in shown}
        page.meta["candidate_positions"] = (blocks, positions, shown)
        if mode == "text":
            protected.update((id(b), b) for b in mid_sentence(blocks, page.meta["rule_candidates"]))
        for each_line, stages in groupby(self.filters, key=lambda f: id(f) in self.line_filters):
            if not each_line:
                for stage in stages:
                    blocks = self._apply(stage, blocks, page, trace, protected)
            elif shown:  # a plain rule filter has nothing to drop on most pages
                blocks = self._judge_candidates(list(stages), blocks, page, trace, protected)
        title_block, blocks = self._take_title(blocks, page)  # before joining: fragments never join onto it
        if mode == "text":
            joined, made = join_fragment_runs(blocks)
            if title_block is not None and made:
                joined = _without_joined_title_copies(joined, made, title_block, trace)
            blocks = joined
            if title_block is None:
                # Fragments may spell out a title only once joined ("#", "a"); the output shows
                # them joined, so cleaning it again must find the same title.
                page.meta.pop("title_guess", None)
                title_block, blocks = self._take_title(blocks, page)
        # Headers of teaser and comment lists, comment forms and sign-up boxes the rules
        # dropped: the scorer ends the article there. Where the title stood, shown or dropped
        # as a repeat: the article starts below it.
        list_heads, comment_heads, title_at = [], [], set()
        for rule, index in trace.marks():
            if rule.startswith(_LIST_HEAD_PREFIXES):
                list_heads.append(index)
            if rule.startswith("comments/"):
                comment_heads.append(index)
            if rule.startswith("title_repeats/"):
                title_at.add(index)
        if title_block is not None:
            title_at.add(title_block.index)
        page.meta["list_heads"] = sorted(list_heads)
        page.meta["comment_heads"] = comment_heads
        page.meta["title_at"] = sorted(title_at)
        scorer = self.html_scorer if mode == "html" else self.scorer
        if scorer is not None:
            blocks = self._apply(scorer, blocks, page, trace, protected)
        # HTML blocks already carry their structure: no run-in headings to split out.
        body = normalise(blocks, page.lang, deadline) if mode == "text" else list(blocks)
        if title_block is not None:
            body.insert(0, title_block)
        shown = body if self.config.include_title else [b for b in body if b.kind != "title"]
        return Cleaned(text=render([b.text for b in shown]), title=title_block.text if title_block else None,
                       blocks=body, trace=trace, mode=mode, lang=page.lang, url=url)

    def _extract_without_selected(self, text, page, trace):
        """Extract the page again with the elements that selector rules name removed first, so
        that those removals are explained by the users' rules rather than by later stages, and
        with the article's container taken from ``keep`` selector rules when they name one."""
        dropped = {}  # extraction may parse twice; explain the tree it kept
        article = page.rules.article_selectors
        html = extract_html(text, drop_first=lambda root: dropped.__setitem__(root, drop_selected(root, page.rules.selectors)),
                            article=(lambda root: select_article(root, article)) if article else None)
        for removed, rule in dropped.get(html.root, ()):
            trace.add(Removal(removed, rule.id, "selectors", rule.note or "the element matches a selector rule"))
        page.blocks = html.blocks
        return html.blocks

    def _as_text(self, doc) -> str:
        if isinstance(doc, (bytes, bytearray, memoryview)):
            data = bytes(doc)
            check_size(data, self.config.max_input_bytes)
            return decode(data)
        if isinstance(doc, str):
            check_size(doc, self.config.max_input_bytes)
            return doc
        raise TypeError(f"clean() takes a str or bytes document, not {type(doc).__name__}")

    def _rules_for(self, blocks, url, lang=None) -> RuleSet:
        # A pack's detect lines are all a page is asked for: the page's lines among them will do.
        shown = self.detect_keys.intersection(line_keys(blocks))
        packs = [p for p in self.packs if p.applies(url, shown, lang)]
        return RuleSet(packs, disabled=self.config.disabled, regex_timeout=self.config.regex_timeout)

    def _apply(self, stage, blocks, page, trace, protected):
        page.blocks = blocks
        name, check = stage.name, page.deadline.check
        with _reported(lambda: stage.name):
            if type(stage) in _DROPS_AT_ONCE:  # (the text scorer drops most lines of a text dump)
                drops = list(stage.select(blocks, page))
            else:
                # A check per drop stops a stage that takes long between its drops.
                drops = []
                for drop in stage.select(blocks, page):
                    check(name)
                    drops.append(drop)
            check(name)
        if not drops:
            return blocks
        indexes = list(map(_INDEX, drops))
        chosen = list(map(blocks.__getitem__, indexes))
        dropped = set(indexes)
        if len(dropped) == len(indexes) and (not protected or protected.keys().isdisjoint(map(id, chosen))):
            # each line dropped once and none protected (the scorer's drops): noted as they come
            trace.note_each(zip(map(_TEXT, chosen), map(_RULE, drops), repeat(name), map(_REASON, drops),
                                map(_BLOCK_INDEX, chosen)))
            return _without(blocks, dropped, page)
        dropped = set()
        noted = []
        for drop, block in zip(drops, chosen):
            index = drop.index
            if index in dropped or id(block) in protected:
                continue
            dropped.add(index)
            noted.append((block.text, drop.rule, name, drop.reason, block.index))
        trace.note_each(noted)
        return _without(blocks, dropped, page)

    def _judge_candidates(self, stages, blocks, page, trace, protected):
        """Run plain rule filters that follow one another in one pass over the page's rule
        candidates: each line is dropped by the first of them whose rules match it, as if they
        ran one by one, and the removals are traced in that order. These filters judge each
        line alone and can only drop lines some drop rule matches (found once per page). While
        their ``decide`` is RuleFilter's, the rules judge all the lines for all of them at once
        (``RuleSet.first_of_stages``); else each ``decide`` is called in turn."""
        stages = [s for s in stages if page.rules.has("drop", s.name)]  # the others have no pack in force
        if not stages:
            return blocks
        page.blocks = blocks
        known = page.meta["candidate_positions"]
        if known[0] is blocks:  # most stages drop nothing and hand the same list on
            positions, shown = known[1], known[2]
        else:
            candidates = page.meta["rule_candidates"]
            positions = [i for i, b in enumerate(blocks) if id(b) in candidates]
            shown = [blocks[i] for i in positions]
            page.meta["candidate_positions"] = (blocks, positions, shown)
        verdicts = []  # (stage's order, position, rule, reason)
        stage = stages[0]
        with _reported(lambda: stage.name):  # the stage judging when it failed
            first = stages[0].name
            check = page.deadline.check
            if protected:
                judged = [id(block) not in protected for block in shown]
                positions, shown = list(compress(positions, judged)), list(compress(shown, judged))
            if all(type(s).decide is _RULE_DECIDE for s in stages):
                # Their decide is RuleFilter's: the rules answer for every line and stage at once.
                # A line whose patterns may run with a timeout is checked against the deadline
                # before it is judged, as below; the others take microseconds each.
                found = page.rules.first_of_stages([b.key() for b in shown], [s.name for s in stages], "drop",
                                                   lambda: check(first))
                for position, verdict in zip(positions, found):
                    if verdict is not None:
                        order, rule = verdict
                        verdicts.append((order, position, rule.id,
                                         stages[order].reason(rule)))
            else:
                for position, block in zip(positions, shown):
                    # Once a line, not once a stage: a stage judges one line within its rules' regex timeouts.
                    check(first)
                    for order, stage in enumerate(stages):
                        verdict = stage.decide(block, page)
                        if verdict is not None:
                            verdicts.append((order, position, *verdict))
                            break
            page.deadline.check(stage.name)
        if not verdicts:
            return blocks
        verdicts.sort(key=lambda verdict: verdict[:2])
        for order, position, rule, reason in verdicts:
            block = blocks[position]
            trace.note(block.text, rule, stages[order].name, reason, block.index)
        return _without(blocks, {position for _, position, _, _ in verdicts}, page)

    def _take_title(self, blocks, page):
        # An HTML page without a title in its markup has none: its first line is content.
        guess = page.meta["title_guess"] if "title_guess" in page.meta \
            else find_title(blocks, page.meta["rule_candidates"]) if page.mode == "text" else None
        title = page.title or (guess.text if guess else None)
        if not title:
            return None, blocks
        if guess is not None and guess.inside and not page.title:
            return Block(title, kind="title", index=guess.index), blocks  # a phrase inside a flattened piece
        wanted = title_words(title)
        # The guessed title's line first, wherever it stands; else the first line showing it.
        at = next((p for p, b in enumerate(blocks) if b.index == guess.index), None) if guess and not page.title else None
        longest = max(wanted, key=len, default="")  # most lines lack it: asked before every title word
        for position in ([] if at is None else [at]) + list(range(min(40, len(blocks)))):
            block = blocks[position]
            key = block.key()
            shown = longest in key and holds_title_words(key, wanted) and title_text(block.text, wanted)
            if shown:
                # The lines above and below the title are no one sentence.
                rest = blocks[:position] + [replace(b, after_blank=True) for b in blocks[position + 1:position + 2]] \
                    + blocks[position + 2:]
                if not rest and not page.title:
                    return None, blocks  # a dump of one line is its text, not a guessed title
                return Block(shown, kind="title", index=block.index), rest
        # A metadata title that is itself a chrome line ("Privacy", "Home") would be dropped
        # if the output were cleaned again; it is no title to show.
        if page.title and page.rules.match(line_key(page.title), "drop") is None:
            return Block(page.title, kind="title", index=-1), blocks
        return None, blocks


def _without_joined_title_copies(joined, made, title_block, trace):
    """Joined blocks that spell out the title again ("Storm" + "damage on the coast" under the
    title "Storm damage on the coast"): a copy of the title, as title_repeats drops any other.
    The output shows the join, so cleaning it again would drop the copy there. ``made``: the
    positions of the joined blocks in ``joined``."""
    wanted = title_words(title_block.text)
    longest = max(wanted, key=len, default="")  # most joins lack it: asked before every title word
    # holding every title word is needed to be a copy; the substring test spares the word split
    # (the joins are keyed at once: in the compiled module where it is built)
    keys = line_keys([joined[position] for position in made])
    copies = [position for position, key in zip(made, keys) if longest in key and holds_title_words(key, wanted)
              and title_words(joined[position].text) == wanted]
    for position in copies:
        block = joined[position]
        trace.add(Removal(block.text, "title_repeats/duplicate-title", "title_repeats",
                          "repeats the title once its fragments are joined", block.index))
    if not copies:
        return joined
    gone = set(copies)
    return [block for position, block in enumerate(joined) if position not in gone]


# Stages whose ``select`` finds all its drops before it yields the first: the text scorer finds
# the article's spans, then yields a drop for each line outside them (tests/test_adversarial.py
# checks that no Python code runs between its drops). A deadline check per drop would time
# only the making of the tuples: one check follows them all.
_DROPS_AT_ONCE = (ContentScorer,)
_INDEX, _RULE, _REASON = attrgetter("index"), attrgetter("rule"), attrgetter("reason")
_TEXT, _BLOCK_INDEX = attrgetter("text"), attrgetter("index")
# RuleFilter's own decide: while it is (a test may wrap it), the pipeline asks the rules itself.
_RULE_DECIDE = RuleFilter.decide


def _judges_each_line(stage) -> bool:
    """Whether a stage is a plain rule filter: it drops the lines its drop rules match, each alone."""
    return type(stage).select is Filter.select and type(stage).decide is RuleFilter.decide


@contextmanager
def _reported(stage_name):
    """A filter's error raises FilterError naming the stage (``stage_name()``: the one running);
    a spent time budget passes through as it is."""
    try:
        yield
    except BudgetExceededError:
        raise
    except Exception as exc:
        raise FilterError(f"filter {stage_name()!r} failed: {exc!r}") from exc


def _without(blocks, dropped, page):
    """The blocks but those at the ``dropped`` positions; the rule candidates' positions move with them."""
    kept = list(map(blocks.__getitem__, filterfalse(dropped.__contains__, range(len(blocks)))))
    known = page.meta.get("candidate_positions")
    if known is not None and known[0] is blocks:  # move the candidates' positions, not find them again
        gone = sorted(dropped)
        positions = [p - bisect_left(gone, p) for p in known[1] if p not in dropped]
        page.meta["candidate_positions"] = (kept, positions, [kept[p] for p in positions])
    return kept


def normalise(blocks: list[Block], lang: str = "en", deadline: Deadline = NO_DEADLINE) -> list[Block]:
    """Join sentence pieces of one flattened line, then split headings run into paragraphs."""
    joined: list[Block] = []
    # The texts of each flattened line's pieces, by the line's place in ``joined``: joined once
    # at the end, as repeated += is quadratic on a flattened page. (Most blocks are no piece.)
    pieces: dict[int, list[str]] = {}
    for block in blocks:
        line = block.line
        if line is not None and joined and joined[-1].line == line:
            pieces[len(joined) - 1].append(block.text)
        elif line is None and not block.after_blank and not block.hints and not block.link_density:
            joined.append(block)  # the block as a copy would show it: most lines of a dump of lines
        else:
            if line is not None:
                pieces[len(joined)] = [block.text]
            joined.append(Block(block.text, block.kind, block.index, line, block.level))
    for position, texts in pieces.items():
        if len(texts) > 1:
            joined[position].text = " ".join(texts)
    vocabulary = Vocabulary.of((b.text for b in joined), stopwords(lang))
    out: list[Block] = []
    for block in joined:
        deadline.check("normalise")
        if block.kind != "paragraph" or len(block.text) < 80:
            out.append(block)
            continue
        found = split_run_in_headings(block.text, vocabulary)
        if block.line is None and block.level is None and found == [("paragraph", block.text)]:
            out.append(block)  # one paragraph, its text unchanged: the block is that piece already
            continue
        for kind, text in found:
            out.append(Block(text, kind=kind, index=block.index))
    return out
