"""Notebooks are committed clean, with exactly one parameters cell of documented plain values."""
import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert {p.stem for p in NOTEBOOKS} >= {"briefing", "speaker_quotes", "trade_figures", "themes"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_without_outputs_and_one_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    params = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(params) == 1
    for line in "".join(params[0]["source"]).splitlines():
        assert "=" in line and "#" in line, f"parameter without a help comment: {line}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_parameters_are_documented_for_papermill(path):
    import papermill
    params = papermill.inspect_notebook(str(path))
    assert "corpus_dir" in params and "title" in params
    assert all(p["help"] for p in params.values())


def test_a_notebook_runs_with_papermill_from_the_project_root_with_its_defaults(tmp_path, monkeypatch):
    import papermill
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    out = tmp_path / "themes.ipynb"
    papermill.execute_notebook("notebooks/themes.ipynb", str(out), progress_bar=False, kernel_name="python3")
    nb = json.loads(out.read_text(encoding="utf-8"))
    html = "".join("".join(o.get("data", {}).get("text/html", "")) for c in nb["cells"] for o in c.get("outputs", []))
    assert "Themes" in html and "Sources" in html
    assert "src-A3" in html                                     # the three seed articles were read
