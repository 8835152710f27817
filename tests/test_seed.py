"""The example that started it all comes out byte for byte as expected."""

import scrubber

SEED = "seeds/000_1607aacf146e1f0a"


def test_seed_matches_expected_byte_for_byte(shared_dir):
    source = (shared_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    expected = (shared_dir / f"{SEED}.expected.txt").read_text(encoding="utf-8")
    assert scrubber.clean(source) == expected


def test_seed_as_bytes_matches_too(shared_dir):
    source = (shared_dir / f"{SEED}.txt").read_bytes()
    expected = (shared_dir / f"{SEED}.expected.txt").read_text(encoding="utf-8")
    assert scrubber.clean(source) == expected


def test_seed_removals_name_their_rules(shared_dir):
    source = (shared_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    rules = {r.text: r.rule for r in scrubber.clean_and_explain(source).removed}
    assert rules["Quantcast"] == "trackers/quantcast"
    assert rules["top of page"] == "page_anchors/top-of-page"
    assert rules["Post: Blog2_Post"] == "wix/post-marker"
    assert rules["ukraine_crisis_potential_meeting_between_putin_and_zelensky_soon_"] == "title_repeats/slug"
