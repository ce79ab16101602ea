"""Numbers written in English prose: number words and scale words, and their values.

Shared by ``figures`` (figures of a document) and ``claims`` (quantities a model's reply
states), so both read "two", "£1m" and "1.5 billion" alike. Not handled: compound number
words ("twenty-one", "a hundred and five"), fractions, ordinals as words ("third").
"""

from __future__ import annotations

# Number words, zero to twenty and the tens: their values.
NUMBER_WORDS: dict[str, int] = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

# The number words from one up as one regular-expression group, longest first so that
# "seventeen" is not read as "seven" (shared by evidence's and compose's patterns).
CARDINAL = "(?:" + "|".join(sorted((w for w, n in NUMBER_WORDS.items() if n), key=len, reverse=True)) + ")"

# Month names, lower case: their numbers (shared by figures' dates and evidence's days).
MONTHS: dict[str, int] = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}

# Scale words and abbreviations after a number ("£2bn", "3 million", "40k"): their factors.
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}


def parse_number(number: str, scale: str | None = None) -> float:
    """The value of a number written in digits (commas between thousands) or as a number
    word, times its scale word when one is given.

    >>> parse_number("12,500"), parse_number("1", "m"), parse_number("2.5", "billion"), parse_number("Three")
    (12500.0, 1000000.0, 2500000000.0, 3.0)
    """
    word = number.lower()
    value = float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(number.replace(",", ""))
    return value * SCALES.get((scale or "").lower(), 1.0)
