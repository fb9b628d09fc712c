"""StrongStride's window: PySide6 views, background jobs and printing. The only package with
widgets; every operation it offers comes from `operations`.

The application layer (and with it SQLAlchemy) is imported here, before any Qt module: once
PySide6 is loaded it reads the source of every module imported after it (for its
`__feature__` switches), which costs the window's start about 0.1 s for SQLAlchemy's modules
alone.
"""
