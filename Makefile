# Common Bonds — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# A stamp per lock file: `make run` installs only what runs the site; the test tools come
# with `make test`, `make lint` and `make bench`.
BASE_STAMP := $(VENV)/.base-$(shell cat requirements/base.txt pyproject.toml | cksum | cut -d' ' -f1)
DEV_STAMP := $(VENV)/.dev-$(shell cat requirements/dev.txt pyproject.toml | cksum | cut -d' ' -f1)
export DJANGO_SETTINGS_MODULE ?= commonbonds.settings.development
export PIP_DISABLE_PIP_VERSION_CHECK = 1

.PHONY: run test lint messages translations-check bench install install-dev clean lock migrations-check

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(BASE_STAMP): requirements/base.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/base.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.base-*
	@touch $@

$(DEV_STAMP): requirements/dev.txt pyproject.toml $(BASE_STAMP)
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	@rm -f $(VENV)/.dev-*
	@touch $@

install: $(BASE_STAMP)
install-dev: $(DEV_STAMP)

## Start the whole site (web, worker, scheduler) on http://127.0.0.1:8000 with the data loaded.
run: install
	$(BIN)/commonbonds migrate --noinput
	$(BIN)/commonbonds bootstrap
	$(BIN)/commonbonds run

## The test suite. Tests that need PostgreSQL, Redis or Chromium skip without them, saying why
## (CB_REQUIRE_SERVICES=1 turns those skips into failures, as in CI).
test: install-dev
	DJANGO_SETTINGS_MODULE=commonbonds.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check commonbonds/core commonbonds/newsroom tests/core tests/browser
	$(BIN)/djlint commonbonds --lint
	$(BIN)/python scripts/check_translations.py

migrations-check: install-dev
	$(BIN)/commonbonds makemigrations --check --dry-run

## Extract new strings into every app's catalogue (needs GNU gettext).
messages: install-dev
	cd commonbonds && ../$(BIN)/django-admin makemessages -l fr -l es -l ar --no-obsolete \
		--settings=commonbonds.settings.development --pythonpath=..
	$(BIN)/python scripts/check_translations.py --compile

translations-check: install-dev
	$(BIN)/python scripts/check_translations.py

bench: install-dev
	$(BIN)/python bench/run.py $(BENCH_ARGS)

lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 -o requirements/base.txt -q
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements/dev.txt -q

clean:
	rm -rf $(VENV) var .pytest_cache test-artifacts
