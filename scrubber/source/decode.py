"""Bytes to text: BOM, UTF-8, declared charset, then charset detection; never fails on bad bytes."""

from __future__ import annotations

import codecs

import regex

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})|<\?xml[^>]{0,100}encoding\s*=\s*["']([a-zA-Z0-9_.:-]{2,40})""", regex.IGNORECASE)
_HTTP_HEADER = regex.compile(rb"^content-type:[^\r\n]*charset=\s*[\"']?([a-zA-Z0-9_.:-]{2,40})", regex.IGNORECASE | regex.MULTILINE)
_UTF8_SEQUENCE = regex.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Labels read the way browsers read them (WHATWG Encoding Standard): the legacy Latin labels
# mean windows-1252, and the Chinese, Korean and Japanese labels mean their supersets.
_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
            "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254",
            "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
            "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "tis-620": "cp874",
            "x-mac-roman": "mac-roman"}


def decode(data: bytes) -> str:
    """Decode page bytes to str.

    Order: a byte-order mark; UTF-32/UTF-16 without one; valid UTF-8 (the web's default); UTF-8
    with a few stray legacy bytes, each read as windows-1252 (so one bad byte never garbles a
    page, whatever its ``<meta>`` claims); a charset declared in the page (``<meta charset>``,
    an XML declaration, a ``Content-Type:`` header line); then charset_normalizer's guess.

    >>> decode("café".encode("utf-8"))
    'café'
    >>> decode(b'<meta charset="iso-8859-1"><p>caf\\xe9</p>')
    '<meta charset="iso-8859-1"><p>café</p>'
    >>> decode(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"))
    'hi'
    >>> decode("naïve ".encode("utf-8") + b"\\x93quote\\x94")
    'naïve “quote”'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    wide = _bomless_wide_encoding(data)
    if wide:
        return data.decode(wide, errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        return text
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="cp1252_fallback")
    declared = _declared_charset(data[:4096])
    if declared and declared not in ("utf-8", "utf8"):
        try:
            return data.decode(_ALIASES.get(declared, declared))
        except (LookupError, UnicodeDecodeError):
            pass
    return _detect(data)


def _declared_charset(head: bytes) -> str | None:
    found = _HTTP_HEADER.search(head) or _DECLARED.search(head)
    if not found:
        return None
    label = next(g for g in found.groups() if g)
    return label.decode("ascii", "ignore").strip().lower()


def _mostly_utf8(data: bytes) -> bool:
    # A UTF-8 page with a few stray legacy bytes: many well-formed multi-byte sequences, few
    # broken ones. A legacy-encoded page has (almost) no well-formed sequences.
    good = len(_UTF8_SEQUENCE.findall(data))
    if not good:
        return False
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    return bad <= max(2, good // 4)


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def _cp1252_fallback(error: UnicodeDecodeError):
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("cp1252_fallback", _cp1252_fallback)


def _bomless_wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 written without a byte-order mark, told by where the zero bytes fall.

    Markup and Latin text in UTF-32 is one character and three zero bytes; in UTF-16 every
    other byte is zero. Such bytes are valid UTF-8 too (zero is NUL), so this runs first.

    >>> _bomless_wide_encoding("<p>hello</p>".encode("utf-32-be")), _bomless_wide_encoding("<p>hello</p>".encode("utf-16-le"))
    ('utf-32-be', 'utf-16-le')
    >>> _bomless_wide_encoding(b"\\x00" * 64) is None
    True
    """
    head = data[:4096]
    if len(head) < 16 or head.count(0) < len(head) // 3:
        return None
    zeros = [head[k::4].count(0) / len(head[k::4]) for k in range(4)]
    for encoding, shape in _WIDE_SHAPES:
        if all(share > 0.9 if zero else share < 0.5 for share, zero in zip(zeros, shape)):
            return encoding
    return None


# Which of every four bytes are (almost always) zero in Latin text of each encoding.
_WIDE_SHAPES = (("utf-32-le", (0, 1, 1, 1)), ("utf-32-be", (1, 1, 1, 0)),
                ("utf-16-le", (0, 1, 0, 1)), ("utf-16-be", (1, 0, 1, 0)))
