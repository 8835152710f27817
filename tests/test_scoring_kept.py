"""The scorer's sure test (scrubber/scoring/kept.py, region.surely_spanned): whenever it says a block
is kept, scoring the whole page keeps it, and the HTML tail it saves scoring for comes out the same."""

from hypothesis import given, settings, strategies as st

from scrubber.blocks import Block
from scrubber.page import Page
from scrubber.scoring.classifier import SECOND_SPAN_ENOUGH, SECOND_SPAN_RATIO, ContentScorer, judging_stoplist
from scrubber.scoring.repeats import copies
from scrubber.scoring.features import page_features
from scrubber.scoring.html_hints import HtmlScorer, _article_ends
from scrubber.scoring import html_hints
from scrubber.scoring.kept import WHOLE_READ, ValueBounds, surely_ends_at, surely_keeps
from scrubber.scoring.region import article_spans, surely_spanned

# Region values are quarters (word counts, halves and the costs): sums of them are exact.
_VALUES = st.lists(st.integers(-600, 600).map(lambda q: q / 4), min_size=1, max_size=40)


@settings(max_examples=500, deadline=None)
@given(_VALUES, st.data())
def test_a_surely_spanned_position_is_covered_whatever_the_values_around_it(values, data):
    q = data.draw(st.integers(0, len(values) - 1))
    slack = data.draw(st.lists(st.integers(0, 40).map(lambda s: s / 4), min_size=q + 1, max_size=q + 1))
    lower = [values[i] - slack[i] for i in range(q, -1, -1)]
    if surely_spanned(lower, SECOND_SPAN_ENOUGH):
        assert any(s <= q < e for s, e in article_spans(values, SECOND_SPAN_RATIO, SECOND_SPAN_ENOUGH))


def test_surely_spanned_needs_every_sum_back_from_the_position_positive():
    # the last value alone is negative: no span ends on it, however much prose stands before it
    assert not surely_spanned([-1.0, 500.0], SECOND_SPAN_ENOUGH)
    assert not any(s <= 1 < e for s, e in article_spans([500.0, -1.0], SECOND_SPAN_RATIO, SECOND_SPAN_ENOUGH))
    assert surely_spanned([30.0, 80.0], SECOND_SPAN_ENOUGH)


PROSE = ["The council said that the new bridge over the river would open in the spring, and that the cost was fair.",
         "It will have a footpath on each side and a lane for bicycles, which the town has asked for since 1990.",
         "Work on the northern bank starts in March, when the water is low enough for the crews to reach the piers.",
         "The old ferry will run until the bridge opens, and its crew will be offered jobs on the new river bus.",
         "Residents who live near the site were told that the noise would stop at six in the evening on weekdays.",
         "A short note on the end."]
CHROME = ["Share", "Home", "Reply", "Read more", "Related stories", "12 comments", "Tags: bridge, river", "4,2",
          "Subscribe to our newsletter", "Note", "Cheers, Anna", "Update:"]
# Paragraphs are numbered apart (no paragraph repeats); chrome may repeat.
_BLOCK = st.tuples(st.sampled_from(PROSE + CHROME), st.sampled_from(["paragraph", "paragraph", "heading", "list_item"]),
                   st.sampled_from([0.0, 0.0, 0.0, 0.2, 1.0]))
# A page: blocks of any kind around a run of paragraphs, the article's body.
_PAGE = st.builds(lambda head, body, tail: head + [(text, "paragraph", 0.0) for text in body] + tail,
                  st.lists(_BLOCK, max_size=6), st.lists(st.sampled_from(PROSE[:5]), min_size=12, max_size=40),
                  st.lists(_BLOCK, max_size=6))
# A short page, read whole by the bounds: any blocks and paragraphs.
_SHORT_PAGE = st.lists(st.one_of(_BLOCK, st.builds(lambda text: (text, "paragraph", 0.0), st.sampled_from(PROSE))),
                       min_size=1, max_size=WHOLE_READ)
_ANY_PAGE = st.one_of(_PAGE.filter(bool), _SHORT_PAGE)


def _page(specs, data):
    blocks = [Block(text.replace("the", f"the {i}", 1), kind=kind, index=2 * i, link_density=linked)
              for i, (text, kind, linked) in enumerate(specs)]
    page = Page(blocks, None, mode="html", lang="en")
    indexes = st.integers(-1, 2 * len(blocks) + 1)
    page.meta["title_at"] = data.draw(st.lists(indexes, max_size=1))
    page.meta["comment_heads"] = data.draw(st.lists(indexes, max_size=1))
    page.meta["list_heads"] = sorted(data.draw(st.lists(indexes, max_size=2)))
    return blocks, page


@settings(max_examples=400, deadline=None)
@given(_ANY_PAGE, st.data())
def test_a_block_surely_kept_is_kept_by_the_whole_page_scoring(specs, data):
    blocks, page = _page(specs, data)
    ends = list(_article_ends(blocks))
    counts = copies(blocks)
    if surely_keeps(blocks, page, iter(ends), ValueBounds(blocks, page, counts)):
        dropped = {d.index for d in ContentScorer().select(blocks, page)}
        assert any(position not in dropped for position in ends)


@settings(max_examples=400, deadline=None)
@given(_ANY_PAGE, st.data())
def test_where_the_article_surely_ends_the_whole_page_scoring_ends_it(specs, data):
    blocks, page = _page(specs, data)
    counts = copies(blocks)
    end = surely_ends_at(blocks, page, ValueBounds(blocks, page, counts))
    if end is not None:
        dropped = {d.index for d in ContentScorer().select(blocks, page)}
        assert end not in dropped and all(position in dropped for position in range(end + 1, len(blocks)))


@settings(max_examples=400, deadline=None)
@given(_ANY_PAGE, st.data())
def test_the_tail_is_the_same_with_and_without_the_sure_test(specs, data):
    blocks, page = _page(specs, data)
    kept = list(range(len(blocks)))
    with_test = HtmlScorer()._tail_after_article(blocks, kept, page)
    original = html_hints.surely_keeps
    original_end = html_hints.surely_ends_at
    html_hints.surely_keeps, html_hints.surely_ends_at = (lambda *args: False), (lambda *args: None)
    try:
        assert HtmlScorer()._tail_after_article(blocks, kept, page) == with_test
    finally:
        html_hints.surely_keeps, html_hints.surely_ends_at = original, original_end


def test_an_article_ending_in_prose_is_not_scored_whole():
    # twenty paragraphs: the last ten alone show that the article reaches the end
    blocks = [Block("Home", index=0, link_density=1.0)] + [Block(PROSE[i % 5].replace("the", f"the {i}", 1), index=i + 1)
                                                          for i in range(20)]
    page = Page(blocks, None, mode="html", lang="en")
    assert surely_keeps(blocks, page, _article_ends(blocks), ValueBounds(blocks, page, copies(blocks)))
    assert HtmlScorer()._tail_after_article(blocks, list(range(len(blocks))), page) == set()


def test_no_sure_answer_when_a_repeated_label_runs_through_the_page():
    lines = [PROSE[i % 5].replace("the", f"the {i}", 1) for i in range(20)]
    for position in (3, 8, 13):
        lines[position] = "Reply"
    blocks = [Block(text, index=i) for i, text in enumerate(lines)]
    page = Page(blocks, None, mode="html", lang="en")
    assert not surely_keeps(blocks, page, _article_ends(blocks), ValueBounds(blocks, page, copies(blocks)))
    assert surely_ends_at(blocks, page, ValueBounds(blocks, page, copies(blocks))) is None


@settings(max_examples=300, deadline=None)
@given(_ANY_PAGE, st.data())
def test_the_features_the_bounds_read_and_the_rest_are_the_page_features(specs, data):
    blocks, page = _page(specs, data)
    bounds = ValueBounds(blocks, page, copies(blocks))
    bounds[data.draw(st.integers(0, len(blocks)))]  # read as far back as a proof may have
    assert bounds.features() == page_features(blocks, judging_stoplist(page.lang))


@settings(max_examples=300, deadline=None)
@given(_ANY_PAGE, st.data())
def test_the_article_spans_cover_what_select_keeps(specs, data):
    blocks, page = _page(specs, data)
    dropped = {d.index for d in ContentScorer().select(blocks, page)}
    features = page_features(blocks, judging_stoplist(page.lang)) if data.draw(st.booleans()) else None
    spans = ContentScorer().article(blocks, page, copies(blocks), features)[2]
    kept = set(range(len(blocks))) if spans is None else {p for start, end in spans for p in range(start, end)}
    assert kept == set(range(len(blocks))) - dropped


def test_a_short_page_is_read_whole_and_its_end_told_from_it():
    # four paragraphs of prose are a page's whole article: its end needs no scoring of the page
    long_prose = " ".join(PROSE[:2])
    blocks = [Block(long_prose.replace("the", f"the {i}", 1), index=i) for i in range(4)] + [Block("Share", index=4, link_density=1.0)]
    page = Page(blocks, None, mode="html", lang="en")
    assert surely_ends_at(blocks, page, ValueBounds(blocks, page, copies(blocks))) == 3
    assert HtmlScorer()._tail_after_article(blocks, list(range(len(blocks))), page) == {4}
