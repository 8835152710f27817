"""clean_many(): one result per input, in order, whatever the input holds; workers agree."""

import itertools
import multiprocessing

import pytest

import scrubber
from scrubber.jobs import runner
from scrubber.jobs.documents import BatchResult

from batch_inputs import article, garbage, html_page, huge_page, text_dump


def mixed_inputs():
    return [
        html_page(1),
        {"id": "r2", "html": html_page(2), "url": "https://news.example.org/bridge-2"},
        {"html": text_dump(3)},                      # no id: named by position
        {"id": "r4", "html": None},                  # null html
        {"id": "r5", "text": text_dump(5)},
        garbage(),                                   # binary garbage
        {"id": "r7", "html": 42},                    # wrong type
        12.5,                                        # not a document at all
        {"id": "r9", "html": "<p>x</p>", "url": 3},  # bad url
        text_dump(10).encode("utf-16"),
        {"id": "r11", "html": huge_page()},          # 20 MB page
    ]


@pytest.fixture(scope="module")
def in_process_results():
    return list(scrubber.clean_many(mixed_inputs(), workers=1))


def test_one_result_per_input_in_input_order(in_process_results):
    ids = [r.id for r in in_process_results]
    assert ids == [0, "r2", 2, "r4", "r5", 5, "r7", 7, "r9", 9, "r11"]


def test_good_documents_are_cleaned(in_process_results):
    by_id = {r.id: r for r in in_process_results}
    assert article(1) in by_id[0].text and "Skip to content" not in by_id[0].text
    assert by_id["r2"].url == "https://news.example.org/bridge-2"
    assert by_id["r5"].text.endswith(article(5) + "\n") and by_id["r5"].counts["trackers/quantcast"] == 1
    assert article(10) in by_id[9].text
    assert article(999) in by_id["r11"].text and by_id["r11"].size > 20_000_000
    for key in (0, "r2", 2, "r5", 9, "r11"):
        assert by_id[key].error is None


def test_broken_records_become_one_line_errors(in_process_results):
    by_id = {r.id: r for r in in_process_results}
    assert by_id["r4"].error == "record has neither 'html' nor 'text'"
    assert "'html' must be a string" in by_id["r7"].error
    assert "cannot clean a float" in by_id[7].error
    assert "'url' must be a string" in by_id["r9"].error
    for result in in_process_results:
        assert result.error is None or "\n" not in result.error
        assert (result.error is None) != (result.text is None)


def test_binary_garbage_gives_a_result_not_a_crash(in_process_results):
    assert isinstance(in_process_results[5], BatchResult)
    assert in_process_results[5].error is None or in_process_results[5].error


def test_oversized_page_is_an_error_line():
    results = list(scrubber.clean_many([huge_page(), text_dump(1)], workers=1, max_input_bytes=5_000_000))
    assert results[0].error.startswith("InputTooLargeError")
    assert results[1].error is None


def test_two_workers_give_identical_results(in_process_results):
    parallel = list(scrubber.clean_many(mixed_inputs(), workers=2, chunk_docs=2))
    assert [r.as_record() for r in parallel] == [r.as_record() for r in in_process_results]
    assert [r.counts for r in parallel] == [r.counts for r in in_process_results]


def test_input_is_read_lazily_with_a_bounded_window():
    consumed = itertools.count()

    def endless():
        for number in itertools.count():
            next(consumed)
            yield text_dump(number)

    first = list(itertools.islice(scrubber.clean_many(endless(), workers=2, chunk_docs=4), 10))
    assert [r.id for r in first] == list(range(10))
    # At most the in-flight window (workers * prefetch chunks) was read ahead of what was taken.
    assert next(consumed) <= 10 + 4 * (2 * runner.PREFETCH_PER_WORKER + 1)


def test_json_format_adds_blocks_and_removals():
    result = next(scrubber.clean_many([text_dump(4)], workers=1, format="json"))
    record = result.as_record()
    assert record["counts"]["page_anchors/top-of-page"] == 1
    assert any(r["rule"] == "trackers/quantcast" for r in record["removed"])
    assert [b["kind"] for b in record["blocks"]][0] == "title"


def test_markdown_format_renders_headings_on_both_paths():
    page = html_page(3)
    for workers in (1, 2):
        [result] = scrubber.clean_many([page], workers=workers, format="markdown")
        assert result.text.startswith("# Bridge plan 3\n\n") and article(3) in result.text
    [untitled] = scrubber.clean_many([page], workers=1, format="markdown", include_title=False)
    assert not untitled.text.startswith("#") and article(3) in untitled.text


def test_bad_arguments_fail_before_any_document():
    with pytest.raises(scrubber.ScrubberError, match="format"):
        scrubber.clean_many([], format="pdf")
    with pytest.raises(scrubber.ScrubberError, match="at least 1"):
        scrubber.clean_many([], workers=0)
    with pytest.raises(TypeError, match="workers"):
        scrubber.clean_many([], workers="2")
    with pytest.raises(TypeError, match="unknown option"):
        scrubber.clean_many([], colour="red")
    with pytest.raises(TypeError, match="iterable of documents"):
        scrubber.clean_many("one page, not a list of pages")


def test_a_bad_rule_file_fails_at_once(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[drop]]\nid = "x"\nregex = "("\n')
    with pytest.raises(scrubber.RuleFileError):
        scrubber.clean_many([text_dump(1)], rules=[str(bad)])


def test_extra_rules_reach_the_workers(tmp_path):
    pack = tmp_path / "site.toml"
    pack.write_text('[pack]\nname = "site"\n\n[[drop]]\nid = "archive-stamp"\ntext = "From the Valley Post archive"\n')
    docs = ["From the Valley Post archive\n" + text_dump(n) for n in range(4)]
    results = list(scrubber.clean_many(docs, workers=2, chunk_docs=1, rules=[str(pack)]))
    assert all(r.counts.get("site/archive-stamp") == 1 for r in results)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="patches the worker through fork")
def test_a_document_that_kills_its_worker_gets_an_error_and_the_rest_go_on(monkeypatch):
    real = runner.clean_document

    def deadly(pipeline, document, format, render):
        if document.id == "killer":
            import os
            os._exit(3)
        return real(pipeline, document, format, render)

    monkeypatch.setattr(runner, "clean_document", deadly)
    docs = [{"id": f"d{n}", "text": text_dump(n)} for n in range(6)]
    docs.insert(3, {"id": "killer", "text": text_dump(99)})
    results = list(scrubber.clean_many(docs, workers=2, chunk_docs=2))
    assert [r.id for r in results] == [d["id"] for d in docs]
    assert results[3].error == "worker process died while cleaning this document"
    assert all(r.error is None and article(int(r.id[1:])) in r.text for r in results if r.id != "killer")


def test_a_worker_builds_the_rule_index_before_it_freezes_its_state(monkeypatch):
    # The worker's lasting state is frozen out of the cyclic GC's full collections: the index
    # of the built-in rules, built at the first page, must be part of it.
    from scrubber.config import CleanConfig
    from scrubber.rules import matching

    frozen_with = []
    monkeypatch.setattr(matching, "_INDEXES", {})
    monkeypatch.setattr(runner.gc, "freeze", lambda: frozen_with.append(len(matching._INDEXES)))
    monkeypatch.setattr(runner, "_worker", None)
    runner._start_worker(CleanConfig(), "text")
    assert frozen_with == [1]
    pipeline = runner._worker[0]
    assert pipeline.run(text_dump(3)).text  # and the worker cleans pages as before


def test_a_worker_starts_even_when_the_budget_is_too_small_for_a_first_page(monkeypatch):
    from scrubber.config import CleanConfig

    monkeypatch.setattr(runner.gc, "freeze", lambda: None)
    monkeypatch.setattr(runner, "_worker", None)
    runner._start_worker(CleanConfig(time_budget=1e-9), "text")
    assert runner._worker is not None
