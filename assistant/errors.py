"""The one exception tree of the assistant.

Every error a user can cause or fix carries a message that says what to do next.
Errors raised by Chroma, LangChain or sentence-transformers are translated into these
at the boundary where the library is called (``index``, ``embeddings``), so callers
only ever catch ``AssistantError``.

    AssistantError
    ├── QuestionError      the question is empty, too long or holds control characters
    ├── CorpusError        the corpus folder is missing, empty, or holds an unreadable file
    │   └── DocumentNotFound   no document has the id asked for (also a KeyError)
    ├── IndexStoreError    the index folder or Chroma server cannot be used
    ├── ConfigError        a setting has a value that cannot work
    ├── ModelError         the packaged embedding model cannot be loaded
    │   └── ModelServerError   the language model server failed or sent something that is not a reply
    └── CitationError      an answer failed verification (a bug: never shown as an answer)
"""

from __future__ import annotations


class AssistantError(Exception):
    """Root of every error the assistant raises on purpose.

    The message says what went wrong and what to do, in terms of the library (a
    folder, a setting); ``hint``, when set, is the same next step for a command-line
    user (a flag or a command), which entry points add to the message.
    """

    def __init__(self, message: str = "", *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class QuestionError(AssistantError, ValueError):
    """The question cannot be asked as it is."""


class CorpusError(AssistantError):
    """The corpus folder or one of its files cannot be read."""


class DocumentNotFound(CorpusError, KeyError):
    """No document of the corpus has the id asked for."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class IndexStoreError(AssistantError):
    """The index (local folder or Chroma server) cannot be opened or written."""


class ConfigError(AssistantError):
    """A setting has a value that cannot work."""


class ModelError(AssistantError):
    """A model the assistant needs cannot be loaded, or failed."""


class ModelServerError(ModelError):
    """The language model server (optional generative answers) failed or broke the protocol."""


class CitationError(AssistantError):
    """An answer broke a citation invariant; it is never returned to a caller."""
