# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Analysis over term sheets: review (license x use case), check (combinations), choose."""
