"""Adapters that turn peer extractors into plain `text -> text` functions.

Kept apart from the mode scripts because jusText's language choice and the
block-aware HTML-to-text step are shared by both modes.
"""

import html as htmlmod
import re
from functools import lru_cache

WORD = re.compile(r"\w+")
HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)
TAG = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.I | re.S)
# The languages present in the dev corpus, most frequent first (ties go to the earlier).
GUESS_LANGUAGES = ("English", "German", "Spanish", "French", "Polish", "Portuguese",
                   "Italian", "Dutch", "Czech")
ISO_STOPLIST = {"en": "English", "de": "German", "es": "Spanish", "fr": "French",
                "pl": "Polish", "pt": "Portuguese", "it": "Italian", "nl": "Dutch",
                "cs": "Czech", "hu": "Hungarian", "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal",
                "ar": "Arabic", "ru": "Russian", "sv": "Swedish", "da": "Danish", "fi": "Finnish"}
GUESS_WORDS = 3000  # enough words to tell languages apart without scanning huge pages


@lru_cache(maxsize=None)
def stoplist(language):
    import justext
    return frozenset(justext.get_stoplist(language))


def guess_stoplist(text):
    """The candidate language whose stopwords occur most often in the text.

    Crude, but text mode has no markup to read a declared language from, and a
    wrong stoplist makes jusText drop nearly everything."""
    words = [w.lower() for w in WORD.findall(text)[:GUESS_WORDS]]
    return max(GUESS_LANGUAGES, key=lambda lang: sum(w in stoplist(lang) for w in words))


def stoplist_for_html(html):
    """Declared <html lang>, falling back to a stopword vote on the tag-stripped page."""
    m = HTML_LANG.search(html[:20000])
    if m and m.group(1).lower() in ISO_STOPLIST:
        return ISO_STOPLIST[m.group(1).lower()]
    return guess_stoplist(TAG.sub(" ", html[:200000]))


def justext_text(html, language):
    import justext
    paragraphs = justext.justext(html, stoplist(language))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def lines_as_html(text):
    """One <p> per dump line: jusText classifies paragraphs, and lines are all
    the structure a text dump has left."""
    body = "".join(f"<p>{htmlmod.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>{body}</body></html>"


# C4 cleaning rules (Raffel et al. 2020, as coded in TensorFlow Datasets' c4_utils),
# applied line by line.  Two deliberate departures, because here a page is an
# article to extract rather than a web page to admit into a corpus: C4 drops the
# whole page when a line mentions "lorem ipsum" or contains "{", and drops pages
# with fewer than 5 sentences; we only drop the offending line and never a page.
C4_END_MARKS = (".", "?", "!", '"')
C4_ELLIPSIS = "..."
C4_MIN_WORDS = 3
C4_MAX_WORD_CHARS = 1000
C4_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies",
             "use of cookies", "use cookies")


def c4_line(line):
    """The cleaned line, or None when C4 would drop it."""
    line = line.strip()
    if any(len(w) > C4_MAX_WORD_CHARS for w in line.split()):
        return None
    line = C4_CITATION.sub("", line)
    if not line.endswith(C4_END_MARKS) or line.endswith(C4_ELLIPSIS):
        return None
    if len(line.split()) < C4_MIN_WORDS:
        return None
    lower = line.lower()
    if "javascript" in lower or "lorem ipsum" in lower or "{" in line:
        return None
    if any(p in lower for p in C4_POLICY):
        return None
    return line


def c4_filter(text):
    return "\n".join(kept for kept in map(c4_line, text.splitlines()) if kept is not None)


BLOCK_TAGS = ("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
              "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
              "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th",
              "tr", "ul")
BREAK = "\ue000"  # private-use marker: survives whitespace collapsing, unlike "\n"


def block_text(root):
    """Text of an lxml tree with one line per block element.

    lxml's text_content() glues adjacent paragraphs together ("end.Next"), which
    would merge tokens and hurt shingle scores unfairly for readability-lxml."""
    for el in root.iter(*BLOCK_TAGS):
        el.text = BREAK + (el.text or "")
        el.tail = BREAK + (el.tail or "")
    text = re.sub(r"\s+", " ", root.text_content())
    return "\n".join(b.strip() for b in text.split(BREAK) if b.strip())
