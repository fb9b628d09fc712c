"""The strip at the top of the calendar: today first, then the next session, then anything not
logged, and a legend for the calendar's borders, marks and dots.

Links in the strip open a session (`session_activated(day)`); the text comes from
`planner.today_next`, so the strip only words and shows it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.views import formatting as fmt
from desktop.views.theme import colors
from planner.model import DayPlan, DayType
from planner.today_next import TodayAndNext, today_and_next


class TodayStrip(QFrame):
    session_activated = Signal(object)  # the day of the session to open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayStrip")
        self.setAccessibleName(self.tr("Today and next"))
        self.units = "km"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.today_line = QLabel(self)
        self.next_line = QLabel(self)
        self.missed_line = QLabel(self)
        for label in (self.today_line, self.next_line, self.missed_line):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.linkActivated.connect(lambda link: self._open(link))
            layout.addWidget(label)
        self.missed_line.hide()

    def _open(self, link: str) -> None:
        self.session_activated.emit(date.fromisoformat(link))

    def show_days(self, days: Mapping[date, DayPlan], today: date) -> None:
        """Word today, the next session and the unlogged ones from the planned days."""
        if today not in days:
            return
        summary = today_and_next(days, today)
        self.today_line.setText(self._today_text(summary))
        self.next_line.setText(self._next_text(summary))
        self.missed_line.setText(self._missed_text(summary))
        self.missed_line.setVisible(bool(summary.not_logged))

    def _today_text(self, s: TodayAndNext) -> str:
        if s.runs_done:
            run = ", ".join(
                f"{fmt.distance(a.distance_m, self.units)} {self.tr('in')} "
                f"{fmt.duration(a.duration_s)}"
                if a.distance_m
                else fmt.duration(a.duration_s)
                for a in s.runs_done
            )
            run = self.tr("ran {what}").format(what=run)
        elif s.run_planned is not None:
            run = {
                DayType.LONG: self.tr("long run day"),
                DayType.KEY: self.tr("key run day"),
                DayType.EASY: self.tr("easy run day"),
                DayType.RACE: self.tr("race day"),
            }[s.run_planned]
        else:
            run = self.tr("no run planned")
        if s.strength_today is None:
            lift = self.tr("no strength today")
        else:
            lift = self._session_link(s.strength_today, s.strength_today.title)
            if s.strength_today.status != "planned":
                lift += f" ({html.escape(s.strength_today.status)})"
        head = self.tr("Today, {day}").format(day=f"{s.today:%a} {s.today.day} {s.today:%b}")
        return f"<b>{head}:</b> {html.escape(run)} · {lift}"

    def _next_text(self, s: TodayAndNext) -> str:
        nxt = s.next_session
        if nxt is None:
            return self.tr("<b>Next strength:</b> none planned in the weeks shown")
        when = f"{nxt.day:%a} {nxt.day.day} {nxt.day:%b}"
        link = self._session_link(nxt, f"{when}, {nxt.title}")
        minutes = self.tr("about {m} min").format(m=nxt.minutes)
        return (
            f"<b>{self.tr('Next strength')}:</b> {link} · {minutes}"
            f"<br><span style='color:{colors().muted.name()}'>{html.escape(nxt.reason)}</span>"
        )

    def _missed_text(self, s: TodayAndNext) -> str:
        warn = colors().race.name()
        items = [
            self._session_link(m, f"{m.title.split(':')[0]} on {m.day:%a} {m.day.day} {m.day:%b}")
            for m in s.not_logged
        ]
        return f"<span style='color:{warn}'><b>{self.tr('Not logged')}:</b></span> " + (
            ", ".join(items) + " · " + self.tr("open it to log or skip it")
        )

    @staticmethod
    def _session_link(session, text: str) -> str:
        return f"<a href='{session.day.isoformat()}'>{html.escape(text)}</a>"


def legend_text() -> str:
    """One line explaining the calendar's marks, with the colours it draws."""
    c = colors()

    def dot(color, label: str) -> str:
        return f"<span style='color:{color.name()}'>●</span> {label}"

    parts = [
        fmt.tr("Run load:"),
        dot(c.load_low, fmt.tr("light")),
        dot(c.load_mid, fmt.tr("moderate")),
        dot(c.load_high, fmt.tr("hard")),
        "&nbsp;·&nbsp;" + fmt.tr("Strength:"),
        f"<span style='color:{c.strength.name()}'>▭</span> " + fmt.tr("planned"),
        fmt.tr("dashed ┄ not logged yet"),
        "✓ " + fmt.tr("done"),
        "✗ " + fmt.tr("skipped"),
        "→ " + fmt.tr("moved"),
        "&nbsp;·&nbsp;" + dot(c.race, fmt.tr("race")),
    ]
    return " ".join(parts)
