"""Content scoring: after the rules, classify what is left as article or chrome from text
features and from the classes of the neighbours (in the spirit of jusText's smoothing)."""

from .classifier import ContentScorer

__all__ = ["ContentScorer"]
