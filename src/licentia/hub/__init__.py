# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The Hugging Face Hub as data: ingest a metadata dump into an embedded DuckDB file, check
every model tree with check's rules (lineage), and measure license adoption."""
