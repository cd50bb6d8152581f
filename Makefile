# Two commands on a fresh machine: `make report` and `make test`.
# Each creates .venv if missing and installs what it needs.
# The interpreter .venv is made from (PYTHON=... chooses another): the system's /usr/bin/python3 when it is
# 3.11 or newer and can make a venv, else python3 on PATH. A distribution's build of CPython is compiled with
# its optimisations; a pyenv build without them ran `briefing extract` 7-8 % slower (benchmarks/README.md).
PYTHON ?= $(shell /usr/bin/python3 -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' \
            2>/dev/null && echo /usr/bin/python3 || echo python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
CORPUS ?= seeds
OUT    ?= reports
# notebooks run side by side: one per core, at most two (a kept kernel and a renderer each)
JOBS   ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 2 ] && n=2; echo $$n)
N      ?= 10000

.PHONY: report test lab bench extract clean help browser

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
	$(BIN)/python -m pip install -qq -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e '.[dev,dask]'
	@touch $@ $(VENV)/.installed

$(VENV)/.installed-lab: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e '.[lab]'
	@touch $@

# the package's bytecode, written once here: Python would not write it where PYTHONDONTWRITEBYTECODE is set, and
# every process (the CLI, each worker, each notebook's kernel) would compile the modules again; a folder it
# cannot write to only means that they are compiled as before
COMPILE = $(BIN)/python -m compileall -q analysis >/dev/null 2>&1 || true

report: $(VENV)/.installed
	@$(COMPILE)
	$(BIN)/briefing build $(CORPUS) --out $(OUT) --jobs $(JOBS)

extract: $(VENV)/.installed
	@$(COMPILE)
	$(BIN)/briefing extract $(CORPUS) --out $(OUT)/extract

test: $(VENV)/.installed-dev browser
	@$(COMPILE)
	$(BIN)/python -m pytest

# The hostile-HTML test opens the briefing in a real headless browser (Debian's
# chromium). Installed with apt when missing and we are root; otherwise that
# one test is skipped with a message saying so.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	{ if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium for the browser test (apt-get)"; \
	    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	      || echo "note: could not install chromium: the browser test will be skipped"; \
	  else echo "note: chromium not found and not root: the browser test will be skipped"; fi; }

LAB_ARGS ?=
lab: $(VENV)/.installed-lab
	cd notebooks && ../$(BIN)/jupyter lab $(LAB_ARGS) $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

$(VENV)/.installed-peers: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -e '.[dev,dask,peers]'
	@touch $@ $(VENV)/.installed $(VENV)/.installed-dev

bench: $(VENV)/.installed-peers
	@$(COMPILE)
	$(BIN)/python benchmarks/run.py --n $(N)
	$(BIN)/python benchmarks/hostile.py

clean:
	rm -rf $(VENV) .pytest_cache
