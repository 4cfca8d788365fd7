"""Stacking (framelens.text.matcher_stack, issue 17): modifier hits merge with the head hit after them; only the
heads that :func:`may_stack` names go the stacking path, the others are made in place. The restriction is checked
against stacking every head (as the matcher did before), on hypothesis-made positions. Sentences are fictional,
written for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.text.matcher import get_matcher
from framelens.text.matcher_stack import _stack, may_stack


def _ref(m, entry_id: str) -> int:
    return next(i for i, x in enumerate(m._refs) if x.entry.id == entry_id and x.lexicon.kind == "loaded_term")


def test_two_modifiers_stack_onto_a_label():
    m = get_matcher()
    text = "Officials said violent criminal illegal aliens were held."
    (h,) = [h for h in m.match(text) if h.kind == "loaded_term"]
    assert text[h.start:h.end] == "violent criminal illegal aliens"
    assert [e.id for e in h.stack] == ["mod_violent", "mod_criminal"]
    assert h.severity == h.entry.severity + sum(e.severity for e in h.stack) == h.entry.severity + 2


def test_a_comma_between_keeps_the_modifier_apart():
    text = "The violent, criminal aliens left."
    hits = [h for h in get_matcher().match(text) if h.kind == "loaded_term"]
    assert [(text[h.start:h.end], h.stack) for h in hits] == [("criminal aliens", ())]


def test_a_head_with_a_modifier_and_a_head_without_in_one_text():
    text = "Violent illegal aliens met illegal aliens."
    hits = [h for h in get_matcher().match(text) if h.kind == "loaded_term"]
    assert [(text[h.start:h.end], [e.id for e in h.stack]) for h in hits] == [
        ("Violent illegal aliens", ["mod_violent"]), ("illegal aliens", [])]


def test_may_stack_looks_one_or_two_separators_back():
    # modifiers end at 7, 23, 38 and 53; heads start at 9 (two spaces), 24 (a hyphen), 39 (a space), 56 (three spaces)
    norm = "violent  aliens violent-aliens violent aliens violent   aliens"
    ends = {7, 23, 38, 53}
    assert [norm[s:s + 6] for s in (9, 24, 39, 56)] == ["aliens"] * 4
    assert [may_stack(norm, s, ends) for s in (9, 24, 39, 56)] == [True, True, True, False]
    assert not may_stack("violentaliens", 7, {7})


NORM = st.lists(st.sampled_from(["violent", "criminal", "illegal aliens", "aliens", "x", " ", "-", "\n", "  ", ","]),
                min_size=1, max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(NORM, st.data())
def test_only_the_heads_may_stack_names_change_and_they_change_as_when_all_heads_stack(norm, data):
    m = get_matcher()
    head_refs = [_ref(m, "illegal_alien"), _ref(m, "criminal_alien")]
    mod_refs = [_ref(m, "mod_violent"), _ref(m, "mod_criminal")]
    n = len(norm)
    span = st.tuples(st.integers(0, n), st.integers(1, 20)).map(lambda t: (t[0], min(n, t[0] + t[1])))
    heads = [(s, e, data.draw(st.sampled_from(head_refs))) for s, e in data.draw(st.lists(span, max_size=5))]
    mods = [(s, e, data.draw(st.sampled_from(mod_refs))) for s, e in data.draw(st.lists(span, max_size=5))]
    every = [[s, e, r, s, e, [], None] for s, e, r in heads]
    _stack(m._refs, every, [], mods, norm, None)  # every head through the stacking path
    ends = {mod[1] for mod in mods}
    named = [h for h in heads if may_stack(norm, h[0], ends)]
    others = [(s, e) for s, e, _ in heads if not may_stack(norm, s, ends)]
    some = [[s, e, r, s, e, [], None] for s, e, r in named]
    _stack(m._refs, some, others, mods, norm, None)
    got = iter(some)
    for (s, e, r), f in zip(heads, every):
        if may_stack(norm, s, ends):
            assert next(got) == f
        else:
            assert f == [s, e, r, s, e, [], None]  # unchanged: no stack, same start
