"""Speed changes of issue 17 (tenth session) that must leave every output as it was.

Each test compares a faster form with the form it replaced: a surname's mentions outside full names and
quotations kept per document and only the antecedent events a pronoun can read made (pronoun resolution), the gender-title pattern opening with its titles, each name's full form, counted form and gender kept per
call, the digit test after a surname run only where white space follows, the counting rule of lexicon spans
written out in the Analyzer, ``span_value``'s early return, the token view's sentence-at-hand test written
out, and *calling* set once per cue. Every text is fictional or random.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution import gender, known_names, resolve
from framelens.extract.attribution.tokens import TOKEN_RE, TokenCache
from framelens.kinds import is_used, span_value
from framelens.model import Document, Span
from framelens.runtime.pipeline import AnalysisConfig, Analyzer
from framelens.text.segmentation import segment


# -- the forms replaced ------------------------------------------------------------------------------------------

def _old_surname_events(text, seg, name_events, attrs, known, memo):
    """resolve._surname_events as it was (the positions memo unfiltered, the filters run on every call)."""
    by_surname: dict[str, dict[str, str]] = {}
    in_full_name: set[int] = set()
    for pos, _, (name, stype) in name_events:
        canonical = known.canonical(name)
        parts = canonical.split()
        for last in known_names._last_words(parts):
            by_surname.setdefault(last, {})[canonical] = stype
        in_full_name.add(pos + len(name) - len(name.split()[-1]))
    for a in attrs:
        if a.person and a.named and a.source and a.source_type != "pronoun":
            parts = a.source.split()
            if len(parts) == 1 and parts[0] in by_surname:
                continue
            for last in known_names._last_words(parts):
                by_surname.setdefault(last, {}).setdefault(a.source, a.source_type)
    if not by_surname:
        return []
    positions = memo.setdefault("old_surname_positions", {})
    sources = sorted((a.src_start, a.src_end) for a in attrs)
    source_starts = [s for s, _ in sources]
    out = []
    for surname, people in by_surname.items():
        found = positions.get(surname)
        if found is None:
            found = positions[surname] = _old_word_positions(text, surname)
        for start in found:
            if start in in_full_name or seg.quote_at(start) is not None:
                continue
            k = bisect.bisect_right(source_starts, start) - 1
            if k >= 0 and start < sources[k][1]:
                continue
            out.extend((start, 0, (canonical, stype)) for canonical, stype in people.items())
    return out


def _old_word_positions(text: str, word: str) -> list[int]:
    """resolve._word_positions as it was (the digit pattern tried after every whole-word match)."""
    out = []
    n, size = len(word), len(text)
    i = text.find(word) if word else -1
    while i != -1:
        end = i + n
        before = text[i - 1] if i else " "
        after = text[end] if end < size else " "
        if not (before.isalnum() or before in "_’'-") and not (after.isalnum() or after in "_-") and \
                not resolve._DIGIT_AFTER_RE.match(text, end):
            out.append(i)
        i = text.find(word, i + 1)
    return out


def _old_push_event(windows, event, paragraph_at, known, genders, people=None):
    """resolve._push_event as it was (full form, counted form and gender looked up for every event)."""
    pos, is_attr, item = event
    para = paragraph_at(pos)
    if is_attr:
        resolve._push_attr(windows, item, para, known, genders)
    else:
        name, stype = item
        name = known.canonical(name)
        resolve._push_person(windows, (pos, para, known.fold(name), name, stype, True, True, False),
                             genders.get(name))


def _old_resolve_antecedents(names, text: str, seg, attrs, known, memo: dict) -> None:
    """resolve._resolve_antecedents as it was (every event of the document made and sorted)."""
    generic_forms = frozenset(names.words.generic_media)
    wanted = []  # (index in attrs, pronoun class)
    for idx, a in enumerate(attrs):
        if a.source_type == "pronoun":
            low = text[a.src_start:a.src_end].lower()
            low = resolve._POSSESSIVE_CLASS.get(low, low)  # 'his claim that' (a noun cue): as 'he'
            if low in resolve._COMPATIBLE:
                wanted.append((idx, low))
            else:
                a.uncertain = True
        elif a.source_type == "media" and not a.named and \
                " ".join(text[a.src_start:a.src_end].lower().split()) in generic_forms:
            wanted.append((idx, "media"))
    if not wanted:
        return
    paragraph_at = seg.paragraph_at
    # the candidate stream in text order: named attributions and, for he/she, full names in the text
    name_events = memo.get(resolve._NAME_EVENTS)
    if name_events is None:  # the same for every call on the document (the attitudes' call is the second)
        name_events = memo[resolve._NAME_EVENTS] = [(pos, 0, (name, "official" if official else "person"))
                                            for pos, name, official in names.doc_names(text, memo)]
    events = [(a.src_start, 1, a) for a in attrs if a.source_type != "pronoun"]
    events += name_events
    events += _old_surname_events(text, seg, name_events, attrs, known, memo)
    events.sort(key=resolve._POSITION_AND_KIND)
    positions = [e[0] for e in events]
    genders = memo.get(resolve._GENDERS)
    if genders is None:  # what the text states of each full name's gender (.gender): he and she read it
        genders = memo[resolve._GENDERS] = resolve.gender_evidence(text, {known.canonical(e[2][0]) for e in name_events} |
                                                   {a.source for a in attrs if a.person and a.source})
    # one set of windows for what the reporter mentions outside quotations, read by a pronoun in the reporter's
    # voice ('"Michelle Obama said there is no hope," he said': he is not the quoted speaker's subject), and one per
    # quotation for what is mentioned inside it, read by a pronoun inside that quotation (whose speaker says
    # 'I': 'said Rose. "... President Obama ... And he chastised them."' is Obama, not Rose)
    reporter = resolve._windows()
    quoted: dict | None = {} if any(attrs[idx].voice != "author" for idx, _ in wanted) \
        else None  # (with no pronoun inside a quotation, what is inside quotations is not kept)
    order = sorted(wanted, key=lambda w: attrs[w[0]].src_start)
    ei = 0
    for idx, cls in order:
        a = attrs[idx]
        para = paragraph_at(a.src_start)
        if para is not None and para - resolve._WINDOW_PARAGRAPHS >= 1:
            # the candidates before the window's first paragraph would leave every window before they are read
            # (and the latest unnamed person among them lies before every candidate picked): pass over them
            ei = max(ei, bisect.bisect_left(positions, seg.paragraphs[para - resolve._WINDOW_PARAGRAPHS][0]))
        while ei < len(events) and events[ei][0] < a.src_start:
            event = events[ei]
            windows = resolve._windows_of(event[0], event[1] and event[2].voice == "author", seg, reporter, quoted)
            if windows is not None:
                _old_push_event(windows, event, paragraph_at, known, genders)
            ei += 1
        windows = resolve._windows_of(a.src_start, a.voice == "author", seg, reporter, quoted)
        win = windows[cls] if windows is not None else None
        if win is not None:
            win.advance(para)
        pick = win.pick() if win is not None else None
        if pick is None or (cls in ("he", "she") and win.last_unnamed > pick[0]):
            a.uncertain = True
            if win is not None:
                win.speaker = a.src_start  # the next pronoun of its kind may not skip it
            continue
        a.resolved_from = text[a.src_start:a.src_end]
        _, _, _, a.source, a.source_type, a.named, a.person, _ = pick
        # a resolved pronoun is a candidate for the next one ("Breed said ... She said ... She added")
        resolve._push_attr(windows, a, para, known, genders)


def _old_span_value(span, key):
    """kinds.span_value as it was (the NaN test on every value)."""
    if isinstance(span, Mapping):
        v = span.get(key)
    else:
        v = getattr(span, key, None)
        if v is None:
            attrs = getattr(span, "attrs", None)
            if attrs is not None:
                v = attrs.get(key)
    if isinstance(v, float) and v != v:
        return None
    return v


# -- pronoun resolution: the whole extractor with the old and the new forms --------------------------------------

_ANALYZER = None


def _analyzer() -> Analyzer:
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = Analyzer(AnalysisConfig())
    return _ANALYZER


def _attribution_facts(text: str) -> list[tuple]:
    result = _analyzer().analyze_document(Document(id="t", text=text))
    return [(s.kind, s.start, s.end, s.label, s.entry, tuple(sorted((k, repr(v)) for k, v in s.attrs.items())))
            for s in result.spans if s.kind in ("attribution", "attitude")]


def _with_old_forms(monkeypatch, text: str) -> list[tuple]:
    with monkeypatch.context() as m:
        m.setattr(resolve, "_resolve_antecedents", _old_resolve_antecedents)
        return _attribution_facts(text)


_PEOPLE = ["Ada Quill", "Tom Reyes", "Lena Marr", "Ana Ortiz", "Bill Quill", "Mayor Ivo Dunlop", "Sen. Ada Quill",
           "Mrs. Quill", "Mr. Reyes", "Quill", "Reyes", "Marr", "Dunlop"]
_SENTENCES = ["{p} said the levy was dead.", "{p} argued that the plan would fail.", "He said it would pass.",
              "She added that the vote was close.", "\"We will appeal,\" {p} said.", "\"{p} lied,\" she said.",
              "They said the board would meet on May 6.", "{p} 6 was the date.", "The report by {p} was late.",
              "It said {p}'s aide had left.", "According to {p}, the count was wrong.", "{p} wants the money back.",
              "The hearing ran late.", "\n\n", "\n\n", "\n\n"]
_articles = st.lists(st.tuples(st.sampled_from(_SENTENCES), st.sampled_from(_PEOPLE)), min_size=1, max_size=24).map(
    lambda parts: " ".join(s.format(p=p) for s, p in parts))


@settings(max_examples=80, deadline=None)
@given(_articles)
def test_pronoun_resolution_unchanged(monkeypatch_session, text):
    assert _attribution_facts(text) == _with_old_forms(monkeypatch_session, text)


@pytest.fixture(scope="module")
def monkeypatch_session():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_pronoun_resolution_on_hand_checked_text(monkeypatch_session):
    text = ("Ada Quill said the levy was dead. Tom Reyes argued that it would pass.\n\n"
            "Quill said the board would meet on May 6. She added that the vote was close. "
            "\"Reyes lied,\" she said.\n\nMr. Reyes said it was not so. He said he would appeal.")
    facts = _attribution_facts(text)
    assert facts == _with_old_forms(monkeypatch_session, text)
    sources = [dict(f[5])["source"] for f in facts if f[0] == "attribution"]
    # the pronouns after 'Quill said' read Ada Quill (a surname mention is the nearest person), 'He' reads Reyes
    assert sources.count("'Ada Quill'") >= 3 and sources[-1] == "'Tom Reyes'"


def test_pronouns_after_the_first_paragraphs(monkeypatch_session):
    # the first pronoun is in the fifth paragraph and the last in the sixth: the events before the window of the
    # first and after the last are not made; what the pronouns read is the same
    text = ("Ada Quill said the levy was dead.\n\nTom Reyes argued that it would pass.\n\n"
            "Lena Marr said the count was wrong.\n\nQuill said the board would meet on May 6.\n\n"
            "Reyes said the vote was close. He added that he would appeal.\n\n"
            "\"Quill lied,\" she said. Marr said it was not so.\n\nAna Ortiz said nothing. Ortiz left.")
    facts = _attribution_facts(text)
    assert facts == _with_old_forms(monkeypatch_session, text)
    by_start = {f[1]: dict(f[5]) for f in facts if f[0] == "attribution"}
    he = by_start[text.index("He added")]
    assert he["source"] == "'Tom Reyes'" and he["resolved_from"] == "'He'"
    # the only candidate is two paragraphs back, at the start of the window: it is read
    text = ("The hearing ran late.\n\nThe hall was cold.\n\nAda Quill said the levy was dead.\n\n"
            "The hearing ran late.\n\nShe said it would pass.\n\nTom Reyes said nothing.")
    facts = _attribution_facts(text)
    assert facts == _with_old_forms(monkeypatch_session, text)
    by_start = {f[1]: dict(f[5]) for f in facts if f[0] == "attribution"}
    assert by_start[text.index("She said")]["source"] == "'Ada Quill'"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Quill", "Quil", "l", "'", "’", "-", "_", " ", "\n", "\t", "\u00a0", "\u2003",
                                 "6", "٣", "x", ",", "é", "Q", "May", "  "]), max_size=24).map("".join),
       st.sampled_from(["Quill", "Q", "l", "May"]))
def test_word_positions_unchanged(text, word):
    assert resolve._word_positions(text, word) == _old_word_positions(text, word)


def test_word_positions_by_hand():
    text = "May 6 and May\u00a0٣ are dates; May\tsaid so, and May, too. May"
    assert resolve._word_positions(text, "May") == [text.index("May\tsaid"), text.index("May,"),
                                                     len(text) - 3]


# -- the Analyzer's counting rule and span_value -----------------------------------------------------------------

def test_counted_is_the_kinds_rule_on_every_span():
    analyzer = _analyzer()
    text = ("Critics said the reckless plan would allegedly fail. \"It is a disaster,\" Ada Quill said. "
            "The term 'illegal alien' appeared in the memo. Perhaps the council will clearly reconsider.")
    result = analyzer.analyze_document(Document(id="t", text=text))
    rules = analyzer._count_rules
    assert any(rules.get(s.kind) is is_used for s in result.spans)
    for s in result.spans:
        rule = rules.get(s.kind)
        expected = rule if rule is None or rule is False else bool(rule(s))
        assert s.counted == expected, s


_VALUES = st.one_of(st.none(), st.text(max_size=3), st.floats(allow_nan=True), st.integers(), st.booleans(),
                    st.just(float("nan")), st.lists(st.integers(), max_size=2),
                    st.builds(type("Word", (str,), {}), st.text(max_size=2)))


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.sampled_from(["use", "kind", "label", "severity", "voice", "missing"]))
def test_span_value_unchanged(value, key):
    span = Span("hedge", 0, 4, "ever", "x", "p@1:e", "author", 0, {"use": value, "severity": value})
    row = {"kind": "hedge", "use": value, key: value}
    for obj in (span, row):
        got, old = span_value(obj, key), _old_span_value(obj, key)
        assert got is old or (isinstance(got, float) and math.isnan(got) and math.isnan(old))
    assert is_used(span) == (_old_span_value(span, "use") == "use")


def test_span_value_by_hand():
    span = Span("hedge", 0, 4, "ever", "x", attrs={"use": float("nan"), "lexicon": "p@1"})
    assert span_value(span, "use") is None and span_value(span, "lexicon") == "p@1"
    assert span_value({"severity": float("nan")}, "severity") is None
    assert span_value(span, "voice") == "author" and span_value(span, "nothing") is None


# -- the token view ----------------------------------------------------------------------------------------------

_PIECES = ["Ada", "said", "it", "was", "reported", ".", "!", "?", " ", "  ", "\n", ",", "\"", "’", "-", "é", "3",
           "Mr.", "U.S.", "don't"]
_texts = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 40), st.booleans()), max_size=12))
def test_token_view_ranges_unchanged(text, queries):
    if not text.strip():
        return
    seg = segment(text)
    cache = TokenCache(text, seg)
    for start, length, exact in queries:
        end = start + length
        if exact:
            expected = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, end)]
            assert [(t.start, t.end, t.text) for t in cache.exact(start, end)] == expected
        else:
            got = [(t.start, t.end, t.text) for t in cache.get(start, end)]
            k = seg.sentence_at(start) if seg.sentences else None
            if k is None or not (seg.sentences[k][0] <= start and end <= seg.sentences[k][1]) or end <= start:
                continue  # (outside one sentence: the plain tokenisation, unchanged)
            s0, s1 = seg.sentences[k]
            expected = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, s0, s1)
                        if start <= m.start() and m.end() <= end]
            assert got == expected


def test_calling_is_set_once_per_cue():
    from framelens.extract.attribution.context import CueContext

    assert not isinstance(getattr(CueContext, "calling", None), property)
    text = "Protesters held signs calling the mayor a liar. Ada Quill, calling it \"a sham,\" left."
    analyzer = _analyzer()
    ex = next(e for e in analyzer.extractors if e.name == "attribution")
    seg = segment(text)
    from framelens.extract.attribution.context import cue_context

    cache = TokenCache(text, seg)
    doc = Document(id="t", text=text)
    before = []
    for e in analyzer.extractors:
        if e.name == "attribution":
            break
        before.extend(e.extract(doc, seg, before))
    cues = ex.cue_finder.find(text, seg, before, text.lower())
    seen = 0
    for cue in cues:
        ctx = cue_context(ex.words, ex.typer, ex.names, seg, cache, [q.start for q in seg.quotes], cue)
        if ctx is not None:
            seen += 1
            assert ctx.calling == (cue.kind == "call" and text[cue.start:cue.end].lower() == "calling")
    assert seen



# -- the gender-title pattern ------------------------------------------------------------------------------------

#: The gender-title pattern of the ninth session (a look-ahead of the titles' first letters, then ``\b``).
_SESSION9_TITLE_RE = re.compile(r"(?=[" + "".join(sorted({t[0] for t in gender._TITLES})) + r"])\b(" +
                                "|".join(sorted(gender._TITLES, key=len, reverse=True)) +
                                r")\.?[^\S\n]+((?:[A-Z][\w’'\-]*\.?[^\S\n]+){0,2}[A-Z][\w’'\-]+)")
_TITLE_PIECES = ["Mr", "Mrs", "Ms", "Miss", "Madam", "Sir", "Lady", "King", "Kingston", "Congresswoman",
                 "Congressman", "Congresswomen", "Spokesman", "Spokeswoman", "Prince", "Princess", "Ada", "Quill",
                 "Tom", "Reyes", "O'Dell", "Lu-Vance", "mr", "Mr.", "MrX", "AMr", "_Mr", "9Mr", "éMr", "’Mr", "-Mr",
                 ".", " ", "  ", "\n", "\t", "\u00a0", ",", "’", "é", "É", "-", "x", ""]
_title_texts = st.lists(st.one_of(st.sampled_from(_TITLE_PIECES), st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_title_texts)
def test_title_pattern_unchanged(text):
    assert [(m.span(), m.groups()) for m in gender._TITLE_RE.finditer(text)] == \
        [(m.span(), m.groups()) for m in _SESSION9_TITLE_RE.finditer(text)]


def test_title_pattern_by_hand():
    text = "Mr. Tom Reyes met Congresswoman Ada Quill; AMr Lo and Kingston Pell left. Mrs Quill\nsaid Mr\nReyes"
    assert [m.groups() for m in gender._TITLE_RE.finditer(text)] == \
        [("Mr", "Tom Reyes"), ("Congresswoman", "Ada Quill"), ("Mrs", "Quill")]  # no title inside a word or over \n
    assert gender.gender_evidence(text, ["Tom Reyes", "Ada Quill"]) == {"Tom Reyes": "m", "Ada Quill": "f"}


# -- the forms Python 3.10 reads (no possessive repeats) ---------------------------------------------------------

def _greedy(pattern: str) -> str:
    """``pattern`` with its possessive repeats made plain greedy ones (what the modules build on Python 3.10)."""
    return pattern.replace("++", "+").replace("*+", "*")


_SPLIT_PIECES = ["don't", "Ode-Vance", "rock’n’roll", "U.S.", "3,000", "x_y", "__", "'", "’", "-", "‐", "--", "a-",
                 "-b", " ", "\n", "é", "ß", "İ", "٣", "!", "“", "said", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SPLIT_PIECES), st.text(max_size=3)), max_size=30).map("".join))
def test_patterns_without_possessive_repeats_match_the_same(text):
    from framelens.extract.attribution import tokens
    from framelens.text import language

    assert re.compile(_greedy(tokens._TOKEN_SPLIT_RE.pattern)).split(text) == tokens._TOKEN_SPLIT_RE.split(text)
    low = text.lower()
    assert re.compile(_greedy(language._ASCII_WORD.pattern)).findall(low) == language._ASCII_WORD.findall(low)


def test_patterns_by_hand():
    from framelens.extract.attribution import tokens
    from framelens.text import language

    assert tokens._TOKEN_SPLIT_RE.split("Don't stop, Ode-Vance.") == \
        ["", "Don't", " ", "stop", "", ",", " ", "Ode-Vance", "", ".", ""]
    assert language._ASCII_WORD.findall("it's rock'n'roll, ok") == ["it's", "rock'n'roll", "ok"]
