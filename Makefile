# Two commands on a fresh machine: `make report` and `make test`.
# Each creates .venv if missing and installs what it needs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CORPUS ?= seeds
OUT    ?= reports
N      ?= 10000

.PHONY: report test lab bench extract clean help

help:
	@echo "make report   build the briefings from $(CORPUS)/ into $(OUT)/"
	@echo "make test     run the test suite"
	@echo "make lab      open JupyterLab on notebooks/"
	@echo "make bench    run the benchmarks (N=$(N) articles)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "briefing needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@ $(VENV)/.installed

$(VENV)/.installed-lab: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[lab]'
	@touch $@

report: $(VENV)/.installed
	$(BIN)/briefing build $(CORPUS) --out $(OUT)

extract: $(VENV)/.installed
	$(BIN)/briefing extract $(CORPUS) --out $(OUT)/extract

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lab: $(VENV)/.installed-lab
	cd notebooks && ../$(BIN)/jupyter lab

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run.py --n $(N)

clean:
	rm -rf $(VENV) .pytest_cache
