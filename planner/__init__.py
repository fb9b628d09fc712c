"""Pure training logic: load model, season, strength frequency, placement, content, checklists.

No Qt, no SQLAlchemy, no files, no clock: today is always a parameter. Entry points:
`planner.history.build_history` (loads, daily series, fitness, volume levels; build once per data
change) and `planner.plan.plan_weeks` (week plans with one reason per decision). Public types
are in `planner.model`; every number is in `planner.defaults` (mirrors DOMAIN.md §11);
`planner.serialize` turns plans and loads into plain dicts for JSON, print and export.

Modules, in the order the planner uses them: heart (HRmax/HRrest), load (TRIMP and stand-ins),
series (daily ledger, CTL/ATL, ratio, monotony), volume (volume level), history (all of these
at once), inputs (`PlanInputs`, everything one plan is made from), season (phases), frequency
(sessions per week), schedule and days (day types), placement (day rules and scores),
experience and plyometrics (beginner, ramps, jumps, rotation), week_context (one week before
placing), week_sessions (which days, around the logs), moves (judging a move by hand), library,
content, progression and sessions (what each session holds), checklists, explain (sentences),
week_notes (the facts behind a week's count, what was done), plan (the named steps of a week).
"""
