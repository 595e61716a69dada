# Kindred: `make run` to try it, `make test` before every push.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format migrations-check bench resilience load \
	cluster-demo backup restore backup-check

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

# 60 s of mixed load (70% signed-out browsing, 20% signed-in reading, 10% posting
# and RSVPs) at 250 req/s with locust against gunicorn; prints the figures and
# PASS/FAIL against p95 <= 150 ms with no errors. Tune with LOAD_* (bench/load.py).
load: install
	$(BIN)/python bench/load.py

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

# Backups: the database (pg_dump, custom format) and MEDIA_ROOT in one file under
# BACKUP_DIR (var/backups). `make restore FILE=...` refuses a database that has
# tables unless FORCE=1; `make backup-check` proves a round trip.
backup: install
	$(BIN)/python manage.py backup

restore: install
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=var/backups/kindred-....tar [FORCE=1]"; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)" $(if $(filter 1 true yes,$(FORCE)),--force)

backup-check: install
	$(BIN)/python manage.py backup_check $(FILE)

# Two app instances behind a small load balancer, one PostgreSQL, one private Redis:
# prints PASS/FAIL for sessions, rate limits, tasks and cache shared between them.
cluster-demo: install
	$(BIN)/python bin/cluster_demo.py
