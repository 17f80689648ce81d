# Two commands for a fresh Debian machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
CHROMIUM := /usr/bin/chromium

.PHONY: run test test-unit test-browser lint bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(CHROMIUM):
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core

run: $(STAMP)
	$(BIN)/wijkdialoog --demo

test: $(TEST_STAMP) $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/pytest -q tests --ignore=tests/browser
	$(BIN)/pytest -q tests/browser

test-unit: $(TEST_STAMP)
	$(BIN)/pytest -q tests --ignore=tests/browser

test-browser: $(TEST_STAMP) $(CHROMIUM)
	$(BIN)/pytest -q tests/browser

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

# Figures, not tests: engine, harvest, a room of 200 and 500 phones with a 10-minute soak, the join page on 3G,
# and "next speaker" on 20 phone pages in one real Chromium.
bench: $(TEST_STAMP) $(CHROMIUM)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/engine_bench.py
	$(BIN)/python bench/export_bench.py
	$(BIN)/python bench/room_load.py
	$(BIN)/python bench/event_load.py
	$(BIN)/python bench/join_weight.py
	$(BIN)/python bench/chromium_fanout.py

clean:
	rm -rf $(VENV) .pytest_cache test-artefacts
