"""Platform markers and footers of blog and site builders: Wix, WordPress, Squarespace, Substack,
Medium, Blogger, Ghost and HubSpot, one pack each under ``rules/packs/platforms/``."""

from .base import RuleFilter


class Platforms(RuleFilter):
    """Drops lines that a site builder adds around every post, such as Wix's ``Post: Blog2_Post``.

    Each platform has its own pack under ``scrubber/rules/packs/platforms/``, in force only when
    one of its ``detect`` lines occurs in the page or the URL is on one of its domains, so a
    platform's vocabulary never touches other sites.

    >>> from scrubber.testing import judge
    >>> judge(Platforms, "Post not marked as liked", page_lines=["Post: Blog2_Post"])
    'wix/blog-widgets'
    >>> judge(Platforms, "Post not marked as liked") is None
    True
    >>> judge(Platforms, "Like Loading...", url="https://crumb.wordpress.com/2025/03/04/rise/")
    'wordpress/jetpack-likes'
    >>> judge(Platforms, "Ready for more?", page_lines=["Substack is the home for great culture"])
    'substack/footer'
    """

    name = "platforms"
