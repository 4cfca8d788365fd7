"""The English function-word check (framelens.text.language), on fictional text written for these tests."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.text.language import FUNCTION_WORDS, MIN_ENGLISH_SHARE, check_english, english_share

ENGLISH = ("The county board voted on Tuesday to keep the shelter open for another month, and the chair said that "
           "the state had agreed to pay for most of it. Residents who spoke at the meeting were divided, but "
           "several of them said they would help with meals.")
GERMAN = ("Der Kreistag von Marlow hat am Dienstag beschlossen, die Notunterkunft in der alten Kaserne einen weiteren "
          "Monat offen zu halten. Die Vorsitzende sagte, das Land werde den größten Teil der Kosten übernehmen. "
          "Mehrere Anwohner boten an, bei den Mahlzeiten zu helfen.")
SPANISH = ("El consejo del condado de Marlow decidió el martes mantener abierto el refugio en la antigua armería "
           "durante otro mes. La presidenta dijo que el estado pagará la mayor parte de los gastos. Varios vecinos "
           "se ofrecieron a ayudar con las comidas.")


def test_the_list_is_about_fifty_lowercase_words():
    assert 45 <= len(FUNCTION_WORDS) <= 60
    assert all(w == w.lower() and w.isalpha() for w in FUNCTION_WORDS)


def test_english_share_by_hand():
    # "the board and the chair of it" -> the, and, the, of, it = 5 of 7 words
    n, share = english_share("The board and the chair of it.")
    assert n == 7 and share == 5 / 7
    assert english_share("")[0] == 0 and math.isnan(english_share("")[1])


def test_english_passes_german_and_spanish_fail():
    assert check_english(ENGLISH).english is True
    for text in (GERMAN, SPANISH):
        c = check_english(text)
        assert c.english is False and c.warning
        assert c.share < MIN_ENGLISH_SHARE


def test_short_texts_are_not_judged():
    c = check_english("Der Kreistag tagt.")
    assert c.english is None and not c.warning


@settings(max_examples=80, deadline=None)
@given(st.text())
def test_any_text_gives_a_share_between_zero_and_one(text):
    n, share = english_share(text)
    assert n >= 0
    assert (n == 0 and math.isnan(share)) or 0.0 <= share <= 1.0
    c = check_english(text)
    assert c.english in (True, False, None)
