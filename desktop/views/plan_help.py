"""Help > How your plan is made: DOMAIN's rules in plain words, and a glossary of the window's
terms. The numbers come from `planner.defaults`, so the page says what the planner does."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from planner import defaults as D


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def how_the_plan_is_made() -> str:
    low, high = round(D.VOL_LOW[0] * 100), round(D.VOL_HIGH[0] * 100)
    steps = [
        tr(
            "<b>What you ran.</b> Every activity gets one load figure: from heart rate when it "
            "was recorded, else from pace, else from effort × minutes, all on one scale."
        ),
        tr(
            "<b>Your volume.</b> The last {recent} weeks of running time against your usual "
            "week (the middle of your active weeks over half a year, or your answer in the "
            "welcome): below {low} % is low, above {high} % is high. One easy week does not "
            "flip it."
        ).format(recent=D.VOL_RECENT_WEEKS[0], low=low, high=high),
        tr(
            "<b>Your season.</b> The weeks before each goal race (A) become base, build, peak, "
            "taper and race week; recovery follows the race. Tune-up (B) and training (C) "
            "races never change the phase."
        ),
        tr(
            "<b>How many sessions.</b> One a week is the baseline; two when you run little or "
            "in base; one in build, peak and taper; one light session in a goal-race week; none "
            "while your legs recover from the race."
        ),
        tr(
            "<b>Which days.</b> After a key workout rather than before it, never the day before "
            "your long run, at least 48 hours apart, only on the days you marked, and nothing "
            "heavy in the last days before a race."
        ),
        tr(
            "<b>What is in a session.</b> Warm-up, jumps once you have earned them, a squat or "
            "hinge and a single-leg lift, one push and one pull, and core that resists movement. "
            "Its length is counted from its sets and rests."
        ),
        tr(
            "<b>How the weights go up.</b> Keep the weight until every set reaches the top of the "
            "range in {n} sessions in a row, then add a small step and start again at the "
            "bottom. Holds grow by {h} seconds; bodyweight work moves to a harder variant. Log "
            "your sets in gym mode (or `strongstride log --set`) and the next session follows."
        ).format(n=D.PROGRESS_RULE, h=D.HOLD_STEP[0]),
        tr(
            "<b>Every change re-plans the week.</b> Done, skipped or moved sessions stay as "
            "logged; the rest of the week is planned again around them, and Undo takes it back."
        ),
    ]
    return (
        "<h3>"
        + tr("How your plan is made")
        + "</h3><ol>"
        + "".join(f"<li>{s}</li>" for s in steps)
        + "</ol>"
    )


GLOSSARY = (
    (
        "Load",
        "How hard an activity or a week was, on one scale for all sports; a hard hour of "
        "running is about 100. Shown beside your usual week's load.",
    ),
    ("Fitness (CTL)", "Chronic training load: your daily load averaged over about six weeks."),
    ("Fatigue (ATL)", "Acute training load: your daily load averaged over about one week."),
    (
        "Effort (RPE)",
        "Rating of perceived exertion: how hard a session felt, 1 very easy to 10 "
        "maximal, given about half an hour after it.",
    ),
    ("Usual week", "The middle of your active running weeks over about half a year."),
    ("Key run", "A hard workout: intervals, tempo or a race."),
    ("Not logged", "A session whose day has passed without done, skipped or moved."),
    ("Reps in reserve", "How many more reps you could have done; strength sets stop with 2-3."),
    ("Double progression", "More reps at the same weight first, then more weight."),
    ("Monotony", "How alike the days of a week were; varied weeks read lower."),
)


def glossary() -> str:
    rows = "".join(f"<dt><b>{tr(term)}</b></dt><dd>{tr(text)}</dd>" for term, text in GLOSSARY)
    return "<h3>" + tr("Glossary") + f"</h3><dl>{rows}</dl>"


class PlanHelp(QDialog):
    """A readable page, not a message box: it scrolls and its text can be selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("How your plan is made"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(how_the_plan_is_made() + glossary())
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
