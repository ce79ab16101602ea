"""``python -m evals``: the same command as ``briefing eval`` (same flags)."""

import sys

from assistant.cli import main

sys.exit(main(["eval", *sys.argv[1:]]))
