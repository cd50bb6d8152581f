"""Monthly briefings with Apache Airflow: one PapermillOperator task per month.

The same notebooks and parameters as `briefing build`; Airflow takes over
scheduling, retries and parallelism. Copy into your DAGs folder and set
CORPUS and NOTEBOOKS. Rendering to HTML/PDF stays with the package:
`analysis.render` turns each executed notebook into a briefing.
"""
from __future__ import annotations

import pendulum
from airflow import DAG
from airflow.operators.python import PythonOperator
from airflow.providers.papermill.operators.papermill import PapermillOperator

CORPUS = "/srv/briefing/corpus"
NOTEBOOKS = "/srv/briefing/notebooks"
OUT = "/srv/briefing/reports/airflow"


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
    run = PapermillOperator(
        task_id="execute_briefing",
        input_nb=f"{NOTEBOOKS}/briefing.ipynb",
        output_nb=executed,
        parameters={"corpus_dir": CORPUS, "title": "Monthly briefing {{ ds }}", "since": since, "until": until},
        cwd=NOTEBOOKS,
    )
    publish = PythonOperator(task_id="render_briefing", python_callable=render,
                             op_kwargs={"executed": executed, "title": "Monthly briefing {{ ds }}"})
    run >> publish
