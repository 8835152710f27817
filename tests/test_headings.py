"""Run-in headings: split out of flattened paragraphs, and ordinary sentences left alone."""

import pytest

from scrubber.data import stopwords
from scrubber.normalise.headings import Vocabulary, split_run_in_headings

# Each positive case: (text, [the pieces expected], language). A "#" marks a heading piece.
SPLITS = {
    "title-case-after-sentence": (
        "Talks ended on Monday without a deal. Security Guarantees Under Discussion Significant attention is paid to the guarantees.",
        ["Talks ended on Monday without a deal.", "#Security Guarantees Under Discussion",
         "Significant attention is paid to the guarantees."], "en"),
    "heading-at-paragraph-start": (
        "Optimism Among European Leaders Despite the complexities, the council president expressed optimism about the talks.",
        ["#Optimism Among European Leaders", "Despite the complexities, the council president expressed optimism about the talks."], "en"),
    "question-heading": (
        "Bakers have argued about it for years. Why Does Dough Need Time? Yeast is a living thing and it works slowly in the cold.",
        ["Bakers have argued about it for years.", "#Why Does Dough Need Time?", "Yeast is a living thing and it works slowly in the cold."], "en"),
    "numbered-heading": (
        "Bakers who try it once rarely go back. 3 Ways to Keep Bread Fresh Wrap the loaf in a cotton cloth rather than in plastic.",
        ["Bakers who try it once rarely go back.", "#3 Ways to Keep Bread Fresh", "Wrap the loaf in a cotton cloth rather than in plastic."], "en"),
    "numbered-heading-with-period": (
        "The first step is the hardest one. 2. Shape the Loaf Gently Tip the dough onto a floured board and fold it twice.",
        ["The first step is the hardest one.", "#2. Shape the Loaf Gently", "Tip the dough onto a floured board and fold it twice."], "en"),
    "proper-noun-starts-sentence": (
        "The council met again in May. Budget Under Review Mayor Janet Okafor said the budget would be cut by a tenth. Okafor left early.",
        ["The council met again in May.", "#Budget Under Review", "Mayor Janet Okafor said the budget would be cut by a tenth. Okafor left early."], "en"),
    "name-without-title-starts-sentence": (
        "Prices rose again in June. Rents Keep Climbing Ana Ruiz, a tenant in the old town, said her rent went up twice.",
        ["Prices rose again in June.", "#Rents Keep Climbing", "Ana Ruiz, a tenant in the old town, said her rent went up twice."], "en"),
    "small-words-inside-heading": (
        "Bakers who try it once rarely go back. What Happens in the Fridge During a long, cold rise the yeast produces gas slowly.",
        ["Bakers who try it once rarely go back.", "#What Happens in the Fridge",
         "During a long, cold rise the yeast produces gas slowly."], "en"),
    "sentence-case-heading-en": (
        "The audit took most of the year. How the council spent the money The report found that most of it went on roads.",
        ["The audit took most of the year.", "#How the council spent the money", "The report found that most of it went on roads."], "en"),
    "sentence-case-heading-clause-opener": (
        "The attacks grew more common every year. Technical countermeasures While they may not solve the problem, some tools help a lot.",
        ["The attacks grew more common every year.", "#Technical countermeasures",
         "While they may not solve the problem, some tools help a lot."], "en"),
    "sentence-case-heading-contraction": (
        "Nobody agrees on the words we use. Shared definitions There’s no single vocabulary for the parts of a newsroom yet.",
        ["Nobody agrees on the words we use.", "#Shared definitions", "There’s no single vocabulary for the parts of a newsroom yet."], "en"),
    "two-headings": (
        "The season opened late. Early Frost Hits the Orchards Growers lost a third of the blossom in one night. "
        "What Comes Next for Growers Insurance will cover some of the damage, the ministry said.",
        ["The season opened late.", "#Early Frost Hits the Orchards", "Growers lost a third of the blossom in one night.",
         "#What Comes Next for Growers", "Insurance will cover some of the damage, the ministry said."], "en"),
    "german-noun-phrase-heading": (
        "Der Stadtrat hat am Montag eine neue Satzung beschlossen. Neue Regeln für Mieter Ab Januar gilt in der Stadt eine strengere Mietpreisbremse.",
        ["Der Stadtrat hat am Montag eine neue Satzung beschlossen.", "#Neue Regeln für Mieter",
         "Ab Januar gilt in der Stadt eine strengere Mietpreisbremse."], "de"),
    "german-heading-article-sentence": (
        "Viele Bäcker lassen den Teig nur eine Stunde gehen. Warum der Teig Zeit braucht Die Hefe arbeitet in der Kälte viel langsamer.",
        ["Viele Bäcker lassen den Teig nur eine Stunde gehen.", "#Warum der Teig Zeit braucht",
         "Die Hefe arbeitet in der Kälte viel langsamer."], "de"),
    "french-sentence-case-heading": (
        "Les ventes de vélos ont doublé en deux ans. Un marché en plein essor Les fabricants français peinent à suivre la demande.",
        ["Les ventes de vélos ont doublé en deux ans.", "#Un marché en plein essor", "Les fabricants français peinent à suivre la demande."], "fr"),
    "spanish-sentence-case-heading": (
        "El puerto recibe más barcos que nunca. Una noche sin descanso Cada madrugada llegan los pesqueros con la captura del día.",
        ["El puerto recibe más barcos que nunca.", "#Una noche sin descanso", "Cada madrugada llegan los pesqueros con la captura del día."], "es"),
}

# Ordinary paragraphs that must come back whole.
KEEPS = {
    "united-nations": ("The vote was postponed last year. The United Nations General Assembly voted on Tuesday to adopt the "
                       "resolution, and the UN General Assembly will meet again in spring.", "en"),
    "prime-minister": ("Talks went on into the night. British Prime Minister Keir Starmer convened discussions with the "
                       "coalition of the willing, and Starmer later spoke to reporters.", "en"),
    "names-mid-sentence": ("We met Angela Merkel in Berlin. She said hello to everyone there and left before the dinner.", "en"),
    "president-name": ("It was a long week. French President Emmanuel Macron has voiced caution against hastily "
                       "constructed peace agreements.", "en"),
    "white-house": ("The talks were arranged on Tuesday. White House spokeswoman Karoline Leavitt confirmed the meeting "
                    "in a press briefing.", "en"),
    "title-of-a-book": ("She read it twice that summer. The Old Man and the Sea stayed on her desk for years, "
                        "next to a dictionary.", "en"),
    "newspaper-name": ("The story broke late. According to The Guardian the minister had known for weeks.", "en"),
    "abbreviation": ("The plan was signed by Dr. Lena Fischer and approved by the board in May. It takes effect in June.", "en"),
    "german-ordinary": ("Die Deutsche Bahn erhöht im Dezember die Preise. Die Deutsche Bahn begründet das mit "
                        "höheren Kosten für Energie und Personal.", "de"),
    "german-nouns": ("Im Winter sinkt die Temperatur im Keller stark. Der Teig Braucht dann länger, sagt die Bäckerin, "
                     "und die Kruste wird dunkler.", "de"),
    "german-name": ("Der Bundestag tagte am Donnerstag. Bundeskanzler Friedrich Merz sagte, die Regierung werde "
                    "die Pläne prüfen.", "de"),
    "german-newspaper": ("Die Regierung schweigt bisher. Laut der Zeitung Die Welt will das Ministerium die Pläne "
                         "im Herbst vorlegen.", "de"),
    "french-ordinary": ("Le maire a présenté son budget. Selon le journal Le Monde, la ville empruntera davantage "
                        "l'an prochain.", "fr"),
    "french-place": ("Le bateau est parti à l'aube. Il est arrivé à La Rochelle le soir même avec toute sa cargaison.", "fr"),
    "spanish-ordinary": ("La ciudad creció mucho en los años sesenta. Los Angeles tiene hoy más habitantes de origen "
                         "mexicano que muchas ciudades de México.", "es"),
    "film-title-with-opener": ("She saw it in May. The film While We're Young was shown at the festival twice that week.", "en"),
    "name-after-article-at-paragraph-start": ("The Old Mill bridge will close to traffic next month, the county said, "
                                              "and Mill Lane stays open.", "en"),
    "street-name-before-said": ("The bridge will close for six weeks. Shopkeepers on Mill Lane said the last closure cost them "
                                "a third of their trade.", "en"),
    "short-capitalised-run": ("He moved to New York City in 1999 and never went back to the farm where he grew up.", "en"),
}


def _pieces(text, lang):
    vocabulary = Vocabulary.of([text], stopwords(lang))
    return [("#" if kind == "heading" else "") + piece for kind, piece in split_run_in_headings(text, vocabulary)]


@pytest.mark.parametrize("name", sorted(SPLITS))
def test_run_in_heading_is_split(name):
    text, expected, lang = SPLITS[name]
    assert _pieces(text, lang) == expected


@pytest.mark.parametrize("name", sorted(KEEPS))
def test_ordinary_paragraph_is_not_split(name):
    text, lang = KEEPS[name]
    assert _pieces(text, lang) == [text]


@pytest.mark.parametrize("text", ["The list ends with a number. 2.", "3)", "Fine. 4. ", "Done. A", "?"])
def test_odd_endings_do_not_crash(text):
    assert "".join(piece for _, piece in split_run_in_headings(text)).replace(" ", "") == text.replace(" ", "")


def test_without_vocabulary_the_text_is_its_own():
    text = SPLITS["title-case-after-sentence"][0]
    assert len(split_run_in_headings(text)) == 3


from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = st.sampled_from(["The", "the", "Die", "Les", "report", "Report", "2.", "3)", "said", "Mayor", "Okafor,", "Why",
                          "Does?", "end.", "Ab", "Januar", "and", "de", "Cada", "noche", "“Quote”", "-", "?", "."])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40))
def test_splitting_keeps_every_word_in_order(words):
    text = " ".join(words)
    pieces = split_run_in_headings(text, Vocabulary.of([text]))
    assert " ".join(piece for _, piece in pieces).split() == text.split()
