"""Clean a Dask bag of documents, or a column of a Dask DataFrame, on any Dask cluster.

The same code runs on a laptop or a remote cluster: it only needs scrubber installed on the
workers (``pip install 'scrubber[dask]'``). Each worker process builds the pipeline once per
configuration and reuses it for every partition it cleans.

    >>> import dask.bag as db
    >>> bag = db.from_sequence([{"id": "p1", "text": "top of page\\nThe bakery on Mill Lane will open on Sundays from next month."}])
    >>> [r["text"] for r in clean_bag(bag).compute(scheduler="sync")]
    ['The bakery on Mill Lane will open on Sundays from next month.\\n']
"""

from __future__ import annotations

from functools import lru_cache

from ..api import _config
from ..config import CleanConfig
from ..errors import ScrubberError
from ..jobs.documents import BatchResult, Document, as_document, clean_document
from ..jobs.runner import FORMATS, renderer
from ..pipeline import Pipeline


def clean_bag(bag, *, format: str = "text", config: CleanConfig | None = None, **overrides):
    """A bag of result records (``id``, ``url``, ``title``, ``text``, ``error``), one per item.

    Items are what ``scrubber.clean_many`` takes: str/bytes documents, or records with ``id``,
    ``html`` or ``text`` and ``url``. An item without an ``id`` is named
    ``<partition>:<position>``. A broken item gets an ``error``, never fails the computation.
    """
    config = _checked(config, overrides, format)
    return bag.map_partitions(_clean_partition, config, format, _partition_numbers(bag))


def clean_column(frame, column: str, *, target: str = "text", url_column: str | None = None,
                 title_column: str | None = None, error_column: str | None = None,
                 config: CleanConfig | None = None, **overrides):
    """``frame`` with the clean text of ``column`` (HTML or scraped text) in column ``target``.

    ``url_column`` names the page URL (switches on domain-scoped rule packs); ``title_column``
    and ``error_column``, when given, receive the title and why a row could not be cleaned
    (its ``target`` is then None).
    """
    import pandas as pd

    config = _checked(config, overrides, "text")
    added = [name for name in (target, title_column, error_column) if name]
    meta = frame._meta.assign(**{name: pd.Series([], dtype="object") for name in added})
    return frame.map_partitions(_clean_frame, config, column, url_column, target, title_column, error_column,
                                meta=meta)


def _checked(config, overrides, format) -> CleanConfig:
    if format not in FORMATS:
        raise ScrubberError(f"unknown format {format!r}; valid: {', '.join(FORMATS)}")
    config = _config(config, overrides)
    _pipeline(config)  # rule files fail here, on the client, before any task is sent
    return config


@lru_cache(maxsize=8)
def _cached_pipeline(config: CleanConfig) -> Pipeline:
    return Pipeline(config)


def _pipeline(config: CleanConfig) -> Pipeline:
    """The pipeline for ``config``, built once per worker process and reused by its partitions."""
    try:
        return _cached_pipeline(config)
    except TypeError:  # unhashable config (rule packs given as dicts): build it each time
        return Pipeline(config)


def _partition_numbers(bag):
    import dask.bag as db

    return db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)


def _clean_partition(items, config: CleanConfig, format: str, number) -> list[dict]:
    pipeline, render = _pipeline(config), renderer(format, config.include_title)
    number = number[0] if isinstance(number, list) else number
    return [clean_document(pipeline, as_document(item, f"{number}:{position}"), format, render).as_record()
            for position, item in enumerate(items)]


def _clean_frame(frame, config, column, url_column, target, title_column, error_column):
    pipeline = _pipeline(config)
    urls = frame[url_column] if url_column else [None] * len(frame)
    results = [_clean_cell(pipeline, content, url) for content, url in zip(frame[column], urls)]
    frame = frame.copy()
    columns = {target: [r.text for r in results]}
    if title_column:
        columns[title_column] = [r.title for r in results]
    if error_column:
        columns[error_column] = [r.error for r in results]
    for name, values in columns.items():
        frame[name] = _object_series(values, frame.index)
    return frame


def _clean_cell(pipeline, content, url) -> BatchResult:
    url = url if isinstance(url, str) else None  # pandas fills missing URLs with NaN or NA
    if not isinstance(content, (str, bytes)):
        import pandas as pd

        missing = content is None or (pd.api.types.is_scalar(content) and pd.isna(content))
        problem = "no content (null cell)" if missing else f"cell holds a {type(content).__name__}, not text"
        return BatchResult(None, url, error=problem)
    return clean_document(pipeline, Document(None, content, url), "text", None)


def _object_series(values, index):
    import pandas as pd

    return pd.Series(values, index=index, dtype="object")
