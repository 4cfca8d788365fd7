"""Context rules (word sense) of lexicon entries: the format, and every shipped rule on look-alikes in both
directions. Every sentence here is fictional, written for these tests."""

from __future__ import annotations

import pytest

import framelens
from framelens import LexiconError
from framelens.lexicon import load_lexicon


def terms(text, **kw):
    """(surface, kind, sense, use) of every loaded_term / neutral_term span of ``text``."""
    res = framelens.analyze(text, **kw).results[0]
    return [(s.text, s.kind, s.attrs.get("sense"), s.attrs.get("use")) for s in res.spans
            if s.kind in ("loaded_term", "neutral_term")]


def one(text, surface, **kw):
    """The (kind, sense, use) of the span covering ``surface`` in ``text``; None when there is none."""
    got = [t[1:] for t in terms(text, **kw) if t[0] == surface]
    assert len(got) <= 1, got
    return got[0] if got else None


LOADED = ("loaded_term", None, "use")


# (sentence, surface, expected (kind, sense, use) or None for no span): each rule fires on some rows and must
# not fire on their look-alikes
SHIPPED = [
    # crime: offender as the term of art of sentencing and corrections (near, window 2)
    ("The program serves first-time drug offenders.", "offenders", ("neutral_term", "justice_term", "use")),
    ("Juvenile offenders will be moved to the new wing.", "offenders", ("neutral_term", "justice_term", "use")),
    ("The offender reentry program opened in May.", "offender", ("neutral_term", "justice_term", "use")),
    ("Police said the offender fled on foot.", "offender", LOADED),
    ("Drug prices rose, and then the offender fled.", "offender", LOADED),  # "drug" outside the window
    ("He sold drugs. Offenders like him rarely change, she wrote.", "Offenders", LOADED),  # other sentence
    ("A registered sex offender lives nearby.", "sex offender", ("neutral_term", "justice_term", "use")),
    ("The sex offender smiled at the cameras.", "sex offender", LOADED),
    ("The ex-offender reentry program lost funding.", "ex-offender", ("neutral_term", "justice_term", "use")),
    ("The ex-offender was arrested again on Friday.", "ex-offender", LOADED),
    # political: literal and classificatory "terrorist" (followed_by)
    ("Officials called it a terrorist attack on the depot.", "terrorist", ("neutral_term", "literal", "use")),
    ("The State Department lists a designated terrorist organization.", "terrorist",
     ("neutral_term", "literal", "use")),
    ("The senator called the protesters terrorists.", "terrorists", LOADED),
    ("A terrorist fled the scene, the chief said.", "terrorist", LOADED),
    ("Terrorists attack museum, officials say", "Terrorists", LOADED),  # the plural label, then a verb
    # immigration: sanctuary as a policy's descriptive name or a capitalised ordinance name
    ("The council debated sanctuary city policies on Monday.", "sanctuary city",
     ("neutral_term", "policy_description", "use")),
    ("The board repealed the Sanctuary City Act last year.", "Sanctuary City", ("neutral_term", "policy_name", "use")),
    ("Critics said Harbor Falls is a sanctuary city.", "sanctuary city", LOADED),
    ("Sanctuary cities are spreading, the mailer claimed.", "Sanctuary cities", LOADED),  # capital: sentence start
    # crime: the War on Drugs written as a name
    ("The report traces the War on Drugs to the 1970s.", "War on Drugs", ("neutral_term", "policy_name", "use")),
    ("The mayor promised a new war on drugs.", "war on drugs", LOADED),
    ("War on drugs is failing, she said.", "War on drugs", LOADED),
    # immigration: "alien" inside a capitalised program or statute name
    ("Funding for the Unaccompanied Alien Children Program grew.", "Unaccompanied Alien Children",
     ("neutral_term", "name", "use")),
    ("Officials said unaccompanied alien children arrived overnight.", "unaccompanied alien children", LOADED),
    ("He ran the Criminal Alien Removal Initiative for a decade.", "Criminal Alien", ("neutral_term", "name", "use")),
    ("Deputies deported a criminal alien on Tuesday.", "criminal alien", LOADED),
    ("Criminal Alien Released By County Jail Again", "Criminal Alien", LOADED),  # a title-case headline
    # immigration: water crossing a border is not a migration metaphor (near, then: drop)
    ("After the storm, rainwater poured across the border for hours.", "poured across the border", None),
    ("Migrants poured across the border, the ad claimed.", "poured across the border",
     ("loaded_term", None, "use")),
    # declined labels and mentions: recorded, never counted
    ("The sheriff did not call them illegal aliens.", "illegal aliens", ("loaded_term", None, "mention")),
    ("The sheriff refused to label the men as thugs.", "thugs", ("loaded_term", None, "mention")),
    ("The paper stopped calling them illegals in 2013.", "illegals", ("loaded_term", None, "mention")),
    ("The sheriff called them illegal aliens.", "illegal aliens", LOADED),
    ("It was not clear whether police called them thugs.", "thugs", LOADED),
    ("The term 'illegal alien' appears in old statutes.", "illegal alien", ("loaded_term", None, "mention")),
]


@pytest.mark.parametrize("text, surface, expected", [pytest.param(*row, id=row[0][:40]) for row in SHIPPED])
def test_shipped_rule(text, surface, expected):
    assert one(text, surface) == expected


def test_alien_enemies_act_is_not_a_loaded_term():
    # the statute's name: bare "alien" is no entry, and nothing else in the name is one
    assert not [t for t in terms("The administration invoked the Alien Enemies Act of 1798.") if t[1] == "loaded_term"]


def test_neutral_sense_is_not_counted():
    res = framelens.analyze("The program serves first-time drug offenders. Police said the offender fled.")
    assert int(res.documents.loc[0, "loaded"]) == 1
    sp = res.spans
    assert list(sp[sp.kind == "neutral_term"]["sense"]) == ["justice_term"]


# -- the format, on a pack of our own --------------------------------------------------------------------------

PACK = """\
format: framelens-lexicon/1
name: senses
version: "0.1.0"
kind: loaded_term
license: CC-BY-4.0
sources:
  - id: s1
    citation: "Test pack written for framelens's tests."
entries:
  - id: boast
    term: boast
    inflect: verb
    category: evaluative_verb
    severity: 2
    source: s1
    context:
      - sense: has
        followed_by: [a, an, more, one, some, several, many, its, their, over, nearly, almost, "<NUM>"]
        then: drop
  - id: flood
    term: flood
    inflect: noun
    category: metaphor
    severity: 2
    source: s1
    context:
      - sense: water
        followed_by: [waters, water, warning, warnings, plain, plains, insurance, damage]
        then: drop
      - sense: water
        preceded_by: [flash, river, coastal, spring]
        then: drop
      - sense: water
        near: [rain, rainfall, storm, river, levee]
        window: 5
        then: drop
  - id: horde
    term: horde
    inflect: noun
    category: metaphor
    severity: 3
    source: s1
    context:
      - sense: fandom
        near: [fans, shoppers]
        severity: 1
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    path = tmp_path_factory.mktemp("senses") / "senses.yaml"
    path.write_text(PACK, encoding="utf-8")
    return str(path)


OWN = [
    # boasts = has (drop) vs boasts = brags
    ("The county boasts a long record of mediation.", "boasts", None),
    ("The district boasts 40 parks.", "boasts", None),
    ("The mayor boasted that crime had fallen.", "boasted", ("loaded_term", None, "use")),
    ("He boasts about his record at every stop.", "boasts", ("loaded_term", None, "use")),
    # flood of water (followed_by, preceded_by, near) vs the metaphor
    ("Flood waters reached the depot.", "Flood", None),
    ("A flash flood closed the road.", "flood", None),
    ("Heavy rain upstream brought a flood by morning.", "flood", None),
    ("Candidates warned of a flood at the border.", "flood", ("loaded_term", None, "use")),
    ("The flood of complaints began at noon, the clerk said.", "flood", ("loaded_term", None, "use")),
    # a rule that changes the severity and keeps the span
    ("A horde of shoppers filled the mall.", "horde", ("loaded_term", "fandom", "use")),
    ("A horde crossed the river, the flyer said.", "horde", ("loaded_term", None, "use")),
]


@pytest.mark.parametrize("text, surface, expected", [pytest.param(*row, id=row[0][:40]) for row in OWN])
def test_own_pack_rule(pack, text, surface, expected):
    assert one(text, surface, lexicons=[pack], default_lexicons=False) == expected


def test_severity_rule_sets_the_severity(pack):
    res = framelens.analyze("A horde of shoppers filled the mall.", lexicons=[pack], default_lexicons=False)
    (row,) = res.spans[res.spans.kind == "loaded_term"].itertuples()
    assert row.severity == 1 and row.base_severity == 3 and row.sense == "fandom"


def test_rules_parsed_with_their_fields(pack):
    lex = load_lexicon(pack)
    flood = lex.get("flood")
    assert [r.sense for r in flood.context] == ["water", "water", "water"]
    assert flood.context[0].then == "drop" and "waters" in flood.context[0].followed_by
    assert flood.context[2].near == ("rain", "rainfall", "storm", "river", "levee") and flood.context[2].window == 5
    horde = lex.get("horde").context[0]
    assert horde.then == "severity" and horde.severity == 1


BAD = """\
format: framelens-lexicon/1
name: badsenses
version: "0.1.0"
kind: loaded_term
license: CC-BY-4.0
sources:
  - id: s1
    citation: "Test pack."
entries:
  - id: a
    term: alpha
    category: c
    source: s1
    context:
      - sense: Bad Name
        near: [x]
        then: drop
  - id: b
    term: beta
    category: c
    source: s1
    context:
      - sense: ok
        then: neutral
  - id: c
    term: gamma
    category: c
    source: s1
    context:
      - sense: ok
        followed_by: [x]
        then: drop
        severity: 1
  - id: d
    term: delta
    category: c
    source: s1
    gaps: 3
    context:
      - sense: ok
        near: [x]
        window: 50
        then: maybe
        colour: red
  - id: e
    term: epsilon
    category: c
    source: s1
    context: "near drugs"
"""


def test_bad_rules_are_all_reported_with_lines(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    problems = info.value.problems
    text = "\n".join(problems)
    assert f"{path}:15: entries[0].context[0].sense: 'Bad Name'" in text
    assert "entries[1].context[0]: needs at least one condition" in text
    assert "entries[2].context[0]: give exactly one effect" in text
    assert "entries[3].gaps: 3; allowed: an integer 0-2" in text
    assert f"{path}:42: entries[3].context[0].window: 50" in text
    assert "entries[3].context[0].then: 'maybe'" in text
    assert "entries[3].context[0].colour: unknown field" in text
    assert "entries[4].context: a list of rules" in text
    assert all(p.startswith(f"{path}:") for p in problems)


# -- one entry per term across the shipped packs ----------------------------------------------------------------

def test_shipped_packs_shadow_nothing():
    """No shipped entry is hidden by an earlier shipped pack's entry for the same words ('terrorize' was in
    crime and evaluative, 'soft on crime' in crime and political)."""
    from framelens.lexicon import load_lexicons
    from framelens.text.matcher import find_shadowed

    assert [sh.message() for sh in find_shadowed(load_lexicons())] == []


def test_shadow_warning_once_per_process(tmp_path, caplog):
    import logging

    from framelens.lexicon import load_lexicons
    from framelens.text.matcher import Matcher

    pack = tmp_path / "mine.csv"
    pack.write_text("term,category\nthug,my_labels\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="framelens"):
        for _ in range(3):  # three runs (jobs) building their matchers
            Matcher(load_lexicons([str(pack)]))
    assert sum(str(pack) in r.getMessage() for r in caplog.records) == 1
