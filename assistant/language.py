"""Tell a question that is not in English, so a decline can say why it may have missed.

The embedding model and the lexical index read English; a question in another language
usually finds nothing and is declined. ``looks_non_english`` lets the engine add a hint
to such a decline. It is a cheap guess from the script (mostly non-Latin letters) and
from common function words of French, Spanish, German, Italian, Portuguese and Dutch.

Not handled: telling one foreign language from another, or short questions made only of
names ("Macron?"), which count as English.
"""

from __future__ import annotations

import re
import unicodedata

FOREIGN_WORDS = frozenset(
    # French
    "le la les des du une est sont qui que quoi où quand pourquoi comment combien avec pour pas "
    # Spanish
    "el los las del una es está están qué quién dónde cuándo por cómo cuánto cuántos con sí "
    # German
    "der die das den dem ist sind wer wie warum wann wo welche hat haben nicht mit und ein eine "
    # Italian
    "il gli della che è sono perché quanto "
    # Portuguese
    "não você é são onde quem os da dos das em na um uma qual quais quando "
    # Dutch
    "de het een niet wat waarom hoe zijn waar wanneer hebben heeft".split()  # not "van": Van Gogh, Van Dyke
)
ENGLISH_WORDS = frozenset(
    "the an is are was were did does do what who whom when where why how which of to in and for on "
    "with that this has have had will would can could should".split()
)  # not "a", which Portuguese, Spanish and Italian use as much as English
HINT = "The documents and the model read English: ask the question in English for a better match."


def looks_non_english(text: str) -> bool:
    """True when a question is most likely not in English: mostly non-Latin letters, or
    at least two common foreign function words and more of them than English ones, or,
    in a question of three words or more, a foreign function word and no English one.

    >>> looks_non_english("¿Aceptó Albania acoger el centro?"), looks_non_english("Did Albania agree?")
    (True, False)
    >>> looks_non_english("¿Qué dijo el primer ministro sobre los centros?")
    True
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    if latin < len(letters) / 2:
        return True
    words = re.findall(r"[^\W\d_]+", text.lower())
    foreign = sum(1 for w in words if w in FOREIGN_WORDS)
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    return (foreign >= 2 and foreign > english) or (foreign >= 1 and english == 0 and len(words) >= 3)
