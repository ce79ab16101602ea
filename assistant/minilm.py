"""all-MiniLM-L6-v2 in NumPy: the model's forward pass over its packaged weights, no torch.

The query path's encoder. It reads the packaged ``model.safetensors`` through a memory
map (only the word-embedding rows a text uses are ever paged in), tokenises with the
model's own ``tokenizer.json`` through ``tokenizers``, and runs the six BERT layers with
NumPy matrix products. Its vectors agree with sentence-transformers' to a cosine of
0.99999+ (``tests/test_embeddings.py``), since it computes the same function in the same
float32 precision; only the order of floating-point sums differs.

Scope: the BERT encoder as ``config.json`` describes it (absolute positions, exact-erf
GELU, post-layer-norm), mean pooling over the attention mask, L2 normalisation, inputs
truncated at ``sentence_bert_config.json``'s ``max_seq_length`` as sentence-transformers
does. Not handled: other architectures, token-type ids other than 0 (single texts only).
"""

from __future__ import annotations

import json
import mmap
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

SAFETENSORS_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Arrays of a ``.safetensors`` file, as read-only views of a memory map (no copy).

    The format: an 8-byte little-endian header length, a JSON header naming each
    tensor's dtype, shape and byte range, then the raw little-endian data.
    """
    with open(path, "rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    (length,) = struct.unpack("<Q", mapped[:8])
    header = json.loads(mapped[8 : 8 + length])
    base = 8 + length
    arrays = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        dtype = np.dtype(SAFETENSORS_DTYPES[spec["dtype"]]).newbyteorder("<")
        arrays[name] = np.frombuffer(mapped, dtype=dtype, count=(end - start) // dtype.itemsize, offset=base + start)
        arrays[name] = arrays[name].reshape(spec["shape"])
    return arrays


def erf(x: np.ndarray) -> np.ndarray:
    """The error function, to 1.5e-7 (Abramowitz and Stegun 7.1.26), elementwise.

    >>> [round(float(v), 6) for v in erf(np.array([-1.0, 0.0, 0.5, 2.0], dtype=np.float32))]
    [-0.842701, 0.0, 0.5205, 0.995322]
    """
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return (sign * (1.0 - poly * np.exp(-a * a))).astype(x.dtype, copy=False)


def gelu(x: np.ndarray) -> np.ndarray:
    """BERT's GELU, ``x * Phi(x)`` with the exact (erf) normal CDF."""
    return x * 0.5 * (1.0 + erf(x * np.float32(0.7071067811865476)))


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, axis=-1, keepdims=True)
    return centred / np.sqrt(var + np.float32(eps)) * weight + bias


@dataclass(frozen=True)
class Layer:
    qkv: np.ndarray  # (hidden, 3 * hidden): query, key and value projections side by side
    qkv_bias: np.ndarray
    out: np.ndarray  # (hidden, hidden), transposed for x @ W
    out_bias: np.ndarray
    ln1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray  # (hidden, intermediate)
    up_bias: np.ndarray
    down: np.ndarray  # (intermediate, hidden)
    down_bias: np.ndarray
    ln2: tuple[np.ndarray, np.ndarray]


class MiniLM:
    """The sentence encoder: texts in, normalised float32 vectors (or token states) out."""

    def __init__(self, model_dir: Path) -> None:
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        st_config = model_dir / "sentence_bert_config.json"
        self.max_tokens = int(json.loads(st_config.read_text(encoding="utf-8"))["max_seq_length"])
        self.heads = int(config["num_attention_heads"])
        self.hidden = int(config["hidden_size"])
        self.eps = float(config["layer_norm_eps"])
        w = read_safetensors(model_dir / "model.safetensors")
        self.word = w["embeddings.word_embeddings.weight"]  # stays mapped: 30k rows, few used
        # Position 0..n and token type 0 are always added together: one table.
        self.position = w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0]
        self.ln0 = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = [self._layer(w, f"encoder.layer.{i}.") for i in range(int(config["num_hidden_layers"]))]
        self.tokenizer = _tokenizer(model_dir / "tokenizer.json", self.max_tokens)

    @staticmethod
    def _layer(w: dict[str, np.ndarray], p: str) -> Layer:
        att = p + "attention."
        return Layer(
            qkv=np.concatenate([w[f"{att}self.{n}.weight"] for n in ("query", "key", "value")]).T.copy(),
            qkv_bias=np.concatenate([w[f"{att}self.{n}.bias"] for n in ("query", "key", "value")]),
            out=w[f"{att}output.dense.weight"].T.copy(),
            out_bias=w[f"{att}output.dense.bias"],
            ln1=(w[f"{att}output.LayerNorm.weight"], w[f"{att}output.LayerNorm.bias"]),
            up=w[f"{p}intermediate.dense.weight"].T.copy(),
            up_bias=w[f"{p}intermediate.dense.bias"],
            down=w[f"{p}output.dense.weight"].T.copy(),
            down_bias=w[f"{p}output.dense.bias"],
            ln2=(w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"]),
        )

    def token_ids(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(token ids, attention mask), each (batch, longest), padded with 0 on the right."""
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        return ids, mask

    def hidden_states(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The last layer's token states, (batch, tokens, hidden)."""
        batch, length = ids.shape
        heads, size = self.heads, self.hidden // self.heads
        x = layer_norm(self.word[ids] + self.position[:length], *self.ln0, self.eps)
        # Padding is masked by a large negative score before the softmax, as BERT does.
        bias = ((1.0 - mask) * np.float32(-1e30))[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(size))
        for layer in self.layers:
            qkv = x @ layer.qkv + layer.qkv_bias
            q, k, v = qkv.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
            scores = (q * scale) @ k.transpose(0, 1, 3, 2) + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, self.hidden)
            x = layer_norm(context @ layer.out + layer.out_bias + x, *layer.ln1, self.eps)
            up = gelu(x @ layer.up + layer.up_bias)
            x = layer_norm(up @ layer.down + layer.down_bias + x, *layer.ln2, self.eps)
        return x

    def token_states(self, text: str) -> tuple[list[str], np.ndarray]:
        """(word pieces, last-layer states (tokens, hidden)) of one text, [CLS] and [SEP] included.

        For example, "Did Albania agree?" gives the pieces
        ``['[CLS]', 'did', 'albania', 'agree', '?', '[SEP]']`` and states of shape (6, 384).
        """
        (encoding,) = self.tokenizer.encode_batch([text])
        ids = np.array([encoding.ids], dtype=np.int64)
        mask = np.ones(ids.shape, dtype=np.float32)
        return list(encoding.tokens), self.hidden_states(ids, mask)[0]

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Mean-pooled, L2-normalised sentence vectors, (len(texts), hidden) float32.

        Texts are sorted by length before batching, so a batch pads little.
        """
        out = np.zeros((len(texts), self.hidden), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            chosen = order[start : start + batch_size]
            ids, mask = self.token_ids([texts[i] for i in chosen])
            states = self.hidden_states(ids, mask)
            pooled = (states * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[chosen] = pooled / np.maximum(norms, 1e-12)
        return out


def _tokenizer(path: Path, max_tokens: int) -> Tokenizer:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=max_tokens)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest of each batch
    return tokenizer
