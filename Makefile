# One entry for the usual tasks. `make check` is what CI runs (through .ci/run, as the README says).
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup check test lint samples corpus bench render-check

setup:            ## a virtual environment with kehoach and its test tools
	python3 -m venv $(VENV) && $(VENV)/bin/pip install -e ".[test]" -c constraints/test-tools.txt

check: test       ## the whole test suite (ruff and mypy run inside it)

test:
	$(VENV)/bin/pytest

lint:             ## ruff and mypy alone, faster than the suite
	$(PY) -m ruff check src tests benchmarks && $(PY) -m ruff format --check src tests && $(PY) -m mypy

samples:          ## rebuild the illustrative results in data/results/
	$(PY) data/results/make_samples.py

corpus:           ## rebuild the hostile-input corpus in tests/data/hostile/
	$(PY) scripts/make_hostile_corpus.py

bench:            ## the quick benchmark (docs/benchmarks.md)
	$(PY) benchmarks/run.py --quick

render-check:     ## exports → PDF → PNG pages to look at (needs LibreOffice and pdftoppm)
	bash scripts/render_check.sh
