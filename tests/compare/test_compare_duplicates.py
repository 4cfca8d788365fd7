"""framelens compare --duplicates drop|flag|keep: a syndicated copy is not counted as another outlet."""

from __future__ import annotations

import json

import pandas as pd

from framelens.cli import main

STORY = ("The Marlow County board voted on Tuesday to expand the Fresh Start jobs program after a long debate. "
         "Supervisor Denise Albright said the program had placed 71 participants in apprenticeships last year. "
         "Critics said the county had not explained how participants were screened, and the sheriff declined "
         "to comment on the vote. The expansion takes effect in July and costs about $2 million a year, "
         "according to county budget documents released on Monday.")
OTHER = ("A separate report from the Lakeshore Progressive Daily described the program as a model for the region, "
         "quoting two former participants who now work as welders. Neither the district attorney nor the sheriff "
         "responded to questions about screening, the paper said.")


def make_corpus(tmp_path):
    rows = [
        {"id": "wire", "outlet": "Lakeshore Wire", "date": "2025-03-10", "text": STORY},
        {"id": "repost", "outlet": "Harlan Falls Herald", "date": "2025-03-11",
         "text": "Posted from Lakeshore Wire. " + STORY},
        {"id": "daily", "outlet": "Progressive Daily", "date": "2025-03-11", "text": OTHER},
    ]
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return p


def test_flag_keeps_and_lists(tmp_path, capsys):
    out = tmp_path / "flag"
    assert main(["compare", str(make_corpus(tmp_path)), "--out", str(out), "--n-boot", "200", "--no-charts"]) == 0
    dups = pd.read_csv(out / "tables" / "duplicates.csv")
    assert list(dups["doc_id"]) == ["repost"] and list(dups["duplicate_of"]) == ["wire"]
    assert dups.loc[0, "similarity"] > 0.8
    assert "repost duplicates wire" in capsys.readouterr().err
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["documents"] == 3 and manifest["counts"]["duplicates"] == 1


def test_drop_removes_the_copy(tmp_path):
    out = tmp_path / "drop"
    assert main(["compare", str(make_corpus(tmp_path)), "--out", str(out), "--duplicates", "drop",
                 "--n-boot", "200", "--no-charts"]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["documents"] == 2 and manifest["counts"]["groups"] == 2


def test_keep_does_not_look(tmp_path):
    out = tmp_path / "keep"
    assert main(["compare", str(make_corpus(tmp_path)), "--out", str(out), "--duplicates", "keep",
                 "--n-boot", "200", "--no-charts"]) == 0
    assert not (out / "tables" / "duplicates.csv").exists()
    assert json.loads((out / "manifest.json").read_text())["counts"]["groups"] == 3
