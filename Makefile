# Developer commands. `make demo` and `make test` set everything up from scratch.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= demo.duckdb

.PHONY: all install demo test test-fast lint fix serve bench docs clean

all: test lint

# torch first, pinned to the CPU build that pip finds for 2.13.0; otherwise
# sentence-transformers would pull a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[embeddings,dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f $(DB)
	$(BIN)/detente code detente/examples/articles.jsonl --db $(DB) --show
	$(BIN)/detente query --db $(DB) "SELECT source_country, target_country, count(*) AS events, round(sum(goldstein), 1) AS goldstein FROM events WHERE dedup_mode = 'one-a-day' AND NOT negated AND source_country <> '' AND target_country <> '' GROUP BY ALL ORDER BY events DESC LIMIT 15"

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

lint: install
	$(BIN)/ruff check detente tests
	$(BIN)/ruff format --check detente tests

fix: install
	$(BIN)/ruff check --fix detente tests
	$(BIN)/ruff format detente tests

serve: install
	$(BIN)/detente serve --db $(DB)

bench: install
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB)
