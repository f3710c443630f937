# Two commands do all set-up on a fresh machine:
#   make demo   venv + install + `factcheck check seeds/` (prints where the report is)
#   make test   venv + install + the test suite (what .ci/run calls)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# On these machines torch==2.13.0 is the CPU wheel on disk; installing it first stops any
# dependency from pulling a CUDA build. Elsewhere, override TORCH with your CPU wheel spec.
TORCH ?= torch==2.13.0
STAMP := $(VENV)/.installed

.PHONY: demo test clean

# Installs say nothing unless they fail (-qq: pip's errors only, and the build's own output is
# shown only when the build fails), so a successful demo ends on the report's one line.
$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) (first run only: a few minutes)..."
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -qq --upgrade pip
	@$(BIN)/python -m pip install -qq $(TORCH)
	@$(BIN)/python -m pip install -qq -e '.[dev,static,dask,postgresql]'
	@touch $(STAMP)

# Exit 1 means "findings at or above --fail-on": that is the demo working, not failing.
demo: $(STAMP)
	@$(BIN)/factcheck check seeds/ --output reports/seeds.html; status=$$?; [ $$status -le 1 ]

test: $(STAMP)
	@$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) reports/*.html reports/*.json claims/*.jsonl
