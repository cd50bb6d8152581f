"""A build keeps one kernel for the notebooks it runs one after another: each notebook still starts from
an empty namespace, and a kernel that dies is replaced for the next notebook."""
import json

import nbformat
import pytest

from analysis.build import build


def _notebook(folder, name, *cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(folder / f"{name}.ipynb"))


def _said(executed):
    """The text a notebook printed, cell by cell."""
    nb = nbformat.read(str(executed), as_version=4)
    return ["".join(o.get("text", "") for o in c.get("outputs", [])) for c in nb.cells]


@pytest.fixture
def notebooks(tmp_path, monkeypatch):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    monkeypatch.setenv("BRIEFING_NOTEBOOKS", str(folder))
    return folder


def test_the_next_notebook_in_a_kept_kernel_starts_from_an_empty_namespace(tmp_path, seed_copy, notebooks):
    _notebook(notebooks, "a_first", "import os\nleak = 1\nprint(os.getpid())")
    _notebook(notebooks, "b_second", "import os\nprint(os.getpid())", "print('leak' in globals())")
    result = build(seed_copy, tmp_path / "out", formats=("html",), progress=False, jobs=1)
    assert result.ok, [r.error for r in result.runs]
    first, second = _said(result.run_dir / "a_first.ipynb"), _said(result.run_dir / "b_second.ipynb")
    assert first[0].strip() == second[0].strip()          # the same kernel process ran both
    assert second[1].strip() == "False"                    # nothing of the first notebook is left
    counts = [c.execution_count for c in nbformat.read(str(result.run_dir / "b_second.ipynb"), as_version=4).cells]
    assert counts == [1, 2]                                # execution counts start again at 1
    assert not any("ERROR" in s for s in first + second)   # nothing but what the notebooks printed


def test_a_notebook_that_kills_its_kernel_fails_alone_and_the_next_gets_a_new_kernel(tmp_path, seed_copy, notebooks):
    _notebook(notebooks, "a_dies", "import os\nos._exit(3)")
    _notebook(notebooks, "b_runs", "print('ran')")
    result = build(seed_copy, tmp_path / "out", formats=("html",), progress=False, jobs=1)
    runs = {r.name: r for r in result.runs}
    assert not runs["a_dies"].ok and "a_dies" in runs["a_dies"].error
    assert runs["b_runs"].ok
    assert _said(result.run_dir / "b_runs.ipynb")[0].strip() == "ran"


def test_two_slots_render_every_notebook_in_worker_processes(tmp_path, seed_copy, notebooks):
    for name in ("a", "b", "c"):
        _notebook(notebooks, name, f"from IPython.display import HTML, display\ndisplay(HTML('<p>notebook {name}</p>'))")
    result = build(seed_copy, tmp_path / "out", formats=("html", "pdf"), progress=False, jobs=2)
    assert result.ok, [r.error for r in result.runs]
    for name in ("a", "b", "c"):
        assert f"notebook {name}" in (tmp_path / "out" / f"{name}.html").read_text(encoding="utf-8")
        assert (tmp_path / "out" / f"{name}.pdf").read_bytes()[:4] == b"%PDF"
    steps = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))["steps"]
    assert set(steps) == {"a", "b", "c"} and all({"execute", "html", "pdf"} <= set(s) for s in steps.values())
