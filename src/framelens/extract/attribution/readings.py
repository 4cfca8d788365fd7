"""How a matched cue word reads where it stands, before any rule looks for its source: a noun or an adjective
rather than a verb ('an impassioned call for', 'the copy has notes'), a participle with no subject before it ('a
biography written by'), a word of a headline in title case or of a name ('Trey Gowdy Just Fired Back', 'World News
Daily Report'), a recording whose speaker is the person recorded ('footage of Quill saying'). Each function is one
test the rules of :mod:`.rules` apply; docs/methods_attribution.md ("round ten") lists them with their look-alikes.
"""

from __future__ import annotations

import re

from .context import BE_FORMS, CueContext
from .tokens import Token
from .phrases import source_noun
from .words import (ARTICLES_AND_POSSESSIVES, AUXILIARIES, CATENATIVES, DETERMINERS, MONTH_NAMES, NEGATIVE_CATENATIVES,
                    NEGATORS, NOMINATIVE_PRONOUNS, NUMBER_WORDS, WEEKDAYS)

__all__ = ["noun_after_auxiliary", "noun_after_determiner", "bare_participle", "after_thing_noun",
           "title_case_after", "title_case_end", "name_word_cue", "capitalised_cue", "causative_worry",
           "confirmation_vote", "conditional_subject",
           "plural_noun_cue", "READ_FORMS", "READ_NOT_FOLLOWED_BY",
           "RECORDING_OF_RE", "QUANTIFIERS", "EVIDENCE_VERBS", "speaker_phrase", "negated_cue"]


def noun_after_auxiliary(ctx: CueContext) -> bool:
    """Whether a cue in the third person singular ('notes', 'claims', 'states') follows an auxiliary right before
    it: no verb form can, so it is a plural noun ('the copy has notes written in it', 'she will claims')."""
    first = ctx.cue_low.split(None, 1)[0]
    if not first.endswith("s") or first.endswith(("ss", "us", "is")) or not ctx.left:
        return False
    before = ctx.left[-1]
    return before.low in AUXILIARIES and not before.cap  # ('While Will acknowledges': a name)


#: A recording of someone before a participle cue: the person recorded is the source ('footage of Quill saying',
#: 'a video of the senator telling donors').
RECORDING_OF_RE = re.compile(r"(?i:(?:(?:a|an|the|this|that|new|old|newly|released|leaked|recent)\s+)*"
                              r"(?:footage|videos?|video clips?|clips?|audio|recordings?|tapes?|audiotapes?|"
                              r"videotapes?|films?)\s+of\s+)")


def noun_before_plural_verb(ctx: CueContext) -> bool:
    """Whether a cue in *-s* is a plural noun, the subject of a plural verb right after it ('Harsh comments are
    earning ...', 'the claims were false'): a verb in *-s* is never followed by *are*, *were* or *have*, except in
    a free relative ('What she claims are lies', 'what he says are facts'), left as it is."""
    low = ctx.cue_low
    if " " in low or not low.endswith("s") or not ctx.right or ctx.right[0].low not in _PLURAL_VERBS:
        return False
    return not any(t.low in _FREE_RELATIVES for t in ctx.left[-4:])


#: Finite verbs that agree with a plural subject only.
_PLURAL_VERBS = frozenset(("are", "were", "have", "aren't", "weren't", "haven't", "aren’t", "weren’t", "haven’t"))
#: Words that open a free relative clause whose verb may be a cue ('what she claims are lies').
_FREE_RELATIVES = frozenset(("what", "whatever", "which", "that"))


#: Short function words a headline in title case leaves in lower case ('Ted Cruz Refuses to Disavow ...').
_TITLE_CASE_SMALL_WORDS = frozenset(("a", "an", "the", "to", "of", "in", "on", "at", "for", "and", "or", "but", "by",
                                     "with", "from", "as", "up"))
#: What may stand before a capitalised cue that starts a statement of its own: a quotation mark, an opening bracket,
#: a colon, a dash or a sentence end (then the capital is no sign of a name: '"...," Said Deputy U.S. attorney').
_OPENS_STATEMENT = frozenset('"“”‘’\'([:—–-.!?')
#: A capitalised function word among the three words after a cue word: a headline in title case ('Chris Christie
#: Says He Would Issue ...', 'CNN Disputes Characterization Of ...'); names hold none ('Alliance Defending Freedom
#: Senior Counsel').
_TITLE_FUNCTIONS = sorted({w.capitalize() for w in _TITLE_CASE_SMALL_WORDS} | set(
    "He She It We They I You His Her Its Their Our My About After Over Into Out If When Not No Is Are Was Were Be Will "
    "Would Can Could Should Has Have Had This That These Those What Why How Who".split()))
_TITLE_FUNCTION_RE = re.compile(r"(?:[^\S\n]+[\w’'.-]+){0,2}?[^\S\n]+(?:"
                                + "|".join(_TITLE_FUNCTIONS + [w.upper() for w in _TITLE_FUNCTIONS if len(w) > 1])
                                + r")(?![\w’'])")
#: A capitalised word right after the cue ('Hope Hicks').
_CAPITAL_AFTER_RE = re.compile(r"[^\S\n]+[A-Z]")
#: A lower-case word of four letters or more other than the prepositions and conjunctions title case leaves in
#: lower case: a sentence with one is running text, not a headline.
_LOWER_CONTENT_RE = re.compile(r"(?<![^\W\d_])(?!(?:with|from|into|onto|upon|over|than|that|when|about|after|"
                               r"amid|among|until|while)(?![^\W\d_]))[a-z]{4,}(?![^\W\d_])")
#: A capitalised word right before the cue ('The Drudge Report').
_CAPITAL_BEFORE_RE = re.compile(r"[A-Z][\w’'.-]*[^\S\n]+$")


def name_word_cue(ctx: CueContext) -> bool:
    """Whether a capitalised cue word is part of a name in running text ('The Drudge Report',
    'Christopher Rants', 'spokeswoman Hope Hicks said', 'BUT ECONOMY FAVORS TRUMP - David ...': a headline run into
    the text): a capitalised word stands right before or after it and it opens neither its sentence nor a statement
    of its own. A headline in title case keeps its cue: a sentence with no lower-case word but short function words
    ('Ted Cruz Refuses to Disavow ...', 'after Report Reveals Clinton's Meetings with ...'), or a capitalised function
    word among the three words after the cue ('... 10:35PMChris Christie Says He Would Issue ...')."""
    text, start, end, sentence_start = ctx.text, ctx.cue.start, ctx.cue.end, ctx.sentence_start
    if not text[start].isupper():
        return False
    before = text[sentence_start:start].rstrip()
    title = before[:-1].rsplit(None, 1)[-1:] if before.endswith(".") else ()
    if title and title[0] in ctx.words.title_abbreviations:
        return True  # a title's period is no sentence end: 'learned from Mr. Said' (a surname)
    if not before or before[-1] in _OPENS_STATEMENT:
        return False
    if _LOWER_CONTENT_RE.search(text, sentence_start, ctx.sentence_end) is None:
        return False
    if _TITLE_FUNCTION_RE.match(text, end) is not None:
        return False
    return _CAPITAL_AFTER_RE.match(text, end) is not None or \
        _CAPITAL_BEFORE_RE.search(text, max(sentence_start, start - 40), start) is not None


#: Verbs of worry that also take a causative object ('the move worried investors': the move causes the worry).
_CAUSATIVE_WORRY = frozenset(("worry", "worries", "worried"))
#: What opens the object of a causative verb of worry (besides a capitalised name): 'worried investors', 'the
#: regime worries the capitals', 'has worried some experts'.
_WORRY_OBJECTS = DETERMINERS | frozenset(("his", "her", "their", "its", "our", "my", "your", "him", "them", "us", "me",
                                          "some", "many", "most", "several", "both", "all", "investors", "voters",
                                          "officials", "experts", "lawmakers", "allies", "analysts", "markets"))
#: Subject pronouns: after a verb of worry they open its clause ('worry they can't depend on them', 'worries it').
_NOMINATIVES = NOMINATIVE_PRONOUNS | frozenset(("you", "it"))
#: Words that open the content of a verb of worry rather than its object ('worried that', 'worries about').
_WORRY_CONTENT = frozenset(("that", "about", "over", "for", "whether", "if", "how", "what", "why", "when", "aloud",
                            "privately", "publicly", "openly", "out"))


def causative_worry(ctx: CueContext) -> bool:
    """Whether a verb of worry has an object and no clause after it: 'The regime worries the capitals.', 'the move
    worried investors, who ...' (the subject causes the worry and holds none); 'Officials worried the plan would
    fail' (an auxiliary or a past tense follows the noun phrase: a clause without *that*) keeps its attribution."""
    if ctx.cue_low not in _CAUSATIVE_WORRY:
        return False
    right = ctx.right
    if not right or not right[0].is_word or not (right[0].cap or right[0].low in _WORRY_OBJECTS) or \
            right[0].low in _NOMINATIVES:
        return False  # ('worries at the Atlantic', 'worry they can't', 'worried nonetheless about')
    for t in right[:9]:
        if not t.is_word:
            return True  # punctuation closes the object before any verb
        low = t.low
        if low in AUXILIARIES or low in _WORRY_CONTENT or low in ("must", "will", "would") or \
                low.endswith(("n't", "n’t", "'ll", "’ll")) or (low.endswith("ed") and not t.cap):
            return False
    return True


#: Forms of *confirm*, which also means voting a nominee into office ('the Senate confirmed Rex Vale').
_CONFIRM_FORMS = frozenset(("confirm", "confirms", "confirmed", "confirming"))
#: What follows a nominee's name after *confirmed*: the office, the vote, the date or the end of the clause.
_AFTER_NOMINEE = frozenset(("as", "on", "by", "to", "for", "in", "with", "late", "last", "this", "early"))


def confirmation_vote(ctx: CueContext) -> bool:
    """Whether *confirm* has a person's name as its object with no clause after it: a vote to put a nominee in
    office ('The council confirmed Ada Quill as city manager', 'the Senate confirmed Vale on a 56-43 vote'), not a
    report ('The agency confirmed Vale would resign' and 'confirmed that ...' keep their attribution)."""
    if ctx.cue_low not in _CONFIRM_FORMS:
        return False
    right = ctx.right
    k = 0
    while k < len(right) and k < 6 and (right[k].cap and right[k].is_word or
                                        (right[k].text == "." and k and len(right[k - 1].text) <= 3)):
        k += 1
    if k == 0 or right[0].low in DETERMINERS or right[0].low in ("that", "this", "it", "he", "she", "they") or \
            right[0].low in WEEKDAYS or right[0].low in MONTH_NAMES:  # ('confirmed Monday that ...')
        return False
    return k == len(right) or not right[k].is_word or right[k].low in _AFTER_NOMINEE


def capitalised_cue(ctx: CueContext, src_start: int, src_end: int) -> int | None:
    """How a cue word in capitals reads after its source phrase ``text[src_start:src_end]``: None when it is part
    of a name (:func:`name_word_cue`; 'the Drudge Report', 'World News Daily Report absolves'), else the phrase's end,
    shortened when the cue closes a headline in title case (:func:`title_case_end`)."""
    if name_word_cue(ctx):
        return None
    cue = ctx.cue
    if cue.start >= src_end and ctx.text[cue.start:cue.start + 1].isupper() and cue.start > ctx.sentence_start:
        if not title_case_after(ctx):
            if ctx.left and ctx.left[-1].is_word and ctx.left[-1].cap:
                return None  # a word of a name: 'World News Daily Report absolves', 'the Drudge Report'
        else:
            return title_case_end(ctx, src_start, src_end)
    return src_end


def title_case_end(ctx: CueContext, src_start: int, src_end: int) -> int:
    """Where a source phrase before a capitalised cue ends once the capitalised adverbs and catenative verbs of a
    headline in title case are left out ('Trey Gowdy Just Fired Back', "He's Already Started Writing", 'Tim Kaine
    Fully Endorses'); the phrase's own end when one name or nothing would be left."""
    words = ctx.words
    tokens = list(ctx.cache.exact(src_start, src_end))
    n = len(tokens)
    while n > 1 and tokens[n - 1].is_word and tokens[n - 1].cap and (
            tokens[n - 1].low in words.between or tokens[n - 1].low in words.adverbial_words or
            tokens[n - 1].low in CATENATIVES or tokens[n - 1].low in _TITLE_ADVERBS or
            (len(tokens[n - 1].low) > 4 and tokens[n - 1].low.endswith("ly"))):
        n -= 1
    if n == len(tokens):
        return src_end
    rest = [t for t in tokens[:n] if t.is_word]
    if len(rest) < 2 and not (rest and re.split(r"['’]", rest[0].low)[0] in words.pronouns):
        return src_end  # one name is left: the word may be a surname ('Leslie Early Says')
    return tokens[n - 1].end


def title_case_after(ctx: CueContext) -> bool:
    """Whether the word after a capitalised cue is capitalised too, or none follows in the sentence: a headline in
    title case ('Trey Gowdy Just Fired Back After ...'), not a name that holds a cue word ('World News Daily Report
    absolves ...')."""
    nxt = next((t for t in ctx.right if t.is_word and t.low not in _TITLE_CASE_SMALL_WORDS), None)
    return nxt is None or not nxt.text[:1].islower()  # ('Kasich Just Revealed The 1 Thing ...')



#: Adverbs a headline in title case capitalises before its verb.
_TITLE_ADVERBS = frozenset(("just", "already", "finally", "now", "also", "still", "again", "even", "fully", "really",
                            "actually", "officially", "reportedly", "quietly", "openly"))


def noun_after_determiner(ctx: CueContext) -> bool:
    """Whether a cue follows a determiner, a possessive or a number with at most two adjectives between: no verb
    can, so it is a noun or an adjective ('an impassioned call for', "Trump's repeated calls", 'her five proposed
    bills', 'their own harder-edged reporting'), or an -ed participle right after a gerund, an adjective
    ('militarizing disputed waters'). The matcher's look-alike rules see only the word right before a cue;
    *said*, *says* and *told* are left alone ('the accused said')."""
    first = ctx.cue_low.split(None, 1)[0]
    if first in _NEVER_NOUNS:
        return False
    left = ctx.left
    if left and left[-1].is_word and left[-1].low in _NOUN_PREPOSITIONS and not first.endswith("ing") and \
            ctx.cue.kind != "document_cue":
        return True  # no verb right after a preposition: 'Despite claims from ...', 'amid reports that'
    if first.endswith("ed") and len(left) >= 2 and left[-1].is_word and not left[-1].cap and \
            left[-1].low.endswith("ing") and left[-2].low in _GERUND_PREPOSITIONS and ctx.right and \
            ctx.right[0].is_word and not ctx.right[0].cap:
        return True  # a participle after a gerund is an adjective: 'of militarizing disputed waters'
    if first.endswith("s") and not first.endswith("ss") and left and left[-1].is_word and left[-1].low != "one" and \
            (_COUNT_RE.fullmatch(left[-1].low) or left[-1].low in _UNIT_WORDS):
        return True  # a plural noun after a count or a unit: 'for three reasons that', 'two claims', '12 percentage
        # points to 8'; a plural subject's verb takes no -s ('the two warn')
    if first.endswith("ed") and left and left[-1].is_word and not left[-1].cap and (
            left[-1].low in _PLURAL_DETERMINERS or _COUNT_RE.fullmatch(left[-1].low)) and ctx.right and \
            ctx.right[0].is_word and not ctx.right[0].cap and ctx.right[0].low.endswith("s") and \
            ctx.right[0].low not in ctx.words.stop and len(ctx.right[0].low) > 3:
        return True  # a participle between a count or determiner and a plural noun: '300 pledged delegates'
    if first.endswith("ed") and left and left[-1].is_word and left[-1].low in ARTICLES_AND_POSSESSIVES and \
            ctx.right and ctx.right[0].is_word and not ctx.right[0].cap and ctx.right[0].low not in ctx.words.stop:
        return True  # right after an article or a possessive, before a word: 'his promised border wall', 'the
        # estimated 10 million', 'the proposed centre', 'the accused denied' (no subject can stand there)
    if ctx.cue.kind == "cue" and left and left[-1].is_word and left[-1].low in ARTICLES_AND_POSSESSIVES and \
            left[-1].low != "her":
        return True  # a cognition cue has no look-alike rules of its own: 'at the thought of', 'his hope is'
        # (not *her*, which may be an object: 'made her think')
    if left and left[-1].is_word and _MEASURE_RE.fullmatch(left[-1].low):
        return True  # a measure before it is an adjective, the cue a noun: 'a testy, 45-minute call', 'a 10-page
        # report' (not an age used as a noun: 'the 43-year-old asked')
    i = len(left) - 1
    skipped = 0
    while i >= 0 and skipped < 2 and left[i].is_word and not left[i].cap and _adjective_like(left[i].low) and \
            not (skipped == 0 and _number_like(left[i].low)):  # ('the two write', 'the 43-year-old asked')
        i -= 1
        skipped += 1
        while skipped and i > 0 and left[i].is_word and left[i].low in _INTENSIFIERS:
            i -= 1  # ('a very reasonable hope', 'his most recent claims')
    if not skipped or i < 0:
        return False  # (right after a determiner the matcher's own rules decide)
    if first.endswith("ed") and ctx.right and ctx.right[0].is_word and (
            ctx.right[0].low in DETERMINERS or ctx.right[0].low in _OBJECT_PRONOUNS):
        return False  # an object follows, so a verb: 'Advocates for the homeless accused the city of ...'
    low = left[i].low
    return low in DETERMINERS or low.endswith(("'s", "’s")) or (left[i].text in "'’" and i > 0) or \
        low in NUMBER_WORDS or low[:1].isdigit()


#: Words that make the plural noun after them a quantity ('percentage points', 'basis points').
_UNIT_WORDS = frozenset(("percentage", "basis"))
#: Words before a participle that make it an adjective when a plural noun follows ('the most pledged delegates',
#: 'those estimated costs'); not 'that', which opens a relative clause.
_PLURAL_DETERMINERS = frozenset(("the", "these", "those", "most", "more", "all", "their", "his", "her", "its", "our",
                                 "your", "my", "many", "few", "several", "some", "no"))
#: Object pronouns after a verb ('accused him of').
_OBJECT_PRONOUNS = frozenset(("him", "her", "them", "us", "me", "it"))
#: A count and a unit joined by a hyphen, an adjective of measure ('45-minute', 'two-hour', '10-page').
_MEASURE_RE = re.compile(r"(?:\d[\d,.]*|" + "|".join(sorted(NUMBER_WORDS)) + r")-(?:second|minute|hour|day|week|month|"
                         r"year|page|word|point|mile|foot|inch|member|person|state|city|nation|country)")
#: A count written in digits ('300', '1,200') or as a word (:data:`NUMBER_WORDS`).
_COUNT_RE = re.compile(r"\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS)))
#: Prepositions after which a cue form is a noun ('despite claims', 'amid reports', 'with calls for'); not *as*,
#: *like* or *than*, which open reduced clauses ('as reported', 'as expected'), nor *to* (an infinitive), nor
#: those that also end a noun phrase as adverbs ('leaders in Belgium and beyond vowed', 'those left behind said':
#: *in, on, at, over, under, behind, beyond, about, by, before, after*).
_NOUN_PREPOSITIONS = frozenset(("despite", "amid", "amidst", "following", "with", "without", "from", "against",
                                "among", "during", "of", "for", "into", "upon", "regarding", "concerning"))
#: Degree words before an adjective, read over with it ('a very reasonable hope').
_INTENSIFIERS = frozenset(("very", "so", "too", "quite", "rather", "more", "most", "less", "least", "even", "truly",
                           "highly", "fairly", "really", "somewhat"))
#: Prepositions before a gerund ('of militarizing', 'for avoiding').
_GERUND_PREPOSITIONS = frozenset(("of", "for", "by", "without", "after", "before", "while", "about", "from", "in"))
#: Cue forms that are never nouns or adjectives, whatever stands before them.
_NEVER_NOUNS = frozenset(("said", "says", "say", "told", "tells", "tell"))
#: Adjectives of the kind found between a determiner and a noun cue ('repeated', 'own', 'latest').
_ADJECTIVES = frozenset(("new", "own", "latest", "recent", "first", "last", "many", "several", "angry", "sharp",
                         "harsh", "strong", "loud", "bold", "blunt", "frequent", "same"))  # (not 'public': 'the public says')


def _adjective_like(low: str) -> bool:
    """A lower-case word that reads as an adjective before a noun: a number or one of :data:`_ADJECTIVES`, or
    one with an adjective ending (*-ed*, *-ous*, *-ful*, *-less*, *-est*, *-able*, *-ible*; not 'op-ed')."""
    return low in _ADJECTIVES or _number_like(low) or (
        len(low.rsplit("-", 1)[-1]) > 3 and low.endswith(("ed", "ous", "ful", "less", "est", "able", "ible")))


def _number_like(low: str) -> bool:
    """A number word or a word that opens with a digit ('five', '20', '43-year-old')."""
    return low in NUMBER_WORDS or low[:1].isdigit()


def bare_participle(ctx: CueContext) -> bool:
    """Whether the cue is a past participle that is never a simple past ('written', 'shown', 'spoken') with no
    *have* or *be* before it: it opens a reduced relative clause ('a biography written by ...', 'notes written in
    the margins'), and the noun phrase before it is not its subject ('Quill has written', 'was shown' are not)."""
    first = ctx.cue_low.split(None, 1)[0]
    if first not in _PURE_PARTICIPLES:
        return False
    left = ctx.left
    i = ctx.be_index
    while i >= 0 and not _auxiliary(left[i].low) and (
            left[i].low in ("not", "never", "t", "'", "’") or left[i].low in _ADVERBS_BEFORE_PARTICIPLE
            or (left[i].low in ctx.words.between and not left[i].cap)):
        i -= 1  # ('had not yet spoken', 'has long spoken', "hadn't spoken": the tokenizer gives 'hadn', "'", 't')
    return i < 0 or not _auxiliary(left[i].low)


def _auxiliary(low: str) -> bool:
    """A form of *have*, *be* or *get* before a participle, also contracted ("he's", "hadn't", 'hadn')."""
    return low in _HAVE_FORMS or low in BE_FORMS or low.endswith(_AUXILIARY_CLITICS) or \
        (low in NEGATORS and low.endswith("n")) or low.endswith(("n't", "n’t"))


#: Past participles of cues that are never a simple past.
_PURE_PARTICIPLES = frozenset(("written", "shown", "spoken", "sworn", "given", "known", "drawn", "rewritten",
                               "overwritten", "forbidden", "foreseen"))
_HAVE_FORMS = frozenset(("have", "has", "had", "having", "get", "gets", "got", "getting", "gotten"))
_ADVERBS_BEFORE_PARTICIPLE = frozenset(("yet", "already", "just", "ever", "since", "repeatedly", "publicly", "long",
                                        "often", "also", "previously", "recently", "frequently"))
#: Contracted auxiliaries kept on a pronoun by the tokenizer ("he's written", "they've shown", "I'd spoken").
_AUXILIARY_CLITICS = ("'s", "’s", "'ve", "’ve", "'d", "’d", "'re", "’re")


def after_thing_noun(ctx: CueContext) -> bool:
    """Whether a participle cue with *by* follows a lower-case noun that names no one, adverbs between: a reduced
    relative clause ('the facts reported by the government', 'a fact first reported by a local station'), whose
    agent is the source. After a name, a pronoun or a noun of people the verb is active ('officials reported by
    phone')."""
    left = ctx.left
    i = len(left) - 1
    while i >= 0 and left[i].is_word and not left[i].cap and (left[i].low in _REPORT_ADVERBS or (
            len(left[i].low) > 4 and left[i].low.endswith("ly"))):
        i -= 1
    if i < 1:
        return False
    noun, words = left[i], ctx.words
    if not (noun.is_word and not noun.cap and noun.low.isalpha() and (
            left[i - 1].low in DETERMINERS or (noun.low.endswith("s") and not noun.low.endswith("ss")))) or \
            noun.low in words.stop or noun.low in words.between or _people_word(words, noun.low):
        return False  # (a plural needs no determiner: 'foreign policy decisions opposed by Israel')
    agent = next((t for t in ctx.right[1:4] if t.is_word and t.low not in DETERMINERS), None)
    return agent is not None and (agent.cap or source_noun(words, agent.low))  # ('by phone' is a means)


def _people_word(words, low: str) -> bool:
    """A pronoun, quantifier or noun of people of the lists, in the singular or plural ('officials', 'teachers'
    are not known to the lists, but 'the teachers reported by phone' has no agent that is a source anyway)."""
    head = low[:-1] if low.endswith("s") else low
    if words.has("document", low) or words.has("document", head):
        return False  # a thing: 'a photo posted by Ada Quist', 'the memo written by her aide'
    return low in words.pronouns or low in QUANTIFIERS or source_noun(words, low) or source_noun(words, head)


#: Adverbs of time between a noun and the participle of a reduced relative ('a fact first reported by').
_REPORT_ADVERBS = frozenset(("first", "later", "originally", "initially", "previously", "earlier", "also", "long",
                             "once", "often"))


def plural_noun_cue(ctx: CueContext, src_end: int) -> bool:
    """Whether a document cue that is mostly a noun in news ('state', 'states', 'details', 'lists') ends a noun
    phrase rather than following its subject: the word before it is no document noun or number ('data in
    traditionally Republican states like Arizona', 'spending in the state Supreme Court race'; 'The report states',
    'Article 5 states' stay). Cues read as verbs more often ('shows', 'finds') are left to the source's type."""
    if ctx.cue_low not in _NOUN_LIKE_DOCUMENT_CUES or ctx.cue.start - src_end > 1:
        return False
    before = ctx.left[-1] if ctx.left else None
    if before is None or not before.is_word:
        return False
    documents = ctx.words.sections.get("document", ())
    low = before.low
    return not (low in documents or (low.endswith("s") and low[:-1] in documents) or low[:1].isdigit())


_NOUN_LIKE_DOCUMENT_CUES = frozenset(("state", "states", "detail", "details", "list", "lists"))
#: 'The sign read: ...': after *read* these words give a manner, not the text ('reads like', 'read aloud').
READ_FORMS = frozenset(("read", "reads", "reading"))
READ_NOT_FOLLOWED_BY = frozenset(("like", "as", "aloud", "out", "well", "better", "badly", "more", "less"))


#: Quantifiers and number words that stand for people on their own ('Half said', 'Both vowed', 'None said').
QUANTIFIERS = frozenset("one two three four five six seven eight nine ten half both all none some many most few "
                         "several each either neither others another".split())


#: Report verbs whose subject may be evidence or an event rather than a speaker ('the move indicates', 'the emails
#: raise concerns', 'the primary threatens to knock them out'): with these the source must be one who can speak.
EVIDENCE_VERBS = frozenset(("indicated", "indicates", "indicating", "raise", "raises", "raised", "raising",
                            "threaten", "threatens", "threatened", "threatening"))
#: Source types that speak on their own.
_SPEAKING_TYPES = frozenset(("person", "official", "organization", "media", "anonymous", "pronoun"))
#: Plural endings of nouns of people the lists lack ('backers', 'activists', 'Democrats').
_PEOPLE_ENDINGS = ("ers", "ists", "ans", "ians")


def speaker_phrase(ctx: CueContext, src_start: int, src_end: int, source_type: str) -> bool:
    """Whether a source phrase names one who can speak: a type that speaks, or a vague phrase whose words before
    any preposition hold a noun of people ('House GOP leaders', 'Cruz backers'; not 'the move', 'the new
    contract', 'the existence of a grand jury')."""
    if source_type in _SPEAKING_TYPES:
        return ctx.cache.low[src_start:src_end] not in ("it", "this", "that")  # ('it raises concerns': a thing)
    if source_type != "vague":
        return False
    words = ctx.words
    for t in ctx.cache.exact(src_start, src_end):
        if not t.is_word:
            continue
        low = t.low
        if low in ("of", "for", "in", "at", "from", "with", "by", "on"):
            return False
        if low in words.pronouns or low in QUANTIFIERS or source_noun(words, low) or low.endswith(_PEOPLE_ENDINGS):
            return True
    return False


def negated_cue(ctx: CueContext) -> bool:
    """Whether a verb cue is negated: *not*, *never* or a contracted negation stands among the auxiliaries and
    adverbs right before it ('had never publicly acknowledged', 'did not confirm', "didn't say", 'has not
    denied'), or before a verb that takes it as a 'to' complement ('did not try to argue')."""
    if not ctx.verbal:
        return False
    left = ctx.left
    words = ctx.words
    i = len(left) - 1
    steps = 0
    while i >= 0 and steps < 8:
        t = left[i]
        low = t.low
        if low in NEGATORS or (low == "t" and i > 0 and left[i - 1].text in "'’") or low.endswith(("n't", "n’t")):
            return True
        if low == "to" and i > 0 and left[i - 1].low in NEGATIVE_CATENATIVES:
            return True  # 'failed to mention', 'declined to criticize', 'has yet to confirm'
        if ctx.cue_low.endswith("ing") and i == len(left) - 1 and low == "of" and i > 1 and \
                left[i - 1].low == "short":
            return True  # 'stopped short of endorsing'
        if t.text in "'’" or (t.is_word and (low in words.between or low == "to" or low in CATENATIVES
                                              or (len(low) > 4 and low.endswith("ly") and not t.cap))):
            i -= 1
            steps += 1
            continue
        break
    return _under_negated_memory(left) if ctx.cue_low.endswith("ing") or ctx.cue_low in ("say", "said") else False


#: Verbs of memory and perception whose object's *-ing* or bare verb reports what was (not) heard: 'I don't recall
#: any of them saying', 'I never heard Reyes say'.
_MEMORY_VERBS = frozenset(("recall", "recalls", "recalled", "remember", "remembers", "remembered", "heard", "hear",
                           "hears", "saw", "seen", "see"))
#: Words that open a clause after a verb of memory: the saying in it is presupposed, not denied.
_CLAUSE_WORDS = frozenset(("when", "that", "how", "what", "where", "why", "if", "whether", "as", "because"))
#: Words that negate a memory verb from its subject ('Nobody remembers Quill saying', 'No one heard him say').
_NEGATIVE_SUBJECTS = frozenset(("nobody", "none", "no"))


def _under_negated_memory(left) -> bool:
    """Whether a negated verb of memory or perception stands a few words before the cue, its object between them
    ('I don't recall any of them saying', 'I never heard Tom Reyes say', 'Nobody remembers Ada Quill saying'): what
    no one remembers was said is reported as not said."""
    for i in range(len(left) - 2, max(-1, len(left) - 8), -1):
        t = left[i]
        if not t.is_word or t.low in _CLAUSE_WORDS:
            return False  # ('Don't you remember when Obama said': a clause, which presupposes the saying)
        if t.low in _MEMORY_VERBS:
            before = [x.low for x in left[max(0, i - 3):i] if x.is_word]
            return any(w in NEGATORS or w in _NEGATIVE_SUBJECTS or w.endswith(("n't", "n’t")) or w == "t"
                       for w in before)
    return False


def question_subject(ctx: CueContext, phrase: list[Token], src_start: int, src_end: int) -> bool:
    """Whether the source phrase ``phrase`` (``text[src_start:src_end]``) is the subject of a question, so that its
    cue reports nothing: a capitalised auxiliary stands right before it or opens it ('Will we respond ...?', 'Did
    Quill say ...?'; also the month in 'in May advocating' and the furniture in 'MUST WATCH Scientists urge') and
    the cue is no past or *-s* form ('May Reyes said', 'Will Quill wrote': a name)."""
    if not _OPENER_NEAR_RE.search(ctx.text, max(ctx.sentence_start, src_start - 8), min(src_end, src_start + 6)):
        return False  # (one C-level test per cue first: no auxiliary right before or at the phrase's start)
    before = next((t for t in reversed(ctx.left) if t.end <= src_start), None)
    if phrase and phrase[0].cap and phrase[0].low in _QUESTION_OPENERS:
        before = phrase[0]  # ('Did Quill say ...?': the auxiliary was read into the name)
    verb = ctx.cue_low.split(None, 1)[0] if ctx.cue_low else ""
    return before is not None and before.cap and before.low in _QUESTION_OPENERS and \
        not verb.endswith(("s", "ed")) and verb not in IRREGULAR_PASTS and \
        (before.start == ctx.sentence_start or ctx.text[before.start - 1:before.start] in "\"“( ")


def conditional_subject(ctx: CueContext, src_start: int) -> bool:
    """Whether the source phrase opens a condition or an embedded question: *if*, *unless* or *whether* right
    before it ('If the governor said the levy was illegal, ...', 'asked whether Quill said ...'): what may have
    been said, not what was."""
    before = next((t for t in reversed(ctx.left) if t.end <= src_start), None)
    return before is not None and before.low in _CONDITIONALS


#: Words that open a condition or an embedded question before a subject.
_CONDITIONALS = frozenset(("if", "unless", "whether"))
#: Past forms of verbs of saying that do not end in -ed ('May Reyes said', 'Will Quill wrote').
IRREGULAR_PASTS = frozenset(("said", "heard", "paid", "laid", "told", "wrote", "spoke", "thought", "knew", "felt", "saw", "gave", "made", "took",
                             "sought", "taught", "swore", "forbade", "bade", "rang", "sang", "went", "came", "put",
                             "let", "cast", "read", "set", "hit", "quit", "found", "held", "led", "meant", "won"))
#: Auxiliaries that open a question before its subject ('Will we respond ...?', 'Did he say ...?').
_QUESTION_OPENERS = frozenset(("will", "would", "can", "could", "should", "shall", "may", "might", "must", "do",
                               "does", "did"))
#: One of :data:`_QUESTION_OPENERS` in any case, looked for right before a source phrase or at its start.
_OPENER_NEAR_RE = re.compile(r"\b(?:" + "|".join(sorted(_QUESTION_OPENERS)) + r")\b", re.IGNORECASE)
