# The one entry point for people and CI. Editors need `make serve` and `make check`, which
# install only what the site needs (requirements.txt); `make test` adds the test requirements
# (requirements-test.txt) and the browser. `make help` lists the editors' commands in Dutch.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
# The second renderer's own virtualenv, without mkdocs (tools/properdocs/requirements.txt).
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed
PORT ?= 8000
BEWERKEN_PORT ?= 8001
ADMIN_STAMP := admin/node_modules/.installed
SIZES ?= 1 10 100 1000
BENCH_JSON ?= bench-results/bench.json
LIGHTHOUSE_RUNS ?= 3
LIGHTHOUSE_JSON ?= bench-results/lighthouse.json
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help

.PHONY: help serve build check nieuw diff publiceer schema test test-deps test-each-module bench lighthouse lint format clean bewerken bewerken-bouwen

help:  ## Dutch: what an editor can type
	@echo "Opdrachten voor de redactie (de eerste keer installeert make wat nodig is):"
	@echo "  make check                     controleer de inhoud; elke fout als bestand:regel:kolom"
	@echo "  make check STRICT=1            idem, en verlopen mijlpalen tellen als fout"
	@echo "  make check PEILDATUM=2022-06-01  verlopen mijlpalen op een andere dag dan de peildatum"
	@echo "  make serve                     bekijk de site op http://127.0.0.1:$(PORT); stop met Ctrl-C"
	@echo "  make serve PORT=8001           idem op een andere poort"
	@echo "  make serve PDF=1               idem, met de PDF (elke wijziging duurt dan langer)"
	@echo "  make nieuw SOORT=maatregel     voeg een leeg, uitgelegd item toe (ook: regeling, organisatie, bron, opgave, begrip)"
	@echo "  make diff                      wat er veranderde sinds de laatste editie (VORIGE=2021 voor een andere)"
	@echo "  make publiceer JAAR=2022 VASTGESTELD=2022-03-01 DOOR=\"de LRT\""
	@echo "                                 leg de inhoud vast als editie 2022"
	@echo "  make publiceer JAAR=2022 VERVANG=1 REDEN=\"...\""
	@echo "                                 corrigeer de gepubliceerde editie 2022 (met de reden, voor het logboek)"
	@echo "  make build                     bouw de hele site, met zoeken en PDF, in site/"
	@echo "  make bewerken                  bewerk de inhoud in de browser: http://127.0.0.1:$(BEWERKEN_PORT)/redactie/bewerken/"
	@echo "Voor ontwikkelaars: make test, make lint, make bench, make schema."

# What the site needs; pip shows each package as it installs (about a minute the first time).
$(SITE_STAMP): requirements.txt pyproject.toml
	@echo "Eenmalig: de programma's voor de site komen in $(VENV)/ (ongeveer een minuut)."
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	$(PIP) install --quiet --no-deps -e .
	@touch $@
	@echo "Geïnstalleerd; dit gebeurt alleen opnieuw als requirements.txt verandert."

$(TEST_STAMP): $(SITE_STAMP) requirements-test.txt
	$(PIP) install --quiet -r requirements-test.txt
	@touch $@

# ProperDocs, the maintained MkDocs 1.x fork, as a second renderer (tests/test_properdocs.py).
# Material requires mkdocs, so pip installs it too; it is removed again, so that a build in
# this virtualenv can only be ProperDocs' (it answers `import mkdocs.*` with its own modules).
$(PROPERDOCS_STAMP): tools/properdocs/requirements.txt requirements.txt pyproject.toml
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip --disable-pip-version-check install --quiet \
		-r tools/properdocs/requirements.txt
	$(PROPERDOCS_VENV)/bin/python -m pip --disable-pip-version-check uninstall --quiet -y mkdocs
	$(PROPERDOCS_VENV)/bin/python -m pip --disable-pip-version-check install --quiet \
		--no-deps -e .
	@touch $@

# A busy port is asked first, so that it is one Dutch line and no make error; otherwise the
# server runs without a shell in between, so Ctrl-C and SIGTERM reach it (it exits 0).
serve: $(SITE_STAMP)  ## Build the site and serve it with live reload; content errors show in the browser
	$(eval PORT_PROBLEM := $(shell $(BIN)/python -m generator.site.preview 127.0.0.1:$(PORT)))
	$(if $(PORT_PROBLEM),$(info $(PORT_PROBLEM))@:,$(BIN)/handreiking serve --dev-addr 127.0.0.1:$(PORT) $(if $(PDF),--pdf))

build: $(SITE_STAMP)  ## Check the content and build the site into site/ (PRODUCTIE=1: for publishing)
	$(BIN)/handreiking build $(if $(PRODUCTIE),--productie)

check: $(SITE_STAMP)  ## Check the content; every problem as file:line:col
	$(BIN)/handreiking check $(if $(STRICT),--strict) $(if $(PEILDATUM),--peildatum $(PEILDATUM))

nieuw: $(SITE_STAMP)  ## Append an empty, explained item: make nieuw SOORT=maatregel
	$(if $(SOORT),,$(error Geef aan wat u toevoegt, bijvoorbeeld: make nieuw SOORT=maatregel))
	$(BIN)/handreiking nieuw $(SOORT)

diff: $(SITE_STAMP)  ## What changed since the last edition (or VORIGE=2021), as Markdown
	$(BIN)/handreiking diff $(VORIGE)

# VASTGESTELD, DOOR and REDEN reach the command through the environment (make exports
# variables set on its command line), so any text, quotes included, arrives as typed.
# VERVANG=1 REDEN="..." corrects a published edition (the ledger records it).
publiceer: $(SITE_STAMP)  ## Freeze the content as edition JAAR: make publiceer JAAR=2022 VASTGESTELD=... DOOR=... (VERVANG=1 REDEN=...)
	$(if $(JAAR),,$(error Geef het jaar van de editie, bijvoorbeeld: make publiceer JAAR=2022 VASTGESTELD=2022-03-01 DOOR="de LRT"))
	$(BIN)/handreiking editie publiceer $(JAAR) $(if $(VASTGESTELD),--vastgesteld "$$VASTGESTELD") $(if $(DOOR),--door "$$DOOR") $(if $(VERVANG),--vervang) $(if $(REDEN),--reden "$$REDEN")

schema: $(SITE_STAMP)  ## Regenerate schema/*.schema.json, the modelines and the guide's field reference
	$(BIN)/handreiking schema --write

test-deps: $(TEST_STAMP) $(PROPERDOCS_STAMP)  ## Install Chromium, Java, LibreOffice Calc, the Nu Html Checker and ProperDocs when missing
	./scripts/install-test-deps.sh

# In random order (pytest-randomly; the seed is in the first lines: -p randomly
# --randomly-seed=N repeats an order, -p no:randomly runs them in file order).
test: test-deps  ## Run every test: unit, golden, build, real browser and the second renderer
	$(BIN)/python -m pytest -n 2 --dist loadgroup

test-each-module: test-deps  ## Run each test module on its own (scripts/test-each-module.sh)
	./scripts/test-each-module.sh

# The editors' admin (admin/, issue 25): Decap CMS, built with Node.js from pinned npm
# packages (admin/package-lock.json). Never needed for serve, check or build.
$(ADMIN_STAMP): admin/package.json admin/package-lock.json
	cd admin && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

bewerken-bouwen: $(ADMIN_STAMP)  ## Build the admin into build/bewerken/ (REDACTIE_REPO, REDACTIE_OAUTH_URL: README)
	node admin/build.mjs build/bewerken

bewerken: bewerken-bouwen $(SITE_STAMP)  ## Serve the admin against this clone (decap-server, git); saves are commits on cms/ branches
	$(BIN)/python -m tools.bewerken --port $(BEWERKEN_PORT)

bench: $(TEST_STAMP)  ## Benchmark check, render and build at several content sizes; Lighthouse on six pages
	$(BIN)/python -m tools.bench --sizes $(SIZES) --json $(BENCH_JSON)
	$(BIN)/python -m tools.bad_input --json $(dir $(BENCH_JSON))bad-input.json
	$(BIN)/python -m tools.bench_editions --editions 1 3 10 --serve --json $(dir $(BENCH_JSON))editions.json
	$(BIN)/python -m tools.bad_input --groei --json $(dir $(BENCH_JSON))groei.json
	$(BIN)/python -m tools.lighthouse --runs $(LIGHTHOUSE_RUNS) --json $(LIGHTHOUSE_JSON)

lighthouse: $(TEST_STAMP)  ## Only the Lighthouse part of the benchmark (tools/lighthouse.py)
	$(BIN)/python -m tools.lighthouse --runs $(LIGHTHOUSE_RUNS) --json $(LIGHTHOUSE_JSON)

lint: $(TEST_STAMP)  ## ruff, and the stages' import contract (pyproject.toml [tool.importlinter])
	$(BIN)/ruff check generator tests tools
	$(BIN)/ruff format --check generator tests tools
	$(BIN)/lint-imports --no-cache

format: $(TEST_STAMP)
	$(BIN)/ruff format generator tests tools
	$(BIN)/ruff check --fix generator tests tools

clean:
	rm -rf build site site.old .site-* .handreiking.lock node_modules test-artifacts $(PROPERDOCS_VENV)
