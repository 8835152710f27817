"""Markdown rendering and the CLI's --format option."""

import json

from scrubber import clean_and_explain
from scrubber.cli import main
from scrubber.render import markdown

PAGE = """<html><head><title>Pickling onions | Larder</title></head><body><article>
<h1>Pickling onions</h1><p>Small onions pickle best, and <b>shallots</b> are better still.</p>
<h2>You need</h2><ul><li>1 kg shallots</li><li>Malt vinegar</li></ul>
<h3>Method</h3><blockquote><p>Salt them overnight.</p></blockquote>
<pre>brine = salt + water
soak(onions, brine)</pre>
<table><tr><td>Jar</td><td>1 litre</td></tr></table></article></body></html>"""


def test_markdown_marks_structure():
    text = markdown(clean_and_explain(PAGE))
    assert text.startswith("# Pickling onions\n\nSmall onions pickle best, and shallots are better still.\n\n## You need\n\n")
    assert "- 1 kg shallots\n- Malt vinegar\n\n### Method\n\n> Salt them overnight.\n\n" in text
    assert "```\nbrine = salt + water\nsoak(onions, brine)\n```" in text
    assert text.endswith("| Jar | 1 litre |\n")


def test_markdown_without_title():
    assert markdown(clean_and_explain(PAGE), include_title=False).startswith("Small onions")


def test_code_fence_longer_than_backticks_inside():
    result = clean_and_explain("<html><body><article><p>Fences in Markdown use backticks, as shown below in the example block.</p>"
                               "<pre>```\ncode\n```</pre></article></body></html>")
    assert "````\n```\ncode\n```\n````" in markdown(result)


def test_cli_formats(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["clean", "--format", "markdown", str(page)]) == 0
    assert capsys.readouterr().out.startswith("# Pickling onions\n")
    assert main(["clean", "--format", "text", "--no-title", str(page)]) == 0
    assert capsys.readouterr().out.startswith("Small onions pickle best")
    assert main(["clean", "--format", "json", str(page)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["mode"] == "html" and {"kind": "heading", "text": "You need", "level": 2} in record["blocks"]
