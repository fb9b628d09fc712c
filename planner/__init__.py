"""Pure training logic: load model, season, strength frequency, placement, content, checklists.

No Qt, no SQLAlchemy, no files, no clock: today is always a parameter.
"""
