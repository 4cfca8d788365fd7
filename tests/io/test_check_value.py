"""``check_value`` names the first lone surrogate of a value by its position: found by a strict UTF-8 encode
(for speed) and compared here with the first match of a surrogate pattern, on generated strings."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.errors import DecodeError, Reason
from framelens.io.documents import check_value

_SURROGATE = re.compile("[\ud800-\udfff]")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", " ", "\ud800", "\udfff", "😀", "\u2028", "z", "日"]), max_size=20))
def test_the_first_lone_surrogate_is_named_at_its_position(chars):
    value = "".join(chars)
    first = _SURROGATE.search(value)
    if first is None:
        check_value(value, "t.jsonl:1", "text")  # no error
        return
    with pytest.raises(DecodeError) as e:
        check_value(value, "t.jsonl:1", "text")
    assert e.value.code == Reason.SURROGATE
    assert f"at character {first.start()}:" in str(e.value)
    assert f"U+{ord(value[first.start()]):04X}" in str(e.value)


def test_a_surrogate_in_a_nested_field_names_that_field():
    with pytest.raises(DecodeError) as e:
        check_value({"tags": ["ok", "bad \udc80 tag"]}, "c.jsonl:7", "meta")
    assert "'meta.tags[1]'" in str(e.value) and "at character 4:" in str(e.value) and "U+DC80" in str(e.value)
