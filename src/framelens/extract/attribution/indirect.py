"""The reported content of a verb cue that is not quoted: the clause after the cue, after an inverted source or
after the addressee of *told*, else the clause before the attribution; the readings that say a verb reports no
statement here ('she continued to renew it', 'the hotel boasts 300 rooms').

Split from :mod:`.rules` (which finds the source), whose verb rules call :func:`indirect_content`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .content import content_after, content_before, content_set_off_before, direct_content
from .right_phrases import right_np
from .words import DAY_PARTS, RELATIVE_DAYS, WEEKDAYS

if TYPE_CHECKING:
    from .context import CueContext

__all__ = ["indirect_content", "verb_content"]

#: Verbs whose object is the addressee, not the content ('told the Ledger it was fine').
_TELL = frozenset("told tell tells telling informed assured warned reminded urged".split())
#: Tokens after an inverted source or an addressee read for the content (more only if all are skipped).
_CONTENT_TOKENS = 64


def verb_content(ctx: CueContext, src_start: int, src_end: int, rule: str, source_type: str):
    """``(content, mode)`` of a verb cue with no complement of its own reading, or None: the quotation next to the
    attribution (:func:`.content.direct_content`), else the clause :func:`indirect_content` finds.

    A participle after another attribution ('"...," Quill said, adding that ...') reports what follows it: the
    quotation before its source is its content only when nothing follows. A quotation that ends the sentence
    before the attribution ('... the levy "is not going to pass." He said the vote would come in June') is the
    content of a new sentence's verb only when the verb has no clause of its own. A fronted clause's content ends
    before the clause's subject, its source ('Referring to the vote, Reyes told reporters ...' -> 'the vote')."""
    text, cue, sentence_end = ctx.text, ctx.cue, ctx.sentence_end
    if ctx.quote_inside is None:
        attr_start = cue.start if rule == "after_report" else min(src_start, cue.start)
        following = (cue.end, ctx.next_cue.start, ctx.next_cue.end) if ctx.next_cue is not None else None
        quoted = direct_content(text, ctx.seg, ctx.quote_starts, attr_start, max(src_end, cue.end), sentence_end,
                                following)
        if quoted is not None:
            if not _SENTENCE_BEFORE_RE.fullmatch(text, quoted[1] - 1, attr_start + 1):
                return quoted, "direct"
            own = indirect_content(ctx, src_start, src_end, rule, source_type)
            if own is None or own[0] < cue.end or _PLACE_OR_TIME_RE.match(ctx.cache.low, own[0]):
                return quoted, "direct"  # ('"We will win." Quill said at the rally.': no clause of its own)
            return own, "indirect"
    what = _WHAT_BEFORE_RE.search(ctx.cache.low, max(0, src_start - 6), src_start) if rule == "left" else None
    if what is not None and src_end <= cue.start:
        return (what.start(), what.start() + 4), "indirect"  # a free relative ('what he discussed with Reyes',
        # 'what Quill said in response'): what was said is its *what*, not the clause around it
    content = indirect_content(ctx, src_start, src_end, rule, source_type)
    if content is not None and cue.end <= content[0] < src_start < content[1]:
        kept = text[content[0]:src_start].rstrip(" ,\n\t")
        content = (content[0], content[0] + len(kept)) if kept else None
    if content is None and rule == "after_report" and ctx.quote_inside is None:
        quoted = direct_content(text, ctx.seg, ctx.quote_starts, src_start, cue.end, sentence_end)
        return None if quoted is None else (quoted, "direct")
    return None if content is None else (content, "indirect")


#: *what* right before a source: the free relative whose object it is ('what he said').
_WHAT_BEFORE_RE = re.compile(r"(?<![^\W_])what[^\S\n]+\Z")
#: A quotation's last character ending its sentence, its closing mark, and a new sentence's capital after it: the
#: quotation closes the sentence before the attribution (matched from the quotation's last character to the
#: attribution's first).
_SENTENCE_BEFORE_RE = re.compile(r"[.!?][\"”’'][^\S\n]+[A-Z]")
#: A preposition of place or time opening what follows a verb: an adverbial, no clause ('said at the rally').
_PLACE_OR_TIME_RE = re.compile(r"(?:at|in|on|during|after|before|outside|inside|near|from|to|with)(?![^\W_])")


def indirect_content(ctx: CueContext, src_start: int, src_end: int, rule: str, source_type: str = "person"):
    """Reported content that is not quoted: after the cue (or after an inverted source, or after the addressee
    of *told*), else before the attribution ('..., the LA Times reported.'); None if there is none, or if an
    evaluative verb has an object rather than reported speech ('boasts a long history'). An evaluative verb of
    stance whose subject is a speaker (a person, an official, a group, a pronoun other than *it*) keeps its
    object as content: 'Residents blasted the council' is a characterised speech act (PARC counts it), while
    *boast* and *brag* keep the stricter reading ('the hotel boasts 300 rooms')."""
    text, cue, cache = ctx.text, ctx.cue, ctx.cache
    sentence_end = _fronted_clause_end(ctx)
    after = None  # where the tokens run from when they are not ctx.right
    tokens = ctx.right
    if sentence_end < ctx.sentence_end:
        tokens = [t for t in tokens if t.end <= sentence_end]
    if rule == "inverted":
        after = src_end
    elif rule == "left" and ctx.cue_text_lower in _TELL:
        addressee = right_np(ctx.words, tokens)
        if addressee is not None:
            after = addressee[1]
    content = None
    if rule == "inverted" and text.startswith(",", src_end):
        # an apposition after an inverted source describes it: the clause before the verb is what was said ('The
        # bridge is safe, said Ada Quill, the county engineer.'); the words after it only where nothing precedes
        content = content_set_off_before(text, ctx.sentence_start, min(src_start, cue.start))
    if content is None and after is not None:
        # the opening tokens are enough unless every one of them is skipped (commas, 'that', adverbials)
        tokens = cache.head(after, sentence_end, _CONTENT_TOKENS)
        content = content_after(ctx.words, text, tokens, sentence_end)
        if content is None and len(tokens) == _CONTENT_TOKENS:
            content = content_after(ctx.words, text, cache.get(after, sentence_end), sentence_end)
    elif content is None:
        content = content_after(ctx.words, text, tokens, sentence_end)
    if content is None or (cue.kind != "document_cue" and rule == "left" and content[1] - content[0] < 2):
        # the content precedes: "..., the LA Times reported."
        content = content_set_off_before(text, ctx.sentence_start, min(src_start, cue.start))
    if content is None:
        return None
    if rule == "left" and content[0] > cue.end:
        content = _around_tag(text, ctx.sentence_start, src_start, cue.end, content)
    first = ctx.cue_low.split(None, 1)[0] if ctx.cue_low else ""
    if (first in _ONLY_QUOTED and rule != "inverted") or (first in _SPEAKING and content[0] > cue.start and " " not in ctx.cue_low and
                                 not _TOPIC_RE.match(cache.low, cue.end, content[1])):
        # 'she continued to renew it', 'Clinton spoke Monday night at a town hall': no statement reported
        # (quoted content was taken before this; 'spoke about ...', 'spoke of ...' keep their topic)
        return None
    after_pos = src_end if rule == "inverted" else cue.end
    starts_that = text[content[0]:content[0] + 5].lower().startswith("that ") or \
        text[after_pos:content[0]].lower().strip(" ,:").endswith("that")
    if not starts_that:
        timed = _TIMED_THAT_RE.match(cache.low, content[0], min(content[1], content[0] + 40))
        if timed is not None:  # 'boasted Monday night that ...': the clause after the time adverbial
            content, starts_that = (timed.end(), content[1]), True
    if starts_that or content[0] < cue.start:
        return content
    if cue.stance == "evaluative" and not (
            source_type in _SPEAKER_TYPES and not (ctx.cue_low.startswith(("boast", "brag")) and
                                                   not _ABOUT_RE.match(cache.low, cue.end, content[1]))
            and text[src_start:src_end].lower() not in ("it", "this", "that")):
        return None  # ('the team boasts a 10-0 record' has, 'Quill boasted about the crowd' says)
    if cue.stance == "evaluative" or cue.category in _OBJECT_CATEGORIES:
        later = _LATER_CUE_RE.search(ctx.cache.low, content[0], content[1])
        if later is not None:
            # 'Ellery slammed the ruling, saying that ...', 'thanked the crews but added that ...': two speech acts
            # of one source (PARC and PolNeAR mark both); this one's content is its object, up to the later verb
            end = later.start()
            while end > content[0] and text[end - 1] in " ,":
                end -= 1
            return (content[0], end) if end > content[0] else None
    return content


#: Verbs that report speech only with a quotation ('"...," he continued'; 'she continued to renew it' is no
#: report).
_ONLY_QUOTED = frozenset(("continued", "continues", "continue", "continuing"))
#: Verbs of speaking that report what was said only with a topic ('spoke about', 'spoke of', 'spoke on') or a
#: clause; without one they report an appearance ('Clinton spoke Monday night at a town hall').
_SPEAKING = frozenset(("spoke", "speaks", "speak", "speaking", "spoken", "talked", "talks", "talk", "talking"))
_TOPIC_RE = re.compile(r"[^\S\n]*(?:(?:(?!(?:early|only|daily|weekly|monthly|yearly|nightly|hourly|likely)[^\S\n])"
                       r"[^\W\d_]{2,}ly|again|out|up)[^\S\n]+)?"
                       r"(?:about|of|on|that|to[^\S\n]+\w+[^\S\n]+about)\b")
#: *about* or *of* opening the topic of a verb of boasting ('boasted about the crowd', 'bragged of his wealth').
_ABOUT_RE = re.compile(r"[^\S\n]+(?:\w+ly[^\S\n]+)?(?:about|of)\b")
#: A time adverbial and *that* opening a verb's content ('Monday night that ...', 'on Tuesday that ...').
#: A parenthetical tag's closing comma and the lower-case word after it: 'The biggest problem, Quill said, is the
#: cost'.
_TAG_CLOSE_RE = re.compile(r"[^\S\n]*,[^\S\n]*([a-z]+)")


def _around_tag(text: str, sentence_start: int, src_start: int, cue_end: int, content: tuple[int, int]):
    """The content of an attribution set off by commas inside the sentence it reports, when what follows the tag
    goes on from what precedes it: the clause on either side of the tag, as a split quotation is read ('The
    biggest problem, Quill said, is the cost of the bridge'; 'Prices will rise, she said, and wages will fall').
    When the tag's own participle follows ('There was an uptick, he said, noting that ...') the participle
    reports what follows, and the tag what precedes. ``content`` (what follows the tag) otherwise."""
    close = _TAG_CLOSE_RE.match(text, cue_end)
    if close is None or not text[sentence_start:src_start].rstrip().endswith(","):
        return content
    before = content_before(text, sentence_start, src_start)
    if before is None or any(c in text[before[0]:before[1]] for c in '"“”'):
        return content
    if close.group(1).endswith("ing"):
        return before
    return (before[0], content[1]) if close.start(1) == content[0] or close.group(1) in ("and", "but") else content


_TIMED_THAT_RE = re.compile(r"(?:(?:(?:on|last|this|early|late)\s+)?(?:" + "|".join(sorted(WEEKDAYS | RELATIVE_DAYS)) +
                            r")\s+)?(?:(?:" + "|".join(sorted(DAY_PARTS)) + r")\s+)?that\s+")
#: Subordinators that open a fronted adverbial clause ('After Quill accused him of sexism, he warned ...').
_FRONTED_SUBORDINATORS = frozenset(("when", "after", "as", "while", "although", "though", "because", "since", "if",
                                    "before", "once", "until", "unless", "whereas", "whenever"))
_LEADING_RE = re.compile(r"[\s\"“‘'(]*")


def _fronted_clause_end(ctx: CueContext) -> int:
    """Where the content of a cue may run to: the end of its sentence, or, for a cue inside a fronted adverbial
    clause ('After Quill accused him of sexism, he warned ...'), the comma that closes the clause (the main
    clause after it is not what the cue reports)."""
    text, start, end = ctx.text, ctx.sentence_start, ctx.sentence_end
    lead = _LEADING_RE.match(text, start, ctx.cue.start).end()
    first = text[lead:lead + 12].split(None, 1)
    if not first or first[0].lower() not in _FRONTED_SUBORDINATORS or "," in text[lead:ctx.cue.start]:
        return end
    comma = text.find(",", ctx.cue.end, end)
    return end if comma < 0 else comma


#: Report-verb categories whose verbs take an object rather than a clause ('praised the crews', 'rejected the
#: plan'): when a verb of saying follows in the same sentence, that verb carries the content and this one is
#: not an attribution of its own.
_OBJECT_CATEGORIES = frozenset(("praise", "criticism", "attack", "denial", "accusation", "boast", "defense",
                                "contested_assertion", "complaint", "characterisation"))
#: A later verb of saying in the same sentence: a participle after a comma, or a verb after a conjunction.
_LATER_CUE_RE = re.compile(r",\s+(?:\w+ly\s+)?(?:saying|adding|arguing|noting|calling|insisting|claiming|warning|"
                           r"telling|writing|explaining|declaring|asserting)\b|\b(?:and|but|then)\s+(?:\w+ly\s+)?"
                           r"(?:said|says|added|adds|told|tells|wrote|writes|argued|noted|insisted|warned|claimed|"
                           r"stated|explained|declared|asserted|vowed|promised)\b")
#: Source types that are speakers: their evaluative verbs with an object are speech acts ('critics slammed the
#: plan', 'the editorial slams the plan'); an unknown 'it' boasting something is not, and *boast* and *brag* need
#: a topic ('the hotel boasts 300 rooms').
_SPEAKER_TYPES = frozenset(("person", "official", "organization", "media", "vague", "anonymous", "pronoun",
                            "document"))
