"""Span highlighting: text with its spans wrapped in elements, built from sorted boundaries.

Shared by the comparison report (:mod:`framelens.compare.report.articles` re-exports
these names) and the notebook views (:mod:`framelens.view.html`). Which kinds are
highlighted, in which layer, with which element and tooltip, is read from the
registered span kinds (:func:`framelens.extract.registry.kind_specs`, each a
:class:`framelens.kinds.KindSpec`): a kind registered by a researcher's own
extractor with a :class:`~framelens.kinds.Style` is highlighted without editing
this module; a kind without a style is not highlighted.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Iterable, Mapping

from markupsafe import Markup, escape

from ..extract.registry import kind_specs
from ..kinds import KindSpec, Style, span_value

__all__ = ["SAFE_NAME", "highlight_styles", "shown_kinds", "span_tip", "highlight", "kind_css", "layer_css",
           "HIDDEN_CSS"]

log = logging.getLogger("framelens")

#: A kind name usable in a class name and a CSS selector (other kinds are not highlighted).
SAFE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


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


def span_tip(span: dict, specs: dict[str, KindSpec] | None = None) -> str:
    """Plain-text tooltip of one span: the lines its kind's spec gives (:meth:`KindSpec.tooltip_lines`);
    a kind nobody declares gets the generic lines (kind and label, voice, entry)."""
    kind = str(span.get("kind"))
    spec = (kind_specs() if specs is None else specs).get(kind) or KindSpec(kind, "")
    return "\n".join(spec.tooltip_lines(span))


def kind_css(styles: Mapping[str, Style], *, scope: str = "", variant_colors: Mapping[str, str] | None = None) -> str:
    """CSS rules of the highlighted kinds (``{kind: Style}``, from :func:`highlight_styles`): the kind's own
    declarations under ``.k-<kind>``, prefixed by ``scope`` (e.g. ``".framelens "``); with ``variant_colors``
    (value -> colour; default: the style's own ``variant_colors``) also one rule per value for kinds whose
    style names a ``variant_field``."""
    rules = [f"{scope}.k-{k}{{{s.css}}}" for k, s in styles.items()]
    for k, s in styles.items():
        colors = dict(variant_colors) if variant_colors else dict(s.variant_colors)
        if s.variant_field and colors:
            rules += [f"{scope}.k-{k}.st-{v}{{outline-color:{c};background:{c}33}}" for v, c in colors.items()
                      if SAFE_NAME.match(v) and re.fullmatch(r"#[0-9A-Fa-f]{3,8}", c)]
    return "\n".join(rules)


#: Declarations that switch a highlight off (layout kept: borders become transparent rather than removed).
HIDDEN_CSS = ("background:none!important;box-shadow:none!important;text-decoration:none!important;"
              "outline:none!important;border-color:transparent!important;cursor:text")


def layer_css(styles: Mapping[str, Style], *, scope: str = ".text ") -> str:
    """CSS that hides a kind's highlights while the page's checkbox ``#layer-<kind>`` is not ticked.

    Pure CSS (``:has()``), so the layer switches work without script; the checkboxes (the legend of
    ``macros.html.j2``) start ticked as the kind's :attr:`Style.default_on` says. Highlights under ``scope``
    (the articles' text) are switched; the legend's own swatches are not.
    """
    return "\n".join(f"body:has(#layer-{k}:not(:checked)) {scope}.k-{k}{{{HIDDEN_CSS}}}" for k in styles)


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
