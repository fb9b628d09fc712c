"""One week on one page: header, seven days, notes space and a look at the next two weeks.

`paint_week_page` lays the week out at the largest font scale that fits the page (trying
smaller scales in steps), and if even the smallest readable scale is too tall it shrinks the
whole drawing uniformly, so a week always ends on exactly one page and nothing is clipped.
Black on white with light grey shading only, so it reads the same on any printer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QPaintDevice, QPainter

from desktop.printing.canvas import GREY_TEXT, INK, SHADE, Canvas
from operations import wording
from planner.logged_sets import describe_last
from planner.model import DayPlan, StrengthSession, WeekPlan

FONT_SCALES = (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.65, 0.6)

# Table columns as fractions of the table width: exercise, dose, load, cue, weight boxes.
COLUMNS = (0.27, 0.13, 0.16, 0.26, 0.18)
COLUMN_TITLES = ("Exercise", "Sets × reps", "Load", "Cue", "Weight used")


@dataclass(frozen=True)
class SheetContent:
    """What one page shows: the week, the weeks after it for the footer, units and today."""

    week: WeekPlan
    following: tuple[WeekPlan, ...] = ()
    units: str = "km"
    today: date | None = None


def paint_week_page(painter: QPainter, device: QPaintDevice, content: SheetContent) -> float:
    """Paint one week onto the current page of `device`; returns the font scale used."""
    width, height = float(device.width()), float(device.height())
    lo, hi = 0, len(FONT_SCALES) - 1  # bisect: smaller scales always need less height
    while lo <= hi:
        mid = (lo + hi) // 2
        if _layout(Canvas(device, FONT_SCALES[mid]), content, width, height) <= height:
            hi = mid - 1
        else:
            lo = mid + 1
    if lo < len(FONT_SCALES):
        scale = FONT_SCALES[lo]
        _layout(Canvas(device, scale, painter), content, width, height, fill=True)
        return scale
    scale = FONT_SCALES[-1]
    shrink = 1.0
    for _ in range(6):  # converges in two or three rounds: wider lines wrap less
        needed = _layout(Canvas(device, scale), content, width / shrink, height / shrink)
        if needed <= height / shrink:
            break
        shrink *= (height / shrink) / needed * 0.995
    painter.save()
    painter.scale(shrink, shrink)
    _layout(Canvas(device, scale, painter), content, width / shrink, height / shrink, fill=True)
    painter.restore()
    return scale * shrink


def _layout(c: Canvas, content: SheetContent, width: float, height: float, fill=False) -> float:
    """Lay out (and, with a painter, draw) the page; returns the height it needs."""
    y = _header(c, content, 0.0, width)
    y += c.pt(6)
    for day in content.week.days:
        y += _day(c, day, content, 0.0, y, width)
    footer_h = _footer(c, content, 0.0, None, width)
    needed = y + c.pt(8) + footer_h
    if fill and c.painter is not None:
        footer_top = max(needed, height) - footer_h
        _notes(c, 0.0, y + c.pt(8), width, footer_top - c.pt(8))
        _footer(c, content, 0.0, footer_top, width)
    return needed


def _header(c: Canvas, content: SheetContent, y: float, width: float) -> float:
    week = content.week
    top = y
    small = c.font(7, bold=True)
    c.text(small, 0, y, width, "STRONGSTRIDE · WEEKLY TRAINING SHEET", color=GREY_TEXT)
    c.text(c.font(7), 0, y, width, "Name ______________________", align_right=True)
    y += c.line_height(small) + c.pt(2)

    box_w = c.pt(150)
    phase = wording.PHASE_NAMES.get(week.phase, str(week.phase)).upper()
    n = week.strength_sessions
    sessions = f"{n} strength session{'s' if n != 1 else ''}\n"
    sessions += f"{str(week.volume_level).capitalize()} running volume"
    box_font, box_small = c.font(10, bold=True), c.font(7)
    sessions_lines = len(c.wrap(box_small, sessions, box_w - c.pt(8)))
    box_h = c.line_height(box_font) + c.line_height(box_small) * sessions_lines + c.pt(6)
    bx = width - box_w
    title_h = c.text(c.font(17, bold=True), 0, y, bx - c.pt(10), wording.week_title(week))
    c.box(bx, y, box_w, box_h, weight=1.0)
    c.text(box_font, bx + c.pt(4), y + c.pt(3), box_w - c.pt(8), phase)
    c.text(
        box_small, bx + c.pt(4), y + c.pt(3) + c.line_height(box_font), box_w - c.pt(8), sessions
    )
    volume_y = y + title_h + c.pt(1)
    volume_h = c.text(
        c.font(9.5),
        0,
        volume_y,
        bx - c.pt(10),
        wording.running_volume(week, content.units, content.today),
    )
    y = max(volume_y + volume_h, y + box_h) + c.pt(5)

    reason_font = c.font(8.5, italic=True)
    reason_h = c.text(reason_font, c.pt(7), y, width - c.pt(7), week.reason)
    if c.painter is not None and reason_h:
        c.fill(0, y, c.pt(2.5), reason_h, INK)
    y += reason_h + c.pt(5)
    c.rule(0, y, width, weight=1.5, color=INK)
    return y - top + c.pt(1)


def _day(c: Canvas, day: DayPlan, content: SheetContent, x: float, y: float, width: float) -> float:
    pad = c.pt(4)
    label_w = c.pt(46)
    cx, cw = x + label_w + c.pt(6), width - label_w - c.pt(6)
    cy = y + pad
    body = c.font(8.5)

    if day.race is not None:
        race_font = c.font(9, bold=True)
        race_text = wording.race_line(day, content.units)
        rw = min(cw, c.text_width(race_font, race_text) + c.pt(10))
        rh = len(c.wrap(race_font, race_text, rw - c.pt(8))) * c.line_height(race_font)
        c.fill(cx, cy, rw, rh + c.pt(3), INK)
        c.text(race_font, cx + c.pt(4), cy + c.pt(1.5), rw - c.pt(8), race_text, color=SHADE)
        cy += rh + c.pt(5)
    for line in wording.run_lines(day, content.units, content.today):
        cy += c.text(body, cx, cy, cw, line)
    if day.note:
        cy += c.text(c.font(7.5, italic=True), cx, cy, cw, day.note, color=GREY_TEXT)
    if day.strength is not None:
        cy += c.pt(3)
        cy += _session(c, day.strength, cx, cy, cw, content.units)
    if day.checklist:
        cy += c.pt(3)
        cy += _checklist(c, day, cx, cy, cw)

    c.text(c.font(10, bold=True), x, y + pad, label_w, f"{day.day:%a}")
    label_h = c.line_height(c.font(10, bold=True))
    c.text(c.font(8), x, y + pad + label_h, label_w, f"{day.day:%-d %b}", color=GREY_TEXT)
    if day.strength is not None:
        c.text(c.font(6.5, bold=True), x, y + pad + label_h * 2, label_w, "STRENGTH")
    bottom = max(cy, y + pad + label_h * 2 + c.line_height(c.font(6.5))) + pad
    c.rule(x, bottom, x + width, weight=0.5)
    return bottom - y


def _session(
    c: Canvas, session: StrengthSession, x: float, y: float, width: float, units: str = "km"
) -> float:
    top = y
    y += c.text(c.font(9, bold=True), x, y, width, wording.session_heading(session))
    if session.reason:
        y += c.text(c.font(7.5, italic=True), x, y, width, session.reason, color=GREY_TEXT)
    y += c.pt(2)
    widths = [f * width for f in COLUMNS]
    lefts = [x + sum(widths[:i]) for i in range(len(widths))]
    cell_pad = c.pt(2.5)
    head_font = c.font(7, bold=True)
    head_h = c.line_height(head_font) + 2 * c.pt(1.5)
    c.fill(x, y, width, head_h, SHADE)
    for left, w, title in zip(lefts, widths, COLUMN_TITLES, strict=True):
        c.text(head_font, left + cell_pad, y + c.pt(1.5), w - 2 * cell_pad, title)
    y += head_h
    for ex in session.exercises:
        y += _exercise_row(c, ex, lefts, widths, y, cell_pad, units)
        c.rule(x, y, x + width, weight=0.4)
    return y - top


def _exercise_row(
    c: Canvas, ex, lefts, widths, y: float, cell_pad: float, units: str = "km"
) -> float:
    name_font, cell_font, small = c.font(8, bold=True), c.font(7.5), c.font(6.5)
    top = y + c.pt(2)
    inner = [w - 2 * cell_pad for w in widths]
    heights = [
        c.text(name_font, lefts[0] + cell_pad, top, inner[0], ex.name),
        c.text(cell_font, lefts[1] + cell_pad, top, inner[1], wording.dose(ex))
        + c.text(
            small,
            lefts[1] + cell_pad,
            top + c.line_height(cell_font) * len(c.wrap(cell_font, wording.dose(ex), inner[1])),
            inner[1],
            wording.rest(ex),
            color=GREY_TEXT,
        ),
        c.text(cell_font, lefts[2] + cell_pad, top, inner[2], _load_text(ex, units)),
        c.text(cell_font, lefts[3] + cell_pad, top, inner[3], ex.cue, color=GREY_TEXT),
        _weight_boxes(c, ex, lefts[4] + cell_pad, top, inner[4]),
    ]
    return max(heights) + c.pt(4)


def _load_text(ex, units: str) -> str:
    """The load hint, and what was logged last time when there is a log."""
    last = describe_last(ex.last, hold=bool(ex.seconds), units=units)
    hint = wording.ranges(ex.load_hint)
    return f"{hint}; last time {last}" if last else hint


def _weight_boxes(c: Canvas, ex, x: float, y: float, width: float) -> float:
    """One empty box per set, to write the weight used; wraps to a second row if needed.

    Jumps carry no weight and come in many short sets, so they get a note instead of boxes.
    """
    if "plyo" in ex.pattern:
        return c.text(c.font(6.5, italic=True), x, y, width, "no weight", color=GREY_TEXT)
    sets = ex.sets
    bw, bh, gap = c.pt(17), c.pt(11), c.pt(3)
    per_row = max(1, int((width + gap) // (bw + gap)))
    rows = (max(sets, 1) + per_row - 1) // per_row
    for i in range(max(sets, 1)):
        row, col = divmod(i, per_row)
        c.box(x + col * (bw + gap), y + row * (bh + gap), bw, bh)
    return rows * bh + (rows - 1) * gap


def _checklist(c: Canvas, day: DayPlan, x: float, y: float, width: float) -> float:
    """Tick boxes with labels, flowing left to right and wrapping like words."""
    font = c.font(7.5)
    line_h = c.line_height(font)
    side = c.metrics(font).ascent() * 0.85
    gap, item_gap = c.pt(3), c.pt(10)
    cx, cy, row_h = x, y, line_h
    for item in day.checklist:
        text = wording.checklist_text(item)
        skip = wording.not_today(item)
        item_w = side + gap + c.text_width(font, text)
        if cx > x and cx + item_w > x + width:
            cx, cy, row_h = x, cy + row_h + c.pt(1), line_h
        if not skip:  # an item ruled out for today gets no box to tick
            c.box(cx, cy + (line_h - side) / 2, side, side, weight=0.7)
        text_w = min(item_w, x + width - cx) - side - gap
        color = GREY_TEXT if skip else INK
        h = c.text(font, cx + side + gap, cy, text_w + 0.5, text, color=color)
        row_h = max(row_h, h)
        cx += item_w + item_gap
    return cy + row_h - y


def _notes(c: Canvas, x: float, y: float, width: float, bottom: float) -> None:
    """Ruled lines for notes in whatever space the week leaves free."""
    step = c.pt(17)
    if bottom - y < step * 2:
        return
    font = c.font(7, bold=True)
    c.text(font, x, y, width, "NOTES", color=GREY_TEXT)
    line_y = y + step
    while line_y <= bottom:
        c.rule(x, line_y, x + width, weight=0.4)
        line_y += step


def _footer(c: Canvas, content: SheetContent, x: float, y: float | None, width: float) -> float:
    """The next two weeks at a glance; measures only when y is None."""
    measuring = y is None
    saved, c.painter = c.painter, (None if measuring else c.painter)
    try:
        y0 = 0.0 if measuring else y
        c.rule(x, y0, x + width, weight=1.0, color=INK)
        yy = y0 + c.pt(3)
        head = c.font(7, bold=True)
        yy += c.text(head, x, yy, width, "NEXT TWO WEEKS AT A GLANCE", color=GREY_TEXT)
        col_w = (width - c.pt(12)) / 2
        following = content.following[:2]
        heights = [0.0]
        for i, week in enumerate(following):
            cx = x + i * (col_w + c.pt(12))
            h = c.text(c.font(8, bold=True), cx, yy, col_w, wording.week_dates(week.week_start))
            h += c.text(c.font(7.5), cx, yy + h, col_w, wording.glance_line(week))
            heights.append(h)
        if not following:
            heights.append(c.text(c.font(7.5), x, yy, width, "Not planned yet."))
        yy += max(heights) + c.pt(3)
        legend = "Write the weight you lifted in each set's box; tick each item when done."
        yy += c.text(c.font(6.5, italic=True), x, yy, width, legend, color=GREY_TEXT)
        return yy - y0
    finally:
        c.painter = saved
