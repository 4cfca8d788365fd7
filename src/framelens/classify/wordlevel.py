"""A word-level loaded-language model (after Recasens, Danescu-Niculescu-Mizil and Jurafsky 2013),
and ranking of candidate lexicon entries for a researcher to review.

:class:`WordBiasModel` gives every word of a text the probability that it is the
word carrying bias. Each token is described by features of the token in its
context (docs/methods_classify.md, "Word-level model"):

* identity: the lower-cased word and its last 2-3 letters (optional, ``identity``);
* lexicon memberships: the kind and category of any framelens lexicon hit covering
  the token (loaded term, hedge, booster, reporting verb and its stance, frame cue),
  and the kinds of hits within ``window`` words on either side (Recasens et al.'s
  "context" features: a hedge or a factive verb nearby);
* subjective/evaluative cues: membership of the evaluative and booster categories
  above, plus derivational endings typical of evaluative adjectives and manner
  adverbs (-ly, -ous, -ful, -ive, -less, -ic, -ish, -able/-ible);
* position: first word, last word, relative position in the sentence (fifths);
* shape: capitalisation (a capital mid-sentence is a proxy for a name), all caps,
  digits, hyphenation, word length; inside quotation marks or not; stop word.

No part-of-speech tagger is used (none is downloaded). The classifier is a
class-weighted logistic regression over these sparse features.

:func:`suggest_terms` ranks candidate new lexicon entries by combining the model's
mean probability over a term's occurrences with its keyness (Dunning's
log-likelihood G2 of the term in the target texts against reference texts).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from ..errors import ConfigError

__all__ = ["WordBiasModel", "Token", "tokens", "suggest_terms", "log_likelihood", "match_biased_words"]

_SUFFIXES = ("ly", "ous", "ful", "ive", "less", "ic", "ish", "able", "ible", "est", "ist", "ism")
_EXTRACTORS = ["structure", "loaded_terms", "hedges", "report_verbs", "frames"]


@dataclass(frozen=True)
class Token:
    """A word of a text, with its character offsets and context facts used as features."""

    start: int
    end: int
    text: str
    index: int          # position in its sentence
    sent_len: int       # words in its sentence
    voice: str          # author | quoted
    lex: tuple[str, ...]  # "kind:category" of lexicon hits covering it


def _analyzer(lexicons: tuple[str, ...], default_lexicons: bool):
    from .features import _analyzer as feat_analyzer

    return feat_analyzer(lexicons, default_lexicons)


def tokens(text: str, analyzer=None) -> list[Token]:
    """The words of ``text`` with sentence position, voice and covering lexicon hits."""
    from ..model import Document

    an = analyzer or _analyzer((), True)
    res = an.analyze_document(Document(id="t", text=text))
    from ..text.segmentation import segment

    seg = segment(text)
    hits = [s for s in res.spans if s.kind in ("loaded_term", "hedge", "booster", "report_verb", "frame_cue")
            and s.attrs.get("use", "use") == "use"]
    by_sentence: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for ws, we in seg.words:
        si = seg.sentence_at(ws)
        by_sentence[si if si is not None else -1].append((ws, we))
    out = []
    for si in sorted(by_sentence):
        words = by_sentence[si]
        for i, (ws, we) in enumerate(words):
            lex = []
            for h in hits:
                if h.start < we and ws < h.end:
                    if h.kind == "loaded_term" and not (h.attrs.get("severity") or 0):
                        continue
                    lab = h.attrs.get("stance") if h.kind == "report_verb" else (h.attrs.get("category") or h.label)
                    lex.append(f"{h.kind}:{lab}")
            out.append(Token(ws, we, text[ws:we], i, len(words), seg.voice_at(ws), tuple(sorted(set(lex)))))
    return out


def _shape(w: str) -> str:
    if any(c.isdigit() for c in w):
        return "digit"
    if w.isupper() and len(w) > 1:
        return "upper"
    if w[:1].isupper():
        return "cap"
    return "lower"


def _features(toks: list[Token], i: int, window: int, identity: bool, own_lex: bool, stop: frozenset) -> dict:
    t = toks[i]
    w = t.text.lower().replace("’", "'")
    f: dict[str, float] = {"bias": 1.0}
    if identity:
        f[f"w={w}"] = 1.0
        f[f"suf3={w[-3:]}"] = 1.0
    for s in _SUFFIXES:
        if len(w) > len(s) + 2 and w.endswith(s):
            f[f"end={s}"] = 1.0
    f[f"shape={_shape(t.text)}"] = 1.0
    if t.text[:1].isupper() and t.index > 0:
        f["cap_mid"] = 1.0
    if "-" in w:
        f["hyphen"] = 1.0
    f[f"len={min(len(w), 12) // 3}"] = 1.0
    if w in stop:
        f["stop"] = 1.0
    f["first"] = float(t.index == 0)
    f["last"] = float(t.index == t.sent_len - 1)
    f[f"pos5={min(4, int(5 * t.index / max(1, t.sent_len)))}"] = 1.0
    if t.voice == "quoted":
        f["quoted"] = 1.0
    if own_lex:
        for lab in t.lex:
            f[f"lex={lab}"] = 1.0
            f[f"lexkind={lab.split(':')[0]}"] = 1.0
    for j in range(max(0, i - window), min(len(toks), i + window + 1)):
        if j == i or toks[j].sent_len != t.sent_len or abs(toks[j].index - t.index) != abs(j - i):
            continue
        side = "L" if j < i else "R"
        for lab in toks[j].lex:
            f[f"ctx{side}={lab.split(':')[0]}"] = 1.0
        if identity:
            f[f"{side}{abs(j - i)}={toks[j].text.lower()}"] = 1.0
    return f


def match_biased_words(toks: Sequence[Token], biased: Iterable[str]) -> list[int]:
    """0/1 per token: 1 when the token is one of ``biased`` (case-insensitive, punctuation stripped).

    Multi-word entries mark each of their words.
    """
    words = set()
    for b in biased:
        for part in re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", str(b).lower()):
            words.add(part.replace("’", "'"))
    return [int(t.text.lower().replace("’", "'") in words) for t in toks]


class WordBiasModel:
    """P(word carries bias) for every word of a text (see the module docstring for the features).

    Parameters: ``C`` (inverse regularisation of the logistic regression),
    ``window`` (context words on each side), ``identity`` (use the word itself
    and its neighbours as features; switch off for distant supervision, where
    the label is a lexicon hit and the word itself would give it away),
    ``lexicon_features`` (use the token's own lexicon memberships), ``lexicons`` /
    ``default_lexicons`` (packs used for memberships).
    """

    def __init__(self, C: float = 0.5, window: int = 2, identity: bool = True, lexicon_features: bool = True,
                 lexicons: Sequence[str] = (), default_lexicons: bool = True, random_state: int | None = 0):
        self.C = C
        self.window = window
        self.identity = identity
        self.lexicon_features = lexicon_features
        self.lexicons = lexicons
        self.default_lexicons = default_lexicons
        self.random_state = random_state

    def _an(self):
        return _analyzer(tuple(str(x) for x in self.lexicons), bool(self.default_lexicons))

    def _stop(self) -> frozenset:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS)

    def featurize(self, toks: list[Token]) -> list[dict]:
        stop = self._stop()
        return [_features(toks, i, self.window, self.identity, self.lexicon_features, stop) for i in range(len(toks))]

    def fit_tokens(self, token_lists: Sequence[list[Token]], labels: Sequence[Sequence[int]]) -> "WordBiasModel":
        """Fit on tokenised texts with a 0/1 label per token."""
        import numpy as np
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        feats, ys = [], []
        for toks, labs in zip(token_lists, labels):
            if len(toks) != len(labs):
                raise ConfigError("one label per token is needed")
            feats.extend(self.featurize(toks))
            ys.extend(int(v) for v in labs)
        y = np.asarray(ys)
        if len(set(ys)) < 2:
            raise ConfigError("the word-level model needs both biased and unbiased words in its training data")
        self.vectorizer_ = DictVectorizer()
        Xm = self.vectorizer_.fit_transform(feats)
        self.classifier_ = LogisticRegression(C=self.C, class_weight="balanced", max_iter=3000, solver="lbfgs",
                                              random_state=self.random_state).fit(Xm, y)
        self.n_tokens_ = len(ys)
        self.n_positive_ = int(y.sum())
        return self

    def fit(self, texts: Sequence[str], biased_words: Sequence[Iterable[str]]) -> "WordBiasModel":
        """Fit on texts and, for each, the words annotators marked as biased (BABE's ``biased_words``)."""
        an = self._an()
        toks = [tokens(t, an) for t in texts]
        return self.fit_tokens(toks, [match_biased_words(tk, b) for tk, b in zip(toks, biased_words)])

    def predict_tokens(self, toks: list[Token]) -> list[float]:
        if not hasattr(self, "classifier_"):
            raise ConfigError("this WordBiasModel is not fitted yet; call fit() or fit_tokens() first")
        if not toks:
            return []
        P = self.classifier_.predict_proba(self.vectorizer_.transform(self.featurize(toks)))
        return [float(p) for p in P[:, 1]]

    def score_words(self, text: str) -> list[tuple[int, int, str, float]]:
        """(start, end, word, P(bias)) for every word of ``text``."""
        toks = tokens(text, self._an())
        return [(t.start, t.end, t.text, p) for t, p in zip(toks, self.predict_tokens(toks))]

    def top_features(self, n: int = 20) -> list[tuple[str, float]]:
        """The ``n`` features with the largest positive weights (what the model learned)."""
        import numpy as np

        coef = self.classifier_.coef_[0]
        names = self.vectorizer_.get_feature_names_out()
        order = np.argsort(coef)[::-1][:n]
        return [(str(names[i]), float(coef[i])) for i in order]


# ---------------------------------------------------------------------------
# candidate lexicon entries

def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Dunning's log-likelihood G2 of a term seen ``a`` times in a corpus of ``c`` tokens and ``b`` times in
    one of ``d`` tokens (Rayson and Garside 2000 form), signed: positive when the term is overused in the first.
    """
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g = 0.0
    if a > 0:
        g += a * math.log(a / e1)
    if b > 0:
        g += b * math.log(b / e2)
    g *= 2
    return g if a / c >= (b / d if d else 0) else -g


def _ngrams(toks: list[Token], n_max: int) -> Iterable[tuple[str, int, int]]:
    for i in range(len(toks)):
        for n in range(1, n_max + 1):
            j = i + n
            if j > len(toks) or toks[j - 1].index - toks[i].index != n - 1:
                break
            yield " ".join(t.text.lower().replace("’", "'") for t in toks[i:j]), i, j


def suggest_terms(texts: Sequence[str], *, reference: Sequence[str] | None = None,
                  labels: Sequence[Any] | None = None, positive: Any = None,
                  model: WordBiasModel | None = None, biased_words: Sequence[Iterable[str]] | None = None,
                  lexicons: Sequence[str] = (), default_lexicons: bool = True, max_ngram: int = 2,
                  min_count: int = 3, top: int = 50, category: str = "candidate"):
    """Rank candidate lexicon entries (words and two-word phrases) for a researcher to review.

    Target and reference texts for keyness: ``labels`` + ``positive`` (texts
    labelled ``positive`` against the rest), else ``reference`` (``texts`` against
    ``reference``), else no keyness (model score only).

    Word-level model: ``model`` if given; else one fitted on ``texts`` with
    ``biased_words`` if given; else a *distantly supervised* one: the words inside
    the shipped loaded-term and booster hits are the positives, and the model
    sees no word identities and not the token's own lexicon membership, so it
    learns what loaded words look like in context (position, shape, endings,
    hedges and evaluative verbs nearby) and scores words the lexicons do not
    yet list.

    Excluded: terms already matched by any loaded-term or booster pack in use,
    stop words (scikit-learn's English list) at either end of a phrase, numbers,
    words shorter than three letters, terms written with a capital mid-sentence
    in most of their occurrences (names), terms seen fewer than
    ``min_count`` times in the target texts, and (with reference texts) terms
    not overused in the target (G2 <= 0).

    Returns a DataFrame sorted by ``score`` (the mean of the percentile ranks of
    ``keyness`` and ``p_bias``; or whichever is available) with columns:
    ``term, category, severity, group, alternatives, notes`` (the CSV quick-list
    format, ready for review) and ``score, keyness, log_ratio, p_bias, count,
    ref_count, example``.
    """
    import numpy as np
    import pandas as pd
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    texts = [str(t) for t in texts]
    if labels is not None:
        if positive is None:
            raise ConfigError("labels given without `positive` (the label whose texts are the target)")
        if len(labels) != len(texts):
            raise ConfigError(f"{len(texts)} texts but {len(labels)} labels")
        target_idx = [i for i, v in enumerate(labels) if str(v) == str(positive)]
        ref_idx = [i for i, v in enumerate(labels) if str(v) != str(positive)]
        if not target_idx or not ref_idx:
            raise ConfigError(f"label {positive!r} must mark some but not all texts")
    else:
        target_idx = list(range(len(texts)))
        ref_idx = []
    an = _analyzer(tuple(str(x) for x in lexicons), bool(default_lexicons))
    toks_all = [tokens(t, an) for t in texts]
    ref_toks = [tokens(str(t), an) for t in reference] if (reference is not None and labels is None) else []
    if model is None:
        if biased_words is not None:
            model = WordBiasModel(lexicons=lexicons, default_lexicons=default_lexicons)
            model.fit_tokens(toks_all, [match_biased_words(tk, b) for tk, b in zip(toks_all, biased_words)])
        else:
            model = WordBiasModel(identity=False, lexicon_features=False, lexicons=lexicons,
                                  default_lexicons=default_lexicons)
            lab = [[int(any(x.split(":")[0] in ("loaded_term", "booster") for x in t.lex)) for t in tk]
                   for tk in toks_all]
            if sum(map(sum, lab)) == 0:
                raise ConfigError("no loaded-term or booster hit in the corpus to learn from; pass biased_words, "
                                  "a model, or a larger corpus")
            model.fit_tokens(toks_all, lab)
    stop = ENGLISH_STOP_WORDS
    counts: Counter = Counter()
    ref_counts: Counter = Counter()
    caps: Counter = Counter()
    covered: set = set()
    pbias: dict[str, list[float]] = defaultdict(list)
    example: dict[str, str] = {}
    target_set = set(target_idx)
    n_target = n_ref = 0
    for i, toks in enumerate(toks_all):
        probs = model.predict_tokens(toks)
        in_target = i in target_set
        if in_target:
            n_target += len(toks)
        else:
            n_ref += len(toks)
        for term, a, b in _ngrams(toks, max_ngram):
            if in_target:
                counts[term] += 1
                pbias[term].append(max(probs[a:b]))
                if any(t.text[:1].isupper() and t.index > 0 for t in toks[a:b]):
                    caps[term] += 1
                if any(x.split(":")[0] in ("loaded_term", "booster") for t in toks[a:b] for x in t.lex):
                    covered.add(term)
                example.setdefault(term, texts[i][max(0, toks[a].start - 40):toks[b - 1].end + 40].replace("\n", " "))
            else:
                ref_counts[term] += 1
    for toks in ref_toks:
        n_ref += len(toks)
        for term, _, _ in _ngrams(toks, max_ngram):
            ref_counts[term] += 1
    rows = []
    have_ref = n_ref > 0
    for term, c in counts.items():
        words = term.split(" ")
        if c < min_count or term in covered or words[0] in stop or words[-1] in stop:
            continue
        if any(ch.isdigit() for ch in term) or len(term) < 3 or caps[term] > c / 2:
            continue
        r = ref_counts.get(term, 0)
        rec = {"term": term, "count": c, "ref_count": r, "p_bias": float(np.mean(pbias[term])),
               "example": example.get(term, "")}
        if have_ref:
            rec["keyness"] = log_likelihood(c, r, n_target, n_ref)
            rec["log_ratio"] = math.log2(((c + 0.5) / n_target) / ((r + 0.5) / n_ref))
            if rec["keyness"] <= 0:  # not overused in the target: not a candidate
                continue
        else:
            rec["keyness"] = float("nan")
            rec["log_ratio"] = float("nan")
        rows.append(rec)
    cols = ["term", "category", "severity", "group", "alternatives", "notes", "score", "keyness", "log_ratio",
            "p_bias", "count", "ref_count", "example"]
    if not rows:
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame(rows)
    ranks = [df["p_bias"].rank(pct=True)]
    if have_ref:
        ranks.append(df["keyness"].rank(pct=True))
    df["score"] = sum(ranks) / len(ranks)
    df = df.sort_values(["score", "count", "term"], ascending=[False, False, True]).head(top).reset_index(drop=True)
    df["category"] = category
    df["severity"] = ""
    df["group"] = ""
    df["alternatives"] = ""

    def note(r):
        parts = [f"suggested by framelens: score {r.score:.2f}", f"P(bias) {r.p_bias:.2f}", f"{r['count']}x in target"]
        if have_ref:
            parts.append(f"{r.ref_count}x in reference, G2 {r.keyness:.1f}")
        return "; ".join(parts) + ". Review before use."
    df["notes"] = df.apply(note, axis=1)
    return df[cols]
