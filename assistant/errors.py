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
    ├── ModelServerError   the language model server failed or sent something that is not a reply
    └── CitationError      an answer failed verification (a bug: never shown as an answer)
"""

from __future__ import annotations


class AssistantError(Exception):
    """Root of every error the assistant raises on purpose."""


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


class ModelServerError(AssistantError):
    """The language model server (optional generative answers) failed or broke the protocol."""


class CitationError(AssistantError):
    """An answer broke a citation invariant; it is never returned to a caller."""
