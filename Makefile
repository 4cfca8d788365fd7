# framelens — the two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STAMP  := $(VENV)/.installed
CORE   := $(VENV)/.installed-core

.PHONY: demo test bench install docs clean browser-deps help

help:
	@echo "make demo   - install into $(VENV) and run framelens on the bundled example corpus (reports/demo/)"
	@echo "make test   - install with test extras and run the whole test suite"
	@echo "make bench  - speed benchmarks against peers (see docs/performance.md)"
	@echo "make docs   - the API reference, generated from docstrings (docs/api/)"

UV     := $(VENV)/bin/uv

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet uv

# Installs go through uv (the same packages from PyPI, several times faster than pip); pip if uv fails.
# The demo needs only the core install (no test or browser extras).
$(CORE): $(PY) pyproject.toml
	$(UV) pip install --quiet --python $(PY) -e . || $(PIP) install --quiet -e .
	@touch $(CORE)

$(STAMP): $(PY) pyproject.toml
	$(UV) pip install --quiet --python $(PY) -e ".[test,browser]" || $(PIP) install --quiet -e ".[test,browser]"
	@touch $(STAMP) $(CORE)

install: $(STAMP)

demo: $(CORE)
	$(VENV)/bin/framelens demo --out reports/demo

docs: $(STAMP)
	$(PY) -m pdoc --docformat numpy --no-show-source -o docs/api framelens

test: $(STAMP)
	$(VENV)/bin/lint-imports --no-cache    # the layer contract in .importlinter
	$(PY) -m pytest -q -n auto --dist loadfile   # one worker per core; a test file's tests share a worker

bench: $(STAMP)
	$(PIP) install --quiet -e ".[bench]"
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
