"""Highlighted articles: span tooltips, span markup from sorted boundaries, where each article is shown.

Which kinds are highlighted, in which layer, with which element and tooltip, is
read from the registered span kinds (:func:`framelens.extract.registry.kind_specs`,
each a :class:`framelens.kinds.KindSpec`): a kind registered by a researcher's own
extractor with a :class:`~framelens.kinds.Style` is highlighted, listed in the
legend and given tooltips without editing this module; a kind without a style is
not highlighted.
"""

from __future__ import annotations

import html
import logging
from typing import Any, Iterable

from markupsafe import Markup, escape

from ...extract.registry import kind_specs
from ...kinds import KindSpec, Style, span_value
from .render import SAFE_NAME, render, text

__all__ = ["span_tip", "highlight", "highlight_styles", "shown_kinds", "legend_items", "DocIndex", "article",
           "article_rows", "MAX_ARTICLE_PAGES"]

log = logging.getLogger("framelens")

#: Articles beyond this many get no page of their own (listed in the tables only).
MAX_ARTICLE_PAGES = 5000


def highlight_styles(specs: dict[str, KindSpec] | None = None) -> dict[str, Style]:
    """``{kind: Style}`` of the kinds that are highlighted, in registry order: kinds with a style whose name
    is a plain identifier and whose CSS cannot leave its rule (no ``<``, ``{`` or ``}``)."""
    out = {}
    for name, spec in (kind_specs() if specs is None else specs).items():
        st = spec.style
        if st is None:
            continue
        if not SAFE_NAME.match(name) or any(c in st.css for c in "<{}"):
            log.warning("span kind %r is not highlighted: its name or CSS is not usable in the report", name)
            continue
        out[name] = st
    return out


def shown_kinds(specs: dict[str, KindSpec] | None = None) -> tuple[str, ...]:
    """The highlighted kinds, outer layer first (``Style.layer``; registry order among equal layers)."""
    styles = highlight_styles(specs)
    return tuple(sorted(styles, key=lambda k: styles[k].layer))


def legend_items(specs: dict[str, KindSpec] | None = None) -> list[dict[str, Any]]:
    """One legend entry per highlighted kind: its name, the note in brackets of its legend text, and for
    kinds with a ``variant_field`` the label of their variant swatches."""
    items = []
    for k, st in highlight_styles(specs).items():
        lg = st.legend
        note = lg.split("(")[-1].rstrip(")") if "(" in lg else ""
        head = lg.split(" (")[0].split(":")[0].replace(" ", "-")
        items.append({"kind": k, "note": note, "variants": bool(st.variant_field),
                      "variants_label": f"{head} {st.variant_field}" if st.variant_field else ""})
    return items


def span_tip(span: dict, specs: dict[str, KindSpec] | None = None) -> str:
    """Plain-text tooltip of one span: the lines its kind's spec gives (:meth:`KindSpec.tooltip_lines`);
    a kind nobody declares gets the generic lines (kind and label, voice, entry)."""
    kind = str(span.get("kind"))
    spec = (kind_specs() if specs is None else specs).get(kind) or KindSpec(kind, "")
    return "\n".join(spec.tooltip_lines(span))


def highlight(text: str, spans: Iterable[dict], *, id_prefix: str = "", sid_attr: str = "data-sid",
              specs: dict[str, KindSpec] | None = None) -> Markup:
    """HTML of ``text`` with every span of a highlighted kind wrapped in an element, built from sorted boundaries.

    ``spans``: dicts with kind, start, end (and the fields shown in tooltips); each
    needs a ``sid`` (its identifier). Elements nest properly: a span that crosses
    the end of an enclosing one is closed and reopened (its continuation carries
    the same ``sid`` and the class ``cont``), so no tag is ever broken. Every piece
    of text and every attribute value is escaped here, which is why the result is
    :class:`~markupsafe.Markup`. The first fragment of each span has
    ``id=<prefix><sid>``, a tooltip and ``tabindex=0`` (keyboard focus).
    """
    specs = kind_specs() if specs is None else specs
    styles = highlight_styles(specs)
    items = []
    for s in spans:
        st = styles.get(s.get("kind"))
        if st is None:
            continue
        a, b = int(s["start"]), int(s["end"])
        a, b = max(0, min(a, len(text))), max(0, min(b, len(text)))
        if b < a:
            continue
        items.append((a, b, st.layer, s, st))
    items.sort(key=lambda t: (t[0], -t[1], t[2]))
    bounds = sorted({0, len(text)} | {t[0] for t in items} | {t[1] for t in items})
    starts: dict[int, list] = {}
    for it in items:
        starts.setdefault(it[0], []).append(it)
    tips: dict[int, str] = {}

    def open_tag(it, cont: bool) -> str:
        s, st = it[3], it[4]
        kind = s["kind"]
        cls = f"hl k-{kind}" + (" cont" if cont else "")
        if st.variant_field:
            v = span_value(s, st.variant_field)
            if isinstance(v, str) and SAFE_NAME.match(v):
                cls += f" st-{v}"
        if id(it) not in tips:
            tips[id(it)] = str(escape(span_tip(s, specs)))
        attrs = f'class="{cls}" {sid_attr}="{escape(s["sid"])}" data-kind="{kind}"'
        if not cont:
            attrs += f' id="{escape(id_prefix + str(s["sid"]))}" tabindex="0"'
        return f"<{'mark' if st.mark else 'span'} {attrs} data-tip=\"{tips[id(it)]}\">"

    def close_tag(it) -> str:
        return "</mark>" if it[4].mark else "</span>"

    out: list[str] = []
    stack: list[tuple] = []  # open items, outermost first
    for bi, pos in enumerate(bounds):
        if any(it[1] == pos for it in stack):
            # close everything from the first item ending here upward, then reopen the survivors above it
            first = min(k for k, it in enumerate(stack) if it[1] == pos)
            out.extend(close_tag(it) for it in reversed(stack[first:]))
            reopen = [it for it in stack[first:] if it[1] != pos]
            stack = stack[:first]
            for it in reopen:
                out.append(open_tag(it, cont=True))
                stack.append(it)
        for it in starts.get(pos, []):
            out.append(open_tag(it, cont=False))
            if it[1] == pos:  # empty span: an empty element, still findable
                out.append(close_tag(it))
            else:
                stack.append(it)
        if bi + 1 < len(bounds):
            out.append(html.escape(text[pos:bounds[bi + 1]], quote=False))  # element content: & < > suffice
    out.extend(close_tag(it) for it in reversed(stack))
    return Markup("".join(out))


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
            anchor: bool = True) -> Markup:
    """One article: header (group, metadata, counts) and its highlighted text."""
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
                  loaded=_count(row, "loaded"), hedges=_count(row, "hedges"), boosters=_count(row, "boosters"),
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
