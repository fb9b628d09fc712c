"""The painted calendar grid: one widget for the month (weeks x 7) or the week (1 x 7).

Painted rather than built from child widgets so a month with years of data switches in a few
milliseconds. Clicking a strength card or pressing Enter opens it; dragging a planned card to
another day asks to move it. Keyboard: arrows move the selected day, PgUp/PgDn the page, T today.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from desktop.views.calendar_paint import HEADER, WEEK_COLUMN, CellPainting, Chip
from planner.model import DayPlan, WeekPlan

SESSION_MIME = "application/x-strongstride-session"


class CalendarGrid(CellPainting, QWidget):
    session_activated = Signal(object)  # date of the planned session
    move_requested = Signal(object, object)  # from date, to date
    selection_changed = Signal(object)  # date
    page_requested = Signal(int)  # -1 back, +1 forward
    plans_painted = Signal()  # the page has been painted with its plans (each time)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Calendar days"))
        self.setMinimumSize(560, 360)
        self.first_day = date.today()
        self.rows = 6
        self.week_mode = False
        self.month = self.first_day.month
        self.today = date.today()
        self.selected = self.today
        self.units = "km"
        self.days: dict[date, DayPlan] = {}
        self.weeks: dict[date, WeekPlan] = {}
        self._chips: list[Chip] = []
        self._press: tuple[QPoint, Chip] | None = None

    # -- data -------------------------------------------------------------------------------
    def set_page(self, first_day: date, rows: int, *, week_mode: bool, month: int) -> None:
        self.first_day, self.rows, self.week_mode, self.month = first_day, rows, week_mode, month
        self.update()

    def set_plans(self, plans: list[WeekPlan]) -> None:
        for plan in plans:
            self.weeks[plan.week_start] = plan
            for day in plan.days:
                self.days[day.day] = day
        self.update()

    def clear_plans(self) -> None:
        self.days.clear()
        self.weeks.clear()

    def select(self, day: date) -> None:
        if day != self.selected:
            self.selected = day
            self.selection_changed.emit(day)
            self.setAccessibleDescription(day.strftime("%A %d %B %Y"))
        self.update()

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=7 * self.rows - 1)

    # -- geometry ---------------------------------------------------------------------------
    def _left(self) -> int:
        return 0 if self.week_mode else WEEK_COLUMN

    def cell_rect(self, day: date) -> QRect:
        index = (day - self.first_day).days
        row, col = divmod(index, 7)
        w = (self.width() - self._left()) / 7
        h = (self.height() - HEADER) / self.rows
        return QRect(int(self._left() + col * w), int(HEADER + row * h), int(w) - 1, int(h) - 1)

    def day_at(self, pos: QPoint) -> date | None:
        x, y = pos.x() - self._left(), pos.y() - HEADER
        if x < 0 or y < 0:
            return None
        col = int(x / ((self.width() - self._left()) / 7))
        row = int(y / ((self.height() - HEADER) / self.rows))
        if not (0 <= col < 7 and 0 <= row < self.rows):
            return None
        return self.first_day + timedelta(days=row * 7 + col)

    def chip_at(self, pos: QPoint) -> Chip | None:
        return next((c for c in self._chips if c.rect.contains(pos)), None)

    # -- interaction ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if key in steps and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.select(self.selected + timedelta(days=steps[key]))
        elif key == Qt.Key.Key_PageUp:
            self.page_requested.emit(-1)
        elif key == Qt.Key.Key_PageDown:
            self.page_requested.emit(1)
        elif key in (Qt.Key.Key_T, Qt.Key.Key_Home):
            self.select(self.today)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            plan = self.days.get(self.selected)
            if plan is not None and plan.strength is not None:
                self.session_activated.emit(self.selected)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        day = self.day_at(pos)
        if day is not None:
            self.select(day)
        chip = self.chip_at(pos)
        self._press = (pos, chip) if chip is not None else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        start, chip = self._press
        dist = (event.position().toPoint() - start).manhattanLength()
        if chip.movable and dist >= QApplication.startDragDistance():
            self._press = None
            drag = QDrag(self)
            drag.setMimeData(session_mime(chip.day))
            drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None:
            _, chip = self._press
            self._press = None
            self.session_activated.emit(chip.day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        chip = self.chip_at(event.position().toPoint())
        if chip is None:
            super().mouseDoubleClickEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(SESSION_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(SESSION_MIME) and self.day_at(event.position().toPoint()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        target = self.day_at(event.position().toPoint())
        if not mime.hasFormat(SESSION_MIME) or target is None:
            event.ignore()
            return
        source = date.fromisoformat(bytes(mime.data(SESSION_MIME).data()).decode())
        event.acceptProposedAction()
        if source != target:
            self.move_requested.emit(source, target)

    def event(self, ev) -> bool:
        if ev.type() == ev.Type.ToolTip:
            self._show_tooltip(ev)
            return True
        return super().event(ev)

    def _show_tooltip(self, ev) -> None:
        pos = ev.pos()
        if not self.week_mode and pos.x() < WEEK_COLUMN:
            day = self.day_at(QPoint(WEEK_COLUMN + 2, pos.y()))
            plan = self.weeks.get(day - timedelta(days=day.weekday())) if day else None
            text = plan.reason if plan is not None else ""
        else:
            day = self.day_at(pos)
            text = self._day_tooltip(day) if day else ""
        if text:
            QToolTip.showText(ev.globalPos(), text, self)
        else:
            QToolTip.hideText()

    def _day_tooltip(self, day: date) -> str:
        plan = self.days.get(day)
        if plan is None:
            return ""
        parts = []
        if plan.race is not None:
            parts.append(
                self.tr("{p} race: {name}, {km:g} km").format(
                    p=plan.race.priority, name=plan.race.name, km=plan.race.distance_km
                )
            )
        for act in plan.activities:
            load = f" · {self.tr('load')} {act.load.value:.0f}" if act.load else ""
            parts.append(self._activity_text(act) + load)
        if plan.strength is not None:
            parts.append(f"{plan.strength.title}: {plan.strength.reason}")
            if plan.strength.status == "planned" and day < self.today:
                parts.append(self.tr("Not logged yet: open it to mark it done, skipped or moved."))
        if plan.note:
            parts.append(plan.note)
        return "\n".join(parts)


def session_mime(day: date) -> QMimeData:
    mime = QMimeData()
    mime.setData(SESSION_MIME, QByteArray(day.isoformat().encode()))
    return mime
