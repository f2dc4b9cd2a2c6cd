# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Commands load lazily: a command imports what it needs, not every other command's engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from licentia.cli import COMMANDS, load

_PROBE = """
import sys
from licentia.cli import main
sys.argv = ["licentia", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in ("licentia.analysis.check", "licentia.analysis.review", "spacy",
                            "jinja2", "licentia.catalog.terms") if m in sys.modules)
sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")
"""


def _heavy_modules(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True,
                          text=True, timeout=300, check=False)
    line = [x for x in proc.stderr.splitlines() if x.startswith("HEAVY=")]
    assert line, proc.stderr
    return line[-1].removeprefix("HEAVY=")


def test_help_lists_every_command_without_importing_them() -> None:
    assert _heavy_modules("--help") == ""


def test_identify_does_not_import_review_check_or_the_sheet_schema(tmp_path: Path) -> None:
    # identifying renders no template and reads no term sheet: Jinja and the sheet schema stay out
    f = tmp_path / "x.py"
    f.write_text("# SPDX-" "License-Identifier: MIT\nprint(1)\n", encoding="utf-8")
    assert _heavy_modules("identify", str(f)) == ""


def test_every_registered_command_loads_with_its_own_help() -> None:
    for name in COMMANDS:
        command = load(name)
        assert command.name == name
        assert command.help or command.callback is not None


def test_help_summaries_fit_a_terminal_line() -> None:
    # `licentia --help` prints them after the command name in an 80-column box
    for name, entry in COMMANDS.items():
        assert len(name) + 2 + len(entry.summary) <= 74, name
        assert entry.summary.endswith("."), name
