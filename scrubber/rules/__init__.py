"""Rule packs: TOML data that says which lines are chrome, loaded and validated up front.

Built-in packs live in ``scrubber/rules/packs/``: one file per concern, named after the filter
that applies it (``trackers.toml`` is used by the ``trackers`` filter), and one file per
platform under ``packs/platforms/`` (``wix.toml``), switched on by ``detect`` lines or domains.
User packs use the same format (``clean(rules=[...])``, ``--rules FILE``, ``$SCRUBBER_RULES_DIR``);
``scrubber.learn`` drafts one from a site's pages.
"""

from .loader import builtin_packs, check_pack_file, load_pack, load_rules, parse_pack, rules_from_environment
from .matching import RuleSet
from .model import Pack, Rule, line_key

__all__ = ["Pack", "Rule", "RuleSet", "builtin_packs", "check_pack_file", "line_key", "load_pack", "load_rules",
           "parse_pack", "rules_from_environment"]
