"""Pages built to break extractors finish and give the right kind of result (no timing
thresholds here: the benchmark measures speed)."""

import scrubber
from scrubber.source.html import extract

SENTENCE = "The committee met again on Thursday and agreed to publish its report before the summer."


def test_fifty_thousand_tiny_paragraphs():
    html = "<html><body><article>" + "".join(f"<p>Item {i}.</p>" for i in range(50_000)) + "</article></body></html>"
    result = scrubber.clean_and_explain(html, include_title=False)
    assert result.mode == "html"
    assert "Item 0." in result.text and "Item 49999." in result.text


def test_twenty_megabyte_page():
    paragraph = f"<p>{SENTENCE} {SENTENCE}</p>\n"
    html = "<html><body><nav><a href=/>Home</a></nav><article>" + paragraph * (20_000_000 // len(paragraph) + 1) + "</article></body></html>"
    assert len(html) > 20_000_000
    text = scrubber.clean(html, include_title=False)
    assert text.startswith(SENTENCE) and "Home" not in text[:100]


def test_ten_thousand_deep_nesting():
    depth = 10_000
    html = "<html><body>" + "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth + "</body></html>"
    assert scrubber.clean(html, include_title=False) == SENTENCE + "\n"


def test_deep_nesting_of_inline_elements():
    depth = 10_000
    html = "<html><body><p>" + "<span>" * depth + SENTENCE + "</span>" * depth + "</p></body></html>"
    assert SENTENCE in scrubber.clean(html, include_title=False)


def test_deep_list_nesting_keeps_every_item():
    depth = 5_000
    html = "<html><body>" + "<ul><li>level" * depth + "</li></ul>" * depth + "</body></html>"
    blocks = extract(html).blocks
    assert blocks and all(b.kind == "list_item" for b in blocks)
    assert sum(b.text.split().count("level") for b in blocks) == depth


def test_unclosed_and_malformed_markup():
    html = "<html><body><div><p>" + SENTENCE + "<b><i>still here</b></i><table><td>cell</div></p><<>>&bogus;</body>"
    text = scrubber.clean(html, include_title=False)
    assert SENTENCE in text and "still here" in text


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    html = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            f"<html><body><p>{SENTENCE} &xxe;</p></body></html>")
    assert "TOP SECRET" not in scrubber.clean(html)


def test_empty_and_markup_only_pages():
    assert scrubber.clean("<html><body></body></html>") == ""
    assert scrubber.clean("<html><body><script>x()</script><nav><a href=/>Home</a></nav></body></html>") == ""
