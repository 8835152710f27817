"""Trace: removals noted as fields read back as the same Removal records, in order."""

from scrubber.trace import Removal, Trace


def test_noted_and_added_removals_keep_their_order():
    trace = Trace()
    trace.note("Home", "navigation/home", "navigation", "a menu", 3)
    trace.add(Removal("Quantcast", "trackers/quantcast", "trackers"))
    trace.note_each([("Share", "share_rows/share", "share_rows", "", 7)])
    assert len(trace) == 3
    assert list(trace.marks()) == [("navigation/home", 3), ("trackers/quantcast", -1), ("share_rows/share", 7)]
    assert trace.removals == [Removal("Home", "navigation/home", "navigation", "a menu", 3),
                              Removal("Quantcast", "trackers/quantcast", "trackers"),
                              Removal("Share", "share_rows/share", "share_rows", "", 7)]
    assert trace.counts() == {"navigation/home": 1, "trackers/quantcast": 1, "share_rows/share": 1}


def test_a_trace_compares_and_prints_by_its_removals():
    built = Trace([Removal("Home", "navigation/home", "navigation", "a menu", 3)])
    noted = Trace()
    noted.note("Home", "navigation/home", "navigation", "a menu", 3)
    assert noted == built and noted != Trace()
    assert repr(noted) == "Trace(removals=[Removal(text='Home', rule='navigation/home', stage='navigation', " \
                          "reason='a menu', index=3)])"


def test_the_removals_list_is_one_list():
    trace = Trace()
    removals = trace.removals
    trace.note("Home", "navigation/home", "navigation", "", 0)
    assert trace.removals is removals and len(removals) == 1
