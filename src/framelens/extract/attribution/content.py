"""What is attributed: quoted content next to an attribution, indirect content after or before its cue, the
quoted complement of *called*, and nested contents trimmed where a later attribution begins."""

from __future__ import annotations

import bisect
import itertools
import re

from .records import Attribution, Cue
from .tokens import TOKEN_RE, Token
from .words import AttributionWords

_SENTENCE_END = ".!?…"
#: Characters stripped between a content and its attribution.
_GAP_CHARS = " ,;:—–\t\n\u00a0"
#: Between *called* and its quoted complement: no clause punctuation (an abbreviation's period is allowed).
_CALL_GAP_BAD_RE = re.compile(r"[,;:!?()\[\]—–]|(?<![A-Z])\.(?!\w)")
_NON_SPACE_RUN_RE = re.compile(r"\S+")
_SO_CALLED_RE = re.compile(r"(?<![^\W_])[Ss]o[ -]$")
_ARTICLES = frozenset(("a", "an", "the"))
#: A word right after *called* that makes it another verb: 'called for', 'called on', 'called off', 'called in'.
_CALL_NOT_OBJECT = frozenset("for on upon off up out back in into to at from over about by with it's".split())


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over white space and closing punctuation (not before ``start``)."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SENTENCE_END or text[end - 1] in ",;:"):
        end -= 1
    return end


def direct_content(text: str, seg, quote_starts: list[int], attr_start: int, attr_end: int, sentence_end: int,
                   next_cue: tuple[int, int, int] | None = None):
    """Quoted content next to the attribution ``text[attr_start:attr_end]``: ``(start, end)`` or None.

    A quotation just before it ('"...," she said'), just after it ('She said: "..."'), or both (a split
    quotation), extended over the paragraphs of a multi-paragraph quotation. A quotation after it that opens
    right after the next cue, a verb in another clause (``next_cue``: see :func:`_opens_after`), is that cue's: 'As
    Reyes announced his campaign, she added, "..."', 'Referring to the vote, Quill told reporters, "..."' (not a
    participle's: '... fired back, telling the mayor, "..."' is one statement)."""
    quotes = seg.quotes
    para = seg.paragraph_at(attr_start)
    para_start, para_end = seg.paragraphs[para]
    i = bisect.bisect_left(quote_starts, attr_end)  # first quote starting at/after the attribution
    before = None
    j = i - 1
    while j >= 0 and quotes[j].end > attr_start:
        j -= 1
    if j >= 0 and quotes[j].start >= para_start and quotes[j].label != "title":
        if attr_start - quotes[j].end <= 6 and _only_punct(text[quotes[j].end:attr_start]):
            before = quotes[j]
    after = None
    if i < len(quotes) and quotes[i].start < para_end and quotes[i].label != "title" and (
            next_cue is None or not _opens_after(text, attr_end, next_cue, quotes[i].start)):
        q = quotes[i]
        # (the gap is read only as far as the rules need: a quotation far away in a long paragraph costs nothing)
        if before is not None:
            # split quote: '"...," she said. "..."' or '"...," Harris told the outlet, "..."'
            ok = _few_words_between(text, attr_end, q.start, 6) and \
                (q.start < sentence_end or _opens_sentence(seg, q.start))
        else:
            ok = _only_punct_colons(text, attr_end, q.start) or (
                _few_words_between(text, attr_end, q.start, 4) and text[attr_end:q.start].rstrip()[-1:] in ":,") \
                or _TOPIC_GAP_RE.fullmatch(text, attr_end, q.start) is not None
        if ok:
            after = q
    if before is None and after is None and _COLON_ONLY_RE.fullmatch(text, attr_end, para_end) and i < len(quotes) \
            and para + 1 < len(seg.paragraphs) and quotes[i].start == seg.paragraphs[para + 1][0]:
        after = quotes[i]  # 'Brandt said:' closing a paragraph, the quotation opening the next one
    if before is None and after is None:
        return None
    first = before or after
    last = after or before
    # a multi-paragraph quotation goes on while a region says it continues
    chain_first, chain_last = _quote_chains(seg)
    last = quotes[chain_last[_index_of(quotes, quote_starts, last)]]
    first = quotes[chain_first[_index_of(quotes, quote_starts, first)]]
    return (first.content_start, last.content_end)


#: What the speaker spoke of, between the attribution and its quotation ('said of a council plan that raises fares:
#: "..."', 'said about the levy, "..."'): a topic phrase of any length up to a colon or comma, no sentence end in it.
_TOPIC_GAP_RE = re.compile(r"[^\S\n]+(?:of|about)[^\S\n]+[^\"“”:;.!?\n]{1,160}[:,][^\S\n]*")


def _quote_chains(seg) -> tuple[list[int], list[int]]:
    """For each quotation, the first and the last quotation of the multi-paragraph quotation it belongs to
    (following ``continues``/``continued`` links), computed once per segmentation: a walk along the links per
    attribution would be quadratic in a long chain."""
    got = seg.__dict__.get("_quote_chains")
    if got is None:
        quotes = seg.quotes
        n = len(quotes)
        last = list(range(n))
        for k in range(n - 2, -1, -1):
            if quotes[k].continues and quotes[k + 1].continued:
                last[k] = last[k + 1]
        first = list(range(n))
        for k in range(1, n):
            if quotes[k].continued and quotes[k - 1].continues:
                first[k] = first[k - 1]
        got = seg.__dict__["_quote_chains"] = (first, last)
    return got


def content_after(words: AttributionWords, text: str, tokens: list[Token], sentence_end: int):
    """Indirect content: from after the cue (and 'that') to the end of the sentence."""
    k = 0
    n = len(tokens)
    while k < n:
        t = tokens[k]
        if t.text in ",:" or t.low == "that":
            k += 1
            continue
        hit = words.adverbials.starting_at(tokens, k)
        if hit:
            k += hit
            continue
        break
    if k >= n:
        return None
    start = tokens[k].start
    end = trim_end(text, start, sentence_end)
    if end <= start:
        return None
    return (start, end)


def content_before(text: str, sentence_start: int, attr_start: int):
    """Content that precedes its attribution: 'X happened, the LA Times reported.'"""
    end = attr_start
    while end > sentence_start and text[end - 1] in _GAP_CHARS:
        end -= 1
    start = sentence_start
    while start < end and text[start] in " \"“‘'":
        start += 1
    if end - start < 2:
        return None
    return (start, end)


#: Subordinators that open an adverbial clause: a source right after one, with nothing after its cue, reports
#: nothing of the clause before ('... is low because not every state reports.').
_SUBORDINATE_BEFORE_RE = re.compile(r"(?:^|\W)(?:because|since|if|unless|until|when|whenever|although|though|while|"
                                    r"once|whether)(?:\s+not)?\s*$", re.IGNORECASE)


def content_set_off_before(text: str, sentence_start: int, attr_start: int):
    """:func:`content_before`, unless the attribution opens an adverbial clause (a subordinator right before its
    source: 'that figure is low because not every state reports.'), whose cue reports nothing before it."""
    if _SUBORDINATE_BEFORE_RE.search(text, max(sentence_start, attr_start - 16), attr_start) is not None:
        return None
    return content_before(text, sentence_start, attr_start)


def content_around(text: str, sentence_start: int, sentence_end: int, cue_start: int, source_end: int):
    """Content of 'according to X' (and of a passive agent or a poll): the rest of the sentence on either side."""
    before = content_before(text, sentence_start, cue_start)
    after_start = source_end
    while after_start < sentence_end and text[after_start] in " ,;:—–":
        after_start += 1
    end = trim_end(text, after_start, sentence_end)
    if before is not None and (end - after_start) < 3:
        return before
    if before is None and end - after_start >= 3:
        return (after_start, end)
    if before is not None:
        return (before[0], end)
    return None


def call_complement(text: str, seg, cue: Cue, quote_starts: list[int], sentence_end: int, quote_inside):
    """What *called* ascribes: ``(True, quotation content)`` for 'called the plan "a relic"' or 'what Marr
    called "a relic"', where at most six words (the object) stand between the verb and a quotation in the
    same sentence; None otherwise ('called for', 'called the police', 'a call for calm', 'so-called'). A
    quoted Title-Case name counts only after an object ('called Rubio "Little Marco"'), not right after the verb
    ('a group called "Neighbors First"')."""
    quotes = seg.quotes
    k = bisect.bisect_left(quote_starts, cue.end)
    if k >= len(quotes):
        return _call_unquoted(text, cue, sentence_end)
    q = quotes[k]
    if q.start >= sentence_end or (quote_inside is not None and q.start >= quote_inside.content_end):
        return _call_unquoted(text, cue, sentence_end)
    gap_words = [m.group() for m in itertools.islice(_NON_SPACE_RUN_RE.finditer(text, cue.end, q.start), 7)]
    if len(gap_words) > 6:
        return None
    if q.label == "title" and not any(w.lower() not in _ARTICLES for w in gap_words):
        return None  # 'a group called "Neighbors First"' names; 'called Rubio "Little Marco"' characterises
    # the gap searched in place (no slice of a far quotation); a period right after the verb is tested as the
    # slice would test it, with nothing before it for the look-behind
    if _CALL_GAP_BAD_RE.search(text, cue.end, q.start) or (
            text.startswith(".", cue.end) and _CALL_GAP_BAD_RE.match(text[cue.end:min(q.start, cue.end + 2)])):
        return None
    if gap_words and gap_words[0].lower() in _CALL_NOT_OBJECT:
        return None
    if _SO_CALLED_RE.search(text[max(0, cue.start - 4):cue.start]):
        return None  # 'so-called', 'so called' (but 'also called')
    return (True, (q.content_start, q.content_end))


#: *called* + an object + an unquoted complement ('called him divisive', 'called Quill a liar', 'called the plan a
#: giveaway', 'called the offer insulting'): the object is a personal pronoun or one to three capitalised words,
#: then a lower-case word or *a*/*an* and a word; or a determiner phrase of one to three words, then *a*/*an* and a
#: word or a word with an adjective's ending (-ing, -ous, -ive, -ful, -less, -able, -ible, -ish: without one, 'called
#: the police department' could not be told from 'called the plan reckless').
_CALL_UNQUOTED_RE = re.compile(
    r"[^\S\n]+(?:(?:him|her|them|it|himself|herself|themselves|itself|me|us)(?![\w’'])"
    r"|[A-Z][\w’'.\-]*(?:[^\S\n]+[A-Z][\w’'.\-]*){0,2}(?![\w’']))"
    r"[^\S\n]+(?P<comp>(?:an?[^\S\n]+)?[a-z][\w’'\-]*)"
    r"|[^\S\n]+(?:the|his|her|their|its|this|that)(?:[^\S\n]+[\w’'\-]+){1,3}?[^\S\n]+"
    r"(?P<comp2>an?[^\S\n]+[a-z][\w’'\-]*|[a-z][\w’'\-]*(?:ing|ous|ive|ful|less|able|ible|ish)"
    r"(?![\w’'\-]))")
#: Words that cannot open the complement of *called* + object: particles and prepositions ('called him back',
#: 'called her on Monday', 'called them to the stage'), conjunctions, time and frequency words, and the idioms
#: 'called it quits', 'called him names'.
_CALL_NOT_COMPLEMENT = frozenset(
    "for on upon off up out back in into to at from over about by with after before during and or but that which "
    "who whom whose when while if as so than because until since again twice once repeatedly often several every "
    "each yesterday today tonight tomorrow last this next early late later home quits names himself herself "
    "themselves itself directly personally privately publicly immediately earlier recently was were is are be been "
    "has have had will would could should can may might must did does do".split())
#: Nouns of people that continue a capitalised modifier into the object ('call Gold Star families', 'called Dover
#: police'): the complement is the word after them ('called Marlow voters cowards'), and without one the verb is a
#: telephone call or a summons, no characterisation.
_CALL_OBJECT_NOUNS = frozenset(
    "families family members voters workers residents parents officials leaders supporters lawmakers employees "
    "students veterans troops soldiers police donors citizens relatives survivors victims".split())
#: The word after such a noun, when it can open a complement.
_NEXT_WORD_RE = re.compile(r"[^\S\n]+(?:an?[^\S\n]+)?([a-z][\w’'\-]*)")
#: An indefinite noun phrase right before *called*: a naming participle ('a group called Neighbors First').
_NAMING_BEFORE_RE = re.compile(r"(?<![\w’'])(?:[Aa]n?)(?:[^\S\n]+[\w’'\-]+){1,5}[^\S\n]+$")
#: What ends an unquoted complement of *called*: clause punctuation or a line break.
_CALL_COMPLEMENT_END_RE = re.compile(r"[,;:.!?()—–\n\"“”]")


#: *what* (lower-case: inside a clause, not a sentence's pseudo-cleft 'What Quill called the plan was ...') and a
#: subject of one to four words before *call*: 'in what officials called', '(what economists call'.
_WHAT_SUBJECT_RE = re.compile(r"(?<![\w’'])what[^\S\n]+(?:[\w’'.\-]+[^\S\n]+){0,3}[\w’'.\-]+[^\S\n]+\Z")
#: Object pronouns: 'what Quill called him' names no complement.
_OBJECT_PRONOUNS = frozenset(("him", "her", "them", "it", "me", "us", "you"))
#: The complement of *what X called*: up to six words before clause punctuation or the sentence's end
#: ('a hate crime', 'spending').
_WHAT_COMPLEMENT_RE = re.compile(r"[^\S\n]+([a-z][\w’'\-]*)(?:[^\S\n]+[\w’'\-]+){0,5}?(?=[^\S\n]*(?:[,;:.!?)\]—–]|\Z))")


def _call_unquoted(text: str, cue: Cue, sentence_end: int):
    """``(False, content)`` for *called* with an object and an unquoted complement ('called him divisive',
    'called Quill a liar', 'called the plan a giveaway'), the content running from the object to the end of
    the clause; None otherwise ('called him back', 'called the police', 'a group called Neighbors First',
    'so-called')."""
    what = _WHAT_SUBJECT_RE.search(text, max(0, cue.start - 60), cue.start)
    if what is not None:
        comp = _WHAT_COMPLEMENT_RE.match(text, cue.end, sentence_end)
        if comp is not None and comp.group(1).lower() not in _CALL_NOT_COMPLEMENT and \
                comp.group(1).lower() not in _OBJECT_PRONOUNS:
            return (False, (comp.start(1), trim_end(text, comp.start(1), comp.end())))  # 'what officials called a
        return None  # hate crime', 'what economists call spending': the complement right after the verb
    m = _CALL_UNQUOTED_RE.match(text, cue.end, sentence_end)
    if m is None or _SO_CALLED_RE.search(text[max(0, cue.start - 4):cue.start]) or \
            _NAMING_BEFORE_RE.search(text, max(0, cue.start - 40), cue.start):
        return None
    comp = m.group("comp") or m.group("comp2")
    first = comp.split()[0].lower()
    if first in _CALL_OBJECT_NOUNS and m.group("comp"):
        after = _NEXT_WORD_RE.match(text, m.end("comp"), sentence_end)
        if after is None or after.group(1) in _CALL_NOT_COMPLEMENT or after.group(1) in _CALL_OBJECT_NOUNS:
            return None  # ('call Gold Star families after a death': the families are called, not characterised)
    if first not in ("a", "an") and (first in _CALL_NOT_COMPLEMENT or first.endswith("ly")):
        return None
    start = cue.end + len(text[cue.end:m.end()]) - len(text[cue.end:m.end()].lstrip())
    stop = _CALL_COMPLEMENT_END_RE.search(text, m.end(), sentence_end)
    end = stop.start() if stop else sentence_end
    return (False, (start, trim_end(text, start, end)))


def _free_what(text: str, b: Attribution) -> bool:
    """Whether ``b``'s content is the *what* of a free relative right before its source ('repeated what Quill said'):
    its object, not a clause set off before it, so it cuts no content around it."""
    start, end = b.content
    return end - start == 4 and text[start:end].lower() == "what"


def trim_nested(text: str, attrs: list[Attribution]) -> None:
    """End an indirect content where a later attribution's own source begins.

    In "Harris claimed it was not the county's role, the LA Times reported" the
    content of *claimed* stops before ", the LA Times reported".

    Each attribution ``a`` (in list order) is cut, in list order, by every other attribution ``b`` whose source
    starts inside ``a``'s content as cut so far, whose own content ends before its source, and whose source and
    cue follow ``a``'s cue. The candidates ``b`` are indexed by where their source starts, so each ``a`` looks
    only at the sources inside its own content (a bisect), never at every attribution of the document.
    """
    n = len(attrs)
    if n < 2:
        return
    # b's own content may have been cut already when b comes before a: a cut only moves an end back, so a
    # b can only become a candidate (content end <= source start) once cut, never stop being one
    cand = sorted((b.src_start, i) for i, b in enumerate(attrs)
                  if b.content is not None and b.content[1] <= b.src_start and not _free_what(text, b))
    srcs = [c[0] for c in cand]
    order = [c[1] for c in cand]
    # run_end[k]: the last position from k on where list order still rises with the source start; in such a
    # run the first candidate by source is also the first in list order
    run_end = list(range(len(cand)))
    for k in range(len(cand) - 2, -1, -1):
        if order[k] < order[k + 1]:
            run_end[k] = run_end[k + 1]
    firsts = None  # the range-minimum table of list indexes, built when a range is not one run
    late: list[tuple[int, int]] = []  # sorted (source start, index) of those that became candidates once cut
    for ai, a in enumerate(attrs):
        if a.mode in ("direct", "no_response") or a.content is None:
            continue
        content_start, content_end = a.content
        was_candidate = content_end <= a.src_start
        cue_end = a.cue.end
        lo = bisect.bisect_right(srcs, max(content_start, cue_end))
        hi = bisect.bisect_left(srcs, content_end, lo)
        extra = [i for _, i in late[bisect.bisect_right(late, (content_start, n)):
                                    bisect.bisect_left(late, (content_end, -1))]]

        def cuts(bi: int) -> int:
            """The new end if ``attrs[bi]`` cuts the content as it is now, else 0."""
            b = attrs[bi]
            if b is a or not (content_start < b.src_start < content_end) or \
                    min(b.src_start, b.cue.start) <= cue_end:
                return 0
            end = _cut(text, content_start, b)
            return end if end > content_start else 0

        if lo < hi and not extra and run_end[lo] >= hi - 1:
            for k in range(lo, hi):  # one run: walk by source; the first cut ends the walk
                end = cuts(order[k])
                if end:
                    content_end = end
                    break  # every later candidate's source is at or after this cut, so beyond the new end
        elif lo < hi or extra:
            # the rule as written applies cuts in list order, each against the content as cut so far; a cut
            # ends the content before its source, so the next cut is the first in list order (among those
            # whose source lies in what is left) that cuts: the minimum of a range, found in a sparse table
            if firsts is None:
                firsts = _min_table(order)
            while True:
                best = _first_cutting(order, firsts, lo, hi, cuts)
                for bi in extra:
                    if (best is None or bi < best[0]) and cuts(bi):
                        best = (bi, cuts(bi))
                if best is None:
                    break
                content_end = best[1]
                hi = bisect.bisect_left(srcs, content_end, lo)
                extra = [bi for bi in extra if attrs[bi].src_start < content_end]
        a.content = (content_start, content_end)
        if not was_candidate and content_end <= a.src_start:
            bisect.insort(late, (a.src_start, ai))


def trim_at_new_clauses(text: str, attrs: list[Attribution]) -> None:
    """End a verb's indirect content before an attribution that opens a clause of its own after its cue
    (:func:`_new_clause`: 'Reyes said the levy would pass, but critics said it was doomed'). Not the content of
    *according to*, a quotation or a document, whose whole sentence is what the source reported ('According to
    the Times, her advisers said ..., but they said ...')."""
    starts = sorted((b.src_start, i) for i, b in enumerate(attrs) if _new_clause(text, b))
    keys = [k for k, _ in starts]
    by_source: dict[int, list[Attribution]] = {}  # coordinated verbs by where their subject starts
    for b in attrs:
        if b.rule == "coordinated":
            by_source.setdefault(b.src_start, []).append(b)
    for a in attrs:
        if a.mode != "indirect" or a.content is None:
            continue
        content_start, content_end = a.content
        for b in by_source.get(a.src_start, ()):
            if b is not a and content_start < b.cue.start < content_end:
                # the subject's second verb ('Quill said the levy would pass and added that ...'): the first
                # verb's content ends before the conjunction
                conj = _CONJUNCTION_BEFORE_RE.search(text, max(content_start, b.cue.start - 40), b.cue.start)
                if conj is not None and conj.start() > content_start:
                    content_end = _before_gap(text, content_start, conj.start())
                    a.content = (content_start, content_end)
        dangling = _DANGLING_RE.search(text, max(content_start, content_end - 10), content_end)
        if dangling is not None and dangling.start() > content_start:
            # a connective left at the end by an earlier cut ('this approach could work, but'): no content
            end = _before_gap(text, content_start, dangling.start())
            a.content = (content_start, end)
            content_end = end
        k = bisect.bisect_right(keys, max(content_start, a.cue.end))
        while k < len(keys) and keys[k] < content_end:
            b = attrs[starts[k][1]]
            if b is not a:
                end = _cut_before_clause(text, content_start, b)
                if end > content_start:
                    a.content = (content_start, end)
                    break
            k += 1


def _min_table(values: list[int]) -> list[list[int]]:
    """A sparse table for range minima: ``table[j][k]`` is the position of the smallest value in
    ``values[k:k + 2**j]``."""
    table = [list(range(len(values)))]
    j = 1
    while (1 << j) <= len(values):
        prev, half = table[-1], 1 << (j - 1)
        table.append([p if values[p] < values[q] else q
                      for p, q in zip(prev, prev[half:len(values) - (1 << j) + 1 + half])])
        j += 1
    return table


def _first_cutting(values: list[int], table: list[list[int]], lo: int, hi: int, cuts):
    """``(smallest value, its cut)`` over positions ``[lo, hi)`` whose value ``cuts`` (a non-zero result), or None.

    The range's minimum is taken from the table; when it does not cut, the range is split around it (a heap of
    sub-ranges keyed by their minimum), so the work grows with the number of candidates that do not cut."""
    import heapq

    def minimum(left: int, right: int) -> int:
        j = (right - left).bit_length() - 1
        p, q = table[j][left], table[j][right - (1 << j)]
        return p if values[p] < values[q] else q

    heap = []
    if lo < hi:
        p = minimum(lo, hi)
        heap.append((values[p], p, lo, hi))
    while heap:
        value, p, left, right = heapq.heappop(heap)
        end = cuts(value)
        if end:
            return (value, end)
        if left < p:
            q = minimum(left, p)
            heapq.heappush(heap, (values[q], q, left, p))
        if p + 1 < right:
            q = minimum(p + 1, right)
            heapq.heappush(heap, (values[q], q, p + 1, right))
    return None


def _cut(text: str, content_start: int, b: Attribution) -> int:
    """Where a content that holds ``b``'s source ends: before ``b``'s source or cue and the gap before it."""
    return _before_gap(text, content_start, min(b.src_start, b.cue.start))


def _before_gap(text: str, start: int, end: int) -> int:
    """``end`` moved back over the gap characters (spaces, commas, semicolons, colons, dashes) before it, not past
    ``start``."""
    while end > start and text[end - 1] in _GAP_CHARS:
        end -= 1
    return end


def _cut_before_clause(text: str, content_start: int, b: Attribution) -> int:
    """Where a content that holds ``b``'s clause ends: before the connective that opens it (', but', ', while',
    ';') and the gap before that."""
    end = min(b.src_start, b.cue.start)
    opener = _NEW_CLAUSE_BEFORE_RE.search(text, max(content_start, end - 12), end)
    if opener is not None:
        end = opener.start()
    return _before_gap(text, content_start, end)


#: A connective that opens a clause of its own right before a source: ', but critics said', ', while others say',
#: '; officials said'.
_CONNECTIVES = "(?:but|while|whereas|yet)"
_NEW_CLAUSE_BEFORE_RE = re.compile(r"(?:,[^\S\n]*" + _CONNECTIVES + r"|;)[^\S\n]+\Z")


#: The conjunction before a coordinated verb (adverbs and auxiliaries may follow it): ' and added', ', but then said'.
_CONJUNCTION_BEFORE_RE = re.compile(r",?[^\S\n]+(?:and|but|then)(?:[^\S\n]+[a-z]+){0,2}[^\S\n]+\Z")
#: A connective that ends a content, left by a cut before the clause it opened.
_DANGLING_RE = re.compile(r"[,;][^\S\n]*" + _CONNECTIVES + r"\Z")


def _new_clause(text: str, b: Attribution) -> bool:
    """Whether ``b`` opens a clause of its own after a connective (:data:`_NEW_CLAUSE_BEFORE_RE`) with its source
    before its cue: a content before it ends there ('Reyes said the levy would pass, but critics said it was
    doomed')."""
    return b.src_start < b.cue.start and \
        _NEW_CLAUSE_BEFORE_RE.search(text, max(0, b.src_start - 12), b.src_start) is not None


def _index_of(quotes, quote_starts: list[int], q) -> int:
    """Position of the quotation ``q`` in ``quotes`` (found by its start; compared by identity, not equality)."""
    k = bisect.bisect_left(quote_starts, q.start)
    while k < len(quotes) and quotes[k] is not q and quote_starts[k] == q.start:
        k += 1
    if k < len(quotes) and quotes[k] is q:
        return k
    return quotes.index(q)


def _opens_after(text: str, attr_end: int, cue: tuple[int, int, int], quote_start: int) -> bool:
    """Whether the quotation at ``quote_start`` follows the next verb cue of another clause (see
    :func:`direct_content`; ``cue``: the end of the attribution's own cue, the next cue's start and end): the next
    cue lies after the attribution with a comma between the two cues, is no participle in -ing, and at most four
    words and a comma or colon stand between it and the quotation."""
    own_end, start, end = cue
    if not attr_end <= start < end <= quote_start or "," not in text[own_end:start]:
        return False
    if text[start:end].split(None, 1)[0].lower().endswith("ing"):
        return False
    return text[end:quote_start].rstrip()[-1:] in (",", ":") and _few_words_between(text, end, quote_start, 4)


def _only_punct(s: str) -> bool:
    return all(not ch.isalnum() for ch in s) and len(s) <= 6


#: What is left of a paragraph after 'Brandt said:' that closes it (as ``str.strip() == ":"``).
_COLON_ONLY_RE = re.compile(r"\s*:\s*")
_NOT_COLON_RE = re.compile(r"[^:]")


def _only_punct_colons(text: str, start: int, end: int) -> bool:
    """``_only_punct(text[start:end].replace(":", ""))``, reading at most seven characters that are not colons."""
    rest = []
    for m in _NOT_COLON_RE.finditer(text, start, end):
        rest.append(m.group())
        if len(rest) > 6:
            return False
    return _only_punct("".join(rest))


def _few_words_between(text: str, start: int, end: int, limit: int) -> bool:
    """``_few_words(text[start:end], limit)``, stopping at the first token over the limit."""
    n = words = 0
    for m in TOKEN_RE.finditer(text, start, end):
        n += 1
        words += m.group()[0].isalnum()
        if n > limit * 2 or words > limit:
            return False
    return True


def _opens_sentence(seg, pos: int) -> bool:
    return seg.sentences[seg.sentence_at(pos)][0] == pos
