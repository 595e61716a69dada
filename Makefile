# Kindred: `make run` to try it, `make test` before every push.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format migrations-check bench resilience

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Kindred needs Python 3.11 or newer (set PYTHON=...)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_places
	$(BIN)/python manage.py seed_demo --if-empty
	$(BIN)/python manage.py generate_meetings
	PYTHON=$(BIN)/python sh bin/run-dev $(HOST):$(PORT)

# Two workers (or one per core): each test file runs whole in one of them.
test: install lint migrations-check
	$(BIN)/python manage.py check
	$(BIN)/pytest -n auto --dist loadfile

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

bench: install
	$(BIN)/python bench/run.py

# PostgreSQL and Redis stopped and frozen under light load (own servers; minutes).
resilience: install
	$(BIN)/python bin/resilience.py

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run
