# OCG Share: `make run` sets up everything and serves the demo; `make test` runs the test suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run setup install assets migrate seed reset-demo test lint check bench loadtest worker beat lock clean apicheck

run: setup
	$(PY) manage.py runserver $(HOST)

setup: install assets migrate seed

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

assets: node_modules/.installed
	npm run --silent build

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --no-input -v 0

# Back to the demo as first loaded: the embedded SQLite database is deleted and made again. With
# DATABASE_URL set, every table of that database is emptied first (`flush`): never point it at real data.
reset-demo: $(VENV)/.installed
	@if [ -n "$(DATABASE_URL)" ]; then $(PY) manage.py flush --no-input; else rm -f var/ocgshare.sqlite3; fi
	rm -rf var/mail
	$(MAKE) --no-print-directory migrate seed

seed: migrate
	$(PY) manage.py seed_demo

# Everything, browser tests included (they need /usr/bin/chromium), in parallel: pytest-xdist, one worker
# per CPU, each with a test database of its own. --dist loadscope keeps each module on one worker, so a
# module-scoped fixture (the access matrix's world) is built once. Narrow it with, for example,
# `make test PYTEST_ARGS="tests/agencies -m 'not browser'"`; `make test PYTEST_WORKERS=0` runs serially.
PYTEST_ARGS ?=
PYTEST_WORKERS ?= auto
test: install assets
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

# The API against its OpenAPI schema: schemathesis on the demo, served from a throwaway database, as each
# kind of demo user (.ci/apicheck.py says what it checks). `APICHECK_DATABASE_URL=postgres://...` for PostgreSQL.
apicheck: $(VENV)/.installed
	$(PY) .ci/apicheck.py

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

# The register benchmark, on PostgreSQL only, in a database of its own: builds the national-scale
# synthetic data set once (kept for later runs), then measures. For example:
# `make bench DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocgshare_bench BENCH_ARGS="--requests 100"`
BENCH_ARGS ?=
bench: $(VENV)/.installed
	@test -n "$(DATABASE_URL)" || { echo "make bench needs DATABASE_URL=postgres://... (a database of its own)"; exit 2; }
	$(PY) manage.py migrate --no-input
	$(PY) manage.py generate_dataset --national --reuse
	$(PY) manage.py bench_register $(BENCH_ARGS)

# The load benchmark over HTTP, on PostgreSQL, in the benchmark's database (the same national data set as
# `make bench`): gunicorn with the production settings driven by ApacheBench (installed from Debian's
# apache2-utils if missing), then "who read item X" over ten million logged item reads (the log is filled
# once and kept). For example:
# `make loadtest DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocgshare_bench LOADTEST_ARGS="--requests 600"`
LOADTEST_ARGS ?=
loadtest: $(VENV)/.installed
	@test -n "$(DATABASE_URL)" || { echo "make loadtest needs DATABASE_URL=postgres://... (a database of its own)"; exit 2; }
	@command -v ab >/dev/null || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq apache2-utils; }
	$(PY) manage.py migrate --no-input
	$(PY) manage.py generate_dataset --national --reuse
	$(PY) manage.py bench_http $(LOADTEST_ARGS)
	$(PY) manage.py bench_access_log

# requirements.lock: every production dependency of pyproject.toml, pinned with its hashes, for the
# Dockerfile. Run after changing pyproject.toml's dependencies; tests/ocgshare/test_lock.py fails until
# the lock matches. Pins already in the lock are kept; `make lock LOCK_ARGS=--upgrade` moves every pin
# to the newest allowed release. Resolved against the public index alone, whatever a local pip
# configuration adds.
LOCK_ARGS ?=
lock: $(VENV)/.installed
	env -u PIP_FIND_LINKS -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null $(PY) -m piptools compile --quiet $(LOCK_ARGS) \
		--generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
		--output-file requirements.lock pyproject.toml

worker: setup
	$(PY) -m celery -A ocgshare worker --loglevel=info

beat: setup
	$(PY) -m celery -A ocgshare beat --loglevel=info

clean:
	rm -rf $(VENV) node_modules ocgshare/static var
