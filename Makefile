# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GOLD ?= ../shared/gold

.PHONY: run test lint eval bench fit clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)  ## open the German sample in the reader
	$(BIN)/threadloom

test: $(STAMP)  ## lint, then every test (tests that need ../shared skip without it)
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .

eval: $(STAMP)  ## the accuracy table on the dev sets in ../shared/gold
	$(BIN)/threadloom eval $(GOLD)/klarna-de.gold.json
	$(BIN)/threadloom eval $$(ls $(GOLD)/omp-dev/omp-*.gold.json | grep -v -e -page -e -blank)
	$(BIN)/threadloom eval $(GOLD)/omp-dev/omp-*-page.gold.json
	$(BIN)/threadloom eval $(GOLD)/omp-dev/omp-*-blank.gold.json

bench: $(STAMP)  ## speed and memory figures
	for f in tests/bench/bench_*.py; do $(BIN)/python $$f || exit 1; done

fit: $(STAMP)  ## refit data/weights.json from the gold files (prints held-out figures first)
	$(BIN)/python -m threadloom.threading.fit $(GOLD) --write

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis
