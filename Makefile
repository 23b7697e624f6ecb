# Everything a fresh clone needs: `make run` and `make test` create .venv themselves.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test check eval bench bench-big install clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip 2>/dev/null || true
	$(PY) -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

# compileall: the sources as bytecode even where PYTHONDONTWRITEBYTECODE is set (a faster
# start; only changed files are compiled again)
run: $(STAMP)
	$(PY) -m compileall -q index tui
	$(VENV)/bin/quotewire

# Static guards first: a lint or format slip fails fast, before the suite runs.
check: $(STAMP)
	$(VENV)/bin/ruff check index tui tests bench
	$(VENV)/bin/ruff format --check index tui tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q -p no:cacheprovider tests/test_static.py tests/index/test_layers.py

test: check
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) bench/eval_quotes.py

bench: $(STAMP)
	$(PY) bench/run.py

bench-big: $(STAMP)
	$(PY) bench/run.py --big-only

clean:
	rm -rf $(VENV) .pytest_cache build dist
