"""Proper names written in Latin letters: the capital letters, a name word, name particles.

One definition shared by every step that finds names (questions, speakers, evidence, stance,
figures), so "Gérald Darmanin", "Élisabeth Borne", "Łukasz Nowak", "Seán O'Neill",
"José Ruiz-Tagle" and "Laurence des Cars" read as names everywhere alike. Python's ``re``
has no ``\\p{Lu}``, so the capital class is built from ``unicodedata`` (a table compiled into
Python, nothing read from disk). Not handled: names in other scripts (Greek, Cyrillic, Arabic),
names written all in lower case ("bell hooks").
"""

from __future__ import annotations

import re
import sys
import unicodedata


def _latin_class(category: str) -> str:
    """A regular-expression character class of the Latin letters of one Unicode category.

    >>> re.fullmatch(_latin_class("Lu"), "Ł") is not None, re.fullmatch(_latin_class("Lu"), "ł") is None
    (True, True)
    """
    letters = [
        chr(c)
        for c in range(0x41, 0x2C80)  # Basic Latin to Latin Extended-C
        if unicodedata.category(chr(c)) == category and "LATIN" in unicodedata.name(chr(c), "")
    ]
    runs: list[str] = []
    start = prev = letters[0]
    for ch in [*letters[1:], chr(sys.maxunicode)]:
        if ord(ch) == ord(prev) + 1:
            prev = ch
            continue
        runs.append(start if start == prev else f"{start}-{prev}")
        start = prev = ch
    return "[" + "".join(runs) + "]"


# A capital Latin letter, accented or not ("A", "É", "Ł", "Ø").
UPPER = _latin_class("Lu")
# A lower-case Latin letter, accented or not.
LOWER = _latin_class("Ll")
# Any Latin letter.
LETTER = f"(?:{UPPER}|{LOWER})"
# A capitalised word, apostrophes and hyphens inside ("O'Neill", "Ruiz-Tagle", "Nuñez").
NAME_WORD = rf"{UPPER}[\w’'\-]*"
# Lower-case words that stand between the parts of one name ("Charles de Gaulle", "van der Berg",
# "Osama bin Laden") or open a surname ("des Cars").
PARTICLES = "de des du da das dos di del della van von der den ter le la al el bin ibn ben".split()
PARTICLE = "(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")"
# A run of capitalised words, name particles allowed before and between them: a whole name
# ("Laurence des Cars", "des Cars", "Mohammed al-Fayed").
NAME = rf"(?:{PARTICLE}(?:\s+|-))*{NAME_WORD}(?:\s+(?:{PARTICLE}(?:\s+|-))*{NAME_WORD})*"
NAME_RE = re.compile(rf"(?<![\w’'\-]){NAME}")


def name_run(*joiners: str) -> str:
    """A pattern for a run of capitalised words as a title or a name writes it, joined by
    "of", "the", name particles and ``joiners`` ("Bank of England", "Port of the North",
    "Laurence des Cars"; with "and", "Marks and Spencer").

    >>> re.findall(name_run(), "The Bank of England met Laurence des Cars and Ana Ruiz.")
    ['The Bank of England', 'Laurence des Cars', 'Ana Ruiz']
    >>> re.findall(name_run("and"), "Marks and Spencer")
    ['Marks and Spencer']
    """
    joined = "|".join(["of", "the", *joiners])
    return rf"{NAME_WORD}(?:\s+(?:(?:{joined})\s+|(?:{PARTICLE}\s+)+)?{NAME_WORD})*"
