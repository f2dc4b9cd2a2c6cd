#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Print the fingerprint block for src/licentia/catalog/data/external.yaml from a license file.

    python tools/fingerprint.py FILE [APPENDIX_FIRST_LINE]
"""

import sys

import yaml

from licentia.catalog.external import make_fingerprint

if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as fh:
        fp = make_fingerprint(fh.read(), sys.argv[2] if len(sys.argv) == 3 else None)
    print(yaml.safe_dump({"fingerprint": fp}, width=100, sort_keys=False))
