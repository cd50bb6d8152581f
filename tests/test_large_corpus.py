"""extract on a large corpus: Parquet beside the CSV files unless --format says otherwise."""


def test_a_large_corpus_gets_parquet_beside_the_csv_by_default(seed_copy, tmp_path, monkeypatch):
    from analysis import cli
    monkeypatch.setattr(cli, "LARGE_CORPUS", 3)          # the seed copy has three articles
    assert cli.main(["extract", str(seed_copy), "--out", str(tmp_path / "big"), "--no-cache"]) == 0
    assert (tmp_path / "big" / "quotes.csv").is_file() and (tmp_path / "big" / "quotes.parquet").is_file()
    import pandas as pd
    assert len(pd.read_parquet(tmp_path / "big" / "quotes.parquet")) == len(pd.read_csv(tmp_path / "big" / "quotes.csv"))
    assert cli.main(["extract", str(seed_copy), "--out", str(tmp_path / "csv"), "--no-cache", "--format", "csv"]) == 0
    assert not list((tmp_path / "csv").glob("*.parquet"))
    monkeypatch.setattr(cli, "LARGE_CORPUS", 4)
    assert cli.main(["extract", str(seed_copy), "--out", str(tmp_path / "small"), "--no-cache"]) == 0
    assert not list((tmp_path / "small").glob("*.parquet"))
