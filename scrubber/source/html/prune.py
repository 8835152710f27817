"""Pruning: take out of the tree what is never article text, before the main content is chosen.

Removed: scripts, styles, embedded objects and form controls; hidden elements (``hidden``,
``aria-hidden="true"``, inline ``display:none``); chrome by meaning (``nav``, ``aside``, forms,
``header``/``footer`` outside an ``article``/``main``, ARIA landmark and dialog roles); and
elements whose class or id names a kind of chrome (see ``scrubber/data/chrome_tokens.toml``).
An element holding most of the page's text is never pruned by its name or role, so an article
in ``<div id="share-wrapper">`` survives. The walk is iterative: nesting depth costs nothing.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex
from lxml import etree

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

# Never text: dropped with their content, before anything else looks at the tree.
ALWAYS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
          "input", "select", "textarea", "button", "option", "link", "meta", "dialog")
CHROME_TAGS = {"nav": "navigation", "aside": "sidebar", "form": "form", "menu": "navigation"}
OUTSIDE_ARTICLE = {"header": "navigation", "footer": "navigation"}
CHROME_ROLES = {"navigation": "navigation", "banner": "navigation", "contentinfo": "navigation",
                "complementary": "sidebar", "dialog": "overlay", "alertdialog": "overlay", "menu": "navigation",
                "menubar": "navigation", "search": "navigation"}
ARTICLE_TAGS = ("article", "main")
# A pruned element may hold at most this share of the page's text (unless it is mostly links).
MAX_TEXT_SHARE = 0.4
_WORDS = regex.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)


@lru_cache(maxsize=1)
def token_groups() -> tuple[dict[str, str], frozenset[str]]:
    """(word -> concept, guard words) from the chrome token data file."""
    raw = (resources.files("scrubber.data") / "chrome_tokens.toml").read_text(encoding="utf-8")
    groups = tomllib.loads(raw)
    groups.pop("hints")
    guard = frozenset(groups.pop("guard")["words"])
    concepts = {word: concept for concept, group in groups.items() for word in group["words"]}
    return concepts, guard


@lru_cache(maxsize=1)
def scoring_hints() -> tuple[frozenset[str], frozenset[str]]:
    """(positive, negative) class/id words for main-content scoring."""
    raw = (resources.files("scrubber.data") / "chrome_tokens.toml").read_text(encoding="utf-8")
    hints = tomllib.loads(raw)["hints"]
    return frozenset(hints["positive"]), frozenset(hints["negative"])


def name_words(name: str) -> list[str]:
    """Words of a class/id value, case-folded, split at punctuation and camelCase.

    >>> name_words("post-shareButtons main_2")
    ['post', 'share', 'buttons', 'main', '2']
    """
    return [w.casefold() for w in _WORDS.findall(name)]


@lru_cache(maxsize=8192)
def chrome_concept(name: str) -> str | None:
    """The chrome concept a class/id value names, or None.

    >>> chrome_concept("post-share-buttons"), chrome_concept("shareButtons")
    ('share', 'share')
    >>> chrome_concept("article-comments-count") is None, chrome_concept("shared-ownership") is None
    (True, True)
    >>> chrome_concept("cookie-banner modal"), chrome_concept("comment-body") is None
    ('consent', True)
    """
    concepts, guard = token_groups()
    for value in name.split():
        words = name_words(value)
        if any(w in guard for w in words):
            continue
        for word in words:
            concept = concepts.get(word)
            if concept:
                return concept
    return None


def is_hidden(element) -> bool:
    """Hidden from readers by attribute or inline style."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def chrome_reason(element, tag: str, in_article: bool, by_name: bool = True) -> str | None:
    """Why an element is chrome (a concept name), or None; ``by_name`` reads class and id."""
    if is_hidden(element):
        return "hidden"
    reason = CHROME_TAGS.get(tag)
    if reason:
        return reason
    if not in_article and tag in OUTSIDE_ARTICLE:
        return OUTSIDE_ARTICLE[tag]
    role = element.get("role")
    if role and role.strip().casefold() in CHROME_ROLES:
        return CHROME_ROLES[role.strip().casefold()]
    if not by_name:
        return None
    names = " ".join(filter(None, (element.get("class"), element.get("id"))))
    return chrome_concept(names) if names else None


def prune(root, by_name: bool = True) -> list[tuple[str, object]]:
    """Remove non-content from the tree in place; returns (reason, element) for each removal.
    ``by_name=False`` keeps elements that only their class or id calls chrome.

    >>> from scrubber.source.html.parse import parse
    >>> page = parse('<body><nav>Home</nav><div class="article-comments-count">3 comments</div>'
    ...              '<p>Rain <span style="display: none">x</span>fell.</p><div class="cookie-banner">OK</div></body>')
    >>> [reason for reason, _ in prune(page)], page.xpath("string(//body)")
    (['navigation', 'hidden', 'consent'], '3 commentsRain fell.')
    """
    etree.strip_elements(root, *ALWAYS, with_tail=False)
    body = root.find("body")
    if body is None:
        body = root
    total = len(body.text_content())
    doomed = []
    inside_article = 0
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if event == "end":
            if tag in ARTICLE_TAGS:
                inside_article -= 1
            continue
        if tag in ARTICLE_TAGS:
            inside_article += 1
            continue
        if element is body:
            continue
        reason = chrome_reason(element, tag, inside_article > 0, by_name)
        if reason and (reason == "hidden" or not holds_article(element, total)):
            doomed.append((reason, element))
            walker.skip_subtree()
    for _, element in doomed:
        element.drop_tree()
    return doomed


def holds_article(element, total: int) -> bool:
    """Too much of the page's prose to be chrome, whatever its name says."""
    if element.get("itemprop") == "articleBody":
        return True
    size = len(element.text_content())
    if size <= MAX_TEXT_SHARE * total or size < 200:
        return False
    links = sum(len(a.text_content()) for a in element.iter("a"))
    return links < 0.5 * size
