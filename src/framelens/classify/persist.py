"""Safe saving and loading of trained framelens models.

A model file (``.flmodel``, format ``framelens-model/1``) is a ZIP archive with
exactly two members:

* ``framelens-model.json``: plain metadata: format, framelens version, scikit-learn
  and skops versions, every lexicon pack the features use (name, version,
  SHA-256), labels, training parameters and cross-validation metrics, the
  SHA-256 of the payload, and ``content_sha256`` over all of it;
* ``model.skops``: the fitted scikit-learn estimator in the skops format.

Nothing is ever unpickled: :func:`load_model` checks, in order, that the file is
a framelens model (not a pickle, not some other ZIP), that the content hash and
payload hash match (tampering or corruption), that the framelens version and
the lexicon packs on this machine are exactly those the model was trained with,
and that every type the skops payload names is in :data:`TRUSTED_TYPES`, an
explicit allow-list of plain data, numpy arrays and the scikit-learn and
framelens estimators framelens builds. Only then is the payload rebuilt, by
``skops.io.loads(..., trusted=TRUSTED_TYPES)``, and every parameter of every
estimator in it checked against the values framelens itself writes
(:func:`check_estimator`): text input only (``input="content"``, never a file
name), a known analyzer and token pattern (no callable, no other regular
expression), and lexicon references that are the names of shipped packs or
packs embedded in the model file. Lexicon files used in training are embedded
in the metadata (``embedded_lexicons``), so ``predict`` never opens a path
named by a model. Any failure, including every way a file can fail to parse
(truncated or corrupt archive, bad JSON, wrong types), raises
:class:`~framelens.errors.ModelError` naming the file.

The content hash detects accidental corruption and naive edits; it is not a
signature (someone who rewrites both the payload and the metadata can make the
hashes match). The protection against malicious files is the allow-list: a
payload naming any other type is refused before it is loaded.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .._version import __version__
from ..errors import LexiconError, ModelError
from ._modelcheck import EMBEDDED_PREFIX, check_estimator, check_meta, materialise_lexicons

__all__ = ["TrainedModel", "save_model", "load_model", "read_model_info", "check_estimator", "TRUSTED_TYPES", "FORMAT"]

FORMAT = "framelens-model/1"
META_NAME = "framelens-model.json"
PAYLOAD_NAME = "model.skops"
_MAX_BYTES = 2 * 1024 ** 3

#: Every type a framelens model payload may contain. Anything else is refused.
TRUSTED_TYPES: tuple[str, ...] = (
    "builtins.dict", "builtins.list", "builtins.tuple", "builtins.str", "builtins.int", "builtins.float",
    "builtins.bool", "builtins.NoneType", "builtins.set", "builtins.frozenset",
    "numpy.ndarray", "numpy.dtype", "numpy.float64", "numpy.float32", "numpy.int64", "numpy.int32",
    "numpy.bool_", "numpy.bool", "numpy.str_", "numpy.object_",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.pipeline.Pipeline", "sklearn.pipeline.FeatureUnion",
    "sklearn.feature_extraction.text.TfidfVectorizer", "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.preprocessing._data.StandardScaler", "sklearn.preprocessing._data.MaxAbsScaler",
    "sklearn.preprocessing._label.LabelBinarizer",
    "sklearn.linear_model._logistic.LogisticRegression", "sklearn.multiclass.OneVsRestClassifier",
    "framelens.classify.features.FramelensFeatures", "framelens.classify.features.KeynessPooling",
    "framelens.classify.pipeline.TunedLogisticRegression", "sklearn.feature_extraction.text.CountVectorizer",
    "framelens.classify.features.LogCountRatioWeights", "framelens.classify.embeddings.SentenceEmbeddings",
)
#: skops node kinds allowed in a payload (no function, method or reduce nodes).
_TRUSTED_NODES = frozenset({"DictNode", "ListNode", "TupleNode", "JsonNode", "TypeNode", "NdArrayNode",
                            "ObjectNode", "SparseMatrixNode", "SetNode"})


@dataclass
class TrainedModel:
    """A fitted estimator with what is needed to use and audit it.

    ``labels``: the classes (single-label) or the indicator columns (multi-label).
    ``level``: ``sentence`` or ``document``. ``metrics``: cross-validation results
    recorded at training time (may be empty). ``lexicons``: the packs the
    features used (name, version, sha256). ``info``: everything else recorded.
    """

    estimator: Any
    labels: list[str]
    multilabel: bool = False
    level: str = "sentence"
    label_sep: str = ";"
    text_col: str = "text"
    label_col: str = "label"
    metrics: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    lexicons: list = field(default_factory=list)
    framelens_version: str = __version__
    created: str | None = None
    info: dict = field(default_factory=dict)

    def predict(self, texts: Sequence[str]) -> list:
        """Labels (single-label: str per text; multi-label: a sorted list of labels per text)."""
        import numpy as np

        texts = list(texts)
        if not texts:
            return []
        pred = self.estimator.predict(np.asarray(texts, dtype=object))
        if self.multilabel:
            P = np.asarray(pred)
            return [[self.labels[j] for j in np.flatnonzero(row)] for row in P]
        return [str(p) for p in pred]

    def predict_proba(self, texts: Sequence[str]):
        """Probabilities, one column per entry of ``labels`` (multi-label: per label, independent)."""
        import numpy as np

        texts = list(texts)
        if not texts:
            return np.zeros((0, len(self.labels)))
        P = np.asarray(self.estimator.predict_proba(np.asarray(texts, dtype=object)), dtype=float)
        if self.multilabel:
            return P
        classes = [str(c) for c in getattr(self.estimator, "classes_", self.labels)]
        order = [classes.index(lab) for lab in self.labels]
        return P[:, order]


def _find(estimator, cls) -> list[Any]:
    """Every instance of ``cls`` inside a (possibly nested) estimator."""
    found: list[Any] = []

    def walk(obj, depth=0):
        if depth > 20:
            return
        if isinstance(obj, cls):
            found.append(obj)
            return
        if hasattr(obj, "get_params"):
            for v in obj.get_params(deep=False).values():
                walk(v, depth + 1)
            for attr in ("estimator_", "estimators_", "steps", "transformer_list"):
                if attr in getattr(obj, "__dict__", {}):
                    walk(getattr(obj, attr), depth + 1)
        elif isinstance(obj, (list, tuple)):
            for v in obj:
                walk(v, depth + 1)
    walk(estimator)
    return found


def _features_configs(estimator) -> list[dict]:
    from .features import FramelensFeatures

    out = []
    for f in _find(estimator, FramelensFeatures):
        cfg = {"lexicons": [str(x) for x in (f.lexicons or ())], "default_lexicons": bool(f.default_lexicons)}
        if cfg not in out:
            out.append(cfg)
    return out


def _embeddings_used(estimator) -> list[dict]:
    """Backend, package, version, dimension and weights SHA-256 of every fitted embeddings block."""
    from .embeddings import SentenceEmbeddings

    out = []
    for e in _find(estimator, SentenceEmbeddings):
        info = dict(getattr(e, "backend_info_", None) or {"backend": e.backend, "fitted": False})
        if info not in out:
            out.append(info)
    return out


def _check_embeddings(p: str, recorded: list[dict]) -> None:
    from ..errors import ConfigError, MissingDependencyError
    from .embeddings import backend_info

    for rec in recorded:
        if not isinstance(rec, dict):
            raise ModelError(f"{p}: refused: malformed embeddings record in the metadata: {rec!r}")
        try:
            now = backend_info(str(rec.get("backend")))
        except (ConfigError, MissingDependencyError) as exc:
            raise ModelError(f"{p}: refused: the model uses sentence embeddings that are not available here: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - a broken backend install is a refused model, not a crash
            raise ModelError(f"{p}: refused: the sentence-embeddings backend {rec.get('backend')!r} cannot be "
                             f"inspected here ({type(exc).__name__}: {exc})") from None
        if (now["version"], now["sha256"]) != (rec.get("version"), rec.get("sha256")):
            raise ModelError(f"{p}: refused: the model was trained with {rec.get('package')} {rec.get('version')} "
                             f"(weights sha256 {str(rec.get('sha256'))[:12]}); installed is {now['package']} "
                             f"{now['version']} (sha256 {now['sha256'][:12]}). Install that version or retrain")


def _resources_for(configs: list[dict], files: dict[str, str] | None = None) -> list[dict]:
    """Name, version, kind and SHA-256 of every pack the feature configurations use, read afresh from disk.

    ``files`` maps ``embedded:`` references to the files holding them; a shipped name is looked up; anything
    else is an error (a model never names a path)."""
    from ..lexicon import load_lexicon, shipped_lexicons

    files = files or {}
    shipped = shipped_lexicons()
    res: list[dict] = []
    for cfg in configs:
        paths = [str(p) for p in shipped.values()] if cfg["default_lexicons"] else []
        for spec in cfg["lexicons"]:
            if spec in files:
                paths.append(files[spec])
            elif spec in shipped:
                paths.append(str(shipped[spec]))
            else:
                raise LexiconError([f"{spec}: neither a shipped pack nor a lexicon embedded in the model"])
        for path in paths:
            lx = load_lexicon(path)
            rec = {"name": lx.name, "version": lx.version, "kind": lx.kind, "sha256": lx.sha256}
            if rec not in res:
                res.append(rec)
    return sorted(res, key=lambda r: (r["name"], r["version"], r["sha256"]))


def _embed_lexicons(estimator) -> tuple[Any, list[dict]]:
    """A copy of ``estimator`` whose lexicon files are ``embedded:`` references, and the embedded packs."""
    import copy

    from ..lexicon import _resolve, shipped_lexicons
    from .features import FramelensFeatures

    found = _find(estimator, FramelensFeatures)
    shipped = shipped_lexicons()
    if not any(str(x) not in shipped for f in found for x in (f.lexicons or ())):
        return estimator, []
    est = copy.deepcopy(estimator)
    embedded: dict[str, dict] = {}
    for f in {id(f): f for f in _find(est, FramelensFeatures)}.values():  # one object can be found twice
        refs = []
        for spec in (f.lexicons or ()):
            spec = str(spec)
            if spec in shipped:
                refs.append(spec)
                continue
            path = Path(_resolve(spec))
            text = path.read_text(encoding="utf-8")
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            ref = f"{EMBEDDED_PREFIX}{digest[:16]}/{path.name}"
            embedded[ref] = {"ref": ref, "filename": path.name, "sha256": digest, "text": text, "path": str(path)}
            refs.append(ref)
        f.lexicons = tuple(refs)
    return est, sorted(embedded.values(), key=lambda e: e["ref"])


def _canonical(meta: dict) -> bytes:
    return json.dumps({k: v for k, v in meta.items() if k != "content_sha256"}, sort_keys=True,
                      ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def _content_hash(meta: dict) -> str:
    return hashlib.sha256(_canonical(meta)).hexdigest()


def _json_safe(obj: Any) -> Any:
    return json.loads(json.dumps(obj, default=lambda o: o.item() if hasattr(o, "item") else str(o)))


def save_model(model: TrainedModel, path: str | os.PathLike) -> Path:
    """Write ``model`` to ``path`` (atomically). Returns the path."""
    import sklearn
    import skops
    import skops.io as sio

    from ..io.atomic import atomic_write_bytes

    path = Path(path)
    estimator, embedded = _embed_lexicons(model.estimator)
    try:
        check_estimator(estimator, "cannot save")
    except ModelError as exc:
        raise ModelError(f"{exc} (framelens would refuse to load this estimator)") from None
    payload = sio.dumps(estimator)
    try:
        types = _payload_types(payload, str(path))
    except ModelError as exc:
        raise ModelError(f"cannot save: framelens would refuse to load this estimator ({exc})") from None
    bad = sorted(t for t in types if t not in TRUSTED_TYPES)
    if bad:
        raise ModelError(f"cannot save: the estimator contains types framelens would refuse to load: {', '.join(bad)}")
    configs = _features_configs(estimator)
    unfitted = [e for e in _embeddings_used(model.estimator) if "sha256" not in e]
    if unfitted:
        raise ModelError(f"cannot save: the embeddings block ({unfitted[0].get('backend')}) is not fitted; "
                         "fit the pipeline before saving")
    meta = {
        "format": FORMAT,
        "framelens_version": __version__,
        "sklearn_version": sklearn.__version__,
        "skops_version": skops.__version__,
        "created": model.created or _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "labels": [str(x) for x in model.labels],
        "multilabel": bool(model.multilabel),
        "level": model.level,
        "label_sep": model.label_sep,
        "text_col": model.text_col,
        "label_col": model.label_col,
        "features": configs,
        "lexicons": _resources_for(configs, {e["ref"]: e["path"] for e in embedded}),
        "embedded_lexicons": [{k: v for k, v in e.items() if k != "path"} for e in embedded],
        "embeddings": _embeddings_used(model.estimator),
        "params": _json_safe(model.params),
        "metrics": _json_safe(model.metrics),
        "info": _json_safe(model.info),
        "payload": {"name": PAYLOAD_NAME, "bytes": len(payload), "sha256": hashlib.sha256(payload).hexdigest()},
    }
    meta["content_sha256"] = _content_hash(meta)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(META_NAME, json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True))
        z.writestr(PAYLOAD_NAME, payload)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, buf.getvalue())
    return path


def _payload_types(payload: bytes, where: str) -> set[str]:
    """Every ``module.Class`` a skops payload names (read from its schema, nothing executed)."""
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as z:
            schema = json.loads(z.read("schema.json"))
    except Exception as exc:  # noqa: BLE001 - any damage to the inner archive or its schema
        raise ModelError(f"{where}: the model payload is not a valid skops archive ({type(exc).__name__}: {exc})") \
            from None
    types: set[str] = set()
    nodes: set[str] = set()

    def walk(o):
        if isinstance(o, dict):
            if "__class__" in o:
                types.add(f"{o.get('__module__')}.{o['__class__']}")
                nodes.add(str(o.get("__loader__")))
            if o.get("__loader__") == "TypeNode" and isinstance(o.get("content"), dict):
                c = o["content"]
                types.add(f"{c.get('__module__')}.{c.get('__class__')}")
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk(schema)
    bad_nodes = sorted(n for n in nodes if n not in _TRUSTED_NODES)
    if bad_nodes:
        raise ModelError(f"{where}: refused: the payload uses skops node kinds outside the allow-list: "
                         f"{', '.join(bad_nodes)}")
    return types


def _read(path: str | os.PathLike) -> tuple[dict, bytes]:
    p = os.fspath(path)
    try:
        size = os.path.getsize(p)
        with open(p, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise ModelError(f"{p}: cannot read the model file: {exc.strerror or exc}") from None
    if head[:1] == b"\x80" or head[:2] in (b"(d", b"(l", b"cs", b"cc"):
        raise ModelError(f"{p}: refused: this looks like a Python pickle/joblib file. framelens never unpickles "
                         "files (they can run arbitrary code); use a model saved by `framelens train`")
    if head != b"PK\x03\x04":
        raise ModelError(f"{p}: not a framelens model file (expected a {FORMAT} archive written by `framelens train`)")
    if size > _MAX_BYTES:
        raise ModelError(f"{p}: refused: {size} bytes is larger than any framelens model ({_MAX_BYTES} bytes)")
    try:
        with zipfile.ZipFile(p) as z:
            names = sorted(z.namelist())
            if names != sorted([META_NAME, PAYLOAD_NAME]):
                raise ModelError(f"{p}: not a framelens model file: members {names}; expected "
                                 f"{META_NAME} and {PAYLOAD_NAME}")
            infos = {i.filename: i for i in z.infolist()}
            if sum(i.file_size for i in infos.values()) > _MAX_BYTES:
                raise ModelError(f"{p}: refused: the archive expands to more than {_MAX_BYTES} bytes")
            meta_raw = z.read(META_NAME)
            payload = z.read(PAYLOAD_NAME)
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001 - truncated, bad CRC, corrupt deflate stream (zlib.error), EOF...
        raise ModelError(f"{p}: not a framelens model file (damaged archive: {type(exc).__name__}: {exc})") from None
    try:
        meta = json.loads(meta_raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ModelError(f"{p}: the model metadata is not valid JSON ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        fmt = meta.get("format") if isinstance(meta, dict) else None
        raise ModelError(f"{p}: not a framelens model file (format {fmt!r}; this framelens reads {FORMAT!r})")
    return meta, payload


def read_model_info(path: str | os.PathLike) -> dict:
    """The model file's metadata (after the integrity checks), without loading the estimator."""
    meta, payload = _read(path)
    _verify_integrity(os.fspath(path), meta, payload)
    return meta


def _verify_integrity(p: str, meta: dict, payload: bytes) -> None:
    if meta.get("content_sha256") != _content_hash(meta):
        raise ModelError(f"{p}: refused: the model metadata was modified after saving (content hash mismatch)")
    pay = meta.get("payload") or {}
    if pay.get("sha256") != hashlib.sha256(payload).hexdigest() or pay.get("bytes") != len(payload):
        raise ModelError(f"{p}: refused: the model payload was modified after saving (payload hash mismatch)")


def load_model(path: str | os.PathLike) -> TrainedModel:
    """Open a model saved by :func:`save_model`, refusing anything foreign, tampered or mismatched.

    Parameters
    ----------
    path : path-like
        A ``.flmodel`` file.

    Returns
    -------
    TrainedModel
        The model, its estimator checked parameter by parameter (:func:`check_estimator`).

    Raises
    ------
    ModelError
        For every reason a file is refused or cannot be parsed; the message names the file.
    """
    p = os.fspath(path)
    try:
        return _load(p)
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001 - any other way a crafted file breaks the reader is a refused model
        raise ModelError(f"{p}: refused: the model file could not be read ({type(exc).__name__}: {exc})") from None


def _load(p: str) -> TrainedModel:
    import skops.io as sio

    meta, payload = _read(p)
    check_meta(p, meta)
    _verify_integrity(p, meta, payload)
    if meta.get("framelens_version") != __version__:
        raise ModelError(f"{p}: refused: the model was trained with framelens {meta.get('framelens_version')}, "
                         f"this is framelens {__version__}; retrain it with this version (framelens train)")
    configs = meta.get("features") or []
    refs = {x for cfg in configs for x in cfg["lexicons"] if x.startswith(EMBEDDED_PREFIX)}
    files = materialise_lexicons(p, meta.get("embedded_lexicons") or [], refs)
    try:
        current = _resources_for(configs, files)
    except LexiconError as exc:
        raise ModelError(f"{p}: refused: the lexicon packs the model was trained with cannot be loaded here:\n{exc}") from None
    recorded = meta.get("lexicons") or []
    if current != recorded:
        def key(r):
            return f"{r['name']}@{r['version']} (sha256 {str(r['sha256'])[:12]})"
        was = {key(r) for r in recorded}
        now = {key(r) for r in current}
        raise ModelError(f"{p}: refused: lexicon packs differ from those the model was trained with; "
                         f"trained with but not here: {sorted(was - now) or 'none'}; here but not at training: "
                         f"{sorted(now - was) or 'none'}. Retrain the model, or restore those packs")
    _check_embeddings(p, meta.get("embeddings") or [])
    types = _payload_types(payload, p)
    bad = sorted(t for t in types if t not in TRUSTED_TYPES)
    if bad:
        raise ModelError(f"{p}: refused: the payload names types outside framelens's trusted list: {', '.join(bad)}")
    try:
        estimator = sio.loads(payload, trusted=list(TRUSTED_TYPES))
    except Exception as exc:  # noqa: BLE001 - any failure to rebuild is a refused model
        raise ModelError(f"{p}: refused: the payload could not be rebuilt safely ({type(exc).__name__}: {exc})") from None
    check_estimator(estimator, p)
    if _features_configs(estimator) != configs:
        raise ModelError(f"{p}: refused: the payload's feature settings differ from its metadata")
    from .features import FramelensFeatures

    for f in _find(estimator, FramelensFeatures):  # embedded packs: read from the files framelens wrote
        f.lexicons = tuple(files.get(x, x) for x in f.lexicons)
    if _embeddings_used(estimator) != (meta.get("embeddings") or []):
        raise ModelError(f"{p}: refused: the payload's embeddings settings differ from its metadata")
    return TrainedModel(estimator=estimator, labels=list(meta.get("labels") or []), multilabel=bool(meta.get("multilabel")),
                        level=meta.get("level", "sentence"), label_sep=meta.get("label_sep", ";"),
                        text_col=meta.get("text_col", "text"), label_col=meta.get("label_col", "label"),
                        metrics=meta.get("metrics") or {}, params=meta.get("params") or {},
                        lexicons=recorded, framelens_version=meta["framelens_version"], created=meta.get("created"),
                        info=meta.get("info") or {})
