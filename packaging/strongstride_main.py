"""Entry point frozen by PyInstaller: the packaged app opens the window, or runs a command."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The importer decodes in a process pool; in a frozen app each worker starts this same
    # executable, which must then run the worker instead of the command line. Checked before
    # the command line is imported, so a worker loads only what decoding needs.
    multiprocessing.freeze_support()

    from cli import main

    sys.exit(main(sys.argv[1:]))
