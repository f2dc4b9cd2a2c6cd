# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Drafting: licenses (LicenseDB texts with their fields filled, and licentia's own RAIL-style
template), NOTICE files, model-card license blocks and REUSE layouts.

Kept free of imports of `licentia.identify` here: identification imports the recognizer.
"""

DRAFT_DISCLAIMER = ("A drafted document is a starting point, not legal advice: have counsel review "
                    "it before you publish under it.")
