import pytest

import scrubber

ARTICLE = ("The council met on Monday and agreed that the new library will open in May next year. "
           "It will have a reading room, a cafe and space for the archive the town has kept since 1890.")


def test_clean_returns_str_ending_in_newline():
    out = scrubber.clean("top of page\n" + ARTICLE + "\nbottom of page")
    assert out == ARTICLE + "\n"


def test_empty_and_blank_input_give_empty_string():
    assert scrubber.clean("") == ""
    assert scrubber.clean(" \n\u00a0\n\t") == ""
    assert scrubber.clean(b"") == ""


@pytest.mark.parametrize("bad", [None, 12, 3.5, ["a"], {"html": "x"}])
def test_wrong_document_type_raises_type_error(bad):
    with pytest.raises(TypeError, match="str or bytes"):
        scrubber.clean(bad)


def test_wrong_url_type_raises_type_error():
    with pytest.raises(TypeError, match="url"):
        scrubber.clean("text", url=5)


def test_unknown_option_raises_type_error():
    with pytest.raises(TypeError, match="unknown option"):
        scrubber.clean("text", colour="blue")


def test_include_title_false_leaves_title_out_of_text_but_in_result():
    doc = "Library Opens in May\n\n" + ARTICLE
    result = scrubber.clean_and_explain(doc, include_title=False)
    assert result.title == "Library Opens in May"
    assert result.text == ARTICLE + "\n"
    assert result.blocks[0].kind == "title"
    assert scrubber.clean(doc).startswith("Library Opens in May\n\n")


def test_repeated_options_are_checked_by_type_not_only_by_equality():
    # 1000 == 1000.0, but only an integer is a byte limit: the config made for one is not the other's
    assert scrubber.clean(ARTICLE, max_input_bytes=1000) == ARTICLE + "\n"
    with pytest.raises(TypeError, match="max_input_bytes"):
        scrubber.clean(ARTICLE, max_input_bytes=1000.0)
    assert scrubber.clean(ARTICLE, max_input_bytes=1000) == ARTICLE + "\n"


def test_options_given_as_unhashable_values_still_apply():
    doc = "Quantcast\n" + ARTICLE
    assert "trackers/quantcast" in scrubber.clean_and_explain(doc).counts()
    assert "trackers/quantcast" not in scrubber.clean_and_explain(doc, disabled=["trackers"]).counts()


def test_errors_share_one_base():
    for error in (scrubber.RuleFileError, scrubber.UnknownFilterError, scrubber.FilterError,
                  scrubber.InputTooLargeError, scrubber.BudgetExceededError):
        assert issubclass(error, scrubber.ScrubberError)


def test_input_too_large_is_a_typed_error():
    with pytest.raises(scrubber.InputTooLargeError):
        scrubber.clean("x" * 100, max_input_bytes=10)


def test_counts_per_rule():
    result = scrubber.clean_and_explain("Quantcast\ntop of page\n" + ARTICLE + "\nQuantcast")
    assert result.counts()["trackers/quantcast"] == 2
    assert result.counts()["page_anchors/top-of-page"] == 1


def test_a_dump_of_one_line_is_its_text_not_a_title():
    line = "Deep-sea cables carry most of the world's data, and a cut one takes weeks to mend"
    assert scrubber.clean(line, include_title=False) == line + "\n"
    assert scrubber.clean_and_explain(line).title is None


def test_removals_are_traced_filter_by_filter_in_registry_order():
    # The rule filters judge the lines in one pass; the trace still reads as if they ran one
    # by one: every page_anchors removal, then navigation's, then share_rows', each top down.
    lines = ["Bread at Home", "Privacy Policy", "Top of page", ARTICLE, "Share on Facebook", "Top of page",
             "Privacy Policy"]
    result = scrubber.clean_and_explain("\n".join(lines))
    assert [(r.stage, r.index) for r in result.trace] == [
        ("page_anchors", 2), ("page_anchors", 5), ("navigation", 1), ("navigation", 6), ("share_rows", 4)]


PAGE = ("Quantcast\ntop of page\nBread at Home\n"
        + "We bake bread at home because it is cheaper and it tastes better than the bread from the shop. " * 2)


def test_a_failing_rule_filter_is_named_even_when_rule_filters_judge_together(monkeypatch):
    from scrubber.filters.base import RuleFilter

    decide = RuleFilter.decide

    def breaks_for_trackers(self, block, page):
        if self.name == "trackers":
            raise RuntimeError("broken rule data")
        return decide(self, block, page)

    # still a plain rule filter's decide: the pipeline runs these filters in one pass
    monkeypatch.setattr(RuleFilter, "decide", breaks_for_trackers)
    with pytest.raises(scrubber.FilterError, match="'trackers' failed: RuntimeError"):
        scrubber.clean(PAGE)


def test_a_failing_filter_is_named():
    from scrubber.filters.base import Filter

    class Broken(Filter):
        name = "broken"

        def select(self, blocks, page):
            raise KeyError("missing")

    pipeline = scrubber.Pipeline(scrubber.CleanConfig())
    pipeline.filters.insert(0, Broken())
    with pytest.raises(scrubber.FilterError, match="'broken' failed: KeyError"):
        pipeline.run(PAGE)
