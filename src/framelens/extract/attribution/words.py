"""The extractor's vocabulary: closed word classes, and the sets and patterns derived once from the word lists.

:class:`AttributionWords` is built once per extractor from ``source_types.txt``
(:func:`framelens.lexicon.wordlists.load_source_lexicon`) and the abbreviation
list, so that the per-cue code does set look-ups only.
"""

from __future__ import annotations

import re

from ...lexicon.wordlists import SOURCE_SECTIONS, VALUED_SECTIONS, SourceLexicon, load_abbreviations
from .tokens import Token, trie_pattern, word_set_pattern

QUOTE_CHARS = frozenset("\"“”„«»‘’'")
APOSTROPHES = frozenset("'’")
#: Double quotation marks that close and open a quotation (the straight mark does both).
CLOSING_DOUBLE = frozenset('"”')
OPENING_DOUBLE = frozenset('"“')
DETERMINERS = frozenset("the a an this these those his her their its our my your any another every each no".split())
RELATIVE_PRONOUNS = frozenset(("who", "which", "that"))
#: Possessive determiners: a phrase opened by one is never a subject ('his comments', 'her Twitter posts').
POSSESSIVE_DETERMINERS = frozenset(("his", "her", "their", "its", "our", "my", "your"))
#: Articles and possessive determiners: never a subject of the verb right after them (unlike *this, that*).
ARTICLES_AND_POSSESSIVES = frozenset(("the", "a", "an")) | POSSESSIVE_DETERMINERS
#: A party member's noun: after 'the' and a place it names a lawmaker ('the Ohio Democrat'); ending a capitalised run
#: it describes someone ('Oregon Republican').
PARTY_EPITHETS = frozenset(("republican", "democrat", "independent"))
#: Number words up to ten ('six in 10 say', 'Two weeks later, ...').
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
#: Days of the week, months and parts of the day, the words of time adverbials the rules read ('on Monday', 'in
#: March', 'Thursday night').
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_NAMES = frozenset("january february march april may june july august september october november december"
                        .split())
DAY_PARTS = frozenset(("morning", "afternoon", "evening", "night"))
#: Relative days and times that stand alone as a time adverbial ('said today', 'announced earlier').
RELATIVE_DAYS = frozenset(("today", "yesterday", "tonight", "earlier", "later"))
#: Nouns of time after *last*, *this*, *next* (or *earlier this*, *later this*) in a time adverbial ('last week',
#: 'this morning', 'later this session'); weekdays too ('last Tuesday').
TIME_NOUNS = frozenset(("week", "weekend", "month", "year", "spring", "summer", "fall", "autumn", "winter", "season",
                        "term", "session", "cycle", "time")) | DAY_PARTS | WEEKDAYS
#: Pronouns that a restrictive relative clause describes ('those who helped Quill', 'anyone who knows her'): the
#: clause is all that names the source.
RELATIVE_HEADS = frozenset(("those", "anyone", "everyone", "someone", "somebody", "anybody", "everybody", "one",
                            "others", "people"))


def time_adverbial_end(tokens: list[Token], i: int) -> int | None:
    """The index after a time adverbial that opens at ``tokens[i]`` without a comma ('on Monday', 'Tuesday night',
    'last week', 'this morning', 'last Tuesday night', 'earlier this month', 'later this session', 'yesterday'), or
    None: what the subject rules read over between a subject and its verb and before a sentence's subject, and what
    a source mention leaves out."""
    n = len(tokens)
    if i >= n:
        return None
    low = tokens[i].low
    if low in ("today", "yesterday"):
        return i + 1
    j = i + 1 if low in ("on", "earlier", "later") and i + 1 < n else i
    if (low == "on" and tokens[j].low not in WEEKDAYS) or (
            low in ("earlier", "later") and tokens[j].low not in ("last", "this", "next")):
        return None
    if tokens[j].low in ("last", "this", "next"):
        j += 1
        if j >= n or tokens[j].low not in TIME_NOUNS:
            return None
    elif tokens[j].low not in WEEKDAYS:
        return None
    j += 1
    return j + 1 if j < n and tokens[j].low in DAY_PARTS and tokens[j - 1].low in WEEKDAYS else j


#: Auxiliaries and modals that follow a subject as its verb ('The retired neurosurgeon has said').
AUXILIARIES = frozenset("has have had is was are were will would could can did does may might should".split())
#: Personal pronouns in the nominative: always a subject, wherever they stand ('Although at the mention of email
#: she laughed and admitted ...').
NOMINATIVE_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))
#: Modal verbs; the rules add the forms each reads (contractions split by the tokenizer, 'gonna').
MODALS = frozenset("will would could can should might may must shall".split())
#: Verbs whose object is the addressee, never the source ('told reporters', '"...," Quill, a lawyer, told CNN').
ADDRESSEE_VERBS = frozenset(("told", "tells", "tell", "telling"))
#: Indefinite pronouns, after which a name starts a clause of its own ('anything Trump had said', 'Everything
#: Quill says'): never part of a source phrase or a name.
INDEFINITES = frozenset(("anything", "everything", "something", "nothing", "anyone", "everyone", "someone",
                         "whatever", "whoever"))
#: Prepositions and subordinators that may open a sentence, capitalised, right before a subject or a name
#: ('Despite polls showing ...', 'After Mr. Quill's claim that ...'): not part of the phrase.
OPENING_PREPOSITIONS = frozenset("despite after before amid following given unlike like during since although "
                                 "though whereas while when because as with without in on at for from by to of "
                                 "under over among amongst against across around through throughout toward towards "
                                 "beyond besides between within upon".split())
#: Prepositions that join a post-modifier to a source noun ('a spokesperson for', 'officials of').
CONNECTORS = frozenset(("of", "for"))
#: Partitive and collective nouns before *of* (Quirk et al. 1985, 5.6-5.9): the noun after *of* is the phrase's
#: head for typing ('a batch of emails' is a document source, 'a copy of the memo' too).
PARTITIVES = frozenset("batch batches trove troves series set sets pair pairs copy copies cache tranche tranches stack "
                       "stacks pile piles collection excerpt excerpts portion portions section sections page pages "
                       "string spate flurry raft round rounds wave slew host".split())
#: Partitives of quantity ('dozens of economists', 'a handful of lawmakers'): an unspecified number, a vague source.
QUANTITY_PARTITIVES = frozenset("number numbers handful dozen dozens hundreds thousands millions scores lots lot "
                                "majority minority plurality bunch couple busloads crowds groups "
                                # counts and quantifiers before *of* ('Two of the senators said', 'Half of voters
                                # say': capitalised to open a sentence they were read as a person's name)
                                "one two three four five six seven eight nine ten half both all none most many "
                                "several few some each either neither".split())
#: Prepositions that may continue a noun phrase after a source noun ('officials at', 'a source close to').
NP_PREPOSITIONS = frozenset(("at", "with", "from", "in", "on", "to", "close", "like"))
#: Words before a profession that make its holder public staff ('a county engineer', 'the city planner', 'a state
#: epidemiologist'): the office is the public body's.
PUBLIC_PLACES = frozenset(("county", "city", "state", "federal", "municipal", "town", "government", "village",
                           "borough", "township", "district", "parish", "army", "navy", "military", "police",
                           "pentagon"))
#: Public bodies and the words that name them: before a profession ('a Justice Department lawyer') and after a
#: leading role ('chairman of the Dover County Board of Supervisors') they make an official.
PUBLIC_BODIES = PUBLIC_PLACES | frozenset(("department", "ministry", "agency", "senate", "congress", "legislature",
                                           "parliament", "administration", "commission", "cabinet", "supervisors",
                                           "presidential"))
#: Institutions that are none of these ('the history department at Dover University', 'Kestrel Foods').
PRIVATE_BODIES = frozenset(("university", "college", "company", "corporation", "corp", "inc", "foundation", "trust",
                            "association", "union", "church", "institute", "club", "society", "group", "bank",
                            "fund", "llc", "ltd", "co", "plc", "firm", "nonprofit", "partnership", "league",
                            # the trade nouns of company names (source_types.txt [organization], 'Kestrel Foods')
                            "foods", "brands", "holdings", "motors", "airlines", "airways", "industries",
                            "pharmaceuticals", "systems", "technologies", "solutions", "partners", "enterprises",
                            "ventures", "investments", "securities", "insurance", "logistics", "utilities"))
#: (Parties are left out: a party's leaders, nominees and chairs are political office holders in news-sourcing
#: studies, 'The chairwoman of the Iowa Democratic Party' is `official` as before.)


def unpossessed(word: str) -> str:
    """A word without its possessive ending ("ledger's" -> 'ledger', "Times’s" -> 'Times')."""
    return word[:-2] if word.endswith(("'s", "’s")) else word





#: Top-level domains that end a web site's address ('according to Factcheck.org', 'said ouest-france.fr').
DOMAIN_ENDINGS = frozenset(("com", "org", "net", "gov", "edu", "io", "co", "uk", "fr", "de", "es", "it", "ca", "au",
                            "info", "news", "tv", "us"))
#: Month names and their abbreviations.
MONTHS = MONTH_NAMES | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
#: Determiners that open a sentence subject found by :func:`.subjects.det_subject`.
SUBJECT_DETERMINERS = frozenset(("the", "a", "an"))
#: Past participles of verbs of saying and thinking that raise their subject before 'to be' / 'to have' ('voters
#: thought to be undecided', 'he is said to have left'): a report without its reporter (Quirk et al. 1985, 16.52).
RAISING_PARTICIPLES = frozenset("said thought believed known reported alleged considered expected understood "
                                "rumored rumoured reputed presumed estimated".split())
#: Irregular past participles that may follow a noun inside a source phrase ('exit polls taken in Ohio').
IRREGULAR_PARTICIPLES = frozenset("taken shown written given made seen held sent led run known chosen drawn "
                                  "begun done put set cast".split())
#: Words that negate a verb cue when they stand between its subject and it ('had never publicly acknowledged',
#: 'did not confirm', "didn't say"); the contracted forms are split by the tokenizer ('didn', "'", 't').
NEGATORS = frozenset(("not", "never", "n't", "n’t", "didn", "doesn", "don", "hasn", "haven", "hadn", "wasn", "weren",
                      "isn", "aren", "wouldn", "couldn", "won", "cannot", "can't", "can’t", "neither", "nor", "hardly",
                      "barely", "scarcely", "seldom", "rarely"))
#: Verbs whose 'to' complement is not done ('failed to mention', 'declined to criticize', 'has yet to confirm'): a
#: cue in that complement is negated, like one after *not*.
NEGATIVE_CATENATIVES = frozenset(("failed", "fails", "fail", "failing", "declined", "declines", "decline", "declining",
                                  "refused", "refuses", "refuse", "refusing", "neglected", "neglects", "yet",
                                  "omitted", "omits"))
#: Verbs that take a reporting verb as a 'to' complement and share its subject: 'tried to argue that', 'went on to
#: praise', 'was quick to deny'. The source is the subject of the first verb (PARC marks the whole chain as cue).
CATENATIVES = frozenset(("tried", "tries", "try", "trying", "sought", "seeks", "seek", "attempted", "attempts",
                         "began", "begins", "begun", "started", "starts", "continued", "continues", "went", "goes",
                         "go", "going", "moved", "moves", "rushed", "rush", "rushes", "hastened", "used", "decided",
                         "decides", "chose", "chooses", "appeared", "appears", "seemed", "seems", "wanted", "wants",
                         "want", "quick", "eager", "careful", "declined", "refused", "refuses", "failed", "fails",
                         "planned", "plans", "plan", "expected", "hoped", "vowed", "promised", "took", "takes",
                         "take", "taking", "on", "managed", "ventured", "felt", "had", "has", "have", "needed",
                         "needs", "dared"))
#: Verbs whose object or adverbial is followed by a purpose infinitive of the same subject: 'used her speech to
#: call for', 'went on Channel 9 to defend', 'held a news conference to announce', 'struggled on Tuesday to explain'
#: (the subject of the first verb speaks; PARC marks the chain as cue). Object-control verbs are not here: in
#: 'urged voters to say' the voters would speak.
PURPOSE_VERBS = frozenset(("used", "uses", "use", "using", "held", "holds", "hold", "holding", "convened",
                           "convenes", "struggled", "struggles", "struggling", "appeared", "appears", "went",
                           "goes", "took", "takes", "taking", "seized", "seizes"))
#: Implicative causatives whose object does what the infinitive says: 'the loss led Quill to concede', 'the ad
#: prompted Reyes to accuse', 'forced the mayor to admit'. Permission and request verbs are not here ('allowed
#: Reyes to claim', 'urged voters to say'): they do not report that it was said.
CAUSATIVES = frozenset(("led", "leads", "prompted", "prompts", "forced", "forces", "caused", "causes", "spurred",
                        "spurs", "compelled", "compels", "drove", "drives", "provoked", "provokes"))
#: Organisation nouns that are places or units of government: before a capitalised run they are no description of
#: it ('the district Donald Trump thinks ...' is a relative clause; 'the state IG').
BODY_UNITS = frozenset(("county", "city", "state", "town", "district", "house", "senate", "court", "office", "camp"))
#: Page furniture and non-referential words that are never the source of an attribution: site chrome glued to
#: an article's first sentence by text extraction ('Share Comments (69) Trump said' -> not 'Share'), and
#: sentence adverbs and demonstratives that open a clause ('There, the president slammed ...' -> not 'There';
#: 'outright', 'that'). A source phrase that opens with them is trimmed; one made only of them is no source.
#: Page furniture (share bars, comment counters, ad slots, photo captions, navigation): only capitalised, so 'the
#: comments' or 'a video' keep theirs.
PAGE_FURNITURE = frozenset((
    "share", "shares", "comments", "advertisement", "advertising", "advert", "sponsored", "print", "related",
    "photo", "photos", "video", "videos", "image", "images", "caption", "subscribe", "click", "menu", "skip",
    "loading", "below"))
#: Adverbs and demonstratives that open a clause but refer to no one, in any case.
NON_REFERENTIAL_WORDS = frozenset((
    "there", "here", "then", "that", "this", "outright", "so", "thus", "hence", "indeed", "instead", "meanwhile",
    "however", "moreover", "yes", "oh", "ok", "okay", "still", "yet", "also", "again", "later", "earlier", "now",
    "today", "yesterday", "tonight", "afterward", "afterwards", "recently", "finally", "even", "probably",
    "perhaps", "maybe", "apparently", "reportedly", "simply", "seemingly", "clearly", "obviously", "likewise",
    "similarly", "ultimately", "eventually", "initially", "previously", "currently", "separately", "notably",
    "otherwise", "therefore", "nevertheless", "nonetheless", "already", "furthermore", "lastly"))
# (focus and sentence adverbs: 'even critics say', 'Simply saying that ...')
NON_REFERENTIAL = PAGE_FURNITURE | NON_REFERENTIAL_WORDS
#: A party and state label right after a politician's name: '(D-Conn.)', '(R-Texas)', '(I-Vt.)', '(D)'.
PARTY_LABEL_RE = re.compile(r"[ \u00a0]?\((?:[DRI]|Dem|Rep|Ind)(?:[-–][A-Z][A-Za-z.]{0,12}(?:[ -][A-Z][A-Za-z.]{0,8})?)?\)")
#: Two-word page furniture opening a first sentence, capitalised ('Story highlights', 'Read more', 'Editor's note').
FURNITURE_PAIRS = frozenset((("story", "highlights"), ("read", "more"), ("editor's", "note"), ("editor’s", "note"),
                             ("breaking", "news"), ("watch", "live"), ("story", "continued")))
#: Photo credits glued to the headline after them, capitalised ('AP Photo Tillerson urges ...'; not 'AP Photo
#: editor Ana Reyes', where the credit's words are a title).
PHOTO_CREDITS = frozenset((("ap", "photo"), ("afp", "photo"), ("reuters", "photo"), ("getty", "images")))
#: The labels of a video's or image's caption, anywhere in a source phrase: what stands before them is the player's
#: furniture ('Media playback is unsupported on your device Media caption Justice department says').
CAPTION_PAIRS = frozenset((("media", "caption"), ("image", "caption"), ("image", "copyright"), ("video", "caption")))
MEMO_MAX = 200_000  # entries of a per-extractor memo before it is emptied (bounds memory on large corpora)

_HYPHEN_RE = re.compile(r"[\-‐‑]")
#: Key words near which a refusal to comment is looked for (one fast pass over the text).
_NO_RESPONSE_KEYS = ("comment respon repl return answer reached available interview discuss elaborate speak inquir "
                     "request message call email question").split()
#: Sections whose words are source nouns (the head of a source phrase).
_NOUN_SECTIONS = ("role", "organization", "media", "media_role", "document", "vague", "anonymous",
                  "individual")


#: Nouns ending in -ly that the adverb test ('publicly', 'repeatedly') must not skip ('the Quill family said', 'at a
#: rally said', 'the assembly said', 'the Alder Weekly reported').
LY_NOUNS = frozenset(("rally", "assembly", "ally", "daily", "weekly", "monthly", "quarterly", "biweekly", "anomaly",
                      "monopoly", "supply", "reply", "homily", "family",
                      # adjectives in -ly, never adverbs ('advocates for the elderly said')
                      "elderly", "friendly", "lonely", "holy", "deadly", "costly", "orderly", "lovely", "ugly",
                      "silly", "lively", "worldly", "burly", "unruly"))


class Phrases:
    """Word sequences indexed by first and last word, for matching at a token position."""

    def __init__(self, phrases):
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        for p in sorted(phrases, key=len, reverse=True):
            self.by_first.setdefault(p[0], []).append(p)
            self.by_last.setdefault(p[-1], []).append(p)

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def starting_at(self, tokens, k: int) -> int:
        """Length of the longest phrase that starts at token ``k`` (0 if none)."""
        for p in self.by_first.get(tokens[k].low, ()):
            n = len(p)
            if k + n <= len(tokens) and all(tokens[k + q].low == p[q] for q in range(1, n)):
                return n
        return 0

    def ending_at(self, tokens, i: int) -> int:
        """Length of the longest phrase that ends at token ``i`` (0 if none)."""
        for p in self.by_last.get(tokens[i].low, ()):
            n = len(p)
            if i + 1 >= n and all(tokens[i - n + 1 + q].low == p[q] for q in range(n - 1)):
                return n
        return 0


#: Forms of the cue lists that are mostly nouns in news ('states', 'details', 'fears', 'hopes').
_NOUN_LIKE_VERB_FORMS = frozenset(("state", "states", "detail", "details", "list", "lists", "fear", "fears", "hope",
                                   "hopes", "estimate", "estimates", "notes", "posted", "find", "finds", "report",
                                   "reports"))


class AttributionWords:
    """The word lists of an extractor and everything derived from them."""

    def __init__(self, lex: SourceLexicon, title_abbreviations: frozenset[str]):
        self.lex = lex
        words = lex.words
        self.title_abbreviations = title_abbreviations  # 'Sen', 'Gov', 'Dr' (without the period)
        #: Every abbreviation that may end a source phrase with its period ('Jr', 'Inc', 'Ind', 'U.S'), titles too.
        self.abbreviations = title_abbreviations | load_abbreviations().other
        self.pronouns = words["pronoun"]
        self.stop = words["stop"]
        self.between = words["between"]
        self.adverbial_words = words.get("adverbial", frozenset())
        self.adverbials = Phrases({tuple(p) for p in lex.phrases.get("adverbial", ())}
                                  | {(w,) for w in self.adverbial_words})
        self.nouns = frozenset().union(*(words.get(s, ()) for s in _NOUN_SECTIONS)) | {"familiar", "close"}
        #: Every single word of the lists, and determiners: capitalised, these open sentences rather than names.
        # (not the names of countries and states: capitalised, they are names: 'Arkansas Gov. Asa Hutchinson')
        self.common = frozenset().union(*(words.get(s, ()) for s in SOURCE_SECTIONS
                                          if s not in VALUED_SECTIONS and s != "polity")) | \
            DETERMINERS
        #: Words that may precede a full name in a run of capitalised words without being part of it.
        self.name_lead = self.stop | DETERMINERS | self.pronouns | self.between | self.adverbial_words
        #: Words of a phrase that is no source ('On Sunday', 'Meanwhile').
        self.not_source_words = self.adverbial_words | self.between | self.stop | DETERMINERS | MONTHS
        #: Reporting verbs that can follow a coordinating conjunction and take the sentence's subject.
        self.coordinated_verbs = words.get("inversion", frozenset()) - {"continued", "posted"}
        #: Verb forms of the cue lists: before a capitalised name they end a noun phrase, never continue it ('A
        #: video shows Quill saying', 'polls suggest Reyes leads'); forms that are mostly nouns are left out.
        self.verbs_before_name = (frozenset(words.get("inversion", ())) | frozenset(lex.cues) |
                                  frozenset(lex.document_cues)) - _NOUN_LIKE_VERB_FORMS
        self.role_suffixes = tuple(sorted(w for w in words["role"] if len(w) > 2))
        self.generic_media = tuple(" ".join(p) for p in lex.phrases.get("media_generic", ()))
        #: the words that make a body private: :data:`PRIVATE_BODIES` and the companies of ``[company]``
        self.private_bodies = PRIVATE_BODIES | lex.words.get("company", frozenset())
        anonymous = lex.phrases.get("anonymous", ())
        #: the first words of the anonymous phrases (a phrase can open only where one of them stands)
        self.anonymous_first = frozenset(p[0] for p in anonymous if p)
        self.anonymous_re = re.compile(" (?:" + "|".join(re.escape(" ".join(p)) for p in anonymous) + ") ") \
            if anonymous else None
        # any document noun, also in the plural, as a whole word (a superset of the token test in source typing,
        # which reads a plural head by its singular: 'his first videos show')
        self.document_word_re = word_set_pattern(set(words["document"]) | {
            w + "s" for w in words["document"] if not w.endswith("s")})
        self.no_response_keys = tuple(_NO_RESPONSE_KEYS)
        self.no_response_key_re = re.compile(trie_pattern(_NO_RESPONSE_KEYS))
        #: The single-word entries of each section (``lex.words``): ``w in words.sections["role"]`` is
        #: :meth:`has` without a call, for a section that exists.
        self.sections = self._sections = lex.words
        self._media = lex.words.get("media", frozenset())
        #: the multi-word entries of each section by their last word (for :meth:`phrase_ends_at`)
        self._phrases_by_last: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        for section, phrases in lex.phrases.items():
            if all(phrases):
                by_last = self._phrases_by_last[section] = {}
                for p in phrases:
                    by_last.setdefault(p[-1], []).append(p)

    def has(self, section: str, word: str) -> bool:
        """Whether ``word`` is a single-word entry of ``section`` (as ``lex.has``, one call less: the rules ask it
        about every word of a source phrase)."""
        return word in self._sections.get(section, ())

    def private_body(self, lows) -> bool:
        """Whether the lower-case words (possessive endings removed) name a private body, a word of
        :attr:`private_bodies` among them: 'the Dover advocacy group Fair Homes', 'Zentrix Foods', "Facebook's", 'the
        political science department at Dover University'."""
        return not self.private_bodies.isdisjoint(lows)

    def is_noun(self, low: str) -> bool:
        """Whether a lower-case word is a source noun (a role, organisation, outlet, document, ... word)."""
        return low in self.nouns

    def is_media(self, low: str) -> bool:
        """A media word, also as part of a hyphenated name ('Courier-Ledger'); as :func:`media_word`."""
        media = self._media
        if low in media:
            return True
        if "-" in low or "‐" in low or "‑" in low:
            return any(w in media for w in _HYPHEN_RE.split(low) if w)
        return False

    def phrase_ends_at(self, section: str, lows: list[str], j: int) -> bool:
        """Whether a multi-word entry of ``section`` ends at word ``j`` of ``lows`` (only the entries whose last
        word is ``lows[j]`` are compared)."""
        by_last = self._phrases_by_last.get(section)
        if by_last is None:  # no such section, or one with an empty entry: every entry is compared
            phrases = self.lex.phrases.get(section, ())
        elif 0 <= j < len(lows):
            phrases = by_last.get(lows[j], ())
        else:
            return False  # no entry ends outside the words
        for p in phrases:
            n = len(p)
            if j + 1 >= n and tuple(lows[j + 1 - n:j + 1]) == p:
                return True
        return False

    def skip_back(self, tokens: list[Token], i: int, *, between_only: bool = False) -> int:
        """Index of the last token before ``i`` (inclusive) that is not an auxiliary, adverb or adverbial
        (with ``between_only``: not an auxiliary or adverb)."""
        # the adverbial phrases, or None (tested once: Phrases.__bool__ is a Python call)
        adverbials = None if between_only or not self.adverbials else self.adverbials
        between = self.between
        while i >= 0:
            t = tokens[i]
            low = t.low
            if t.is_word and (low in between or (len(low) > 4 and low.endswith("ly") and not t.cap and
                                                 low not in self.nouns and low not in LY_NOUNS)):
                if t.cap and i > 0 and tokens[i - 1].text not in ".!?":
                    break  # a capitalised 'Will', 'May' or 'Long' inside a sentence is a name ('“...,” Will wrote')
                i -= 1
                continue
            if t.is_word and low.endswith(("n't", "n’t")):
                i -= 1
                continue
            if adverbials is not None:
                hit = adverbials.ending_at(tokens, i)
                if hit:
                    i -= hit
                    continue
            if not between_only and t.text in APOSTROPHES and i > 0 and tokens[i - 1].low in (
                    "didn", "doesn", "hasn", "haven", "wasn"):
                i -= 1
                continue
            if low in _FLOATING and i > 0 and tokens[i - 1].low in between and tokens[i - 1].is_word:
                i -= 1  # a floating quantifier after an auxiliary: 'Carson and Huckabee have all said'
                continue
            if not between_only and low == "ago" and i > 1 and tokens[i - 1].low in _TIME_UNITS:
                k = i - 2  # 'The State Department less than two weeks ago said': a time adverbial
                while k >= 0 and i - k <= 6 and (tokens[k].low in _AGO_QUANTIFIERS or tokens[k].low[:1].isdigit()):
                    k -= 1
                if k < i - 2:
                    i = k
                    continue
            break
        return i


#: Quantifiers that float after an auxiliary, away from their subject ('have all said', 'were both asked').
_FLOATING = frozenset(("all", "both", "each"))
#: Units and quantifiers of an 'ago' phrase ('two weeks ago', 'less than a year ago', 'a few days ago').
_TIME_UNITS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years decade "
                        "decades century centuries".split())
_AGO_QUANTIFIERS = NUMBER_WORDS | frozenset("a an eleven twelve twenty thirty few several couple of less more than "
                                            "about nearly almost just only some many".split())


def media_word(lex: SourceLexicon, low: str) -> bool:
    """A media word, also as part of a hyphenated name ('Courier-Ledger')."""
    media = lex.words.get("media", frozenset())
    if low in media:
        return True
    if "-" in low or "‐" in low or "‑" in low:
        return any(w in media for w in _HYPHEN_RE.split(low) if w)
    return False
