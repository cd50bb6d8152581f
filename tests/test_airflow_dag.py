"""The Airflow example DAG imports and passes the right parameters to papermill.

Needs the optional extra: `pip install -e '.[dev,airflow]'`; skipped without it
(Airflow is large, so `make test` does not install it, but runs this file once it
is in .venv). Importing the DAG checks every operator's arguments: Airflow refuses
ones it does not know (a `cwd=` on the PapermillOperator is a TypeError).
"""
import atexit
import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

import pytest

if importlib.util.find_spec("airflow") is None:           # checked before any directory is made
    pytest.skip("Airflow is not installed (the optional [airflow] extra)", allow_module_level=True)
if "AIRFLOW_HOME" not in os.environ:                       # never the user's ~/airflow, and no litter in /tmp
    os.environ["AIRFLOW_HOME"] = _home = tempfile.mkdtemp(prefix="airflow-home-")
    atexit.register(shutil.rmtree, _home, ignore_errors=True)
pytest.importorskip("airflow.providers.papermill.operators.papermill")

DAG_FILE = Path(__file__).resolve().parent.parent / "analysis" / "examples" / "airflow_briefing_dag.py"


@pytest.fixture(scope="module")
def dag_module():
    spec = importlib.util.spec_from_file_location("airflow_briefing_dag", DAG_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _render(task, content, start, end):
    import pendulum
    try:
        from airflow.sdk.execution_time import macros       # Airflow 3
    except ImportError:
        from airflow import macros

    context = {"data_interval_start": pendulum.parse(start), "data_interval_end": pendulum.parse(end),
               "ds": start[:10], "macros": macros}
    return task.render_template(content, context, jinja_env=task.dag.get_template_env())


def test_the_dag_fetches_then_builds_then_renders(dag_module):
    dag = dag_module.dag
    assert set(dag.task_dict) == {"fetch_articles", "execute_briefing", "render_briefing"}
    assert dag.task_dict["fetch_articles"].downstream_task_ids == {"execute_briefing"}
    assert dag.task_dict["execute_briefing"].downstream_task_ids == {"render_briefing"}
    assert dag.task_dict["execute_briefing"].trigger_rule == "all_done"     # a failed fetch still builds


def test_the_notebook_task_runs_the_installed_notebook_with_known_parameters(dag_module):
    from analysis.build import available_notebooks, notebook_parameters

    task = dag_module.dag.task_dict["execute_briefing"]
    assert Path(task.input_nb) == available_notebooks()["briefing"]
    assert set(task.parameters) <= set(notebook_parameters(Path(task.input_nb)))


@pytest.mark.parametrize("start,end,until", [
    ("2026-01-01T00:00:00+00:00", "2026-02-01T00:00:00+00:00", "2026-01-31"),
    ("2028-02-01T00:00:00+00:00", "2028-03-01T00:00:00+00:00", "2028-02-29"),
])
def test_a_monthly_run_covers_its_month_and_not_the_next_first_day(dag_module, start, end, until):
    task = dag_module.dag.task_dict["execute_briefing"]
    params = _render(task, task.parameters, start, end)
    assert params["since"] == start[:10] and params["until"] == until
    assert params["corpus_dir"] == dag_module.CORPUS
    assert _render(task, task.output_nb, start, end).endswith(f"briefing-{start[:10]}.ipynb")
