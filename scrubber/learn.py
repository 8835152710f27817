"""Learn a site's template from several of its pages: the lines that recur are its chrome.

A site prints the same menu, promo lines, footer and disclaimers around every article, while
the articles differ. ``learn()`` reads pages of one site (HTML or scraped text, read exactly as
``clean()`` reads them) and proposes a ``drop`` rule for every line found on at least
``min_share`` of the pages. Pages are counted, not occurrences: a quote repeated inside one
article never becomes a rule. Lines the built-in rules already drop are left out, and a line
that recurs *inside* the articles (between their paragraphs, like a recurring section heading)
is written commented out, for a person to decide.

    >>> stories = ["The ferry timetable changes in May.", "A new bakery opened on Quay Street.",
    ...            "The school choir won the regional prize.", "Roadworks close the bridge for a week."]
    >>> pages = [f"Millbrook Ledger\\n{story}\\nGot a tip? Text the newsroom." for story in stories]
    >>> print(learn_pack(pages, urls=["https://www.millbrook.example/a"]))  # doctest: +ELLIPSIS
    # Draft pack learned by `scrubber learn` from 4 pages: review it before use.
    ...
    [pack]
    name = "millbrook-example"
    domains = ["millbrook.example"]
    <BLANKLINE>
    # on 4 of 4 pages
    [[drop]]
    id = "millbrook-ledger"
    text = "Millbrook Ledger"
    <BLANKLINE>
    # on 4 of 4 pages
    [[drop]]
    id = "got-a-tip-text-the-newsroom"
    text = "Got a tip? Text the newsroom."
    <BLANKLINE>
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import regex

from .blocks import Block
from .errors import ScrubberError
from .rules import RuleSet, builtin_packs, line_key, load_rules, parse_pack
from .rules.model import Pack
from .source import decode, looks_like_html
from .source.html import extract as extract_html
from .source.text import text_blocks

# Lines with numbers that change from page to page ("1,204 readers", "Page 3 of 7") are learned
# as one regex with \d+ in place of each number, but only when short: prose with a number in it
# must never turn into a pattern.
SHAPE_MAX_WORDS = 12
# Article paragraphs are at least this long; a recurring line between two of them on most of its
# pages sits inside the articles (a recurring section heading), not in the template around them.
PROSE_WORDS = 15
_DIGITS = regex.compile(r"\d+")


class LearnError(ScrubberError):
    """Learning cannot start: too few pages, or a share outside (0, 1]."""


@dataclass
class Recurring:
    """A line found on ``pages`` of the pages: a proposed ``drop`` rule (``text`` or ``pattern``)."""

    text: str
    pages: int
    pattern: str | None = None
    inside_article: bool = False
    position: float = 0.0


@dataclass
class Learned:
    """What ``learn()`` found; ``to_toml()`` writes it as a pack, ``pack()`` loads it."""

    lines: list[Recurring]
    pages: int
    needed: int
    name: str
    domains: tuple[str, ...] = ()
    detect: tuple[str, ...] = ()
    skipped: int = 0
    min_share: float = 0.6
    ids: list[str] = field(default_factory=list)

    def to_toml(self) -> str:
        """The draft pack as TOML, one commented ``[[drop]]`` per recurring line."""
        out = [f"# Draft pack learned by `scrubber learn` from {self.pages} pages: review it before use.",
               f"# A rule is a line found on at least {self.min_share:.0%} of the pages ({self.needed} of {self.pages}).",
               f"# Recurring lines that built-in rules already drop were left out ({self.skipped}).",
               "[pack]", f"name = {_toml(self.name)}"]
        if self.domains:
            out.append(f"domains = [{', '.join(_toml(d) for d in self.domains)}]")
        elif self.detect:
            out.append("# No URL was given: the pack applies to pages that contain this line.")
            out.append(f"detect = [{', '.join(_toml(d) for d in self.detect)}]")
        else:
            out.append("# No URL and no line on every page: this pack applies to EVERY page. Add domains.")
        used: set[str] = set()
        for line in self.lines:
            rule_id = _unique(_slug(_DIGITS.sub(" ", line.text) if line.pattern else line.text), used)
            where = f"# on {line.pages} of {self.pages} pages"
            body = ["[[drop]]", f"id = {_toml(rule_id)}",
                    f"regex = {_toml(line.pattern)}" if line.pattern else f"text = {_toml(line.text)}"]
            if line.inside_article:
                out += ["", where + ", between article paragraphs: a recurring heading? Uncomment to drop it."]
                out += ["# " + b for b in body]
            else:
                out += ["", where, *body]
        return "\n".join(out) + "\n"

    def pack(self) -> Pack:
        """The learned pack, validated, ready for ``clean(..., rules=[pack])``."""
        return parse_pack(self.to_toml(), path=f"<learned {self.name}>")


def page_blocks(doc) -> list[Block]:
    """A page's blocks exactly as ``clean()`` first sees them (bytes decoded, HTML or text)."""
    if isinstance(doc, (bytes, bytearray, memoryview)):
        doc = decode(bytes(doc))
    if not isinstance(doc, str):
        raise TypeError(f"a page is a str or bytes document, not {type(doc).__name__}")
    return extract_html(doc).blocks if looks_like_html(doc) else text_blocks(doc)


def learn(pages, *, min_share: float = 0.6, urls=None, domains=(), name: str | None = None, rules=(),
          disabled=frozenset()) -> Learned:
    """Find the lines that recur on at least ``min_share`` of ``pages`` (str or bytes documents).

    ``urls`` (one per page, or any URLs of the site) and ``domains`` scope the pack; ``rules``
    are extra packs whose ``drop`` rules, like the built-ins' (minus ``disabled``), already
    remove a line, so it is not learned again.
    """
    if not 0 < min_share <= 1:
        raise LearnError(f"min_share must be in (0, 1], not {min_share}")
    pages = [page_blocks(page) for page in pages]
    if len(pages) < 2:
        raise LearnError(f"learning a site's template needs at least 2 pages, got {len(pages)}")
    needed = max(2, math.ceil(min_share * len(pages) - 1e-9))
    domains = tuple(dict.fromkeys([*(d.casefold() for d in domains), *_hosts(urls or ())]))
    known = builtin_packs() + load_rules(*rules)
    exact, shapes, dropped = _Tally(), _Tally(), _Tally()
    for blocks in pages:
        keys = {b.key() for b in blocks}
        rule_set = RuleSet([p for p in known if p.applies(None, keys)], disabled=frozenset(disabled))
        known_drop = {b.key() for b in blocks if rule_set.match(b.key(), "drop") is not None}
        exact.add_page(blocks, lambda b: None if b.key() in known_drop else b.key())
        dropped.add_page(blocks, lambda b: b.key() if b.key() in known_drop else None)
        shapes.add_page(blocks, lambda b: None if b.key() in known_drop else _shape(b.key()))
    recurring = [Recurring(seen.text, len(seen.pages), position=seen.position()) for _, seen in exact.recurring(needed)]
    learned_keys = set(key for key, _ in exact.recurring(needed))
    for pattern, seen in shapes.recurring(needed):
        if len(seen.variants - learned_keys) > 1:
            recurring.append(Recurring(seen.text, len(seen.pages), pattern=pattern, position=seen.position()))
    for line in recurring:
        line.inside_article = _inside_articles(line, pages, learned_keys)
    recurring.sort(key=lambda r: r.position)
    site = name or (domains[0].replace(".", "-") if domains else "learned-site")
    everywhere = [r for r in recurring if r.pages == len(pages) and not r.pattern and not r.inside_article]
    detect = (max(everywhere, key=lambda r: len(r.text)).text,) if everywhere and not domains else ()
    return Learned(recurring, len(pages), needed, site, domains, detect, len(dropped.recurring(needed)), min_share)


def learn_pack(pages, *, min_share: float = 0.6, urls=None, **options) -> str:
    """``learn()``, written as a TOML pack (see the module docstring)."""
    return learn(pages, min_share=min_share, urls=urls, **options).to_toml()


class _Seen:
    def __init__(self, text):
        self.text, self.pages, self.places, self.variants = text, set(), [], set()

    def position(self) -> float:
        return sum(self.places) / len(self.places)


class _Tally:
    """Pages on which each key occurs, with the first text and relative place it was seen at."""

    def __init__(self):
        self.seen: dict[str, _Seen] = {}
        self.count = 0

    def add_page(self, blocks, key_of):
        for position, block in enumerate(blocks):
            key = key_of(block)
            if not key:
                continue
            seen = self.seen.setdefault(key, _Seen(block.text))
            if self.count not in seen.pages:
                seen.pages.add(self.count)
                seen.places.append(position / max(1, len(blocks) - 1))
            seen.variants.add(block.key())
        self.count += 1

    def recurring(self, needed):
        return [(key, seen) for key, seen in self.seen.items() if len(seen.pages) >= needed]


def _shape(key) -> str | None:
    """A short line as a regex with ``\\d+`` for each number ("1,204 readers"), else None."""
    if not _DIGITS.search(key) or key.count(" ") + 1 > SHAPE_MAX_WORDS:
        return None
    return r"\d+".join(regex.escape(p, special_only=True, literal_spaces=True) for p in _DIGITS.split(key))


def _inside_articles(line, pages, recurring_keys) -> bool:
    """Whether ``line`` sits between two article paragraphs on most pages it occurs on."""
    inside = total = 0
    pattern = regex.compile(line.pattern) if line.pattern else None
    for blocks in pages:
        prose = [i for i, b in enumerate(blocks)
                 if len(b.text.split()) >= PROSE_WORDS and b.key() not in recurring_keys]
        spots = [i for i, b in enumerate(blocks)
                 if (pattern.fullmatch(b.key()) if pattern else b.key() == line_key(line.text))]
        if spots:
            total += 1
            inside += bool(prose) and prose[0] < spots[0] < prose[-1]
    return inside * 2 > total


def _hosts(urls):
    for url in urls:
        host = (urlsplit(url).hostname or "").casefold() if url else ""
        if host:
            yield host[4:] if host.startswith("www.") else host


def _slug(text) -> str:
    words = regex.findall(r"\w+", text.casefold())[:6]
    return "-".join(words)[:48].strip("-") or "line"


def _unique(slug, used) -> str:
    candidate, number = slug, 2
    while candidate in used:
        candidate, number = f"{slug}-{number}", number + 1
    used.add(candidate)
    return candidate


def _toml(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes), unicode kept as is.
    return json.dumps(value, ensure_ascii=False)
