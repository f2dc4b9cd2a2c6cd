# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""licentia's own license template (licentia-rail-1.0): the licensor's choices, the text they
render to, the term sheet built from that text, and reading the choices back from a draft.

It lives in the catalog, below identification (which recognizes a draft), analysis (which
offers it in `choose`) and drafting (which writes it to a file).
"""
