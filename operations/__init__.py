"""StrongStride's application layer: every operation a runner can do, without Qt.

The window (`desktop`) and the command line (`cli`) both call these functions, with keyword
arguments; nothing else does the same work. Every function may run on a worker thread: it
touches no widget, only the store, the importers and the planner, and returns plain values.

This module stays light (`strongstride --version` imports only it): import submodules directly.
"""

__version__ = "0.1.0"
