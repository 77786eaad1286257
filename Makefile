# The one entry point for people and CI. `make serve` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SIZES ?= 1 10 100 1000
BENCH_JSON ?= bench-results/bench.json
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test test-deps bench lint format clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)  ## Build the site and serve it at http://127.0.0.1:8000 with live reload
	$(BIN)/handreiking serve

build: $(STAMP)  ## Check the content and build the site into site/
	$(BIN)/handreiking build

check: $(STAMP)  ## Check the content; every problem as file:line:col
	$(BIN)/handreiking check

test-deps: $(STAMP)  ## Install Chromium, Java, LibreOffice Calc and the Nu Html Checker when missing
	./scripts/install-test-deps.sh

test: test-deps  ## Run every test: unit, golden, build and real browser
	$(BIN)/python -m pytest -n 2 --dist loadgroup

bench: $(STAMP)  ## Benchmark check, render and build at several content sizes
	$(BIN)/python -m tools.bench --sizes $(SIZES) --json $(BENCH_JSON)

lint: $(STAMP)
	$(BIN)/ruff check generator tests tools
	$(BIN)/ruff format --check generator tests tools

format: $(STAMP)
	$(BIN)/ruff format generator tests tools
	$(BIN)/ruff check --fix generator tests tools

clean:
	rm -rf build site .site-* node_modules test-artifacts
