# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Run the real `licentia` command line in a forked child with resource limits.

The child inherits the loaded index and catalog (so hundreds of hostile runs take seconds, not
minutes), gets its own stdout/stderr files and working directory, an address-space limit above
what the parent already holds, and a CPU limit; the parent kills it at the wall-clock timeout.
A hang, a memory blow-up or a traceback all show in the Outcome.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import signal
import sys
import tempfile
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path

HUNG = -1


@dataclass(frozen=True)
class Outcome:
    code: int  # HUNG when killed at the timeout
    stdout: str
    stderr: str
    seconds: float

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def _vm_bytes() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(args: list[str], cwd: Path, out: str, err: str, memory: int, cpu: int) -> None:
    code = 99
    try:
        os.chdir(cwd)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
        os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8")
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8")
        warnings.resetwarnings()  # as a user's run: pytest's "warnings are errors" is not theirs
        warnings.simplefilter("ignore")
        resource.setrlimit(resource.RLIMIT_AS, (_vm_bytes() + memory, resource.RLIM_INFINITY))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
        from licentia.cli import app
        from licentia.cli._common import run

        run(app, args)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # what escaped licentia's own handling: a traceback on stderr
        traceback.print_exc()
        code = 98
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):  # the exit code tells
                stream.flush()
        os._exit(code)


def run_cli(args: list[str], cwd: Path, timeout: float = 90.0,
            memory: int = 1536 * 1024 * 1024) -> Outcome:
    """`licentia ARGS` in `cwd`: exit code, stdout, stderr, wall time (HUNG at the timeout)."""
    with tempfile.TemporaryDirectory(prefix="licentia-run-") as scratch:
        out, err = f"{scratch}/stdout", f"{scratch}/stderr"
        sys.stdout.flush()
        sys.stderr.flush()
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            _child(args, cwd, out, err, memory, int(timeout))
        code = HUNG
        while time.monotonic() - started < timeout:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                break
            time.sleep(0.02)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        seconds = time.monotonic() - started
        return Outcome(code, Path(out).read_text("utf-8", "replace"),
                       Path(err).read_text("utf-8", "replace"), seconds)


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every entry under `root`: a file's bytes, where a link points, or what else it is."""
    out: dict[str, bytes | str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            rel = os.fsdecode(path.relative_to(root))
            if path.is_symlink():
                out[rel] = f"link -> {os.readlink(path)}"
            elif path.is_fifo():
                out[rel] = "fifo"
            elif path.is_file():
                out[rel] = path.read_bytes()
            else:
                out[rel] = "dir"
    return out
