"""The calendar page: a header to move between months or weeks, the week's story, the grid.

The view owns no data access: it asks for weeks with `range_needed(first_day, weeks)` and the
window answers with `set_plans()` from a background job.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views import formatting as fmt
from desktop.views.calendar_grid import CalendarGrid
from desktop.views.today_strip import TodayStrip, legend_text
from planner.comparison import Comparison
from planner.model import WeekPlan


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_page(day: date) -> tuple[date, int]:
    """First Monday shown and number of week rows for the month holding `day`."""
    first = day.replace(day=1)
    start = monday(first)
    next_month = (first + timedelta(days=32)).replace(day=1)
    rows = ((next_month - start).days + 6) // 7
    return start, rows


class CalendarView(QWidget):
    range_needed = Signal(object, int)  # first Monday, number of weeks
    session_activated = Signal(object)
    move_requested = Signal(object, object)
    selection_changed = Signal(object)
    undo_requested = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Calendar"))
        self.today = today
        self.week_mode = False
        self.comparison: Comparison | None = None
        self.grid = CalendarGrid(self)
        self.grid.today = today
        self.grid.selected = today
        self._build()
        self.grid.page_requested.connect(self.page)
        self.grid.selection_changed.connect(self._on_selection)
        self.grid.session_activated.connect(self.session_activated)
        self.grid.move_requested.connect(self.move_requested)
        self._show_page()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        self.strip = TodayStrip(self)
        self.strip.session_activated.connect(self.session_activated)
        layout.addWidget(self.strip)
        bar = QHBoxLayout()
        self.prev_button = self._nav("‹", self.tr("Previous (PgUp)"), lambda: self.page(-1))
        self.today_button = self._nav(self.tr("Today"), self.tr("Go to today (T)"), self.go_today)
        self.next_button = self._nav("›", self.tr("Next (PgDn)"), lambda: self.page(1))
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.title.setAccessibleName(self.tr("Shown period"))
        for w in (self.prev_button, self.today_button, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.title)
        bar.addStretch(1)
        self.month_button = self._nav(self.tr("Month"), self.tr("Month view (M)"), None)
        self.week_button = self._nav(self.tr("Week"), self.tr("Week view (W)"), None)
        group = QButtonGroup(self)
        for b in (self.month_button, self.week_button):
            b.setCheckable(True)
            group.addButton(b)
            bar.addWidget(b)
        self.month_button.setChecked(True)
        self.month_button.clicked.connect(lambda: self.set_week_mode(False))
        self.week_button.clicked.connect(lambda: self.set_week_mode(True))
        layout.addLayout(bar)
        self.week_info = QLabel(self)
        self.week_info.setWordWrap(True)
        self.week_info.setProperty("role", "muted")
        self.week_info.setAccessibleName(self.tr("This week's plan"))
        self.week_info.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.week_info)
        self.banner = QLabel(self)
        self.banner.setObjectName("replanBanner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("What changed"))
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.linkActivated.connect(lambda _link: self.undo_requested.emit())
        self.banner.hide()
        self.banner_timer = QTimer(self)
        self.banner_timer.setSingleShot(True)
        self.banner_timer.setInterval(15000)
        self.banner_timer.timeout.connect(self.banner.hide)
        layout.addWidget(self.banner)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self._legend())
        for key, slot in (
            ("M", lambda: self.set_week_mode(False)),
            ("W", lambda: self.set_week_mode(True)),
        ):
            sc = QShortcut(QKeySequence(key), self.grid)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(slot)

    def _legend(self) -> QLabel:
        """One line under the grid explaining its dots, borders and marks."""
        self.legend = QLabel(legend_text(), self)
        self.legend.setProperty("role", "muted")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Legend"))
        return self.legend

    def _nav(self, text: str, tip: str, slot) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setProperty("role", "nav")
        b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if slot is not None:
            b.clicked.connect(slot)
        return b

    # -- navigation -------------------------------------------------------------------------
    @property
    def selected(self) -> date:
        return self.grid.selected

    def set_week_mode(self, on: bool) -> None:
        self.week_mode = on
        (self.week_button if on else self.month_button).setChecked(True)
        self._show_page()

    def go_today(self) -> None:
        self.grid.select(self.today)
        self._show_page()

    def go_to(self, day: date) -> None:
        self.grid.select(day)
        self._show_page()

    def page(self, step: int) -> None:
        sel = self.grid.selected
        if self.week_mode:
            target = sel + timedelta(days=7 * step)
        else:
            month = sel.month - 1 + step
            year = sel.year + month // 12
            first = date(year, month % 12 + 1, 1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            target = first.replace(day=min(sel.day, last.day))
        self.grid.select(target)
        self._show_page()

    def _on_selection(self, day: date) -> None:
        if not (self.grid.first_day <= day <= self.grid.last_day) or (
            not self.week_mode and day.month != self.grid.month
        ):
            self._show_page()
        else:
            self._update_week_info()
        self.selection_changed.emit(day)

    def _show_page(self) -> None:
        sel = self.grid.selected
        if self.week_mode:
            start, rows = monday(sel), 1
            end = start + timedelta(days=6)
            self.title.setText(
                self.tr("Week {week} · {first} – {last}").format(
                    week=start.isocalendar().week,
                    first=start.strftime("%d %b"),
                    last=end.strftime("%d %b %Y"),
                )
            )
        else:
            start, rows = month_page(sel)
            self.title.setText(sel.strftime("%B %Y"))
        self.grid.set_page(start, rows, week_mode=self.week_mode, month=sel.month)
        self._update_week_info()
        self.range_needed.emit(start, rows)

    def show_banner(self, text: str, *, undo: bool = False) -> None:
        """Say what the last action changed, for a few seconds, with Undo when it can be undone."""
        link = f" &nbsp;<a href='undo'>{self.tr('Undo')}</a>" if undo else ""
        self.banner.setText(html.escape(text) + link)
        self.banner.show()
        self.banner_timer.start()

    # -- data -------------------------------------------------------------------------------
    def set_plans(self, plans: list[WeekPlan]) -> None:
        self.grid.set_plans(plans)
        self._update_week_info()
        self.strip.show_days(self.grid.days, self.today)

    def invalidate(self) -> None:
        self.grid.clear_plans()
        self._show_page()

    def _basis_note(self) -> str:
        """With no runs imported, say what the plan rests on instead."""
        c = self.comparison
        if c is None or c.recent_min:
            return ""
        if c.usual_min:
            usual = fmt.duration(c.usual_min * 60)
            return self.tr(
                "<b>No runs imported yet</b>: the plan assumes your usual week of {usual} "
                "running. Import your runs (File > Import) to fit it to what you do."
            ).format(usual=usual)
        return self.tr(
            "<b>No runs imported yet</b>: the plan assumes a normal running week. Import your "
            "runs (File > Import) or tell it your usual week in Settings."
        )

    def set_comparison(self, comparison: Comparison) -> None:
        """The usual week's load, so a week's load reads against it."""
        self.comparison = comparison
        self._update_week_info()

    def set_units(self, units: str) -> None:
        self.grid.units = units
        self.strip.units = units
        self.grid.update()

    def week_plan(self, day: date) -> WeekPlan | None:
        return self.grid.weeks.get(monday(day))

    def _update_week_info(self) -> None:
        plan = self.week_plan(self.grid.selected)
        if plan is None:
            self.week_info.setText("")
            return
        bits = [f"<b>{fmt.phase_name(plan.phase)}</b>"]
        if plan.load is not None:
            km = fmt.km_value(plan.load.run_km, self.grid.units)
            bits.append(f"{km:.0f} {self.grid.units} " + self.tr("running"))
            usual = self.comparison.usual_load if self.comparison is not None else None
            load = plan.load.total_load
            bits.append(
                self.tr("load {v:.0f} (your usual week ≈ {u:.0f})").format(v=load, u=usual)
                if usual
                else self.tr("load {v:.0f}").format(v=load)
            )
        n = plan.strength_sessions
        bits.append(
            self.tr("1 strength session")
            if n == 1
            else self.tr("{n} strength sessions").format(n=n)
        )
        text = " · ".join(bits)
        basis = self._basis_note()
        if basis:
            text += "<br>" + basis
        if plan.reason:
            text += "<br>" + plan.reason
        self.week_info.setText(text)
        self.week_info.setToolTip(plan.reason)
