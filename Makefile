# migplan: the two commands are `make demo` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORE := $(VENV)/.installed-core
TEST := $(VENV)/.installed-test
DEMO_OUT ?= out/demo

.PHONY: demo test sysdeps bench clean notebooks fuzz

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(CORE): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e '.[verify]'
	touch $@

$(TEST): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(CORE)

# The main job on the bundled Oracle sample: assess for Aurora PostgreSQL, verify the converted DDL
# on a real (embedded) PostgreSQL, write every output, and say where the report is.
demo: $(CORE)
	$(BIN)/migplan assess sample_schemas/oracle/retail --source oracle --target aurora-postgresql \
		--verify --output $(DEMO_OUT)
	@echo "Report: $(DEMO_OUT)/report.html"

# System packages the engine and browser tests use (MariaDB, Chromium); installed when we are root
# with apt, otherwise those tests skip and say what to install.
sysdeps:
	@bash scripts/sysdeps.sh

test: $(TEST) sysdeps
	$(BIN)/ruff check migplan tests scripts benchmarks
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with notebooks/sanitize.cfg tests notebooks

# Re-execute every notebook in place and store the new outputs (after converter or rule changes);
# then `make test` checks them with nbval. MariaDB comes from sysdeps, so 02's output is a real run.
notebooks: $(TEST) sysdeps
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.timeout=600 \
		--ExecutePreprocessor.record_timing=False notebooks/[0-9][0-9]_*.ipynb

# A long property-test campaign over the splitters, parsers and converters (tests/test_fuzz.py):
# FUZZ_EXAMPLES examples per property (6 properties), hypothesis' statistics at the end.
FUZZ_EXAMPLES ?= 10000
fuzz: $(TEST)
	HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -p no:cacheprovider \
		--hypothesis-show-statistics tests/test_fuzz.py tests/test_fuzz_regressions.py

bench: $(CORE)
	$(BIN)/python benchmarks/corpus_parse.py

clean:
	rm -rf $(VENV) out .pytest_cache tests/artifacts
