"""briefing-assistant: cited answers from your documents, offline.

from assistant import Assistant, ask
answer = Assistant().ask("Did Albania agree to host a UK return hub?")
print(answer.text, answer.citations)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from assistant.errors import (
    AssistantError,
    CitationError,
    ConfigError,
    CorpusError,
    DocumentNotFound,
    IndexStoreError,
    ModelError,
    ModelServerError,
    QuestionError,
)
from assistant.records import Answer, Citation, Document, Hit, Sentence

if TYPE_CHECKING:
    from assistant.briefing import Briefing, BriefingItem, BriefingSection
    from assistant.engine import Assistant, ask

# The engine and the briefing pull in every stage (NumPy, the index, the composers):
# imported on first use, so `import assistant` and `briefing --help` stay instant.
_LAZY = {
    "Assistant": "assistant.engine",
    "ask": "assistant.engine",
    "Briefing": "assistant.briefing",
    "BriefingItem": "assistant.briefing",
    "BriefingSection": "assistant.briefing",
}

__all__ = [
    "Answer",
    "Assistant",
    "AssistantError",
    "Briefing",
    "BriefingItem",
    "BriefingSection",
    "Citation",
    "CitationError",
    "ConfigError",
    "CorpusError",
    "Document",
    "DocumentNotFound",
    "Hit",
    "IndexStoreError",
    "ModelError",
    "ModelServerError",
    "QuestionError",
    "Sentence",
    "ask",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
