"""Attribution and sourcing: who says what, with which verb, and how the document is sourced.

One ``attribution`` span per attribution found. The span's ``start``/``end``
cover the *source mention* (``Harris``, ``the LA Times``, ``she``); its fields
say who the source is (``source``, normalised; ``source_type``), which cue
attributes (``cue``, ``cue_start``, ``cue_end``, ``stance``), what is attributed
(``content_start``, ``content_end``, null where there is no content) and how
(``mode``: ``direct``, ``indirect``, ``according_to``, ``document``,
``no_response``; also the span's label). docs/methods_attribution.md describes
every rule and its limits.

The extractor is rule-based over the segmentation (sentences and quotation
regions) and the ``report_verb`` spans of the report_verbs pack, plus the word
lists of ``lexicons/source_types.txt`` (source typing, extra cues, refusals to
comment). It needs no tagger or model. It works locally around each cue: the
text is scanned once per document by an Aho-Corasick automaton and C-level
regular expressions, and Python loops run only over the few tokens next to a cue.

Modules, in the order a document goes through them:

* :mod:`.cues` finds the candidate cues;
* :mod:`.context` reads each cue's sentence and the tokens around it (:mod:`.tokens`);
* :mod:`.rules` tries one function per construction, in the order of its ``RULES`` table, using
  :mod:`.phrases` (the source phrase next to a cue), :mod:`.subjects` (sentence subjects),
  :mod:`.source_types` (typing a source) and :mod:`.content` (what is attributed);
* :mod:`.resolve` normalises the sources (:mod:`.names`) and resolves pronouns;
* :mod:`.metrics` computes the document's sourcing metrics;
* :mod:`.extractor` holds :class:`AttributionExtractor`, which runs them; :mod:`.words` the vocabulary.
"""

from ...lexicon.wordlists import SourceLexicon, load_source_lexicon
from .extractor import AttributionExtractor
from .records import ATTRIBUTION_FIELDS, MODES, SOURCE_TYPES

__all__ = ["AttributionExtractor", "SourceLexicon", "load_source_lexicon", "ATTRIBUTION_FIELDS", "SOURCE_TYPES",
           "MODES"]
