"""Normalisation, inflection and pattern expansion of lexicon phrases (the forms a pack entry matches).

Split out of :mod:`framelens.lexicon` (which re-exports every name) to keep the loader small.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["normalize_phrase", "inflect", "expand_pattern", "MAX_PATTERN_EXPANSION"]

#: at most this many phrases from one ``pattern``
MAX_PATTERN_EXPANSION = 2000
_MAX_PATTERN_EXPANSION = MAX_PATTERN_EXPANSION

_SEP_RE = re.compile(r"[\s\-‐‑]+")


def normalize_phrase(text: str) -> str:
    """Lower-case, curly apostrophes straight, hyphens and white space runs as one space."""
    t = text.lower().replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    return _SEP_RE.sub(" ", t).strip()


_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "child": "children", "person": "people", "mouse": "mice",
                      "foot": "feet", "wife": "wives", "life": "lives", "thief": "thieves", "wolf": "wolves"}
_IRREGULAR_VERBS = {
    "say": ("says", "said", "saying"), "tell": ("tells", "told", "telling"), "write": ("writes", "wrote", "written",
                                                                                      "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"), "rip": ("rips", "ripped", "ripping"),
    "hit": ("hits", "hitting"), "take": ("takes", "took", "taken", "taking"), "throw": ("throws", "threw", "thrown",
                                                                                       "throwing"),
    "lie": ("lies", "lied", "lying"), "go": ("goes", "went", "gone", "going"), "make": ("makes", "made", "making"),
    "give": ("gives", "gave", "given", "giving"), "show": ("shows", "showed", "shown", "showing"),
    "know": ("knows", "knew", "known", "knowing"), "think": ("thinks", "thought", "thinking"),
    "see": ("sees", "saw", "seen", "seeing"), "find": ("finds", "found", "finding"),
    "hold": ("holds", "held", "holding"), "lead": ("leads", "led", "leading"), "fight": ("fights", "fought",
                                                                                       "fighting"),
    "swear": ("swears", "swore", "sworn", "swearing"), "strike": ("strikes", "struck", "striking"),
    "tear": ("tears", "tore", "torn", "tearing"), "break": ("breaks", "broke", "broken", "breaking"),
    "shoot": ("shoots", "shot", "shooting"), "spin": ("spins", "spun", "spinning"),
    "be": ("is", "are", "was", "were", "been", "being"), "have": ("has", "had", "having"),
    "do": ("does", "did", "done", "doing"), "come": ("comes", "came", "coming"), "get": ("gets", "got", "gotten",
                                                                                       "getting"),
    "put": ("puts", "putting"), "set": ("sets", "setting"), "let": ("lets", "letting"), "cut": ("cuts", "cutting"),
    "quit": ("quits", "quitting"), "beat": ("beats", "beaten", "beating"), "bring": ("brings", "brought", "bringing"),
    "keep": ("keeps", "kept", "keeping"), "leave": ("leaves", "left", "leaving"), "feel": ("feels", "felt", "feeling"),
    "mean": ("means", "meant", "meaning"), "teach": ("teaches", "taught", "teaching"),
    "sell": ("sells", "sold", "selling"), "stand": ("stands", "stood", "standing"),
    "understand": ("understands", "understood", "understanding"), "win": ("wins", "won", "winning"),
    "run": ("runs", "ran", "running"), "begin": ("begins", "began", "begun", "beginning"),
    "blow": ("blows", "blew", "blown", "blowing"), "fly": ("flies", "flew", "flown", "flying"),
    "forbid": ("forbids", "forbade", "forbidden", "forbidding"), "slay": ("slays", "slew", "slain", "slaying"),
    "flee": ("flees", "fled", "fleeing"), "sting": ("stings", "stung", "stinging"),
    "swing": ("swings", "swung", "swinging"), "sink": ("sinks", "sank", "sunk", "sinking"),
    "steal": ("steals", "stole", "stolen", "stealing"), "freeze": ("freezes", "froze", "frozen", "freezing"),
    "rise": ("rises", "rose", "risen", "rising"), "bite": ("bites", "bit", "bitten", "biting"),
    "hide": ("hides", "hid", "hidden", "hiding"), "slide": ("slides", "slid", "sliding"),
    "shake": ("shakes", "shook", "shaken", "shaking"), "wake": ("wakes", "woke", "woken", "waking"),
    "drive": ("drives", "drove", "driven", "driving"), "ride": ("rides", "rode", "ridden", "riding"),
    "grow": ("grows", "grew", "grown", "growing"), "draw": ("draws", "drew", "drawn", "drawing"),
    "overrun": ("overruns", "overran", "overrunning"), "mislead": ("misleads", "misled", "misleading"),
    "hear": ("hears", "heard", "hearing"), "pay": ("pays", "paid", "paying"), "lay": ("lays", "laid", "laying"),
    "seek": ("seeks", "sought", "seeking"), "buy": ("buys", "bought", "buying"), "catch": ("catches", "caught",
                                                                                         "catching"),
}
_VOWELS = set("aeiou")


def _plural(word: str) -> list[str]:
    if word in _IRREGULAR_PLURALS:
        return [_IRREGULAR_PLURALS[word]]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return [word[:-1] + "ies"]
    return [word + "s"]


def _double_final(word: str) -> bool:
    """Consonant-vowel-consonant ending of a short verb: slam -> slammed, rip -> ripping."""
    if len(word) < 3 or word[-1] in "wxy" or word[-1] in _VOWELS:
        return False
    if word[-2] not in _VOWELS or word[-3] in _VOWELS:
        return False
    # one vowel group only (monosyllables), or a stressed final syllable we cannot know: stay conservative
    groups = re.findall(r"[aeiouy]+", word)
    return len(groups) == 1 or word.endswith(("mit", "fer", "cur", "pel", "trol", "gret"))


def _verb_forms(word: str) -> list[str]:
    if word in _IRREGULAR_VERBS:
        return list(_IRREGULAR_VERBS[word])
    forms = []
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.append(word + "es")
    elif len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        forms.append(word[:-1] + "ies")
    else:
        forms.append(word + "s")
    if word.endswith("e"):
        forms.append(word + "d")
        forms.append(word + "ing" if word.endswith(("ee", "ye", "oe")) else word[:-1] + "ing")
    elif len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        forms.append(word[:-1] + "ied")
        forms.append(word + "ing")
    elif _double_final(word):
        forms.append(word + word[-1] + "ed")
        forms.append(word + word[-1] + "ing")
    else:
        forms.append(word + "ed")
        forms.append(word + "ing")
    return forms


def inflect(phrase: str, how: str) -> list[str]:
    """Surface forms of ``phrase``: itself plus noun plurals (last word) or verb forms (first word).

    >>> inflect("slam", "verb")
    ['slam', 'slams', 'slammed', 'slamming']
    >>> inflect("illegal alien", "noun")
    ['illegal alien', 'illegal aliens']
    """
    words = phrase.split(" ")
    out = [phrase]
    if how == "noun":
        for p in _plural(words[-1]):
            out.append(" ".join(words[:-1] + [p]))
    elif how == "verb":
        for v in _verb_forms(words[0]):
            out.append(" ".join([v] + words[1:]))
    return list(dict.fromkeys(out))


_ALT_RE = re.compile(r"\(([^()]*)\)")


def expand_pattern(pattern: str) -> list[str]:
    """Expand ``"(flood|wave) of (migrants|immigrants)"`` into every phrase; ``(a|)`` makes a word optional."""
    parts: list[list[str]] = []
    pos = 0
    for m in _ALT_RE.finditer(pattern):
        if m.start() > pos:
            parts.append([pattern[pos:m.start()]])
        parts.append(m.group(1).split("|"))
        pos = m.end()
    if pos < len(pattern):
        parts.append([pattern[pos:]])
    out = []
    for combo in itertools.product(*parts):
        phrase = normalize_phrase("".join(combo))
        if phrase:
            out.append(phrase)
        if len(out) > _MAX_PATTERN_EXPANSION:
            break
    return list(dict.fromkeys(out))
