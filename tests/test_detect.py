"""HTML or text: a flattened dump that leaked a few tags stays text."""

from scrubber.source import looks_like_html

PROSE = ("The harbour board voted on Tuesday to repair the north pier before the winter storms arrive, "
         "and the work will start next month once the divers have checked the old timber piles. ")


def test_a_flattened_dump_with_leaked_noscript_tags_is_text():
    leaked = '<img src="//pixel.example/t.gif?a=1&amp;b=2" width="1" height="1"> <div> <img src="/x.gif"> </div> '
    page = "Harbour news Home Sport " + leaked + PROSE * 30
    assert "\n" not in page
    assert not looks_like_html(page)


def test_markup_on_one_long_line_is_html():
    page = "Menu " + "".join(f"<div class='row'><p>{PROSE}</p><a href='/n{i}'>More</a></div>" for i in range(20))
    assert looks_like_html(page)
