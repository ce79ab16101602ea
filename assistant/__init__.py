"""briefing-assistant: cited answers from your documents, offline.

from assistant import Assistant, ask
answer = Assistant().ask("Did Albania agree to host a UK return hub?")
print(answer.text, answer.citations)
"""

from assistant.briefing import Briefing, BriefingItem, BriefingSection
from assistant.engine import Assistant, ask
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
