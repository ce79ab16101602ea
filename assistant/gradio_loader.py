"""Import Gradio without its import-time type-stub writer.

Every time it is imported, Gradio 6 (``gradio.component_meta.create_or_modify_pyi``, run
for each component class it defines) reads and parses the source of that class and
rewrites the ``.pyi`` stub beside it in the installed package: an aid for Gradio's own
developers' editors, half of ``import gradio`` here (1.2 of 2.3 s of CPU,
``bench/coldstart.py``), and a write into site-packages at run time. ``load_gradio``
imports Gradio with that one function replaced by a no-op as soon as its module is
loaded, before any component class is made; nothing else of Gradio changes (its stubs
are not read at run time).

Not handled: a Gradio already imported in this process is returned as it is.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Any

STUB_WRITER_MODULE = "gradio.component_meta"


def load_gradio() -> ModuleType:
    """``import gradio``, skipping its stub writer (see the module docstring)."""
    if "gradio" in sys.modules:
        return sys.modules["gradio"]
    finder = _SkipStubWriter()
    sys.meta_path.insert(0, finder)
    try:
        import gradio
    finally:
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
    return gradio


def _no_stub(*args: Any, **kwargs: Any) -> None:
    """Stands in for ``create_or_modify_pyi``: writes no stub."""


class _SkipStubWriter(importlib.abc.MetaPathFinder):
    """Finds ``gradio.component_meta`` the usual way, and swaps its stub writer for
    ``_no_stub`` right after the module runs; steps aside for every other module."""

    def find_spec(self, name: str, path: Any = None, target: ModuleType | None = None) -> Any:
        if name != STUB_WRITER_MODULE:
            return None
        sys.meta_path.remove(self)  # one module only; and the search below must not find us
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            if hasattr(module, "create_or_modify_pyi"):
                setattr(module, "create_or_modify_pyi", _no_stub)  # noqa: B010

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec
