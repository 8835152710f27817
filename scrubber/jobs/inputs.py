"""Batch inputs: JSON-lines files (optionally gzipped), folders of saved pages, WARC archives.

Every reader yields one item per input document, in file order, and turns what it cannot read
(an unreadable file, a truncated archive) into a Document with a ``problem`` rather than an
exception, so the job's output still accounts for it. JSON lines travel unparsed
(``JsonLine``): the worker that cleans a record parses it, keeping the reading process light.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ScrubberError
from ..source.decode import _ALIASES as WHATWG_ALIASES
from .documents import Document, JsonLine, one_line

PAGE_SUFFIXES = (".html", ".htm", ".txt")
WARC_SUFFIXES = (".warc", ".warc.gz")
_GZIP_MAGIC = b"\x1f\x8b"


def read_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[Document | JsonLine]:
    """The documents of every input in turn; missing inputs raise ScrubberError before any is read.

    ``-`` reads JSON lines from stdin. ``clean_many`` takes these items as they are;
    ``as_document`` turns one into a Document.
    """
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if str(p) != "-" and not p.exists()]
    if missing:
        raise ScrubberError(f"no such input: {', '.join(missing)}")
    readers = [(path, stdin_documents if str(path) == "-" else READERS[input_kind(path)]) for path in paths]
    if any(reader is warc_documents for _, reader in readers):
        _archive_iterator()  # a missing extra fails now, before any output is written
    return (document for path, reader in readers for document in reader(path))


def input_kind(path: Path) -> str:
    """``folder``, ``warc`` or ``jsonl``: by what the path is, its suffix, then its first bytes."""
    if path.is_dir():
        return "folder"
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz")):
        return "jsonl"
    return "warc" if _head(path).startswith(b"WARC/") else "jsonl"


def _open(path: Path):
    with open(path, "rb") as handle:
        compressed = handle.read(2) == _GZIP_MAGIC
    return gzip.open(path, "rb") if compressed else open(path, "rb")


def _head(path: Path, size: int = 16) -> bytes:
    try:
        with _open(path) as handle:
            return handle.read(size)
    except (OSError, EOFError):
        return b""


def jsonl_documents(path: Path) -> Iterator[Document | JsonLine]:
    """One JsonLine per non-blank line; a record without ``id`` will be named ``<path>:<line>``."""
    try:
        lines = _open(path)
    except OSError as exc:
        yield Document(f"{path}:1", None, problem=f"cannot read file: {one_line(exc)}")
        return
    with lines:
        yield from _json_lines(lines, str(path))


def stdin_documents(_path=None) -> Iterator[Document | JsonLine]:
    """JSON lines from standard input (plain, not gzipped), named ``<stdin>:<line>``."""
    yield from _json_lines(sys.stdin.buffer, "<stdin>")


def _json_lines(lines, name: str) -> Iterator[Document | JsonLine]:
    number = 0
    try:
        for number, line in enumerate(lines, 1):
            if line.strip():
                yield JsonLine(line, f"{name}:{number}", number)
    except (OSError, EOFError) as exc:
        yield Document(f"{name}:{number + 1}", None, problem=f"cannot read past line {number}: {one_line(exc)}")


def folder_documents(path: Path) -> Iterator[Document]:
    """Every .html/.htm/.txt file under the folder, in sorted path order, named by its path."""
    for file in _page_files(path):
        yield _file_document(file)


def _page_files(folder: Path) -> Iterator[Path]:
    # Folders are visited where they sort, so ids come out as `sorted(paths)` would list them,
    # without holding the whole tree in memory; symlinked folders are not followed (no loops).
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_dir(follow_symlinks=False):
            yield from _page_files(Path(entry.path))
        elif entry.name.lower().endswith(PAGE_SUFFIXES):
            yield Path(entry.path)


def _file_document(path: Path) -> Document:
    try:
        return Document(str(path), path.read_bytes())
    except OSError as exc:
        return Document(str(path), None, problem=f"cannot read file: {one_line(exc)}")


def warc_documents(path: Path) -> Iterator[Document]:
    """Every HTTP response (and resource) record with HTML content, named by its WARC-Record-ID.

    Other records (requests, metadata, images, scripts) are not documents and are passed over.
    The body is de-chunked and decompressed; a charset in the HTTP Content-Type decodes it.
    """
    ArchiveIterator = _archive_iterator()
    records = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                records += 1
                document = _warc_document(record)
                if document is not None:
                    yield document
    except Exception as exc:  # warcio raises plain Exceptions on truncated or corrupt archives
        yield Document(f"{path}#record-{records + 1}", None, problem=f"cannot read WARC past record {records}: {one_line(exc)}")


def _archive_iterator():
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise ScrubberError("reading WARC files needs warcio: pip install 'scrubber[warc]'") from None
    return ArchiveIterator


def _warc_document(record) -> Document | None:
    if record.rec_type == "response" and record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if "html" not in content_type.lower():
        return None
    doc_id = record.rec_headers.get_header("WARC-Record-ID")
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        body = record.content_stream().read()
    except Exception as exc:  # a broken chunked or gzip body spoils this record only
        return Document(doc_id or url, None, url, problem=f"cannot read record body: {one_line(exc)}")
    missing = getattr(record.raw_stream, "limit", 0)  # bytes the WARC header promised but the file lacks
    if missing:
        return Document(doc_id or url, None, url, problem=f"WARC record is truncated: {missing} of {record.length} bytes missing")
    return Document(doc_id or url, _decoded(body, content_type), url)


def _decoded(body: bytes, content_type: str) -> str | bytes:
    # The HTTP header outranks a <meta charset> inside the page, as in browsers.
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            label = value.strip().strip("\"'").lower()
            try:
                return body.decode(WHATWG_ALIASES.get(label, label))
            except (LookupError, UnicodeDecodeError):
                break
    return body


READERS = {"folder": folder_documents, "warc": warc_documents, "jsonl": jsonl_documents}
