"""The reported content of a verb cue that is not quoted: the clause after the cue, after an inverted source or
after the addressee of *told*, else the clause before the attribution; the readings that say a verb reports no
statement here ('she continued to renew it', 'the hotel boasts 300 rooms').

Split from :mod:`.rules` (which finds the source), whose verb rules call :func:`indirect_content`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .content import content_after, content_set_off_before
from .right_phrases import right_np
from .words import DAY_PARTS, RELATIVE_DAYS, WEEKDAYS

if TYPE_CHECKING:
    from .context import CueContext

__all__ = ["indirect_content"]

#: Verbs whose object is the addressee, not the content ('told the Ledger it was fine').
_TELL = frozenset("told tell tells telling informed assured warned reminded urged".split())
#: Tokens after an inverted source or an addressee read for the content (more only if all are skipped).
_CONTENT_TOKENS = 64


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
    if after is not None:
        # the opening tokens are enough unless every one of them is skipped (commas, 'that', adverbials)
        tokens = cache.head(after, sentence_end, _CONTENT_TOKENS)
        content = content_after(ctx.words, text, tokens, sentence_end)
        if content is None and len(tokens) == _CONTENT_TOKENS:
            content = content_after(ctx.words, text, cache.get(after, sentence_end), sentence_end)
    else:
        content = content_after(ctx.words, text, tokens, sentence_end)
    if content is None or (cue.kind != "document_cue" and rule == "left" and content[1] - content[0] < 2):
        # the content precedes: "..., the LA Times reported."
        content = content_set_off_before(text, ctx.sentence_start, min(src_start, cue.start))
    if content is None:
        return None
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
