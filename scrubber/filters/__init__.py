"""The chrome filters, in the order the pipeline runs them.

To add a filter: write a module here (a ``Filter`` subclass whose docstring says what it
removes, with examples), its rule pack in ``scrubber/rules/packs/<name>.toml`` if it is rule
driven, an entry in ``DEFAULT_FILTERS`` below, and fixtures in ``fixtures/filters/<name>.toml``.
"""

from .ads import Ads
from .article_end import ArticleEnd
from .base import Drop, Filter, RuleFilter
from .bylines import Bylines
from .chat_widgets import ChatWidgets
from .comments import Comments
from .cookie_banners import CookieBanners
from .navigation import Navigation
from .newsletters import Newsletters
from .page_anchors import PageAnchors
from .pagination import Pagination
from .platforms import Platforms
from .related_posts import RelatedPosts
from .share_rows import ShareRows
from .site_rules import SiteRules
from .tag_lists import TagLists
from .title_repeats import TitleRepeats
from .trackers import Trackers

# The single ordered registry. Markers that end the article run first, so the lines after
# them are explained by the marker; user rules run last, after every built-in.
DEFAULT_FILTERS: tuple[type[Filter], ...] = (
    ArticleEnd,
    PageAnchors,
    Trackers,
    ChatWidgets,
    CookieBanners,
    Navigation,
    ShareRows,
    Bylines,
    RelatedPosts,
    Newsletters,
    Comments,
    Pagination,
    TagLists,
    Ads,
    Platforms,
    TitleRepeats,
    SiteRules,
)

FILTERS_BY_NAME = {f.name: f for f in DEFAULT_FILTERS}

__all__ = ["DEFAULT_FILTERS", "FILTERS_BY_NAME", "Drop", "Filter", "RuleFilter"] + [f.__name__ for f in DEFAULT_FILTERS]
