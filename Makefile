# The two commands of the README: `make run` and `make test`. Both create or reuse .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench playground clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "policybot needs Python 3.11 or newer (found %s); run: make PYTHON=python3.12 ..." % sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing policybot and its dependencies into $(VENV) (a minute on first run)..."
	@# PYTHONWARNINGS quiets setuptools' advisory build warnings; errors still show and fail.
	@PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)  ## start the bot: Slack/Teams when configured, else a console chat
	$(BIN)/policybot run

test: $(STAMP)  ## run the whole test suite
	$(BIN)/python -m pytest -q

bench: $(STAMP)  ## performance figures of the engines and the Slack app (see benchmarks/README.md)
	$(BIN)/python benchmarks/review_bench.py
	$(BIN)/python benchmarks/qa_bench.py
	$(BIN)/python benchmarks/slack_bench.py

playground: $(STAMP)  ## end-to-end in Microsoft 365 Agents Playground, headless (needs node + npm; installs chromium)
	PYTHON=$(abspath $(BIN)/python) bash tests/e2e/run_playground.sh

clean:
	rm -rf $(VENV) .pytest_cache
