"""Monthly briefings with Apache Airflow: one PapermillOperator task per month.

Install the package with its Airflow extra on the Airflow workers
(``pip install 'briefing[airflow]'``, which brings
``apache-airflow-providers-papermill``), copy this file into your DAGs folder
and set CORPUS and OUT. The notebooks are the ones installed with the package,
run with the same parameters as ``briefing build``; rendering to HTML and PDF
stays with the package (`analysis.render`). The first task collects new
articles (`briefing fetch`, CORPUS/sources.yml); when every source fails it
fails, and the briefing is still built from the corpus as it is.

Each run covers one month: ``since`` is the first day of the data interval
and ``until`` its last day (both inclusive, as in ``briefing build``), so no
day is counted in two months.
"""
from __future__ import annotations

import pendulum

try:                                    # Airflow 3
    from airflow.sdk import DAG
except ImportError:                     # Airflow 2
    from airflow import DAG
try:
    from airflow.providers.standard.operators.bash import BashOperator
    from airflow.providers.standard.operators.python import PythonOperator
except ImportError:
    from airflow.operators.bash import BashOperator
    from airflow.operators.python import PythonOperator
from airflow.providers.papermill.operators.papermill import PapermillOperator

CORPUS = "/srv/briefing/corpus"
OUT = "/srv/briefing/reports/airflow"
BRIEFING = "/srv/briefing/.venv/bin/briefing"
TITLE = "Monthly briefing {{ data_interval_start | ds }}"

# The data interval of a monthly run is [first day, first day of the next month): `until` is inclusive,
# so it is the day before the interval's end.
SINCE = "{{ data_interval_start | ds }}"
UNTIL = "{{ macros.ds_add(data_interval_end | ds, -1) }}"


def notebook(name: str) -> str:
    """Path of a notebook shipped with the installed package."""
    from analysis.build import available_notebooks

    return str(available_notebooks()[name])


def render(executed: str, title: str) -> None:
    import nbformat

    from analysis import render as r

    nb = nbformat.read(executed, as_version=4)
    html = r.to_html(nb, title)
    with open(executed.replace(".ipynb", ".html"), "w", encoding="utf-8") as fh:
        fh.write(html)
    r.to_pdf(html, executed.replace(".ipynb", ".pdf"))


with DAG("briefing_monthly", schedule="@monthly", start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
         catchup=False, max_active_runs=1, tags=["briefing"]) as dag:
    executed = OUT + "/briefing-{{ data_interval_start | ds }}.ipynb"
    fetch = BashOperator(task_id="fetch_articles", bash_command=f"{BRIEFING} fetch {CORPUS}",
                         retries=2, retry_delay=pendulum.duration(minutes=10))
    run = PapermillOperator(
        task_id="execute_briefing",
        input_nb=notebook("briefing"),
        output_nb=executed,
        parameters={"corpus_dir": CORPUS, "title": TITLE, "since": SINCE, "until": UNTIL},
        trigger_rule="all_done",      # a failed fetch leaves the corpus as it was: build from that
    )
    publish = PythonOperator(task_id="render_briefing", python_callable=render,
                             op_kwargs={"executed": executed, "title": TITLE})
    fetch >> run >> publish
