# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The workbench: a FastAPI app (server-rendered pages, htmx, a JSON API) over the registry."""
