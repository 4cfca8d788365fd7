"""summary.md: the report's findings, summary table, tests, term choice, distinctive words and charts as
Markdown.

Every value that comes from the data (outlet and group names, titles, terms, findings, file names,
problem messages) goes through :func:`md_text`, so a Markdown viewer that renders HTML never runs
markup from a corpus and no value can open a link or an image: ``<``, ``>`` and ``&`` become
entities, the backslash, the backtick and every ``]`` that could close a link or an image (before
``(``, ``[`` or ``:``, or at the end of the value) are backslash-escaped, control characters and newlines become spaces.
"""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

from ..._version import __version__
from ..termchoice import dominant_variants
from .articles import DocIndex
from .findings import findings, plain
from .render import num, plural

__all__ = ["md_code", "md_table", "md_text", "markdown", "alignment_markdown"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# a backslash, a backtick, and a "]" that would end link text: ](url) [ref] ][ ]: (definition)
_MD_ESCAPE = re.compile(r"([\\`]|\](?=[(\[:]|$))")  # at the end too: the text that follows is not known


def md_text(value) -> str:
    """``value`` as inert Markdown text: shows as written, never becomes HTML, a link, an image or code.

    Parameters
    ----------
    value : Any
        Text from the data (``str()`` of anything else).

    Returns
    -------
    str
        One line, without leading or trailing spaces: control characters (newlines included) become spaces,
        ``&<>`` entities, and the backslash, the backtick and a ``]`` before ``(``, ``[``, ``:`` or at the end
        are backslash-escaped (CommonMark: they then show literally, and no inline link, image, reference
        or code span can form).
    """
    s = _CONTROL.sub(" ", str(value)).strip(" ")  # leading spaces could make an indented code block
    s = html.escape(s, quote=False)
    return _MD_ESCAPE.sub(r"\\\1", s)


def md_code(value) -> str:
    """``value`` as an inline code span (nothing inside is rendered), or as :func:`md_text` when it holds a
    backtick or a control character that would end the span."""
    s = str(value)
    if not s or "`" in s or _CONTROL.search(s):
        return md_text(s)
    return f"`{s}`"


def md_table(header: list, rows: list[list]) -> str:
    """A pipe table; every cell goes through :func:`md_text` and ``|`` is escaped."""
    def cell(x):
        return md_text(x).replace("|", "\\|")
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def _value(result, g, metric: str) -> str:
    r = result.stat(g, metric)
    if r is None:
        return "–"
    ci = "" if math.isnan(r["ci_low"]) else f" [{num(r['ci_low'])}–{num(r['ci_high'])}]"
    return f"{num(r['pooled'])}{ci} ({int(r['numerator'])})"


def markdown(result, charts: list[dict], title: str) -> str:
    """The text of summary.md."""
    docs = result.documents
    lines = [f"# {md_text(title)}", "",
             f"{plural(len(docs), 'article')}, {int(docs['words'].sum()):,} words, "
             f"{plural(len(result.groups), 'group')} by {md_code(result.by)}"
             + (f", event {md_code(result.event)}" if result.event else "") + f". framelens {__version__}.", "",
             "Open `index.html` for the charts and the highlighted articles. Rates are per 1,000 words, pooled over "
             "each group's articles, with 95% intervals in brackets (see docs/methods_compare.md).", ""]
    lines += ["## Findings", ""]
    lines += ["- " + md_text(plain(f)) for f in findings(result, DocIndex(result, 0))]
    lines += ["", "## At a glance", ""]
    tc = result.term_choice
    dom = dominant_variants(tc, None, "author") if len(tc) else {}
    has_attr = "attributions" in docs
    rows = []
    for g in result.groups:
        sub = docs[docs["group"] == g]
        lab = f"“{dom[g][0]}” ({dom[g][1]} of {dom[g][2]})" if g in dom else "–"
        rows.append([g + _flag(result, g), len(sub), f"{int(sub['words'].sum()):,}", _value(result, g, "loaded"),
                     _value(result, g, "loaded_author"), lab, _value(result, g, "hedges"),
                     _value(result, g, "boosters"), _value(result, g, "attributions" if has_attr else "quotes")])
    lines.append(md_table([result.by, "articles", "words", "loaded /1k [CI] (n)", "own voice /1k", "label (own voice)",
                           "hedges /1k", "boosters /1k", "attributions /1k" if has_attr else "quotations /1k"], rows))
    if result.tests:
        lines += ["", "## Permutation tests", ""]
        lines.append(md_table(["a", "b", "metric", "value a", "value b", "difference", "p", "n a", "n b", "splits"],
                              [[t["a"], t["b"], t["metric"], num(t["value_a"], 2), num(t["value_b"], 2),
                                num(t["difference"], 2), f"{t['p_value']:.3g}", t["n_a"], t["n_b"],
                                f"{t['n_perm']} ({'exact' if t['exact'] else 'random'})"] for t in result.tests]))
    if len(tc):
        lines += ["", "## Term choice", ""]
        lines.append(md_table(["referent", result.by, "variant", "uses", "own voice", "quoted", "share"],
                              [[r.referent, r.group, r.variant, r.count, r.author, r.quoted, f"{r.share:.0%}"]
                               for r in tc.itertuples()]))
    if len(result.keyness):
        lines += ["", "## Distinctive words (top 8 by z)", ""]
        rows = [[g, ", ".join(f"{t} ({z:.1f})" for t, z in zip(part["term"].head(8), part["z"].head(8)))]
                for g, part in result.keyness.groupby("group")]
        lines.append(md_table([result.by, "term (z)"], rows))
    lines += ["", "## Charts", ""]
    if not any(c["png"] or c["note"] for c in charts):
        lines += ["Charts were not drawn for this report.", ""]
    for c in charts:
        if c["png"]:
            lines += [f"![{md_text(c['title'])}](charts/{Path(c['png']).name})", "", f"*{md_text(c['caption'])}*", ""]
        elif c["note"]:
            lines += [f"- {md_text(c['note'])}", ""]
    if result.problems:
        lines += ["## Skipped inputs", ""] + [f"- {md_text(p.origin)}: {md_text(p.reason)}" for p in result.problems]
    return "\n".join(lines) + "\n"


def alignment_markdown(alignments: dict) -> str:
    """The "Same facts, different words" part of summary.md (one coverage table per event)."""
    lines = ["", "## Same facts, different words", ""]
    for ev, res in alignments.items():
        u = res.units
        lines += [f"### Event {md_code(ev)}: {len(u)} fact units, {int((u['n_docs'] >= 2).sum())} reported by two "
                  "or more articles", ""]
        lines.append(md_table(["outlet", "units", "core facts carried", "reported by no other outlet",
                               "core facts omitted", "in lede", "last third", "reporter/attributed/quoted"],
                              [[r["outlet"], r["units"], f"{r['core_carried']} of {r['core']}" if r["core"] else "–", r["exclusive"],
                                r["omitted"], r["lede"], r["buried"],
                                f"{r['reporter']}/{r['attributed']}/{r['quotation']}"]
                               for r in res.coverage.to_dict("records")]))
        lines.append("")
    return "\n".join(lines)


def _flag(result, g) -> str:
    """" — flagged (reason)" after a group that the small-sample safeguards flag, else ""."""
    fl = getattr(result, "flags", None)
    if fl is None or not len(fl):
        return ""
    row = fl[fl["group"] == g]
    return f" — flagged ({row['flag_reason'].iloc[0]})" if len(row) and bool(row["flagged"].iloc[0]) else ""
