"""Claim checks: does each sentence of a generated answer say only what the quotes it cites say?

A language model's answer is split into sentences (claims); each claim cites source
sentences through its markers. Before anything is shown, every claim goes through these
checks, in order, and the first failure drops it:

1. ``markers_valid``: it carries at least one marker, and every marker names a listed
   source; ``cites_evidence``: one of them is a sentence that answers the question.
2. ``numbers_supported``: every number, amount of money, percentage and year it states is
   in a cited quote, after normalising the way it is written ("£1m" = "£1 million",
   "three" = "3", "95 per cent" = "95%").
3. ``names_supported``: every capitalised name (and acronym) inside it is in a cited quote.
4. ``quotation_verbatim``: text it puts in quotation marks is a substring of a cited quote.
5. ``content_covered``: each of its content words (stems, from ``assistant.lexical``)
   is in a cited quote or the line that introduces it.
6. ``each_citation_contributes``: each quote it cites carries at least one of its content
   words or numbers, so a marker cannot be pinned on an unrelated source;
   ``one_quote_anchors``: when it cites several, one of them holds all its names and at
   least half its other content words, so it cannot join one quote's actor to another's deed.
7. ``polarity_agrees``: a negation or refusal it states is in its quotes, and it does not
   affirm words that a quote puts under a negation or refusal ("ruled out participation").
8. ``repeats_earlier``: it does not repeat a claim already accepted in the same answer.

What this guarantees and what it does not: the checks are lexical. A claim passes only
when its words, numbers, names and quotations come from what it cites, so a paraphrase
that brings new content words is dropped, not judged, and a true sentence the model words
freely may be lost. They do not understand meaning: words taken from a quote can still be
recombined into a claim the quote does not make (who did what to whom), and a negation
expressed without a cue word ("failed to", "fell short of") is not read as one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass

from assistant.lexical import stem, tokenize
from assistant.names import UPPER
from assistant.numerals import NUMBER_WORDS, SCALES, parse_number
from assistant.stance import REFUSAL

MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")

# A claim ends at . ! or ? (with any closing quote and markers after it) before the next
# sentence's capital letter or opening quote; lines are claims of their own.
BOUNDARY = re.compile(rf"(?<=[.!?])([\"”’)]*(?:\s*\[\d+(?:\s*,\s*\d+)*\])*)\s+(?={UPPER}|[“\"‘(])")
LEADING_MARKER = re.compile(rf"\s*\[\d+(?:\s*,\s*\d+)*\]\s*(?:{UPPER}|[“\"‘(])")
LEADING_BOUNDARY = re.compile(r"(?<=[.!?\"”’)])\s+(?=\[\d)")
BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")

CURRENCY_WORDS = {
    "pound": "£",
    "pounds": "£",
    "sterling": "£",
    "dollar": "$",
    "dollars": "$",
    "euro": "€",
    "euros": "€",
}
QUANTITY = re.compile(
    r"(?<![\w.,])(?P<cur>[£$€])?\s?"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|"
    r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?=th\b|\b))"
    r"(?:st|nd|rd|th)?"
    r"(?:[\s-]?(?P<scale>" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\b)?"
    r"(?:\s?(?P<pct>%|per\s?cent\b|percent\b))?"
    r"(?:\s(?P<curword>pounds?|sterling|dollars?|euros?)\b)?",
    re.I,
)
# Numbers of words (and scale words) are checked as quantities, not as content words.
QUANTITY_WORDS = frozenset(stem(w) for w in [*NUMBER_WORDS, *SCALES, "per", "cent", "percent"])

NEGATION = re.compile(r"\b(?:not|no|never|none|nothing|nobody|neither|nor|without|cannot)\b|n[’']t\b", re.I)
# Clause boundaries inside one sentence: a semicolon, or a comma before a conjunction.
CLAUSES = re.compile(r";\s*|,\s+(?=(?:and|but|while|whereas|although)\b)")
# A negation's scope: the words after the cue, up to the end of its clause.
CLAUSE_END = re.compile(r"[,;:.!?()“”\"]|\b(?:but|while|whereas|although|though|despite|because|and)\b", re.I)
SCOPE_WORDS = 6
# Connectives that add no claim of their own, so they need no source.
CONNECTIVES = frozenset(
    stem(w)
    for w in "however additionally furthermore moreover meanwhile overall therefore thus instead indeed yet".split()
)
MIN_SHARED_PREFIX = 5
# Function words the tokenizer drops that still change a claim ("before" / "after",
# "more" / "fewer"): a claim that uses one needs it in its quotes, word for word.
RELATIONS = frozenset(
    "before after against above below between during until over under more most fewer less least only again "
    "once further off up down out first last".split()
)
PLAIN = str.maketrans("“”‘’–—", "\"\"''--")  # curly quotes and dashes to plain ones


@dataclass(frozen=True)
class Source:
    """A cited sentence as the checks read it: the quote and the line that introduces it."""

    quote: str
    lead_in: str | None = None

    @property
    def text(self) -> str:
        return f"{self.lead_in} {self.quote}" if self.lead_in else self.quote


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one claim: ``reason`` is None when it passed."""

    claim: str  # the sentence as the model wrote it, markers included (leading or closing)
    markers: tuple[int, ...]
    reason: str | None = None

    @property
    def passed(self) -> bool:
        return self.reason is None


# ------------------------------------------------------------------------------ splitting


def split_claims(reply: str) -> list[str]:
    """The sentences of a model's reply, each with its markers. Markers close a sentence,
    unless a line opens with one: then each sentence's markers lead it ("[1] A. [2] B.").

    >>> split_claims("Albania said no [1]. Italy was busy. [2] Done")
    ['Albania said no [1].', 'Italy was busy. [2]', 'Done']
    >>> split_claims("[1] Albania said no. [2] Italy was busy.")
    ['[1] Albania said no.', '[2] Italy was busy.']
    """
    claims = []
    for line in reply.splitlines():
        line = BULLET.sub("", line).strip()
        start = 0
        if LEADING_MARKER.match(line):
            for m in LEADING_BOUNDARY.finditer(line):
                claims.append(line[start : m.start()].strip())
                start = m.end()
        else:
            for m in BOUNDARY.finditer(line):
                claims.append(line[start : m.end(1)].strip())
                start = m.end()
        claims.append(line[start:].strip())
    return [c for c in claims if c]


def claim_markers(claim: str) -> tuple[int, ...]:
    """The source numbers a claim cites, in order, each once.

    >>> claim_markers("A [2, 1] and B [2].")
    (2, 1)
    """
    found: dict[int, None] = {}
    for group in MARKER.findall(claim):
        for n in group.split(","):
            found[int(n)] = None
    return tuple(found)


def without_markers(claim: str) -> str:
    """The claim's words alone.

    >>> without_markers("Albania said no [1][2].")
    'Albania said no.'
    """
    return re.sub(r"\s+([.,;:!?])", r"\1", MARKER.sub(" ", claim)).strip()


def _plain(text: str) -> str:
    """NFKC, straight quotes and apostrophes, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(PLAIN)
    return re.sub(r"\s+", " ", text).strip()


# ------------------------------------------------------------------------------ the checks


def markers_valid(markers: Sequence[int], n_sources: int) -> str | None:
    """A claim must cite at least one source, and only sources that were listed."""
    if not markers:
        return "cites no source"
    unknown = [n for n in markers if not 1 <= n <= n_sources]
    return f"marker [{unknown[0]}] names no source" if unknown else None


def quantities(text: str) -> set[tuple[float, str]]:
    """The numbers a text states, as (value, unit) with unit one of "£ $ € %" or "".

    >>> sorted(quantities("Invest £1m, then £1 million, in 3 years; three hubs; 95 per cent"))
    [(3.0, ''), (95.0, '%'), (1000000.0, '£')]
    >>> sorted(quantities("12,000 people; 1.5bn euros; the 21st time"))
    [(21.0, ''), (12000.0, ''), (1500000000.0, '€')]
    """
    found = set()
    for m in QUANTITY.finditer(_plain(text)):
        raw = m.group("num").lower()
        scale = (m.group("scale") or "").lower()
        if scale in {"m", "b", "k"} and not re.match(r"\d", raw):
            scale = ""  # "one m" is not a million
        value = parse_number(raw, scale)
        unit = m.group("cur") or ("%" if m.group("pct") else "")
        if m.group("curword"):
            unit = CURRENCY_WORDS[m.group("curword").lower()]
        found.add((value, unit))
    return found


def numbers_supported(claim: str, sources: Sequence[Source]) -> str | None:
    """Every number, amount of money, percentage and year of a claim is in a cited quote."""
    have = set().union(*(quantities(s.text) for s in sources)) if sources else set()
    for value, unit in sorted(quantities(claim)):
        if not any(v == value and (not unit or u == unit) for v, u in have):
            shown = f"{unit}{value:g}" if unit != "%" else f"{value:g}%"
            return f"states {shown}, which its sources do not"
    return None


def names(claim: str) -> list[str]:
    """The capitalised words and acronyms of a sentence, other than its first word and
    words that open a quotation or follow a colon.

    >>> names("The UK and Albania signed, said Rama: “We agreed.”")
    ['UK', 'Albania', 'Rama']
    """
    found = []
    text = _plain(claim)
    for m in re.finditer(r"[^\W\d_][\w'-]*", text):
        word = m.group(0)
        before = text[: m.start()].rstrip()
        if not word[0].isupper() or not before or before[-1] in '":(' or word == "I":
            continue
        found.append(re.sub(r"'s$", "", word))
    return found


def word_covered(word: str, words: set[str]) -> bool:
    """Whether a word (lower case) is among ``words``, differs from one only by a final "e",
    or shares with one a prefix of at least five letters that is all but at most two
    letters of the shorter word.

    >>> [word_covered(w, {"participation", "albanian", "hub", "fine"}) for w in ["participate", "albania", "fin", "italy"]]
    [True, True, True, False]
    """
    if word in words:
        return True
    for other in words:
        if len(other) >= 3 and word.rstrip("e") == other.rstrip("e"):
            return True  # the stemmer leaves "fin" of "fined" but "fine" of "fine"
        shorter = min(len(word), len(other))
        if shorter < MIN_SHARED_PREFIX:
            continue
        shared = len(_common_prefix(word, other))
        if shared >= MIN_SHARED_PREFIX and shared >= shorter - 2:
            return True
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _surface_words(text: str) -> set[str]:
    """Lower-case words of a text, possessives removed, split at hyphens too."""
    words = set()
    for w in re.findall(r"[\w'-]+", _plain(text).lower()):
        w = re.sub(r"'s$", "", w)
        words.add(w)
        words.update(p for p in re.split(r"[-']", w) if p)
    return words


def names_supported(claim: str, sources: Sequence[Source]) -> str | None:
    """Every name and acronym inside a claim appears in a cited quote."""
    have = set().union(*(_surface_words(s.text) for s in sources)) if sources else set()
    for name in names(claim):
        parts = [p for p in re.split(r"[-']", name.lower()) if p]
        if not all(word_covered(p, have) for p in parts):
            return f"names {name!r}, which its sources do not"
    return None


def quotations(claim: str) -> list[str]:
    """Text a claim puts inside quotation marks (double quotes, or single quotes that open
    after a space).

    >>> quotations("He called it “an embarrassment”, and 'a mess'.")
    ['an embarrassment', 'a mess']
    """
    text = _plain(claim)
    found = re.findall(r'"([^"]+)"', text)
    found += re.findall(r"(?:^|(?<=\s))'([^']+?)'(?!\w)", text)
    return [q.strip() for q in found if q.strip()]


def quotation_verbatim(claim: str, sources: Sequence[Source]) -> str | None:
    """Text in quotation marks is word for word in one cited quote (case and closing
    punctuation aside; an ellipsis may join pieces of the same quote)."""
    quotes = [_plain(s.quote).casefold() for s in sources]
    for quoted in quotations(claim):
        pieces = [p.strip(" .,;:!?").casefold() for p in re.split(r"\.\.\.|…", quoted)]
        pieces = [p for p in pieces if p]
        if pieces and not any(all(p in q for p in pieces) for q in quotes):
            return f"quotes {quoted!r}, which is not word for word in its sources"
    return None


def content_words(claim: str) -> list[str]:
    """The claim's content-word stems that need a source, numbers and connectives aside,
    then the relation words it uses (``RELATIONS``).

    >>> content_words("However, the UK will invest £1 million in three hubs before May.")
    ['uk', 'invest', 'hub', 'may', 'before']
    """
    text = without_markers(claim)
    words = [w for w in tokenize(text) if w.isalpha() and w not in QUANTITY_WORDS and w not in CONNECTIVES]
    relations = [w for w in re.findall(r"[a-z]+", text.lower()) if w in RELATIONS and w not in words]
    return words + list(dict.fromkeys(relations))


def _source_words(text: str) -> set[str]:
    return set(tokenize(text)) | _surface_words(text)


def content_covered(claim: str, sources: Sequence[Source]) -> str | None:
    """Each content word of a claim is in a cited quote (or the line introducing it)."""
    have = set().union(*(_source_words(s.text) for s in sources)) if sources else set()
    missing = [w for w in content_words(claim) if not word_covered(w, have)]
    if missing:
        return f"says {', '.join(repr(w) for w in dict.fromkeys(missing))}, which its sources do not"
    return None


def each_citation_contributes(claim: str, sources: Sequence[Source]) -> str | None:
    """Each cited quote itself (not only the line introducing it) carries a content word
    or a number of the claim."""
    words = content_words(claim)
    numbers = {v for v, _ in quantities(claim)}
    for source in sources:
        own = _source_words(source.quote)
        if not any(word_covered(w, own) for w in words) and not numbers & {v for v, _ in quantities(source.quote)}:
            return f"cites a source that carries none of it ({source.quote[:60]!r})"
    return None


def one_quote_anchors(claim: str, sources: Sequence[Source]) -> str | None:
    """A claim citing several quotes must have, for each of its clauses, one quote that
    holds all the clause's names and at least half its other content words, so words of
    different quotes cannot be recombined into a claim none of them makes (one quote's
    actor doing another quote's deed)."""
    if len(sources) < 2:
        return None
    for clause in CLAUSES.split(without_markers(claim)):
        if not any(_anchors(clause, source, sources) for source in sources):
            return "joins words of several quotes that no one quote says together"
    return None


def _anchors(clause: str, source: Source, cited: Sequence[Source]) -> bool:
    """Whether one quote holds the clause's names and half its other content words."""
    clause_names = {n.lower() for n in names(clause)}
    opening = re.match(rf"\W*({UPPER}[\w'’-]*)", clause)
    if opening:
        # The clause's first word is a name when the quotes write it capitalised only.
        word = opening.group(1)
        if any(word in s.text for s in cited) and not any(
            re.search(rf"\b{re.escape(word.lower())}\b", s.text) for s in cited
        ):
            clause_names.add(word.lower().replace("’", "'").removesuffix("'s"))
    parts = {p for n in clause_names for p in re.split(r"[-']", n) if p}
    others = [w for w in content_words(clause) if not any(word_covered(w, {p}) for p in parts)]
    surface, words = _surface_words(source.text), _source_words(source.text)
    held = sum(word_covered(w, words) for w in others)
    return all(word_covered(p, surface) for p in parts) and 2 * held >= len(others)


def negated(text: str) -> set[str]:
    """The content-word stems that a negation or refusal in ``text`` governs: the
    lower-case words after each cue, up to the end of its clause.

    >>> sorted(negated("Rama ruled out any deal, despite talks."))
    ['deal']
    >>> sorted(negated("She declined to name the firms involved and left."))
    ['firm', 'involv', 'name']
    """
    found: set[str] = set()
    for pattern in (NEGATION, REFUSAL):
        for cue in pattern.finditer(text):
            rest = text[cue.end() :]
            end = CLAUSE_END.search(rest)
            scope = rest[: end.start() if end else len(rest)].split()
            # A name in the scope says whose act it is, not what was refused.
            found.update(tokenize(" ".join(w for w in scope if not w[:1].isupper()))[:SCOPE_WORDS])
    return found


def _has_negation(text: str) -> bool:
    return bool(NEGATION.search(text) or REFUSAL.search(text))


def polarity_agrees(claim: str, sources: Sequence[Source]) -> str | None:
    """A claim that negates or refuses needs a quote that does too; a claim that does not
    must not affirm words a quote negates ("agreed to take part" against "ruled out
    participation")."""
    words = without_markers(claim)
    if _has_negation(words):
        if not any(_has_negation(s.quote) for s in sources):
            return "negates or refuses, where its sources do not"
        return None
    denied = set().union(*(negated(s.quote) for s in sources)) if sources else set()
    affirmed = [w for w in content_words(words) if word_covered(w, denied)]
    if affirmed:
        return f"affirms {', '.join(repr(w) for w in affirmed)}, which its sources negate or rule out"
    return None


def repeats_earlier(claim: str, accepted: Sequence[str]) -> str | None:
    """A claim whose content words and numbers are all in a claim already accepted adds nothing."""
    words = set(content_words(claim)) | quantities(without_markers(claim))
    for earlier in accepted:
        if words <= set(content_words(earlier)) | quantities(without_markers(earlier)):
            return "repeats an earlier sentence"
    return None


# ------------------------------------------------------------------------------ all together

Check = Callable[[str, Sequence[Source]], "str | None"]
CHECKS: tuple[Check, ...] = (
    numbers_supported,
    names_supported,
    quotation_verbatim,
    content_covered,
    each_citation_contributes,
    one_quote_anchors,
    polarity_agrees,
)


def cites_evidence(markers: Sequence[int], evidence: Set[int] | None) -> str | None:
    """A claim must cite one of the sources that answer the question (when they are known),
    so a reply cannot pad its answer with sentences about something else."""
    if evidence is None or evidence & set(markers):
        return None
    return "cites none of the sentences that answer the question"


def check_claim(
    claim: str,
    sources: Sequence[Source],
    n_sources: int,
    accepted: Sequence[str] = (),
    evidence: Set[int] | None = None,
) -> Verdict:
    """Run the checks in order on one claim; ``sources`` are all listed sources, numbered
    from 1, of which the claim's markers pick its own; ``evidence`` the numbers of those
    that answer the question (None: any).

    >>> listed = [Source("Oslo declined to host the summit."), Source("The summit cost £2 million.")]
    >>> check_claim("The summit cost £2m [2].", listed, 2).passed
    True
    >>> check_claim("Oslo agreed to host the summit [1].", listed, 2).reason
    "says 'agre', which its sources do not"
    """
    markers = claim_markers(claim)
    reason = markers_valid(markers, n_sources) or cites_evidence(markers, evidence)
    if reason is None:
        cited = [sources[n - 1] for n in markers]
        text = without_markers(claim)
        reason = next((r for check in CHECKS if (r := check(text, cited)) is not None), None)
    if reason is None:
        reason = repeats_earlier(claim, accepted)
    return Verdict(claim=claim, markers=markers, reason=reason)


def check_reply(reply: str, sources: Sequence[Source], evidence: Set[int] | None = None) -> list[Verdict]:
    """Every claim of a reply with its verdict, in order; a claim is compared for
    repetition only with claims accepted before it."""
    verdicts: list[Verdict] = []
    accepted: list[str] = []
    for claim in split_claims(reply):
        verdict = check_claim(claim, sources, len(sources), accepted, evidence)
        if verdict.passed:
            accepted.append(claim)
        verdicts.append(verdict)
    return verdicts
