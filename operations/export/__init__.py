"""Taking the plan out of the app: calendar files, watch workouts and CSV tables.

`calendar.export_ics` (iCalendar, one event per strength session with stable UIDs),
`workout_fit.write_workout` / `send_to_watch` (FIT workout files) and
`csv.export_activities_csv` / `export_load_csv`. None of them needs Qt.
"""
