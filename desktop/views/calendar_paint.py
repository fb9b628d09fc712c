"""Painting the calendar cells: the month grid's compact lines and the week view's full cards.

A mixin of `CalendarGrid`: it reads the grid's page, plans and selection and records where the
session cards were drawn (`_chips`) so clicks and drags can find them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen

from desktop.views import formatting as fmt
from desktop.views.theme import colors
from planner.model import DayPlan, DayType
from planner.today_next import is_not_logged

WEEK_COLUMN = 118  # month view: the week summary column on the left
HEADER = 26


def load_band(load: float | None) -> str:
    """A run's load as low / mid / high for its dot (TRIMP units)."""
    if load is None:
        return "none"
    if load < 70:
        return "low"
    return "mid" if load < 130 else "high"


@dataclass(frozen=True, slots=True)
class Chip:
    rect: QRect
    day: date
    movable: bool


class CellPainting:
    def _session_pen(self, color: QColor, plan: DayPlan) -> QPen:
        """Solid for logged or coming sessions, dashed for a past one not logged yet."""
        pen = QPen(color, 1.2)
        if (
            plan.strength is not None
            and plan.strength.status == "planned"
            and plan.day < self.today
        ):
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        c = colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), c.window)
        self._chips = []
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        p.setPen(c.muted)
        for col in range(7):
            d = self.first_day + timedelta(days=col)
            r = self.cell_rect(d)
            p.drawText(
                QRect(r.x(), 0, r.width(), HEADER),
                Qt.AlignmentFlag.AlignCenter,
                d.strftime("%a %d %b" if self.week_mode else "%a"),
            )
        for row in range(self.rows):
            week_start = self.first_day + timedelta(days=7 * row)
            if not self.week_mode:
                self._paint_week_summary(p, week_start, row, small)
            for col in range(7):
                self._paint_day(p, week_start + timedelta(days=col), small)
        p.end()
        if self.first_day in self.days:
            self.plans_painted.emit()

    def _paint_week_summary(self, p: QPainter, week_start: date, row: int, small: QFont) -> None:
        c = colors()
        cell = self.cell_rect(week_start)
        r = QRect(4, cell.y(), WEEK_COLUMN - 10, cell.height())
        plan = self.weeks.get(week_start)
        p.setFont(small)
        p.setPen(c.muted)
        lines = [week_start.strftime(self.tr("Week %V"))]
        if plan is not None:
            lines.append(fmt.phase_name(plan.phase))
            if plan.load is not None and week_start <= self.today:  # nothing run yet ahead
                km = fmt.km_value(plan.load.run_km, self.units)
                lines.append(f"{km:.0f} {self.units}")
                lines.append(self.tr("load {v:.0f}").format(v=plan.load.total_load))
            n = plan.strength_sessions
            lines.append(self.tr("{n} strength").format(n=n))
        p.drawText(r.adjusted(4, 6, 0, 0), Qt.AlignmentFlag.AlignLeft, "\n".join(lines))
        p.setFont(self.font())

    def _paint_day(self, p: QPainter, day: date, small: QFont) -> None:
        c = colors()
        r = self.cell_rect(day)
        plan = self.days.get(day)
        outside = not self.week_mode and day.month != self.month
        bg = c.surface_alt if (outside or day.weekday() >= 5) else c.surface
        p.setPen(QPen(c.border, 1))
        p.setBrush(bg)
        p.drawRoundedRect(QRectF(r).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6)
        if day == self.selected:
            p.setPen(QPen(c.accent, 2 if self.hasFocus() else 1.2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(r).adjusted(2, 2, -2, -2), 6, 6)
        # day number, today in an accent circle
        num = QRect(r.x() + 6, r.y() + 5, 22, 20)
        if day == self.today:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(c.accent)
            p.drawEllipse(num.adjusted(-1, -1, 1, 1))
            p.setPen(c.on_accent)
        else:
            p.setPen(c.muted if outside else c.text)
        p.drawText(num, Qt.AlignmentFlag.AlignCenter, str(day.day))
        if plan is None:
            return
        y = r.y() + 28
        if self.week_mode:
            self._paint_week_day(p, r, y, plan, small)
            return
        p.setFont(small)
        fm = QFontMetrics(small)
        line = fm.height() + 2
        if plan.race is not None:
            self._paint_race(p, r, plan, y, fm)
            y += line
        for act in plan.activities:
            if y + line > r.bottom() - 4:
                break
            band = load_band(act.load.value if act.load else None)
            dot = {"low": c.load_low, "mid": c.load_mid, "high": c.load_high}.get(band, c.border)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(dot)
            p.drawEllipse(QRectF(r.x() + 8, y + line / 2 - 4, 8, 8))
            p.setPen(c.muted if outside else c.text)
            text = self._activity_text(act)
            if act.distance_m and fm.horizontalAdvance(text) > r.width() - 24:
                text = text.split(" · ")[0]  # a narrow cell keeps the distance
            p.drawText(
                QRect(r.x() + 20, y, r.width() - 24, line),
                Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(text, Qt.TextElideMode.ElideRight, r.width() - 24),
            )
            y += line
        if plan.strength is not None and y + line + 4 < r.bottom():
            y = self._paint_strength(p, r, y, plan, fm) + 2
            if is_not_logged(plan, self.today) and y + line < r.bottom():
                y = self._paint_not_logged(p, r, y, line, fm)
        if (
            day >= self.today
            and not plan.activities
            and plan.day_type in (DayType.LONG, DayType.KEY, DayType.EASY)
            and y + line < r.bottom()
        ):
            p.setPen(c.muted)
            p.drawText(QRect(r.x() + 8, y, r.width() - 12, line), 0, self._day_type_text(plan))
        p.setFont(self.font())

    def _paint_not_logged(self, p: QPainter, r: QRect, y: int, line: int, fm: QFontMetrics) -> int:
        """The question under a past session nobody logged."""
        p.setPen(colors().race)
        text = fm.elidedText(
            self.tr("Not logged: log or skip"), Qt.TextElideMode.ElideRight, r.width() - 12
        )
        p.drawText(QRect(r.x() + 8, y, r.width() - 12, line), 0, text)
        return y + line

    def _wrapped(self, p: QPainter, r: QRect, y: int, text: str, color, indent: int = 8) -> int:
        """Draw `text` wrapped to the cell width from `y`; returns the y below it."""
        box = QRect(r.x() + indent, y, r.width() - indent - 6, max(0, r.bottom() - y - 4))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        height = (
            QFontMetrics(p.font())
            .boundingRect(QRect(0, 0, box.width(), 10_000), flags, text)
            .height()
        )
        p.setPen(color)
        p.drawText(box, flags, text)
        return y + min(height, box.height()) + 3

    def _paint_week_day(self, p: QPainter, r: QRect, y: int, plan: DayPlan, small: QFont) -> None:
        """Week view: room for every run, the whole session with its exercises, and the note."""
        c = colors()
        fm = QFontMetrics(small)
        if plan.race is not None:
            self._paint_race(p, r, plan, y, fm)
            y += fm.height() + 4
        p.setFont(small)
        for act in plan.activities:
            band = load_band(act.load.value if act.load else None)
            dot = {"low": c.load_low, "mid": c.load_mid, "high": c.load_high}.get(band, c.border)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(dot)
            p.drawEllipse(QRectF(r.x() + 8, y + fm.height() / 2 - 4, 8, 8))
            y = self._wrapped(p, r, y, self._activity_text(act), c.text, indent=20)
        s = plan.strength
        if s is not None and y < r.bottom() - 3 * fm.height():
            y = self._paint_week_session(p, r, y, plan, small) + 6
        elif (
            plan.day >= self.today
            and not plan.activities
            and plan.day_type in (DayType.LONG, DayType.KEY, DayType.EASY)
        ):
            y = self._wrapped(p, r, y, self._day_type_text(plan), c.muted)
        if plan.note and y < r.bottom() - fm.height():
            y = self._wrapped(p, r, y, plan.note, c.muted)
        if plan.checklist and y < r.bottom() - fm.height():
            must = sum(1 for i in plan.checklist if not i.optional and not i.note)
            self._wrapped(p, r, y, self.tr("Checklist: {n} items").format(n=must), c.muted)
        p.setFont(self.font())

    def _paint_week_session(
        self, p: QPainter, r: QRect, y: int, plan: DayPlan, small: QFont
    ) -> int:
        """The session card of the week view: measured first, then the card, then the text."""
        c = colors()
        s = plan.strength
        bold = QFont(small)
        bold.setBold(True)
        mark = {"done": "✓ ", "skipped": "✗ ", "moved": "→ "}.get(s.status, "")
        lines = [(mark + s.title, bold, c.text)]
        if is_not_logged(plan, self.today):
            lines.append((self.tr("Not logged: log or skip"), bold, c.race))
        lines.append((f"{fmt.intensity_name(s.intensity)} · {s.minutes} min", small, c.muted))
        lines += [
            (f"{e.name} {fmt.dose(e.sets, e.reps, e.seconds)}", small, c.text) for e in s.exercises
        ]
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        width = r.width() - 24
        limit = r.bottom() - 8
        top, yy, placed = y + 2, y + 7, []
        for text, font, color in lines:
            h = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), flags, text).height()
            if yy + h > limit:
                break
            placed.append((QRect(r.x() + 12, yy, width, h), text, font, color))
            yy += h + 2
        color = {"done": c.strength_done, "skipped": c.strength_skipped}.get(s.status, c.strength)
        fill = QColor(color)
        fill.setAlpha(34 if s.status == "planned" else 60)
        chip = QRect(r.x() + 6, top, r.width() - 12, yy + 3 - top)
        p.setPen(self._session_pen(color, plan))
        p.setBrush(fill)
        p.drawRoundedRect(QRectF(chip), 5, 5)
        for rect, text, font, col in placed:
            p.setFont(font)
            p.setPen(col)
            p.drawText(rect, flags, text)
        p.setFont(small)
        self._chips.append(Chip(chip, plan.day, s.status == "planned"))
        return chip.bottom()

    def _activity_text(self, act) -> str:
        if not self.week_mode:  # month cells: distance and time, or the time alone
            name = "" if act.sport == "running" else fmt.sport_name(act.sport) + " "
            if act.distance_m:
                return f"{name}{fmt.distance(act.distance_m, self.units)} · {fmt.duration(act.duration_s)}"
            return name + fmt.duration(act.duration_s)
        parts = [fmt.sport_name(act.sport)]
        if act.distance_m:
            parts.append(fmt.distance(act.distance_m, self.units))
        parts.append(fmt.duration(act.duration_s))
        if self.week_mode and act.load is not None:
            parts.append(self.tr("load {0:.0f}").format(act.load.value))
        return " · ".join(parts)

    def _day_type_text(self, plan: DayPlan) -> str:
        return {
            DayType.LONG: self.tr("Long run"),
            DayType.KEY: self.tr("Key run"),
            DayType.EASY: self.tr("Easy run"),
        }.get(plan.day_type, "")

    def _paint_race(self, p: QPainter, r: QRect, plan: DayPlan, y: int, fm: QFontMetrics) -> None:
        """The priority as a badge in the corner, the race's name as the day's first line."""
        c = colors()
        race = plan.race
        badge = QRectF(r.right() - 28, r.y() + 6, 22, 18)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c.race)
        p.drawRoundedRect(badge, 4, 4)
        p.setPen(c.on_accent)
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(race.priority))
        p.setPen(c.race)
        text = f"{race.name} · {race.distance_km:g} km"
        name = fm.elidedText(text, Qt.TextElideMode.ElideRight, r.width() - 14)
        p.drawText(QRect(r.x() + 8, y, r.width() - 12, fm.height() + 2), 0, name)

    def _paint_strength(
        self, p: QPainter, r: QRect, y: int, plan: DayPlan, fm: QFontMetrics
    ) -> int:
        c = colors()
        s = plan.strength
        lines = 1 if not self.week_mode else 3
        h = fm.height() * lines + 8
        chip = QRect(r.x() + 5, y, r.width() - 10, min(h, r.bottom() - y - 3))
        color = {"done": c.strength_done, "skipped": c.strength_skipped}.get(s.status, c.strength)
        p.setPen(self._session_pen(color, plan))
        fill = type(color)(color)
        fill.setAlpha(40 if s.status == "planned" else 70)
        p.setBrush(fill)
        p.drawRoundedRect(QRectF(chip), 5, 5)
        p.setPen(c.text)
        mark = {"done": "✓ ", "skipped": "✗ ", "moved": "→ "}.get(s.status, "")
        short = s.title if self.week_mode else s.title.split(":")[0]
        title = fm.elidedText(mark + short, Qt.TextElideMode.ElideRight, chip.width() - 10)
        p.drawText(chip.adjusted(6, 4, -4, 0), Qt.AlignmentFlag.AlignLeft, title)
        if self.week_mode:
            detail = f"{fmt.intensity_name(s.intensity)} · {s.minutes} min"
            p.setPen(c.muted)
            p.drawText(
                chip.adjusted(6, 4 + fm.height(), -4, 0),
                Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(detail, Qt.TextElideMode.ElideRight, chip.width() - 10),
            )
            names = ", ".join(e.name for e in s.exercises[:4])
            p.drawText(
                chip.adjusted(6, 4 + 2 * fm.height(), -4, 0),
                Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(names, Qt.TextElideMode.ElideRight, chip.width() - 10),
            )
        self._chips.append(Chip(chip, plan.day, s.status == "planned"))
        return chip.bottom()
