"""The budget over time as an SVG bar chart, drawn on the server (no JavaScript, no CDN).

One slot per year from the first to the last year with a figure. A year without a confirmed
figure stays an empty slot marked "no figure": gaps are shown as gaps, never interpolated.
A year for which only the total excluding the Host State Loan is known gets a hatched bar
(the total is larger by the loan). The page's data table carries the exact figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .queries import BudgetYear

WIDTH = 720
HEIGHT = 320
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 16, 44


@dataclass(frozen=True)
class Bar:
    year: int
    x: float
    y: float
    width: float
    height: float
    amount: int | None
    partial: bool  # only the total excluding the Host State Loan is known
    label_x: float
    show_label: bool


@dataclass(frozen=True)
class Tick:
    y: float
    millions: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    bars: list[Bar]
    ticks: list[Tick]
    has_partial: bool
    has_gap: bool


def _step(top_millions: float) -> int:
    for step in (10, 20, 25, 50, 100, 200, 250, 500):
        if top_millions / step <= 5:
            return step
    return 1000


def budget_chart(years: list[BudgetYear]) -> Chart | None:
    if not years:
        return None
    amounts = [(y.total or y.total_excl_hsl).amount_eur if y.known else None for y in years]
    peak = max(a for a in amounts if a is not None)
    step = _step(peak / 1e6)
    top = math.ceil(peak / 1e6 / step) * step
    plot_bottom, plot_top = HEIGHT - BOTTOM, TOP
    plot_left, plot_right = LEFT, WIDTH - RIGHT
    slot = (plot_right - plot_left) / len(years)
    bar_width = max(4.0, slot * 0.7)
    scale = (plot_bottom - plot_top) / (top * 1e6)
    # Year labels: every year when they fit, else every other one (the table has them all).
    every = 1 if slot >= 34 else 2
    bars = []
    for i, (year, amount) in enumerate(zip(years, amounts, strict=True)):
        x = plot_left + i * slot + (slot - bar_width) / 2
        height = amount * scale if amount is not None else 0
        bars.append(
            Bar(
                year=year.year,
                x=round(x, 1),
                y=round(plot_bottom - height, 1),
                width=round(bar_width, 1),
                height=round(height, 1),
                amount=amount,
                partial=amount is not None and year.total is None,
                label_x=round(plot_left + i * slot + slot / 2, 1),
                show_label=(i % every == 0) or i == len(years) - 1,
            )
        )
    ticks = [Tick(round(plot_bottom - m * 1e6 * scale, 1), m) for m in range(0, top + 1, step)]
    return Chart(
        WIDTH,
        HEIGHT,
        plot_left,
        plot_right,
        plot_top,
        plot_bottom,
        bars,
        ticks,
        has_partial=any(b.partial for b in bars),
        has_gap=any(b.amount is None for b in bars),
    )
