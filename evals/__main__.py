"""``python -m evals``: run the eval suite, the same as ``briefing eval``."""

import sys

from evals.runner import main

sys.exit(main())
