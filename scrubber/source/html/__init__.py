"""HTML -> blocks of the main content: parse, read the metadata, prune chrome, find the
article's containers, turn them into structured blocks.

>>> doc = extract("<html lang=en><title>Rain | Weather Desk</title><nav><a href=/>Home</a></nav>"
...               "<article><h1>Rain</h1><p>It rained all day, and the river rose by a metre.</p></article>")
>>> doc.title, doc.lang, [(b.kind, b.text) for b in doc.blocks]
('Rain', 'en', [('heading', 'Rain'), ('paragraph', 'It rained all day, and the river rose by a metre.')])
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...blocks import Block
from .blocks import blocks_of
from .content import score_tree
from .selection import main_content
from .metadata import page_metadata
from .parse import body_of, parse
from .prune import prune, undoable

# Below this many characters the strict pass may have pruned the article itself (a container
# named like chrome): extract again, pruning by markup semantics only, and keep that when it
# finds several times more text.
MIN_ARTICLE_CHARS = 500
RETRY_GAIN = 2
# JSON-LD's articleBody replaces the extracted blocks when it is this many times longer.
LD_GAIN = 2
# ...and reads like an article: no single word makes up this share of it ("w w w w ...").
LD_MAX_WORD_SHARE = 0.3
# When the markup holds a real paragraph (this many words, more than a "Loading..." notice),
# the JSON-LD must be the same article: it has to contain that paragraph's opening words.
LD_PARAGRAPH_WORDS = 20
LD_PROBE_WORDS = 8

__all__ = ["HtmlDocument", "extract", "parse"]


@dataclass
class HtmlDocument:
    """The main content of a page as blocks, with the element each block came from."""

    blocks: list[Block]
    title: str | None = None
    lang: str | None = None
    origins: list = field(default_factory=list)
    root: object = None
    json_ld_body: str | None = None


def extract(html: str, drop_first=None, article=None) -> HtmlDocument:
    """Parse ``html`` and return the blocks of its main content, title and language.

    ``drop_first(root)``, when given, runs on the parsed tree before anything else (the
    pipeline removes the elements that users' selector rules name this way). ``article(root)``,
    when given, returns the elements that hold the article (users' ``keep`` selector rules):
    when it finds any, they are the main content, pruned inside, and content scoring is skipped.
    """
    root = _parse(html, drop_first)
    title, lang, ld_body = page_metadata(root)
    chosen = article(root) if article is not None else []
    if chosen:
        for container in chosen:
            prune(container)  # inside only: the user named the container itself as the article
        blocks, origins = blocks_of(chosen)
        return HtmlDocument(blocks, title, lang, origins, root, ld_body)
    blocks, origins, removals = _article_blocks(root, by_name=True)
    # Only a pass that pruned something for its name can find more without names.
    if sum(len(b.text) for b in blocks) < MIN_ARTICLE_CHARS and any(r.evidence == "name" for r in removals):
        # the compiled prune puts its removals back for a fraction of a second parse
        if undoable(removals):
            removals.undo()
            second = root
        else:
            second = _parse(html, drop_first)
        more, more_origins, _ = _article_blocks(second, by_name=False)
        if sum(len(b.text) for b in more) > RETRY_GAIN * sum(len(b.text) for b in blocks):
            root, blocks, origins = second, more, more_origins
    if ld_body and _json_ld_stands_in(ld_body, blocks):
        blocks, origins = _json_ld_blocks(ld_body), []
    return HtmlDocument(blocks, title, lang, origins, root, ld_body)


def _json_ld_stands_in(body: str, blocks) -> bool:
    """Whether JSON-LD's articleBody should replace what the markup gave: far longer, prose-like,
    and the same article as the markup's longest paragraph (a page's data can be stale, or
    hostile: a megabyte of one repeated word must not push the real article out).

    >>> story = [Block("The council met on Monday and agreed that the new library in the old mill opens in May, "
    ...                "with a reading room upstairs.")]
    >>> _json_ld_stands_in("w " * 5000, story)
    False
    >>> _json_ld_stands_in(story[0].text + " It will cost less than the council feared last winter." * 30, story)
    True
    >>> _json_ld_stands_in("A different story about ferries and the harbour in the spring storms." * 30, story)
    False
    """
    markup = sum(len(b.text) for b in blocks)
    if len(body) <= max(MIN_ARTICLE_CHARS, LD_GAIN * markup):
        return False
    words = body.split()
    if Counter(words).most_common(1)[0][1] > LD_MAX_WORD_SHARE * len(words):
        return False
    longest = max(blocks, key=lambda b: len(b.text), default=None)
    if longest is None or len(longest.text.split()) < LD_PARAGRAPH_WORDS:
        return True
    probe = " ".join(longest.text.split()[:LD_PROBE_WORDS])
    return probe in " ".join(words)


def _json_ld_blocks(body: str) -> list[Block]:
    """The JSON-LD article body as paragraphs: for pages whose markup holds only a teaser and
    whose text a script renders from data."""
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    return [Block(text, kind="paragraph", index=i) for i, text in enumerate(paragraphs)]


def _parse(html, drop_first):
    root = parse(html)
    if drop_first is not None:
        drop_first(root)
    return root


def _article_blocks(root, by_name):
    """Blocks of the article and their elements, and what pruning removed to find them."""
    removals = prune(root, by_name=by_name)
    body = body_of(root)
    if body is None:
        body = root
    return *blocks_of(main_content(body, score_tree(body))), removals
