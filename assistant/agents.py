"""Agents: who did what a "Who VERB ...?" question asks about, read from one sentence.

"Who decided to close the port?" asks for the agent of "decided". A sentence names that
agent in the passive, after "by", once it has said the action, as a verb or as the noun of
the verb ("The decision was taken at dawn by Jo Park, the harbour master", "The festival,
founded by Rosa Lind in 1988, ..."). ``same_action`` tells the verb and its noun apart
from other words by their shared root ("decide", "decided", "decision"; "close",
"closure"; "investigate", "investigation").

"Who runs X?", "Who chairs X?" ask for the person whose role heads X: a role naming X and a
head of it ("John Park, Acme's chief executive"; for "chairs", a chair) answers
(``leader_span``). "Who is the X?" asks for the person whose role is X ("the city's
coroner, Ann Hale": ``holder_span``).

Not handled: other words for the action ("took charge of the inquiry" for "investigated"),
an agent named in an earlier sentence, agents that are not capitalised names
("by two local farmers").
"""

from __future__ import annotations

import re

from assistant.direct import APPOSITIVE, with_role
from assistant.evidence import Span
from assistant.lexical import covered_terms, tokenize
from assistant.names import name_run
from assistant.question import holder_asked
from assistant.speakers import mentions, speaker_label

# "Who decided ...?", "Who first proposed ...?": the verb whose agent is asked. Not "Who is/was
# ...?" (identity or role), "Who did X ...?" (the object), nor "Who was named ...?" (passive).
ASKED_VERB = re.compile(
    r"^\W*(?:and\s+|so\s+|but\s+)?(?:who|(?:which|what)\s+(?:company|companies|firm|firms|organi[sz]ations?|group|"
    r"groups|agency|agencies|body|operator|owner|business|carrier|airline|line|authority|department|ministry))\s+"
    r"(?:(?:has|have|had|first|later|then|eventually|finally|actually)\s+)?(?P<verb>[a-z]+)\b",
    re.I,
)
NOT_ACTIONS = frozenset("is are was were be been did does do will would can could should may might must".split())
# Noun and verb endings removed before roots are compared, longest first.
ENDINGS = (
    "ations",
    "ation",
    "ated",
    "ating",
    "ates",
    "ate",
    "ions",
    "ion",
    "ures",
    "ure",
    "ments",
    "ment",
    "ings",
    "ing",
    "ers",
    "er",
    "ed",
    "es",
    "s",
    "e",
)
# "by" and the capitalised name after it (a leading "the" allowed: "by the City Council").
BY_NAME = re.compile(rf"\bby\s+(?:the\s+)?(?P<name>{name_run('and')})")
CLAUSE_END = re.compile(r"[;!?]|[.:](?=\s|$)")  # not the colon of "01:15"
MAX_GAP = 12  # words between the action and "by"


def asked_action(question: str) -> str | None:
    """The verb a "Who VERB ...?" question asks the agent of, or None.

    >>> [asked_action(q) for q in ["Who decided to close the port?", "Who is Jo Park?", "Who did the mayor thank?"]]
    ['decided', None, None]
    >>> [asked_action(q) for q in ["Which company operates the ferry?", "Which firm did the city hire?"]]
    ['operates', None]
    """
    found = ASKED_VERB.match(question)
    if found is None or found["verb"].lower() in NOT_ACTIONS:
        return None
    return found["verb"].lower()


def action_root(word: str) -> str:
    """The root a verb shares with its forms and its noun: endings removed, the "s" of a
    noun in "-sion" read as the "d" of its verb in "-de", a doubled last letter single.

    >>> [action_root(w) for w in ["decided", "decision", "conclusion", "closure", "close", "cancelled", "cancel"]]
    ['decid', 'decid', 'conclud', 'clos', 'clos', 'cancel', 'cancel']
    """
    root = word.lower()
    for ending in ENDINGS:
        if root.endswith(ending) and len(root) - len(ending) >= 4:
            root = root[: -len(ending)]
            break
    if root.endswith(("is", "us")):
        root = root[:-1] + "d"
    return root[:-1] if len(root) > 4 and root[-1] == root[-2] else root  # "cancelled" and "cancel"


def same_action(verb: str, word: str) -> bool:
    """Whether ``word`` is a form of ``verb`` or the noun of the action it names.

    >>> same_action("investigated", "investigation"), same_action("decided", "declined")
    (True, False)
    """
    return action_root(verb) == action_root(word)


def passive_agent(verb: str, text: str) -> Span | None:
    """The name ``text`` gives, after "by", as the agent of ``verb``'s action (said
    before it in the same clause, as the verb or its noun), with the role written beside
    it; None when it names none.

    >>> t = "The decision was taken at dawn by Jo Park, the harbour master, after a storm."
    >>> a, b = passive_agent("decided", t); t[a:b]
    'Jo Park, the harbour master'
    >>> passive_agent("decided", "The port closed at dawn, as decided in May; it was hit by Storm Ida.") is None
    True
    """
    for word in re.finditer(r"[\w’'-]+", text):
        if not same_action(verb, word.group(0)):
            continue
        for found in BY_NAME.finditer(text, word.end()):
            between = text[word.end() : found.start()]
            if CLAUSE_END.search(between) or len(between.split()) > MAX_GAP:
                break
            start, end = with_role(text, found.span("name"))
            appositive = APPOSITIVE.match(text, end)
            return start, appositive.end() if appositive else end
    return None


# "Who runs the port authority?": the organisation whose head is asked, and whether a chair is.
LEADS = re.compile(
    r"^\W*(?:and\s+|so\s+)?who\s+(?P<verb>runs|leads|heads|manages|chairs|ran|headed|managed|chaired)\s+"
    r"(?P<org>.+?)\W*$",
    re.I,
)
HEADS = frozenset(tokenize("chief executive head leader director president boss chair chairman chairwoman manager"))
CHAIRS = frozenset(tokenize("chair chairman chairwoman chairperson"))


def head_asked(question: str) -> tuple[str, bool] | None:
    """The organisation a "Who runs/heads/chairs X?" question asks the head of, and
    whether it asks for its chair; None for other questions.

    >>> head_asked("Who runs the Harbour Trust?"), head_asked("Who chairs Kelby Rovers?"), head_asked("Who won?")
    (('the Harbour Trust', False), ('Kelby Rovers', True), None)
    """
    found = LEADS.match(question)
    if found is None:
        return None
    return found["org"], found["verb"].lower().startswith("chair")


def leader_span(org: str, chair: bool, text: str, setting: str = "") -> Span | None:
    """The person ``text`` names with a role heading ``org`` (every word of ``org`` and a
    head noun in the role; a chair's when ``chair``), with that role; see ``holder_span``
    for ``setting``.

    >>> t = "Ana Diaz, the Harbour Trust's chief executive, opened the quay."
    >>> a, b = leader_span("the Harbour Trust", False, t); t[a:b]
    "Ana Diaz, the Harbour Trust's chief executive"
    >>> leader_span("the Harbour Trust", True, t) is None
    True
    """
    return holder_span(org, text, CHAIRS if chair else HEADS, setting)


def holder_span(role: str, text: str, heads: frozenset[str] = frozenset(), setting: str = "") -> Span | None:
    """The person ``text`` names in ``role``, with that role: every word of the role in
    theirs or in ``setting`` (the title of the document, the event a role in it belongs to:
    a hearing's "committee chair"), and one of ``heads`` (else a word of the role) in theirs.
    A transcript's speaker label ("ANA RUIZ (mayor): ...") names a person with a role too.

    >>> t = "The bridge shut on Sunday, the county's chief engineer, Mara Quinn, said."
    >>> a, b = holder_span("the county's chief engineer", t); t[a:b]
    "county's chief engineer, Mara Quinn"
    >>> holder_span("the county's chief engineer", "Mara Quinn, a county councillor, said so.") is None
    True
    >>> t = "OLU ADEYEMI (panel chair): Please sit down."
    >>> a, b = holder_span("the flood inquiry", t, CHAIRS, "Flood inquiry hearing, day two"); t[a:b]
    'OLU ADEYEMI (panel chair)'
    """
    wanted = set(tokenize(role))
    around = set(tokenize(setting))
    for (start, end), their_role in _people_with_roles(text):
        theirs = set(tokenize(their_role or ""))
        if wanted and covered_terms(wanted, theirs | around) == wanted and theirs & (heads or wanted):
            return start, end
    return None


def _people_with_roles(text: str) -> list[tuple[Span, str | None]]:
    """The people ``text`` names, each with its span (the role written beside it included)
    and its role: a speaker label opening it, then ``speakers.mentions``."""
    found: list[tuple[Span, str | None]] = []
    label = speaker_label(text)
    if label is not None and label[1]:
        found.append(((0, text.rindex(":", 0, label[2])), label[1]))
    for mention in mentions(text):
        start, end = with_role(text, (mention.start, mention.end))
        appositive = APPOSITIVE.match(text, end)
        found.append(((start, appositive.end() if appositive else end), mention.role))
    return found


def asked_person_span(question: str, text: str, setting: str = "") -> Span | None:
    """The person ``text`` names for a "Who runs X?" (``leader_span``) or "Who is the X?"
    (``holder_span``) question; None for other questions or when it names none."""
    heads = head_asked(question)
    if heads is not None:
        return leader_span(*heads, text, setting)
    role = holder_asked(question)
    return holder_span(role, text, setting=setting) if role else None
