"""One item of a batch on its way in (Document) and on its way out (BatchResult).

A batch takes whatever a scraper wrote -- bare strings or bytes, or records with ``id``,
``html`` or ``text`` and ``url`` -- and every item becomes a ``Document``. A record that cannot
be cleaned (no content, wrong types, a line that is not JSON) still becomes a Document, carrying
the ``problem`` that becomes its one-line ``error``, so no input ever goes missing from the output.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

log = logging.getLogger("scrubber")


@dataclass(frozen=True, slots=True)
class Document:
    """One document to clean: its id, URL and content, or why it cannot be cleaned."""

    id: str | int
    content: str | bytes | None
    url: str | None = None
    problem: str | None = None

    @property
    def size(self) -> int:
        """Length of the content (bytes, or characters for text): the job's MB/s counts this."""
        return len(self.content) if self.content is not None else 0


@dataclass(frozen=True, slots=True)
class JsonLine:
    """One line of a JSON-lines input, still unparsed: it is parsed where it is cleaned."""

    data: bytes
    name: str
    number: int

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(slots=True)
class BatchResult:
    """What a batch job reports for one document.

    ``error`` is None, or a one-line message when the document could not be cleaned (then
    ``text`` and ``title`` are None). ``counts`` holds the pieces each rule removed;
    ``details`` the extra fields of ``format="json"`` (blocks, removals).
    """

    id: str | int
    url: str | None
    title: str | None = None
    text: str | None = None
    error: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    size: int = 0
    details: dict | None = None

    def as_record(self) -> dict:
        """The JSON line ``scrubber batch`` writes for this document.

        >>> BatchResult("a", None, error="record has neither 'html' nor 'text'").as_record()
        {'id': 'a', 'url': None, 'title': None, 'text': None, 'error': "record has neither 'html' nor 'text'"}
        """
        record = {"id": self.id, "url": self.url, "title": self.title, "text": self.text, "error": self.error}
        if self.details:
            record.update(self.details)
        return record


def as_document(item, fallback_id) -> Document:
    """The Document for one batch item; ``fallback_id`` names it when it has no ``id``.

    Items are str/bytes documents, records (dicts), Documents, or JsonLines (parsed here).

    >>> as_document("Some scraped text", 3)
    Document(id=3, content='Some scraped text', url=None, problem=None)
    >>> as_document({"id": "p1", "html": "<p>Hi</p>", "url": "https://example.com/"}, 0).url
    'https://example.com/'
    >>> as_document({"id": "p2", "html": None}, 1).problem
    "record has neither 'html' nor 'text'"
    >>> as_document(JsonLine(b'{"html": "<p>Hi</p>"}', "dump.jsonl:7", 7), None).id
    'dump.jsonl:7'
    >>> as_document(JsonLine(b'{"html": ', "dump.jsonl:8", 8), None).problem
    'line 8 is not JSON: JSONDecodeError: Expecting value: line 1 column 10 (char 9)'
    """
    if isinstance(item, Document):
        return item
    if isinstance(item, JsonLine):
        return _line_document(item)
    if isinstance(item, (str, bytes, bytearray, memoryview)):
        return Document(fallback_id, item if isinstance(item, (str, bytes)) else bytes(item))
    if not isinstance(item, dict):
        return Document(fallback_id, None, problem=f"cannot clean a {type(item).__name__}: give str, bytes or a record")
    return _record_document(item, fallback_id)


def _line_document(line: JsonLine) -> Document:
    try:
        record = json.loads(line.data)
    except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8 at all
        return Document(line.name, None, problem=f"line {line.number} is not JSON: {one_line(exc)}")
    if not isinstance(record, dict):
        return Document(line.name, None, problem=f"line {line.number} is a JSON {type(record).__name__}, not an object")
    return _record_document(record, line.name)


def _record_document(record: dict, fallback_id) -> Document:
    doc_id = record.get("id")
    if doc_id is None:
        doc_id = fallback_id
    elif not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        doc_id = str(doc_id)
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        return Document(doc_id, None, problem=f"'url' must be a string, not {type(url).__name__}")
    key = "html" if record.get("html") is not None else "text"
    content = record.get(key)
    if content is None:
        return Document(doc_id, None, url, problem="record has neither 'html' nor 'text'")
    if not isinstance(content, (str, bytes)):
        return Document(doc_id, None, url, problem=f"'{key}' must be a string, not {type(content).__name__}")
    return Document(doc_id, content, url)


def clean_document(pipeline, document: Document, format: str, render) -> BatchResult:
    """Clean one document with a ready pipeline; any failure becomes the result's ``error``."""
    result = BatchResult(document.id, document.url, size=document.size)
    if document.problem is not None:
        result.error = document.problem
        return result
    try:
        cleaned = pipeline.run(document.content, url=document.url)
        text = render(cleaned) if render is not None else cleaned.text
    except Exception as exc:  # one broken page must never end a job of millions
        log.debug("cleaning %r failed", document.id, exc_info=True)
        result.error = one_line(exc)
        return result
    result.title, result.text, result.counts = cleaned.title, text, dict(cleaned.counts())
    if format == "json":
        everything = cleaned.as_dict()
        result.details = {key: everything[key] for key in ("mode", "lang", "blocks", "removed", "counts")}
    return result


def one_line(exc: BaseException, limit: int = 300) -> str:
    """An exception as one short line: its type and the first line of its message.

    >>> one_line(ValueError("bad byte\\nat offset 3"))
    'ValueError: bad byte'
    """
    message = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
