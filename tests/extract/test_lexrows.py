"""extract._lexrows.placed_rows: each lexicon hit with its entry's fields, sentence and voice (issue 17)."""

from __future__ import annotations

from framelens import Document, segment
from framelens.extract._lexhits import EntryFacts, hits_by_kind
from framelens.extract._lexrows import placed, placed_rows
from framelens.text.matcher import get_matcher


def test_rows_hold_each_hits_entry_sentence_and_voice():
    text = ('The mayor said the plan would help the economy. "It is a crime," Ames said of the budget.\n\n'
            'Critics claimed the tax was illegal.')
    doc, seg = Document("d", text), segment(text)
    matcher = get_matcher()
    for kind in ("frame_cue", "report_verb", "loaded_term", "hedge"):
        hits = hits_by_kind(matcher, doc, seg).get(kind, [])
        facts = EntryFacts()
        rows = list(placed_rows(hits, seg, facts))
        assert [r[0] for r in rows] == hits
        for h, (ref, pack, label), sentence, voice in rows:
            assert sentence == seg.sentence_at(h[0]) and voice == seg.voice_at(h[0])
            assert ref == h[2].entry_ref(h[3]) and pack == h[2].ref and label == h[3].category
        assert list(placed(matcher, doc, seg, kind, EntryFacts())) == rows
    verbs = [(text[h[0]:h[1]], sentence, voice) for h, _, sentence, voice in
             placed(matcher, doc, seg, "report_verb", EntryFacts())]
    assert ("said", 0, "author") in verbs and ("claimed", 2, "author") in verbs
    cues = {text[h[0]:h[1]]: voice for h, _, _, voice in placed(matcher, doc, seg, "frame_cue", EntryFacts())}
    assert cues.get("crime") == "quoted" and cues.get("economy") == "author"
