# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Pure renderers: analysis results in, strings (or bytes) out."""
