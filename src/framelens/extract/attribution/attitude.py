"""Attitudes: what a source wants, intends, decides, supports or opposes, knows, believes or how it regards someone.

PARC-style annotation (and PolNeAR, built on it) counts these as attribution relations; framelens keeps them
apart as spans of kind ``attitude`` (docs/methods_attitudes.md), so that sourcing density and every attribution
metric still count only sources that are quoted or credited.

How they are found: the attitude verbs are the ``attitude_verb`` packs of the run (the shipped
``lexicons/attitude_verbs.yaml``), matched by the shared lexicon matcher in its one pass over the text, with the
packs' look-alike rules (a determiner or possessive before 'plan', 'support', 'vote' makes them nouns). Each hit
becomes a candidate cue of kind ``cue`` (the kind of the cognition verbs of ``source_types.txt``: no speech act of
its own, left alone inside quotations and after *I*/*we*/*you*) whose category names its attitude class; it
yields to every other cue it overlaps (:data:`.cues.ATTITUDE_PRIORITY`). The cue then goes through the same
rules as every verb cue (:func:`.rules.apply_rules`: the source before it, a participle's or catenative's
subject, a passive's agent; modals, negation, page furniture and non-referential words as there). Here, after
the attributions of the document are final, the attitudes are filtered, normalised with the attributions as
antecedents, and cut where a later source begins, all without touching the attributions.
"""

from __future__ import annotations

import bisect
import itertools
import operator

from .content import trim_at_new_clauses, trim_nested
from .records import Attribution, Cue
from .resolve import normalise_sources

__all__ = ["LEXICON_KIND", "CATEGORY_PREFIX", "attitude_hits", "is_attitude", "attitude_class", "finish_attitudes",
           "copy_attribution"]

#: The lexicon kind of attitude verb packs (framelens.lexicon.KINDS).
LEXICON_KIND = "attitude_verb"
#: Prefix of a candidate cue's category that marks it as an attitude: ``attitude:<class>``.
CATEGORY_PREFIX = "attitude:"
_by_cue_start = operator.attrgetter("cue.start")


def copy_attribution(a: Attribution) -> Attribution:
    """A shallow copy of ``a``, as ``copy.copy`` makes it (a new instance whose ``__dict__`` is a copy of ``a``'s),
    without the pickle protocol ``copy.copy`` goes through for a plain class (several times slower per object)."""
    new = object.__new__(type(a))
    new.__dict__.update(a.__dict__)
    return new


def attitude_hits(hits) -> list[tuple[int, int, str]]:
    """``(start, end, class)`` of the lexicon hits of attitude verbs that are used (not talked about as words)."""
    return [(h.start, h.end, h.entry.category) for h in hits if h.use == "use"]


def is_attitude(cue: Cue) -> bool:
    """Whether a candidate cue is an attitude verb."""
    category = cue.category
    return category is not None and category.startswith(CATEGORY_PREFIX)


def attitude_class(cue: Cue) -> str:
    """The attitude class of an attitude cue (``support``, ``desire``, ...)."""
    return cue.category[len(CATEGORY_PREFIX):]


def _compound(text: str, low: str, a: Attribution) -> bool:
    """The verb is glued to the word before it by a hyphen ('Kremlin-backed', 'state-supported'): an adjective; or it
    is a participle followed by 'by', a passive after a noun ('Colleen Deacon, backed by the senator')."""
    return (a.cue.start > 0 and text[a.cue.start - 1] in "-‐‑") or low.startswith(" by ", a.cue.end)


#: Past forms without -ed (a bare form is one with no verbal ending: 'vote', 'support', 'plan').
_IRREGULAR_PAST = frozenset(("knew", "felt", "chose", "understood", "learnt", "sought", "thought"))
#: Words that may stand right before a bare verb form as its subject: plural pronouns, relative pronouns and
#: plurals without -s.
_PLURAL_WORDS = frozenset(("they", "we", "i", "you", "who", "that", "which", "people", "police", "men", "women",
                           "children", "folks", "clergy", "youth",
                           # quantifiers standing for people ('even though several oppose the deal', 'most oppose it')
                           # ('41 percent support' is mostly a noun phrase: a share is left out)
                           "several", "many", "most", "some", "few", "both", "all", "half"))


def _bare(cue_low: str) -> bool:
    """A verb form with no ending ('vote', 'support', 'push for'): also a noun or the base of a compound."""
    first = cue_low.split(None, 1)[0] if cue_low else cue_low
    return not first.endswith(("s", "ed", "ing")) and first not in _IRREGULAR_PAST


def _plural(word: str) -> bool:
    """A word that can be the plural subject of a bare verb form: a plural pronoun or relative, or a plural noun
    ('Republicans', 'voters'; not 'Sanders's', not a singular in -ss or -us)."""
    return word in _PLURAL_WORDS or (word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
                                     and len(word) > 3)


def _noun_compound(text: str, low: str, a: Attribution) -> bool:
    """A bare form right after a singular word is a noun in a compound, not a verb: 'Trump support', 'a Senate
    vote to', 'the council plan to'; a verb after it agrees with a plural ('Republicans support', 'they plan to').
    Words between (an adverb, an auxiliary, a negation: 'Quist does not support', 'to support') leave it alone."""
    if a.rule != "left" or a.src_end > a.cue.start or text[a.src_end:a.cue.start].strip():
        return False
    if not _bare(low[a.cue.start:a.cue.end]):
        return False
    words = low[a.src_start:a.src_end].split()
    return not words or not _plural(words[-1])


#: Pronouns that stand for no holder of an attitude ('it felt so universal', 'the bulk of it attacking Dewhurst',
#: 'which intended'): things, events and clauses rather than people or groups.
_NO_HOLDER = frozenset(("it", "which", "this", "these", "those", "there", "little", "much", "nothing"))
#: Words of amounts of money or things, which hold no attitude ('$1.1 million supporting him', 'at least 60 million
#: votes'); a share of respondents ('42 percent favored') is a holder.
_AMOUNTS = frozenset(("million", "millions", "billion", "billions", "thousand", "thousands", "hundred", "hundreds",
                      "dollars", "cents"))


def _holder(words, text: str, a: Attribution) -> bool:
    """Whether the source phrase can hold an attitude: a name (its last word capitalised), a personal or relative
    pronoun, a share of respondents, or a source noun of the word lists (voters, officials, the campaign, critics).
    A lower-case word outside the lists ('strong views', 'work seeking', 'television ads attacking'), an amount
    ('$1 million supporting') or a pronoun that stands for a thing is no holder; nor is a passive's agent ('was
    backed by liberals'): an attitude is read only with its holder before the verb; a document holds none ('a
    letter seeking answers' is its senders')."""
    if a.rule in ("passive_by", "passive_it") or a.source_type == "document":
        return False
    phrase = text[a.src_start:a.src_end]
    if "$" in phrase:
        return False
    tokens = phrase.split()
    if not tokens:
        return False
    last = tokens[-1].strip(",.;:!?()\"“”‘’'")
    low = last.lower()
    if not low or low in _NO_HOLDER or low in _AMOUNTS or low[0].isdigit():
        return False
    if last[0].isupper() or low in words.pronouns or low in ("who", "that") or low in ("percent", "%"):
        return True
    return words.is_noun(low) or (low.endswith("s") and words.is_noun(low[:-1]))


#: Words that open a complement clause or an embedded question right before the source ('I believe that he
#: understands', 'what Quist wants', 'whether voters feel'), or a verb of saying whose complement it is ('said voters
#: want'): an attitude there is part of what another predicate holds, not one the reporter ascribes.
_EMBEDDING = frozenset((
    "that", "what", "whether", "if", "how", "why", "whom", "whatever", "said", "says", "say", "told", "tells", "think",
    "thinks", "thought", "believe", "believes", "believed", "hope", "hopes", "hoped", "wonder", "wondered", "know",
    "knows", "knew", "feel", "feels", "felt", "argued", "argues", "claimed", "claims", "insisted", "insists", "noted",
    "warned", "predicted", "expects", "expected", "suggested", "suggests", "fear", "fears", "feared", "realized",
    "added", "doubt", "doubts",
    # causatives: 'letting voters know', 'made Brandt reconsider' (the attitude is brought about, not held)
    "let", "lets", "letting", "make", "makes", "made", "making", "help", "helps", "helped", "helping"))


def _embedded(low: str, a: Attribution) -> bool:
    """The source opens a complement clause, an embedded question or a causative (:data:`_EMBEDDING`), or starts
    with such a word ('think Islam hates ...': the phrase before the verb ran over the embedding verb)."""
    start = min(a.src_start, a.mention[0]) if a.mention else a.src_start
    before = low[max(0, start - 24):start].split()
    first = low[a.src_start:a.src_end].split()[:1]
    return (bool(before) and before[-1] in _EMBEDDING) or (bool(first) and first[0] in _EMBEDDING)


#: Words after which a personal pronoun may open a clause of its own ('and they want', 'because she feels'); after
#: any other word it opens a relative clause without 'that' ('something they want', 'the man he is seeking to
#: succeed'), whose object is the noun before it, not a content of its own.
_CLAUSE_OPENERS = frozenset((
    "and", "but", "or", "nor", "so", "yet", "then", "because", "while", "when", "whenever", "as", "since",
    "although", "though", "after", "before", "until", "unless", "once", "now", "also", "still", "where", "instead",
    "meanwhile", "however", "indeed", "perhaps", "maybe", "today", "clearly", "obviously", "apparently",
    "certainly", "even", "only", "just", "here", "there"))


def _contact_relative(words, text: str, low: str, a: Attribution) -> bool:
    """A pronoun source right after a word that opens no clause: a relative clause without 'that' ('can Obama
    offer them something they want', 'anyone she wants')."""
    if a.source_type != "pronoun" or a.rule != "left":
        return False
    phrase = low[a.src_start:a.src_end].strip()
    if phrase not in words.pronouns:
        return False
    before = text[max(0, a.src_start - 24):a.src_start]
    stripped = before.rstrip()
    if not stripped or len(stripped) < len(before) - 2 or not stripped[-1].isalpha():
        return False  # the sentence's start, a line break or punctuation: the pronoun opens the clause
    prev = stripped.split()[-1].lower()
    return prev not in _CLAUSE_OPENERS and not prev.endswith("ly")


def _in_double_apostrophes(text: str, seg, a: Attribution) -> bool:
    """The source stands inside a quotation marked with two apostrophes ('' ... '', the quotation marks of some news
    archives), which the segmenter does not read as quotation marks: an odd number of them opens the paragraph
    before it. Attitudes inside quotations are the speaker's, not ascribed by the reporter (as cognition cues
    inside quotations, :func:`.context.cue_context`)."""
    para = seg.paragraph_at(a.src_start)
    if para is None:
        return False
    return text.count("''", seg.paragraphs[para][0], a.src_start) % 2 == 1


def _keep(words, text: str, low: str, a: Attribution) -> bool:
    """Whether an attitude found by the rules stands: not an adjectival compound ('Kremlin-backed'), not a noun
    after a singular word ('Trump support'), a source that can hold an attitude (:func:`_holder`), and not in a
    complement clause (:func:`_embedded`)."""
    return not _compound(text, low, a) and not _noun_compound(text, low, a) and _holder(words, text, a) and \
        not _embedded(low, a) and not _contact_relative(words, text, low, a)


def _drop_inside(attitudes: list[Attribution], attributions: list[Attribution]) -> list[Attribution]:
    """``attitudes`` without those that are part of another relation of the same source:

    * an attitude inside the content of an attribution ('Cruz says he supports ...', 'Quist said voters want
      ...'): the attitude is part of what the source said, the source's claim rather than the reporter's
      attribution (as :func:`.extractor._drop_nested` does for a pronoun subject of a verb of saying; PolNeAR's
      annotators left about 85% of these unmarked on the train split);
    * a verb that is the *to* complement of an earlier attitude of the same source mention ('Quist wants to
      back ...': one attitude, *wants*, whose content holds the backing).
    """
    merged = sorted([(a.cue.start, 0, a) for a in attributions] + [(a.cue.start, 1, a) for a in attitudes],
                    key=operator.itemgetter(0, 1))
    out: list[Attribution] = []
    last_attitude: Attribution | None = None
    contents = sorted(b.content for b in attributions if b.content is not None and b.mode != "no_response")
    starts = [c[0] for c in contents]
    reach = list(itertools.accumulate((c[1] for c in contents), max))
    for _, is_att, a in merged:
        if is_att:
            k = bisect.bisect_right(starts, a.src_start)  # the contents that start at or before the source
            nested = k > 0 and reach[k - 1] >= a.cue.end
            chained = last_attitude is not None and last_attitude.content is not None and \
                (last_attitude.src_start, last_attitude.src_end) == (a.src_start, a.src_end) and \
                last_attitude.content[0] <= a.cue.start < last_attitude.content[1]
            if nested or chained:
                continue
            out.append(a)
            last_attitude = a
    return out


def finish_attitudes(text: str, names, seg, cache, attitudes: list[Attribution],
                     raw_attributions: list[Attribution], attributions: list[Attribution]) -> list[Attribution]:
    """The attitudes of a document, ready to become spans.

    ``raw_attributions`` are copies of the attributions before their sources were normalised (as the extractor
    had them then) and ``attributions`` the final ones; neither is changed. The attitudes are filtered
    (:func:`_keep`, :func:`_drop_inside`), their sources normalised together with the attributions' (so 'He
    wants ...' finds its antecedent in an earlier attribution, and one person keeps one type), and their indirect
    content cut where a later attribution's or attitude's source begins (:func:`.content.trim_nested`)."""
    low = cache.low
    attitudes = [a for a in attitudes if _keep(names.words, text, low, a) and not _in_double_apostrophes(text, seg, a)]
    if not attitudes:
        return []
    attitudes = _drop_inside(attitudes, raw_attributions)
    if not attitudes:
        return []
    mine = {id(a) for a in attitudes}
    together = sorted(raw_attributions + attitudes, key=_by_cue_start)
    normalise_sources(names, seg, together, cache)
    together = sorted([copy_attribution(a) for a in attributions] + attitudes, key=_by_cue_start)
    trim_nested(text, together)
    trim_at_new_clauses(text, together)
    return [a for a in together if id(a) in mine]
