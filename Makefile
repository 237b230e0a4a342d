# One task runner: the README and CI call these targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo serve test lint accuracy bench docs clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $(STAMP)

## demo: set up and extract the events of the bundled example article
demo: $(STAMP)
	$(BIN)/flashpoint extract examples/idlib-2020-02-03.txt

## serve: ingest the bundled examples and open the dashboard at http://127.0.0.1:8000/
serve: $(STAMP)
	$(BIN)/flashpoint ingest examples/ --db demo.duckdb
	$(BIN)/flashpoint serve --db demo.duckdb

## test: set up and run the whole test suite (and the linter)
test: $(STAMP)
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/pytest; code=$$?; \
	if [ $$code -eq 5 ]; then echo "pytest collected no tests: that is a failure" >&2; exit 1; fi; exit $$code

lint: $(STAMP)
	$(BIN)/ruff check src tests tools benchmarks

## accuracy: re-measure on ../shared and rewrite docs/accuracy.md
accuracy: $(STAMP)
	$(BIN)/flashpoint eval ../shared/examples ../shared/data/external eval/merge_gold.yaml --write-docs docs/accuracy.md

## docs: regenerate the generated parts of docs/ (the JSON Schema of the event record)
docs: $(STAMP)
	$(BIN)/flashpoint schema > docs/event.schema.json

## bench: run every benchmark once and rewrite docs/performance.md (about 25 minutes)
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
