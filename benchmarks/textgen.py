"""Fictional generated documents of any length, for the length benchmark and profiling (not tests).

Every sentence here is invented (fictional towns, people, outlets). The shapes:

* ``prose``: news-like paragraphs (attributions, quotations, hedges, loaded and frame words), varied by a
  seeded random choice of fragments, a blank line between paragraphs;
* ``alternating``: short quotations alternating with their attributions, ``"Yes," she said. "No," he
  said.`` over and over, in one paragraph;
* ``no_ends``: one long paragraph of words with no sentence end at all;
* ``single_line``: the prose with every line break replaced by a space (one line, one paragraph);
* ``nested``: nested and unbalanced quotation marks of every kind.

``make(kind, n_bytes, seed)`` returns a text of about ``n_bytes`` UTF-8 bytes (never more than a short
paragraph over).
"""

from __future__ import annotations

import random

SUBJECTS = ["Mayor Ada Quist", "Councillor Bram Ostrava", "the Brisk Valley Gazette", "a spokesperson for the "
            "Harlow Transit Board", "Dr. Lena Marr", "officials at the Quill Institute", "Sen. Tobias Fenwick",
            "the Drayford Tenants Union", "residents", "two people familiar with the talks", "Ms. Quist",
            "she", "he", "they", "experts"]
VERBS = ["said", "claimed", "told reporters", "insisted", "admitted", "warned", "added", "reported",
         "slammed the plan, saying", "argued", "noted", "wrote in a statement"]
CLAIMS = ["the levy would pay for two new bus lines", "the budget was allegedly drawn up in secret",
          "crime in the old mill district had reportedly fallen", "the court may have overstepped its role",
          "the so-called reform was clearly a radical giveaway", "the shelter ran out of beds in March",
          "the tax relief would help families and small businesses", "the border plan was a flood of red tape",
          "the vote could change how the county is governed", "nobody was told about the second contract"]
QUOTES = ["We will appeal.", "This is not what the voters asked for.", "It is a good day for the valley.",
          "I have never seen a budget like this one.", "Nobody told us anything, and that is the problem.",
          "The numbers speak for themselves."]
OPENERS = ["On Monday, ", "Earlier this year, ", "In a Quill Institute poll released Tuesday, 52 percent said ",
           "According to the Brisk Valley Gazette, ", "", "", "Meanwhile, "]


def _sentence(rng: random.Random) -> str:
    shape = rng.randrange(5)
    who, verb, claim, quote = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(CLAIMS), rng.choice(QUOTES)
    who_cap = who[0].upper() + who[1:]
    if shape == 0:
        return f"{rng.choice(OPENERS)}{who} {verb} {claim}."
    if shape == 1:
        return f"\u201c{quote[:-1]},\u201d {who} {verb.split(',')[0]}."
    if shape == 2:
        return f"{who_cap} {verb.split(',')[0]}: \u201c{quote}\u201d"
    if shape == 3:
        return f"{claim[0].upper() + claim[1:]}, according to {who}."
    return f"{who_cap} declined to comment on whether {claim}."


def prose(n_bytes: int, seed: int = 0) -> str:
    """News-like fictional paragraphs, a blank line between them."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n_bytes:
        para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        parts.append(para)
        size += len(para.encode("utf-8")) + 2
    return "\n\n".join(parts)


def alternating(n_bytes: int, seed: int = 0) -> str:
    """``"Yes," she said. "No," he said.`` repeated, in one paragraph."""
    unit = '"Yes," she said. "No," he said. '
    return (unit * (n_bytes // len(unit) + 1))[:n_bytes].rstrip()


def no_ends(n_bytes: int, seed: int = 0) -> str:
    """One paragraph of words (with attributions and quotation marks) and no sentence end."""
    rng = random.Random(seed)
    words = ("the council said residents claimed that \u201ca levy\u201d would allegedly fund lines and officials "
             "warned the plan was a giveaway while Quist told reporters nothing").split()
    out: list[str] = []
    size = 0
    while size < n_bytes:
        w = rng.choice(words)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def single_line(n_bytes: int, seed: int = 0) -> str:
    """The prose on one line (one paragraph)."""
    return prose(n_bytes, seed).replace("\n\n", " ")


def nested(n_bytes: int, seed: int = 0) -> str:
    """Nested and unbalanced quotation marks of every kind."""
    rng = random.Random(seed)
    pieces = ['He said "she said \u2018they said "no" to it\u2019 twice," and left. ',
              '\u201cWe said \u201cnever\u201d before, Quist said. ', '"Open and never closed, she said. ',
              "'Scare' quotes and \u2018a title\u2019 said Marr. ", '\u201d stray close, he said \u201c. ',
              '"A "b "c "d" e" f" g," they said. ', "\u00ab Non \u00bb, said Ostrava. "]
    out: list[str] = []
    size = 0
    while size < n_bytes:
        p = rng.choice(pieces)
        out.append(p)
        size += len(p.encode("utf-8"))
        if rng.random() < 0.1:
            out.append("\n\n")
    return "".join(out).strip()


KINDS = {"prose": prose, "alternating": alternating, "no_ends": no_ends, "single_line": single_line,
         "nested": nested}


def make(kind: str, n_bytes: int, seed: int = 0) -> str:
    """A fictional text of the given shape and about ``n_bytes`` bytes."""
    return KINDS[kind](n_bytes, seed)
