"""scrubber's exceptions: everything it raises on purpose derives from ScrubberError.

Wrong argument *types* raise the built-in ``TypeError`` instead, as Python code expects.
"""


class ScrubberError(Exception):
    """Base class of every error scrubber raises on purpose."""


class RuleFileError(ScrubberError):
    """A rule file (or an in-memory rule pack) is invalid.

    Raised when the file is loaded, before any document is processed.
    """

    def __init__(self, path, line, reason, rule_id=None):
        self.path = str(path) if path is not None else "<rules>"
        self.line = line
        self.reason = reason
        self.rule_id = rule_id
        where = f"{self.path}:{line}" if line else self.path
        who = f" (rule {rule_id!r})" if rule_id else ""
        super().__init__(f"{where}: {reason}{who}")


class UnknownFilterError(ScrubberError):
    """A filter name was asked for that does not exist; the message lists the valid names."""


class FilterError(ScrubberError):
    """A filter crashed on a block; raised ``from`` the original exception."""


class InputTooLargeError(ScrubberError):
    """The document is larger than the configured ``max_input_bytes``."""


class BudgetExceededError(ScrubberError):
    """Cleaning took longer than the configured processing budget."""
