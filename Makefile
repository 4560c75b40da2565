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

# Debian packages the tests use: headless Chromium and CJK fonts (report screenshots), redis-server
# (distributed crawl). Installed once where apt is available; tests that need a missing one are skipped.
SYSTEM_PACKAGES := chromium fonts-noto-cjk redis-server
browser:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	  command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	  [ -d /usr/share/fonts/opentype/noto ] || missing="$$missing fonts-noto-cjk"; \
	  if [ -n "$$missing" ]; then \
	    if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null) \
	        || echo "could not install:$$missing — tests needing them will be skipped"; \
	    else echo "not installed:$$missing — tests needing them will be skipped"; fi; fi

test: $(VENV)/.installed browser
	$(PY) -m ruff check .
	$(PY) -m pytest -n 2 --timeout 600

lint: $(VENV)/.installed
	$(PY) -m ruff check .

bench: $(VENV)/.installed
	$(PY) bench/run_bench.py

clean:
	rm -rf $(VENV) demo.db* demo-out report
