"""Data files: exercise library, checklist templates, icons, styles."""
