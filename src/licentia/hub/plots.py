# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Charts for Hub reports, drawn with matplotlib's Agg backend (no display, no network): each
function returns the image as bytes (PNG or SVG)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

_COLOR = "#3b6ea5"


def _save(fig: Figure, fmt: str) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, bbox_inches="tight", dpi=110)
    plt.close(fig)
    return buf.getvalue()


def bars(labels: Sequence[str], values: Sequence[float], title: str, xlabel: str,
         fmt: str = "png") -> bytes:
    """Horizontal bars, the first label on top."""
    fig, ax = plt.subplots(figsize=(7.5, 0.35 * max(len(labels), 3) + 1.2))
    ax.barh(list(range(len(labels)))[::-1], values, color=_COLOR)
    ax.set_yticks(list(range(len(labels)))[::-1], labels=list(labels), fontsize=8)
    ax.set_title(title, fontsize=10)
    ax.set_xlabel(xlabel, fontsize=9)
    for y, v in zip(list(range(len(labels)))[::-1], values, strict=True):
        ax.text(v, y, f" {v:,.3g}", va="center", fontsize=7)
    return _save(fig, fmt)


def lines(x: Sequence[str], series: dict[str, Sequence[float]], title: str, ylabel: str,
          fmt: str = "png") -> bytes:
    """One line per series over the same x (e.g. snapshots)."""
    fig, ax = plt.subplots(figsize=(7.5, 4))
    for name, ys in series.items():
        ax.plot(list(x), list(ys), marker="o", label=name)
    ax.set_title(title, fontsize=10)
    ax.set_ylabel(ylabel, fontsize=9)
    ax.tick_params(axis="x", labelsize=8, rotation=30)
    ax.legend(fontsize=7, loc="best")
    return _save(fig, fmt)


def ancestry(chain: Sequence[tuple[str, str, bool]], title: str, fmt: str = "png") -> bytes:
    """A model's ancestry, root at the top: (model, license, flagged) per step."""
    fig, ax = plt.subplots(figsize=(7.5, 0.8 * max(len(chain), 2) + 0.6))
    ax.set_axis_off()
    n = len(chain)
    for i, (model, lic, flagged) in enumerate(chain):
        y = n - 1 - i
        ax.text(0.5, y, f"{model}\n[{lic}]", ha="center", va="center", fontsize=8,
                bbox={"boxstyle": "round", "fc": "#f6d5d5" if flagged else "#e3ecf6",
                      "ec": "#a33" if flagged else _COLOR})
        if i:
            ax.annotate("", xy=(0.5, y + 0.3), xytext=(0.5, y + 0.7),
                        arrowprops={"arrowstyle": "<-", "color": "#555"})
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_title(title, fontsize=10)
    return _save(fig, fmt)
