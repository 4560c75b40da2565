# make demo — audit the bundled sample portal; make test — the test suite. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: demo test lint bench browser clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

demo: $(VENV)/.installed
	$(PY) cli.py demo

# Headless Chromium (Debian package) for the report-rendering test; skipped where apt is not available.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium not installed: the browser test will be skipped"; \
	  else echo "chromium not installed: the browser test will be skipped"; fi; }

test: $(VENV)/.installed browser
	$(PY) -m ruff check .
	$(PY) -m pytest -n 2 --timeout 600

lint: $(VENV)/.installed
	$(PY) -m ruff check .

bench: $(VENV)/.installed
	$(PY) bench/run_bench.py

clean:
	rm -rf $(VENV) demo.db* demo-out report
