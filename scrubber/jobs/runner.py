"""clean_many(): clean a stream of documents in worker processes, results in input order.

How the work is cut up, and why:

- Documents travel in chunks of up to ``chunk_docs`` documents or ``chunk_bytes`` of content,
  whichever fills first. One task per document would pay a pickle round trip and a queue hop
  for every short text dump; one task per thousand would leave a core idle at the end of the
  job and hold many pages in memory. A typical scraped page (~150 KB of HTML) takes ~10 ms, so
  a 1 MiB chunk is some 70 ms of work against ~1 ms of pickling: IPC is noise, and the last
  chunk finishes soon after the others. The 16-document cap keeps short text dumps from
  piling thousands into one chunk.
- Each worker process builds its ``Pipeline`` once (rule packs loaded and compiled in the
  process initializer), not once per document or chunk.
- The reading process only reads: JSON lines are parsed by the worker that cleans them. With
  the parser in the parent, it took a tenth of the job's CPU away from the two workers on a
  2-core machine.
- At most ``workers * PREFETCH_PER_WORKER`` chunks are in flight. The input iterator is read
  only as fast as results are consumed, so memory stays bounded however long the input, while
  every worker always has the next chunk queued. Results leave in input order: the oldest chunk
  is awaited first, while the younger ones keep the other workers busy.
- A document that kills its worker process (a crash in a C extension, the OOM killer) breaks the
  pool; the pool is restarted, the chunk is cleaned again one document at a time, and only the
  document that kills a worker on its own gets an ``error``.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Iterable, Iterator

from ..api import _config
from ..config import CleanConfig
from ..errors import ScrubberError
from ..pipeline import Pipeline
from ..render import markdown
from .documents import BatchResult, Document, JsonLine, as_document, clean_document

FORMATS = ("text", "markdown", "json")
CHUNK_DOCS = 16
CHUNK_BYTES = 1 << 20
PREFETCH_PER_WORKER = 3


def clean_many(docs: Iterable, *, workers: int | None = None, format: str = "text", chunk_docs: int = CHUNK_DOCS,
               chunk_bytes: int = CHUNK_BYTES, config: CleanConfig | None = None, **overrides) -> Iterator[BatchResult]:
    """Clean every document of ``docs``, yielding one ``BatchResult`` per input, in input order.

    ``docs`` is any iterable (a generator over a huge file is fine) of str/bytes documents or
    records (dicts) with ``id``, ``html`` or ``text``, and optional ``url``. Items without an
    ``id`` are named by their position. A document that cannot be cleaned yields a result
    whose ``error`` says why; it never stops the run. ``workers`` processes clean in parallel
    (default ``os.cpu_count()``); ``workers=1`` cleans in this process. ``format`` is
    ``text``, ``markdown`` or ``json`` (adds blocks and removals). Other keywords are
    ``CleanConfig`` fields, as for ``clean()``; rule files are checked before this returns.
    Where worker processes are spawned rather than forked (Windows, macOS), call it from code
    under ``if __name__ == "__main__":``, as for any ``multiprocessing`` program.

    >>> results = list(clean_many(["top of page\\nThe ferry to the island now runs every hour, the harbour master said today.", {"id": "b"}], workers=1))
    >>> [(r.id, r.text, r.error) for r in results]
    [(0, 'The ferry to the island now runs every hour, the harbour master said today.\\n', None), ('b', None, "record has neither 'html' nor 'text'")]
    >>> results[0].counts
    {'page_anchors/top-of-page': 1}
    """
    if isinstance(docs, (str, bytes, bytearray, dict)):
        raise TypeError(f"clean_many takes an iterable of documents, not one {type(docs).__name__}; "
                        "use clean() for a single document")
    config = _config(config, overrides)
    if format not in FORMATS:
        raise ScrubberError(f"unknown format {format!r}; valid: {', '.join(FORMATS)}")
    if workers is None:
        workers = os.cpu_count() or 1
    if not isinstance(workers, int) or isinstance(workers, bool):
        raise TypeError(f"workers must be an int, not {type(workers).__name__}")
    if workers < 1:
        raise ScrubberError(f"workers must be at least 1, not {workers}")
    pipeline = Pipeline(config)  # loads and validates the rule packs now, before any document
    # Records become Documents here (cheap, and always picklable); JSON lines stay unparsed until
    # a worker takes them, so that parsing is done in parallel too.
    documents = (item if isinstance(item, JsonLine) else as_document(item, position)
                 for position, item in enumerate(docs))
    if workers == 1:
        render = renderer(format, config.include_title)
        return (clean_document(pipeline, as_document(doc, None), format, render) for doc in documents)
    chunks = chunked(documents, chunk_docs, chunk_bytes)
    return _in_order(chunks, workers, config, format)


def renderer(format: str, include_title: bool = True):
    """The function turning a ``Cleaned`` into output text, or None for its plain text."""
    if format != "markdown":
        return None
    return partial(markdown, include_title=include_title)


def chunked(documents: Iterable[Document | JsonLine], max_docs: int, max_bytes: int) -> Iterator[list]:
    """Group documents into lists of at most ``max_docs``, closing one early at ``max_bytes``.

    >>> [len(c) for c in chunked((Document(i, "x" * 10) for i in range(7)), 3, 25)]
    [3, 3, 1]
    >>> [len(c) for c in chunked((Document(i, "x" * 10) for i in range(7)), 5, 15)]
    [2, 2, 2, 1]
    """
    chunk, size = [], 0
    for document in documents:
        chunk.append(document)
        size += document.size
        if len(chunk) >= max_docs or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _in_order(chunks, count: int, config: CleanConfig, format: str) -> Iterator[BatchResult]:
    workers, window = _Workers(count, config, format), count * PREFETCH_PER_WORKER
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append([chunk, workers.submit(chunk)])
            while len(pending) >= window:
                yield from _oldest(pending, workers)
        while pending:
            yield from _oldest(pending, workers)
    finally:
        workers.close()


def _oldest(pending: deque, workers: "_Workers") -> list[BatchResult]:
    chunk, future = pending.popleft()
    try:
        return future.result()
    except BrokenProcessPool:
        workers.restart()
        results = [workers.clean_alone(item) for item in chunk]
        for entry in pending:  # the broken pool failed these too; send them again
            if not entry[1].done() or entry[1].exception() is not None:
                entry[1] = workers.submit(entry[0])
        return results


class _Workers:
    """A process pool whose processes each hold one ready Pipeline; restartable when one dies."""

    def __init__(self, count: int, config: CleanConfig, format: str):
        self._args = (count, config, format)
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        count, config, format = self._args
        return ProcessPoolExecutor(count, initializer=_start_worker, initargs=(config, format))

    def submit(self, chunk):
        return self._pool.submit(_clean_chunk, chunk)

    def clean_alone(self, item: Document | JsonLine) -> BatchResult:
        try:
            return self.submit([item]).result()[0]
        except BrokenProcessPool:
            self.restart()
            document = as_document(item, None)
            return BatchResult(document.id, document.url, size=document.size,
                               error="worker process died while cleaning this document")

    def restart(self):
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()

    def close(self):
        self._pool.shutdown(wait=True, cancel_futures=True)


_worker = None


# A short text dump: cleaning it builds what every page of the job reads, the index of the
# built-in rules, before the worker's state is frozen. (It has no flattened line: the head
# screen's word heads, which only such lines need, are left to the first page that has one,
# and an HTML job never builds them.)
_WARM_UP = "Home\nNews\nA first line of text, with a comma, and a full stop at its end.\nShare\n"


def _start_worker(config: CleanConfig, format: str):
    global _worker
    pipeline = Pipeline(config)
    _worker = (pipeline, format, renderer(format, config.include_title))
    try:
        pipeline.run(_WARM_UP)
    except ScrubberError:  # (a budget too small for the first page: that page will say so)
        pass
    # Modules, rule packs, their index and stopword sets live as long as the worker: keep the
    # cyclic GC from walking them again at every full collection (and, after fork, from touching
    # shared pages).
    gc.freeze()


def _clean_chunk(chunk: list[Document | JsonLine]) -> list[BatchResult]:
    pipeline, format, render = _worker
    return [clean_document(pipeline, as_document(item, None), format, render) for item in chunk]
