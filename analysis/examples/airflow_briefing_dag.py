"""Monthly briefings with Apache Airflow: one PapermillOperator task per month.

The same notebooks and parameters as `briefing build`; Airflow takes over
scheduling, retries and parallelism. Copy into your DAGs folder and set
CORPUS and NOTEBOOKS. Rendering to HTML/PDF stays with the package:
`analysis.render` turns each executed notebook into a briefing. The first
task collects new articles (`briefing fetch`, CORPUS/sources.yml); when every
source fails it fails, and the briefing is still built from the corpus as is.
"""
from __future__ import annotations

import pendulum
from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.python import PythonOperator
from airflow.providers.papermill.operators.papermill import PapermillOperator

CORPUS = "/srv/briefing/corpus"
NOTEBOOKS = "/srv/briefing/notebooks"
OUT = "/srv/briefing/reports/airflow"
BRIEFING = "/srv/briefing/.venv/bin/briefing"


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
    since = "{{ data_interval_start | ds }}"
    until = "{{ data_interval_end | ds }}"
    executed = OUT + "/briefing-{{ ds }}.ipynb"
    fetch = BashOperator(task_id="fetch_articles", bash_command=f"{BRIEFING} fetch {CORPUS}",
                         retries=2, retry_delay=pendulum.duration(minutes=10))
    run = PapermillOperator(
        task_id="execute_briefing",
        input_nb=f"{NOTEBOOKS}/briefing.ipynb",
        output_nb=executed,
        parameters={"corpus_dir": CORPUS, "title": "Monthly briefing {{ ds }}", "since": since, "until": until},
        cwd=NOTEBOOKS,
        trigger_rule="all_done",      # a failed fetch leaves the corpus as it was: build from that
    )
    publish = PythonOperator(task_id="render_briefing", python_callable=render,
                             op_kwargs={"executed": executed, "title": "Monthly briefing {{ ds }}"})
    fetch >> run >> publish
