"""StrongStride's window: PySide6 views, background jobs and printing. The only package with
widgets; every operation it offers comes from `operations`.

The window's modules import the parts of the application layer that need SQLAlchemy through
`desktop.deferred`: a start paints the page kept at the last start first, and those parts load
afterwards on a job thread.
"""
