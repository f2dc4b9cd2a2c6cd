# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0

VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## identify the example inputs (written from the installed LicenseDB)
	$(PY) examples/make_demo.py build/demo
	$(VENV)/bin/licentia identify build/demo/llama-finetune/README.md build/demo/*.txt \
		build/demo/*.md build/demo/LICENSE-combined build/demo/train.py

test: $(STAMP)  ## lint, type-check and run the whole test suite
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/reuse lint --quiet || $(VENV)/bin/reuse lint
	$(VENV)/bin/pytest -q

bench: $(STAMP)  ## licentia vs ScanCode on the same files
	$(PY) bench/identify

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
