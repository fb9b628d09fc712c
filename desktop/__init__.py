"""StrongStride's window: PySide6 views, background jobs and printing. The only package with
widgets; every operation it offers comes from `operations`."""
