"""Scraping jobs: clean many documents at once, from Python or from ``scrubber batch``.

``clean_many()`` streams results in input order from worker processes; ``read_inputs()`` turns
JSON-lines files, folders of saved pages and WARC archives into its documents.
"""

from .documents import BatchResult, Document
from .inputs import read_inputs
from .runner import clean_many
from .summary import Summary

__all__ = ["clean_many", "read_inputs", "BatchResult", "Document", "Summary"]
