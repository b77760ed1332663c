# migplan: the two commands are `make demo` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORE := $(VENV)/.installed-core
TEST := $(VENV)/.installed-test
DEMO_OUT ?= out/demo

.PHONY: demo test sysdeps bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(CORE): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e '.[verify]'
	touch $@

$(TEST): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(CORE)

demo: $(CORE)
	$(BIN)/migplan inventory sample_schemas/oracle/retail --source oracle

# System packages the engine and browser tests use (MariaDB, Chromium); installed when we are root
# with apt, otherwise those tests skip and say what to install.
sysdeps:
	@bash scripts/sysdeps.sh

test: $(TEST) sysdeps
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with notebooks/sanitize.cfg tests notebooks

bench: $(CORE)
	$(BIN)/python benchmarks/corpus_parse.py

clean:
	rm -rf $(VENV) out .pytest_cache test-artifacts
