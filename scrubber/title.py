"""The page title: known from HTML metadata, or guessed from the first title-like line of text."""

from __future__ import annotations

import regex

from .data import small_words

_WORD = regex.compile(r"[\p{L}\p{N}]+")
SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " ~ ")
MAX_TITLE_WORDS = 25
# "Title | Section | Site": what follows the title in a title line is a few words at most.
MAX_SITE_NAME_WORDS = 10
# Where the title of a text dump is looked for: among the first lines, above the first prose.
MAX_TITLE_POSITION = 15
PROSE_WORDS = 12
# A title-like line with this many content words (not "the", "de"...) is taken for the title;
# shorter ones may be site or author names ("The Walled Garden", "La Cocina de Carmen").
TITLE_WORDS_LIKELY = 4


def title_words(text: str) -> list[str]:
    """Case-folded words, the form in which lines are compared with the title.

    >>> title_words("Bread, at Home!")
    ['bread', 'at', 'home']
    """
    return [w.casefold() for w in _WORD.findall(text)]


def strip_site_name(title: str) -> str:
    """'Article | Section | Site' -> 'Article': the longest part, when it has two words or more.

    >>> strip_site_name("Get your Code Covered | Code | Nicolas Perriault")
    'Get your Code Covered'
    >>> strip_site_name("Ukraine Crisis: Talks Soon")
    'Ukraine Crisis: Talks Soon'
    """
    for separator in SEPARATORS:
        if separator in title:
            parts = [p.strip() for p in title.split(separator) if p.strip()]
            best = max(parts, key=lambda p: len(p.split()))
            if len(best.split()) >= 2:
                return best
    return title


def title_text(line: str, wanted: list[str]) -> str | None:
    """The title as ``line`` shows it, when the line is the title (``wanted`` are its words) or
    the title with a site name ("Title | Site"); otherwise None.

    >>> title_text("Bread at Home | The Crumb", title_words("Bread at Home"))
    'Bread at Home'
    >>> title_text("Bread, at Home!", title_words("Bread at Home"))
    'Bread, at Home!'
    >>> title_text("Bread at home is cheap.", title_words("Bread at Home")) is None
    True
    """
    if not holds_title_words(line.casefold(), wanted):
        return None
    if title_words(line) == wanted:
        return line
    return title_with_site(line, wanted)


def holds_title_words(key: str, wanted: list[str]) -> bool:
    """Whether a line, case-folded (``Block.key()`` will do), holds every title word: only such a
    line can be the title or ``Title | Site``. A paragraph rarely does, and the substring test
    costs a fraction of splitting the paragraph into words.

    >>> holds_title_words("bread at home | the crumb", title_words("Bread at Home"))
    True
    """
    return all(map(key.__contains__, wanted))


def title_with_site(line: str, wanted: list[str]) -> str | None:
    """The title part of a ``Title | Site`` line, or None: one part must be the title, the rest a
    short name, and the line no sentence ("Crème brûlée – the burnt cream – needs four things.").

    >>> title_with_site("Sourdough Basics – The Crumb", title_words("Sourdough basics"))
    'Sourdough Basics'
    >>> title_with_site("Crème brûlée – the “burnt cream” – needs only four ingredients.", title_words("Crème brûlée")) is None
    True
    """
    if line.rstrip().endswith((".", "!", "?", "…", ",", ";")):
        return None
    for separator in SEPARATORS:
        if separator in line:
            parts = line.split(separator)
            for part in parts:
                if title_words(part) == wanted and len(title_words(line)) - len(wanted) <= MAX_SITE_NAME_WORDS:
                    return part.strip()
    return None


def looks_like_title(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= MAX_TITLE_WORDS and not text.rstrip().endswith((".", ",", ";", "!"))


def guess_title(blocks) -> str | None:
    """The title of a text dump, site name stripped: of the title-like lines above the first
    paragraph of prose, the first with four content words or more (site and author names are
    shorter), else the longest, the first on a tie. A line with three commas is an
    unpunctuated sentence or a list, not a title.

    >>> from scrubber.blocks import Block
    >>> lines = ["The Walled Garden", "When to Prune Climbing Roses", "Ellen Hart",
    ...          "Climbing roses flower on the wood they grew last summer, so prune them late."]
    >>> guess_title([Block(t) for t in lines])
    'When to Prune Climbing Roses'
    """
    candidates = []
    for position, block in enumerate(blocks[:MAX_TITLE_POSITION]):
        if _is_prose(block.text):
            break
        if block.kind in ("title", "heading", "paragraph") and looks_like_title(block.text) and block.text.count(",") < 3:
            title = strip_site_name(block.text)
            words = sum(1 for word in title_words(title) if word not in small_words())
            if words >= TITLE_WORDS_LIKELY:
                return title
            candidates.append((words, -position, title))
    return max(candidates)[2] if candidates else None


def _is_prose(text: str) -> bool:
    return len(text.split()) >= PROSE_WORDS and text.rstrip().endswith((".", "!", "?", "…", ".”", '."'))
