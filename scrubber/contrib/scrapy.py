"""CleanPipeline: a Scrapy item pipeline that cleans one field of each item into another.

Enable it in the project settings and say which fields to use::

    ITEM_PIPELINES = {"scrubber.contrib.scrapy.CleanPipeline": 300}
    SCRUBBER_SOURCE_FIELD = "html"        # field holding the page (HTML or scraped text)
    SCRUBBER_TARGET_FIELD = "text"        # field that receives the clean article text
    SCRUBBER_URL_FIELD = "url"            # page URL, switches on domain-scoped rule packs
    SCRUBBER_TITLE_FIELD = None           # set a field name to store the title too
    SCRUBBER_ERROR_FIELD = None           # set a field name to store why cleaning failed
    SCRUBBER_RULES = []                   # extra rule pack files
    SCRUBBER_DISABLE = []                 # filter, pack or rule ids to switch off
    SCRUBBER_INCLUDE_TITLE = True         # put the title first in the text

Items keep flowing when a page cannot be cleaned: the target field is set to None, the
reason is logged (and stored in SCRUBBER_ERROR_FIELD if set). Removal counts go to the crawl
stats as ``scrubber/removed/<rule id>``, beside ``scrubber/cleaned`` and ``scrubber/errors``.
Declared ``scrapy.Item`` classes must declare the target (and title/error) fields.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter

from ..config import CleanConfig
from ..jobs.documents import one_line
from ..pipeline import Pipeline

log = logging.getLogger("scrubber")


class CleanPipeline:
    """Adds the clean text of ``source_field`` to each item as ``target_field``; the source stays.

    >>> pipeline = CleanPipeline(source_field="body")
    >>> pipeline.process_item({"body": "top of page\\nThe mill by the river reopened this week after a long repair."})
    {'body': 'top of page\\nThe mill by the river reopened this week after a long repair.', 'text': 'The mill by the river reopened this week after a long repair.\\n'}
    """

    def __init__(self, *, source_field: str = "html", target_field: str = "text", url_field: str | None = "url",
                 title_field: str | None = None, error_field: str | None = None, rules=(), disabled=(),
                 include_title: bool = True, stats=None):
        self.source_field, self.target_field, self.url_field = source_field, target_field, url_field
        self.title_field, self.error_field = title_field, error_field
        config = CleanConfig().with_overrides(rules=tuple(rules), disabled=frozenset(disabled),
                                              include_title=include_title)
        self.pipeline = Pipeline(config)  # a bad rule file stops the crawl at start-up, not mid-way
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(source_field=settings.get("SCRUBBER_SOURCE_FIELD", "html"),
                   target_field=settings.get("SCRUBBER_TARGET_FIELD", "text"),
                   url_field=settings.get("SCRUBBER_URL_FIELD", "url"),
                   title_field=settings.get("SCRUBBER_TITLE_FIELD"),
                   error_field=settings.get("SCRUBBER_ERROR_FIELD"),
                   rules=settings.getlist("SCRUBBER_RULES"), disabled=settings.getlist("SCRUBBER_DISABLE"),
                   include_title=settings.getbool("SCRUBBER_INCLUDE_TITLE", True), stats=crawler.stats)

    def process_item(self, item, spider=None):
        adapter = ItemAdapter(item)
        url = adapter.get(self.url_field) if self.url_field else None
        try:
            result = self.pipeline.run(adapter.get(self.source_field), url=url if isinstance(url, str) else None)
        except Exception as exc:  # one bad page must not stop the crawl or drop the item
            error = one_line(exc)
            log.warning("scrubber could not clean %s of %s: %s", self.source_field, url or "an item", error)
            self._store(adapter, None, None, error)
            self._count("scrubber/errors")
            return item
        self._store(adapter, result.text, result.title, None)
        self._count("scrubber/cleaned")
        for rule, count in result.counts().items():
            self._count(f"scrubber/removed/{rule}", count)
        return item

    def _store(self, adapter, text, title, error):
        adapter[self.target_field] = text
        if self.title_field:
            adapter[self.title_field] = title
        if self.error_field:
            adapter[self.error_field] = error

    def _count(self, key, count=1):
        if self.stats is not None:
            self.stats.inc_value(key, count)
