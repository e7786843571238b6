# Common Bonds — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/dev.txt pyproject.toml | cksum | cut -d' ' -f1)
export DJANGO_SETTINGS_MODULE ?= commonbonds.settings.development
export PIP_DISABLE_PIP_VERSION_CHECK = 1

.PHONY: run test test-all lint messages translations-check bench install clean lock migrations-check

$(STAMP): requirements/dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed.")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

## Start the whole site (web, worker, scheduler) on http://127.0.0.1:8000 with the data loaded.
run: install
	$(BIN)/commonbonds migrate --noinput
	$(BIN)/commonbonds bootstrap
	$(BIN)/commonbonds run

## The test suite. Tests that need PostgreSQL, Redis or Chromium skip without them, saying why
## (CB_REQUIRE_SERVICES=1 turns those skips into failures, as in CI).
test: install
	DJANGO_SETTINGS_MODULE=commonbonds.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check commonbonds/core commonbonds/newsroom tests/core tests/browser
	$(BIN)/djlint commonbonds --lint
	$(BIN)/python scripts/check_translations.py

migrations-check: install
	$(BIN)/commonbonds makemigrations --check --dry-run

## Extract new strings into every app's catalogue (needs GNU gettext).
messages: install
	cd commonbonds && ../$(BIN)/django-admin makemessages -l fr -l es -l ar --no-obsolete \
		--settings=commonbonds.settings.development --pythonpath=..
	$(BIN)/python scripts/check_translations.py --compile

translations-check: install
	$(BIN)/python scripts/check_translations.py

bench: install
	$(BIN)/python bench/run.py

lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 -o requirements/base.txt -q
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements/dev.txt -q

clean:
	rm -rf $(VENV) var .pytest_cache test-artifacts
