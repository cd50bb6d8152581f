"""Roster and lexicon files: errors that name file, line, key and entry; corpus files extend the shipped ones."""
import pytest

from analysis.config import ConfigError, load_yaml
from analysis.pipeline import analyse
from analysis.roster import load_roster
from analysis.themes import load_lexicon

SHIPPED_THEMES = list(load_lexicon().themes)
SHIPPED_PEOPLE = [p.name for p in load_roster().people]


def _roster_with_bad_entry(n_before: int) -> str:
    lines = ["# analyst's roster", "people:"]
    for i in range(n_before):
        lines += [f"  - name: Person Number{i}", "    variants: [P. Number]", "    gender: m"]
    lines += ["  - name: Viktor Karankevich", "    gender: m", "    variants: Karankevich V."]
    return "\n".join(lines) + "\n"


def test_a_string_where_a_list_is_expected_names_file_line_key_and_person(tmp_path):
    path = tmp_path / "speakers.yml"
    path.write_text(_roster_with_bad_entry(13), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("    variants: Karankevich V.") + 1
    with pytest.raises(ConfigError) as e:
        load_roster(path)
    assert str(e.value).startswith(f"speakers.yml:{line} people[13] (Viktor Karankevich).variants: expected a list")


def test_theme_terms_written_as_one_string_are_refused_with_the_line(tmp_path):
    path = tmp_path / "themes.yml"
    path.write_text("themes:\n  energy:\n    label: Energy\n    terms: energy, oil, gas\n", encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_lexicon(path)
    msg = str(e.value)
    assert msg.startswith("themes.yml:4 themes.energy.terms: expected a list") and "[energy, oil, gas]" in msg


def test_replace_must_be_true_or_false(tmp_path):
    path = tmp_path / "themes.yml"
    path.write_text("replace: yes please\nthemes:\n  energy: {terms: [oil]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"themes.yml:1 replace: expected true or false"):
        load_lexicon(path)


def test_the_same_person_twice_is_refused_whatever_the_case(tmp_path):
    path = tmp_path / "speakers.yml"
    path.write_text("people:\n  - name: Ann Lee\n  - name: ann lee\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"speakers.yml:3 people\[1\] \(ann lee\).name: 'ann lee' appears twice"):
        load_roster(path)


def test_yaml_errors_and_deep_nesting_name_the_file(tmp_path):
    path = tmp_path / "themes.yml"
    path.write_text("themes: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="themes.yml"):
        load_lexicon(path)
    path.write_text("themes:\n  a: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="themes.yml: invalid YAML at line"):
        load_yaml(path)


def test_a_corpus_lexicon_with_one_new_theme_extends_the_shipped_one(seed_copy):
    (seed_copy / "themes.yml").write_text(
        "themes:\n  harvesters_only:\n    label: Harvesters\n    terms: [harvester, harvesters]\n"
        "  trade:\n    label: Commerce\n    terms: [commerce]\n", encoding="utf-8")
    res = analyse(seed_copy)
    lexicon = load_lexicon(seed_copy / "themes.yml")
    assert list(lexicon.themes) == SHIPPED_THEMES + ["harvesters_only"]
    assert lexicon.themes["trade"].label == "Commerce" and lexicon.terms_for(lexicon.themes["trade"], "en")[0] == ["commerce"]
    found = set(res.themes["theme"])
    assert "harvesters_only" in found and "machinery" in found       # shipped themes still counted
    assert set(res.theme_mentions.loc[res.theme_mentions["theme"] == "trade", "term"]) <= {"commerce"}
    assert res.config["lexicon_used"] == (f"themes.yml with the shipped lexicon: {len(SHIPPED_THEMES)} shipped, "
                                          "1 added, 1 replaced themes")


def test_replace_true_uses_the_corpus_lexicon_alone(seed_copy):
    (seed_copy / "themes.yml").write_text("replace: true\nthemes:\n  harvesters_only:\n    terms: [harvester, harvesters]\n",
                                          encoding="utf-8")
    res = analyse(seed_copy)
    assert set(res.themes["theme"]) == {"harvesters_only"}
    assert res.config["lexicon_used"].startswith("themes.yml alone: 1 (replacing the shipped")


def test_a_corpus_roster_extends_the_shipped_one_and_replace_true_replaces_it(seed_copy, tmp_path):
    (seed_copy / "speakers.yml").write_text("people:\n  - name: Ann Lee\n    gender: f\n", encoding="utf-8")
    roster = load_roster(seed_copy / "speakers.yml")
    assert [p.name for p in roster.people] == SHIPPED_PEOPLE + ["Ann Lee"]
    res = analyse(seed_copy)
    assert res.config["roster_used"].endswith("1 added, 0 replaced people")
    # the seeds' roster speakers are still recognised from the shipped roster
    assert (res.quotes["speaker_in_roster"] == True).any()   # noqa: E712
    alone = tmp_path / "alone.yml"
    alone.write_text("replace: true\npeople:\n  - name: Ann Lee\n", encoding="utf-8")
    assert [p.name for p in load_roster(alone).people] == ["Ann Lee"]


def test_a_roster_entry_with_a_shipped_name_replaces_that_person(tmp_path):
    shipped = load_roster().people[0]
    path = tmp_path / "speakers.yml"
    path.write_text(f"people:\n  - name: {shipped.name.upper()}\n    variants: [Someone Else]\n", encoding="utf-8")
    people = load_roster(path).people
    assert len(people) == len(SHIPPED_PEOPLE)
    assert [p.variants for p in people if p.name.casefold() == shipped.name.casefold()] == [["Someone Else"]]


def test_the_methodology_names_the_lexicon_and_roster_used(seed_copy):
    from analysis import report

    (seed_copy / "themes.yml").write_text("themes:\n  harvesters_only:\n    terms: [harvester]\n", encoding="utf-8")
    text = report.methodology(report.prepare(str(seed_copy)))
    assert "themes.yml with the shipped lexicon" in text and "shipped roster" in text


# --------------------------------------------------------------------------- rates.csv and reference.csv

@pytest.mark.parametrize("content,message", [
    ("currency,year,usd_per_unit\nKZT,2023,-0.002\n", "rates.csv: line 2: usd_per_unit: expected a positive number"),
    ("currency,year,usd_per_unit\nKZT,2023,abc\n", "rates.csv: line 2: usd_per_unit: expected a positive number"),
    ("currency,year,usd_per_unit\nTENGE,2023,0.002\n", "line 2: currency: expected an ISO 4217 code such as KZT, "
                                                       "got 'TENGE'; did you mean KZT?"),
    ("currency,year,usd_per_unit\nKZT,twenty,0.002\n", "line 2: year: expected a year such as 2023, got 'twenty'"),
    ("currency,year,usd_per_unit\nKZT,2023,0.002\n\nKZT,2023,0.003\n",
     "rates.csv: line 4: KZT 2023 is given twice with different rates (line 2: 0.002, line 4: 0.003)"),
    ("code,rate\nKZT,1\n", "header must have columns currency, usd_per_unit, year (found: code, rate)"),
])
def test_a_wrong_value_in_a_rates_file_is_refused_with_its_line_and_column(tmp_path, content, message):
    from analysis.config import load_rates

    p = tmp_path / "rates.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_rates(p)
    assert message in str(e.value)


def test_a_rates_file_saved_by_a_russian_excel_is_read(tmp_path):
    from analysis.config import load_rates

    p = tmp_path / "rates.csv"       # "CSV UTF-8" from a Russian-locale Excel: BOM, semicolons, decimal comma, CRLF
    p.write_bytes("\ufeffCurrency;Year;USD_per_unit\r\nKZT;2023;0,0022\r\nBYN;2023.0;0,31\r\n;;\r\n".encode("utf-8"))
    assert load_rates(p) == {("KZT", 2023): 0.0022, ("BYN", 2023): 0.31}


def test_a_rates_file_in_a_legacy_code_page_is_refused_with_advice(tmp_path):
    from analysis.config import load_rates

    p = tmp_path / "rates.csv"
    p.write_bytes("currency,year,usd_per_unit,комментарий\nKZT,2023,0.0022,курс НБ\n".encode("cp1251"))
    with pytest.raises(ConfigError, match="rates.csv: not UTF-8 text .*'CSV UTF-8"):
        load_rates(p)


def test_a_reference_file_from_excel_with_cyrillic_sources_is_read(tmp_path):
    from analysis.config import load_reference

    p = tmp_path / "reference.csv"
    p.write_bytes("\ufeffyear;value;source;parties\r\n2019;1 200 000 000;Белстат;Belarus|Kazakhstan\r\n"
                  "2018;950000000,5;Белстат;Belarus|Kazakhstan\r\n".encode("utf-8"))
    ref = load_reference(p)
    assert list(ref["year"]) == [2018, 2019] and list(ref["value"]) == [950000000.5, 1.2e9]
    assert list(ref["source"]) == ["Белстат", "Белстат"] and set(ref["parties"]) == {"Belarus|Kazakhstan"}


@pytest.mark.parametrize("content,message", [
    ("year,value\n2019,-5\n", "reference.csv: line 2: value must be a number of US dollars, 0 or more, got '-5'"),
    ("year,value\nlast year,5\n", "reference.csv: line 2: year must be a year such as 2019, got 'last year'"),
])
def test_a_wrong_value_in_a_reference_file_is_refused_with_its_line(tmp_path, content, message):
    from analysis.config import load_reference

    p = tmp_path / "reference.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_reference(p)
    assert message in str(e.value)
