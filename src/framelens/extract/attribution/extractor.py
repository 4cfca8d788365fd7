"""The ``attribution`` extractor: finds the cues of a document, applies the rules to each, normalises the
sources and builds the spans: ``attribution`` spans, and ``attitude`` spans for the attitude verbs
(:mod:`.attitude`), which are worked out after the attributions and never change them."""

from __future__ import annotations

import bisect
import itertools
import re

from ...lexicon.wordlists import load_abbreviations, load_source_lexicon
from ...model import Span
from ...text.matcher import get_matcher
from ...text.matcher_text import lower
from ...text.segmentation import UNLIMITED
from .._lexhits import hits_by_kind
from .attitude import (LEXICON_KIND, attitude_class, attitude_hits, copy_attribution, finish_attitudes,
                       is_attitude)
from .content import trim_at_new_clauses, trim_nested
from .context import cue_context
from .cues import CueFinder
from .mentions import abbreviation_end, mention_end
from .metrics import attribution_metrics
from .names import NameFinder
from .readings import negated_cue
from .records import ATTITUDE, ATTRIBUTION, Attribution
from .resolve import normalise_sources
from .rules import apply_rules
from .source_types import SourceTyper
from .tokens import TokenCache
from .words import AttributionWords


class AttributionExtractor:
    """``attribution`` spans and the document's sourcing metrics (docs/methods_attribution.md).

    Runs after the ``report_verbs`` extractor (whose spans are the main cue
    candidates) and the ``loaded_terms`` and ``hedges`` extractors (used for the
    unsourced evaluative sentences metric and the ``hedged`` field). The attitude verbs are the
    ``attitude_verb`` packs of the run's lexicons (shipped: ``attitude_verbs``), read from the hits of the
    shared lexicon matcher (no second pass over the text); without such a pack there are no attitudes.
    """

    name = "attribution"
    requires = ("structure", "loaded_terms", "hedges", "report_verbs")
    emits = (ATTRIBUTION, ATTITUDE)

    def __init__(self, config=None):
        self.config = config
        self.lex = load_source_lexicon(getattr(config, "source_lexicon", None))
        self.words = AttributionWords(self.lex, load_abbreviations().title)
        self.cue_finder = CueFinder(self.words)
        self.typer = SourceTyper(self.words)
        self.names = NameFinder(self.words)
        # the run's shared matcher (the one the lexicon extractors use, so its hits are computed once a document),
        # looked up by its packs on use: a compiled matcher does not pickle, and the lookup is one cache hit
        self._packs = (tuple(getattr(config, "lexicons", []) or []), bool(getattr(config, "default_lexicons", True)))
        self.attitude_packs = [lx for lx in get_matcher(*self._packs).lexicons if lx.kind == LEXICON_KIND]

    def resources(self):
        return [self.lex.info()] + [lx.info() for lx in self.attitude_packs]

    def extract(self, doc, seg, spans):
        text = doc.text
        if not seg.sentences:
            return []
        # lower-cased once per document for the matcher and this extractor (a few characters change length when
        # lower-cased, e.g. dotted capital I: they stay as they are)
        low = seg.lower if seg.text is text else lower(text)
        attitudes = attitude_hits(hits_by_kind(get_matcher(*self._packs), doc, seg).get(LEXICON_KIND, ())) \
            if self.attitude_packs else ()
        cues = self.cue_finder.find(text, seg, spans, low, attitudes)
        if not cues:
            return []
        hedges = sorted([(s.start, s.end) for s in spans if s.kind == "hedge"])
        quote_starts = [q.start for q in seg.quotes]
        cache = TokenCache(text, seg, low)
        attrs: list[Attribution] = []
        held: list[Attribution] = []  # attitudes
        check = getattr(seg, "deadline", UNLIMITED).check  # the document's time budget (runtime.deadline)
        last = None  # the last attribution found, for a participle right after it (rules.after_report)
        before = None  # the one found before it (a speaker an 'according to' after it relays)
        # per cue, the next verb cue (one that may have a quotation of its own: content.direct_content)
        verbal = [c for c in cues if c.kind in ("report_verb", "cue")]
        k = 0
        for cue in cues:
            check()
            ctx = cue_context(self.words, self.typer, self.names, seg, cache, quote_starts, cue)
            while k < len(verbal) and verbal[k].start <= cue.start:
                k += 1
            if ctx is not None and k < len(verbal):
                ctx.next_cue = verbal[k]
            if ctx is not None and last is not None and last.cue.end >= ctx.sentence_start:
                ctx.previous = last
                if before is not None and last.cue.kind == "according_to" and before.cue.end >= ctx.sentence_start:
                    ctx.relayed = before
            found = apply_rules(ctx) if ctx is not None else None
            if found is not None:
                found.negated = negated_cue(ctx) or _negated_subject(low, found.src_start)
                if found.rule == "after_report":
                    _yield_to_participle(seg, ctx.relayed or ctx.previous, found)
                (held if is_attitude(cue) else attrs).append(found)
                if not is_attitude(cue):
                    before, last = last, found
        for a in itertools.chain(attrs, held):
            a.src_end = abbreviation_end(self.words, text, a.src_start, a.src_end)
        attrs = _drop_nested(attrs, text)
        if any(a.rule == "in_poll" for a in attrs):
            # 'the voters in the survey said': the poll is part of another source, not a source of its own
            attrs = _drop_polls_inside_sources(attrs)
        raw = [copy_attribution(a) for a in attrs] if held else []  # as they are before normalisation, for the attitudes
        normalise_sources(self.names, seg, attrs, cache)
        trim_nested(text, attrs)
        trim_at_new_clauses(text, attrs)
        out = [self._span(text, seg, self._period_kept(text, a), hedges) for a in attrs]
        if held:
            held = finish_attitudes(text, self.names, seg, cache, held, raw, attrs)
            out.extend(self._span(text, seg, self._period_kept(text, a), hedges, "attitude") for a in held)
        return out

    def _period_kept(self, text: str, a: Attribution) -> Attribution:
        """``a`` with what belongs to its mention's last word kept: the period of an abbreviation that ends the
        apposition the mention gained ('Richard Roe, president of the A.F.L.-C.I.O.') and a party label after a
        name ('Sen. Chris Murphy (D-Conn.)'); see :func:`.mentions.mention_end`."""
        start, end = a.mention or (a.src_start, a.src_end)
        new_end = mention_end(self.words, text, start, end)
        if new_end != end:
            a.mention = (start, new_end)
        return a

    @staticmethod
    def _span(text: str, seg, a: Attribution, hedges: list[tuple[int, int]], kind: str = "attribution") -> Span:
        cue = a.cue
        lo = min(a.src_start, cue.start)
        hi = max(a.src_end, cue.end)
        hedged = bool(hedges) and (_overlaps_any(hedges, cue.start, cue.end) or _overlaps_any(hedges, lo, hi))
        mention_start, mention_end = a.mention or (a.src_start, a.src_end)
        if a.mention and a.mention[0] > a.src_start and a.resolved_from is None:
            a.resolved_from = text[mention_start:mention_end]  # a relative pronoun standing for its antecedent
        attrs = {"source": a.source, "source_id": a.source_id, "source_type": a.source_type, "named": a.named,
                 "cue": text[cue.start:cue.end], "cue_start": cue.start, "cue_end": cue.end,
                 "stance": "neutral" if a.negated else cue.stance, "negated": a.negated, "mode": a.mode,
                 "content_start": a.content[0] if a.content else None,
                 "content_end": a.content[1] if a.content else None,
                 "resolved_from": a.resolved_from, "uncertain": a.uncertain, "hedged": hedged,
                 "passive": a.passive}
        label = a.mode
        if kind == "attitude":
            label = attrs["category"] = attitude_class(cue)
        return Span(kind, mention_start, mention_end, text[mention_start:mention_end], label, f"{kind}:{a.rule}",
                    a.voice, seg.sentence_at(mention_start), attrs)

    def metrics(self, doc, seg, spans):
        return attribution_metrics(doc, seg, spans)


def _drop_polls_inside_sources(attrs: list[Attribution]) -> list[Attribution]:
    """``attrs`` without the ``in_poll`` attributions whose source overlaps the source of another attribution.

    The other sources are sorted by start with the furthest end reached so far, so each poll needs one bisect
    (a source ``(s, e)`` overlaps the poll's ``(ps, pe)`` when ``s < pe`` and ``e > ps``)."""
    others = sorted((a.src_start, a.src_end) for a in attrs if a.rule != "in_poll")
    starts = [s for s, _ in others]
    reach = list(itertools.accumulate((e for _, e in others), max))

    def overlaps(a: Attribution) -> bool:
        k = bisect.bisect_left(starts, a.src_end)  # the sources starting before the poll's source ends
        return k > 0 and reach[k - 1] > a.src_start

    return [a for a in attrs if a.rule != "in_poll" or not overlaps(a)]


_NESTABLE = frozenset(("cue", "report_verb"))
_NEGATED_SUBJECT_RE = re.compile(r"(?:neither|nor)[^\S\n]+(?:(?:did|does|do|has|have|had|will|would|can|could|is|"
                                 r"are|was|were)[^\S\n]+)?$")


#: A source that is a negative quantifier: 'No one acknowledged it', 'Nobody has said', 'None of the officials
#: confirmed', 'No official commented', 'Not one senator spoke'.
_NEGATIVE_SOURCE_RE = re.compile(r"(?:no(?:body|[^\S\n]+one)|none|not[^\S\n]+(?:one|a[^\S\n]+single)|"
                                 r"no[^\S\n]+(?!one\b)[a-z]+)(?![^\W_])")


def _negated_subject(low: str, src_start: int) -> bool:
    """A source inside a negated coordination ('Neither Quill nor Reyes commented'), after *nor* and an auxiliary
    ('Nor did Quill's office respond') or a negative quantifier ('No one acknowledged it', 'None of them said'):
    nobody said it."""
    return _NEGATED_SUBJECT_RE.search(low, max(0, src_start - 16), src_start) is not None or \
        _NEGATIVE_SOURCE_RE.match(low, src_start) is not None or \
        (low.startswith(("one ", "a single "), src_start) and _NOT_BEFORE_RE.search(low, max(0, src_start - 8),
                                                                                    src_start) is not None)


#: *not* right before a source it quantifies ('Not one senator said', 'not a single official confirmed').
_NOT_BEFORE_RE = re.compile(r"(?<![\w'’])not[^\S\n]+$")


#: Words before a pronoun subject that open a clause of its own, not part of the content before it ('agreed
#: that ..., but he said ...', 'cited policies, which he said had ...').
_CLAUSE_OPENERS = ("but", "which", "and", "yet", "while", "whereas", "although", "though")
_LAST_WORD_RE = re.compile(r"([^\W\d_]+)[\s,;]*$")
#: A finite verb right after a pronoun's cue: the cue stands in a relative clause whose subject is missing after it
#: ('moves that he said improved the economy', 'a rule that she says would hurt'), a statement of its own.
_SUBJECT_GAP_RE = re.compile(r"[^\S\n]+(?:would|will|could|can|might|may|must|should|was|were|is|are|has|had|have|"
                             r"[^\W\d_]{3,}ed)(?![^\W_])")


def _yield_to_participle(seg, prev: Attribution, part: Attribution) -> None:
    """A split quotation read across a participle with content of its own ('"A," he said, noting that "B"') ends
    before the participle: *said* reports A, *noting* B (``prev``'s content is cut to its last quotation before
    ``part``'s cue)."""
    if prev.content is None or part.content is None:
        return
    start, end = prev.content
    cue = part.cue.start
    if not (start < cue < end and part.content[0] >= part.cue.end):
        return
    ends = [q.content_end for q in seg.quotes if start < q.content_end <= cue]
    if ends:
        prev.content = (start, max(ends))


def _drop_nested(attrs: list[Attribution], text: str) -> list[Attribution]:
    """``attrs`` without a verb cue whose pronoun subject lies in the content of the attribution just before it
    ('Cruz says he supports ...', 'told the Post that he thought ...', 'Reid said he had spoken with ...'): the
    belief or statement is part of what the first source said, not a second citation (PolNeAR's annotators
    mostly leave it unmarked; counting it would count the source twice). One look back per attribution. A
    pronoun after a word that opens a clause of its own (``_CLAUSE_OPENERS``: '..., but he said', 'which he
    said') starts a statement of its own and is kept, and so is a pronoun whose cue has a quotation of its own
    ('declared ...: "...," she said') or is set off as a parenthetical tag ('He believes, he said, that ...')."""
    out: list[Attribution] = []
    for a in attrs:
        prev = out[-1] if out else None
        if prev is not None and a.cue.kind in _NESTABLE and a.source_type == "pronoun" and a.mode != "direct" and \
                prev.content is not None and prev.content[0] <= a.src_start and a.cue.end <= prev.content[1] and \
                not _parenthetical_tag(text, a):
            before = _LAST_WORD_RE.search(text, max(prev.content[0], a.src_start - 20), a.src_start)
            if before is None or before.group(1).lower() not in _CLAUSE_OPENERS and not (
                    before.group(1).lower() == "that" and _SUBJECT_GAP_RE.match(text, a.cue.end)):
                continue
        out.append(a)
    return out


#: After a tag's cue: a comma or dash, or the end of the sentence ('..., they said.', '..., he said."').
_TAG_AFTER_RE = re.compile(r"[^\S\n]*(?:[,—–]|[”\"’']?[^\S\n]*[.!?])")
_TAG_BEFORE_RE = re.compile(r"[,—–][^\S\n]*$")


def _parenthetical_tag(text: str, a: Attribution) -> bool:
    """Whether a pronoun and its cue stand between commas or dashes, or after a comma at the end of the sentence:
    ', he said,' inside another statement, and '..., they said.' closing it."""
    return _TAG_AFTER_RE.match(text, a.cue.end) is not None and \
        _TAG_BEFORE_RE.search(text, max(0, a.src_start - 4), a.src_start) is not None


def _overlaps_any(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a range of the sorted ``ranges`` overlaps ``[start, end)`` (ranges are short: the search stops
    2000 characters back)."""
    i = bisect.bisect_left(ranges, (end, end))
    while i > 0:
        i -= 1
        range_start, range_end = ranges[i]
        if range_end > start and range_start < end:
            return True
        if range_end <= start and range_start < start - 2000:
            break
    return False
