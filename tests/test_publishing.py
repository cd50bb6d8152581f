"""Publishing a scheduled build: one atomic set, never replaced by an empty or failed run, safe side by side.

Most tests run two tiny notebooks (`briefing` and a deep dive `deep`) so that
they exercise the real papermill/nbconvert path in seconds.
"""
import json
import os
import shutil
import sys
import threading
from pathlib import Path

import nbformat
import pytest

from analysis.build import PUBLISH_LOCK, _prune, _publish, _published_run, build
from analysis.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

READ = """
from analysis import snapshot as _snapshot
from analysis.pipeline import analyse
res = _snapshot.read(snapshot) if snapshot else analyse(corpus_dir)   # the build's snapshot, as the real notebooks
print("HASHES", sorted(res.articles["sha256"]))
print("WORDS", int(res.articles["n_words"].sum()))
"""


def _notebook(path: Path, body: str, params: str = 'corpus_dir = "."\ntitle = "T"\nfail = False\nsnapshot = ""\n') -> None:
    nb = nbformat.v4.new_notebook()
    p = nbformat.v4.new_code_cell(params)
    p.metadata["tags"] = ["parameters"]
    nb.cells = [p, nbformat.v4.new_code_cell(body)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(path))


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    """Two small notebooks: the executive `briefing` and the deep dive `deep` (fails with -p fail true)."""
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    _notebook(nbs / "briefing.ipynb", READ)
    _notebook(nbs / "deep.ipynb", READ + "\nif fail:\n    raise RuntimeError('deliberate failure')\n")
    monkeypatch.setenv("BRIEFING_NOTEBOOKS", str(nbs))
    return nbs


@pytest.fixture
def corpus(seed_copy):
    return seed_copy


def _manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _printed(html_or_nb: Path, key: str) -> str:
    text = html_or_nb.read_text(encoding="utf-8")
    line = next(line for line in text.replace("\\n", "\n").splitlines() if key in line)
    return line[line.index(key):]


def _run(out: Path) -> Path:
    return _published_run(out)


# --------------------------------------------------------------------------- 5: empty corpus


def test_an_empty_corpus_exits_1_and_publishes_nothing(tiny, corpus, tmp_path, capsys):
    out = tmp_path / "R"
    assert main(["build", str(corpus), "--out", str(out), "--format", "html", "--no-cache"]) == 0
    good = (out / "briefing.html").read_bytes()
    published = _run(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build", str(empty), "--out", str(out), "--format", "html", "--no-cache"]) == 1
    assert "no article could be read" in capsys.readouterr().err
    assert (out / "briefing.html").read_bytes() == good and _run(out) == published


# --------------------------------------------------------------------------- 6: one atomic step


def test_a_full_disk_in_the_middle_of_publishing_leaves_the_previous_set_whole(tiny, corpus, tmp_path, monkeypatch):
    out = tmp_path / "R"
    assert build(corpus, out, formats=("html",), progress=False).ok
    before = {f: (out / f).read_bytes() for f in ("briefing.html", "deep.html", "manifest.json")}
    published = _run(out)
    (corpus / "new.txt").write_text("New article\nTrade reached $9 billion.\n", encoding="utf-8")
    import analysis.build as ab
    real_replace, calls = os.replace, []

    def full_disk(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)
    monkeypatch.setattr(ab.os, "replace", full_disk)
    with pytest.raises(OSError):
        build(corpus, out, formats=("html",), progress=False)
    monkeypatch.setattr(ab.os, "replace", real_replace)
    assert _run(out) == published
    assert {f: (out / f).read_bytes() for f in before} == before
    # the next run cleans up and publishes
    assert build(corpus, out, formats=("html",), progress=False).ok
    assert not list(out.glob(".*.tmp"))
    assert "new.txt" in {i["file"] for i in _manifest(out)["inputs"]}


def test_folders_of_killed_builds_are_removed_by_the_next_run(tiny, corpus, tmp_path):
    out = tmp_path / "R"
    assert build(corpus, out, formats=("html",), progress=False, keep=5).ok
    killed = out / "20200101T000000Z-dead"
    killed.mkdir()
    (killed / "briefing.ipynb").write_text("{}", encoding="utf-8")
    (out / ".manifest.json.tmp").write_text("{}", encoding="utf-8")
    assert build(corpus, out, formats=("html",), progress=False, keep=5).ok
    assert not killed.exists() and not (out / ".manifest.json.tmp").exists()


def test_a_running_build_folder_is_not_pruned(tmp_path):
    from filelock import FileLock
    out = tmp_path / "R"
    run = out / "20260101T000000Z-a1b2"
    run.mkdir(parents=True)
    lock = FileLock(str(run / ".running.lock"))
    lock.acquire()
    try:
        _prune(out, keep=0)
        assert run.exists()
    finally:
        lock.release()
    _prune(out, keep=0)
    assert not run.exists()


# --------------------------------------------------------------------------- 7: concurrent publishing


def test_concurrent_publishes_to_one_folder_never_collide(tmp_path):
    out = tmp_path / "R"
    out.mkdir()
    runs = []
    for i in range(6):
        run = out / f"20260101T0000{i:02d}Z-{i:04x}"
        run.mkdir()
        (run / "briefing.html").write_text(f"run {i}", encoding="utf-8")
        (run / "manifest.json").write_text(json.dumps({"status": "ok", "run_id": run.name}), encoding="utf-8")
        runs.append(run)
    errors = []

    def publish(run):
        from filelock import FileLock
        try:
            for _ in range(40):
                with FileLock(str(out / PUBLISH_LOCK)):
                    _publish(out, run, {"briefing": {"status": "ok", "from_run": run.name,
                                                     "files": [run / "briefing.html"]}})
        except Exception as exc:      # noqa: BLE001 - collected for the assertion
            errors.append(exc)
    threads = [threading.Thread(target=publish, args=(r,)) for r in runs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert (out / "briefing.html").read_text(encoding="utf-8") == f"run {int(_run(out).name[13:15])}"
    assert json.loads((out / "manifest.json").read_text())["run_id"] == _run(out).name
    assert not list(out.glob(".*.tmp"))


# --------------------------------------------------------------------------- 8: one snapshot per build


EDITS = READ + """
import pathlib
for p in sorted(pathlib.Path(corpus_dir).glob("*.txt")):
    p.write_text(p.read_text(encoding="utf-8") + "\\nAn added paragraph with more words in it.\\n", encoding="utf-8")
"""


def test_an_article_edited_during_a_build_does_not_split_the_briefings(tmp_path, corpus, monkeypatch):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    _notebook(nbs / "briefing.ipynb", EDITS)          # runs first and edits every article
    _notebook(nbs / "deep.ipynb", READ)
    monkeypatch.setenv("BRIEFING_NOTEBOOKS", str(nbs))
    out = tmp_path / "R"
    assert build(corpus, out, formats=("html",), progress=False, jobs=1).ok
    first, second = _printed(out / "briefing.ipynb", "HASHES"), _printed(out / "deep.ipynb", "HASHES")
    assert first == second
    hashes = sorted(i["sha256"] for i in _manifest(out)["inputs"])
    assert all(h in first for h in hashes)


# --------------------------------------------------------------------------- 10: --out inside the corpus


def test_a_reports_folder_inside_the_corpus_is_not_read_back(tiny, corpus):
    out = corpus / "briefings"
    assert build(corpus, out, formats=("html",), progress=False).ok
    assert build(corpus, out, formats=("html",), progress=False).ok
    assert sorted(i["file"] for i in _manifest(out)["inputs"]) == sorted(p.name for p in SEEDS.glob("*.txt"))


# --------------------------------------------------------------------------- 11-13: refused before work


@pytest.mark.parametrize("args,message", [
    (["-p", "since", "2026-02-30"], "day is out of range"),
    (["-p", "since", "2026-13-45"], "month must be in 1..12"),
    (["-p", "reference", "/nonexistent.csv"], "not found"),
    (["--format", ",,,"], "names no format"),
    (["--keep", "-1"], "--keep expects"),
    (["--jobs", "0"], "--jobs expects"),
    (["--max-bytes", "0"], "--max-bytes expects"),
])
def test_impossible_options_exit_2_before_anything_runs(tmp_path, capsys, args, message):
    out = tmp_path / "R"
    assert main(["build", str(SEEDS), "--out", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())


def test_a_roster_parameter_is_found_from_where_the_user_stands(tiny, corpus, tmp_path, monkeypatch):
    here = tmp_path / "work"
    here.mkdir()
    shutil.copy(Path(__file__).resolve().parent.parent / "analysis" / "data" / "speakers.yml", here / "myroster.yml")
    _notebook(tiny / "briefing.ipynb", READ, 'corpus_dir = "."\ntitle = "T"\nroster = ""\nsnapshot = ""\n')
    monkeypatch.chdir(here)
    out = tmp_path / "R"
    assert main(["build", str(corpus), "--out", str(out), "--format", "html", "-p", "roster", "myroster.yml",
                 "--no-cache"]) == 0
    params = _manifest(out)["notebooks"][0]["parameters"]
    assert params["roster"] == str(here / "myroster.yml")
    assert _manifest(out)["configs"]["roster"]["sha256"]


def test_too_many_jobs_are_clamped_to_the_cores_with_a_message(tiny, corpus, tmp_path, caplog):
    assert main(["build", str(corpus), "--out", str(tmp_path / "R"), "--format", "html", "--jobs", "64",
                 "--no-cache"]) == 0
    assert f"--jobs 64 is more than the {os.cpu_count()} core(s) of this machine; using {os.cpu_count()}" in caplog.text


def test_build_honours_max_bytes(tiny, corpus, tmp_path):
    (corpus / "big.txt").write_text("Big\n" + "word " * 20_000, encoding="utf-8")
    out = tmp_path / "R"
    assert main(["build", str(corpus), "--out", str(out), "--format", "html", "--max-bytes", "50000",
                 "--no-cache"]) == 0
    m = _manifest(out)
    assert "big.txt" not in {i["file"] for i in m["inputs"]}
    assert any(s["file"] == "big.txt" and "limit" in s["problem"] for s in m["skipped"])


@pytest.mark.parametrize("option", ["--out", "--cache"])
def test_an_unwritable_output_or_cache_folder_is_one_clear_error(tiny, corpus, tmp_path, capsys, option):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    args = ["build", str(corpus), "--out", str(tmp_path / "R"), "--format", "html", option, str(blocker / "sub")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "not writable" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_rates_file_that_is_not_utf8_is_one_clear_error(corpus, tmp_path, capsys):
    (corpus / "rates.csv").write_bytes("currency,year,usd_per_unit\nRUB,2025,0.011\n# рубль\n".encode("cp1251"))
    assert main(["extract", str(corpus), "--out", str(tmp_path / "x"), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "rates.csv" in err and "not UTF-8" in err and "Traceback" not in err


# --------------------------------------------------------------------------- issue 14: partial builds, keep, failures


def test_a_partial_build_publishes_a_complete_set_described_by_its_manifest(tiny, corpus, tmp_path):
    out = tmp_path / "R"
    assert build(corpus, out, formats=("html",), progress=False).ok
    first = _run(out)
    deep = (out / "deep.html").read_bytes()
    # a new title: the briefing's inputs changed, so it is rebuilt (an unchanged one would be 'up to date')
    assert build(corpus, out, notebooks=["briefing"], formats=("html",), title="Second", progress=False).ok
    second = _run(out)
    assert second != first
    assert sorted(p.name for p in second.iterdir() if p.suffix == ".html") == ["briefing.html", "deep.html"]
    assert (out / "deep.html").read_bytes() == deep
    pub = _manifest(out)["published"]["notebooks"]
    assert pub["briefing"]["from_run"] == second.name
    assert pub["deep"] == {"status": "not run, previous version kept", "from_run": first.name, "files": ["deep.html", "deep.ipynb"]}


def test_keep_1_never_deletes_the_published_run_and_prunes_failed_runs(tiny, corpus, tmp_path):
    out = tmp_path / "R"
    assert build(corpus, out, formats=("html",), progress=False, keep=1).ok
    published = _run(out)
    _notebook(tiny / "briefing.ipynb", READ + "\nif fail:\n    raise RuntimeError('x')\n")
    for _ in range(3):           # the executive briefing fails: nothing is published
        r = build(corpus, out, formats=("html",), progress=False, keep=1, params=[("fail", "true")])
        assert not r.ok and not r.published
    runs = sorted(p.name for p in out.iterdir() if p.is_dir() and not p.is_symlink())
    assert _run(out) == published and published.name in runs
    failed = [r for r in runs if json.loads((out / r / "manifest.json").read_text())["status"] == "failed"]
    assert len(failed) == 1 and len(runs) == 2
    assert (out / "briefing.html").is_file()


def test_a_failed_deep_dive_publishes_the_rest_exits_1_and_is_marked(tiny, corpus, tmp_path, capsys):
    out = tmp_path / "R"
    assert main(["build", str(corpus), "--out", str(out), "--format", "html", "--no-cache"]) == 0
    old_deep, first = (out / "deep.html").read_bytes(), _run(out)
    (corpus / "new.txt").write_text("New article\nTrade reached $9 billion.\n", encoding="utf-8")
    log_copy = tmp_path / "hook.txt"
    code = main(["build", str(corpus), "--out", str(out), "--format", "html", "--no-cache", "-p", "fail", "true",
                 "--on-failure", f"{sys.executable} -c 'import sys, shutil; shutil.copy(sys.argv[1], \"{log_copy}\")'"])
    assert code == 1
    err = capsys.readouterr().err
    assert "deep" in err and "published what succeeded" in err
    assert _run(out) != first
    m = _manifest(out)
    assert m["status"] == "partial"
    assert m["published"]["notebooks"]["deep"]["status"] == "failed, previous version kept"
    assert (out / "deep.html").read_bytes() == old_deep
    assert "new.txt" in (out / "briefing.html").read_text(encoding="utf-8") or \
        "new.txt" in {i["file"] for i in m["inputs"]}
    assert m["articles_since_previous_run"]["added"] == ["new.txt"]
    assert "deliberate failure" in log_copy.read_text(encoding="utf-8")      # the hook got the build log


def test_manifest_records_config_hashes_and_cache_use(tiny, corpus, tmp_path):
    out, cache = tmp_path / "R", tmp_path / "cache"
    assert build(corpus, out, formats=("html",), progress=False, cache_dir=cache).ok
    assert _manifest(out)["cache"]["articles_extracted"] == 3
    (corpus / "000_6a241dff57038185.txt").unlink()
    assert build(corpus, out, formats=("html",), progress=False, cache_dir=cache).ok
    m = _manifest(out)
    assert m["cache"]["articles_from_cache"] == 2 and m["cache"]["articles_extracted"] == 0
    assert m["cache"]["files_read_from_cache"] == 2
    assert m["articles_since_previous_run"]["removed"] == ["000_6a241dff57038185.txt"]
    assert len(m["configs"]["lexicon"]["sha256"]) == 64 and len(m["configs"]["roster"]["sha256"]) == 64


def test_a_failed_build_prints_each_error_once_and_leaves_no_kernel_folder(tiny, corpus, tmp_path, capsys,
                                                                          monkeypatch):
    import tempfile
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    _notebook(tiny / "briefing.ipynb", READ + "\nraise RuntimeError('deliberate failure')\n")
    assert main(["build", str(corpus), "--out", str(tmp_path / "R"), "--format", "html", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert err.count("deliberate failure") == 1
    assert not list(private.glob("briefing-kernel-*"))
    assert not list((tmp_path / "R").glob("*/.kernel"))
