# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0

VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench docs clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## identify the example inputs, then review the seed use cases (examples/review)
	$(PY) examples/make_demo.py build/demo
	$(VENV)/bin/licentia identify build/demo/llama-finetune/README.md build/demo/*.txt \
		build/demo/*.md build/demo/LICENSE-combined build/demo/train.py
	@# review exits 1 on a conflict verdict; the leading '-' lets the demo go on
	-$(VENV)/bin/licentia review examples/review/bloom-card/README.md \
		--use-case examples/review/commercial-assistant.yaml
	-$(VENV)/bin/licentia review build/demo/llama-finetune/README.md \
		--use-case examples/review/commercial-assistant.yaml
	-$(VENV)/bin/licentia review bigscience-openrail-m --use-case examples/review/face-swap-app.yaml
	-$(VENV)/bin/licentia review creativeml-openrail-m --use-case examples/review/face-swap-app.yaml
	-$(VENV)/bin/licentia review llama3.1 --use-case examples/review/defense-logistics.yaml
	-$(VENV)/bin/licentia review bigscience-bloom-rail-1.0 \
		--use-case examples/review/defense-logistics.yaml
	-$(VENV)/bin/licentia review build/demo/rail-with-extra-restriction.txt \
		--use-case examples/review/defense-logistics.yaml
	-$(VENV)/bin/licentia review llama3.1 --use-case examples/review/social-app-900m.yaml
	-$(VENV)/bin/licentia review Apache-2.0 --use-case examples/review/on-device-classifier.yaml
	-$(VENV)/bin/licentia review llama3.1 --use-case examples/review/face-swap-app.yaml \
		--format docx --out build/demo/face-swap-llama3.1-review.docx
	$(VENV)/bin/licentia check examples/check/saas-apache-model-gpl3-lib.yaml
	-$(VENV)/bin/licentia check examples/check/llama-finetune-as-mit.yaml
	$(VENV)/bin/licentia choose --goals examples/choose/nlp-startup.yaml
	$(VENV)/bin/licentia draft custom --choices examples/draft/vision-foundation-model.yaml \
		--out build/demo/VISION-LICENSE.md --force
	$(VENV)/bin/licentia identify build/demo/VISION-LICENSE.md

test: $(STAMP)  ## lint, type-check, build the docs and run the whole test suite
	$(VENV)/bin/ruff check src tests bench bench/identify bench/check bench/osadl bench/review bench/web
	$(VENV)/bin/mypy
	$(VENV)/bin/reuse lint --quiet || $(VENV)/bin/reuse lint
	$(VENV)/bin/mkdocs build --strict --quiet
	$(VENV)/bin/pytest -q

docs: $(STAMP)  ## the documentation site (docs/, the API page from docstrings) in build/site
	$(VENV)/bin/mkdocs build --strict

bench: $(STAMP)  ## licentia vs ScanCode on the same files; a 10,000-component manifest
	$(PY) bench/identify
	$(PY) bench/check

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
