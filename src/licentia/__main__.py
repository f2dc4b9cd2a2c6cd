# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`python -m licentia`."""

from licentia.cli import main

main()
