"""The attribution rules: one function per construction, tried in the order of :data:`RULES`.

Each rule reads a :class:`~.context.CueContext` and returns

* an :class:`~.records.Attribution` when it fires (its ``rule`` is the rule's name, and the span's entry is
  ``attribution:<name>``);
* :data:`NO_ATTRIBUTION` when it applies to the cue but finds that the cue attributes nothing (its source
  phrase is no source, there is no content, ...): no later rule is tried;
* None when it does not apply; the next rule is tried.

The first four rules belong to cue kinds of their own (refusals, polls, speaker labels, *according to*; in
:mod:`.kind_rules`); the others, here, read verb cues, and leave alone those with no source of their own
('Harris was told', 'when asked'; see :attr:`.context.CueContext.without_source`). The rules apply to
different constructions; where two could fire on one cue the order decides: *statement* before *left* (it
replaces the statement object found by *left* with the sentence subject), *participle* before *inverted*
('..., saying X'). docs/methods_attribution.md describes each rule and its limits.
"""

from __future__ import annotations

import re
from typing import Callable

from .content import content_after, content_around
from .context import PASSIVE_FORM, CueContext
from .kind_rules import NO_ATTRIBUTION, according_to, colon, in_poll, no_response, noun_cue, noun_from
from .indirect import verb_content
from .left_subject import index_at
from .mentions import (hover_card_name, inside_hover_card, left_mention, not_a_source, pronoun_led_end,
                       trim_non_referential)
from .phrases import DASHES, SHARE_RE, source_noun
from .readings import (EVIDENCE_VERBS, QUANTIFIERS, READ_FORMS, READ_NOT_FOLLOWED_BY, RECORDING_OF_RE,
                       after_thing_noun, bare_participle, noun_after_auxiliary, noun_after_determiner,
                       noun_before_plural_verb, plural_noun_cue, capitalised_cue, causative_worry, confirmation_vote,
                       conditional_subject, question_subject, speaker_phrase)
from .records import Attribution
from .right_phrases import right_mention, right_np
from .subjects import (SUBJECT_TOKENS, blocked_between, coordinated_subject, later_clause_subject,
                       nominative_coordinated_subject, plausible_subject, statement_subject, subject)
from .words import (ADDRESSEE_VERBS, AUXILIARIES, DETERMINERS, MODALS, PARTY_LABEL_RE, POSSESSIVE_DETERMINERS,
                    QUOTE_CHARS, RELATIVE_PRONOUNS)



# ---------------------------------------------------------------------------
# passives


def passive_by(ctx: CueContext):
    """A passive with an agent: 'it was reported by the Courier that ...', also reduced ('Asked by Ines Hale
    whether ...', 'when asked by a reporter', 'as reported by the Courier'); the agent is the source."""
    if not _BY_RE.match(ctx.cache.low, ctx.cue.end, ctx.sentence_end) or not (ctx.right and ctx.right[0].low == "by") \
            or (len(ctx.right) > 1 and ctx.right[1].low in _MEANS) or not (ctx.passive or _reduced_passive(ctx)):
        return None  # (the text is read before the tokens after the cue, which most cues never need; 'said by
        # telephone' is a means, not an agent)
    phrase = right_np(ctx.words, ctx.right[1:])
    if phrase is None:
        agent = ctx.right[1] if len(ctx.right) > 1 else None
        if agent is None or not agent.is_word or agent.cap or not agent.low.endswith("s") or \
                agent.low in ctx.words.stop or agent.low in ctx.words.between or len(agent.low) < 4:
            return NO_ATTRIBUTION
        phrase = (agent.start, agent.end)  # a bare plural: 'was denounced by parents'
    src_start, src_end = phrase
    if not_a_source(ctx.words, ctx.cache, src_start, src_end):
        return NO_ATTRIBUTION  # a time, not an agent: 'announced by March', 'was reported by Monday'
    src_start = trim_non_referential(ctx.cache, src_start, src_end)
    if src_start is None:
        return NO_ATTRIBUTION  # page furniture, not an agent: 'denounced by Share Comments (3)'
    source_type, named = ctx.typer.type(ctx.cache, src_start, src_end, src_end, ctx.sentence_start)
    content = content_around(ctx.text, ctx.sentence_start, ctx.sentence_end, ctx.cue.start, src_end)
    return Attribution(src_start, src_end, ctx.cue, "indirect", source_type, None, named, content, ctx.voice,
                       passive=True, rule="passive_by")


_BY_RE = re.compile(r"\s+by(?![\w'’\-])")
#: Means of saying after *by* ('said by telephone', 'told by email'): no passive's agent.
_MEANS = frozenset(("phone", "telephone", "email", "e-mail", "mail", "text", "video", "videoconference", "letter",
                    "satellite", "radio", "fax", "cellphone", "zoom", "skype"))
#: Words after which a participle and *by* open a reduced passive clause ('when asked by', 'as reported by').
_REDUCED_PASSIVE_OPENERS = frozenset(("when", "as", "if", "once", "unless", "after", "until", "while", "before",
                                      "and", "but"))


def _reduced_passive(ctx: CueContext) -> bool:
    """A participle cue that opens its clause with no form of *be*: at the start of a sentence or after a comma
    ('Asked by Hale, ...', '..., asked by Hale') or after a subordinator ('when asked by', 'as reported by')."""
    if not ctx.verbal or not PASSIVE_FORM(ctx.cue_text_lower):
        return False
    last = ctx.last
    return last is None or last.text == "," or ctx.opens_clause or (last.is_word and
                                                                     last.low in _REDUCED_PASSIVE_OPENERS) or \
        after_thing_noun(ctx) or bare_participle(ctx)


def passive_it(ctx: CueContext):
    """An agentless passive with *it*: 'It was reported that ...'; an attribution without a source (the span is
    the cue)."""
    if not ctx.passive or (ctx.right and ctx.right[0].low == "by"):
        return None
    subject_index = ctx.be_index - 1
    if subject_index < 0 or ctx.left[subject_index].low != "it":
        return None
    content = content_after(ctx.words, ctx.text, ctx.right, ctx.sentence_end)
    if content is None:
        return NO_ATTRIBUTION
    cue = ctx.cue
    return Attribution(cue.start, cue.end, cue, "indirect", "vague", None, False, content, ctx.voice, passive=True,
                       rule="passive_it")


# ---------------------------------------------------------------------------
# verb cues: where the source is


def statement(ctx: CueContext):
    """'The agency issued a statement saying ...': the sentence subject, not the statement, is the source."""
    if ctx.without_source or not (ctx.voice == "author" and ctx.cue.kind == "report_verb" and
                                  ctx.cue_low.split(None, 1)[0].endswith("ing")):
        return None  # ('issued a statement saying', '... calling on')
    phrase = ctx.left_phrase
    if phrase is None:
        return None
    found = statement_subject(ctx.words, ctx.cache, ctx.sentence_start, phrase[0], phrase[1])
    if found is None:
        return None
    return _attribute_verb(ctx, found[0], found[1], "statement")


def left(ctx: CueContext):
    """The noun phrase right before the cue: 'Harris said', 'Paul Maslin, a Democratic pollster, said'; not before a
    bare participle ('a biography written by', 'notes written in the margins': see :func:`bare_participle`)."""
    if ctx.without_source:
        return None
    if bare_participle(ctx):
        return NO_ATTRIBUTION
    phrase = ctx.left_phrase
    if phrase is None:
        return None
    prev = ctx.previous
    if prev is not None and prev.src_start == phrase[0] and prev.cue.end < phrase[1] and \
            prev.cue.kind == "report_verb":
        # the phrase opens with another attribution's source and runs over its verb: a clause, and this cue's
        # subject is the conjunct after it ('a woman asked for a lawyer and Clinton said' -> Clinton)
        after = [t for t in ctx.cache.exact(prev.cue.end, phrase[1]) if t.is_word and t.low in ("and", "but")]
        rest = ctx.cache.exact(after[-1].end, phrase[1]) if after else ()
        if rest and not any(t.text in ",;:" for t in rest):
            start = next(t.start for t in rest if t.is_word)
            return _attribute_verb(ctx, start, phrase[1], "left")
    return _attribute_verb(ctx, phrase[0], phrase[1], "left")


def participle(ctx: CueContext):
    """A participle after a comma takes the sentence's subject: 'Ellery slammed the ruling, saying that ...'; so
    does one after a comma closed inside a quotation ('defended "Harlow values," saying'), after a dash ('changed
    course on the spot – saying'), and one coordinated with such a participle ('..., pointing to his record and
    saying')."""
    if not ctx.verbal or ctx.without_source or ctx.left_phrase is not None or ctx.last is None or \
            not (ctx.last.text == "," or (ctx.last.low == "by" and ctx.cue.kind == "report_verb") or
                 _participle_opening(ctx)) or \
            not ctx.cue_text_lower.split(None, 1)[0].endswith("ing"):  # ('..., pointing out that ...')
        return None  # '..., saying X' and 'justified the cut by saying X' take the sentence's subject
    tokens = ctx.cache.head(ctx.sentence_start, ctx.cue.start, SUBJECT_TOKENS)
    found = (ctx.last.text == "," and later_clause_subject(ctx.words, ctx.left)) or subject(ctx.words, tokens)
    if found is not None and ctx.cue.kind == "call" and \
            not plausible_subject(ctx.words, ctx.text, tokens, found[0], found[1], ctx.cache.memo):
        found = None
    if found is None or (_MODAL_AFTER_RE.match(ctx.cache.low, found[1]) and
                         ctx.text.find("MORE", found[1], ctx.cue.start) < 0):
        return None  # ('They can make a clean break by saying ...': what they could say, not what they said; a
        # headline's modal inside a hover card is not the subject's)
    return _attribute_verb(ctx, found[0], found[1], "participle")


#: A modal as the subject's verb (an adverb may stand between): the clause is a possibility, not an act (*will* is
#: left out: 'Quill will mark the day, saying ...' previews a planned statement, which news reports as such).
_MODAL_AFTER_RE = re.compile(r"[^\S\n]+(?:[a-z]+ly[^\S\n]+)?(?:" + "|".join(sorted(MODALS - {"will"})) + r")(?![^\W_])")


#: Closing quotation marks after which a comma inside the quotation ends the clause ('"Harlow values," saying').
_CLOSING_MARKS = frozenset('"”’\'')


def _participle_opening(ctx: CueContext) -> bool:
    """Whether what precedes a participle cue (other than a bare comma) sets it off from the clause before: a
    comma closed inside a quotation, a dash that opens no parenthetical, or *and* after an earlier participle set
    off by a comma ('..., pointing to his record and saying')."""
    left, last = ctx.left, ctx.last
    if last.text in _CLOSING_MARKS:
        return len(left) >= 2 and left[-2].text == ","
    if last.text in DASHES:
        return not any(t.text == last.text for t in left[:-1])  # one dash: not the close of '— an aide — saying'
    if last.low != "and":
        return False
    for k in range(len(left) - 2, 0, -1):
        t = left[k]
        if not t.is_word and t.text != ",":
            return False  # a quotation or a clause mark between: another clause's participle
        if t.is_word and t.low.endswith("ing") and left[k - 1].text == ",":
            return True
    return False


#: Subordinators and prepositions after which a gerund cue has the sentence's subject.
_GERUND_OPENERS = frozenset(("before", "after", "while", "without", "since", "upon"))


def _gerund_after_subordinator(ctx: CueContext) -> bool:
    """A verb cue in *-ing* right after one of ``_GERUND_OPENERS`` ('deflected questions before saying ...')."""
    return ctx.verbal and not ctx.passive and ctx.last is not None and ctx.last.low in _GERUND_OPENERS and \
        ctx.cue_text_lower.split(None, 1)[0].endswith("ing")


def gerund(ctx: CueContext):
    """A gerund after a subordinator takes the sentence's subject: 'McConnell deflected questions before saying
    ...', 'Bolton had a similar view, while saying that ...'; one that opens the sentence takes the subject after
    its clause ('After blasting the report, Glenn Beck doubled down' -> Glenn Beck)."""
    if not ctx.without_source or not _gerund_after_subordinator(ctx):
        return None
    if _opens_sentence(ctx, len(ctx.left) - 1):
        return _after_fronted_clause(ctx)
    tokens = ctx.cache.head(ctx.sentence_start, ctx.cue.start, SUBJECT_TOKENS)
    found = subject(ctx.words, tokens)
    if found is None or not plausible_subject(ctx.words, ctx.text, tokens, found[0], found[1], ctx.cache.memo) or \
            blocked_between(ctx.cache, found[1], ctx.last.start):
        return None  # (a quotation, a clause or another verb of saying between: 'Verrilli said Obama ... after asking')
    return _attribute_verb(ctx, found[0], found[1], "participle")


def fronted(ctx: CueContext):
    """A participle that opens its sentence takes the subject after its clause: 'Noting that both battled the
    media, Schlafly put her finger on ...' -> Schlafly."""
    if not ctx.verbal or ctx.without_source or ctx.left_phrase is not None or \
            not ctx.cue_text_lower.split(None, 1)[0].endswith("ing") or not _opens_sentence(ctx, len(ctx.left)):
        return None
    return _after_fronted_clause(ctx)


#: Finite auxiliaries and modals: one in a sentence-opening gerund's clause makes the gerund its subject.
_FINITE_AUXILIARIES = AUXILIARIES | frozenset(("must", "shall"))
_COMPLEMENTIZERS = frozenset(("that", "whether", "if", "how", "why", "what", "who", "when", "where"))
#: Words that may come before a gerund opening a sentence ('Now, after arguing ...', 'Yet by calling out ...').
_FRONT_OPENERS = frozenset(("after", "since", "while", "before", "by", "upon", "without", "in", "when", "now",
                            "yet", "but", "and", "so", "then", "still"))


def _opens_sentence(ctx: CueContext, n: int) -> bool:
    """Whether the first ``n`` tokens before the cue (all of them from the sentence start) are only openers and
    commas: the cue's clause opens the sentence."""
    left = ctx.left
    if not left:
        return True
    if left[0].start > ctx.sentence_start + 2:
        return False  # the window does not reach the sentence start
    return all((t.is_word and t.low in _FRONT_OPENERS) or t.text == "," or t.text in QUOTE_CHARS for t in left[:n])


def _after_fronted_clause(ctx: CueContext):
    """The subject right after the comma that closes a sentence-opening participial clause (the first comma
    after which a plausible subject and its verb follow, at most three commas on), as a participle's source."""
    tokens = ctx.right
    clause = False  # a complement clause has opened ('Noting that the mayor has ...'): its verbs are its own
    for k, t in enumerate(tokens):
        if t.text in ";:" or t.text in QUOTE_CHARS and t.text not in "'’" or \
                (t.low in _FINITE_AUXILIARIES and not clause):
            return None  # (an auxiliary makes the gerund a subject: 'Adding workers would hurt wages, they say')
        clause = clause or t.low in _COMPLEMENTIZERS
        if t.text != ",":
            continue
        rest = tokens[k + 1:k + 1 + SUBJECT_TOKENS]
        found = subject(ctx.words, rest)
        if found is not None and plausible_subject(ctx.words, ctx.text, rest, found[0], found[1], ctx.cache.memo):
            return _attribute_verb(ctx, found[0], found[1], "participle")
        if sum(1 for x in tokens[:k + 1] if x.text == ",") >= 3:
            return None
    return None


def after_report(ctx: CueContext):
    """A participle after a comma right after an attribution of the same sentence takes that attribution's
    source ('"It is a tax," Quill said, adding that ...', '"No," said Quill, referring to the levy', 'A trillion
    dollars is "a big number," said Senator Tom Vale, adding that ...': not the sentence's subject). Tried before
    :func:`participle`; only a comma may stand between the attribution and the participle."""
    prev = ctx.previous
    if prev is None or not ctx.verbal or ctx.last is None or ctx.last.text != "," or \
            not ctx.cue_text_lower.split(None, 1)[0].endswith("ing") or prev.src_start >= prev.src_end:
        return None
    if not _COMMA_ONLY_RE.fullmatch(ctx.text, _end_of(prev), ctx.cue.start):
        return None  # (something stands between: '... Quill said of the plan, which ..., adding')
    inner = ctx.relayed
    if inner is not None and inner.src_start < inner.src_end and \
            _COMMA_ONLY_RE.fullmatch(ctx.text, _end_of(inner), prev.cue.start):
        prev = inner  # '"...," the lawsuit says, according to the paper, adding that': the lawsuit adds, the paper
        # relays
    return _attribute_verb(ctx, prev.src_start, prev.src_end, "after_report")


def _end_of(a: Attribution) -> int:
    """Where an attribution ends in the text: its source, cue or mention, whichever ends last."""
    return max(a.src_end, a.cue.end, a.mention[1] if a.mention else 0)


#: Only a comma (and spaces) between an attribution and the participle after it, or a party label and a comma
#: ('said Senator Tom Vale (R-S.D.), adding').
_COMMA_ONLY_RE = re.compile(r"\s*(?:" + PARTY_LABEL_RE.pattern + r"\s*)?,\s*")


def coordinated(ctx: CueContext):
    """A reporting verb coordinated with an earlier verb of the same subject: 'Marr toured the plant and said
    ...' (see :func:`.subjects.coordinated_subject`)."""
    if not ctx.verbal or ctx.without_source or ctx.left_phrase is not None or ctx.inversion or \
            ctx.voice != "author" or ctx.cue.kind not in ("report_verb", "cue") or not _coordinable(ctx):
        return None
    found = coordinated_subject(ctx.words, ctx.cache, ctx.left, ctx.sentence_start, ctx.cue.end) or \
        nominative_coordinated_subject(ctx.words, ctx.cache, ctx.left, ctx.cue.end)
    if found is None:
        return None
    verdict = _attribute_verb(ctx, found[0], found[1], "coordinated")
    if len(found) > 3 and isinstance(verdict, Attribution):
        verdict.mention = found[3]  # 'the mayor, who toured the plant and said': the mention is *who*
    return verdict


def _coordinable(ctx: CueContext) -> bool:
    """A cue that can be the second verb of a coordination: a verb of the ``inversion`` list, or any reporting verb
    in a finite past or present form ('... and chastised', '... and explained', '... and cites'; not a participle
    or a bare form, whose subject may be another)."""
    low = ctx.cue_low
    if low in ctx.words.coordinated_verbs:
        return True
    first = low.split(None, 1)[0] if low else low
    if first in _INTRANSITIVE:
        return False
    return first.endswith(("ed", "es", "ts", "ks", "ns", "ds", "ys")) or first in _IRREGULAR_PAST


#: Irregular past forms of reporting verbs with reported content (the regular ones end in -ed).
_IRREGULAR_PAST = frozenset("said told wrote swore".split())
#: Verbs of speaking whose complement is mostly not what was said ('toured the plant and spoke to the crew for an
#: hour', 'and talked with voters'): not followed into a coordination.
_INTRANSITIVE = frozenset("spoke speaks talked talks chatted chats testified testifies commented comments "
                          "appeared appears".split())


def inverted(ctx: CueContext):
    """The source after the cue, for the verbs of the ``inversion`` list: '"We will appeal," said Harris'."""
    if not ctx.verbal or ctx.without_source or ctx.left_phrase is not None or not ctx.inversion or \
            ctx.cue.kind == "document_cue" or ctx.cue_low in ADDRESSEE_VERBS or not (
                ctx.words.has("inversion", " ".join(ctx.cue_text_lower.split())) or _after_quotation(ctx)):
        return None  # ('..., told reporters Thursday': after *told* comes the addressee, never the source)
    phrase = right_np(ctx.words, ctx.right)
    if phrase is None or _content_subject(ctx, phrase) or (
            ctx.quote_inside is not None and ctx.cue.start == ctx.quote_inside.content_start):
        return NO_ATTRIBUTION  # (a quotation that opens with the verb: 'Reyes "said tenants deserve nothing"')
    return _attribute_verb(ctx, phrase[0], phrase[1], "inverted")


def _content_subject(ctx: CueContext, phrase: tuple[int, int]) -> bool:
    """Whether the phrase after an inverted cue is a personal pronoun with more of its clause after it: the
    subject of what was said ('"liberals" said they would vote'), not its speaker ('"...," said he.')."""
    start, end = phrase
    if ctx.cache.low[start:end] not in ctx.words.pronouns:
        return False
    rest = ctx.text[end:ctx.sentence_end].lstrip()
    return bool(rest) and (rest[0].isalnum() or rest[0] in "'’")


def _after_quotation(ctx: CueContext) -> bool:
    """A one-word reporting verb in the past or present right after a quotation closed by punctuation inside its
    marks ('"...," declared Alyssa Van Wagenen', '"...!" scoffed Arianna Gil'): any such verb may invert there,
    not only those of the ``inversion`` list."""
    left, low = ctx.left, ctx.cue_low
    return len(left) >= 2 and left[-1].text in _CLOSING_MARKS and left[-2].text in ",!?" and " " not in low and \
        (low.endswith(("ed", "es", "ts", "ks", "ns", "ds")) or low in _IRREGULAR_PAST) and low not in _INTRANSITIVE \
        and not _quoted_title(left)


def _quoted_title(left) -> bool:
    """Whether the quotation that ends ``left`` (its closing mark last, a comma before it) is a title of one to
    three capitalised words after a lower-case word ('Ruiz, star of the show "Scandal," thanked Vale'), not a
    statement ('"No," scoffed Ada Vale')."""
    words = []
    for k in range(len(left) - 3, -1, -1):
        t = left[k]
        if not t.is_word:
            if t.text in _OPENING_MARKS:  # (a title stands after a noun: 'the show "Scandal,"'; '"No," scoffed' opens)
                return 0 < len(words) <= 3 and all(w.cap for w in words) and k > 0 and left[k - 1].is_word and \
                    not left[k - 1].cap
            if t.text not in "-.'’":
                return False
            continue
        words.append(t)
        if len(words) > 3:
            return False
    return False


#: Opening quotation marks.
_OPENING_MARKS = frozenset('"“‘\'')


def _attribute_verb(ctx: CueContext, src_start: int, src_end: int, rule: str):
    """The attribution of a verb cue whose source phrase is ``text[src_start:src_end]``: its type, content and
    mode, or :data:`NO_ATTRIBUTION` when the phrase is no source or there is no content."""
    text, cue, cache, words = ctx.text, ctx.cue, ctx.cache, ctx.words
    sentence_start, sentence_end = ctx.sentence_start, ctx.sentence_end
    if noun_after_auxiliary(ctx) or noun_after_determiner(ctx) or noun_before_plural_verb(ctx) or \
            (rule != "inverted" and (causative_worry(ctx) or confirmation_vote(ctx))):
        return NO_ATTRIBUTION
    src_end = capitalised_cue(ctx, src_start, src_end)  # (a word of a name, or the end of a headline's subject)
    if src_end is None:
        return NO_ATTRIBUTION
    hover = None
    card_end = cue.start if rule == "participle" else src_end  # (a participle's subject stops before the card)
    if text.find("MORE", src_start, card_end) >= 0:  # (a search in place: no slice per cue)
        hover = hover_card_name(text, sentence_start, src_start, card_end)
        if hover is not None:  # ('Sen. Jeff Flake Jeffrey (Jeff) Lane FlakeFlake tells GOP: ... MORE (R-Az.) called')
            src_start, src_end = hover
    if text.find("MORE", cue.end, cue.end + 500) >= 0 and \
            inside_hover_card(text, sentence_start, ctx.sentence_end, cue.start, cue.end):
        return NO_ATTRIBUTION  # a headline's verb inside a hover card ('FlakeFlake tells GOP: ...')
    trimmed = trim_non_referential(cache, src_start, src_end)
    if trimmed is None:
        return NO_ATTRIBUTION  # 'Share', 'There', 'that': page furniture or a word that refers to no one
    src_start = trimmed
    if rule == "left" and ctx.cue_low.endswith("ing"):
        recorded = RECORDING_OF_RE.match(text, src_start, src_end)
        if recorded is not None and recorded.end() < src_end:
            src_start = recorded.end()  # 'footage of Quill saying': the person recorded speaks
    newline = text.rfind("\n", src_start, src_end)
    if newline >= 0:  # a heading or a line of page furniture above: 'Zika Virus\nChris Christie said'
        src_start = newline + 1
        while src_start < src_end and text[src_start].isspace():
            src_start += 1
        if src_start >= src_end:
            return NO_ATTRIBUTION
    pronoun_end = pronoun_led_end(cache, src_start, src_end)
    if pronoun_end is not None:
        if pronoun_end < 0:
            return NO_ATTRIBUTION  # a clause after the pronoun: 'I heard Sen. Reyes say', 'They showed 36 percent'
        src_end = pronoun_end  # 'I sometimes asked', 'She started writing': the pronoun is the source
    share = SHARE_RE.match(cache.low, src_start, src_end) is not None  # 'Six in 10 say': poll respondents
    if (not share and (not_a_source(words, cache, src_start, src_end, cue.start) or
                       _bare_word(ctx, src_start, src_end))) or \
            _not_reported(ctx, src_start, src_end, rule):
        return NO_ATTRIBUTION
    source_type, named = ctx.typer.type(cache, src_start, src_end, src_end if rule == "inverted" else cue.start,
                                        sentence_start)
    if share:
        source_type, named = "vague", False
    if cue.kind == "document_cue" and (source_type != "document" or plural_noun_cue(ctx, src_end) or (
            ctx.cue_low in READ_FORMS and ctx.right and ctx.right[0].low in READ_NOT_FOLLOWED_BY)):
        return NO_ATTRIBUTION  # ('the report reads like a thriller': a manner, no content)
    if cue.kind == "report_verb" and ctx.cue_low.split(None, 1)[0] in EVIDENCE_VERBS and \
            not speaker_phrase(ctx, src_start, src_end, source_type):
        return NO_ATTRIBUTION  # ('the move indicates', 'the emails raise concerns': evidence, not a speaker)
    document_head = source_type == "document"
    source_type, named = ctx.typer.media_via_modifier(cache, src_start, src_end, source_type, named)
    content = None
    mode = "indirect"
    if ctx.complement is not None:
        is_direct, content = ctx.complement
        if is_direct and source_type not in ("person", "official", "pronoun") and \
                not (named and source_type in ("media", "organization") and
                     text[max(0, src_start - 7):src_start].split()[-1:] in (["what"], ["that"], ["which"])) and \
                set(text[cue.end:content[0]].lower().split()) <= {"the", "a", "an", "\"", "“", "‘", "'"}:
            return NO_ATTRIBUTION  # 'a group called "Neighbors First"', 'a formula called the "chained index"' (a
            # named outlet or body calls what the clause is about: 'a stat that PolitiFact called "half true"', 'what
            # the FBI later called "energetic material"')
        mode = "direct" if is_direct else "indirect"
    if content is None:
        got = verb_content(ctx, src_start, src_end, rule, source_type)
        if got is None:
            return NO_ATTRIBUTION
        content, mode = got
    if (source_type == "document" or document_head) and mode != "direct":
        mode = "document"
    mention = None
    if rule == "left" and hover is None:  # (after a hover card the name as written is the mention)
        mention = left_mention(words, ctx.left, src_start, src_end)
    elif rule == "inverted":
        mention = right_mention(text, src_start, src_end, sentence_end)
    return Attribution(src_start, src_end, cue, mode, source_type, None, named, content, ctx.voice, rule=rule,
                       mention=mention)


def _bare_word(ctx: CueContext, src_start: int, src_end: int) -> bool:
    """Whether the source phrase is one to three lower-case words that name no one: no determiner, and no word
    that is a pronoun (also contracted: "he'd", 'we’ve'), a relative pronoun, a plural, a source noun of the
    lists or a number ('kept asking', 'found saying', 'twice complained', 'had not given up hope')."""
    tokens = [t for t in ctx.cache.exact(src_start, src_end) if t.is_word]
    if not 1 <= len(tokens) <= 3 or any(t.cap for t in tokens):
        return False
    if tokens[-1].low in _CAUSATIVES:
        return True  # 'which helps explain why': a verb whose complement is the cue
    return not any(_names_someone(ctx.words, t.low) for t in tokens)


#: Verbs that take a bare infinitive, whose complement can be a cue ('helps explain', 'made clear').
_CAUSATIVES = frozenset(("help", "helps", "helped", "helping", "let", "lets", "letting", "make", "makes", "made"))


def _names_someone(words, low: str) -> bool:
    """Whether a lower-case word can stand for or head a source: a pronoun (also contracted), relative pronoun,
    determiner, quantifier, number, plural, or source noun of the lists."""
    head = re.split(r"['’]", low, maxsplit=1)[0]
    if head in words.pronouns or head in RELATIVE_PRONOUNS or low[:1].isdigit() or head in QUANTIFIERS or \
            head in DETERMINERS:
        return True
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return True  # a plural noun the lists lack ('teachers said')
    return source_noun(words, low) or any(
        form and words.has("media_role", form)
        for form in (low, low[:-1] if low.endswith("s") else None, low[:-3] + "y" if low.endswith("ies") else None))


#: Modal auxiliaries: a cue after one reports no speech event ('they could say goodbye', "I'll tell you", 'we're
#: going to tell them'); 'll' is the tokenizer's half of a contraction.
_MODALS = MODALS | {"ll", "gonna", "wanna", "going"}
#: Words before *to* and a cue that put the statement in the future ('is going to say', 'is expected to slam Quill',
#: 'is scheduled to testify'): what is expected is not yet reported.
_IRREALIS_BEFORE_TO = frozenset(("going", "expected", "poised", "likely", "unlikely", "scheduled", "due"))
#: Words after *would* that make 'would ... say' a report of the past ('would not say whether', 'would only say').
_REPORTED_AFTER_WOULD = frozenset(("not", "only", "n't", "n’t", "neither", "later"))
#: Cue forms that are also nouns ('recent comments', 'voter fraud claims', 'a Reuters report'): read as a verb only
#: after a name, a pronoun or a source noun.
NOUN_HOMOGRAPHS = frozenset(("comments", "comment", "remarks", "remark", "reports", "report", "claims", "claim",
                             "tweets", "tweet", "posts", "post", "fears", "hopes", "estimates", "notes", "states",
                             "details", "lists", "warnings", "pledges", "promises", "quotes", "thoughts", "responds",
                             "answers", "replies", "reply", "statements", "concerns"))
#: Pronouns whose cognition cue is the speaker's own hedge, not sourcing ('I think', 'we believe'), and the
#: generic 'you' ('you can say', 'who do you think'), which is no source with any cue.
_SELF_PRONOUNS = frozenset(("i", "we", "you", "i'm", "i’m"))


def _not_reported(ctx: CueContext, src_start: int, src_end: int, rule: str) -> bool:
    """A verb cue that reports no one's statement: the opening of an anonymity clause ('who spoke on condition
    of anonymity', 'who asked not to be named'), after a modal ('could say', "I'll tell", 'is expected to say'), with
    a generic *you* or a first-person cognition verb ('I think', 'we believe'), or a noun read as a cue ('recent
    comments', 'voter fraud claims', 'a Reuters report': a cue form that is also a noun, after a lower-case word that
    is no source noun, or after a phrase opened by *a*/*an*)."""
    if rule == "inverted":
        return False
    if _anonymity_clause(ctx):
        return True
    last = ctx.last
    if last is not None and (last.low in _DENIALS or last.low in _STOPS) and ctx.cue_low.endswith("ing"):
        return True  # 'denied saying that ...': the denial is the attribution, the participle is what it denies;
        # 'stopped saying that ...': what is no longer said
    phrase = ctx.cache.exact(src_start, src_end)
    words = ctx.words
    first = phrase[0].low if phrase else ""
    if len(phrase) == 1 and (first == "you" or (first in _SELF_PRONOUNS and ctx.cue.kind == "cue")
                             or first.endswith(("'ll", "’ll"))):
        return True  # 'you can say', 'I think', "I'll tell you"
    left = ctx.left
    if question_subject(ctx, phrase, src_start, src_end) or conditional_subject(ctx, src_start):
        return True  # a question ('Will we respond to the changes of our time with fear?'), a condition ('If Quill
        # said so, ...') or an embedded question ('asked whether Quill said')
    if ctx.chain_after_modal:
        return True  # 'Quill could try to argue', 'would use the speech to call for'
    i = len(left) - 1
    steps = 0
    while i >= 0 and steps < 6 and left[i].end > src_end:
        t = left[i]
        if t.low in _MODALS or (t.low == "to" and i > 0 and left[i - 1].low in _IRREALIS_BEFORE_TO):
            # 'would not say', 'would only say': a refusal or a report of what was said, not a hypothesis
            return not (t.low == "would" and i + 1 < len(left) and left[i + 1].low in _REPORTED_AFTER_WOULD)
        if not (t.text in "'’" or (t.is_word and (t.low in words.between or (
                len(t.low) > 4 and t.low.endswith("ly") and not t.cap)))):
            break
        i -= 1
        steps += 1
    if rule == "left" and phrase and (ctx.cue_low in NOUN_HOMOGRAPHS or ctx.cue_low in _MORE_NOUN_HOMOGRAPHS):
        last = phrase[-1]
        if last.end == left[-1].end if left else False:
            if last.is_word and not last.cap and not words.is_noun(last.low) and last.low not in words.pronouns:
                return True  # 'recent comments', 'voter fraud claims'
        if first in ("a", "an"):
            return True  # 'a Reuters report'
        if first in POSSESSIVE_DETERMINERS:
            return True  # 'his recent comments', 'her Twitter posts': a possessive opens a noun phrase, no subject
        if phrase[0].is_word and not phrase[0].cap and first not in DETERMINERS and first not in words.pronouns \
                and first not in RELATIVE_PRONOUNS and not words.is_noun(first) and (
                    _verb_like(first) or _after_to(left, src_start)):
            return True  # 'resisted US calls for', 'refuse Republican demands', 'worked to calm Russian fears': a
            # verb before a noun phrase
        if any(t.low == "to" and u.is_word and not u.cap and u.low not in DETERMINERS and not words.is_noun(u.low)
               for t, u in zip(phrase[1:], phrase[2:])):
            return True  # 'The envoy worked to calm Russian fears': an infinitive inside the phrase, no subject
    return False


#: Cue forms that are also nouns, besides :data:`NOUN_HOMOGRAPHS`, read as nouns after a verb ('resisted US calls for
#: an embargo', 'refuse Republican demands').
_MORE_NOUN_HOMOGRAPHS = frozenset(("calls for", "calls on", "demands", "demand", "calls", "alleged", "warning",
                                   "pledge", "vows", "threats"))


def _after_to(left, start: int) -> bool:
    """Whether the token right before offset ``start`` in ``left`` is *to* (an infinitive's verb opens the phrase
    after it)."""
    k = index_at(left, start)
    return k is not None and k > 0 and left[k - 1].low == "to"


def _verb_like(low: str) -> bool:
    """A lower-case word shaped like a verb form (-ed, -ing) or a bare verb of refusal and resistance: it cannot
    open a subject noun phrase ('resisted', 'investigating', 'refuse', 'reject')."""
    return low.endswith(("ed", "ing")) or low in ("refuse", "reject", "resist", "ignore", "meet", "accept", "heed",
                                                  "defy", "answer", "hear", "see", "let", "make")



#: Tokens read from a cue on for an anonymity phrase (the longest listed has five words).
_ANONYMITY_TOKENS = 8
#: The cue's word and the word after it (letters, digits, apostrophes, hyphens).
_TWO_WORDS_RE = re.compile(r"([\w'’\-]+)(?:[^\w'’\-]+([\w'’\-]+))?")


def _anonymity_clause(ctx: CueContext) -> bool:
    """Whether an anonymous-source phrase of the source_types lists opens at the cue or right after it ('spoke
    on condition of anonymity', 'asked not to be named', 'requested anonymity'): the clause says why a source
    is unnamed, and the source is the noun phrase it modifies, credited by its own cue."""
    pattern = ctx.words.anonymous_re
    if pattern is None:
        return False
    # a phrase opens with one of its first words, at the cue or at the word after it: read the two words
    # from the text before tokenising the clause
    first = ctx.words.anonymous_first
    two = _TWO_WORDS_RE.match(ctx.cache.low, ctx.cue.start, ctx.sentence_end)
    if two is None or (two.group(1) not in first and two.group(2) not in first):
        return False
    lows = [t.low for t in ctx.cache.head(ctx.cue.start, ctx.sentence_end, _ANONYMITY_TOKENS)]
    # the phrase may include the cue ('requested anonymity') or follow it ('spoke | on condition of anonymity')
    return any(pattern.match(" " + " ".join(lows[k:]) + " ") is not None for k in (0, 1))


#: Verbs of denial before a participle cue: 'denied saying' reports no statement, it disputes one.
_DENIALS = frozenset(("denied", "denies", "deny", "denying"))
#: Verbs of stopping before a participle cue: 'stopped saying' reports that something is no longer said.
_STOPS = frozenset(("stopped", "stops", "stop", "quit", "quits", "ceased", "ceases"))


#: The rules in the order they are tried (name -> rule); the first that does not return None decides.
RULES: dict[str, Callable[[CueContext], object]] = {
    "no_response": no_response,
    "in_poll": in_poll,
    "colon": colon,
    "according_to": according_to,
    "noun_cue": noun_cue,
    "noun_from": noun_from,
    "passive_by": passive_by,
    "passive_it": passive_it,
    "statement": statement,
    "left": left,
    "after_report": after_report,
    "participle": participle,
    "coordinated": coordinated,
    "fronted": fronted,
    "inverted": inverted,
    "gerund": gerund,
}


#: The rule of each cue kind that has one of its own (it always gives a verdict for its kind, and every other rule
#: returns None for it). A verb cue with no source of its own (:attr:`.context.CueContext.without_source`) is left
#: alone by every verb rule but the passives; any other verb cue is no passive, which the passive rules need.
_OWN_RULES = {"no_response": no_response, "in_poll": in_poll, "colon": colon, "according_to": according_to,
              "noun_cue": noun_cue, "noun_from": noun_from}
_PASSIVE_RULES = (passive_by, passive_it)
_GERUND_RULES = (passive_by, passive_it, gerund)
_SOURCE_RULES = (passive_by, statement, left, after_report, participle, coordinated, fronted, inverted)


def apply_rules(ctx: CueContext, rules: dict = RULES) -> Attribution | None:
    """The attribution of a cue: the verdict of the first rule that applies, or None.

    With the default table only the rules that can apply to the cue are tried, in the table's order: a cue of a
    kind with a rule of its own goes straight to that rule, a verb cue with no source of its own to the passive
    rules, any other verb cue to the rules that look for its source (the same verdicts as the whole table)."""
    if rules is RULES:
        own = _OWN_RULES.get(ctx.cue.kind)
        if own is not None:
            table = (own,)
        elif ctx.without_source:
            # a gerund after a subordinator ('before saying', 'while arguing', 'after questioning') takes the
            # sentence's subject; other cues there ('when asked', 'as reported') have none of their own
            table = _GERUND_RULES if _gerund_after_subordinator(ctx) else _PASSIVE_RULES
        else:
            table = _SOURCE_RULES
    else:
        table = tuple(rules.values())
    for rule in table:
        verdict = rule(ctx)
        if verdict is not None:
            return None if verdict is NO_ATTRIBUTION else verdict
    return None
