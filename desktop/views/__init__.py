"""The window's views: calendar, session card, checklist, load, activities, races, settings."""
