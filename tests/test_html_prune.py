"""Each pruning rule removes its chrome and keeps the look-alikes that are content."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scrubber
from scrubber.source.html.parse import parse, text_of
from scrubber.source.html.names import _WORDS, _concept_of, _may_name_chrome, chrome_concept, name_words
from scrubber.source.html.prune import prune

STORY = ("<p>The ferry to the island runs twice a day in winter, and the crossing takes forty minutes "
         "when the sea is calm, longer when the wind turns to the east.</p>") * 3


def kept_text(body_html: str) -> str:
    root = parse(f"<html><body>{body_html}</body></html>")
    prune(root)
    return " ".join(text_of(root.find("body")).split())


@pytest.mark.parametrize("markup", [
    "<script>var x = 'chrome';</script>", "<style>.chrome{}</style>", "<noscript>chrome</noscript>",
    "<template>chrome</template>", "<svg><text>chrome</text></svg>", "<iframe>chrome</iframe>",
    "<form><label>chrome</label><input></form>", "<select><option>chrome</option></select>",
    "<button>chrome</button>", "<textarea>chrome</textarea>",
    "<div hidden>chrome</div>", '<div aria-hidden="true">chrome</div>', '<div style="display: none">chrome</div>',
    '<span style="visibility:hidden">chrome</span>',
    "<nav>chrome</nav>", "<aside>chrome</aside>", "<header>chrome</header>", "<footer>chrome</footer>",
    '<div role="navigation">chrome</div>', '<div role="banner">chrome</div>', '<div role="contentinfo">chrome</div>',
    '<div role="complementary">chrome</div>', '<div role="dialog">chrome</div>', '<div role="alertdialog">chrome</div>',
])
def test_non_content_markup_is_pruned(markup):
    assert "chrome" not in kept_text(markup + STORY)


@pytest.mark.parametrize("name, concept", [
    ("cookie-banner", "consent"), ("gdpr-notice", "consent"), ("dsgvo-notice", "consent"), ("onetrust-consent-sdk", "consent"),
    ("social-share", "share"), ("shareButtons", "share"), ("newsletter-signup", "newsletter"),
    ("related-posts", "related"), ("jp-relatedposts", "related"), ("comments-area", "comments"),
    ("breadcrumbs", "breadcrumb"), ("sidebar-right", "sidebar"), ("widget_recent_entries", "sidebar"),
    ("intercom-container", "chat"), ("ad-slot", "ads"), ("sponsored-links", "ads"),
    ("modal-backdrop", "overlay"), ("popup", "overlay"), ("paywall-prompt", "paywall"),
    ("post-image-credits", "credit"), ("photoCredit", "credit"), ("copyright", "credit"),
    ("ez-toc-container", "navigation"), ("editorial-disclaimer", "disclaimer"), ("post-ratings", "feedback"),
    ("entry-tags", "tags"), ("tagcloud", "tags"),
])
def test_class_and_id_token_groups(name, concept):
    assert chrome_concept(name) == concept
    assert "chrome" not in kept_text(f'<div class="{name}">chrome</div>' + STORY)
    assert "chrome" not in kept_text(f'<div id="{name}">chrome</div>' + STORY)


@pytest.mark.parametrize("name", [
    "article-comments-count",   # a counter in the byline, not the comments
    "comment-body",             # a forum post's text
    "shared-ownership",         # "shared" is not "share"
    "adventure-story",          # "ad" only as a whole word
    "header-content",           # content word guards the name
    "downloads", "leading", "thread", "cookiejar-recipe",
    "protocol-steps",           # "toc" only as a whole word
    "cmp-text", "cmp_article_details",  # "cmp" prefixes every component of some CMSs, not only consent managers
    "MathJax CtxtMenu_Attached_0",  # a formula, whatever its context-menu hook says
    "post hentry tag-social-media custom_tags-newsletter",  # a post named after its topics
    "tag-travel",               # one topic's class, not a row of tags
])
def test_look_alike_names_are_kept(name):
    assert "kept" in kept_text(f'<div class="{name}">kept</div>' + STORY)


def test_header_and_footer_inside_the_article_are_kept():
    html = f"<article><header><p>Kicker line</p></header>{STORY}<footer><p>Filed in Travel</p></footer></article>"
    text = kept_text(html)
    assert "Kicker line" in text and "Filed in Travel" in text


def test_article_inside_a_container_named_like_chrome_survives():
    html = f'<div id="share-wrapper" class="sidebar comments">{STORY}</div><div class="sidebar">chrome</div>'
    text = kept_text(html)
    assert "ferry to the island" in text and "chrome" not in text


def test_tails_of_pruned_elements_stay():
    assert kept_text("<p>Before <span hidden>x</span>after.</p>") == "Before after."


def test_prose_about_cookies_and_sharing_survives_cleaning():
    html = ("<html><body><article><h1>Cookie jars</h1><p>We share our grandmother's cookie recipe, and the "
            "newsletter she wrote for the village, because related families asked for them.</p></article>"
            '<div class="cookie-banner"><p>We use cookies. Accept all</p></div></body></html>')
    text = scrubber.clean(html)
    assert "We share our grandmother's cookie recipe" in text
    assert "Accept all" not in text


def test_deeply_nested_chrome_names_prune_without_recursion():
    html = '<div class="share">' * 3000 + "chrome" + "</div>" * 3000 + STORY
    assert "chrome" not in kept_text(html)


def test_an_id_made_from_a_heading_is_not_a_component_name():
    html = '<section id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2>' + STORY + "</section>"
    assert "Sharing with a single developer" in kept_text(html)
    assert "chrome" not in kept_text('<div id="share-buttons">chrome</div>' + STORY)


def test_a_page_builders_text_widget_is_not_a_sidebar_widget():
    # Elementor wraps every block, text included, in "elementor-widget-container".
    text_block = ('<div class="elementor-element elementor-widget elementor-widget-text-editor">'
                  '<div class="elementor-widget-container"><p>The lock keeper opens the gates at dawn.</p></div></div>')
    share_block = ('<div class="elementor-element elementor-widget elementor-widget-share-buttons">'
                   '<div class="elementor-widget-container">Share on Mastodon</div></div>')
    kept = kept_text(STORY + text_block + share_block)
    assert "lock keeper" in kept
    assert "Mastodon" not in kept


def test_a_short_picture_caption_is_pruned_and_a_caption_that_tells_the_story_stays():
    short = "<figure><img src=a.jpg><figcaption>The harbour wall at low tide.</figcaption></figure>"
    story = ("The second day began before sunrise, when the crew hauled the nets by hand because the "
             "winch had frozen overnight; by noon the hold was full, and the skipper turned for home "
             "through a sea that had grown steadily rougher since the morning forecast.")
    long = f"<figure><img src=b.jpg><figcaption>{story}</figcaption></figure>"
    kept = kept_text(STORY + short + long)
    assert "harbour wall" not in kept
    assert "skipper turned for home" in kept
    assert "ferry to the island" in kept


@pytest.mark.parametrize("name", ["o-section--has-ads", "layout-with-sidebar", "page no-sidebar", "post--without-comments",
                                  "above-footer", "region-below-nav"])
def test_a_name_saying_what_an_element_holds_or_lacks_is_not_that_chrome(name):
    # The story section beside an ad slot carries "has-ads"; the ad slot itself is still chrome.
    html = f'<section class="{name}"><p>The lock keeper opens the gates at dawn.</p><div class="ad-slot">chrome</div></section>'
    kept = kept_text(html + STORY)
    assert "lock keeper" in kept
    assert "chrome" not in kept


@pytest.mark.parametrize("name", ["wp-caption", "media__caption", "imageCaption", "photo-captions"])
def test_a_caption_named_by_class_is_judged_like_a_figcaption(name):
    story = ("The second day began before sunrise, when the crew hauled the nets by hand because the "
             "winch had frozen overnight; by noon the hold was full, and the skipper turned for home "
             "through a sea that had grown steadily rougher since the morning forecast.")
    short = f'<div class="{name}"><img src=a.jpg><p>The harbour wall at low tide.</p></div>'
    credit = f'<span class="{name}">Photo: Harbour Archive</span>'
    long = f'<div class="{name}"><p>{story}</p></div>'
    kept = kept_text(STORY + short + credit + long)
    assert "harbour wall" not in kept and "Harbour Archive" not in kept
    assert "skipper turned for home" in kept


def test_a_theme_class_mentioning_captions_keeps_the_article():
    # "caption-dark" styles the captions inside; the container is the whole post.
    assert "ferry to the island" in kept_text(f'<div class="post caption-dark">{STORY}</div>')


def test_a_noscript_left_open_does_not_swallow_the_article():
    # The tag opened inside the first <noscript> is closed in the last one: the parser nests the
    # whole page inside the first, which pruning drops as script fallback.
    html = ("<noscript><div class=no-js-warning></noscript>" + STORY
            + "<noscript><img src=pixel.gif></div></noscript><noscript>Please enable JavaScript</noscript>")
    kept = kept_text(html)
    assert "ferry to the island" in kept
    assert "enable JavaScript" not in kept


@pytest.mark.parametrize("name", ["popup", "lightbox", "modal-trigger"])
def test_a_link_named_after_the_overlay_it_opens_stays_in_its_sentence(name):
    # A study edition glosses phrases with links that open a note in a popup.
    html = (f'<p>The keeper climbed the stairs <a href="#" class="{name}">two at a time</a> every evening.</p>'
            f'<div class="{name}">Close this window</div>' + STORY)
    kept = kept_text(html)
    assert "The keeper climbed the stairs two at a time every evening." in kept
    assert "Close this window" not in kept


@pytest.mark.parametrize("name, concept", [
    ("news-letter-section", "newsletter"), ("sideBar", "sidebar"), ("tagCloud", "tags"), ("side-bar-left", "sidebar"),
    ("commentList", "comments"), ("bread-crumb", "breadcrumb"), ("signUpBox", "newsletter"),
])
def test_a_token_spelled_in_two_parts_is_that_token(name, concept):
    assert chrome_concept(name) == concept
    assert "chrome" not in kept_text(f'<div class="{name}">chrome</div>' + STORY)


@pytest.mark.parametrize("name", [
    "read-more",            # the rest of a story folded away behind a "Read more" button
    "side by bar",          # parts of different class names never join
    "row non-paywall",      # the free part of a story
])
def test_two_part_look_alikes_are_kept(name):
    assert "kept" in kept_text(f'<div class="{name}"><p>kept</p></div>' + STORY)


def test_a_box_marked_as_the_author_is_pruned_and_an_inline_author_name_stays():
    bio = ('<section class="content-box author-box" itemprop="author"><h3>About Mira</h3>'
           "<p>Mira writes about boats and has sailed the northern coast for twenty summers.</p></section>")
    byline = '<p>By <span itemprop="author">Mira Holt</span>, 3 March</p>'
    kept = kept_text(byline + STORY + bio)
    assert "sailed the northern coast" not in kept
    assert "By Mira Holt, 3 March" in kept and "ferry to the island" in kept


@pytest.mark.parametrize("name", ["author-note", "sidebar-free article", "post no-sidebar"])
def test_an_article_whose_name_mentions_chrome_in_passing_stays(name):
    # "author-note" is the author's own note inside the story, by name only ("author" alone is a
    # byline word): it stays when it holds most of the page's prose.
    assert "ferry to the island" in kept_text(f'<div class="{name}">{STORY}</div><div class="sidebar">chrome</div>')


@pytest.mark.parametrize("name", ["cuerpo-ad", "texto-nota share-bar", "corpo-articolo sidebar-ready", "inhalt-widget"])
def test_a_content_word_in_another_language_guards_the_name(name):
    # "cuerpo-ad" is the Spanish story body on a site whose ad slots share its prefix.
    assert "kept" in kept_text(f'<div class="{name}"><p>kept</p></div>' + STORY)


@pytest.mark.parametrize("markup", [
    '<a class="btn btn-primary" href="/print">Print this recipe</a>',
    '<div class="wprm-recipe-buttons"><a href="/pin">Pin it</a></div>',
    '<span class="share-button-label">Send to a friend</span>',
])
def test_calls_to_act_styled_as_buttons_are_pruned(markup):
    kept = kept_text(STORY + markup.replace("Print this recipe", "chrome").replace("Pin it", "chrome")
                     .replace("Send to a friend", "chrome"))
    assert "chrome" not in kept and "ferry to the island" in kept


def test_text_about_buttons_and_a_button_text_label_stay():
    html = ('<p>Press the red button twice to start the kiln.</p><div class="button-text-guide"><p>kept</p></div>'
            + STORY)
    kept = kept_text(html)
    assert "Press the red button twice to start the kiln." in kept and "kept" in kept


def test_an_article_marked_up_dialog_is_pruned_and_the_story_article_stays():
    login = '<article class="login-modal"><h2>Sign in</h2><p>Your password, please.</p></article>'
    kept = kept_text(f'<article class="post modal-ready">{STORY}</article>{login}')
    assert "ferry to the island" in kept
    assert "Your password" not in kept


def test_bloggers_column_of_posts_is_not_a_sidebar_widget():
    # Blogger names every block "widget <Type>": the posts sit in "widget Blog".
    html = (f"<div class='widget Blog' id='Blog1'><div class='post-outer'>{STORY}</div></div>"
            "<div class='widget LinkList' id='LinkList1'><h2>Blogroll</h2><a href=/a>chrome</a></div>")
    kept = kept_text(html)
    assert "ferry to the island" in kept and "chrome" not in kept
    root = parse(f"<html><body><div class='widget Blog'><p>kept</p></div>{STORY}</body></html>")
    prune(root)
    assert "kept" in text_of(root.find("body"))


@pytest.mark.parametrize("name", ["img_description", "image-subtitle", "media__description", "imageDescription",
                                  "photo-legend"])
def test_a_picture_word_with_a_describing_word_names_a_caption(name):
    story = ("The second day began before sunrise, when the crew hauled the nets by hand because the "
             "winch had frozen overnight; by noon the hold was full, and the skipper turned for home "
             "through a sea that had grown steadily rougher since the morning forecast.")
    kept = kept_text(f'<div class="{name}">The harbour wall at low tide.</div>{STORY}<div class="{name}">{story}</div>')
    assert "harbour wall" not in kept
    assert "skipper turned for home" in kept  # a caption that tells the story stays, as a <figcaption> does


@pytest.mark.parametrize("name", ["media description-list", "image-gallery", "product-description"])
def test_a_picture_word_or_a_describing_word_alone_is_no_caption(name):
    assert "kept" in kept_text(f'<div class="{name}"><p>kept</p></div>' + STORY)


@pytest.mark.parametrize("name", ["related-content", "RelatedContent Module", "related_text_links"])
def test_related_content_is_the_related_list(name):
    assert "chrome" not in kept_text(f'<div class="{name}"><a href=/a>chrome</a></div>' + STORY)


@pytest.mark.parametrize("name", ["share-content", "comment-body", "content related-stories-ready"])
def test_a_content_word_after_other_chrome_words_still_guards(name):
    assert "kept" in kept_text(f'<div class="{name}"><p>kept</p></div>' + STORY)


def test_each_removal_says_what_told_it_was_chrome():
    root = parse('<html><body><div hidden>a</div><nav>b</nav><div class="cookie-banner">c</div>'
                 f'{STORY}</body></html>')
    assert [(r.reason, r.evidence, r.element.tag) for r in prune(root)] == [
        ("hidden", "hidden", "div"), ("navigation", "tag", "nav"), ("consent", "name", "div")]


def test_an_article_pruned_for_its_class_name_comes_back_from_the_name_blind_pass():
    # The story holds two thirds of the page's prose: too little to protect its container from
    # its name, and what is left is too short to be the article.
    from scrubber.source.html import extract
    story = ("The lifeboat crew launched at dawn after a trawler lost power off the point, and towed it "
             "into the harbour by nine, with the skipper and two deckhands safe on board. ") * 3
    page = (f'<html><body><div class="comments-area"><p>{story}</p></div>'
            "<p>The harbour office opens at eight on weekdays and at ten on Saturdays in the summer months, "
            "and the slipway is closed to private boats whenever the lifeboat is launched from it.</p></body></html>")
    assert "lifeboat crew launched" in " ".join(b.text for b in extract(page).blocks)


@given(st.text(alphabet="abcXYZ019-_ :./\téß\u00a0", max_size=16))
def test_class_names_split_into_the_same_words_on_the_fast_path(name):
    # Plain lower-case names take a bytes shortcut: it must give the general splitter's words.
    assert name_words(name) == [w.casefold() for w in _WORDS.findall(name)]


# Words that name chrome, join into a compound token, guard content, modify or build names,
# mixed with neutral words: the alphabet of the two properties below.
NAME_PARTS = ["share", "side", "bar", "news", "letter", "img", "description", "content", "related", "with", "no",
              "widget", "elementor", "Blog", "cookie", "Banner", "post", "item", "12", "x", "ad", "slot", "nav"]


@given(st.lists(st.sampled_from(NAME_PARTS), max_size=6), st.lists(st.sampled_from(["-", "_", " ", "", "__"]), max_size=6))
def test_only_names_whose_words_could_name_chrome_are_judged_word_by_word(parts, separators):
    # The quick rejection must never drop a name the full check would call chrome.
    name = "".join(part + separator for part, separator in zip(parts, separators + [" "] * len(parts)))
    words = name_words(name)
    if _concept_of(name, words) is not None:
        assert _may_name_chrome(words)
    assert chrome_concept(name) == _concept_of(name, words)


@given(st.text(alphabet="abcXYZ019-_ .é\u00a0", max_size=12), st.text(alphabet="abcXYZ019-_ .é", max_size=12))
def test_a_class_and_an_id_split_like_the_two_joined(class_name, element_id):
    # Pruning splits a class and an id apart and judges the two lists of words as one name.
    assert name_words(f"{class_name} {element_id}") == name_words(class_name) + name_words(element_id)


@pytest.mark.parametrize("markup, expected", [
    ('<div class="share-bar" id="tools" style="color: red; display:none">x</div>', ("hidden", "hidden")),
    ('<div class="share-bar" aria-hidden="true" role="navigation">x</div>', ("hidden", "hidden")),
    ('<div class="share-bar" id="tools" role=" Navigation ">x</div>', ("navigation", "tag")),
    ('<section class="share-bar" data-x="1" itemprop="author">x</section>', ("byline", "tag")),
    ('<div data-x="1" class="share-bar" title="t">x</div>', ("share", "name")),
    ('<div id="share-bar" href="/">x</div>', ("share", "name")),
])
def test_hidden_beats_tag_and_role_which_beat_the_name(markup, expected):
    # Whatever else an element carries, the strongest evidence names the removal.
    root = parse(f"<html><body>{markup}{STORY}</body></html>")
    assert [(r.reason, r.evidence) for r in prune(root)] == [expected]
