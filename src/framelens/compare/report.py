"""The comparison report: a self-contained ``index.html``, a Markdown summary, tables and charts.

``index.html`` needs nothing but itself: CSS and the small tooltip script are
inline, charts are embedded as base64 PNG, and it makes no network request, so
it works offline and as an e-mail attachment. Every piece of document text and
metadata goes through :func:`html.escape`. Spans are drawn from sorted
boundaries (:func:`highlight`), so nested and overlapping spans never break the
markup. The first ``inline`` articles are shown in the page; the others get
their own pages under ``articles/`` (linked), so large corpora stay usable.
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import json
import logging
import math
from pathlib import Path
from typing import Any, Iterable

from .._version import __version__
from ..io.atomic import atomic_write_text
from .palette import KIND_STYLES, STANCE_COLORS

__all__ = ["write_report", "highlight", "span_tip", "SHOWN_KINDS", "MAX_ARTICLE_PAGES"]

log = logging.getLogger("framelens")

#: Span kinds highlighted in articles, outer layer first (quotes under everything, terms on top).
SHOWN_KINDS = ("quote", "attribution", "frame_cue", "report_verb", "loaded_term", "hedge", "booster")
_LAYER = {k: i for i, k in enumerate(SHOWN_KINDS)}
_MARK_KINDS = {"loaded_term", "hedge", "booster"}
#: Articles beyond this many get no page of their own (listed in the tables only).
MAX_ARTICLE_PAGES = 5000
#: Rows of the article list shown in index.html (the full list is in articles/index.html).
MAX_INDEX_ROWS = 500


def esc(v: Any) -> str:
    """Escaped text of any value (None -> empty)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return html.escape(str(v), quote=True)


def _num(v: Any, digits: int = 1) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:,.{digits}f}"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


# -- span tooltips and highlighting -----------------------------------------------------------------------

def _val(span: dict, key: str) -> Any:
    v = span.get(key)
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, str) and v.startswith("[") and v.endswith("]"):
        try:
            return json.loads(v)
        except ValueError:
            return v
    return v


def span_tip(span: dict) -> str:
    """Plain-text tooltip of one span: kind, label, entry, alternatives, stance, source, voice."""
    kind = span.get("kind")
    lines = [f"{str(kind).replace('_', ' ')}: {span.get('label')}"]
    if kind == "loaded_term":
        sev = _val(span, "severity")
        if sev is not None:
            lines.append(f"severity {sev:g}" + (" (neutral variant)" if sev == 0 else ""))
        alts = _val(span, "alternatives")
        if alts:
            lines.append("neutral alternative: " + ("; ".join(map(str, alts)) if isinstance(alts, list) else str(alts)))
        if _val(span, "group"):
            lines.append(f"referent group: {_val(span, 'group')}")
        if _val(span, "use") == "mention":
            lines.append("mentioned as a word, not used")
    if kind == "report_verb" and _val(span, "stance"):
        lines.append(f"stance: {_val(span, 'stance')}")
    if kind == "attribution":
        for key in ("source", "source_type", "cue", "stance", "mode"):
            if _val(span, key) is not None:
                lines.append(f"{key.replace('_', ' ')}: {_val(span, key)}")
    if kind == "quote" and _val(span, "uncertain"):
        lines.append("quotation marks did not balance: extent is a best guess")
    if kind != "quote":
        lines.append("voice: " + ("reporter's own" if span.get("voice") == "author" else "inside a quotation"))
    if span.get("entry"):
        lines.append(f"entry: {span.get('entry')}")
    return "\n".join(lines)


def highlight(text: str, spans: Iterable[dict], *, id_prefix: str = "", sid_attr: str = "data-sid") -> str:
    """HTML of ``text`` with every span wrapped in an element, built from sorted boundaries.

    ``spans``: dicts with kind, start, end (and the fields shown in tooltips); each
    needs a ``sid`` (its identifier). Elements nest properly: a span that crosses
    the end of an enclosing one is closed and reopened (its continuation carries
    the same ``sid`` and the class ``cont``), so no tag is ever broken. Text is
    escaped. The first fragment of each span has ``id=<prefix><sid>``, a tooltip
    and ``tabindex=0`` (keyboard focus).
    """
    items = []
    for s in spans:
        if s.get("kind") not in _LAYER:
            continue
        st, en = int(s["start"]), int(s["end"])
        st, en = max(0, min(st, len(text))), max(0, min(en, len(text)))
        if en < st:
            continue
        items.append((st, en, _LAYER[s["kind"]], s))
    items.sort(key=lambda t: (t[0], -t[1], t[2]))
    bounds = sorted({0, len(text)} | {t[0] for t in items} | {t[1] for t in items})
    starts: dict[int, list] = {}
    for it in items:
        starts.setdefault(it[0], []).append(it)
    out: list[str] = []
    stack: list[tuple] = []  # open items
    opened: set[int] = set()

    def open_tag(it, cont: bool) -> str:
        s = it[3]
        kind = s["kind"]
        tag = "mark" if kind in _MARK_KINDS else "span"
        cls = f"hl k-{kind}" + (" cont" if cont else "")
        extra = ""
        if kind == "report_verb" or kind == "attribution":
            stance = _val(s, "stance") or _val(s, "label")
            if stance in STANCE_COLORS:
                cls += f" st-{stance}"
        attrs = f'class="{cls}" {sid_attr}="{esc(s["sid"])}" data-kind="{esc(kind)}"'
        if not cont:
            attrs += f' id="{esc(id_prefix + str(s["sid"]))}" tabindex="0" data-tip="{esc(span_tip(s))}"'
        else:
            attrs += f' data-tip="{esc(span_tip(s))}"'
        return f"<{tag} {attrs}{extra}>"

    def close_tag(it) -> str:
        return "</mark>" if it[3]["kind"] in _MARK_KINDS else "</span>"

    for bi, pos in enumerate(bounds):
        # close what ends here (reopening anything above it that continues)
        ending = [it for it in stack if it[1] == pos]
        if ending:
            keep = [it for it in stack if it[1] != pos]
            # close everything from the first ending item upward, then reopen the survivors above it
            first = min(stack.index(it) for it in ending)
            for it in reversed(stack[first:]):
                out.append(close_tag(it))
            reopen = [it for it in stack[first:] if it[1] != pos]
            stack = stack[:first]
            for it in reopen:
                out.append(open_tag(it, cont=True))
                stack.append(it)
            assert [id(x) for x in stack] == [id(x) for x in keep]
        for it in starts.get(pos, []):
            if it[1] == pos:  # empty span: an empty element, still findable
                out.append(open_tag(it, cont=False) + close_tag(it))
                continue
            out.append(open_tag(it, cont=False))
            stack.append(it)
            opened.add(id(it))
        if bi + 1 < len(bounds):
            out.append(html.escape(text[pos:bounds[bi + 1]], quote=False))
    for it in reversed(stack):
        out.append(close_tag(it))
    return "".join(out)


# -- CSS and script ---------------------------------------------------------------------------------------

def _css(colors: dict[str, str]) -> str:
    kind_css = "\n".join(f".k-{k}{{{v['css']}}}" for k, v in KIND_STYLES.items())
    stance_css = "\n".join(f".k-report_verb.st-{k}{{outline-color:{c};background:{c}33}}" for k, c in STANCE_COLORS.items())
    return f"""
:root{{--fg:#1b1b1b;--muted:#555;--line:#ddd;--bg:#fff;--accent:#0072B2}}
*{{box-sizing:border-box}}
body{{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0}}
main{{max-width:1320px;margin:0 auto;padding:1.2rem 1.4rem 4rem}}
h1{{font-size:1.55rem;margin:.2rem 0 .3rem}} h2{{font-size:1.22rem;margin:2.2rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}}
h3{{font-size:1.02rem;margin:1.2rem 0 .3rem}}
.lead{{color:var(--muted);margin:.2rem 0 1rem}}
nav.toc{{font-size:.9rem;margin:.6rem 0 1rem}} nav.toc a{{margin-right:.9rem}}
a{{color:var(--accent)}}
table{{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.88rem}}
th,td{{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}}
th{{background:#f6f6f6;font-weight:600}}
table.summary{{font-size:.82rem}} table.summary td:last-child{{min-width:11rem}}
td.num,th.num{{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}}
.ci{{color:var(--muted);font-size:.8rem}}
.top{{font-weight:700}} .badge{{display:inline-block;background:#222;color:#fff;border-radius:3px;font-size:.7rem;padding:0 .3rem;margin-left:.3rem;vertical-align:1px}}
.sw{{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;border:1px solid #333;margin-right:.35rem;vertical-align:-1px}}
.findings li{{margin:.25rem 0}}
figure{{margin:1rem 0 1.8rem}} figure img{{max-width:100%;height:auto;border:1px solid #eee}}
figcaption{{font-size:.85rem;color:var(--muted);max-width:60rem}}
.note{{background:#fafafa;border-left:3px solid #bbb;padding:.4rem .7rem;color:var(--muted);font-size:.88rem}}
.legend{{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.85rem;margin:.4rem 0 .8rem;position:sticky;top:0;background:#fff;padding:.4rem 0;z-index:2;border-bottom:1px solid var(--line)}}
.legend span.hl{{padding:0 .25rem}}
article.doc{{border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;margin:1rem 0;border-left-width:6px}}
article.doc header h3{{margin:.1rem 0}} article.doc .meta{{font-size:.82rem;color:var(--muted)}}
.text{{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.85;font-size:.95rem;margin-top:.5rem}}
.hl{{border-radius:2px;cursor:help}} .hl:focus{{outline:2px solid #000;outline-offset:1px}}
{kind_css}
{stance_css}
.pair{{display:grid;grid-template-columns:1fr 1fr;gap:1rem}} .pair article.doc{{margin:0}}
@media (max-width:800px){{.pair{{grid-template-columns:1fr}}}}
#tip{{position:absolute;display:none;max-width:26rem;background:#222;color:#fff;font-size:.8rem;line-height:1.35;padding:.45rem .6rem;border-radius:4px;white-space:pre-wrap;z-index:10;pointer-events:none;box-shadow:0 2px 8px rgba(0,0,0,.3)}}
.scroll{{overflow-x:auto}}
footer{{margin-top:3rem;font-size:.82rem;color:var(--muted)}}
"""


_SCRIPT = """
(function(){
  var tip=document.getElementById('tip');
  function tipsFor(el){var parts=[];while(el&&el.getAttribute){if(el.hasAttribute('data-tip')){parts.push(el.getAttribute('data-tip'));}
    if(el.classList&&el.classList.contains('text'))break;el=el.parentNode;}return parts;}
  function show(e){var el=e.target.closest?e.target.closest('[data-tip]'):null;if(!el){tip.style.display='none';return;}
    var parts=tipsFor(el);tip.textContent=parts.join('\\n\\u2014 within \\u2014\\n');tip.style.display='block';
    var r=el.getBoundingClientRect();var top=window.scrollY+r.bottom+6;var left=window.scrollX+r.left;
    var w=tip.offsetWidth;if(left+w>window.scrollX+document.documentElement.clientWidth-8){left=window.scrollX+document.documentElement.clientWidth-w-8;}
    tip.style.top=top+'px';tip.style.left=Math.max(4,left)+'px';}
  function hide(){tip.style.display='none';}
  document.addEventListener('mouseover',show);document.addEventListener('focusin',show);
  document.addEventListener('mouseout',function(e){if(!e.relatedTarget||!e.relatedTarget.closest||!e.relatedTarget.closest('[data-tip]'))hide();});
  document.addEventListener('focusout',hide);
  document.addEventListener('keydown',function(e){if(e.key==='Escape')hide();});
})();
"""


def _page(title: str, body: str, colors: dict[str, str]) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
            f'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">'
            f"<title>{esc(title)}</title><style>{_css(colors)}</style></head><body><main>{body}</main>"
            f'<div id="tip" role="tooltip"></div><script>{_SCRIPT}</script></body></html>\n')


def _legend() -> str:
    items = [f'<span class="hl k-{k}">{esc(k.replace("_", " "))}</span> {esc(v["legend"].split("(")[-1].rstrip(")") if "(" in v["legend"] else "")}'
             for k, v in KIND_STYLES.items()]
    stances = " ".join(f'<span class="hl k-report_verb st-{k}">{esc(k)}</span>' for k in ("neutral", "endorsing",
                                                                                          "distancing", "evaluative"))
    return ('<div class="legend" aria-label="legend of highlights"><strong>Highlights:</strong> '
            + " ".join(f"<span>{i}</span>" for i in items)
            + f" <span>reporting-verb stance: {stances}</span>"
            + " <span>Hover or focus (Tab) a highlight for details.</span></div>")


# -- documents and their spans ----------------------------------------------------------------------------

class _Docs:
    """Document order, where each article is shown, and each span's anchor."""

    def __init__(self, result, inline: int):
        docs = result.documents.copy()
        docs["_date"] = docs["date"].fillna("") if "date" in docs else ""
        docs = docs.sort_values(["group", "_date", "id"], kind="mergesort").reset_index(drop=True)
        self.docs = docs
        self.index = {d: i for i, d in enumerate(docs["id"])}
        self.inline = set(range(min(inline, len(docs))))
        shown = result.spans[result.spans["kind"].isin(SHOWN_KINDS)]
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
        if i in self.inline:
            return "../index.html" if from_article_page else "index.html"
        if i >= MAX_ARTICLE_PAGES:
            return None
        return f"{i}.html" if from_article_page else f"articles/{i}.html"

    def href(self, did: str, sid: str | None = None) -> str | None:
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


def _article_html(result, docs: _Docs, i: int, *, id_prefix: str = "", sid_attr: str = "data-sid",
                  anchor: bool = True) -> str:
    row = docs.docs.iloc[i]
    did = row["id"]
    text = result.texts.get(did, "")
    color = result.colors.get(row["group"], "#777")
    spans = docs.spans.get(did, [])
    m = lambda k: row[k] if k in row and not (isinstance(row[k], float) and math.isnan(row[k])) else None  # noqa: E731
    kinds = {}
    for s in spans:
        kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
    kinds_txt = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(kinds.items()))
    meta = " · ".join(x for x in [
        f'<span class="sw" style="background:{esc(color)}"></span>{esc(row["group"])}',
        esc(m("outlet")) if result.by != "outlet" and m("outlet") else "",
        esc(m("date")), esc(m("author")), f"event: {esc(m('event'))}" if m("event") else "",
        f"{int(row['words']):,} words", f"id: {esc(did)}"] if x)
    url = m("url")
    url_html = f' · <span class="url">{esc(url)}</span>' if url else ""
    aid = f' id="{id_prefix}doc-{i}"' if anchor else ""
    return (f'<article class="doc"{aid} style="border-left-color:{esc(color)}" data-doc="{esc(did)}">'
            f"<header><h3>{esc(m('title') or did)}</h3><div class=\"meta\">{meta}{url_html}</div>"
            f'<div class="meta">{esc(kinds_txt) or "no spans"}; loaded terms {int(row.get("loaded", 0) or 0)}, '
            f'hedges {int(row.get("hedges", 0) or 0)}, boosters {int(row.get("boosters", 0) or 0)}</div></header>'
            f'<div class="text">{highlight(text, spans, id_prefix=id_prefix, sid_attr=sid_attr)}</div></article>')


# -- summary ----------------------------------------------------------------------------------------------

def _link(text: str, href: str | None) -> str:
    return f'<a href="{esc(href)}">{text}</a>' if href else text


def _stat_cell(result, docs, g, metric, pred=None, digits=1, ci=True) -> str:
    r = result.stat(g, metric)
    if r is None:
        return '<td class="num">–</td>'
    val = _num(r["pooled"], digits)
    loc = docs.first_span(g, pred) if pred else None
    val_html = _link(val, docs.href(*loc) if loc else None)
    ci_html = ""
    if ci and not (math.isnan(r["ci_low"]) or math.isnan(r["ci_high"])):
        ci_html = f'<br><span class="ci">[{_num(r["ci_low"], digits)}–{_num(r["ci_high"], digits)}] · {int(r["numerator"])}×</span>'
    elif ci:
        ci_html = f'<br><span class="ci">{int(r["numerator"])}×</span>'
    return f'<td class="num" data-metric="{esc(metric)}" data-group="{esc(g)}">{val_html}{ci_html}</td>'


def _top_group(result, metric: str) -> tuple[str, dict] | None:
    s = result.stats[(result.stats["metric"] == metric)].dropna(subset=["pooled"])
    if s.empty or s["numerator"].sum() == 0:
        return None
    r = s.sort_values(["pooled", "group"], ascending=[False, True]).iloc[0]
    return r["group"], r.to_dict()


def _describe(r: dict) -> str:
    ci = ""
    if not (math.isnan(r["ci_low"]) or math.isnan(r["ci_high"])):
        ci = f" (95% CI {_num(r['ci_low'])}–{_num(r['ci_high'])})"
    return (f"{_num(r['pooled'])} {r['unit']}{ci}; {int(r['numerator'])} in {_plural(int(r['n_docs']), 'article')}, "
            f"{int(r['words']):,} words")


def _findings(result, docs) -> list[str]:
    """Plain sentences (HTML) answering the four questions of the report."""
    from .termchoice import dominant_variants

    out = []
    top = _top_group(result, "loaded")
    if top:
        g, r = top
        loc = docs.first_span(g, lambda s: s["kind"] == "loaded_term")
        out.append(f"<strong>Most loaded terms:</strong> {_sw(result, g)}{_link(esc(g), docs.href(*loc) if loc else None)}"
                   f" — {esc(_describe(r))}.")
    else:
        out.append("<strong>Loaded terms:</strong> no loaded term (severity ≥ 1) was found in any article.")
    tc = result.term_choice
    if len(tc):
        ref = tc.groupby("referent")["count"].sum().sort_values(ascending=False, kind="mergesort").index[0]
        dom = dominant_variants(tc, ref, voice="author")
        parts = []
        for g in result.groups:
            if g in dom:
                v, k, tot = dom[g]
                parts.append(f"{_sw(result, g)}{esc(g)}: {_variant_link(result, docs, g, v)} ({k} of {tot})")
            else:
                parts.append(f"{_sw(result, g)}{esc(g)}: <em>none in its own voice</em>")
        out.append(f"<strong>Labels for “{esc(ref.replace('_', ' '))}”</strong> (the reporter's own voice; uses of "
                   f"the most-used variant of all uses): " + "; ".join(parts) + ".")
    top = _top_group(result, "hedges")
    if top:
        g, r = top
        loc = docs.first_span(g, lambda s: s["kind"] == "hedge")
        low = result.stats[result.stats["metric"] == "hedges"].sort_values(["pooled", "group"]).iloc[0]
        out.append(f"<strong>Hedges most:</strong> {_sw(result, g)}{_link(esc(g), docs.href(*loc) if loc else None)} — "
                   f"{esc(_describe(r))}. Least: {_sw(result, low['group'])}{esc(low['group'])} — "
                   f"{esc(_describe(low.to_dict()))}.")
    topb = _top_group(result, "boosters")
    if topb:
        g, r = topb
        loc = docs.first_span(g, lambda s: s["kind"] == "booster")
        out.append(f"<strong>Boosters (certainty) most:</strong> {_sw(result, g)}"
                   f"{_link(esc(g), docs.href(*loc) if loc else None)} — {esc(_describe(r))}.")
    if len(result.sources):
        parts = []
        for g in result.groups:
            part = result.sources[result.sources["group"] == g].head(3)
            if part.empty:
                continue
            names = ", ".join(f"{esc(s)} ({int(c)})" for s, c in zip(part["source"], part["count"]))
            parts.append(f"{_sw(result, g)}{esc(g)}: {names}")
        out.append("<strong>Who cites whom</strong> (most-cited sources, attributions): " + "; ".join(parts) + ".")
    else:
        ev = result.stats[result.stats["metric"] == "verbs_distancing_share"]
        if len(ev):
            out.append("<strong>Who cites whom:</strong> no attribution spans in this analysis (the attribution "
                       "extractor did not run); see reporting verbs and quotations below.")
    sv = result.stats[result.stats["metric"].isin(["verbs_distancing_share", "verbs_evaluative_share"])]
    if len(sv) and sv["numerator"].sum() > 0:
        tot = sv.groupby("group")[["numerator", "denominator"]].sum()
        tot["den"] = result.stats[result.stats["metric"] == "verbs_distancing_share"].set_index("group")["denominator"]
        tot["share"] = tot["numerator"] / tot["den"].where(tot["den"] > 0)
        tot = tot.dropna(subset=["share"]).sort_values(["share"], ascending=False)
        if len(tot):
            g = tot.index[0]
            loc = docs.first_span(g, lambda s: s["kind"] == "report_verb" and s.get("voice") == "author"
                                  and s.get("label") in ("distancing", "evaluative"))
            out.append(f"<strong>Most distancing or evaluative reporting verbs:</strong> {_sw(result, g)}"
                       f"{_link(esc(g), docs.href(*loc) if loc else None)} — {tot.loc[g, 'share']:.0%} of its "
                       f"{int(tot.loc[g, 'den'])} reporting verbs in its own voice (claimed, insisted; slammed, blasted).")
    return out


def _variant_link(result, docs, g, variant: str) -> str:
    """The variant in curly quotes, linked to its group's first use of it in the reporter's own voice."""
    loc = docs.first_span(g, lambda s: s["kind"] == "loaded_term" and s.get("voice") == "author"
                          and _variant_of(result, s) == variant)
    return _link("“" + esc(variant) + "”", docs.href(*loc) if loc else None)


def _variant_of(result, span: dict) -> str | None:
    tc = result.term_choice
    if not len(tc):
        return None
    m = tc[tc["entry"] == span.get("entry")]
    return None if m.empty else m["variant"].iloc[0]


def _sw(result, g) -> str:
    return f'<span class="sw" style="background:{esc(result.colors.get(g, "#777"))}"></span>'


def _summary_table(result, docs) -> str:
    from .termchoice import dominant_variants

    tc = result.term_choice
    ref = None
    dom = {}
    if len(tc):
        ref = tc.groupby("referent")["count"].sum().sort_values(ascending=False, kind="mergesort").index[0]
        dom = dominant_variants(tc, ref, voice="author")
    has_attr = "attributions" in result.documents.columns
    top = {m: (_top_group(result, m) or (None,))[0] for m in ("loaded", "loaded_author", "hedges", "boosters")}
    head = ["<tr>", f"<th>{esc(result.by)}</th>", '<th class="num">articles<br>(words)</th>',
            '<th class="num">loaded terms<br>per 1,000 words</th>', '<th class="num">…in own voice<br>per 1,000</th>',
            f"<th>label for “{esc((ref or 'referent').replace('_', ' '))}”<br>(own voice)</th>",
            '<th class="num">hedges<br>per 1,000</th>', '<th class="num">boosters<br>per 1,000</th>',
            '<th class="num">distancing +<br>evaluative verbs</th>',
            '<th class="num">attributions<br>per 1,000</th><th>most cited</th>' if has_attr else
            '<th class="num">quotations<br>per 1,000</th>', "</tr>"]
    rows = []
    for g in result.groups:
        sub = result.documents[result.documents["group"] == g]
        cells = [f'<td>{_sw(result, g)}{esc(g)}</td>',
                 f'<td class="num">{len(sub)}<br><span class="ci">({int(sub["words"].sum()):,})</span></td>']
        for metric, pred in (("loaded", lambda s: s["kind"] == "loaded_term"),
                             ("loaded_author", lambda s: s["kind"] == "loaded_term" and s.get("voice") == "author")):
            c = _stat_cell(result, docs, g, metric, pred)
            if top.get(metric) == g:
                c = c.replace('<td class="num"', '<td class="num top"', 1).replace("<br>", '<span class="badge">most</span><br>', 1)
            cells.append(c)
        if g in dom:
            v, k, tot = dom[g]
            cells.append(f'<td>{_variant_link(result, docs, g, v)} <span class="ci">{k} of {tot}</span></td>')
        else:
            cells.append('<td><span class="ci">none in own voice</span></td>')
        for metric, kind in (("hedges", "hedge"), ("boosters", "booster")):
            c = _stat_cell(result, docs, g, metric, lambda s, kind=kind: s["kind"] == kind)
            if top.get(metric) == g:
                c = c.replace('<td class="num"', '<td class="num top"', 1).replace("<br>", '<span class="badge">most</span><br>', 1)
            cells.append(c)
        rd = result.stat(g, "verbs_distancing_share")
        re_ = result.stat(g, "verbs_evaluative_share")
        if rd and rd["denominator"] > 0:
            k = int(rd["numerator"] + (re_["numerator"] if re_ else 0))
            n = int(rd["denominator"])
            loc = docs.first_span(g, lambda s: s["kind"] == "report_verb" and s.get("voice") == "author"
                                  and s.get("label") in ("distancing", "evaluative"))
            cells.append(f'<td class="num">{_link(f"{k / n:.0%}", docs.href(*loc) if loc else None)}'
                         f'<br><span class="ci">{k} of {n} verbs</span></td>')
        else:
            cells.append('<td class="num">–<br><span class="ci">no verbs</span></td>')
        if has_attr:
            cells.append(_stat_cell(result, docs, g, "attributions", lambda s: s["kind"] == "attribution"))
            part = result.sources[result.sources["group"] == g].head(2) if len(result.sources) else []
            names = ", ".join(f"{esc(s)} ({int(c)})" for s, c in zip(part["source"], part["count"])) if len(part) else "–"
            cells.append(f"<td>{names}</td>")
        else:
            cells.append(_stat_cell(result, docs, g, "quotes", lambda s: s["kind"] == "quote"))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return ('<div class="scroll"><table class="summary" id="summary-table"><thead>' + "".join(head) + "</thead><tbody>"
            + "".join(rows) + "</tbody></table></div>")


# -- charts -----------------------------------------------------------------------------------------------

def _charts(result, out: Path) -> list[dict[str, Any]]:
    from . import charts as C
    from .termchoice import term_choice_matrix

    docs = result.documents
    n_docs = len(docs)
    nw = f"{n_docs} articles, {int(docs['words'].sum()):,} words"
    single = (result.stats.groupby("group")["n_docs"].first() == 1).any() if len(result.stats) else False
    ci_note = (" Groups with one article get an exact Poisson interval of that article's count (variation of words "
               "within one article only); groups with two or more get a bootstrap interval over articles (2,000 "
               "resamples, seed 0), which is too narrow with fewer than about five articles." if single else
               " Intervals: bootstrap over articles (2,000 resamples, seed 0); too narrow with fewer than about five "
               "articles per group.")
    specs = []

    def add(name, title, caption, fn):
        specs.append({"name": name, "title": title, "caption": caption, "fn": fn})

    add("loaded_rate", "Loaded terms by group",
        f"Loaded-term uses (severity ≥ 1; mentions and neutral variants excluded) per 1,000 words, pooled over each "
        f"group's articles, split by lexicon category (hatching); {nw}.{ci_note}",
        lambda: C.loaded_rate_chart(result.stats, result.categories, docs, result.colors))
    tc = result.term_choice
    if len(tc):
        ref = tc.groupby("referent")["count"].sum().sort_values(ascending=False, kind="mergesort").index[0]
        add("term_choice", "Term choice",
            f"Uses of each variant for the referent group “{ref.replace('_', ' ')}” (the group with most uses), per "
            f"{result.by}; “(k quoted)” = of which inside quotations. Mentions (a term discussed as a word) are "
            f"excluded. {nw}.",
            lambda ref=ref: C.term_choice_heatmap(term_choice_matrix(tc, ref), term_choice_matrix(tc, ref, value="quoted"),
                                                  result.colors, n_docs=n_docs))
    else:
        add("term_choice", "Term choice", "", lambda: (_ for _ in ()).throw(C.NoData(
            "no loaded-term entries with a referent group were found, so there is no term choice to show")))
    add("verb_stance", "Reporting-verb stance",
        f"Reporting verbs in the reporter's own voice by stance: neutral (said), endorsing (acknowledged, confirmed), "
        f"distancing (claimed, insisted), evaluative (slammed, boasted); share of each group's verbs; {nw}.",
        lambda: C.stance_profile_chart(result.verbs, result.colors, n_docs=n_docs))
    add("sourcing_density", "Sourcing density",
        f"Attributions (someone cited as the source of a statement) per 1,000 words, pooled; {nw}.{ci_note}",
        lambda: C.sourcing_density_chart(result.stats, result.colors, documents=docs))
    add("source_mix", "Source types",
        f"Share of attributions by type of source (named person, official, organization, media, document, "
        f"anonymous, vague such as “experts say”, pronoun); {nw}.",
        lambda: C.source_mix_chart(result.source_types, result.colors))
    add("hedges_boosters", "Hedges vs boosters",
        f"One point per article: hedges per 1,000 words against boosters per 1,000 words, both voices; {nw}. Points "
        "above the dashed line use more certainty markers than hedges.",
        lambda: C.hedges_boosters_chart(docs, "group", result.colors))
    add("frames", "Frame cues",
        f"Share of each frame among each group's frame-cue hits (lexicon cues, not a classifier); {nw}.",
        lambda: C.frame_chart(result.frames, result.colors))
    add("keyness", "Distinctive words",
        "Words most distinctive of each group against all other groups pooled: z-score of the weighted log-odds "
        "ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); words used at least twice in the "
        f"corpus; {nw}. z > 1.96 is nominally significant for one word; many words are tested.",
        lambda: C.keyness_chart(result.keyness, result.colors))
    add("positions", "Where loaded terms fall",
        f"Each dot is a loaded term at its position in the article; filled = reporter's own voice, hollow = inside a "
        f"quotation. Lede = the first paragraph of at least {result.parameters.get('lede_min_words', 15)} words and "
        f"anything above it (headline lines); {nw}.",
        lambda: C.position_chart(result.positions, result.colors))
    add("source_verbs", "Verbs for shared sources",
        f"For sources cited by two or more groups (persons and officials matched by surname): the verbs each group "
        f"uses to introduce them, box coloured by the dominant stance; {nw}.",
        lambda: C.source_verbs_chart(result.source_verbs, result.colors))

    out_specs = []
    for s in specs:
        entry = {"name": s["name"], "title": s["title"], "caption": s["caption"], "png": None, "svg": None, "note": None}
        try:
            ax = s["fn"]()
        except C.NoData as exc:
            entry["note"] = f"{s['title']}: not drawn — {exc}."
            out_specs.append(entry)
            continue
        paths = C.save_figure(ax.figure, out / "charts" / s["name"], caption=s["caption"])
        entry["png"], entry["svg"] = paths[0], paths[1]
        out_specs.append(entry)
    return out_specs


# -- tables -----------------------------------------------------------------------------------------------

def _jsonable(df):
    df = df.copy()
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = df[c].map(lambda v: json.dumps(v, ensure_ascii=False, default=str)
                              if isinstance(v, (list, dict, tuple)) else v)
    return df


def _write_tables(result, out: Path, formats) -> list[Path]:
    import pandas as pd

    tdir = out / "tables"
    tdir.mkdir(parents=True, exist_ok=True)
    long = lambda wide, name: (wide.stack().reset_index(name="count").rename(columns={"level_1": name})  # noqa: E731
                               if len(wide) else pd.DataFrame(columns=["group", name, "count"]))
    verbs = long(result.verbs, "stance")
    if len(verbs):
        verbs.columns = ["group", "stance", "count"]
    frames = long(result.frames, "frame")
    if len(frames):
        frames.columns = ["group", "frame", "count"]
    tables = {
        "group_stats": result.stats, "keyness": result.keyness, "term_choice": result.term_choice,
        "loaded_categories": result.categories, "verb_stance": verbs, "sources": result.sources,
        "source_verbs": result.source_verbs, "frames": frames, "loaded_positions": result.positions,
        "tests": pd.DataFrame(result.tests), "documents": result.documents, "spans": result.spans,
    }
    paths = []
    for name, df in tables.items():
        df = _jsonable(df)
        if "csv" in formats:
            p = tdir / f"{name}.csv"
            atomic_write_text(p, df.to_csv(index=False))
            paths.append(p)
        if "parquet" in formats:
            p = tdir / f"{name}.parquet"
            try:
                df2 = df.copy()
                for c in df2.columns:  # mixed object columns -> text, so pyarrow accepts them
                    if df2[c].dtype == object:
                        df2[c] = df2[c].map(lambda v: None if v is None or (isinstance(v, float) and math.isnan(v))
                                            else str(v) if not isinstance(v, str) else v)
                df2.to_parquet(p, index=False)
                paths.append(p)
            except ImportError:
                log.warning("pyarrow is not installed: Parquet tables skipped (pip install 'framelens[parquet]')")
    return paths


# -- the page ---------------------------------------------------------------------------------------------

def _pick_pair(result, docs: _Docs, pair) -> tuple[int, int] | None:
    d = docs.docs
    if pair:
        a, b = pair
        if a not in docs.index or b not in docs.index:
            from ..errors import ConfigError

            raise ConfigError(f"--pair {a} {b}: both must be document ids of the report; e.g. {', '.join(d['id'][:4])}")
        return docs.index[a], docs.index[b]
    if "event" not in d.columns:
        return None
    best = None
    for ev, part in d[d["event"].notna()].groupby("event"):
        if part["group"].nunique() < 2:
            continue
        rate = (part["loaded"] / part["words"].where(part["words"] > 0)).fillna(0) if "loaded" in part else part["words"] * 0
        part = part.assign(_r=rate)
        hi = part.sort_values(["_r", "id"], ascending=[False, True]).iloc[0]
        lo = part[part["group"] != hi["group"]].sort_values(["_r", "id"]).iloc[0]
        key = (part["group"].nunique(), hi["_r"] - lo["_r"])
        if best is None or key > best[0]:
            best = (key, docs.index[hi["id"]], docs.index[lo["id"]])
    return None if best is None else (best[1], best[2])


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    def cell(x):
        return str(x).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def _markdown(result, charts, title) -> str:
    import re

    from .termchoice import dominant_variants

    lines = [f"# {title}", "",
             f"{_plural(len(result.documents), 'article')}, {int(result.documents['words'].sum()):,} words, "
             f"{_plural(len(result.groups), 'group')} by `{result.by}`"
             + (f", event `{result.event}`" if result.event else "") + f". framelens {__version__}.", "",
             "Open `index.html` for the charts and the highlighted articles. Rates are per 1,000 words, pooled over "
             "each group's articles, with 95% intervals in brackets (see docs/methods_compare.md).", ""]
    lines += ["## Findings", ""]
    for f in _findings(result, _Docs(result, 0)):
        lines.append("- " + html.unescape(re.sub(r"<[^>]+>", "", f)))
    lines += ["", "## At a glance", ""]
    tc = result.term_choice
    dom = dominant_variants(tc, None, "author") if len(tc) else {}
    rows = []
    for g in result.groups:
        def v(metric):
            r = result.stat(g, metric)
            if r is None:
                return "–"
            ci = "" if math.isnan(r["ci_low"]) else f" [{_num(r['ci_low'])}–{_num(r['ci_high'])}]"
            return f"{_num(r['pooled'])}{ci} ({int(r['numerator'])})"
        sub = result.documents[result.documents["group"] == g]
        lab = f"“{dom[g][0]}” ({dom[g][1]} of {dom[g][2]})" if g in dom else "–"
        rows.append([g, len(sub), f"{int(sub['words'].sum()):,}", v("loaded"), v("loaded_author"), lab, v("hedges"),
                     v("boosters"), v("attributions") if "attributions" in result.documents else v("quotes")])
    lines.append(_md_table([result.by, "articles", "words", "loaded /1k [CI] (n)", "own voice /1k", "label (own voice)",
                            "hedges /1k", "boosters /1k",
                            "attributions /1k" if "attributions" in result.documents else "quotations /1k"], rows))
    if result.tests:
        lines += ["", "## Permutation tests", ""]
        lines.append(_md_table(["a", "b", "metric", "value a", "value b", "difference", "p", "n a", "n b", "splits"],
                               [[t["a"], t["b"], t["metric"], _num(t["value_a"], 2), _num(t["value_b"], 2),
                                 _num(t["difference"], 2), f"{t['p_value']:.3g}", t["n_a"], t["n_b"],
                                 f"{t['n_perm']} ({'exact' if t['exact'] else 'random'})"] for t in result.tests]))
    if len(tc):
        lines += ["", "## Term choice", ""]
        lines.append(_md_table(["referent", result.by, "variant", "uses", "own voice", "quoted", "share"],
                               [[r.referent, r.group, r.variant, r.count, r.author, r.quoted, f"{r.share:.0%}"]
                                for r in tc.itertuples()]))
    if len(result.keyness):
        lines += ["", "## Distinctive words (top 8 by z)", ""]
        rows = []
        for g, part in result.keyness.groupby("group"):
            rows.append([g, ", ".join(f"{t} ({z:.1f})" for t, z in zip(part["term"].head(8), part["z"].head(8)))])
        lines.append(_md_table([result.by, "term (z)"], rows))
    lines += ["", "## Charts", ""]
    for c in charts:
        if c["png"]:
            lines += [f"![{c['title']}](charts/{Path(c['png']).name})", "", f"*{c['caption']}*", ""]
        else:
            lines += [f"- {c['note']}", ""]
    if result.problems:
        lines += ["## Skipped inputs", ""] + [f"- {p.origin}: {p.reason}" for p in result.problems]
    return "\n".join(lines) + "\n"


def write_report(result, out, *, inline: int = 20, pair=None, formats=("csv", "parquet"), title: str | None = None
                 ) -> list[Path]:
    """Write the report folder ``out`` for a :class:`CompareResult`; returns the files written (not article pages)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    docs = _Docs(result, inline)
    title = title or (f"framelens comparison by {result.by}" + (f" — event {result.event}" if result.event else ""))
    files: list[Path] = []
    files += _write_tables(result, out, formats)
    charts = _charts(result, out)
    files += [c[k] for c in charts for k in ("png", "svg") if c[k]]
    n = len(docs.docs)
    parts = [f"<h1>{esc(title)}</h1>",
             f'<p class="lead">{_plural(n, "article")}, {int(docs.docs["words"].sum()):,} words, '
             f'{_plural(len(result.groups), "group")} by <code>{esc(result.by)}</code>'
             + (f", event <code>{esc(result.event)}</code>" if result.event else "")
             + f". Generated {_dt.date.today().isoformat()} by framelens {esc(__version__)}. "
             "Rates are per 1,000 words, pooled over each group's articles; brackets are 95% intervals; "
             "× = count. Click a number to see the highlighted text it counts.</p>",
             '<nav class="toc"><a href="#findings">Findings</a><a href="#glance">At a glance</a>'
             '<a href="#charts">Charts</a><a href="#termchoice">Term choice</a><a href="#keyness">Distinctive words</a>'
             '<a href="#sources">Sources</a><a href="#pair">Side by side</a><a href="#articles">Articles</a>'
             '<a href="#method">Method</a></nav>',
             '<h2 id="findings">Findings</h2><ul class="findings">'
             + "".join(f"<li>{f}</li>" for f in _findings(result, docs)) + "</ul>",
             '<h2 id="glance">At a glance</h2>', _summary_table(result, docs)]
    if result.tests:
        rows = "".join(
            f"<tr><td>{esc(t['a'])}</td><td>{esc(t['b'])}</td><td>{esc(t['metric'])} ({esc(t['statistic'])}, "
            f"{esc(t['unit'])})</td><td class=num>{_num(t['value_a'], 2)}</td><td class=num>{_num(t['value_b'], 2)}</td>"
            f"<td class=num>{_num(t['difference'], 2)}</td><td class=num>{t['p_value']:.3g}</td>"
            f"<td class=num>{t['n_a']} / {t['n_b']}</td><td>{t['n_perm']} {'(all splits, exact)' if t['exact'] else 'random splits'}</td></tr>"
            for t in result.tests)
        parts.append('<h3>Permutation tests</h3><table><tr><th>a</th><th>b</th><th>metric</th><th class=num>a</th>'
                     '<th class=num>b</th><th class=num>a − b</th><th class=num>p (two-sided)</th><th class=num>'
                     'articles</th><th>splits</th></tr>' + rows + "</table>")
    parts.append('<h2 id="charts">Charts</h2>')
    for c in charts:
        if c["png"]:
            data = base64.b64encode(Path(c["png"]).read_bytes()).decode("ascii")
            parts.append(f'<figure id="chart-{esc(c["name"])}"><img alt="{esc(c["title"])}: {esc(c["caption"])}" '
                         f'src="data:image/png;base64,{data}"><figcaption>{esc(c["caption"])} '
                         f'Files: charts/{esc(c["name"])}.png, .svg</figcaption></figure>')
        else:
            parts.append(f'<p class="note" id="chart-{esc(c["name"])}">{esc(c["note"])}</p>')
    # term choice table
    tc = result.term_choice
    parts.append('<h2 id="termchoice">Term choice</h2>')
    if len(tc):
        parts.append('<p class="lead">For each referent group, the variant each group uses; own voice = the '
                     "reporter's words; quoted = inside quotation marks. Mentions are excluded.</p>")
        rows = "".join(
            f"<tr><td>{esc(r.referent.replace('_', ' '))}</td><td>{_sw(result, r.group)}{esc(r.group)}</td>"
            f"<td>{esc(r.variant)}</td><td class=num>{int(r.severity)}</td><td class=num>{r.count}</td>"
            f"<td class=num>{r.author}</td><td class=num>{r.quoted}</td><td class=num>{r.share:.0%}</td>"
            f"<td class=num>{r.docs_using} of {r.n_docs}</td></tr>" for r in tc.itertuples())
        parts.append('<div class="scroll"><table><tr><th>referent</th><th>group</th><th>variant</th>'
                     '<th class=num>severity</th><th class=num>uses</th><th class=num>own voice</th><th class=num>quoted'
                     '</th><th class=num>share</th><th class=num>articles using</th></tr>' + rows + "</table></div>")
    else:
        parts.append('<p class="note">No loaded-term entry with a referent group was found.</p>')
    # keyness
    parts.append('<h2 id="keyness">Distinctive words</h2>')
    if len(result.keyness):
        rows = []
        for g, part in result.keyness.groupby("group"):
            part = part.head(12)
            terms = ", ".join(f"{esc(t)} <span class=ci>{z:.1f}</span>" for t, z in zip(part["term"], part["z"]))
            rows.append(f"<tr><td>{_sw(result, g)}{esc(g)}</td><td class=num>{int(part['n_docs'].iloc[0])}</td>"
                        f"<td class=num>{int(part['n_tokens'].iloc[0]):,}</td><td>{terms}</td></tr>")
        parts.append('<p class="lead">Top 12 words by z-score (weighted log-odds, informative Dirichlet prior) against '
                     'all other groups; full table in tables/keyness.csv.</p><table><tr><th>group</th><th class=num>'
                     'articles</th><th class=num>tokens</th><th>word (z)</th></tr>' + "".join(rows) + "</table>")
    else:
        parts.append('<p class="note">Keyness needs at least two groups.</p>')
    # sources
    parts.append('<h2 id="sources">Sources: who cites whom</h2>')
    if len(result.sources):
        rows = []
        for g in result.groups:
            part = result.sources[result.sources["group"] == g].head(10)
            names = ", ".join(f"{esc(s)} <span class=ci>{esc(t) if isinstance(t, str) else ''} ×{int(c)}</span>"
                              for s, t, c in zip(part["source"], part["source_type"], part["count"]))
            rows.append(f"<tr><td>{_sw(result, g)}{esc(g)}</td><td>{names or '–'}</td></tr>")
        parts.append("<table><tr><th>group</th><th>sources cited (type ×count)</th></tr>" + "".join(rows) + "</table>")
    else:
        parts.append('<p class="note">No attribution spans in this analysis (the attribution extractor did not run or '
                     "found no sources), so the report cannot say who cites whom. Quotations and reporting verbs are "
                     "still highlighted in the articles.</p>")
    # side by side
    parts.append('<h2 id="pair">Side by side</h2>')
    pr = _pick_pair(result, docs, pair)
    if pr:
        a, b = pr
        ev = docs.docs.iloc[a].get("event")
        parts.append(f'<p class="lead">Two articles on the same event{" (" + esc(ev) + ")" if isinstance(ev, str) else ""}: '
                     "by default the pair from different groups with the largest gap in loaded-term rate "
                     "(choose another with <code>--pair ID ID</code>).</p>")
        parts.append('<div class="pair">'
                     + _article_html(result, docs, a, id_prefix="pair-", sid_attr="data-pid")
                     + _article_html(result, docs, b, id_prefix="pair-", sid_attr="data-pid") + "</div>")
    else:
        parts.append('<p class="note">No event is covered by two different groups, so there is no pair to show.</p>')
    # same facts, different words (only when documents share an event)
    facts_html, facts_files, facts_md = _alignment_section(result, out, docs, formats)
    if facts_html:
        parts.append(facts_html)
        files += facts_files
        parts[2] = parts[2].replace('<a href="#pair">', '<a href="#facts">Same facts</a><a href="#pair">', 1)
    # articles
    parts.append('<h2 id="articles">Articles</h2>')
    parts.append(_legend())
    shown = sorted(docs.inline)
    if n > len(shown):
        parts.append(f'<p class="note">The first {len(shown)} of {n:,} articles are shown here; the others have their '
                     f'own pages under articles/ (linked in the list below'
                     + (f"; pages are written for the first {MAX_ARTICLE_PAGES:,} only" if n > MAX_ARTICLE_PAGES else "")
                     + ").</p>")
    parts.append(_article_list(result, docs, MAX_INDEX_ROWS))
    parts.append('<section id="inline-articles">' + "".join(_article_html(result, docs, i) for i in shown) + "</section>")
    parts.append(_method_html(result, charts))
    page = _page(title, "\n".join(parts), result.colors)
    atomic_write_text(out / "index.html", page)
    files.append(out / "index.html")
    # article pages
    if n > len(shown):
        adir = out / "articles"
        adir.mkdir(parents=True, exist_ok=True)
        for i in range(len(shown), min(n, MAX_ARTICLE_PAGES)):
            body = (f'<p><a href="../index.html">← back to the report</a></p>{_legend()}'
                    + _article_html(result, docs, i))
            atomic_write_text(adir / f"{i}.html", _page(f"{docs.docs.iloc[i]['id']} — {title}", body, result.colors))
        atomic_write_text(adir / "index.html", _page(f"Articles — {title}",
                                                     '<p><a href="../index.html">← back to the report</a></p>'
                                                     + _article_list(result, docs, None, prefix="../"), result.colors))
    md = _markdown(result, charts, title)
    if facts_md:
        md = md + facts_md + "\n"
    atomic_write_text(out / "summary.md", md)
    files.append(out / "summary.md")
    return files


def _article_list(result, docs: _Docs, limit: int | None, prefix: str = "") -> str:
    d = docs.docs
    rows = []
    for i in range(len(d) if limit is None else min(limit, len(d))):
        r = d.iloc[i]
        href = docs.href(r["id"])
        if href and prefix:
            href = prefix + ("index.html" + href if href.startswith("#") else href)
        title = esc(r.get("title") if isinstance(r.get("title"), str) else r["id"])
        rows.append(f"<tr><td>{_sw(result, r['group'])}{esc(r['group'])}</td><td>{_link(title, href)}</td>"
                    f"<td>{esc(r.get('date') if isinstance(r.get('date'), str) else '')}</td>"
                    f"<td class=num>{int(r['words']):,}</td><td class=num>{int(r.get('loaded', 0) or 0)}</td>"
                    f"<td class=num>{int(r.get('hedges', 0) or 0)}</td><td class=num>{int(r.get('boosters', 0) or 0)}</td></tr>")
    more = ""
    if limit is not None and len(d) > limit:
        more = f'<p class="note">{len(d) - limit:,} more articles: see <a href="articles/index.html">articles/index.html</a>.</p>'
    return ('<div class="scroll"><table class="articles"><tr><th>group</th><th>title</th><th>date</th><th class=num>'
            'words</th><th class=num>loaded</th><th class=num>hedges</th><th class=num>boosters</th></tr>'
            + "".join(rows) + "</table></div>" + more)


def _method_html(result, charts) -> str:
    p = result.parameters
    notes = [c["note"] for c in charts if c["note"]]
    skipped = ""
    if result.problems:
        skipped = ("<h3>Skipped inputs</h3><ul>" + "".join(f"<li>{esc(x.origin)}: {esc(x.reason)}</li>"
                                                           for x in result.problems) + "</ul>")
    lex = ", ".join(f"{esc(r.get('name'))}@{esc(r.get('version'))}" for r in result.resources) or "see manifest.json"
    return (f'<h2 id="method">Method and limits</h2><ul>'
            f"<li>Counts come from framelens lexicons ({lex}); a count is only as good as the word list: a term not in "
            f"a lexicon is not counted, and context is not judged (see docs/methods_compare.md).</li>"
            f"<li>Loaded terms: uses with severity ≥ 1; mentions (a word discussed as a word) and neutral variants are "
            f"not counted. “Own voice” excludes text inside quotation marks.</li>"
            f"<li>Rates are pooled (all words of a group together). 95% intervals: bootstrap over articles "
            f"({p.get('n_boot')} resamples, seed {p.get('seed')}); a group with one article gets an exact Poisson "
            f"interval of its count, which ignores variation between articles.</li>"
            f"<li>Keyness: weighted log-odds with an informative Dirichlet prior (the pooled corpus), one group against "
            f"all others; z-scores are not corrected for the many words tested.</li>"
            f"<li>Exact numbers, parameters, lexicon versions and input hashes: tables/ and manifest.json.</li>"
            + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>" + skipped
            + f"<footer>framelens {esc(__version__)} · by={esc(result.by)} · event={esc(result.event)}</footer>")


# -- same facts, different words (framelens.align) --------------------------------------------------------

_ALIGN_CSS = """
.facts-map td,.facts-map th{padding:.2rem .35rem;font-size:.8rem;text-align:center}
.facts-map td.lab{text-align:left;max-width:34rem}
.facts-map td.on{font-weight:600} .facts-map td.on a{color:#111;text-decoration:none;display:block}
.facts-map td.off{color:#bbb;background:#f7f7f7}
.unit{border:1px solid #ddd;border-radius:6px;padding:.5rem .8rem;margin:1rem 0}
.unit h4{margin:.1rem 0 .4rem;font-size:.98rem}
.versions{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.6rem}
.version{border:1px solid #e3e3e3;border-top-width:5px;border-radius:4px;padding:.4rem .55rem;font-size:.86rem}
.version.absent{background:#f7f7f7;color:#888;border-top-color:#ddd}
.version .vmeta{font-size:.76rem;color:#555;margin:.25rem 0 0}
.version .vtext{line-height:1.55}
mark.diff{background:#FFE08A;padding:0 .1rem;border-radius:2px}
.version:target,.unit:target{outline:3px solid #0072B2;outline-offset:2px}
"""


def _fmt_pos(r) -> str:
    if r is None or not bool(r.get("present")):
        return "–"
    if bool(r.get("lede")):
        return "lede"
    pos = r.get("position")
    return "–" if pos is None or (isinstance(pos, float) and math.isnan(pos)) else f"{float(pos):.0%}"


def _diff_html(marked) -> str:
    if isinstance(marked, str):
        marked = json.loads(marked)
    return "".join(f'<mark class="diff">{esc(t)}</mark>' if c else esc(t) for t, c in marked)


def _version_meta(v: dict, s: dict) -> str:
    bits = [f"sentence {int(s['sentence'])}", "lede" if s.get("lede") else f"at {float(s['position']):.0%}"
            + (" (last third)" if s.get("buried") else ""),
            {"reporter": "reporter's statement", "attributed": "attributed claim", "quotation": "quotation"}.get(
                str(s.get("voice")), str(s.get("voice")))]
    if v.get("source") is not None and isinstance(v.get("source"), str):
        cue = f" — “{v['cue']}”" if isinstance(v.get("cue"), str) else ""
        st = f" ({v['stance']})" if isinstance(v.get("stance"), str) else ""
        bits.append(f"source: {v['source']}{cue}{st}")
    for key, name in (("loaded", "loaded"), ("hedges", "hedges"), ("boosters", "boosters"), ("verbs", "verbs")):
        if isinstance(v.get(key), str) and v[key]:
            bits.append(f"{name}: {v[key]}")
    return " · ".join(esc(b) for b in bits)


def alignment_html(res, colors: dict[str, str], *, key: str = "e1", chart_png: Path | None = None,
                   doc_href=None, max_units: int | None = None) -> str:
    """HTML of one event's fact alignment: coverage summary, a clickable fact-by-article table, and every
    unit's versions side by side with the differing words marked. Anchors: ``{key}-{unit}`` for a unit,
    ``{key}-{unit}-d{k}`` for its version in the k-th document. All text is escaped.

    ``doc_href``: optional function doc id -> link to the highlighted article (the compare report).
    """
    docs = list(res.documents["doc_id"])
    dk = {d: k for k, d in enumerate(docs)}
    outlet = dict(zip(res.documents["doc_id"], res.documents["outlet"]))
    facts = {(r["unit"], r["doc_id"]): r for r in res.facts.to_dict("records")}
    sents = res.sentences[res.sentences["unit"].notna()]
    phr = {(r["unit"], r["doc_id"], int(r["sentence"])): r for r in res.phrasing.to_dict("records")}
    units = res.units
    shared = units[units["n_docs"] >= 2]
    single = units[units["n_docs"] < 2]
    ev = res.event if res.event is not None else "(all documents)"
    parts = [f"<style>{_ALIGN_CSS}</style>",
             f'<h3 id="{esc(key)}">Event <code>{esc(ev)}</code>: {len(docs)} articles, {len(units)} fact units, '
             f"{len(shared)} reported by two or more articles</h3>"]
    parts.append('<p class="lead">Sentences of different articles that report the same fact or claim are grouped '
                 "into units (TF-IDF word and character n-grams, shared numbers, names and quotations; "
                 f"average-linkage clustering at similarity ≥ {res.parameters.get('threshold')}). Units are in order "
                 "of first report. Click a unit to see its versions side by side; click a cell to jump to one "
                 "article's version. Method and limits: docs/methods_align.md.</p>")
    if chart_png is not None and Path(chart_png).is_file():
        data = base64.b64encode(Path(chart_png).read_bytes()).decode("ascii")
        parts.append(f'<figure><img alt="Coverage map: which article reports which fact unit" '
                     f'src="data:image/png;base64,{data}"><figcaption>Coverage map: units carried by two or more '
                     "articles (rows, in order of first report) by article (columns, in the outlet's colour); cell = "
                     "where the first version sits (L = lede), bold frame = last third of the article.</figcaption>"
                     "</figure>")
    # coverage summary per outlet
    rows = []
    for r in res.coverage.to_dict("records"):
        def ulinks(ids):
            return ", ".join(f'<a href="#{esc(key)}-{esc(u)}">{esc(u)}</a>' for u in str(ids).split(";") if u) or "–"
        rows.append(f"<tr><td>{_sw_color(colors.get(r['outlet']))}{esc(r['outlet'])}</td><td class=num>{r['units']}</td>"
                    f"<td class=num>{r['core_carried']} of {r['core']}</td><td class=num>{r['exclusive']}</td>"
                    f"<td class=num>{r['omitted']}</td><td class=num>{r['lede']}</td><td class=num>{r['buried']}</td>"
                    f"<td class=num>{r['reporter']} / {r['attributed']} / {r['quotation']}</td>"
                    f"<td>{ulinks(r['omitted_units'])}</td><td>{ulinks(r['exclusive_units'])}</td></tr>")
    parts.append('<div class="scroll"><table><tr><th>outlet</th><th class=num>units</th><th class=num>core units<br>'
                 '(most outlets)</th><th class=num>reported,<br>most others omit</th><th class=num>omitted,<br>most '
                 'others report</th><th class=num>in lede</th><th class=num>last third</th><th class=num>reporter / '
                 'attributed / quoted</th><th>omitted units</th><th>own units</th></tr>' + "".join(rows)
                 + "</table></div>")
    # clickable fact-by-article table
    head = "".join(f"<th>{_sw_color(colors.get(outlet[d]))}{esc(_cut(outlet[d], 22))}</th>" for d in docs)
    trs = []
    for u in shared.to_dict("records"):
        cells = []
        for d in docs:
            f = facts.get((u["unit"], d))
            if f is not None and bool(f["present"]):
                cells.append(f'<td class="on" style="background:{esc(colors.get(outlet[d], "#ccc"))}55">'
                             f'<a href="#{esc(key)}-{esc(u["unit"])}-d{dk[d]}">{esc(_fmt_pos(f))}</a></td>')
            else:
                cells.append('<td class="off">–</td>')
        trs.append(f'<tr><td><a href="#{esc(key)}-{esc(u["unit"])}">{esc(u["unit"])}</a></td>'
                   f'<td class="lab">{esc(_cut(u["label"], 110))}</td>' + "".join(cells) + "</tr>")
    parts.append('<div class="scroll"><table class="facts-map"><tr><th>unit</th><th>label (most central version)'
                 f"</th>{head}</tr>" + "".join(trs) + "</table></div>")
    # every shared unit side by side
    shown = shared if max_units is None else shared.head(max_units)
    for u in shown.to_dict("records"):
        mine = sents[sents["unit"] == u["unit"]]
        boxes = []
        for d in docs:
            part = mine[mine["doc_id"] == d].sort_values("sentence")
            col = esc(colors.get(outlet[d], "#777"))
            if part.empty:
                boxes.append(f'<div class="version absent" id="{esc(key)}-{esc(u["unit"])}-d{dk[d]}">'
                             f"<strong>{esc(outlet[d])}</strong><div class=vtext>not reported</div></div>")
                continue
            inner = []
            for s in part.to_dict("records"):
                v = phr.get((u["unit"], d, int(s["sentence"])), {})
                text = _diff_html(v["marked"]) if v.get("marked") is not None else esc(s["text"])
                inner.append(f'<div class="vtext">{text}</div><div class="vmeta">{_version_meta(v, s)}</div>')
            link = doc_href(d) if doc_href else None
            ctx = f' · <a href="{esc(link)}">in the article</a>' if link else ""
            boxes.append(f'<div class="version" id="{esc(key)}-{esc(u["unit"])}-d{dk[d]}" style="border-top-color:{col}">'
                         f"<strong>{esc(outlet[d])}</strong>{ctx}" + "".join(inner) + "</div>")
        parts.append(f'<section class="unit" id="{esc(key)}-{esc(u["unit"])}"><h4>{esc(u["unit"])} — '
                     f'{esc(_cut(u["label"], 160))} <span class="ci">({u["n_docs"]} of {len(docs)} articles; '
                     f"cohesion {u['cohesion']:.2f})</span></h4>"
                     '<p class="ci">Marked: words that differ from the label version (the label version is compared '
                     "with the next version).</p>"
                     f'<div class="versions">{"".join(boxes)}</div></section>')
    if max_units is not None and len(shared) > max_units:
        parts.append(f'<p class="note">{len(shared) - max_units} more shared units: see facts.csv.</p>')
    if len(single):
        items = []
        for u in single.to_dict("records"):
            d = u["label_doc"]
            items.append(f'<li id="{esc(key)}-{esc(u["unit"])}"><a id="{esc(key)}-{esc(u["unit"])}-d{dk[d]}"></a>'
                         f"{esc(u['unit'])} {_sw_color(colors.get(outlet[d]))}{esc(outlet[d])}: {esc(u['label'])}</li>")
        parts.append(f"<details><summary>{len(single)} units reported by one article only</summary><ul>"
                     + "".join(items) + "</ul></details>")
    return "\n".join(parts)


def _sw_color(color: str | None) -> str:
    return f'<span class="sw" style="background:{esc(color or "#777")}"></span>'


def _cut(text: Any, width: int) -> str:
    t = " ".join(str(text).split())
    return t if len(t) <= width else t[: width - 1] + "…"


def write_alignment_files(alignments: dict, out: Path, colors: dict[str, str], *, tables_dir: Path | None = None,
                          charts_dir: Path | None = None, formats=("csv",)) -> tuple[list[Path], dict]:
    """Write facts/units/coverage/phrasing/sentences tables (all events together, with an ``event`` column)
    and one coverage-map chart per event. Returns (files, {event: png path or None})."""
    import pandas as pd

    from . import charts as C

    out = Path(out)
    tables_dir = tables_dir or out
    charts_dir = charts_dir or out / "charts"
    files: list[Path] = []
    pngs: dict = {}
    multi = len(alignments) > 1
    for k, (ev, res) in enumerate(alignments.items(), 1):
        try:
            ax = C.coverage_map(res.facts, res.units, colors)
        except C.NoData as exc:
            log.info("coverage map of event %s not drawn: %s", ev, exc)
            pngs[ev] = None
            continue
        stem = charts_dir / (f"coverage_map_{k}" if multi else "coverage_map")
        paths = C.save_figure(ax.figure, stem, caption=f"Event {ev}: fact units carried by 2+ articles (rows, in "
                              f"order of first report) x articles; cell = position of the first version (L = lede), "
                              f"bold frame = last third; – = not reported. framelens.align, threshold "
                              f"{res.parameters.get('threshold')}.")
        files += paths
        pngs[ev] = paths[0]

    def cat(attr, add_event=True):
        frames = []
        for ev, res in alignments.items():
            df = getattr(res, attr).copy()
            if add_event and "event" not in df.columns:
                df.insert(0, "event", ev)
            frames.append(df)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    tables = {"facts": cat("facts", add_event=False), "fact_units": cat("units"), "fact_coverage": cat("coverage"),
              "fact_phrasing": cat("phrasing"), "fact_sentences": cat("sentences")}
    tables_dir.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        df = _jsonable(df)
        for c in ("present", "lede", "buried", "aligned", "central", "reference"):
            if c in df.columns and df[c].dtype == bool:  # the facts.csv contract: true/false
                df[c] = df[c].map({True: "true", False: "false"})
        if "csv" in formats:
            p = tables_dir / f"{name}.csv"
            atomic_write_text(p, df.to_csv(index=False))
            files.append(p)
    return files, pngs


def write_alignment_report(alignments: dict, out, *, title: str | None = None, colors: dict[str, str] | None = None
                           ) -> list[Path]:
    """The output folder of ``framelens align``: facts.csv (the contract), units.csv, coverage.csv,
    phrasing.csv, sentences.csv, charts/coverage_map*.png/svg and a self-contained index.html."""
    from .palette import group_colors

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    colors = colors or group_colors({o for r in alignments.values() for o in r.documents["outlet"]})
    files, pngs = write_alignment_files(alignments, out, colors)
    renames = {"fact_units": "units", "fact_coverage": "coverage", "fact_phrasing": "phrasing",
               "fact_sentences": "sentences"}
    final = []
    for p in files:
        stem = Path(p).stem
        if Path(p).suffix == ".csv" and stem in renames:
            target = Path(p).with_name(renames[stem] + ".csv")
            Path(p).replace(target)
            final.append(target)
        else:
            final.append(Path(p))
    title = title or "framelens: same facts, different words"
    body = [f"<h1>{esc(title)}</h1>",
            f'<p class="lead">{len(alignments)} event(s). Generated {_dt.date.today().isoformat()} by framelens '
            f"{esc(__version__)}. Tables: facts.csv (one row per unit and article), units.csv, coverage.csv, "
            "phrasing.csv, sentences.csv.</p>"]
    if len(alignments) > 1:
        body.append('<nav class="toc">' + "".join(f'<a href="#e{k}">{esc(ev)}</a>'
                                                  for k, ev in enumerate(alignments, 1)) + "</nav>")
    for k, (ev, res) in enumerate(alignments.items(), 1):
        body.append(alignment_html(res, colors, key=f"e{k}", chart_png=pngs.get(ev)))
    atomic_write_text(out / "index.html", _page(title, "\n".join(body), colors))
    final.append(out / "index.html")
    return final


def _alignment_markdown(alignments: dict) -> str:
    lines = ["", "## Same facts, different words", ""]
    for ev, res in alignments.items():
        u = res.units
        lines += [f"### Event `{ev}`: {len(u)} fact units, {int((u['n_docs'] >= 2).sum())} reported by two or more "
                  "articles", ""]
        lines.append(_md_table(["outlet", "units", "core carried", "reported, most others omit",
                                "omitted, most others report", "in lede", "last third", "reporter/attributed/quoted"],
                               [[r["outlet"], r["units"], f"{r['core_carried']} of {r['core']}", r["exclusive"],
                                 r["omitted"], r["lede"], r["buried"],
                                 f"{r['reporter']}/{r['attributed']}/{r['quotation']}"]
                                for r in res.coverage.to_dict("records")]))
        lines.append("")
    return "\n".join(lines)


def _alignment_section(result, out: Path, docs: "_Docs", formats) -> tuple[str, list[Path], str]:
    """The report's "Same facts" section (HTML, files written, Markdown), or empty when no event is shared."""
    alignments = getattr(result, "alignment", None) or {}
    if not alignments:
        return "", [], ""
    colors = result.colors if result.by == "outlet" else None
    if colors is None:
        from .palette import group_colors

        colors = group_colors({o for r in alignments.values() for o in r.documents["outlet"]})
    files, pngs = write_alignment_files(alignments, out, colors, tables_dir=out / "tables", charts_dir=out / "charts",
                                        formats=("csv",))
    parts = ['<h2 id="facts">Same facts, different words</h2>']
    for k, (ev, res) in enumerate(alignments.items(), 1):
        parts.append(alignment_html(res, colors, key=f"facts-e{k}", chart_png=pngs.get(ev),
                                    doc_href=lambda d: docs.href(d), max_units=200))
    return "\n".join(parts), files, _alignment_markdown(alignments)
