"""Tests of framelens.fetch.urllist: plain URL lists and Media Cloud / GDELT exports; dates normalised.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framelens.errors import FormatError
from framelens.fetch import normalize_date, read_url_list


def test_read_plain_url_list(tmp_path):
    p = tmp_path / "urls.txt"
    p.write_text("# coverage of the ferry story\n\nhttps://a.example/one  first copy\n  http://b.example/two\n",
                 encoding="utf-8")
    items = read_url_list(p)
    assert [(i.url, i.origin) for i in items] == [("https://a.example/one", f"{p}:3"), ("http://b.example/two", f"{p}:4")]


def test_read_media_cloud_csv(tmp_path):
    p = tmp_path / "mc.csv"
    p.write_text("stories_id,publish_date,title,url,media_name,language\n"
                 "101,2025-04-02 08:15:00,Ferry returns,https://a.example/ferry,Port Elling Gazette,en\n"
                 ",,,,,\n"
                 "102,2025-04-05 10:00:00,\"Library, Sundays\",https://b.example/library,Dunmore Bay Courier,en\n",
                 encoding="utf-8")
    items = read_url_list(p)
    assert [i.url for i in items] == ["https://a.example/ferry", "https://b.example/library"]
    assert dict(items[1].meta) == {"id": "102", "date": "2025-04-05", "title": "Library, Sundays",
                                   "outlet": "Dunmore Bay Courier", "language": "en"}
    assert items[1].origin == f"{p}:4"


def test_read_gdelt_style_tsv_without_extension(tmp_path):
    p = tmp_path / "gdelt.export"
    p.write_text("SQLDATE\tSourceCommonName\tDocumentIdentifier\n20250402\tgazette.example\thttps://a.example/ferry\n",
                 encoding="utf-8")
    items = read_url_list(p)
    assert items[0].url == "https://a.example/ferry"
    assert dict(items[0].meta) == {"date": "2025-04-02", "outlet": "gazette.example"}


def test_csv_without_url_column(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("title,outlet\nA,B\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"x.csv:1: no URL column"):
        read_url_list(p)


def test_normalize_date_examples():
    assert normalize_date("2024-07-25T10:00:00Z") == "2024-07-25"
    assert normalize_date("20240725123000") == "2024-07-25"
    assert normalize_date("2024/7/5") == "2024-07-05"
    assert normalize_date("2024-02-30") is None
    assert normalize_date("July 25, 2024") is None


@given(st.dates(), st.sampled_from(["{}", "{}T12:30:00Z", "{} 08:00:00", "{c}", "{c}101500"]))
def test_normalize_date_property(d, form):
    s = form.format(d.isoformat(), c=d.strftime("%Y%m%d")) if d.year >= 1000 else None
    if s is not None:
        assert normalize_date(s) == d.isoformat()


_url = st.builds(lambda host, path: f"https://{host}.example/{path}",
                 st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
                 st.from_regex(r"[A-Za-z0-9_./%?=&-]{0,30}", fullmatch=True))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(_url, st.sampled_from(["", "\n", "\n# note\n", "\n   \n"])), max_size=8))
def test_url_list_round_trip(tmp_path_factory, pairs):
    p = tmp_path_factory.mktemp("urls") / "u.txt"
    p.write_text("".join(u + "\n" + junk for u, junk in pairs), encoding="utf-8")
    assert [i.url for i in read_url_list(p)] == [u for u, _ in pairs]


# the command
