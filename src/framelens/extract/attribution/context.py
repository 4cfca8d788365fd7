"""What the attribution rules read about one cue: its sentence (clipped to the quotation holding it), voice,
the tokens on either side, and a few facts computed once and shared by the rules (is it a passive, does it open
its clause, the noun phrase before it)."""

from __future__ import annotations

import operator
import re

from .content import call_complement
from .mentions import not_a_source
from .phrases import dash_before, left_np, source_noun
from .left_subject import comma_out_of_title, name_before_relative, refine_left
from .names import NameFinder
from .records import Cue
from .right_phrases import right_np
from .source_types import SourceTyper
from .tokens import Token, TokenCache, matches_between, word_set_pattern
from .words import (ADDRESSEE_VERBS, CATENATIVES, CAUSATIVES, MODALS, MONTHS, PURPOSE_VERBS, QUOTE_CHARS,
                    RAISING_PARTICIPLES, WEEKDAYS, AttributionWords)

#: A cue form that can be a passive participle ('was reported', 'was told').
PASSIVE_FORM = operator.methodcaller("endswith", ("ed", "en", "told", "said", "thought", "sought", "shown", "known"))
BE_FORMS = ("was", "were", "is", "are", "been", "be", "being", "isn't", "isn’t", "aren't", "aren’t", "wasn't", "wasn’t",
            "weren't", "weren’t", "am")  # (the tokenizer keeps a contracted negation on its verb: "isn't expected")
# the pre-check of document verbs looks for the plain forms only, so that it stays a pattern of letters searched in
# place (tokens.matches_between; with the apostrophes it was listed per document and bisected, 4% of the analysis);
# a contracted negative before a document verb's passive ("the report isn't found") is rare
_BE_RE = word_set_pattern(BE_FORMS[:7])
#: Adverbs skipped between a form of *be* and a passive cue ('was also reported').
_ADVERBS = frozenset("also first not never previously later widely once initially originally".split())
#: Cue kinds that have rules of their own; the others are verbs ('said', 'believes', 'show', 'called').
_OWN_RULE_KINDS = frozenset(("no_response", "in_poll", "colon", "according_to", "noun_cue", "noun_from"))
#: Words that make a cue part of a subordinate clause with no source of its own ('when asked', 'as reported').
_SUBORDINATORS = ("when", "if", "as", "after", "before", "while", "once")
_LEFT_WINDOW, _RIGHT_WINDOW = 240, 200  # characters read on either side of a cue
#: Words that continue a noun phrase after its head ('the head of the board', 'a lawyer for the union').
_NP_LINKS = frozenset(("of", "for", "at", "in", "on", "with", "from", "and", "the", "a", "an", "to", "who", "'s", "’s"))
#: What may follow an inverted source that closes its clause.
#: A preposition of place and the start of its noun phrase after a document verb's participle ('found on his
#: laptop', 'listed in the filing'); 'found in March that' is a time, not a place.
_PLACE_AFTER_RE = re.compile(r"[^\S\n]+(?:in|on|at|inside|among|near|under|aboard|within)[^\S\n]+"
                             r"(?!(?:" + "|".join(sorted(MONTHS | WEEKDAYS)) + r")\b)[^\W\d_]")
#: A subject pronoun right before a cue ('he believed to be': active, a belief of his).
_PRONOUN_BEFORE_RE = re.compile(r"(?<![^\W_])(?:he|she|they|i|we|you)[^\S\n]+$")
#: 'to be' or 'to have' right after a cue.
_TO_BE_RE = re.compile(r"[^\S\n]+to[^\S\n]+(?:be|have)(?![^\W_])(?![^\S\n]+(?:fair|honest|clear|sure|frank)\b)")
#: 'that' within the same clause, a few words on.
_THAT_CLAUSE_RE = re.compile(r"[^,;.!?:\n]{0,60}?\bthat\b")
_CLAUSE_CLOSERS = frozenset('.,;!?"”’)')
#: Contracted auxiliaries written onto a personal pronoun ("he's said", "they've argued", "I'd said", "who's
#: argued"), with the pronouns each may follow; the tokenizer keeps a word's internal apostrophe, so "He's" is
#: one token. Only personal pronouns: after a name or noun *'s* is mostly a possessive ("Quill's vote", "the
#: Times's report"), and after *it*, *that* or *there* it is *is* ("it's said", "that's reported").
_CONTRACTIONS = (("'s", "has", ("he", "she", "who")), ("’s", "has", ("he", "she", "who")),
                 ("'ve", "have", ("i", "we", "you", "they", "who")), ("’ve", "have", ("i", "we", "you", "they", "who")),
                 ("'d", "had", ("i", "we", "you", "they", "he", "she", "who")),
                 ("’d", "had", ("i", "we", "you", "they", "he", "she", "who")),
                 ("'re", "are", ("we", "you", "they")), ("’re", "are", ("we", "you", "they")),
                 ("'m", "am", ("i",)), ("’m", "am", ("i",)),
                 ("'ll", "will", ("i", "we", "you", "they", "he", "she")),
                 ("’ll", "will", ("i", "we", "you", "they", "he", "she")))


def split_contraction(tokens: list[Token], words: AttributionWords, cue_low: str, after: str) -> list[Token]:
    """``tokens`` (those before a verb cue) with a contracted auxiliary split from the personal pronoun it is
    written onto when only auxiliaries and adverbs stand between it and the cue ("He's said", "They've also
    argued", "She’s describing"): the pronoun keeps its own offsets and the auxiliary becomes a word of its own
    (read as *has*, *have*, *had* or *are*), so the subject is found as any other. *'s* before a participle
    followed by *to*, *as* or *by* is *is*, a passive ("he's said to be furious", "she's expected to run",
    "who's viewed as honest"), and is left alone; ``after`` is the text right after the cue."""
    i = len(tokens) - 1
    while i >= 0 and tokens[i].is_word and (tokens[i].low in words.between or tokens[i].low in _ADVERBS) and \
            "'" not in tokens[i].low and "’" not in tokens[i].low:
        i -= 1
    if i < 0 or not tokens[i].is_word:
        return tokens
    t = tokens[i]
    for suffix, aux, stems in _CONTRACTIONS:
        if t.low.endswith(suffix) and t.low[:-len(suffix)] in stems:
            if aux == "has" and not cue_low.endswith("ing") and after.lstrip().startswith(("to ", "as ", "by ")):
                return tokens  # ('he's said to be', 'who's viewed as honest', 'she's backed by': *is*, a passive)
            cut = t.end - len(suffix)
            return tokens[:i] + [Token(t.start, cut, t.text[:-len(suffix)], t.low[:-len(suffix)], True, t.cap),
                                 Token(cut, t.end, t.text[-len(suffix):], aux, True, False)] + tokens[i + 1:]
    return tokens


class _lazy:
    """A computed attribute, stored on the instance on first use (as ``functools.cached_property``, whose lock on
    every first access in Python 3.11 costs more than the rules it serves)."""

    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class CueContext:
    """One cue in its sentence, with the extractor's word lists, typer and name finder."""

    #: The attribution of the cue before this one when it lies in the same sentence (set by the extractor), else
    #: None: a participle right after it may share its source ('"...," Quill said, adding that ...').
    previous = None
    #: When ``previous`` is an 'according to' right after another attribution of the sentence, that attribution:
    #: the speaker the outlet relays ('..., the lawsuit says, according to the paper, adding that ...').
    relayed = None
    #: The document's next cue (set by the extractor): a quotation after it is its content, not this cue's ('As Reyes
    #: announced his campaign, she added, "..."').
    next_cue = None

    def __init__(self, words: AttributionWords, typer: SourceTyper, names: NameFinder, seg, cache: TokenCache,
                 quote_starts: list[int], cue: Cue, sentence_start: int, sentence_end: int, quote_inside,
                 complement):
        self.words, self.typer, self.names = words, typer, names
        self.text = cache.text
        self.seg = seg
        self.cache = cache
        self.quote_starts = quote_starts
        self.cue = cue
        self.sentence_start, self.sentence_end = sentence_start, sentence_end
        self.quote_inside = quote_inside  # the quotation holding the cue, or None
        self.voice = "author" if quote_inside is None else "quoted"
        self.complement = complement  # what *called* ascribes (see content.call_complement), or None
        # the cue lower-cased two ways, each where the rules always used it: sliced from the lower-cased text,
        # and the cue's own text lower-cased (they differ only for characters that change length or context)
        self.cue_low = cache.low[cue.start:cue.end]
        self.cue_text_lower = self.text[cue.start:cue.end].lower()
        self.verbal = cue.kind not in _OWN_RULE_KINDS
        #: the participle *calling*, which takes the sentence's subject, never a noun phrase right before it (a plain
        #: attribute, set once: the rules ask for it about twice per cue)
        self.calling = cue.kind == "call" and self.cue_low == "calling"

    @_lazy
    def left(self) -> list[Token]:
        """The sentence's tokens in the window before the cue (read on first use: a cue of a kind with a rule of
        its own may never need them, and then its sentence is not tokenised), with a contracted auxiliary split
        from its subject (:func:`split_contraction`) and a comma inside a title's closing quotation mark read after
        it (:func:`comma_out_of_title`)."""
        tokens = comma_out_of_title(
            self.cache.get(max(self.sentence_start, self.cue.start - _LEFT_WINDOW), self.cue.start))
        low, near = self.cache.low, max(0, self.cue.start - 40)
        if tokens and (low.find("'", near, self.cue.start) >= 0 or low.find("’", near, self.cue.start) >= 0):
            return split_contraction(tokens, self.words, self.cue_low, self.cache.text[self.cue.end:self.cue.end + 6])
        return tokens

    @_lazy
    def right(self) -> list[Token]:
        """The sentence's tokens in the window after the cue (read on first use)."""
        return self.cache.get(self.cue.end, min(self.sentence_end, self.cue.end + _RIGHT_WINDOW))

    @_lazy
    def last(self) -> Token | None:
        """The token right before the cue, or None."""
        left = self.left
        return left[-1] if left else None

    @_lazy
    def be_index(self) -> int:
        """Index in ``left`` of the word before the cue once adverbs are skipped ('was also reported' -> 'was')."""
        left = self.left
        prev = len(left) - 1
        while prev >= 0 and left[prev].is_word and (left[prev].low in _ADVERBS or (
                len(left[prev].low) > 4 and left[prev].low.endswith("ly") and not left[prev].cap)):
            prev -= 1
        return prev

    @_lazy
    def passive(self) -> bool:
        """A verb cue after a form of *be*: 'it was reported', 'was reported by the Courier', 'Harris was told'."""
        prev = self.be_index
        return self.verbal and prev >= 0 and self.left[prev].low in BE_FORMS and PASSIVE_FORM(self.cue_text_lower)

    @_lazy
    def without_source(self) -> bool:
        """A verb cue with no source of its own, which the verb rules leave alone: a passive ('Harris was told': the
        subject is the addressee; a passive with *by* or *it* has rules of its own), a cue in a subordinate clause
        ('when asked', 'as reported'), or *calling* with no comma before it, which modifies a noun ('signs calling
        the mayor "a liar"')."""
        if self.passive:
            return True
        left = self.left
        if self.cue.kind != "document_cue":
            prev = self.words.skip_back(left, len(left) - 1, between_only=True)
            if prev >= 0 and left[prev].low in _SUBORDINATORS:
                return True
        return self.calling and (self.last is None or self.last.text != ",")

    @_lazy
    def opens_clause(self) -> bool:
        """Nothing, a quotation mark or clause punctuation before the cue: its source may follow ('"...," said
        Marr')."""
        last = self.last
        if last is not None and last.text in "—–-" and dash_before(self.left, len(self.left) - 1) is not None:
            return False  # a dash closing a parenthetical: 'Democrats — and some Republicans — say'
        return last is None or last.text in QUOTE_CHARS or last.text in ":;—–(" or \
            (last.text in ".!?" and last.start < self.sentence_start)

    @_lazy
    def left_phrase(self):
        """The noun phrase right before a verb cue, ``(start, end, n_words)``, or None."""
        if not self.verbal or self.opens_clause or self.calling:
            return None
        if self.last is not None and self.last.text == "," and self._source_after_closes_clause():
            return None  # '..., the race will be tight, said Dan Gerstein, director of ...': an inverted source
        if self.last is not None and self.last.text == "," and self.cue_text_lower.endswith("ing"):
            return None  # '..., promising to build a wall': a participle after a comma takes the sentence's subject
        participle = self.cue_low.endswith("ing")
        cut = catenative_cut(self.left, participle)
        if cut is None and participle:
            cut = aspectual_cut(self.left)
        if cut is None and not participle:
            obj = causative_object(self.left)
            if obj is not None:  # 'the loss led Quill to concede': the object speaks
                left = self.left[obj:-1]
                found = refine_left(self.words, left, left_np(self.words, left), participle)
                return found if found is not None and found[0] == left[0].start else None
        left = self.left if cut is None else self.left[:cut]
        found = refine_left(self.words, left, left_np(self.words, left), participle)
        if found is not None and not participle and _object_of_preposition(left, found[0], found[1]):
            return None  # ('listening to a grown man agree', 'confronted by protesters threatens'): no subject
        if found is None and cut is None:
            # ('made no mention of Jeb Bush, who announced ...': the relative pronoun stands for the name)
            return name_before_relative(self.words, left)
        return found

    @_lazy
    def chain_after_modal(self) -> bool:
        """Whether the cue ends a chain of 'to' complements whose first verb follows a modal ('Quill could try to
        argue', 'Reyes would use his speech to call for'): what may be said, not what was said."""
        cut = catenative_cut(self.left, self.cue_low.endswith("ing")) if self.verbal else None
        if cut is None:
            return False
        left = self.left
        b = _skip_adverbs(left, cut - 1, also=_PERFECT)  # 'could quickly try to', 'might have seized a chance to'
        return b >= 0 and (left[b].low in MODALS or left[b].low in ("ll", "gonna", "wanna"))

    def _source_after_closes_clause(self) -> bool:
        """After a comma, whether an inversion cue is followed by a noun phrase that closes its clause ('...,
        said Ms. Gil.', '..., said Dan Gerstein, director of ...'): the source of a statement reported before the
        comma, not a verb whose subject stands before an apposition ('Smith, a lawyer, said Jones lied'). After
        *told* comes the addressee, never the source ('"...," Ada Quill, a lawyer, told CNN.')."""
        if self.cue_low in ADDRESSEE_VERBS or not self.words.has("inversion", " ".join(self.cue_text_lower.split())):
            return False
        words = self.words
        phrase = right_np(words, self.right)
        if phrase is None or not_a_source(words, self.cache, phrase[0], phrase[1]):
            return False
        inside = [t for t in self.cache.exact(phrase[0], phrase[1]) if t.is_word]
        if any(not t.cap and (t.low in words.between or t.low in words.stop) for t in inside) or \
                not any(t.cap or source_noun(words, t.low) for t in inside):
            return False  # a clause, not a name or a role: 'said the mill would close.'
        head = next((k for k, t in enumerate(inside) if source_noun(words, t.low)), None)
        if head is not None and any(not t.cap and t.low not in _NP_LINKS and not source_noun(words, t.low)
                                    and not t.low[:1].isdigit() for t in inside[head + 1:]):
            return False  # a lower-case word after the head noun is its verb: 'said the council hid the figures.'
        rest = self.text[phrase[1]:self.sentence_end].lstrip()
        if len(rest) > 1 and rest[0] in QUOTE_CHARS and rest[1].islower():
            return False  # a quoted fragment opens: 'Huhn, a former vice president, said Fiorina "was involved"'
        return not rest or rest[0] in _CLAUSE_CLOSERS

    @_lazy
    def inversion(self) -> bool:
        """Whether the source may follow the cue: it opens its clause, or a comma with no source before it
        precedes it ('..., said Marr')."""
        if self.calling:
            return False
        return self.opens_clause or (self.left_phrase is None and self.last.text == ",")


#: Verbs after which 'to <X> to' opens a reporting verb: 'took to Twitter to say', 'took to the floor to argue'.
_TAKE = frozenset(("took", "takes", "take", "taking"))
_GO = frozenset(("went", "goes", "go", "going"))


#: Prepositions whose object a phrase before a finite cue is when a verb's participle precedes them ('listening to a
#: grown man', 'confronted by protesters'): the phrase is no subject of the cue.
_OBJECT_PREPOSITIONS = frozenset(("to", "by", "with", "from", "against", "into", "toward", "towards"))


def _object_of_preposition(left: list[Token], start: int, end: int) -> bool:
    """Whether the phrase ``(start, end)``, which ends right before the cue and holds no comma or relative pronoun,
    follows a preposition of :data:`_OBJECT_PREPOSITIONS` after a lower-case participle ('confronted by black
    protesters threatens'): the object of the preposition, not the subject of the verb after it. After a noun the
    phrase is a post-modifier's ('a post by Ben Thompson pointed out': the author) and is left alone."""
    if not left or left[-1].end != end:
        return False
    k = len(left) - 1
    while k >= 0 and left[k].start > start:
        if left[k].text == "," or left[k].low in ("who", "which", "that", "whom", "whose"):
            return False
        k -= 1
    if k < 2 or left[k].start != start or left[k - 1].low not in _OBJECT_PREPOSITIONS:
        return False
    verb = left[k - 2]
    return verb.is_word and not verb.cap and verb.low.endswith(("ed", "ing")) and len(verb.low) > 4 and \
        not verb.low.startswith("listen")  # ('listening to the left call for': the heard speak)


def _skip_adverbs(left: list[Token], j: int, lo: int = 0, also: frozenset[str] = frozenset()) -> int:
    """``j`` moved back over lower-case adverbs in *-ly* (and the words of ``also``) while it is above ``lo``: the
    verb or auxiliary a chain of *to* complements hangs on ('tried repeatedly to', 'will certainly force')."""
    while j > lo and left[j].is_word and not left[j].cap and (
            left[j].low in also or (len(left[j].low) > 4 and left[j].low.endswith("ly"))):
        j -= 1
    return j


#: Auxiliaries between a modal and the verb of a chain ('might have seized an opportunity to').
_PERFECT = frozenset(("have", "be", "been"))


def catenative_cut(left: list[Token], ing: bool = False) -> int | None:
    """Where the subject's tokens end when the cue is the 'to' complement of another verb of the same subject:
    'Keats tried to argue', 'went on to praise', 'was quick to deny', 'took to Twitter to say' (the index of the
    first verb of the chain in ``left``), or None. PARC marks the chain as the cue and its subject as the
    source; without this the noun phrase before the cue is 'to'."""
    n = len(left)
    if n < 3 or left[-1].low != "to":
        return None
    j = _skip_adverbs(left, n - 2)  # 'tried repeatedly to argue'
    low = left[j].low
    if low == "on" and j > 0 and left[j - 1].low in _GO:
        return j - 1
    if low in CATENATIVES and low not in ("on", "had", "has", "have"):
        return _chain(left, j)
    # 'took to Twitter to say', 'took to the Senate floor to argue'
    for k in range(n - 3, max(0, n - 8), -1):
        if left[k].low == "to" and left[k - 1].low in _TAKE:
            return _chain(left, k - 1)
        if not left[k].is_word:
            break
    if ing:
        return None  # (after *to* an -ing form follows a preposition: 'appeared closer to offering')
    # a purpose infinitive after the verb's object or adverbial: 'used her speech to call for', 'went on Channel 9
    # to defend', 'struggled on Tuesday to explain' (words only between them, at most eight)
    for k in range(n - 3, max(-1, n - 11), -1):
        tok = left[k]
        if not tok.is_word or tok.low == "to" or tok.low in _EMBEDDED_QUESTION:
            break  # ('holding a vote on whether to endorse': what is to be decided)
        if tok.low in PURPOSE_VERBS and not tok.cap:
            if k > 0 and (left[k - 1].low in ("that", "which", "who") or
                          (left[k - 1].text == "," and tok.low.endswith("ing"))):
                return None  # a relative clause's verb ('cited an article that appeared in 2004 to show') or a
                # participle whose subject is the sentence's ('..., taking care to praise')
            return _chain(left, k)
    return None


#: Words that open an embedded question or relative: a 'to' complement after them is no purpose of the verb before.
_EMBEDDED_QUESTION = frozenset(("whether", "how", "what", "when", "where", "why", "which", "who", "whom", "if"))


def _chain(left: list[Token], j: int) -> int:
    """The first verb of a chain of 'to' complements ending at ``left[j]``: 'used the speech to try to refute',
    'wanted to try to argue'."""
    if j >= 2 and left[j - 1].low == "to":
        earlier = catenative_cut(left[:j])
        if earlier is not None:
            return earlier
    return j


def causative_object(left: list[Token]) -> int | None:
    """When the cue is the 'to' complement of an implicative causative's object ('the loss led Quill to concede',
    'prompted Sen. Ada Quill to accuse'): the index in ``left`` of the object's first token, or None. Not after a
    modal or *to* ('could force Quill to admit' says what may happen, not what was said)."""
    n = len(left)
    if n < 3 or left[-1].low != "to":
        return None
    for c in range(n - 2, max(-1, n - 11), -1):
        tok = left[c]
        if tok.low == "to":
            return None  # ('prompted their opponents to begin to speak': a chain left alone)
        if tok.low in CAUSATIVES and not tok.cap:
            if c == n - 2:
                return None  # (no object: 'led to')
            b = _skip_adverbs(left, c - 1)  # 'will certainly force'
            if b >= 0 and (left[b].low in MODALS or left[b].low == "to"):
                return None
            return c + 1
        if not (tok.is_word or tok.text == "."):
            return None
    return None


#: Verbs of beginning and continuing whose *-ing* complement is the cue ('Grayson began vilifying her', 'the
#: campaign kept saying'): the chain is the cue and its subject the source. Verbs of stopping are left out: 'stopped
#: saying' reports that something is no longer said.
_ASPECTUALS = frozenset("began begins begun start started starts kept keeps continued continues resumed resumes".split())


def aspectual_cut(left: list[Token]) -> int | None:
    """Where the subject's tokens end when an *-ing* cue is the complement of a verb of beginning or continuing
    (:data:`_ASPECTUALS`, lower case, an adverb in *-ly* may stand between: 'began quietly telling'): the index
    of that verb in ``left``, or None."""
    j = _skip_adverbs(left, len(left) - 1, 1)
    if j < 1 or not left[j].is_word or left[j].cap or left[j].low not in _ASPECTUALS:
        return None
    return j


#: The label of a page's link or video headline opening a paragraph: page furniture, not the article's report.
_LINK_LABEL_RE = re.compile(r"[\"“‘']?(?:NOW WATCH|WATCH NOW|WATCH|MORE|More|RELATED|Related|READ MORE|Read [Mm]ore|"
                            r"SEE ALSO|See [Aa]lso|ALSO READ|Also [Rr]ead|RELATED STORY|Related [Ss]tory)[^\S\n]*:")


def cue_context(words: AttributionWords, typer: SourceTyper, names: NameFinder, seg, cache: TokenCache,
                quote_starts: list[int], cue: Cue) -> CueContext | None:
    """The context of a cue, or None when the cue cannot attribute anything: it straddles its sentence or
    quotation, it is a cognition cue inside a quotation, a document verb with no document noun or passive before
    it, or *called* with no quoted complement."""
    sentence_start, sentence_end, quote_inside = _bounds(seg, cue.start)
    if cue.start < sentence_start or cue.end > sentence_end:
        return None
    if _LINK_LABEL_RE.match(seg.text, seg.paragraphs[seg.paragraph_at(cue.start)][0]) is not None:
        return None  # a link or video headline of the page ('More: ..., French president says', 'NOW WATCH: ...')
    if quote_inside is not None and cue.kind == "cue":
        return None  # "I think", "we believe" inside a quotation are the speaker's own hedges, not sourcing
    low = cache.low
    if cue.kind == "document_cue" and not matches_between(cache, words.document_word_re, sentence_start, cue.start) \
            and not (PASSIVE_FORM(low[cue.start:cue.end]) and matches_between(cache, _BE_RE, sentence_start, cue.start)):
        # a document verb needs a document noun in its subject, or a passive ("was found by"): with neither
        # anywhere before it in the sentence, no rule can succeed, so the sentence is not tokenised
        return None
    if low[cue.start:cue.end] in RAISING_PARTICIPLES and _TO_BE_RE.match(low, cue.end) is not None and \
            _PRONOUN_BEFORE_RE.search(low, max(0, cue.start - 8), cue.start) is None:
        return None  # 'officials thought to be close to Quill', 'is said to have': nobody is cited
    if cue.kind == "document_cue" and low.endswith(("ed", "found", "shown"), cue.start, cue.end):
        place = _PLACE_AFTER_RE.match(low, cue.end)
        if place is not None and _THAT_CLAUSE_RE.match(low, place.end(), sentence_end) is None:
            # 'the emails found on his laptop', 'documents listed in the filing': a participle of place ('the
            # audit found in its review that ...' keeps its clause)
            return None
    complement = None
    if cue.kind == "call":
        complement = call_complement(cache.text, seg, cue, quote_starts, sentence_end, quote_inside)
        if complement is None:
            return None
    return CueContext(words, typer, names, seg, cache, quote_starts, cue, sentence_start, sentence_end,
                      quote_inside, complement)


def _bounds(seg, pos: int) -> tuple[int, int, object]:
    """The sentence around ``pos``, clipped to the quotation holding ``pos`` if any."""
    sentence_start, sentence_end = seg.sentences[seg.sentence_at(pos)]
    quote = seg.quote_at(pos)
    if quote is not None and quote.uncertain:
        quote = None  # unbalanced marks: the quotation's extent is a guess, so a cue inside it is the reporter's
    if quote is not None:
        sentence_start, sentence_end = max(sentence_start, quote.content_start), min(sentence_end, quote.content_end)
    return sentence_start, sentence_end, quote
