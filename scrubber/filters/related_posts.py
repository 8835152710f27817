"""Headers of related, recent and recommended post lists."""

from .base import RuleFilter


class RelatedPosts(RuleFilter):
    """Drops the header lines of related-post, recent-post and recommendation lists.

    Rules: ``scrubber/rules/packs/related_posts.toml``.

    >>> from scrubber.testing import judge
    >>> judge(RelatedPosts, 'Recent Posts')
    'related_posts/recent-posts'
    >>> judge(RelatedPosts, 'Recent posts on the forum show that users want more privacy.') is None
    True
    >>> judge(RelatedPosts, 'Das könnte Sie auch interessieren')
    'related_posts/de'
    """

    name = "related_posts"
