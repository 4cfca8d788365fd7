"""Highlighted articles: span tooltips, span markup from sorted boundaries, where each article is shown.

Which kinds are highlighted, in which layer, with which element and tooltip, is
read from the registered span kinds (:func:`framelens.extract.registry.kind_specs`,
each a :class:`framelens.kinds.KindSpec`): a kind registered by a researcher's own
extractor with a :class:`~framelens.kinds.Style` is highlighted, listed in the
legend and given tooltips without editing this module; a kind without a style is
not highlighted.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...extract.registry import kind_specs
from ...kinds import KindSpec
# the highlighter lives in framelens.view (shared with the notebook views); re-exported here for the report
from ...view.highlight import highlight, highlight_styles, shown_kinds, span_tip
from .render import render, text

__all__ = ["span_tip", "highlight", "highlight_styles", "shown_kinds", "legend_items", "DocIndex", "article",
           "article_rows", "MAX_ARTICLE_PAGES"]


#: Articles beyond this many get no page of their own (listed in the tables only).
MAX_ARTICLE_PAGES = 5000


def legend_items(specs: dict[str, KindSpec] | None = None) -> list[dict[str, Any]]:
    """One legend entry per highlighted kind, outer layer first: its name, the note in brackets of its legend
    text, ``on`` (its :attr:`~framelens.kinds.Style.default_on`: the layer's checkbox starts ticked), and for
    kinds with a ``variant_field`` the label of their variant swatches."""
    items = []
    styles = highlight_styles(specs)
    for k in sorted(styles, key=lambda k: styles[k].layer):
        st = styles[k]
        lg = st.legend
        note = lg.split("(")[-1].rstrip(")") if "(" in lg else ""
        head = lg.split(" (")[0].split(":")[0].replace(" ", "-")
        items.append({"kind": k, "note": note, "on": bool(st.default_on), "variants": bool(st.variant_field),
                      "variants_label": f"{head} {st.variant_field}" if st.variant_field else ""})
    return items


class DocIndex:
    """Document order, where each article is shown, and each highlighted span's anchor."""

    def __init__(self, result, inline: int, specs: dict[str, KindSpec] | None = None):
        self.specs = kind_specs() if specs is None else specs
        docs = result.documents.copy()
        docs["_date"] = docs["date"].map(text) if "date" in docs else ""
        docs = docs.sort_values(["group", "_date", "id"], kind="mergesort").reset_index(drop=True)
        self.docs = docs
        self.index = {d: i for i, d in enumerate(docs["id"])}
        self.inline = set(range(min(inline, len(docs))))
        shown = result.spans[result.spans["kind"].isin(shown_kinds(self.specs))]
        self.spans: dict[str, list[dict]] = {}
        for did, part in shown.groupby("doc_id", sort=False):
            i = self.index.get(did)
            if i is None:
                continue
            rows = part.to_dict("records")
            for k, r in enumerate(rows):
                r["sid"] = f"d{i}-s{k}"
            self.spans[did] = rows

    def page(self, i: int, from_article_page: bool = False) -> str | None:
        """The page showing article ``i`` (relative to index.html or to an article page); None: no page."""
        if i in self.inline:
            return "../index.html" if from_article_page else "index.html"
        if i >= MAX_ARTICLE_PAGES:
            return None
        return f"{i}.html" if from_article_page else f"articles/{i}.html"

    def href(self, did: str, sid: str | None = None) -> str | None:
        """Link (from index.html) to a document, or to one of its spans."""
        i = self.index.get(did)
        if i is None:
            return None
        p = self.page(i)
        if p is None:
            return None
        anchor = sid or f"doc-{i}"
        return f"#{anchor}" if p == "index.html" else f"{p}#{anchor}"

    def first_span(self, group: str, pred) -> tuple[str, str] | None:
        """(doc_id, sid) of the first span in the group's articles (document order) satisfying ``pred``."""
        part = self.docs[self.docs["group"] == group]
        for did in part["id"]:
            for s in self.spans.get(did, []):
                if pred(s):
                    return did, s["sid"]
        return None

    def first_href(self, group: str, pred) -> str | None:
        """Link to the first span of the group satisfying ``pred`` (None when there is none)."""
        loc = self.first_span(group, pred)
        return self.href(*loc) if loc else None


def _count(row, key: str) -> int:
    return int(row.get(key, 0) or 0)


def article(result, docs: DocIndex, i: int, *, id_prefix: str = "", sid_attr: str = "data-sid",
            anchor: bool = True, collapsed: bool = False) -> Markup:
    """One article: header (group, metadata, counts) and its highlighted text.

    ``collapsed``: inside a closed ``<details>`` whose summary is a one-line entry (group, title, words, key
    counts), so a page holding many articles stays short; the anchor is then the ``<details>`` element's.
    """
    row = docs.docs.iloc[i]
    did = row["id"]
    spans = docs.spans.get(did, [])
    m = lambda k: text(row[k]) if k in row else ""  # noqa: E731
    kinds: dict[str, int] = {}
    for s in spans:
        kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
    meta = [m("outlet") if result.by != "outlet" else "", m("date"), m("author"),
            f"event: {m('event')}" if m("event") else "", f"{int(row['words']):,} words", f"id: {did}"]
    return render("article.html.j2", anchor=f"{id_prefix}doc-{i}" if anchor else None, doc_id=did,
                  color=result.colors.get(row["group"], "#777"), group=row["group"], title=m("title") or did,
                  meta=[x for x in meta if x], url=m("url"),
                  kinds=", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(kinds.items())),
                  collapsed=collapsed, words=int(row["words"]), loaded=_count(row, "loaded"),
                  hedges=_count(row, "hedges"), boosters=_count(row, "boosters"),
                  text=highlight(result.texts.get(did, ""), spans, id_prefix=id_prefix, sid_attr=sid_attr,
                                 specs=docs.specs))


def article_rows(result, docs: DocIndex, limit: int | None, prefix: str = "") -> list[dict[str, Any]]:
    """Rows of the article list (the first ``limit``; all when None), links relative to ``prefix``."""
    d = docs.docs
    rows = []
    for i in range(len(d) if limit is None else min(limit, len(d))):
        r = d.iloc[i]
        href = docs.href(r["id"])
        if href and prefix:
            href = prefix + ("index.html" + href if href.startswith("#") else href)
        rows.append({"group": r["group"], "color": result.colors.get(r["group"], "#777"), "href": href,
                     "title": r.get("title") if isinstance(r.get("title"), str) else r["id"],
                     "date": text(r.get("date")), "words": int(r["words"]),
                     "loaded": _count(r, "loaded"), "hedges": _count(r, "hedges"), "boosters": _count(r, "boosters")})
    return rows
