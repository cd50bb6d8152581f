"""The sentence splitter and its abbreviations, which live in the language packs."""
from analysis.config import load_yaml
from analysis.lang import available, pack
from analysis.text import abbreviations, sentences


def texts(s):
    return [sp.text for sp in sentences(s)]


def test_every_packs_abbreviations_are_read_and_none_is_written_in_code():
    for code in available():
        f = pack(code).file("sentences")
        listed = {str(w).lower().rstrip(".") for w in (load_yaml(f) or {}).get("abbreviations", [])} if f else set()
        assert listed <= abbreviations(), code
    assert {"mr", "u.s", "долл"} <= abbreviations()


def test_an_abbreviation_of_any_pack_does_not_end_a_sentence():
    assert texts("Mr. Smith met U.S. officials on Jan. 5. They agreed.") == [
        "Mr. Smith met U.S. officials on Jan. 5.", "They agreed."]
    assert texts("Экспорт составил 5 млн долл. США за год. Это рекорд.") == [
        "Экспорт составил 5 млн долл. США за год.", "Это рекорд."]
    # a word that is not an abbreviation ends the sentence
    assert texts("Trade grew by a third. Exports rose.") == ["Trade grew by a third.", "Exports rose."]


def test_an_abbreviation_after_a_bracket_or_a_quote_mark_does_not_end_a_sentence():
    assert texts("Talks with (U.S. officials) went well. They agreed.") == [
        "Talks with (U.S. officials) went well.", "They agreed."]
    assert texts("He wrote to “Mr. Smith” at once. He agreed.") == ["He wrote to “Mr. Smith” at once.", "He agreed."]
    assert texts("  Trade grew.   Exports rose.  ") == ["Trade grew.", "Exports rose."]
    assert [(sp.start, sp.end) for sp in sentences("  Trade grew.   Exports rose.  ")] == [(2, 13), (16, 29)]
