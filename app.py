"""Start the briefing assistant's chat UI: ``python app.py [--host H] [--port N]``.

The same command as ``briefing serve`` (its flags: ``briefing serve --help``). Serves on http://127.0.0.1:7860 by default; see
``assistant/ui.py`` for the flags, the BRIEFING_* variables and the authentication rule.
"""

import os

# Before anything can import Gradio or the Hugging Face hub: no analytics calls and no
# model downloads from an offline tool.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

from assistant.ui import main

if __name__ == "__main__":
    main()
