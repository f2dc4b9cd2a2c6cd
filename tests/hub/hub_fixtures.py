# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Generated Hub dumps for the hub tests."""

from __future__ import annotations

import csv
from pathlib import Path

FIELDS = ["id", "license", "license_name", "license_link", "base_model",
          "base_model_relation", "pipeline_tag", "downloads", "likes", "created_at"]

# a small tree with a known answer for every finding kind
TREE = [
    {"id": "meta/Llama-base", "license": "llama3.1", "downloads": "1000"},
    {"id": "a/Llama-tuned", "license": "llama3.1", "base_model": "meta/Llama-base"},
    {"id": "a/tuned-badname", "license": "llama3.1", "base_model": "meta/Llama-base"},
    {"id": "a/Llama-relicensed", "license": "apache-2.0", "base_model": "meta/Llama-base"},
    {"id": "b/Llama-grandchild", "license": "apache-2.0", "base_model": "a/Llama-relicensed"},
    {"id": "nc/base", "license": "cc-by-nc-4.0"},
    {"id": "a/commercial", "license": "mit", "base_model": "nc/base"},
    {"id": "sd/base", "license": "creativeml-openrail-m"},
    {"id": "a/sd-mit", "license": "mit", "base_model": "sd/base",
     "base_model_relation": "finetune"},
    {"id": "sa/base", "license": "cc-by-sa-4.0"},
    {"id": "a/sa-apache", "license": "apache-2.0", "base_model": "sa/base",
     "base_model_relation": "adapter"},
    {"id": "apache/base", "license": "apache-2.0"},
    {"id": "a/mit-from-apache", "license": "mit", "base_model": "apache/base"},
    {"id": "a/self", "license": "mit", "base_model": "a/self"},
    {"id": "cyc/x", "license": "mit", "base_model": "cyc/y"},
    {"id": "cyc/y", "license": "mit", "base_model": "cyc/x"},
    {"id": "a/below-cycle", "license": "cc-by-nc-4.0", "base_model": "cyc/x"},
    {"id": "a/cut-merge", "license": "apache-2.0", "base_model": "- apache/base"},
    {"id": "a/other", "license": "other"},
    {"id": "a/other-named", "license": "other", "license_name": "llama3",
     "base_model": "apache/base"},
    {"id": "a/no-license", "base_model": "apache/base"},
    {"id": "a/from-ghost", "license": "mit", "base_model": "ghost/model"},
    {"id": "a/merged", "license": "mit", "base_model": '["apache/base", "nc/base"]',
     "base_model_relation": "merge"},
]


def write_csv(path: Path, rows: list[dict[str, str]], fields: list[str] = FIELDS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in fields})
    return path
