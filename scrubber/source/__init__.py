"""Sources: whatever came in (bytes or str, HTML or scraped text) -> a list of blocks."""

from .decode import decode
from .detect import looks_like_html

__all__ = ["decode", "looks_like_html"]
