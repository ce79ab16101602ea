"""``assistant.gradio_loader``: Gradio imported without its stub writer still works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CODE = """
from assistant.gradio_loader import _no_stub, load_gradio
gr = load_gradio()
import gradio.component_meta as meta
assert meta.create_or_modify_pyi is _no_stub
assert load_gradio() is gr  # already imported: returned as it is
import sys
assert not any(type(f).__name__ == "_SkipStubWriter" for f in sys.meta_path)
with gr.Blocks() as demo:  # component classes made after the swap work as usual
    box = gr.Textbox(label="Question")
    gr.Button("Ask").click(lambda q: q, box, box)
assert demo.config["components"]
print("ok")
"""


def test_gradio_loads_and_builds_a_page_without_writing_stubs() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GRADIO_ANALYTICS_ENABLED": "False"}
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok")
