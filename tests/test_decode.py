"""Bytes in any encoding come out as the right text, and the HTML pipeline reads them."""

import codecs

import pytest

import scrubber
from scrubber.source import decode

PROSE = "Crème brûlée – the “burnt cream” of French kitchens – needs only four ingredients: cream, sugar, eggs and vanilla."


def page(charset_tag: str, body: str) -> str:
    return f"<html><head>{charset_tag}<title>Crème brûlée</title></head><body><article><p>{body}</p></article></body></html>"


def test_cp1252_with_meta_charset():
    data = page('<meta charset="windows-1252">', PROSE).encode("cp1252")
    assert PROSE in decode(data)


def test_latin1_label_reads_as_windows_1252():
    # Pages labelled ISO-8859-1 use the 0x80-0x9F range for curly quotes and dashes.
    data = page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', PROSE).encode("cp1252")
    assert PROSE in decode(data)


def test_http_style_header_line():
    data = b"Content-Type: text/html; charset=koi8-r\r\n\r\n" + "<p>Привет, мир</p>".encode("koi8-r")
    assert "Привет, мир" in decode(data)


def test_xml_declaration():
    data = '<?xml version="1.0" encoding="iso-8859-2"?><html><body><p>Łódź</p></body></html>'.encode("iso-8859-2")
    assert "Łódź" in decode(data)


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                                        (codecs.BOM_UTF8, "utf-8")])
def test_byte_order_marks(bom, codec):
    data = bom + page("", PROSE).encode(codec)
    text = decode(data)
    assert PROSE in text and not text.startswith("\ufeff")


def test_utf16_without_bom():
    assert PROSE in decode(page("", PROSE).encode("utf-16-le"))


def test_stray_legacy_bytes_do_not_garble_a_utf8_page():
    data = page('<meta charset="utf-8">', PROSE).encode("utf-8").replace(b"needs", b"needs\xa0only\x85")
    text = decode(data)
    assert "Crème brûlée – the “burnt cream”" in text
    assert "needs\u00a0only…" in text


def test_stray_bytes_win_over_a_wrong_latin1_declaration():
    data = page('<meta charset="iso-8859-1">', PROSE).encode("utf-8") + b"\x92"
    assert PROSE in decode(data)


def test_undeclared_legacy_page_is_detected():
    text = "Der Bäcker öffnet früh, und die Straße riecht nach frischem Brot. " * 20
    assert decode(text.encode("cp1252")).startswith("Der Bäcker öffnet früh")


def test_shift_jis_declared():
    body = "東京の天気は晴れです。"
    data = f'<html><head><meta charset="Shift_JIS"></head><body><p>{body}</p></body></html>'.encode("cp932")
    assert body in decode(data)


def test_clean_reads_encoded_bytes_end_to_end():
    data = page('<meta charset="windows-1252">', PROSE).encode("cp1252")
    assert PROSE in scrubber.clean(data)


def test_garbage_bytes_give_a_result_not_an_error():
    assert isinstance(scrubber.clean(bytes(range(256)) * 10), str)
