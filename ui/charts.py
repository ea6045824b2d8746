"""Small QtCharts plots for the Insights view: a trend per day or week, with the target as a dashed line.

QtCharts, not pyqtgraph: measured in this app's environment it imports in
about 15 ms against 0.7-1.3 s, and the Insights view must open in 300 ms.
The plots draw values the engine computed (`kbassist.insights`); a None
(nothing to divide by that day) leaves a gap in the line.
"""
from __future__ import annotations

from typing import Sequence

from .qt import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QColor,
    QLineSeries,
    QPainter,
    QPen,
    QPointF,
    Qt,
    QValueAxis,
)

PALETTE = ("#1a73e8", "#e37400", "#188038", "#a142f4")
TARGET_COLOR = "#b3261e"
HEIGHT = 210


def _view(chart: QChart) -> QChartView:
    chart.setMargins(chart.margins() * 0)
    chart.legend().setAlignment(Qt.AlignBottom)
    chart.setBackgroundRoundness(0)
    view = QChartView(chart)
    view.setRenderHint(QPainter.Antialiasing)
    view.setMinimumHeight(HEIGHT)
    return view


def _axes(chart: QChart, labels: Sequence[str], top: float, percent: bool) -> tuple[QBarCategoryAxis, QValueAxis]:
    x = QBarCategoryAxis()
    x.append(list(labels))
    y = QValueAxis()
    y.setRange(0, top)
    y.applyNiceNumbers()  # round ticks (0, 50, 100...) rather than fractions of the maximum
    y.setLabelFormat("%.0f%%" if percent else "%.0f")
    chart.addAxis(x, Qt.AlignBottom)
    chart.addAxis(y, Qt.AlignLeft)
    return x, y


def trend_chart(title: str, labels: Sequence[str], lines: Sequence[tuple[str, Sequence[float | None]]],
                target: tuple[str, float] | None = None, percent: bool = False) -> QChartView:
    """One line per (name, values) over `labels`; `target` (name, value) as a dashed red line.
    Shares are given 0..1 and drawn as percentages when `percent`."""
    scale = 100.0 if percent else 1.0
    chart = QChart()
    chart.setTitle(title)
    values = [v * scale for _, series in lines for v in series if v is not None]
    top = max([*values, (target[1] * scale if target else 0), 1.0]) * 1.15
    x, y = _axes(chart, labels, min(top, 100.0) if percent else top, percent)
    for (name, series), color in zip(lines, PALETTE):
        line = QLineSeries(name=name)
        line.setPen(QPen(QColor(color), 2))
        for i, value in enumerate(series):
            if value is not None:
                line.append(QPointF(i, value * scale))
        _attach(chart, line, x, y)
    if target is not None:
        line = QLineSeries(name=target[0])
        pen = QPen(QColor(TARGET_COLOR), 1.5, Qt.DashLine)
        line.setPen(pen)
        line.append([QPointF(-0.5, target[1] * scale), QPointF(max(len(labels) - 0.5, 0.5), target[1] * scale)])
        _attach(chart, line, x, y)
    return _view(chart)


def bar_chart(title: str, labels: Sequence[str], values: Sequence[int]) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    bars = QBarSet(title)
    bars.setColor(QColor(PALETTE[0]))
    bars.append([float(v) for v in values])
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    x, y = _axes(chart, labels, max([*values, 1]) * 1.15, False)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().hide()
    return _view(chart)


def _attach(chart: QChart, series: QLineSeries, x: QBarCategoryAxis, y: QValueAxis) -> None:
    chart.addSeries(series)
    series.attachAxis(x)
    series.attachAxis(y)
