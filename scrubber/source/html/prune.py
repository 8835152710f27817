"""Pruning: take out of the tree what is never article text, before the main content is chosen.

Removed: scripts, styles, embedded objects and form controls; hidden elements (``hidden``,
``aria-hidden="true"``, inline ``display:none``); chrome by meaning (``nav``, ``aside``, forms,
``header``/``footer`` outside an ``article``/``main``, ARIA landmark and dialog roles); and
elements whose class or id names a kind of chrome (``names.py``, with its words in
``scrubber/data/chrome_tokens.toml``).
An element holding most of the page's text is never pruned by its name or role, so an article
in ``<div id="share-wrapper">`` survives. The walk is iterative: nesting depth costs nothing.
Its compiled twin (``_walk_prune.pxi``, used when built) hands Python only the elements a rule could
call chrome.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import NamedTuple

import regex
from lxml import etree

from . import compiled
from .names import RESHAPING_WORDS, name_words, token_groups, word_kinds, words_concept
from .parse import body_of, remove, text_of
from .prose import MIN_GUARDED_CHARS, PageProse, holds_article

# Never text: dropped with their content, before anything else looks at the tree.
ALWAYS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
          "input", "select", "textarea", "button", "option", "link", "meta", "dialog")
CHROME_TAGS = {"nav": "navigation", "aside": "sidebar", "form": "form", "menu": "navigation"}
OUTSIDE_ARTICLE = {"header": "navigation", "footer": "navigation"}
CHROME_ROLES = {"navigation": "navigation", "banner": "navigation", "contentinfo": "navigation",
                "complementary": "sidebar", "dialog": "overlay", "alertdialog": "overlay", "menu": "navigation",
                "menubar": "navigation", "search": "navigation"}
ARTICLE_TAGS = ("article", "main")
# ...but an <article> named as a dialog ("login-modal") is a dialog: sites mark up each panel
# of a sign-in overlay as an article.
ARTICLE_CHROME = frozenset(("overlay",))
# Tags chrome_reason judges by themselves (other elements only by their attributes).
_JUDGED_TAGS = frozenset(CHROME_TAGS) | frozenset(OUTSIDE_ARTICLE) | {"figcaption"}
# A <noscript> holding more than this share of the page's text swallowed the page (see
# _unwrap_swallowing_noscript); a real one holds a notice or a tracking pixel.
NOSCRIPT_SHARE = 0.5
# A caption that only credits the picture: "Foto: Ingo Pertramer", "(© FEI/Christophe Taniere)".
_CREDIT = regex.compile(r"\W*(?:©|\(c\)|copyright|foto|fotos|photo|photos|photograph|bild|image|credit|credits|"
                        r"quelle|source|illustration|grafik|crédito|crédit|foto de)\b|.{0,80}(?:©|shutterstock|istock|getty images)",
                        regex.IGNORECASE)
CREDIT_WORDS = 12
# A picture's caption describes the picture, not the article's argument; a caption this long
# is a paragraph of the story told beside the picture (list articles, photo essays) and stays.
CAPTION_PROSE_WORDS = 40
# An id of this many words is an anchor made from a heading, not a component name.
HEADING_ANCHOR_WORDS = 4
# A box that schema.org marks as the article's author (``itemprop="author"``) is the author's
# card or biography, whatever its class says ("content-box author-box"); a name inline in the
# byline stays for the byline rules to judge as one line.
AUTHOR_BOX_TAGS = frozenset(("div", "section", "aside", "footer"))
# A link named after what it opens ("popup", "lightbox", "modal-trigger") is not that overlay:
# it sits in the sentence that offers it.
LINK_TARGET_CONCEPTS = frozenset({"overlay"})
# The attributes besides class and id that chrome_reason reads.
_STATE_ATTRIBUTES = frozenset(("hidden", "aria-hidden", "style", "role", "itemprop"))
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)


def is_hidden(element) -> bool:
    """Hidden from readers by attribute or inline style."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_credit(caption: str) -> bool:
    """A caption that is only a picture credit (a described picture is content).

    >>> _is_credit("Foto: Ingo Pertramer"), _is_credit("The mill in 1910, before the fire. Photo: archive")
    (True, False)
    """
    return len(caption.split()) <= CREDIT_WORDS and bool(_CREDIT.match(caption.strip()))


def _inside_article(element) -> bool:
    # lxml picks the ancestors by tag in C: no Python object for the others
    return next(element.iterancestors(*ARTICLE_TAGS), None) is not None


def _id_words(element_id: str | None) -> list[str]:
    """The words of an id that names a component; none for an anchor made from a heading
    ("sharing-with-a-single-developer"), which says nothing about what the element is.

    >>> _id_words("share-buttons"), _id_words("sharing-with-a-single-developer")
    (['share', 'buttons'], [])
    """
    words = name_words(element_id) if element_id else []
    return words if len(words) < HEADING_ANCHOR_WORDS else []


def chrome_reason(element, tag: str, by_name: bool = True) -> tuple[str, str] | None:
    """Why an element is chrome: (concept, evidence) where evidence is ``hidden``, ``tag``
    (tag or ARIA role) or ``name`` (class or id); None for content. ``by_name=False`` ignores
    class and id. An element without attributes is judged only when its tag is in
    ``_JUDGED_TAGS`` (prune skips the others): a new rule on a bare tag goes there too."""
    # Four elements in five carry none of the attributes read below but class and id: one
    # look at the attribute names spares them a lookup of each.
    attributes = element.keys()
    stated = not _STATE_ATTRIBUTES.isdisjoint(attributes)
    if stated and is_hidden(element):
        return "hidden", "hidden"
    reason = CHROME_TAGS.get(tag)
    if reason:
        return reason, "tag"
    if tag in OUTSIDE_ARTICLE and not _inside_article(element):
        return OUTSIDE_ARTICLE[tag], "tag"
    if tag == "figcaption":
        short_caption = _short_caption(element)
        if short_caption:
            return short_caption, "tag"
    if stated:
        role = element.get("role")
        if role and role.strip().casefold() in CHROME_ROLES:
            return CHROME_ROLES[role.strip().casefold()], "tag"
        if tag in AUTHOR_BOX_TAGS and element.get("itemprop") == "author":
            return "byline", "tag"
    if not by_name:
        return None
    return _name_verdict(element, tag, _named_concept(element.get("class"),
                                                      element.get("id") if "id" in attributes else None))


def _name_verdict(element, tag: str, concept: str | None) -> tuple[str, str] | None:
    """chrome_reason of an element that its class or id, naming ``concept``, is the last hope
    of calling chrome."""
    if concept == "caption":  # a caption by name is judged like a <figcaption>
        concept = _short_caption(element)
    elif tag == "a" and concept in LINK_TARGET_CONCEPTS:
        return None
    return (concept, "name") if concept else None


@lru_cache(maxsize=8192)
def _named_concept(class_name: str | None, element_id: str | None) -> str | None:
    # Pages repeat the same class/id pairs on hundreds of elements: judge each pair once, and
    # split its class and id into words once (the words of "class id" are the class's words
    # then the id's).
    id_words = _id_words(element_id)
    words = name_words(class_name) + id_words if class_name else id_words
    if not words:
        return None
    name = f"{class_name} {element_id}" if class_name and id_words else class_name or element_id
    return words_concept(name, words)


def _short_caption(element) -> str | None:
    """``credit`` or ``caption`` for a picture caption shorter than a paragraph of the story."""
    caption = text_of(element)
    if _is_credit(caption):
        return "credit"
    if len(caption.split()) < CAPTION_PROSE_WORDS:
        return "caption"
    return None


class Removal(NamedTuple):
    """An element prune took out, the kind of chrome it is and what told (see chrome_reason)."""

    reason: str
    evidence: str
    element: object


# Removal((reason, evidence, element)) without the NamedTuple's __new__, a Python function
# (~3K instructions; a page has hundreds of removals)
_removal = partial(tuple.__new__, Removal)


def prune(root, by_name: bool = True) -> list[Removal]:
    """Remove non-content from the tree in place, and return the removals.
    ``by_name=False`` keeps elements that only their class or id calls chrome.

    >>> from scrubber.source.html.parse import parse
    >>> page = parse('<body><nav>Home</nav><div class="article-comments-count">3 comments</div>'
    ...              '<p>Rain <span style="display: none">x</span>fell.</p><div class="cookie-banner">OK</div></body>')
    >>> [removal.reason for removal in prune(page)], page.xpath("string(//body)")
    (['navigation', 'hidden', 'consent'], '3 commentsRain fell.')
    """
    _unwrap_swallowing_noscript(root)
    if compiled.walk is not None:
        compiled.walk.strip(root, _always_codes())
    else:
        etree.strip_elements(root, *ALWAYS, with_tail=False)
    body = body_of(root)
    if body is None:
        body = root
    prose = PageProse(body)
    doomed = []

    def judge(element, concept: str | None = None) -> bool:
        """Whether ``element`` goes (and with it, unvisited, what is inside it). The compiled
        walk hands over the ``concept`` its class or id names when nothing else about it
        could make it chrome: chrome_reason's other questions cost more than the answer."""
        tag = element.tag
        verdict = _name_verdict(element, tag, concept) if concept else chrome_reason(element, tag, by_name)
        if tag in ARTICLE_TAGS and (verdict is None or verdict[0] not in ARTICLE_CHROME):
            return False
        if verdict and (verdict[1] == "hidden" or not holds_article(element, prose, verdict[1])):
            doomed.append(_removal((*verdict, element)))
            return True
        return False

    # the body itself is never chrome
    if compiled.walk is not None:
        # the walk settles itself, in judge's stead, the elements whose verdict needs no Python
        compiled.walk.judged_descendants(body, *_COMPILED_WALK_TAGS, _named_concept, _word_kinds(),
                                         LINK_TARGET_CONCEPTS, judge, by_name, doomed, _removal, MIN_GUARDED_CHARS)
    else:
        _judged_descendants(body, judge)
    if compiled.walk is None:
        for removal in doomed:
            remove(removal.element)
        return doomed
    elements = [removal.element for removal in doomed]
    return _Removals(doomed, elements, compiled.walk.remove_all(elements))


class _Removals(list):
    """prune's removals, which the compiled walk can put back (see ``undo``)."""

    def __init__(self, removals, elements, places):
        super().__init__(removals)
        self._elements, self._places = elements, places

    def undo(self) -> None:
        """Put the removed elements back where they stood (scripts, styles and the like stay
        out), while nothing else has changed the tree: the tree is then as a second parse
        would leave it after the same strip, and can be pruned again another way."""
        compiled.walk.restore_all(self._elements, self._places)
        self._elements, self._places = [], b""


def undoable(removals) -> bool:
    """Whether ``removals`` (from ``prune``) can be undone: only where the compiled walk ran."""
    return isinstance(removals, _Removals)


# What the compiled walk reads (tags as libxml2 names them, in UTF-8): the tags judged anywhere
# and the concept each names by itself (None: the figcaption, which its text decides), those
# judged outside an article (all name navigation), and the article tags.
_JUDGED_ANYWHERE = sorted(_JUDGED_TAGS - set(OUTSIDE_ARTICLE))
_COMPILED_WALK_TAGS = (tuple(tag.encode() for tag in _JUDGED_ANYWHERE), tuple(map(CHROME_TAGS.get, _JUDGED_ANYWHERE)),
                       *(tuple(sorted(tag.encode() for tag in tags)) for tags in (OUTSIDE_ARTICLE, ARTICLE_TAGS)))
assert set(OUTSIDE_ARTICLE.values()) == {"navigation"}, "the compiled walk names them all navigation"


@lru_cache(maxsize=1)
def _always_codes():
    return compiled.walk.TagCodes(dict.fromkeys(ALWAYS, 1))


# A word kind bit for the compiled walk beside names.word_kinds': a word that guards content or
# reshapes a name (names._naming), whose names Python judges.
_RESHAPING = 16


@lru_cache(maxsize=1)
def _word_kinds() -> tuple[tuple[bytes, int, str | None], ...]:
    # for the compiled walk, which settles the names whose words could not make
    # names._may_name_chrome true (_named_concept calls them nothing), and the names whose
    # words no reshaping word joins by the concept of their first concept word
    concepts, guard = token_groups()
    kinds = dict(word_kinds())
    for word in guard | RESHAPING_WORDS:
        kinds[word] = kinds.get(word, 0) | _RESHAPING
    return tuple(sorted((word.encode(), kind, concepts.get(word)) for word, kind in kinds.items()))


def _judged_descendants(top, judge) -> None:
    """Call ``judge`` on each element below ``top`` that chrome_reason could call chrome, in
    document order; skip the subtree of each for which it returns true (``_walk_prune.pxi`` holds the
    compiled twin of this walk)."""
    walker = etree.iterwalk(top, events=("start",))
    next(walker)
    for _, element in walker:
        tag = element.tag
        # Most elements carry no attribute and a tag no rule names: nothing to judge.
        if tag not in _JUDGED_TAGS and not element.attrib:
            continue
        if isinstance(tag, str) and judge(element):
            walker.skip_subtree()  # what is inside goes with it


def _unwrap_swallowing_noscript(root) -> None:
    """Turn into a ``<div>`` each ``<noscript>`` that holds most of the page's text.

    A browser running scripts reads a ``<noscript>`` as raw text, so a tag left open inside
    one ("<noscript><div id=nojs></noscript>") closes nothing; the parser instead nests the
    rest of the page inside it, and dropping the ``<noscript>`` would drop the article.

    >>> from scrubber.source.html.parse import parse
    >>> page = parse("<body><noscript><div class=nojs></noscript><p>" + "Rain fell all day. " * 20
    ...              + "</p><noscript></div></noscript></body>")
    >>> _unwrap_swallowing_noscript(page); [e.tag for e in page.find("body")]
    ['div']
    """
    body = body_of(root)
    if body is None:
        return
    for noscript in (_swallowing(body) if compiled.walk is None
                     else compiled.walk.swallowing(body, b"noscript", MIN_GUARDED_CHARS, NOSCRIPT_SHARE)):
        noscript.tag = "div"


def _swallowing(body) -> list:
    """The ``<noscript>`` elements below ``body`` that hold most of its text (the compiled walk's
    ``swallowing`` is the twin of this)."""
    found = []
    total = None
    for noscript in body.iter("noscript"):
        chars = len(text_of(noscript))
        if chars < MIN_GUARDED_CHARS:
            continue
        if total is None:
            total = len(text_of(body))
        if chars > NOSCRIPT_SHARE * total:
            found.append(noscript)
    return found
