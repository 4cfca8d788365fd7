"""The shortcuts that make the attribution rules, source typing and name resolution faster (issue 17) give the
same answers as the plain computations they replace. Every text here is fictional, written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.extract.attribution import AttributionExtractor
from framelens.extract.attribution.context import cue_context
from framelens.extract.attribution.identity import role_evidence
from framelens.extract.attribution.names import _WORD_BEFORE_RE, NameIndex
from framelens.extract.attribution.rules import RULES, apply_rules
from framelens.extract.attribution.source_types import SourceTyper, vocabulary
from framelens.extract.attribution.subjects import COORD_BLOCK_RE, COORD_CUE_RE, blocked_between
from framelens.extract.attribution.tokens import TokenCache, matches_between
from framelens.model import Document
from framelens.runtime.pipeline import AnalysisConfig, Analyzer
from framelens.text.segmentation import segment

ARTICLE = (
    "Mayor Ada Quist said the levy would pass. \"We have the votes,\" said Quist.\n\n"
    "Tobin Vale, a Harlow councillor, told the Harlow Courier that the count was wrong. Vale toured the plant "
    "and said the repairs would take a month. An official who was not authorized to speak said the dam leaked.\n\n"
    "According to the Brisk Valley Gazette, the fund ran dry. The agency issued a statement saying the vote was "
    "fair. Residents, meanwhile, claimed the plan was a giveaway, and she said nothing.\n\n"
    "Council member Ada Quist of Harlow spoke later. She said the dam was safe. Lena Marr: We will appeal.\n\n"
    "Officials said the survey was flawed. It was reported that the dam leaked. He added that the crews were "
    "tired, Mayor Quist said.\n"
)


@pytest.fixture(scope="module")
def extractor():
    return AttributionExtractor()


@pytest.fixture(scope="module")
def prepared():
    """The article's segmentation and the spans the attribution extractor reads."""
    analyzer = Analyzer(AnalysisConfig(extractors=["structure", "loaded_terms", "hedges", "report_verbs"]))
    spans = analyzer.analyze_document(Document(id="a", text=ARTICLE)).spans
    return segment(ARTICLE), spans


def test_rule_table_shortcut_gives_the_verdicts_of_the_whole_table(extractor, prepared):
    seg, spans = prepared
    cues = extractor.cue_finder.find(ARTICLE, seg, spans, ARTICLE.lower())
    kinds = {c.kind for c in cues}
    assert {"report_verb", "according_to", "colon"} <= kinds  # the article has cues of several kinds
    found = 0
    for cue in cues:
        quote_starts = [q.start for q in seg.quotes]
        # two fresh contexts, so that nothing computed for one is read by the other
        fast = cue_context(extractor.words, extractor.typer, extractor.names, seg, TokenCache(ARTICLE, seg),
                           quote_starts, cue)
        if fast is None:
            continue
        slow = cue_context(extractor.words, extractor.typer, extractor.names, seg, TokenCache(ARTICLE, seg),
                           quote_starts, cue)
        a, b = apply_rules(fast), apply_rules(slow, dict(RULES))  # a copy of the table: tried rule by rule
        assert (a is None) == (b is None)
        if a is not None:
            found += 1
            assert (a.rule, a.src_start, a.src_end, a.source_type, a.named, a.content, a.mode) == \
                (b.rule, b.src_start, b.src_end, b.source_type, b.named, b.content, b.mode)
    assert found >= 8


def test_type_memo_keeps_the_text_up_to_the_cue_apart(extractor):
    # the same mention typed twice: before a plain cue it is an official, with an anonymous phrase between it
    # and the cue it is anonymous (the memo holds what depends on the mention alone)
    text = "An official said it. An official who was not authorized to speak said it."
    seg = segment(text)
    cache = TokenCache(text, seg)
    typer = SourceTyper(extractor.words)
    first = text.index("An official")
    second = text.index("An official", first + 1)
    assert text[first:first + 11] == "An official" and text[second:second + 11] == "An official"
    plain = typer.type(cache, first, first + 11, text.index("said"), first)
    gap = typer.type(cache, second, second + 11, text.index("said", second), second)
    again = typer.type(cache, first, first + 11, text.index("said"), first)
    assert plain == ("official", False) == again
    assert gap == ("anonymous", False)
    # white space alone between the mention and the cue changes nothing
    spaced = "Officials    said it."
    spaced_seg = segment(spaced)
    assert typer.type(TokenCache(spaced, spaced_seg), 0, 9, 13, 0) == typer.type(TokenCache(spaced, spaced_seg),
                                                                                 0, 9, 9, 0)


PHRASE_WORDS = sorted({w for phrases in AttributionExtractor().lex.phrases.values() for p in phrases for w in p})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_WORDS + ["the", "mayor", "x"]), min_size=1, max_size=6),
       st.sampled_from(["role", "organization", "media_role", "office"]))
def test_phrase_index_equals_the_scan_of_every_phrase(words_list, section):
    extractor = _EXTRACTOR
    vocab = vocabulary(extractor.words)
    for j in range(-1, len(words_list) + 1):
        assert vocab.phrase_ends_at(section, words_list, j) == extractor.words.phrase_ends_at(section, words_list, j)


_EXTRACTOR = AttributionExtractor()

_PIECES = ["Marr", "toured", "the", "plant", "who", "said", "and", "when", "x", "'", '"', ";", "(", ")", ",",
           "whose", "tells", "saying", "it's", "“", "”", "Rubio’s", "Sanders’", "’", "‘", "Sanders'"]


def _reference_quotes_block(part: str) -> bool:
    """Read mark by mark: every double quotation mark must open or close a quotation of at most 80 characters on
    one line that closes inside ``part`` ('“' ... '”' or '"' ... '"')."""
    i = 0
    while i < len(part):
        c = part[i]
        if c == "”":
            return True
        if c in "“\"":
            close = "”" if c == "“" else '"'
            j = i + 1
            while j < len(part) and part[j] not in '“”"\n':
                j += 1
            if j >= len(part) or part[j] != close or not 1 <= j - i - 1 <= 80:
                return True
            i = j + 1
            continue
        i += 1
    return False


@pytest.mark.parametrize("part, blocked", [
    (' called the plan “a relic” and ', False),
    (' called the plan "a relic" and ', False),
    (' said “we will win and ', True),
    (' praised “the plan” and “the ', True),
    (' ' + '“' + 'x' * 81 + '” and ', True),
])
def test_reference_quotes_block_by_hand(part, blocked):
    from framelens.extract.attribution.subjects import quotes_block
    assert _reference_quotes_block(part) is blocked
    assert quotes_block(part, 0, len(part)) is blocked


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=2, max_size=30), st.data())
def test_blocked_between_equals_the_whole_text_matches(pieces, data):
    text = " ".join(pieces) + "."
    seg = segment(text)
    cache = TokenCache(text, seg)
    words = [t for t in cache.get(0, len(text)) if t.is_word]
    if len(words) < 2:
        return
    # a start that ends a word and an end that opens a later one, as the subject rules pass them
    i = data.draw(st.integers(0, len(words) - 2))
    j = data.draw(st.integers(i + 1, len(words) - 1))
    start, end = words[i].end, words[j].start
    low = cache.low
    expected = low[start] == "'" or low[end - 1] == "'" or _reference_quotes_block(low[start:end]) or \
        matches_between(TokenCache(text, seg), COORD_BLOCK_RE, start, end) or \
        matches_between(TokenCache(text, seg), COORD_CUE_RE, start, end)
    assert blocked_between(cache, start, end) == expected


def test_role_evidence_for_wanted_names_equals_the_full_evidence(extractor):
    text = ("Mayor Ada Quist spoke. Ada Quist, the district attorney, left. Ledger columnist Jane Roe wrote. "
            "Jane Roe, a reporter for the Ledger, agreed. Tobin Vale said so. Carmen Yulín Cruz came; Yulín Cruz, "
            "the mayor, spoke.")
    names = extractor.names.doc_names(text, {})
    assert {n for _, n, _ in names} >= {"Ada Quist", "Jane Roe", "Tobin Vale", "Yulín Cruz"}
    index = NameIndex(names, text, extractor.words)

    def canonical(name):
        return index.longer(name) or name

    full = role_evidence(extractor.words, text, names, canonical)
    assert full["Ada Quist"] == {"official"} and full["Jane Roe"] == {"media"}
    for wanted in ({"Ada Quist"}, {"Jane Roe", "Tobin Vale"}, {"Carmen Yulín Cruz"}, set(), set(full)):
        got = role_evidence(extractor.words, text, names, canonical, wanted)
        assert got == {k: v for k, v in full.items() if k in wanted}


def test_titles_read_on_demand_equal_the_titles_before_each_name(extractor):
    text = "Sen. Ada Quist spoke. Mayor Ada Quist left. Ada Quist stayed. Dr. Tobin Vale came. Lena Marr went."
    names = extractor.names.doc_names(text, {})
    index = NameIndex(names, text, extractor.words)
    assert index.titles_of("Ada Quist") == {"sen", "mayor"}
    assert index.titles_of("Tobin Vale") == {"dr"}
    assert index.titles_of("Lena Marr") == set() and index.titles_of("Nobody Here") == set()
    for pos, name, _ in names:  # the same as reading the word before every occurrence
        before = _WORD_BEFORE_RE.search(text, max(0, pos - 30), pos)
        if before is not None and before.group(1).rstrip(".").lower() in ("sen", "mayor", "dr"):
            assert before.group(1).rstrip(".").lower() in index.titles_of(name)


def test_pronouns_resolve_within_two_paragraphs_only(extractor):
    analyzer = Analyzer(AnalysisConfig(extractors=["structure", "loaded_terms", "hedges", "report_verbs",
                                                   "attribution"]))
    # paragraphs 0 (the name), 2 (a pronoun two paragraphs later), 6 (a pronoun four paragraphs after that)
    paragraphs = ["Ada Quist said the levy would pass.", "The crews worked through the night.",
                  "She said the dam was safe."] + ["The river rose on Tuesday."] * 3 + ["She said the crews were tired."]
    text = "\n\n".join(paragraphs) + "\n"
    spans = [s for s in analyzer.analyze_document(Document(id="p", text=text)).spans if s.kind == "attribution"]
    by_start = {s.start: s for s in spans}
    near = by_start[text.index("She said the dam")]
    far = by_start[text.index("She said the crews")]
    # the name two paragraphs back: resolved; the nearest candidate of the second 'She' is four paragraphs back
    assert near.attrs["source"] == "Ada Quist" and near.attrs["resolved_from"] == "She"
    assert far.attrs["uncertain"] and far.attrs["resolved_from"] is None
