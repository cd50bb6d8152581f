"""The README's examples work when copied as written."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(heading: str, lang: str) -> str:
    section = README.split(heading, 1)[1]
    return re.search(rf"```{lang}\n(.*?)```", section, re.S).group(1)


def test_the_python_api_example_runs(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    code = _block_after("## Python API", "python")
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "out" / "quotes.csv").exists() and (tmp_path / "out" / "tables.xlsx").exists()
    assert (tmp_path / "quotes.xlsx").exists()


def test_the_cron_line_works_with_the_example_config_copied_into_the_project(tmp_path):
    line = _block_after("**cron**", "cron").strip()
    command = line.split(None, 5)[5]                      # after the five schedule fields
    project = tmp_path / "srv" / "briefing"
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", project / "seeds")
    shutil.copy(ROOT / "analysis" / "examples" / "briefing.yml", project / "briefing.yml")
    notebooks = tmp_path / "notebooks"                    # one notebook keeps the test short
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "themes.ipynb", notebooks)
    cfg = (project / "briefing.yml").read_text(encoding="utf-8")
    (project / "briefing.yml").write_text(cfg.replace("notebooks: [briefing, trade_figures, themes, speaker_quotes]",
                                                      "notebooks: [themes]"), encoding="utf-8")
    assert "/srv/briefing" in command and ".venv/bin/briefing" in command
    command = command.replace("/srv/briefing", str(project)).replace(".venv/bin/briefing",
                                                                      f"{sys.executable} -m analysis")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "BRIEFING_NOTEBOOKS": str(notebooks),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    r = subprocess.run(["/bin/sh", "-c", command], cwd="/", env=env, capture_output=True, text=True, timeout=600)
    log = (project / "reports" / "cron.log").read_text(encoding="utf-8")
    assert r.returncode == 0, log[-3000:]
    assert (project / "reports" / "themes.html").exists() and (project / "reports" / "themes.pdf").exists()
