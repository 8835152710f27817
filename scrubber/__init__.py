"""scrubber: turn what a web scraper collected into clean article text.

    >>> import scrubber
    >>> scrubber.clean("top of page\\nThe council agreed on Monday that the new library will open in the spring.\\nbottom of page")
    'The council agreed on Monday that the new library will open in the spring.\\n'
"""

import logging

from .api import clean, clean_and_explain
from .blocks import Block
from .config import CleanConfig
from .errors import (BudgetExceededError, FilterError, InputTooLargeError, RuleFileError, ScrubberError,
                     UnknownFilterError)
from .filters import DEFAULT_FILTERS, Filter
from .jobs import clean_many
from .pipeline import Pipeline
from .result import Cleaned
from .rules import Pack, load_rules
from .trace import Removal, Trace

logging.getLogger("scrubber").addHandler(logging.NullHandler())

__version__ = "0.1.0"

__all__ = [
    "clean", "clean_and_explain", "clean_many", "CleanConfig", "Cleaned", "Block", "Trace", "Removal", "Pipeline", "Filter",
    "Pack", "load_rules", "DEFAULT_FILTERS", "ScrubberError", "RuleFileError", "UnknownFilterError",
    "FilterError", "InputTooLargeError", "BudgetExceededError",
]
