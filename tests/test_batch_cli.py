"""scrubber batch: every input kind gives exactly one JSON line per document, in input order."""

import gzip
import io
import json
import sys

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scrubber.cli import main

from batch_inputs import article, garbage, html_page, huge_page, text_dump


def records_with_broken_ones():
    return [
        {"id": "a", "html": html_page(1), "url": "https://news.example.org/a"},
        {"html": html_page(2)},                          # missing id
        {"id": "c", "html": None},                       # null html
        {"id": "d", "text": text_dump(4)},
        {"id": "e", "html": huge_page()},                # 20 MB page, over --max-bytes below
        {"id": "f", "text": text_dump(6)},
    ]


def write_jsonl(path, records, extra_lines=()):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wb") as out:
        for record in records:
            out.write(json.dumps(record).encode() + b"\n")
        for line in extra_lines:
            out.write(line + b"\n")


def read_output(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run(*args):
    assert main(["batch", *map(str, args), "--no-progress"]) == 0


@pytest.mark.parametrize("name", ["pages.jsonl", "pages.jsonl.gz"])
def test_jsonl_input_one_line_per_record_with_errors_for_broken_ones(tmp_path, name):
    source = tmp_path / name
    write_jsonl(source, records_with_broken_ones(), extra_lines=[garbage(300).replace(b"\n", b"~"), b"", b"[1, 2]"])
    out = tmp_path / "out.jsonl"
    run(source, "-o", out, "--workers", "1", "--max-bytes", 10_000_000)
    lines = read_output(out)
    assert [line["id"] for line in lines] == ["a", f"{source}:2", "c", "d", "e", "f", f"{source}:7", f"{source}:9"]
    by_id = {line["id"]: line for line in lines}
    assert article(1) in by_id["a"]["text"] and by_id["a"]["url"] == "https://news.example.org/a"
    assert by_id["a"]["title"] == "Bridge plan 1" and by_id["a"]["error"] is None
    assert article(2) in by_id[f"{source}:2"]["text"]
    assert by_id["c"]["error"] == "record has neither 'html' nor 'text'"
    assert by_id["e"]["error"].startswith("InputTooLargeError")
    assert "not JSON" in by_id[f"{source}:7"]["error"]
    assert "not an object" in by_id[f"{source}:9"]["error"]
    assert set(lines[0]) == {"id", "url", "title", "text", "error"}


def test_truncated_gzip_ends_with_an_error_line(tmp_path):
    whole = tmp_path / "whole.jsonl.gz"
    write_jsonl(whole, [{"id": f"p{n}", "text": text_dump(n)} for n in range(40)])
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole.read_bytes()[:-300])
    out = tmp_path / "out.jsonl"
    run(cut, "-o", out, "--workers", "2")
    lines = read_output(out)
    assert all(line["error"] is None for line in lines[:-1]) and len(lines) > 2
    assert lines[-1]["error"].startswith(f"cannot read past line {len(lines) - 1}")


def test_one_and_two_workers_write_identical_output(tmp_path):
    source = tmp_path / "pages.jsonl"
    records = [{"id": f"p{n}", "html": html_page(n)} for n in range(12)] + records_with_broken_ones()
    write_jsonl(source, records, extra_lines=[garbage(500).replace(b"\n", b"~")])
    run(source, "-o", tmp_path / "one.jsonl", "--workers", "1")
    run(source, "-o", tmp_path / "two.jsonl", "--workers", "2")
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert len(read_output(tmp_path / "two.jsonl")) == len(records) + 1


def test_folder_input_reads_html_htm_txt_in_path_order(tmp_path):
    pages = tmp_path / "site"
    (pages / "b-section").mkdir(parents=True)
    (pages / "a.html").write_text(html_page(1), encoding="utf-8")
    (pages / "b-section" / "c.htm").write_bytes(html_page(2).encode("cp1252"))
    (pages / "b-section" / "d.TXT").write_text(text_dump(3), encoding="utf-8")
    (pages / "e.txt").write_bytes(garbage(2000))
    (pages / "logo.png").write_bytes(garbage(100))
    (pages / "gone.html").symlink_to(pages / "deleted-meanwhile.html")
    out = tmp_path / "out.jsonl"
    run(pages, "-o", out, "--workers", "2")
    lines = read_output(out)
    assert [line["id"] for line in lines] == [str(pages / "a.html"), str(pages / "b-section" / "c.htm"),
                                              str(pages / "b-section" / "d.TXT"), str(pages / "e.txt"),
                                              str(pages / "gone.html")]
    assert article(1) in lines[0]["text"] and article(2) in lines[1]["text"] and article(3) in lines[2]["text"]
    assert lines[4]["error"].startswith("cannot read file: FileNotFoundError")


def write_warc(path, truncate=False):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=path.suffix == ".gz")

    def response(url, body, content_type):
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

    request = StatusAndHeaders("GET /one HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://news.example.org/one", "request",
                                                  payload=io.BytesIO(b""), http_headers=request))
    response("https://news.example.org/one", html_page(1).encode(), "text/html; charset=utf-8")
    response("https://news.example.org/logo.png", garbage(300), "image/png")
    response("https://news.example.org/two", html_page(2).encode("cp1252"), "text/html; charset=ISO-8859-1")
    writer.write_record(writer.create_warc_record("https://news.example.org/three", "resource",
                                                  payload=io.BytesIO(html_page(3).encode()),
                                                  warc_content_type="text/html"))
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - 200] if truncate else data)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_input_cleans_html_responses_named_by_record_id(tmp_path, name):
    source = tmp_path / name
    write_warc(source)
    out = tmp_path / "out.jsonl"
    run(source, "-o", out, "--workers", "2")
    lines = read_output(out)
    assert [line["url"] for line in lines] == ["https://news.example.org/one", "https://news.example.org/two",
                                               "https://news.example.org/three"]
    assert all(line["id"].startswith("<urn:uuid:") for line in lines)
    for number, line in enumerate(lines, 1):
        assert article(number) in line["text"] and line["error"] is None


def test_truncated_warc_ends_with_an_error_line(tmp_path):
    source = tmp_path / "cut.warc.gz"
    write_warc(source, truncate=True)
    out = tmp_path / "out.jsonl"
    run(source, "-o", out, "--workers", "1")
    lines = read_output(out)
    assert [line["error"] is None for line in lines] == [True, True, False]
    assert "truncated" in lines[-1]["error"]


def test_corrupt_warc_tail_gives_one_error_line_after_the_good_records(tmp_path):
    source = tmp_path / "junk.warc"
    write_warc(source)
    source.write_bytes(source.read_bytes() + b"not a warc record at all\r\n" + garbage(300))
    out = tmp_path / "out.jsonl"
    run(source, "-o", out, "--workers", "1")
    lines = read_output(out)
    assert [line["error"] is None for line in lines] == [True, True, True, False]
    assert "cannot read WARC past record 5" in lines[-1]["error"]


def test_several_inputs_of_different_kinds_keep_their_order(tmp_path):
    warc, jsonl, folder = tmp_path / "crawl.warc.gz", tmp_path / "dump.jsonl", tmp_path / "saved"
    write_warc(warc)
    write_jsonl(jsonl, [{"id": "j1", "text": text_dump(7)}])
    folder.mkdir()
    (folder / "page.html").write_text(html_page(8), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run(jsonl, warc, folder, "-o", out, "--workers", "2")
    lines = read_output(out)
    assert lines[0]["id"] == "j1" and len(lines) == 5 and lines[4]["id"] == str(folder / "page.html")


def test_resume_skips_finished_ids_and_repairs_a_torn_last_line(tmp_path, capsys):
    source = tmp_path / "pages.jsonl"
    records = [{"id": f"p{n}", "text": text_dump(n)} for n in range(8)]
    write_jsonl(source, records)
    out = tmp_path / "out.jsonl"
    finished = [{"id": "p0", "url": None, "title": None, "text": "kept from the first run", "error": None},
                {"id": "p1", "url": None, "title": None, "text": "kept too", "error": None}]
    out.write_text("".join(json.dumps(r) + "\n" for r in finished) + '{"id": "p2", "te', encoding="utf-8")
    run(source, "-o", out, "--workers", "2", "--resume")
    lines = read_output(out)
    assert [line["id"] for line in lines] == [f"p{n}" for n in range(8)]
    assert [line["text"] for line in lines[:2]] == ["kept from the first run", "kept too"]
    assert article(2) in lines[2]["text"]
    assert "2 documents skipped" in capsys.readouterr().err
    run(source, "-o", out, "--resume")
    assert len(read_output(out)) == 8


def test_progress_bar_and_summary_on_stderr(tmp_path, capsys):
    source = tmp_path / "pages.jsonl"
    write_jsonl(source, [{"id": f"p{n}", "text": text_dump(n)} for n in range(5)] + [{"id": "bad"}])
    assert main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "6page" in err.replace(" ", "")                       # tqdm's counter
    assert "6 documents, 1 errors in" in err and "pages/s" in err and "MB/s" in err
    assert "most frequent removals: " in err and "trackers/quantcast 5" in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path, capsys):
    source = tmp_path / "pages.jsonl"
    write_jsonl(source, [{"id": "p1", "text": text_dump(1)}])
    assert main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"]) == 0
    assert capsys.readouterr().err.startswith("1 documents, 0 errors")


def test_output_to_stdout_and_json_format(tmp_path, capsys):
    source = tmp_path / "pages.jsonl"
    write_jsonl(source, [{"id": "p1", "text": text_dump(1)}])
    run(source, "-o", "-", "--workers", "1", "--format", "json")
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "p1" and record["counts"]["trackers/quantcast"] == 1 and record["removed"]


def test_missing_input_fails_clearly(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "no such input" in capsys.readouterr().err


def test_markdown_format(tmp_path):
    source = tmp_path / "pages.jsonl"
    write_jsonl(source, [{"id": "p1", "html": html_page(1)}])
    run(source, "-o", tmp_path / "md.jsonl", "--format", "markdown", "--workers", "1")
    [line] = read_output(tmp_path / "md.jsonl")
    assert line["text"].startswith("# Bridge plan 1\n\n") and article(1) in line["text"]


def test_warc_without_warcio_fails_before_writing_anything(tmp_path, monkeypatch, capsys):
    source = tmp_path / "crawl.warc.gz"
    write_warc(source)
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out)]) == 2
    assert "pip install 'scrubber[warc]'" in capsys.readouterr().err
    assert not out.exists()


def test_json_lines_from_stdin(tmp_path, monkeypatch):
    lines = b"".join(json.dumps(r).encode() + b"\n" for r in [{"id": "s1", "text": text_dump(1)}, {"text": text_dump(2)}])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    out = tmp_path / "out.jsonl"
    run("-", "-o", out, "--workers", "1")
    assert [line["id"] for line in read_output(out)] == ["s1", "<stdin>:2"]
    assert article(2) in read_output(out)[1]["text"]
