# The one entry point: `make demo` and `make test` set up everything they need.
# Python 3.11 with pip and venv is all a fresh machine needs; Debian packages
# that tests need are installed with apt when missing (we run as root on CI).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: setup postgres demo test lint eval bench lock clean fuzz

setup: $(STAMP)

# The lock pins every package with its hash (including the spaCy model); the
# project itself installs without dependencies and without build isolation, so
# nothing unpinned is fetched. The venv's own pip is whatever the interpreter
# bundles, so a pinned, hash-checked pip (requirements-bootstrap.lock) replaces
# it before the lock is read: set-up does not depend on the interpreter's pip.
$(STAMP): requirements-bootstrap.lock requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bootstrap.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# PostgreSQL's server binaries for the store tests, which start a throwaway
# server of their own (Debian's package; nothing is started or configured here).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
postgres:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { \
		$(SUDO) apt-get update && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql; }

demo: setup
	$(BIN)/corroborator extract examples/corpus --format jsonl -o demo/extract.jsonl \
		--skipped-report demo/skipped.json --summary
	$(BIN)/corroborator ingest examples/corpus --db sqlite:///corroborator.db
	$(BIN)/corroborator findings --db sqlite:///corroborator.db
	$(BIN)/corroborator variables --db sqlite:///corroborator.db
	@echo "Browse the store: $(BIN)/datasette corroborator.db --metadata src/corroborator/data/datasette-metadata.json"
	@echo "Search it:        $(BIN)/corroborator search 'North Korean soldiers Kursk'"
	@echo "One variable:     $(BIN)/corroborator timeline 'north-korea|present|kursk-oblast|people|actual'"

# The store tests run on SQLite and on PostgreSQL: the binaries are installed
# first, so a server that cannot start fails the run instead of skipping half of it.
test: setup postgres
	CORROBORATOR_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest -q

# The fuzz test of every reader and the cleaner at length: 50,000 new examples (`make test` runs
# the same few hundred each time). Anything but a document or a skip fails it, with the example.
fuzz: setup
	CORROBORATOR_FUZZ_EXAMPLES=50000 $(BIN)/python -m pytest -q tests/ingest/test_fuzz.py

# ruff (lint and format); mypy, strict on src/ and looser on tests/ ([tool.mypy]); the import rules,
# stages importing only downwards ([tool.importlinter]; tests/test_architecture.py checks the same).
lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

eval: setup
	$(BIN)/corroborator extract $(SHARED)/corpus/seeds -o demo/seeds.jsonl --quiet
	$(BIN)/corroborator eval --gold $(SHARED)/eval/seeds.gold.jsonl demo/seeds.jsonl

bench: setup postgres
	$(BIN)/python bench/clean.py
	$(BIN)/python bench/store.py --repeats 5

# Regenerate the locks from pyproject.toml (needs network). The bootstrap lock pins
# the same pip that requirements.lock holds (Datasette depends on pip), alone.
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra model --extra build --generate-hashes \
		--python-version 3.11 -o requirements.lock
	{ echo "# pip alone, installed before requirements.lock; written by make lock."; \
	  grep '^pip==' requirements.lock | sed 's/ .*//' | \
	  $(BIN)/uv pip compile - --generate-hashes --python-version 3.11 --no-header --quiet; } > requirements-bootstrap.lock

clean:
	rm -rf $(VENV) demo .pytest_cache build src/*.egg-info corroborator.db corroborator.db-wal corroborator.db-shm
