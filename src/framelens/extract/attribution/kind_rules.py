"""The rules of the cue kinds that have one of their own: refusals to comment, 'in ... poll', speaker labels
('Marr: ...') and *according to*. Each always gives a verdict for its kind (an attribution or
:data:`NO_ATTRIBUTION`) and returns None for any other cue; :mod:`.rules` tries them before the verb rules.
"""

from __future__ import annotations

import re

from .content import content_around, direct_content, trim_end
from .context import CueContext
from .cues import IN_POLL_RE, IN_POLL_TAIL_RE, NOUN_CUE_POSSESSOR_RE, NOUN_FROM_TAIL_RE
from .mentions import left_mention, not_a_source
from .phrases import left_np, source_noun
from .records import Attribution
from .right_phrases import right_np
from .subjects import _name_elsewhere
from .words import DETERMINERS, OPENING_PREPOSITIONS, PAGE_FURNITURE, QUOTE_CHARS, RELATIVE_PRONOUNS

__all__ = ["NO_ATTRIBUTION", "no_response", "in_poll", "colon", "according_to", "noun_cue"]


class _NoAttribution:
    """The verdict of a rule that applies to a cue and finds that it attributes nothing."""

    def __repr__(self) -> str:
        return "NO_ATTRIBUTION"


NO_ATTRIBUTION = _NoAttribution()

#: What may open a sentence before a fronted 'In a ... poll,': quotation marks and a conjunction.
_IN_POLL_LEAD_RE = re.compile(r"[\s\"“‘'(]*(?:(?:but|and|yet|still|meanwhile|also)\s+)?$", re.IGNORECASE)


# ---------------------------------------------------------------------------
# cue kinds with rules of their own


def no_response(ctx: CueContext):
    """'The Drayford Tenants Union declined to comment': the noun phrase before the refusal; no content."""
    if ctx.cue.kind != "no_response":
        return None
    phrase = left_np(ctx.words, ctx.left)
    if phrase is None:
        return NO_ATTRIBUTION
    src_start, src_end, _ = phrase
    source_type, named = ctx.typer.type(ctx.cache, src_start, src_end, ctx.cue.start, ctx.sentence_start)
    return Attribution(src_start, src_end, ctx.cue, "no_response", source_type, None, named, None, ctx.voice,
                       rule="no_response", mention=left_mention(ctx.words, ctx.left, src_start, src_end))


def in_poll(ctx: CueContext):
    """A fronted 'in' + a poll or survey: 'In a Quill Institute poll released Monday, 52 percent backed the levy'.

    The source is the noun phrase after 'in' (with when it was released, or a 'by' agent); the content is the
    rest of the sentence. In the reporter's voice only, and not when a word of the phrase is a function word or
    a pronoun ('In response to the survey'). At the start of a sentence a comma must follow the phrase; in the
    middle of one the phrase must name one poll a figure before it is credited to ('Sixty-seven percent ... in a
    Washington Post-ABC News poll this month', see :func:`_named_poll`). 'leads in the polls' is left alone:
    PolNeAR's annotators mark it only now and then."""
    if ctx.cue.kind != "in_poll":
        return None
    text, cue, sentence_start, sentence_end = ctx.text, ctx.cue, ctx.sentence_start, ctx.sentence_end
    if ctx.voice != "author":
        return NO_ATTRIBUTION
    fronted = _IN_POLL_LEAD_RE.match(text, sentence_start, cue.start) is not None
    m = IN_POLL_RE.match(ctx.cache.low, cue.start, sentence_end)
    if m is None:
        return NO_ATTRIBUTION
    src_start, src_end = m.span(1)
    words = ctx.words
    phrase_words = [t for t in ctx.cache.exact(src_start, src_end) if t.is_word]
    if not fronted and not _named_poll(phrase_words, text, sentence_start, cue.start):
        return NO_ATTRIBUTION
    if not phrase_words or any(t.low in words.stop or t.low in words.pronouns or t.low in RELATIVE_PRONOUNS
                               or t.low in ("and", "or", "to", "for", "with") for t in phrase_words[:-1]):
        return NO_ATTRIBUTION
    head_end = src_end
    tail = IN_POLL_TAIL_RE.match(text, src_end, sentence_end)
    if tail is not None:
        src_end = tail.end()
    if fronted and not text.startswith(",", src_end):
        return NO_ATTRIBUTION
    # typed on the phrase up to the poll noun
    source_type, named = ctx.typer.type(ctx.cache, src_start, head_end, head_end, sentence_start)
    source_type, named = ctx.typer.media_via_modifier(ctx.cache, src_start, head_end, source_type, named)
    content = content_around(text, sentence_start, sentence_end, cue.start, src_end)
    if content is None:
        return NO_ATTRIBUTION
    return Attribution(src_start, src_end, cue, "document", source_type, None, named, content, ctx.voice,
                       rule="in_poll")


#: A figure reported before a mid-sentence poll: a digit or a share word.
_FIGURE_RE = re.compile(r"\d|\b(?:percent|half|majority|plurality|third|quarter)\b", re.IGNORECASE)


def _named_poll(phrase_words, text: str, sentence_start: int, cue_start: int) -> bool:
    """Whether a mid-sentence 'in ... poll' names one poll that a figure before it is credited to ('52 percent
    ... in a new Riverside College poll'): one poll or survey (singular), opened by a determiner, with a
    capitalised word (who took it), after a figure in the same sentence. 'leads in the polls' and 'in a poll'
    are left alone."""
    if len(phrase_words) < 3 or phrase_words[-1].low not in ("poll", "survey") or \
            phrase_words[0].low not in ("a", "an", "the", "this", "that", "last", "their", "its"):
        return False
    if not any(t.cap for t in phrase_words[1:-1]):
        return False
    return _FIGURE_RE.search(text, sentence_start, cue_start) is not None


def colon(ctx: CueContext):
    """A speaker label opening a sentence: 'Lena Marr: We will appeal.' (headline style), 'MARR: I disagree.'
    (transcript style), 'Marr: "We will appeal."'.

    The label must be a name used as a name elsewhere in the document (its last word ends a full name found
    there, in any case), or name an outlet or organisation by one of their words ('NY Ledger:'), or be a
    document noun ('Poll:'); so 'Update:', 'Ratio: 3 to 1' or 'Bottom Line:' are not sources."""
    if ctx.cue.kind != "colon":
        return None
    return _speaker_label(ctx) or NO_ATTRIBUTION


def _speaker_label(ctx: CueContext) -> Attribution | None:
    text, cue, words = ctx.text, ctx.cue, ctx.words
    tokens = ctx.cache.get(ctx.sentence_start, cue.start)
    while tokens and tokens[0].text in QUOTE_CHARS:
        tokens = tokens[1:]
    label = [t for t in tokens if t.is_word]
    if not label or len(label) > 6 or len(label[-1].text) < 2:
        return None
    src_start, src_end = tokens[0].start, tokens[-1].end
    if any(t.low.endswith(("'s", "’s")) or t.low[:1].isdigit() for t in label):
        return None
    if any(not t.cap and t.low not in ("and", "of") and not words.is_noun(t.low) for t in label):
        return None  # 'Marr said:', 'Marr added this:' are left to the verb
    if label[0].low in DETERMINERS or any(t.low in words.stop or t.low in words.between or t.low in words.pronouns
                                          or t.low in PAGE_FURNITURE for t in label if t.low != "of"):
        return None  # 'The One Thing Both Sides Want:', 'Why It Matters:', 'Photos: ...' (page furniture)
    all_caps = all(t.text.isupper() for t in label if t.low not in ("and", "of"))
    lows = [t.low for t in label]
    named = True
    transcript = False
    surname = label[-1].text.lower()
    # a full name elsewhere in the document (not this label) ending with the label's last word
    found = [official for pos, official in ctx.names.by_surname(text, ctx.cache.memo).get(surname, ())
             if not (src_start <= pos < src_end)]
    if found and not any(words.has("organization", w) or words.is_media(w) or words.has("document", w)
                         for w in lows):
        source_type = "official" if any(found) or any(words.has("role", w.rstrip(".")) for w in lows) else "person"
    elif not all_caps and any(t.cap and (words.has("organization", t.low) or words.is_media(t.low)) for t in label):
        source_type, named = ctx.typer.type(ctx.cache, src_start, src_end, cue.start, ctx.sentence_start)
        if source_type not in ("organization", "media"):
            return None
    elif not all_caps and words.has("document", lows[-1]) and len(label) <= 3 and \
            not any(w in _SECTION_WORDS for w in lows):  # 'Analysis:', 'Fact check:' head sections
        source_type, named = "document", any(t.cap for t in label[:-1])
    elif all_caps and len(label) <= 4 and _transcript_label(ctx, src_start, " ".join(lows)):
        source_type, named, transcript = "person", True, True
    elif not all_caps and len(label) <= 3 and (words.has("vague", lows[-1]) or words.has("role", lows[-1])) and \
            not any(w in _SECTION_WORDS for w in lows):
        # a headline's group or role label ('Historians: Quill and Reyes linked', 'Local Officials: ...')
        source_type, named = ctx.typer.type(ctx.cache, src_start, src_end, cue.start, ctx.sentence_start)
        if source_type not in ("vague", "official", "organization"):
            return None
    else:
        return None
    # content: a quotation right after the colon, else the rest of the paragraph
    quoted = direct_content(text, ctx.seg, ctx.quote_starts, src_start, cue.end, ctx.sentence_end) \
        if ctx.voice == "author" else None
    if quoted is not None:
        content, mode = quoted, "direct"
    else:
        para_end = ctx.seg.paragraphs[ctx.seg.paragraph_at(cue.end)][1]
        content_start = cue.end
        while content_start < para_end and text[content_start].isspace():
            content_start += 1
        turn = _NEXT_TURN_RE.search(text, content_start, para_end)  # ('CARDIN: ... — TILLERSON: ...': the turn ends
        content_end = trim_end(text, content_start, turn.start() if turn else para_end)  # where the next one opens)
        if len(text[content_start:content_end].split()) < 4 and not (transcript or _transcript_turn(ctx, surname)):
            return None  # a section header ('Marr: A long shot.'), not something said; a transcript's turn
            # may be short ('KATE ROE: Why not debate?')
        content, mode = (content_start, content_end), ("document" if source_type == "document" else "indirect")
    return Attribution(src_start, src_end, cue, mode, source_type, None, named, content, ctx.voice, rule="colon")


#: A transcript's speaker label before its colon: one to four upper-case words ('KATE ROE').
_UPPER_LABEL = r"[A-Z][A-Z.'’\-]+(?:[^\S\n][A-Z][A-Z.'’\-]+){0,3}"
#: Another speaker's upper-case label inside a transcript paragraph, with the dash or space before it.
_NEXT_TURN_RE = re.compile(r"[^\S\n]*[—–\-]*[^\S\n]+" + _UPPER_LABEL + r":[^\S\n]")
#: Words of section labels in fact-checks, explainers and live pages, which are no speakers ('CLAIM: ...').
_SECTION_WORDS = frozenset("""claim claims rating ratings verdict update updates background correction corrections
note notes editor editor's editor’s source sources question questions answer answers fact facts check bottom
line context analysis summary watch read more related breaking live what why how who when where our the
ruling truth finding findings""".split())
#: A transcript's speaker label: one to four upper-case words and a colon opening a paragraph ('KATE ROE: Why?').
_TRANSCRIPT_LABEL_RE = re.compile(r"^[\"“]?(" + _UPPER_LABEL + r"):[^\S\n]+\S", re.MULTILINE)


def _transcript_labels(ctx: CueContext) -> set[str]:
    """The speaker labels of the document's transcript, lower-cased (read once per document)."""
    labels = ctx.cache.memo.get("transcript_labels")
    if labels is None:
        labels = ctx.cache.memo["transcript_labels"] = {
            " ".join(m.group(1).lower().split()) for m in _TRANSCRIPT_LABEL_RE.finditer(ctx.text)}
    return labels


def _transcript_turn(ctx: CueContext, surname: str) -> bool:
    """Whether the label's last word is also a speaker label of the document's transcript ('KATE ROE: Why?' where
    'ROE:' opens another paragraph)."""
    labels = _transcript_labels(ctx)
    return len(labels) >= 2 and any(label.split()[-1] == surname for label in labels)


def _transcript_label(ctx: CueContext, src_start: int, label: str) -> bool:
    """Whether an upper-case label opens its paragraph in a transcript: a document where at least two different
    upper-case labels open paragraphs ('KATE ROE: ...', 'TOM REYES: ...'); one such label alone may be a
    section heading ('UPDATE: ...'). The label must read as a name: two or more words, none a common word of
    the lists or a section word ('CLAIM', 'OUR RATING', 'BOTTOM LINE'), or one word used as a name elsewhere
    in the document ('TRUMP:' where 'Trump' stands after a lower-case word)."""
    words = label.split()
    if any(w in _SECTION_WORDS or w in ctx.words.common for w in words):
        return False
    if len(words) == 1 and not _name_elsewhere(ctx.text, words[0].title(), ctx.cache.memo):
        return False
    seg = ctx.seg
    if seg.paragraphs[seg.paragraph_at(src_start)][0] > src_start - 2:
        labels = _transcript_labels(ctx)
        return len(labels) >= 2 and label in labels
    return False


def according_to(ctx: CueContext):
    """'The fund ran dry, according to the Brisk Valley Gazette': the noun phrase after the cue; the content is
    the rest of the sentence on either side."""
    if ctx.cue.kind != "according_to":
        return None
    phrase = right_np(ctx.words, ctx.right)
    if phrase is None:
        phrase = _according_phrase(ctx)
        if phrase is None:
            return NO_ATTRIBUTION
    src_start, src_end = phrase
    # the mention runs to the clause's punctuation, as PARC marks it ('according to a Gallup poll taken last
    # week', 'according to officials who spoke on condition of anonymity'); typed on the head phrase, with an
    # anonymity phrase anywhere in the mention making it anonymous
    mention_end = _ACCORDING_TAIL_RE.match(ctx.text, src_end, ctx.sentence_end)
    mention = None
    opens = not ctx.text[ctx.sentence_start:ctx.cue.start].strip(" \t\n\"“‘'")
    if mention_end is not None and opens and not ctx.text.startswith(",", mention_end.end()):
        mention_end = None  # 'According to Quist the plan failed': no comma, the content follows at once
    if mention_end is not None and mention_end.end() > src_end:
        mention = (src_start, trim_end(ctx.text, src_start, mention_end.end()))
        if mention[1] <= src_end:
            mention = None
    source_type, named = ctx.typer.type(ctx.cache, src_start, src_end, mention[1] if mention else src_end,
                                        ctx.sentence_start)
    source_type, named = ctx.typer.media_via_modifier(ctx.cache, src_start, src_end, source_type, named)
    if ctx.cache.low[src_start:src_end] in _OBJECT_PRONOUNS:
        source_type, named = "pronoun", False  # 'according to him'
    elif source_type == "vague" and _conformity(ctx, src_start, src_end):
        return NO_ATTRIBUTION
    capitalised = any(t.cap for t in ctx.cache.exact(src_start, src_end) if t.is_word)
    if not opens and ctx.text[ctx.cue.start - 2:ctx.cue.start] == ", ":
        apposition = (_ACCORDING_APPOSITION_RE if capitalised else _ACCORDING_NAME_RE).match(
            ctx.text, src_end, ctx.sentence_end)  # (a description's name: '..., according to a spokesman for the
        # mayor, Tom Reyes.': the source is the name, see resolve._source_string)
        if apposition is not None:  # its apposition belongs to the mention, as before a verb ('..., according to
            # Brian Reyes, an analyst at the Harlow Fund.'); the source is the name, the apposition no content
            end = trim_end(ctx.text, src_start, apposition.end())
            mention = (src_start, max(end, mention[1] if mention else end))
    content = content_around(ctx.text, ctx.sentence_start, ctx.sentence_end, ctx.cue.start,
                             mention[1] if mention else src_end)
    return Attribution(src_start, src_end, ctx.cue, "according_to", source_type, None, named, content, ctx.voice,
                       rule="according_to", mention=mention)


#: A name of two to four capitalised words in apposition after an unnamed source of *according to*, ending its
#: sentence ('..., according to a spokesman for the mayor, Tom Reyes.').
_ACCORDING_NAME_RE = re.compile(r",[^\S\n]+(?:[A-Z][\w'’\-]*\.?[^\S\n]+){1,3}[A-Z][\w'’\-]+"
                                r"(?=[^\S\n]*[.!?]?[\"”’']?[^\S\n]*$)")
#: An apposition after a named source of *according to* that ends its sentence: ', an analyst at X', ', one of the
#: unions ...' (no comma in it; a clause after the comma is content: ', the rise in ... is'; a relative clause,
#: which PolNeAR's annotators keep about half the time, is left out).
_ACCORDING_APPOSITION_RE = re.compile(r",[^\S\n]+(?:an?|one[^\S\n]+of)[^\S\n][^,;:()\"“”\n]{2,120}?"
                                      r"(?=[^\S\n]*[.!?]?[\"”’']?[^\S\n]*$)")
def _conformity(ctx: CueContext, src_start: int, src_end: int) -> bool:
    """*according to* in the sense 'in keeping with' ('to live according to our conscience', 'treat children
    according to their legal sex'): a word right before it (no comma, not the sentence's start) and a possessive
    determiner before a last word that is no noun of the source lists ('according to her aides' and 'according to
    their estimates' are sources)."""
    left = ctx.left
    tokens = [t for t in ctx.cache.exact(src_start, src_end) if t.is_word]
    return bool(left) and left[-1].is_word and len(tokens) >= 2 and tokens[0].low in _POSSESSIVE_DETERMINERS and \
        not ctx.words.is_noun(tokens[-1].low)


_POSSESSIVE_DETERMINERS = frozenset(("his", "her", "its", "their", "our", "my", "your"))
#: Object pronouns, the form a pronoun source takes after *according to*.
_OBJECT_PRONOUNS = frozenset(("him", "her", "them", "us", "me"))


def _according_phrase(ctx: CueContext) -> tuple[int, int] | None:
    """The words after *according to* up to the clause's punctuation, when :func:`.right_phrases.right_np` finds no
    noun phrase there ('according to the results,', 'according to him,', 'according to two senators present'):
    by construction they name what the content is credited to. None when there are none, when they run on for
    more than twenty words, or when they open with a word that cannot open a noun phrase ('that', 'which')."""
    start = ctx.cue.end
    text = ctx.text
    while start < ctx.sentence_end and text[start] in " \t":
        start += 1
    tail = _ACCORDING_TAIL_RE.match(text, start, ctx.sentence_end)
    if tail is None or tail.end() <= start:
        return None
    end = trim_end(text, start, tail.end())
    first = text[start:end].split(None, 1)
    if end <= start or not first or first[0].lower() in ctx.words.stop:
        return None
    return (start, end)


#: The rest of an *according to* phrase up to the clause's punctuation: at most twenty words, none a verb of
#: saying, *but*, or a form of *be*, *have* or *will* (then a new clause has begun: 'according to polls is a
#: lack of trust'); *and* may join names ('the AP and television networks').
# each word is taken whole (a look-ahead capture, the atomic group of Python < 3.11): letting the engine split a
# long word into pieces made this pattern backtrack exponentially (minutes on some real articles)
_ACCORDING_TAIL_RE = re.compile(r"(?:[^\S\n]*(?!(?:said|says|told|but|is|are|was|were|has|have|had|will|would)\b)"
                                r"(?=((?:[A-Z]\.|[^\s,.;:!?()\"“”—–])+))\1){0,20}?"
                                r"(?=[^\S\n]*(?:[,.;:!?()\"“”—–]|$))")


#: What opens the complement of a noun cue: white space and *that* (a *to* stays in the content).
_COMPLEMENT_OPENER_RE = re.compile(r"[^\S\n]+(?:that[^\S\n]+)?")


def noun_cue(ctx: CueContext):
    """A noun of saying after a possessive, with its *that* or *to* complement: "Quill's claim that the levy
    failed", "his call to end the program", "the campaign's insistence that ...". The possessor is the source (a
    possessive pronoun, or the name or noun phrase before *'s*: 'Quill', 'Mr. Quill', 'the campaign'); the
    content is the complement to the end of the sentence. PARC and PolNeAR count such nouns as cues; only nouns
    of saying are read (a plan or a desire is an attitude, not a statement), and only with a complement, so a
    mention of 'his remarks' alone attributes nothing."""
    if ctx.cue.kind != "noun_cue":
        return None
    text, cue, cache = ctx.text, ctx.cue, ctx.cache
    window = max(ctx.sentence_start, cue.start - 80)
    m = NOUN_CUE_POSSESSOR_RE.search(cache.low, window, cue.start)
    if m is None:
        return NO_ATTRIBUTION
    if m.group(1):
        src_start, src_end = m.span(1)
        source_type, named = "pronoun", False
    else:
        src_end = m.end(2)
        tokens = cache.get(ctx.sentence_start, m.end(3))  # the possessor's token holds its 's
        if not tokens or not tokens[-1].is_word:
            return NO_ATTRIBUTION
        k = len(tokens) - 1
        head = tokens[k].low[:src_end - tokens[k].start]
        titles = ctx.words.title_abbreviations
        if tokens[k].cap:  # a name: its capitalised words and titles ('Sen. Amos Reyes's')
            while k > 0 and ((tokens[k - 1].is_word and tokens[k - 1].cap and (
                    (tokens[k - 1].low not in ctx.words.common and tokens[k - 1].low not in ctx.words.stop
                     and tokens[k - 1].low not in OPENING_PREPOSITIONS) or tokens[k - 1].text in titles)) or (
                    tokens[k - 1].text == "." and k > 1 and tokens[k - 2].text in titles)):
                k -= 1  # (a capitalised common word opens the sentence, not the name: 'Despite Mr. Trump's')
            if not tokens[k].is_word:
                k += 1
        else:  # a noun phrase back to its determiner ('the federation's', 'the Republican nominee's')
            j = k
            while j > 0 and k - j < 4 and tokens[j - 1].is_word and tokens[j - 1].low not in ctx.words.stop and \
                    tokens[j - 1].low not in DETERMINERS:
                j -= 1
            if not ctx.words.is_noun(head):
                return NO_ATTRIBUTION  # 'this year's call to', 'the nation's promise to': no speaker
            if j > 0 and tokens[j - 1].low in DETERMINERS:
                k = j - 1
        src_start = tokens[k].start
        if not_a_source(ctx.words, cache, src_start, src_end):
            return NO_ATTRIBUTION  # 'Tuesday's statement that'
        source_type, named = ctx.typer.type(cache, src_start, src_end, cue.start, ctx.sentence_start)
        if source_type not in ("person", "official", "organization", "media", "vague", "anonymous", "document"):
            return NO_ATTRIBUTION
    comp = _COMPLEMENT_OPENER_RE.match(text, cue.end)
    content_start = comp.end() if comp else cue.end
    content_end = trim_end(text, content_start, ctx.sentence_end)
    if content_end - content_start < 3:
        return NO_ATTRIBUTION
    return Attribution(src_start, src_end, cue, "indirect", source_type, None, named, (content_start, content_end),
                       ctx.voice, rule="noun_cue")


def noun_from(ctx: CueContext):
    """A noun of saying credited with *from*: 'The plan drew criticism from Democrats', 'praise from the mayor',
    'calls for his resignation from party leaders'. The noun phrase after *from* is the source (a name, an
    organisation, a group; a time or a place is none: 'criticism from the start'); the content is the rest of the
    sentence."""
    if ctx.cue.kind != "noun_from":
        return None
    text, cue, cache = ctx.text, ctx.cue, ctx.cache
    m = NOUN_FROM_TAIL_RE.match(cache.low, cue.end, ctx.sentence_end)
    if m is None:
        return NO_ATTRIBUTION
    tokens = cache.get(m.start(2), ctx.sentence_end)
    phrase = right_np(ctx.words, tokens)
    if phrase is None:
        return NO_ATTRIBUTION
    src_start, src_end = phrase
    words = ctx.words
    inside = [t for t in cache.exact(src_start, src_end) if t.is_word]
    if not_a_source(words, cache, src_start, src_end) or \
            not any(t.cap or source_noun(words, t.low) for t in inside if t.low not in DETERMINERS):
        return NO_ATTRIBUTION  # ('criticism from the start', 'complaints from time to time')
    source_type, named = ctx.typer.type(cache, src_start, src_end, src_end, ctx.sentence_start)
    source_type, named = ctx.typer.media_via_modifier(cache, src_start, src_end, source_type, named)
    if source_type == "document":
        return NO_ATTRIBUTION  # ('complaints from the report'): a noun of saying needs one who says
    content = content_around(text, ctx.sentence_start, ctx.sentence_end, cue.start, src_end)
    if content is None:
        return NO_ATTRIBUTION
    return Attribution(src_start, src_end, cue, "indirect", source_type, None, named, content, ctx.voice,
                       rule="noun_from")
