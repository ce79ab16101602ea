"""Settings for the entry points (CLI, app, eval runner), read once into a frozen record.

Precedence: an explicit argument, then an environment variable, then the default.
Library code (``Assistant``) never reads the environment; only ``Settings.from_env`` does,
and only when an entry point calls it.

| setting            | environment variable          | default                                  |
|--------------------|-------------------------------|------------------------------------------|
| corpus             | BRIEFING_CORPUS               | ``corpus/`` of this checkout             |
| index_dir          | BRIEFING_INDEX_DIR            | ``.index/<corpus name>-<hash>`` here     |
| chroma_url         | BRIEFING_CHROMA_URL           | none: embedded Chroma in ``index_dir``   |
| collection         | BRIEFING_COLLECTION           | ``briefing-<corpus folder name>``        |
| max_question_chars | BRIEFING_MAX_QUESTION_CHARS   | 2000                                     |
| host, port         | BRIEFING_HOST, BRIEFING_PORT  | 127.0.0.1, 7860                          |
| auth, auth_file    | BRIEFING_AUTH, BRIEFING_AUTH_FILE | none (required off loopback)         |
| llm_url, llm_model | BRIEFING_LLM_URL, BRIEFING_LLM_MODEL | none: extractive answers          |
| llm_api_key        | BRIEFING_LLM_API_KEY          | none                                     |
| max_file_mb        | BRIEFING_MAX_FILE_MB          | 10 (larger files are skipped)            |
| strict             | BRIEFING_STRICT               | off: bad files are skipped, not refused  |
| follow_links       | BRIEFING_FOLLOW_LINKS         | off: links leaving the corpus are skipped |
| query_encoder      | BRIEFING_QUERY_ENCODER        | ``numpy`` (or ``sentence-transformers``) |
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.generative import ChatModel

PROJECT_ROOT = Path(__file__).resolve().parents[1]
MAX_QUESTION_CHARS = 2000  # the same default as assistant.question (kept import-light here)
MAX_FILE_MB = 10  # the same default as assistant.corpus.MAX_FILE_BYTES
# The command-line flags of the number settings that have one (the question limit has none).
NUMBER_FLAGS = {"port": "--port", "max_file_mb": "--max-file-mb"}
TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")
QueryEncoderName = Literal["numpy", "sentence-transformers"]
QUERY_ENCODERS: tuple[QueryEncoderName, ...] = ("numpy", "sentence-transformers")  # see assistant.embeddings


def default_corpus() -> Path:
    """``corpus/`` of this checkout, or of the working directory when installed elsewhere."""
    here = PROJECT_ROOT / "corpus"
    return here if here.is_dir() else Path.cwd() / "corpus"


def default_index_dir(corpus: Path) -> Path:
    """One index folder per corpus folder, under ``.index/`` of the checkout (git-ignored)."""
    resolved = corpus.resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    root = PROJECT_ROOT if (PROJECT_ROOT / "pyproject.toml").exists() else Path.cwd()
    return root / ".index" / f"{_slug(resolved.name)}-{digest}"


def default_collection(corpus: Path) -> str:
    """Chroma collection prefix: the corpus folder's name, the same on every machine."""
    return f"briefing-{_slug(corpus.resolve().name)}"


def chroma_address(url: str) -> tuple[str, int, bool]:
    """(host, port, https) of a Chroma server URL, or a ``ConfigError`` saying what is wrong.

    >>> chroma_address("http://127.0.0.1:8000"), chroma_address("https://[::1]")
    (('127.0.0.1', 8000, False), ('::1', 443, True))
    """
    from urllib.parse import urlparse

    try:
        parsed = urlparse(url)
        port = parsed.port
    except ValueError as exc:
        raise ConfigError(f"the Chroma URL {url!r} cannot be read ({exc}): write it as http://HOST:PORT") from None
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ConfigError(f"the Chroma URL {url!r} is not an http(s)://HOST:PORT address")
    https = parsed.scheme == "https"
    return parsed.hostname, port or (443 if https else 8000), https


def _flag(name: str, value: Any) -> bool:
    """A yes/no setting from a flag (a bool) or an environment variable ("1", "true", ...)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE or text in FALSE:
        return text in TRUE
    raise ConfigError(f"BRIEFING_{name.upper()} must be 1 or 0 (true or false), not {value!r}")


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", name).strip("-").lower()
    return (slug or "corpus")[:40]


@dataclass(frozen=True)
class Settings:
    corpus: Path | None = None
    index_dir: Path | None = None
    chroma_url: str | None = None
    collection: str | None = None
    max_question_chars: int = MAX_QUESTION_CHARS
    host: str = "127.0.0.1"
    port: int = 7860
    auth: str | None = None
    auth_file: Path | None = None
    llm_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    max_file_mb: int = MAX_FILE_MB
    strict: bool = False
    follow_links: bool = False
    query_encoder: QueryEncoderName = "numpy"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``overrides`` (arguments; ``None`` means unset), then ``env``, then defaults."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"BRIEFING_{f.name.upper()}")
            if raw not in (None, ""):
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
        return cls()._with(values)

    def _with(self, values: Mapping[str, Any]) -> Settings:
        converted: dict[str, Any] = {}
        for name, value in values.items():
            if name in ("corpus", "index_dir", "auth_file"):
                converted[name] = Path(value).expanduser()
            elif name == "chroma_url":
                chroma_address(str(value))  # a bad address fails here, before anything loads
                converted[name] = str(value)
            elif name in ("strict", "follow_links"):
                converted[name] = _flag(name, value)
            elif name in ("max_question_chars", "port", "max_file_mb"):
                where = f"BRIEFING_{name.upper()}" + (f" or {NUMBER_FLAGS[name]}" if name in NUMBER_FLAGS else "")
                try:
                    converted[name] = int(value)
                except (TypeError, ValueError):
                    raise ConfigError(f"{name} must be a whole number, not {value!r}: fix {where}") from None
                top = 65535 if name == "port" else None
                if converted[name] <= 0 or (top is not None and converted[name] > top):
                    allowed = f"from 1 to {top}" if top else "at least 1"
                    raise ConfigError(f"{name} {converted[name]} is out of range: it must be {allowed}; fix {where}")
            elif name == "query_encoder":
                if value not in QUERY_ENCODERS:
                    raise ConfigError(
                        f"unknown query encoder {value!r}: set BRIEFING_QUERY_ENCODER or --query-encoder "
                        f"to one of {', '.join(QUERY_ENCODERS)}"
                    )
                converted[name] = str(value)
            else:
                converted[name] = str(value)
        return replace(self, **converted)

    def chat_model(self) -> ChatModel | None:
        """The language model to write answers with, or None for extractive answers."""
        if not self.llm_url:
            return None
        if not self.llm_model:
            raise ConfigError("BRIEFING_LLM_URL is set but BRIEFING_LLM_MODEL is not: name the model to use")
        from assistant.generative import OpenAICompatibleModel

        return OpenAICompatibleModel(self.llm_url, self.llm_model, api_key=self.llm_api_key)

    def engine_options(self) -> dict[str, Any]:
        """Keyword arguments for ``Assistant`` from these settings (corpus, index, question
        limit, language model, query encoder and ``corpus_options``); callers add their own
        ``progress``, ``notify`` and ``rebuild``."""
        return {
            "corpus": self.corpus_dir,
            "index_dir": self.index_path,
            "chroma_url": self.chroma_url,
            "collection": self.collection,
            "max_question_chars": self.max_question_chars,
            "llm": self.chat_model(),
            "query_encoder": self.query_encoder,
            **self.corpus_options(),
        }

    def corpus_options(self) -> dict[str, Any]:
        """How ``Assistant`` reads the corpus folder: keyword arguments from these settings."""
        return {
            "strict": self.strict,
            "follow_links": self.follow_links,
            "max_file_bytes": self.max_file_mb * 1024 * 1024,
        }

    @property
    def corpus_dir(self) -> Path:
        return self.corpus or default_corpus()

    @property
    def index_path(self) -> Path:
        return self.index_dir or default_index_dir(self.corpus_dir)

    @property
    def collection_name(self) -> str:
        return self.collection or default_collection(self.corpus_dir)
