"""Rule and Pack: the in-memory form of a TOML rule pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

ACTIONS = ("drop", "cut_after", "cut_before", "keep")


def line_key(text: str) -> str:
    """How a line is compared with a ``text`` rule: case-folded, whitespace collapsed.

    >>> line_key("  Post:  Blog2_Post ")
    'post: blog2_post'
    """
    return " ".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of a pack.

    ``id`` is the full id ``<pack>/<rule>``. Exactly one of ``text`` (a line key, see
    ``line_key``), ``pattern`` (a compiled ``regex`` pattern matched against the whole line key)
    or ``selector`` (a CSS selector, HTML input only) is set.
    """

    id: str
    action: str
    pack: str
    text: str | None = None
    pattern: object | None = None
    selector: str | None = None
    note: str = ""
    line: int | None = None
    source: str | None = None
    max_words: int | None = None


@dataclass(frozen=True)
class Pack:
    """A named set of rules with an optional scope.

    A pack without ``domains`` and ``detect`` applies to every page. With a scope it applies
    when the page URL's host is one of ``domains`` (or a subdomain of one), or when one of the
    ``detect`` lines occurs in the page as a whole line. A pack with ``lang`` codes applies only
    to pages in one of those languages (when the language is known). ``line`` is where the
    pack's name is written in its file.
    """

    name: str
    rules: tuple[Rule, ...] = ()
    domains: tuple[str, ...] = ()
    detect: tuple[str, ...] = ()
    stage: str = "site_rules"
    description: str = ""
    path: str | None = None
    line: int | None = None
    builtin: bool = False
    lang: tuple[str, ...] = ()
    detect_keys: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def scoped(self) -> bool:
        return bool(self.domains or self.detect)

    def applies(self, url: str | None, line_keys: frozenset[str] | set[str], lang: str | None = None) -> bool:
        """Whether the pack is in force for a page with this URL, these line keys and language.

        >>> p = Pack("wix", domains=("wixsite.com",), detect=("Post: Blog2_Post",),
        ...          detect_keys=frozenset({"post: blog2_post"}))
        >>> p.applies("https://me.wixsite.com/blog/post/x", set())
        True
        >>> p.applies(None, {"post: blog2_post"})
        True
        >>> p.applies("https://example.org/", {"hello"})
        False
        >>> Pack("german-news", lang=("de",)).applies(None, set(), lang="en")
        False
        """
        if self.lang and lang and lang.casefold() not in self.lang:
            return False
        if not self.scoped:
            return True
        if url and self.domains:
            host = _host(url)
            for domain in self.domains:
                if host == domain or host.endswith("." + domain):
                    return True
        return bool(self.detect_keys and not self.detect_keys.isdisjoint(line_keys))


@lru_cache(maxsize=256)  # every scoped pack asks for the host of the same page
def _host(url: str) -> str:
    """The URL's host name, case-folded; "" when the URL is malformed (a scraped URL can be).

    >>> _host("https://Me.WixSite.com/blog"), _host("http://[::1")
    ('me.wixsite.com', '')
    """
    try:
        return (urlsplit(url).hostname or "").casefold()
    except ValueError:
        return ""
