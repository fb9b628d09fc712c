"""Entry point frozen by PyInstaller: the packaged app opens the window, or runs a command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
