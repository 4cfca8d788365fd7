"""What a loaded model may contain: every estimator parameter and metadata field checked against the values
framelens itself writes (see :func:`check_estimator`), and the lexicon packs embedded in a model file written
back as files framelens owns (:func:`materialise_lexicons`).

Split from :mod:`framelens.classify.persist` (saving and the integrity checks) by concept.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from ..errors import ModelError

__all__ = ["EMBEDDED_PREFIX", "check_estimator", "check_meta", "lexicon_refs_ok", "materialise_lexicons"]

# -- what a loaded estimator may contain --------------------------------------------------------------
#: Token patterns framelens writes: scikit-learn's default and KeynessPooling's (no other regular expression
#: is ever compiled from a model file: a crafted one can take exponential time).
_TOKEN_PATTERNS = (r"(?u)\b\w\w+\b", r"(?u)\b\w[\w'’-]*\b")
#: Prefix of a reference to a lexicon pack embedded in the model file's metadata.
EMBEDDED_PREFIX = "embedded:"


def _plain(v, depth=0) -> bool:
    if v is None or isinstance(v, (bool, int, float, str)):
        return True
    if depth < 3 and isinstance(v, (list, tuple)):
        return all(_plain(x, depth + 1) for x in v)
    if depth < 3 and isinstance(v, dict):
        return all(isinstance(k, str) and _plain(x, depth + 1) for k, x in v.items())
    return False


def _num(lo=None, hi=None, integer=False, none=False):
    def ok(v):
        if v is None:
            return none
        if isinstance(v, bool) or not isinstance(v, (int, float)) or (integer and not isinstance(v, int)):
            return False
        return (lo is None or v >= lo) and (hi is None or v <= hi)
    return ok


def _one_of(*values):
    return lambda v: any(v is x or (type(v) is type(x) and v == x) for x in values)


def _is_bool(v) -> bool:
    return isinstance(v, bool)


def _ngrams(v) -> bool:
    return (isinstance(v, (tuple, list)) and len(v) == 2 and all(_num(1, 10, integer=True)(x) for x in v)
            and v[0] <= v[1])


def _df(v) -> bool:
    return _num(0, 1)(v) if isinstance(v, float) else _num(1, 10 ** 6, integer=True)(v)


def _dtype(v) -> bool:
    import numpy as np

    return v is np.float64 or v is np.float32


def _cs(v) -> bool:
    if isinstance(v, (list, tuple)):
        return 0 < len(v) <= 50 and all(_num(1e-8, 1e8)(c) for c in v)
    return _num(1e-8, 1e8)(v)


def _weights(v) -> bool:
    return v is None or (isinstance(v, dict) and all(isinstance(k, str) and _num(0, 1e6)(x) for k, x in v.items()))


def _groups(v) -> bool:
    from .features import FEATURE_GROUPS

    return v is None or (isinstance(v, (list, tuple)) and all(isinstance(g, str) and g in FEATURE_GROUPS for g in v))


def lexicon_refs_ok(v) -> bool:
    from ..lexicon import shipped_lexicons

    if not isinstance(v, (list, tuple)):
        return False
    names = set(shipped_lexicons())
    return all(isinstance(x, str) and (x in names or x.startswith(EMBEDDED_PREFIX)) for x in v)


def _backend(v) -> bool:
    from .embeddings import BACKENDS

    return isinstance(v, str) and v in BACKENDS


_VECTORIZER = {
    "analyzer": _one_of("word", "char_wb", "char"), "token_pattern": _one_of(*_TOKEN_PATTERNS),
    "ngram_range": _ngrams, "min_df": _df, "max_df": _df, "max_features": _num(1, 10 ** 8, integer=True, none=True),
    "lowercase": _is_bool, "strip_accents": _one_of(None, "unicode", "ascii"), "binary": _is_bool,
    "dtype": _dtype, "norm": _one_of("l2", "l1", None), "use_idf": _is_bool, "smooth_idf": _is_bool,
    "sublinear_tf": _is_bool,
}
_SEED = _num(0, 2 ** 32 - 1, integer=True, none=True)
#: Per class (module.Class): the parameters framelens sets and what they may be. Every other parameter must
#: keep the class's default (so ``input``, ``tokenizer``, ``preprocessor``, ``vocabulary``... are never set).
_PARAMS: dict[str, dict[str, Any]] = {
    "sklearn.pipeline.Pipeline": {"steps": None},
    "sklearn.pipeline.FeatureUnion": {"transformer_list": None, "transformer_weights": _weights},
    "sklearn.feature_extraction.text.TfidfVectorizer": _VECTORIZER,
    "sklearn.feature_extraction.text.CountVectorizer": _VECTORIZER,
    "sklearn.feature_extraction.text.TfidfTransformer": {k: _VECTORIZER[k] for k in
                                                         ("norm", "use_idf", "smooth_idf", "sublinear_tf")},
    "sklearn.preprocessing._data.StandardScaler": {"with_mean": _is_bool, "with_std": _is_bool},
    "sklearn.preprocessing._data.MaxAbsScaler": {},
    "sklearn.preprocessing._label.LabelBinarizer": {"sparse_output": _is_bool},
    "sklearn.linear_model._logistic.LogisticRegression": {
        "C": _num(1e-8, 1e8), "class_weight": _one_of("balanced", None), "max_iter": _num(1, 10 ** 5, integer=True),
        "solver": _one_of("liblinear", "lbfgs"), "dual": _is_bool, "random_state": _SEED},
    "sklearn.multiclass.OneVsRestClassifier": {"estimator": None},
    "framelens.classify.pipeline.TunedLogisticRegression": {
        "Cs": _cs, "inner_folds": _num(2, 20, integer=True), "scoring": _one_of("f1_macro", "f1"),
        "class_weight": _one_of("balanced", None), "max_iter": _num(1, 10 ** 5, integer=True), "random_state": _SEED},
    "framelens.classify.features.FramelensFeatures": {
        "groups": _groups, "lexicons": lexicon_refs_ok, "default_lexicons": _is_bool,
        "per_words": _num(1, 10 ** 6, integer=True, none=True)},
    "framelens.classify.features.KeynessPooling": {
        "ngram_range": _ngrams, "alpha": _num(1e-8, 1e6), "inner_folds": _num(2, 20, integer=True),
        "min_df": _num(1, 10 ** 6, integer=True), "random_state": _SEED},
    "framelens.classify.features.LogCountRatioWeights": {
        "alpha": _num(1e-8, 1e6), "multiclass": _one_of("identity", "max"), "multilabel": _one_of("identity", "max")},
    "framelens.classify.embeddings.SentenceEmbeddings": {
        "backend": _backend, "max_words": _num(1, 10 ** 6, integer=True, none=True),
        "batch_size": _num(1, 10 ** 5, integer=True)},
}


_NO_DEFAULT = object()


def _defaults(cls) -> dict[str, Any]:
    """``{parameter: default}`` of ``cls.__init__`` (``_NO_DEFAULT`` for a required one), as get_params sees it."""
    import inspect

    out = {}
    for n, p in inspect.signature(cls.__init__).parameters.items():
        if n == "self" or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        out[n] = _NO_DEFAULT if p.default is inspect.Parameter.empty else p.default
    return out


def check_estimator(estimator, where: str = "model") -> None:
    """Refuse (:class:`~framelens.errors.ModelError`) an estimator with a parameter framelens never writes.

    Every estimator in the tree (steps, transformer lists, wrapped and fitted sub-estimators) must be
    of a class in the allow-list, and each of its parameters either one framelens sets, with a value
    it may take (for instance ``analyzer`` one of ``word``, ``char_wb``, ``char``; ``token_pattern`` one
    of two known patterns; lexicons the names of shipped packs or ``embedded:`` references), or the
    class's default (so a vectorizer never reads files: ``input`` stays ``"content"``).

    Parameters
    ----------
    estimator : Any
        A loaded estimator.
    where : str
        The model file, for the message.

    Raises
    ------
    ModelError
        Naming the estimator, the parameter and its value.
    """
    seen: set[int] = set()

    def refuse(path, msg):
        raise ModelError(f"{where}: refused: {path}: {msg}; framelens never writes this, so the file was "
                         "not made by `framelens train` (or was altered)")

    def walk(obj, path: str, depth: int) -> None:
        if depth > 12:
            refuse(path, "the estimator is nested too deeply")
        if id(obj) in seen:
            return
        seen.add(id(obj))
        cls = type(obj)
        name = f"{cls.__module__}.{cls.__qualname__}"
        spec = _PARAMS.get(name)
        if spec is None:
            refuse(path, f"an estimator of type {name} is not one framelens builds")
        params = dict(getattr(obj, "__dict__", {}))
        defaults = _defaults(cls)
        for pname in defaults:
            if pname not in params:
                refuse(path, f"parameter {pname!r} is missing")
            value = params[pname]
            check = spec.get(pname, ...)
            if pname in ("steps", "transformer_list") and pname in spec:
                if not isinstance(value, list) or not value:
                    refuse(path, f"{pname} is not a list of (name, estimator) pairs")
                for item in value:
                    if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
                        refuse(path, f"{pname} is not a list of (name, estimator) pairs")
                    walk(item[1], f"{path}/{item[0]}", depth + 1)
            elif pname == "estimator" and pname in spec:
                walk(value, f"{path}/estimator", depth + 1)
            elif check is ... and defaults[pname] is _NO_DEFAULT:
                refuse(path, f"parameter {pname!r} is not one framelens sets")
            elif check is ...:
                default = defaults[pname]
                same = value is default or (type(value) is type(default) and _plain(value) and value == default)
                if not same:
                    refuse(path, f"parameter {pname}={value!r} (framelens leaves it at {default!r})")
            elif not check(value):
                refuse(path, f"parameter {pname}={value!r} is not a value framelens writes")
        for attr, value in params.items():  # fitted parts: sub-estimators are checked too
            if not attr.endswith("_") or attr in defaults:
                continue
            items = value if isinstance(value, (list, tuple)) else [value]
            for i, v in enumerate(items[:10_000]):
                if hasattr(v, "get_params") and hasattr(v, "fit"):
                    walk(v, f"{path}.{attr}" + (f"[{i}]" if items is value else ""), depth + 1)
                elif callable(v) and not hasattr(v, "shape"):
                    refuse(path, f"fitted attribute {attr} holds a callable ({type(v).__name__})")

    walk(estimator, type(estimator).__name__, 0)


def _lexicon_dir() -> Path:
    """A folder of this user's own for the lexicon files embedded in models (named by their SHA-256)."""
    import tempfile

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    for root in (Path(base) / "framelens" / "model-lexicons",
                 Path(tempfile.gettempdir()) / f"framelens-model-lexicons-{getattr(os, 'getuid', lambda: 0)()}"):
        try:
            root.mkdir(parents=True, exist_ok=True, mode=0o700)
            if os.access(root, os.W_OK):
                return root
        except OSError:
            continue
    raise ModelError("no writable folder for the lexicons embedded in the model (set XDG_CACHE_HOME)")


def materialise_lexicons(p: str, embedded: list[dict], refs: set[str]) -> dict[str, str]:
    """``{embedded ref: path of a file framelens wrote with that content}``, each checked by its SHA-256."""
    from ..io.atomic import atomic_write_text

    by_ref = {e.get("ref"): e for e in embedded if isinstance(e, dict)}
    out: dict[str, str] = {}
    for ref in sorted(refs):
        e = by_ref.get(ref)
        if e is None or not isinstance(e.get("text"), str) or not isinstance(e.get("filename"), str):
            raise ModelError(f"{p}: refused: the lexicon {ref!r} is not embedded in the model file")
        digest = hashlib.sha256(e["text"].encode("utf-8")).hexdigest()
        name = Path(e["filename"]).name
        if digest != e.get("sha256") or ref != f"{EMBEDDED_PREFIX}{digest[:16]}/{name}" or \
                Path(name).suffix.lower() not in (".yaml", ".yml", ".csv", ".tsv", ".txt", ".json"):
            raise ModelError(f"{p}: refused: the embedded lexicon {ref!r} does not match its SHA-256 or name")
        target = _lexicon_dir() / digest / name
        try:
            ok = target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == digest
        except OSError:
            ok = False
        if not ok:
            atomic_write_text(target, e["text"])
        out[ref] = str(target)
    return out


def check_meta(p: str, meta: dict) -> None:
    """Refuse metadata whose fields have types framelens never writes."""
    kinds = {"labels": list, "multilabel": bool, "level": str, "label_sep": str, "text_col": str, "label_col": str,
             "features": list, "lexicons": list, "embeddings": list, "params": dict, "metrics": dict, "info": dict,
             "payload": dict, "framelens_version": str, "created": (str, type(None)), "embedded_lexicons": list}
    for k, t in kinds.items():
        if k in meta and not isinstance(meta[k], t):
            raise ModelError(f"{p}: refused: malformed metadata: {k!r} is a {type(meta[k]).__name__}")
    if not all(isinstance(x, str) for x in meta.get("labels") or []):
        raise ModelError(f"{p}: refused: malformed metadata: labels are not all text")
    if meta.get("level", "sentence") not in ("sentence", "document"):
        raise ModelError(f"{p}: refused: malformed metadata: level {meta.get('level')!r}")
    for cfg in meta.get("features") or []:
        if not (isinstance(cfg, dict) and isinstance(cfg.get("lexicons"), list)
                and isinstance(cfg.get("default_lexicons"), bool)):
            raise ModelError(f"{p}: refused: malformed metadata: features {cfg!r}")
        if not lexicon_refs_ok(cfg["lexicons"]):
            raise ModelError(f"{p}: refused: the model names lexicons that are neither shipped packs nor embedded "
                             f"in it: {cfg['lexicons']!r} (a model never makes framelens open a path)")
    for rec in meta.get("lexicons") or []:
        if not (isinstance(rec, dict) and all(isinstance(rec.get(k), str) for k in ("name", "version", "sha256"))):
            raise ModelError(f"{p}: refused: malformed metadata: lexicon record {rec!r}")
