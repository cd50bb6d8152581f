"""Packaging: dependencies in sync, every package folder shipped, a non-editable install that works."""
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[]", req, 1)[0].lower().replace("_", "-")


def test_environment_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = {_name(d): d.replace(" ", "") for d in env["dependencies"] if isinstance(d, str)}
    conda.pop("python", None)
    conda.pop("pip", None)
    pip = {_name(d): d.replace(" ", "") for d in project["dependencies"]}
    assert conda == pip


def test_layout_is_as_designed():
    for name in ("seeds", "notebooks", "analysis", "reports", "tests", "benchmarks", "environment.yml", "README.md",
                 "pyproject.toml", "Makefile", ".ci/run"):
        assert (ROOT / name).exists(), name


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "make report" in first_block and "make test" in first_block
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


NEW_PACK = {"analysis/data/lang/zz/pack.yml": "name: Testish\nscript: latin\n",     # valid, detected for no text
            "analysis/data/lang/zz/NOTES.txt": "a pack's own notes\n",
            "analysis/data/lang/zz/extra/terms.csv": "a,b\n"}


@pytest.fixture(scope="module")
def wheel_build(tmp_path_factory):
    """The package built as a wheel from a copy of the tree that has one more language pack folder."""
    import shutil

    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"                   # a copy: setuptools leaves build/ and *.egg-info/ in the source folder
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for name in ("analysis", "notebooks"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    for rel, text in NEW_PACK.items():  # a pack nobody listed anywhere
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text, encoding="utf-8")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(tmp / "dist"), str(src)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next((tmp / "dist").glob("briefing-*.whl"))
    return src, wheel, build.stdout + build.stderr


def test_the_wheel_ships_every_language_pack_data_file_and_notebook(wheel_build):
    import zipfile

    src, wheel, _ = wheel_build
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f.relative_to(src).as_posix() for f in (src / "analysis").rglob("*")
                if f.is_file() and "__pycache__" not in f.parts}
    expected |= {f"analysis/notebooks/{p.name}" for p in (src / "notebooks").glob("*.ipynb")}
    assert set(NEW_PACK) <= expected
    assert any(n.startswith("analysis/data/lang/") for n in expected)
    assert sorted(expected - names) == []


def test_building_the_wheel_prints_no_setuptools_warnings(wheel_build):
    log = wheel_build[2]
    noise = [line for line in log.splitlines() if re.search(r"warning", line, re.I) and "byte-compiling is disabled" not in line]
    assert noise == []


@pytest.fixture(scope="module")
def installed_wheel(wheel_build, tmp_path_factory):
    """The wheel installed (not editable) into a folder of its own."""
    target = tmp_path_factory.mktemp("site")
    inst = subprocess.run([sys.executable, "-m", "pip", "install", "-qq", "--no-deps", "--target", str(target),
                           str(wheel_build[1])], capture_output=True, text=True)
    assert inst.returncode == 0, inst.stderr[-2000:]
    return target


def _run_installed(target, *args, cwd):
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("BRIEFING_NOTEBOOKS", None)
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_a_non_editable_install_lists_its_own_notebooks(installed_wheel, tmp_path):
    r = _run_installed(installed_wheel, "build", "--list", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    names = [line for line in r.stdout.splitlines() if line and not line.startswith(" ")]
    assert sorted(names) == sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    probe = subprocess.run([sys.executable, "-c", "import analysis.build as b; print(b.notebook_dir())"],
                           capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(installed_wheel)})
    assert probe.stdout.strip() == str(installed_wheel / "analysis" / "notebooks")


def test_a_non_editable_install_builds_a_briefing(installed_wheel, tmp_path):
    r = _run_installed(installed_wheel, "build", str(ROOT / "seeds"), "--notebook", "themes", "--format", "html",
                       "--out", str(tmp_path / "out"), "--no-cache", cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "<html" in (tmp_path / "out" / "themes.html").read_text(encoding="utf-8")[:2000].lower()


def test_list_without_notebooks_is_an_error(tmp_path, capsys, monkeypatch):
    from analysis.cli import main

    monkeypatch.setenv("BRIEFING_NOTEBOOKS", str(tmp_path))
    assert main(["build", "--list"]) == 2
    assert f"no notebooks in {tmp_path}" in capsys.readouterr().err


def test_jupyter_checkpoints_and_build_leftovers_are_ignored_by_git():
    import shutil

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    for path in ("notebooks/.ipynb_checkpoints/themes-checkpoint.ipynb", "reports/briefing.pdf", "build/lib/x.py",
                 "briefing.egg-info/PKG-INFO"):
        r = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert r.returncode == 0, f"{path} is not ignored by git"
