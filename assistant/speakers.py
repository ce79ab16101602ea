"""Who said what: attribute quoted speech in a document to its speaker, with the role the
text gives the speaker.

Scope: English news and policy prose. A quotation is text inside straight or curly double
quotation marks. Its speaker is found in the words of the sentence outside the quotation,
from a verb of speech ("said", "told", "added", "warned", "according to" ...):

1. inverted, right after the quotation: "“...,” said Starmer";
2. the subject before the verb, an appositive role allowed between: "Rama, Albania's
   prime minister, said", "with Shadow Home Secretary Chris Philp branding the trip
   “...”";
3. "according to NAME";
4. a participle ("..., saying: “...”") speaks for the first person named in the sentence;
5. he/she/they stand for the nearest person named earlier in the document;
6. a sentence that is all quotation, with no verb of speech, continues the quotation just
   before it, or the words of the person a sentence just before reports ("Holm said the
   road would stay shut. “We ask people to stay away.”");
7. in a transcript, a paragraph opening with a speaker label ("Wilmore: ...", "ANA RUIZ
   (mayor): ...") is that speaker's words, every sentence of the paragraph.

When a sentence has several verbs of speech, the quotation belongs to the one that
governs it: a verb right after it ("“...,” said Ruiz"), else the nearest one before it
("Ruiz said she had asked the firm to “start again”", not a name inside the reported
clause). A quotation that names a work ("an article headlined “...”", "the report,
“...”,") is a title, not speech, and has no speaker.

Names across a document resolve to the fullest form given: "Rama" and "Mr Rama" become
"Edi Rama", "Sir Keir" becomes "Keir Starmer". A role comes from words before the name
("Albanian Prime Minister Edi Rama", "Home Office minister Angela Eagle") or an
appositive after it ("Edi Rama, Albania's prime minister,"); once given, it stays with
the name for the rest of the document.

Person names are told from other capitalised words without a named-entity model, by
general cues: a role or honorific before them, a verb of speech beside them, or two to
four capitalised words that are not an organisation, a place after "in"/"to"/"from", a
month or a day. A quotation whose speaker cannot be told is left out rather than guessed.

Not handled: single quotation marks (they double as apostrophes), quotations spanning
paragraphs (a transcript turn aside), reported speech without quotation marks, languages other than English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from assistant.lexical import STOPWORDS
from assistant.names import LOWER, NAME_WORD, PARTICLE, PARTICLES, UPPER
from assistant.records import Sentence


@dataclass(frozen=True)
class Quote:
    """Quoted words of one sentence, their speaker, and the speaker's role when given."""

    sentence_id: str
    doc_id: str
    speaker: str  # the fullest form of the name the document gives ("Edi Rama")
    role: str | None  # "Albanian Prime Minister", "Albania's prime minister" or None
    start: int  # document offsets of the quoted words, quotation marks excluded
    end: int
    text: str  # == document text[start:end]


@dataclass(frozen=True)
class Person:
    """A person named in a document: the fullest name given and the first role given."""

    name: str
    role: str | None = None
    aliases: frozenset[str] = field(default_factory=frozenset)  # surname, first name, full name


# General English: verbs that report speech, in their inflected forms.
SPEECH_VERBS = (
    "say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|warn|warns|warned|warning|"
    "argue|argues|argued|arguing|state|states|stated|claim|claims|claimed|claiming|insist|insists|"
    "insisted|insisting|explain|explains|explained|explaining|note|notes|noted|noting|declare|declares|"
    "declared|declaring|announce|announces|announced|announcing|confirm|confirms|confirmed|confirming|"
    "write|writes|wrote|writing|ask|asks|asked|asking|reply|replies|replied|replying|respond|responds|"
    "responded|responding|remark|remarks|remarked|stress|stresses|stressed|stressing|urge|urges|urged|"
    "urging|call|calls|called|calling|brand|brands|branded|branding|describe|describes|described|"
    "describing|admit|admits|admitted|admitting|acknowledge|acknowledges|acknowledged|concede|concedes|"
    "conceded|pledge|pledges|pledged|promise|promises|promised|vow|vows|vowed|suggest|suggests|suggested|"
    "comment|comments|commented|continue|continues|continued|conclude|concludes|concluded|tweet|tweets|"
    "tweeted|post|posts|posted|accuse|accuses|accused|accusing|complain|complains|complained|"
    "predict|predicts|predicted|recall|recalls|recalled|told|joke|joked|quip|quipped|boast|boasted|"
    "admit|maintain|maintains|maintained|reiterate|reiterates|reiterated|emphasise|emphasised|"
    "emphasize|emphasized|testify|testified|hail|hails|hailed|dismiss|dismissed|criticise|criticised|"
    "criticize|criticized|condemn|condemned|welcome|welcomed|slam|slammed"
)
SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)
ACCORDING_TO = re.compile(r"\baccording to\b", re.I)

# General English role nouns (titles of office and of trade), matched case-insensitively.
ROLE_NOUNS = frozenset(
    """minister secretary president chancellor premier spokesperson spokesman spokeswoman leader chief
    director head chair chairman chairwoman chairperson commissioner ambassador envoy mayor governor
    senator mp mep official officer executive ceo founder professor analyst researcher economist
    expert lawyer judge adviser advisor general king queen prince princess deputy manager campaigner
    activist correspondent editor author inspector councillor lawmaker legislator representative
    coach trainer candidate attorney prosecutor coordinator negotiator diplomat spokesperson chancellor treasurer
    superintendent commander constable sheriff rapporteur mogul owner partner principal dean rector
    president-elect secretary-general vice-president minister-president boss scientist doctor teacher
    nurse engineer historian student worker resident farmer journalist reporter spokesperson pilot
    captain organiser organizer volunteer administrator astronaut cosmonaut member figure""".split()
) | frozenset(
    # Abbreviated titles before a name ("Sen. Maria Cantwell", "Det. Supt. Claire Moss").
    "sen rep gov cllr det supt insp sgt lt col gen capt amb pres".split()
)
HONORIFICS = frozenset("sir dame lord lady mr mrs ms miss dr prof professor rev baroness baron".split())
# Months, days and directions: capitalised words that are never part of a person's name.
DATES_AND_DIRECTIONS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday east west north south western eastern
    northern southern central""".split()
)
# Last words of organisation and document names (general English), months and days:
# capitalised words that are not a person.
NOT_PERSON = DATES_AND_DIRECTIONS | frozenset(
    """office party government council commission ministry department agency force union court
    committee service services police bank group association organisation organization institute
    university times news post channel kingdom states republic nations house parliament senate
    congress assembly paper act bill scheme plan programme program strategy sea river street city
    centre center fund company corporation inc ltd plc airport station authority board foundation
    trust network league club team army navy commons lords cabinet coalition alliance summit treaty
    agreement convention order report review inquiry hospital school college press media community
    conference forum summit festival games cup championship prize award museum
    europe africa asia america balkans""".split()
)
PLACE_PREPOSITIONS = frozenset("in to from at across into near throughout via visit visited visiting".split())
# Capitalised words that open a sentence or clause and are not names.
FUNCTION_CAPS = frozenset(
    """the a an this that these those it its in on at by for from with without after before despite
    speaking meanwhile however but and or yet so although though while when where if as since
    because during under over about according asked told last next today yesterday tomorrow there
    here we our they their he she his her you your i my critics officials many some several""".split()
)

QUOTE_PAIRS = (("“", "”"), ('"', '"'))
CAP_WORD = rf"(?:{UPPER}(?:[^\W\d_]|[’'\-])*\.?|{UPPER}\.)"
NAME_PARTICLE = PARTICLE
CAP_RUN = re.compile(rf"(?<![\w’'\-])(?:{NAME_PARTICLE}\s+)*{CAP_WORD}(?:\s+(?:{NAME_PARTICLE}\s+)*{CAP_WORD})*")
WORD = re.compile(r"[\w’'\-]+")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of double quotation marks of ``text``;
    a quotation left open runs to the end.

    >>> quote_spans('He said: “We will act.” Then "no more".')
    [(10, 22), (30, 37)]
    """
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        close = "”" if ch == "“" else '"' if ch == '"' else None
        if close is None:
            if ch == "”" and not spans and text[:i].strip():  # closes a quotation opened earlier
                spans.append((0, i))
            i += 1
            continue
        end = text.find(close, i + 1)
        if end == -1:
            spans.append((i + 1, len(text)))
            break
        spans.append((i + 1, end))
        i = end + 1
    return [(s, e) for s, e in spans if text[s:e].strip()]


def is_role_word(word: str) -> bool:
    """A noun naming an office or trade ("minister", "Secretary", "spokeswoman"), also
    as the end of a compound ("headteacher", "co-founder": ``compound_role``)."""
    word = re.sub(r"[’']s$", "", word.lower().strip(".,’'"))
    singular = word[:-1] if word.endswith("s") else word
    return word in ROLE_NOUNS or singular in ROLE_NOUNS or compound_role(word) or compound_role(singular)


MIN_COMPOUND_HEAD = 5  # letters of a role noun ending a compound ("teacher", not "king" of "banking")
MIN_COMPOUND_PREFIX = 4  # letters before it ("head" of "headteacher", not "mis" of "mischief")


def compound_role(word: str) -> bool:
    """Whether a lower-case word is a compound ending in a role noun: after a hyphen
    ("co-founder", "vice-chair") or written solid with a prefix of four letters or more
    ("headteacher", "caseworker", "landowner").

    >>> [compound_role(w) for w in ["headteacher", "co-founder", "mischief", "banking", "teacher"]]
    [True, True, False, False, False]
    """
    if "-" in word:
        return word.rsplit("-", 1)[1] in ROLE_NOUNS
    return COMPOUND_ROLE.fullmatch(word) is not None


COMPOUND_ROLE = re.compile(
    rf"[a-z]{{{MIN_COMPOUND_PREFIX},}}(?:{'|'.join(sorted(n for n in ROLE_NOUNS if len(n) >= MIN_COMPOUND_HEAD))})"
)


def split_role(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split a run of capitalised words into the role before a name and the name.

    >>> split_role(["Albanian", "Prime", "Minister", "Edi", "Rama"])
    (['Albanian', 'Prime', 'Minister'], ['Edi', 'Rama'])
    """
    last = max((i for i, w in enumerate(words) if is_role_word(w)), default=-1)
    return list(words[: last + 1]), list(words[last + 1 :])


def strip_honorific(words: Sequence[str]) -> tuple[list[str], bool]:
    """Drop a leading honorific ("Sir", "Mr", "Dr"), saying whether there was one."""
    words = list(words)
    had = False
    while words and words[0].lower().rstrip(".") in HONORIFICS and len(words) > 1:
        words, had = words[1:], True
    return words, had


def looks_like_person(words: Sequence[str], cue: bool) -> bool:
    """Whether capitalised ``words`` name a person: 1-4 words, none an organisation, place
    direction, month or day word, and a single word only with a cue (role, honorific).
    After a role, a first name that is also an organisation word is a name ("Director
    Bill Nelson", "Coach Mark Ito")."""
    if not words or len(words) > 4:
        return False
    if any(_not_a_name_word(w, first=i == 0 and cue and len(words) > 1) for i, w in enumerate(words)):
        return False
    if words[0].lower() in FUNCTION_CAPS:
        return False
    return cue or len(words) >= 2


def owner_length(words: Sequence[str]) -> int:
    """How many of a run of capitalised words name someone when one of them is a
    possessive: the words up to it, since what follows is what they own ("Elon Musk's
    SpaceX" -> 2), unless a role follows ("Boeing's Chief Executive Kelly Ortberg": all).

    >>> owner_length(["Ana", "Ruiz's", "Harbour", "Trust"]), owner_length(["Ana", "Ruiz"])
    (2, 2)
    """
    for i, word in enumerate(words[:-1]):
        if re.search(r"[’']s$", word) and not any(is_role_word(w) for w in words[i + 1 :]):
            return i + 1
    return len(words)


def _not_a_name_word(word: str, first: bool) -> bool:
    """Whether ``word`` cannot be part of a person's name; a name's first word after a role
    is only barred as a month, day or direction."""
    lower = word.lower().strip(".’'")
    if word.isupper() and len(word) > 1:
        return True
    return lower in (DATES_AND_DIRECTIONS if first else NOT_PERSON)


def _possessive_free(word: str) -> str:
    return re.sub(r"[’']s$", "", word)


@dataclass(frozen=True)
class Mention:
    """A person named in a sentence: where, the name's words, and the role given there."""

    start: int  # offsets into the sentence text
    end: int
    words: tuple[str, ...]
    role: str | None


def _plural_role(word: str) -> bool:
    """A plural role noun ("astronauts Ana Ruiz and Ben Ito"): the role of a group, not a name's."""
    lower = word.lower()
    return lower not in ROLE_NOUNS and lower.endswith("s") and lower[:-1] in ROLE_NOUNS


def role_after(text: str, end: int) -> str | None:
    """An appositive role right after a name: ", Albania's prime minister," -> the role.

    >>> role_after("Edi Rama, Albania's prime minister, said", 8)
    "Albania's prime minister"
    """
    m = re.match(r",\s+(?:who\s+(?:is|was)\s+)?((?:the\s+)?[^,;:“”\"()]{2,80}?)\s*(?:,|\)|$|\.)", text[end:])
    if not m:
        return None
    phrase = m.group(1).strip()
    words = WORD.findall(phrase)
    if not 1 <= len(words) <= 9 or not any(is_role_word(w) for w in words):
        return None
    if SPEECH_VERB.search(phrase):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", phrase)


def role_before(text: str, start: int) -> str | None:
    """A role in lower case just before a name: "Home Office minister Angela Eagle",
    "the shadow home secretary, Chris Philp".

    >>> role_before("said Home Office minister Angela Eagle", 26)
    'Home Office minister'
    """
    before = text[:start].rstrip()
    comma = before.endswith(",")
    words = WORD.findall(before.rstrip(","))
    if not words or not is_role_word(words[-1]) or _plural_role(words[-1]):
        return None
    taken: list[str] = []
    loose = 0  # lower-case modifiers of the role noun ("head coach", "home secretary")
    for w in reversed(words):
        lower = w.lower()
        if (lower in STOPWORDS and lower not in ("of", "for")) or (SPEECH_VERB.fullmatch(w) and not is_role_word(w)):
            break
        if not (w[0].isupper() or is_role_word(w) or lower in ("of", "for")):
            loose += 1
            if loose > (4 if comma else 2):
                break
        taken.append(w)
        if len(taken) >= 6:
            break
    while taken and taken[-1].lower() in ("of", "for"):
        taken.pop()
    return " ".join(reversed(taken)) or None


def mentions(text: str) -> list[Mention]:
    """The people named in one sentence, with the role given beside each.

    >>> [(m.words, m.role) for m in mentions("Speaking beside Albanian Prime Minister Edi Rama, he smiled.")]
    [(('Edi', 'Rama'), 'Albanian Prime Minister')]
    """
    found: list[Mention] = []
    for run in CAP_RUN.finditer(text):
        tokens = [
            (m.group(0), run.start() + m.start(), run.start() + m.end()) for m in re.finditer(r"\S+", run.group(0))
        ]
        # A capitalised first word of the sentence (or of a quotation) is not a name by itself.
        if run.start() == 0 or text[: run.start()].rstrip().endswith(("“", '"', ":")):
            while tokens and tokens[0][0].lower() in FUNCTION_CAPS:
                tokens = tokens[1:]
        tokens = tokens[: owner_length([w for w, _, _ in tokens])]
        if not tokens:
            continue
        role_words, name_words = split_role([w for w, _, _ in tokens])
        name, honorific = strip_honorific(name_words)
        if not name:
            continue
        name = [_possessive_free(w.rstrip(".") if len(w) > 2 else w) for w in name]
        first = tokens[len(tokens) - len(name)]
        role = " ".join(role_words) or role_before(text, tokens[0][1]) or role_after(text, run.end())
        previous = WORD.findall(text[: tokens[0][1]])
        place = bool(previous) and previous[-1].lower() in PLACE_PREPOSITIONS and role is None and not honorific
        if not place and looks_like_person(name, cue=bool(role) or honorific):
            found.append(Mention(first[1], run.end(), tuple(name), role))
    return found


class People:
    """The people named so far in a document; resolves a surname or first name to the
    fullest name given earlier ("Rama" -> "Edi Rama")."""

    def __init__(self) -> None:
        self.people: list[Person] = []

    def add(self, mention: Mention) -> Person:
        """Record a mention and return the person it names (merged with an earlier one)."""
        words = mention.words
        person = self.find(words)
        if person is None:
            person = Person(" ".join(words), mention.role, frozenset(_aliases(words)))
            self.people.append(person)
            return person
        name = person.name if len(person.name.split()) >= len(words) else " ".join(words)
        merged = Person(name, person.role or mention.role, person.aliases | _aliases(words))
        self.people[self.people.index(person)] = merged
        return merged

    def find(self, words: Sequence[str]) -> Person | None:
        """The most recent person whose name holds all of ``words``, if any."""
        key = " ".join(words).lower()
        for person in reversed(self.people):
            if key in person.aliases or set(w.lower() for w in words) <= set(person.name.lower().split()):
                return person
        return None

    @property
    def last(self) -> Person | None:
        return self.people[-1] if self.people else None


def _aliases(words: Sequence[str]) -> frozenset[str]:
    lowered = [w.lower() for w in words]
    return frozenset({" ".join(lowered), lowered[-1], lowered[0]})


@dataclass
class _State:
    people: People = field(default_factory=People)
    recent: Person | None = None  # the person most recently named, for he/she/they
    last_quote: tuple[int, Person] | None = None  # (paragraph, speaker) of the last quotation
    turn: tuple[int, Person] | None = None  # (paragraph, speaker) of a transcript turn
    elsewhere: Callable[[], People] | None = None  # the people other documents name, on demand


def named_people(sentences: Sequence[Sentence]) -> People:
    """The people ``sentences`` name outside quotations (``mentions``), one per name.

    >>> from assistant.sentences import split_sentences
    >>> [(p.name, p.role) for p in named_people(split_sentences("d", "Mayor Ana Ruiz spoke.")).people]
    [('Ana Ruiz', 'Mayor')]
    """
    people = People()
    for sentence in sentences:
        if sentence.citable:
            for mention in mentions(_blank(sentence.text, quote_spans(sentence.text))):
                people.add(mention)
    return people


def only_one_named(people: People, words: Sequence[str]) -> Person | None:
    """The one person of ``people`` that a one-word name is the surname or first name of
    (None for none or several: "Ruiz" of Ana Ruiz and Ben Ruiz names no one).

    >>> people = People()
    >>> _ = people.add(Mention(0, 0, ("Ana", "Ruiz"), "Mayor")), people.add(Mention(0, 0, ("Tom", "Okafor"), None))
    >>> only_one_named(people, ["Ruiz"]).role, only_one_named(people, ["Lee"])
    ('Mayor', None)
    """
    key = " ".join(words).lower()
    found = [p for p in people.people if key in p.aliases]
    return found[0] if len(found) == 1 else None


def attribute(sentences: Sequence[Sentence], elsewhere: Callable[[], People] | None = None) -> list[Quote]:
    """The quotations of one document's sentences (in order), each with its speaker; a
    transcript label of one word in capitals ("RUIZ:") names a speaker when it is the
    name of one person named ``elsewhere`` (the other documents), with that person's role.

    >>> from assistant.sentences import split_sentences
    >>> text = "Mayor Ana Ruiz opened the bridge. “It took ten years,” Ruiz said."
    >>> [(q.speaker, q.role, q.text) for q in attribute(split_sentences("d", text))]
    [('Ana Ruiz', 'Mayor', 'It took ten years,')]
    """
    state = _State(elsewhere=elsewhere)
    quotes: list[Quote] = []
    for sentence in sentences:
        if not sentence.citable:
            continue
        turn = _turn_quote(sentence, state)
        if turn is not None:
            quotes.append(turn)
            continue
        quotes.extend(_sentence_quotes(sentence, state))
    return quotes


def across_documents(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotations of several documents with one name per speaker: a speaker named by
    one word ("Nelson", in a document that gives no more) takes the fuller name, and role
    when it has none, of the one speaker of the other documents whose name ends or starts
    with that word; a word shared by two such speakers is left as it is.

    >>> q = lambda doc, who, role=None: Quote(f"{doc}#s1", doc, who, role, 0, 1, "x")
    >>> [(x.speaker, x.role) for x in across_documents([q("a", "Ana Ruiz", "Mayor"), q("b", "Ruiz")])]
    [('Ana Ruiz', 'Mayor'), ('Ana Ruiz', 'Mayor')]
    >>> [x.speaker for x in across_documents([q("a", "Ana Ruiz"), q("a", "Ben Ruiz"), q("b", "Ruiz")])]
    ['Ana Ruiz', 'Ben Ruiz', 'Ruiz']
    """
    full: dict[str, set[tuple[str, str | None]]] = {}
    for q in quotes:
        words = q.speaker.split()
        if len(words) >= 2:
            for word in (words[0], words[-1]):
                full.setdefault(word.lower(), set()).add((q.speaker, q.role))
    out = []
    for q in quotes:
        names = {name for name, _ in full.get(q.speaker.lower(), set())} if " " not in q.speaker else set()
        if len(names) == 1:
            name = names.pop()
            role = q.role or next((r for n, r in sorted(full[q.speaker.lower()], key=str) if n == name and r), None)
            q = Quote(q.sentence_id, q.doc_id, name, role, q.start, q.end, q.text)
        out.append(q)
    return out


LABEL = re.compile(
    rf"(?P<name>(?:{UPPER}[\w’'\-.]*\s+){{0,3}}{UPPER}[\w’'\-.]*)\s*(?:\((?P<role>[^()]{{1,120}})\))?\s*:\s+(?=\S)"
)
SENTENCE_BREAK = re.compile(rf"[!?]|{LOWER}{{2}}[.]\s+{UPPER}")


def reads_as_role(aside: str) -> bool:
    """Whether a bracketed aside after a name can be a role (a title, an office, a party and
    state), not a sentence or two: no question or exclamation mark, no full stop ending a word
    before a capital. Titles run long, so length alone decides nothing below the label's cap.

    >>> reads_as_role("Chief Operating Officer, Northern Rail"), reads_as_role("R-N.Y.")
    (True, True)
    >>> reads_as_role("speaking later. She then left")
    False
    """
    return SENTENCE_BREAK.search(aside) is None


def _unshouted(word: str, last: bool) -> str:
    """A word of a label in capitals as a name writes it: "RUIZ" -> "Ruiz", a particle before
    a surname in lower case ("DES CARS" -> "des Cars"; "LE" and "LA" keep their capital, as in "Le Pen")."""
    if not word.isupper() or len(word) < 2:
        return word
    return word.lower() if not last and word.lower() in PARTICLES and word.lower() not in ("le", "la") else word.title()


def speaker_label(text: str) -> tuple[list[str], str | None, int] | None:
    """A transcript speaker label opening ``text``: the name's words (capitals made title
    case), the role in brackets if given, and where the spoken words start.

    >>> speaker_label("ANA RUIZ (mayor): We open on Monday.")
    (['Ana', 'Ruiz'], 'mayor', 18)
    >>> speaker_label("Ruiz: Thank you."), speaker_label("It rained: all day.")
    ((['Ruiz'], None, 6), None)
    """
    m = LABEL.match(text)
    if m is None:
        return None
    words = [_unshouted(w, last=i == len(m["name"].split()) - 1) for i, w in enumerate(m["name"].split())]
    if words[0].lower() in FUNCTION_CAPS or (m["role"] and not reads_as_role(m["role"])):
        return None
    return words, m["role"], m.end()


def _turn_quote(sentence: Sentence, state: _State) -> Quote | None:
    """A sentence of a transcript turn as its speaker's words: one opening with a label
    that names a person (named before in the document, given a role in brackets, or two
    to four words in capitals), and every later sentence of that paragraph."""
    label = speaker_label(sentence.text)
    start = 0
    person: Person | None = None
    if label is not None:
        words, role, start = label
        title, words = leading_titles(words)
        role = role or (" ".join(title) if title else None)
        shouted = len(words) >= 2 and sentence.text[:start].split("(")[0].isupper()
        known = state.people.find(words) or _named_elsewhere(sentence.text[:start], words, role, state)
        if known is not None or ((role or shouted) and looks_like_person(words, cue=True)):
            person = known or state.people.add(Mention(0, 0, tuple(words), role))
        state.turn = (sentence.paragraph, person) if person is not None else None
    elif state.turn is not None and state.turn[0] == sentence.paragraph:
        person = state.turn[1]
    if person is None:
        return None
    state.recent = person
    return _quote(sentence, person, start, len(sentence.text))


def leading_titles(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """A transcript label's leading titles and honorifics, and the name after them: at
    least two words of name stay ("REP. ANDREW GARBARINO" -> Rep., Andrew Garbarino).

    >>> leading_titles(["Rep.", "Andrew", "Garbarino"]), leading_titles(["Cllr", "Ana", "Ruiz"])
    ((['Rep.'], ['Andrew', 'Garbarino']), (['Cllr'], ['Ana', 'Ruiz']))
    >>> leading_titles(["Mayor", "Ruiz"]), leading_titles(["Ana", "Ruiz"])
    (([], ['Mayor', 'Ruiz']), ([], ['Ana', 'Ruiz']))
    """
    at = 0
    while len(words) - at > 2 and (is_role_word(words[at]) or words[at].lower().rstrip(".") in HONORIFICS):
        at += 1
    return list(words[:at]), list(words[at:])


def _named_elsewhere(label: str, words: Sequence[str], role: str | None, state: _State) -> Person | None:
    """The person another document names that a one-word label in capitals ("MOORE:")
    names, recorded as named in this document (full name and role)."""
    if state.elsewhere is None or len(words) != 1 or role or not label.split(":")[0].strip().isupper():
        return None
    other = only_one_named(state.elsewhere(), words)
    return None if other is None else state.people.add(Mention(0, 0, tuple(other.name.split()), other.role))


def _sentence_quotes(sentence: Sentence, state: _State) -> Iterator[Quote]:
    text = sentence.text
    spans = quote_spans(text)
    frame = _blank(text, spans)
    named = [(m, state.people.add(m)) for m in mentions(frame)]
    single = _single_names(frame, state.people, {(m.start, m.end) for m, _ in named})
    people_here = sorted(named + single, key=lambda p: p[0].start)
    last_speaker: Person | None = None
    for span in spans:
        speaker = _speaker(frame, span, people_here, state)
        if speaker is not None:
            last_speaker = speaker
            state.last_quote = (sentence.paragraph, speaker)
            yield _quote(sentence, speaker, *span)
    if last_speaker is not None:
        state.recent = last_speaker
    elif people_here:
        verb = SPEECH_VERB.search(frame)
        subject = _subject(frame, verb.start(), people_here, state) if verb else None
        state.recent = subject or people_here[0][1]
        if subject is not None:  # their words may follow on their own: "Holm said X. “We ask ...”"
            state.last_quote = (sentence.paragraph, subject)


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with quoted words replaced by spaces, so names inside quotations don't count."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _quote(sentence: Sentence, speaker: Person, start: int, end: int) -> Quote:
    """``speaker``'s words at ``start:end`` of ``sentence`` (sentence offsets, trimmed of white space)."""
    s, e = _trim(sentence.text, start, end)
    return Quote(
        sentence_id=sentence.sentence_id,
        doc_id=sentence.doc_id,
        speaker=speaker.name,
        role=speaker.role,
        start=sentence.start + s,
        end=sentence.start + e,
        text=sentence.text[s:e],
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at either end."""
    inner = text[start:end]
    lead = len(inner) - len(inner.lstrip())
    return start + lead, start + len(inner.rstrip())


def _single_names(frame: str, people: People, taken: set[tuple[int, int]]) -> list[tuple[Mention, Person]]:
    """Surnames and first names of people named earlier ("Rama said")."""
    out = []
    for m in re.finditer(rf"\b{UPPER}[\w’'\-]+", frame):
        word = _possessive_free(m.group(0))
        if any(s <= m.start() < e for s, e in taken) or word.lower() in FUNCTION_CAPS:
            continue
        person = people.find([word])
        if person is not None:
            out.append((Mention(m.start(), m.end(), (word,), None), person))
    return out


def _speaker(
    frame: str, span: tuple[int, int], people_here: list[tuple[Mention, Person]], state: _State
) -> Person | None:
    """The speaker of the quotation at ``span``: see the module docstring for the order."""
    cues = [(m.start(), m.end(), "verb") for m in SPEECH_VERB.finditer(frame)]
    cues += [(m.start(), m.end(), "according") for m in ACCORDING_TO.finditer(frame)]
    if not cues:
        if not frame[: span[0]].strip(' “"') and state.last_quote is not None:
            return state.last_quote[1]  # a quotation running on from the sentence before
        if frame[: span[0]].rstrip().endswith(":"):
            return _subject(frame, span[0], people_here, state)
        return None
    if names_a_work(frame[: span[0]]):
        return None
    nearest = min(cues, key=lambda c: min(abs(c[0] - span[1]), abs(c[1] - span[0])))
    for cue in [*governing_cues(frame, cues, span), nearest]:
        speaker = _cue_speaker(frame, span, cue, people_here, state)
        if speaker is not None:
            return speaker
    return None


def governing_cues(
    frame: str, cues: Sequence[tuple[int, int, str]], span: tuple[int, int]
) -> list[tuple[int, int, str]]:
    """The verbs of speech (start, end, kind) a quotation may belong to, likeliest first:
    one right after it ("“...,” said Ruiz"); else the nearest before it (the quotation is
    what that verb reports: "Ruiz said she had asked the firm to “start again”, which it
    did"), then the ones before that within the same clause (a noun like "a hard call"
    may sit between); else the nearest after it.

    >>> f = "Ito said he had asked Ana Ruiz to ‘ ’ , whom he thanked."
    >>> governing_cues(f, [(4, 8, "verb"), (16, 21, "verb"), (45, 52, "verb")], (36, 37))
    [(16, 21, 'verb'), (4, 8, 'verb')]
    """
    after = [c for c in cues if c[0] >= span[1]]
    right_after = [c for c in after if not frame[span[1] : c[0]].strip(' ,.!?”"—–-')]
    if right_after:
        return right_after[:1]
    before = [c for c in cues if c[1] <= span[0]]
    if not before:
        return [min(after or cues, key=lambda c: c[0])]
    chosen = [before[-1]]
    for cue in reversed(before[:-1]):
        if re.search(r"[,;:—–]", frame[cue[1] : chosen[-1][0]]):
            break
        chosen.append(cue)
    return chosen


def _cue_speaker(
    frame: str,
    span: tuple[int, int],
    cue: tuple[int, int, str],
    people_here: list[tuple[Mention, Person]],
    state: _State,
) -> Person | None:
    """The speaker of the quotation at ``span`` through the verb of speech ``cue``."""
    start, end, kind = cue
    if kind == "according":
        named_after = [p for m, p in people_here if m.start >= end]
        return named_after[0] if named_after else None
    between = frame[span[1] : start]
    participle = frame[start:end].lower().endswith("ing")  # "..., saying" speaks for the subject
    if start >= span[1] and not between.strip(' ,.!?”"—–-') and not participle:
        # Inverted: "“...,” said Starmer" or "“...,” Starmer said".
        after = [(m, p) for m, p in people_here if m.start >= end and _only_role(frame[end : m.start], m.role)]
        if after:
            return after[0][1]
        if re.match(r"\s*(?:he|she|they)\b", frame[end:], re.I):
            return state.recent
        bare = re.match(rf"\s*({UPPER}[\w’'\-]+)\b", frame[end:])
        person = _bare_person(bare.group(1), state) if bare else None
        if person is not None:
            return person
    return _subject(frame, start, people_here, state)


# General English nouns of written or broadcast works, whose names are quoted as titles.
WORK_NOUNS = frozenset(
    """article report story headline title book novel film movie column editorial piece programme program
    documentary series episode song album play poem paper study essay podcast show exhibition""".split()
)
TITLE_VERB = re.compile(r"\b(?:headlined|titled|entitled|dubbed|nicknamed|named)\s*[,:]?\s*[“\"]?\s*$", re.I)
TITLE_WINDOW = 6  # words before a quotation a work noun may stand in
# Verbs that make a quotation after a work noun its predicate ("the story was “...”"), not its title.
FINITE_VERBS = frozenset("is was are were be been being has have had will would could should may might must".split())


def names_a_work(before: str) -> bool:
    """Whether a quotation preceded by ``before`` (its sentence up to the quotation) is the
    title of a work rather than speech: a title verb right before it ("an essay headlined
    “...”"), or a work noun among the last few words, no verb of speech nor "is/was/has"
    between ("The report, “...”, found", "An article published on 3 May, “...”, said").

    >>> names_a_work("Her second novel, “"), names_a_work("The minister told the report's authors: “")
    (True, False)
    """
    if TITLE_VERB.search(before):
        return True
    clause = re.split(r"[.;:!?]\s|[.;:!?]$", before.rstrip(" “\"'"))[-1]
    words = WORD.findall(clause)[-TITLE_WINDOW:]
    for i, w in enumerate(words):
        if w.lower() in WORK_NOUNS and not any(SPEECH_VERB.fullmatch(x) or x in FINITE_VERBS for x in words[i + 1 :]):
            return True
    return False


def _role_person(role: str, state: _State) -> Person:
    """The speaker a role alone names ("the Prime Minister said"): the person the document
    gave that role, or the one person it gave a role with the same head noun ("the former
    president" of "President Joe Biden"), else the role itself ("Downing Street spokesperson")."""
    for person in reversed(state.people.people):
        if person.role and person.role.lower() == role.lower():
            return person
    given = [p for p in state.people.people if p.role and role_names(role, p.role)]
    if len({p.name for p in given}) == 1:
        return given[0]  # "the former president added", of "President Joe Biden"
    return Person(role[:1].upper() + role[1:], None, frozenset({role.lower()}))


# Words before a role noun that say when someone held it, not which role it is.
ROLE_TIME = frozenset("the a an former then new current outgoing incoming acting interim".split())


def role_names(reference: str, role: str) -> bool:
    """Whether a role used alone ("the former president", "the leader") names the holder
    of ``role``: its words, those of time aside, end ``role`` ("President", "council leader";
    not "Home Office minister" for "the prime minister").

    >>> role_names("the former president", "President"), role_names("the leader", "council leader")
    (True, True)
    >>> role_names("the prime minister", "Home Office minister"), role_names("the chief", "fire chief")
    (False, True)
    """
    ref = [w.lower() for w in WORD.findall(reference)]
    while ref and ref[0] in ROLE_TIME:
        ref = ref[1:]
    words = [w.lower() for w in WORD.findall(role)]
    return bool(ref) and is_role_word(ref[-1]) and words[-len(ref) :] == ref


def _only_role(between: str, role: str | None) -> bool:
    """Whether the words between a verb and a name are nothing, or the name's role."""
    rest = re.sub(r"^(?:the|a|an|its|his|her|their|our)\s+", "", between.strip(" ,"), flags=re.I)
    words = rest.split()
    while words and words[-1].lower().rstrip(".") in HONORIFICS:  # "the club's chairman, Dr."
        words.pop()
    rest = " ".join(words).strip(" ,")
    return not rest or (role is not None and rest.lower() == role.lower())


def _bare_person(word: str, state: _State) -> Person | None:
    """A lone capitalised word beside a verb of speech names its speaker ("said Ruiz")."""
    word = _possessive_free(word)
    lower = word.lower()
    if lower in FUNCTION_CAPS or lower in NOT_PERSON or lower in HONORIFICS or is_role_word(word) or word.isupper():
        return None
    return state.people.find([word]) or state.people.add(Mention(0, 0, (word,), None))


def _subject(frame: str, verb_at: int, people_here: list[tuple[Mention, Person]], state: _State) -> Person | None:
    """The person speaking through the verb at ``verb_at``: the name or pronoun just before
    it (an appositive or an adverb between allowed), else the first name of the sentence."""
    cut = verb_at
    between = re.search(
        r"(?:\s+(?:who|which|\w+ly|also|then|later|has|had|have|was|is|were|would|will|once))+\s*$", frame[:cut]
    )
    if between:
        cut = between.start()  # "Becker, the spokesman, who said", "Dubois also warned"
    ends = [cut]
    appositive = re.search(r",[^,]{2,90},\s*$", frame[:cut])
    if appositive:
        owner = appositive_owner(frame, appositive.start(), people_here)
        if owner is not None:
            return owner  # "Ruiz, the head of research at Northwind Labs, said": Ruiz, not "Labs"
        if DESCRIPTION.match(appositive.group()):
            ends = []  # "Roux, a senior figure in the Green Alliance, wrote": never the Alliance
        ends.append(appositive.start())  # "Rama, Albania's premier, said"
    for end in ends:
        role = role_before(frame, end)
        if role is not None and not any(m.end == end for m, _ in people_here):
            return _role_person(role, state)  # "A Downing Street spokesperson said"
        for m, person in reversed(people_here):
            if m.end <= end and (not frame[m.end : end].strip(" ,’'s") or is_affiliation(frame[m.end : end])):
                return person  # "Ruiz said", "Professor Ruiz of Leeds University said"
        pronoun = re.search(r"\b(?:he|she|they)[\s,]*$", frame[:end], re.I)
        if pronoun:
            named_before = [p for m, p in people_here if m.end <= pronoun.start()]
            return named_before[-1] if named_before else state.recent
        bare = re.search(rf"(?:^|[\s,])({UPPER}[\w’'\-]+)[\s,]*$", frame[:end])
        lone = _bare_person(bare.group(1), state) if bare else None
        if lone is not None:
            return lone
    earlier = [p for m, p in people_here if m.end <= verb_at]
    if earlier and re.match(r"\w+ing\b", frame[verb_at:]):
        return earlier[0]  # "Rama dismissed the idea, saying: ..."
    before = coordinated_with(frame, verb_at)
    if before is not None:
        return _subject(frame, before, people_here, state)  # "He asked why ..., and called it ..."
    return None


def coordinated_with(frame: str, verb_at: int) -> int | None:
    """Where the verb that a verb of speech at ``verb_at`` is coordinated with starts, when
    "and" or "but" joins them, so that the two share their subject: the last verb of speech
    before it ("He asked how the plant could fail, and called it “a scandal”"), else the
    verb right after a pronoun opening the sentence ("She praised the crew but warned ...").
    None when no "and" / "but" stands right before the verb.

    >>> f = "He asked how it could fail, and called it ‘ ’."
    >>> coordinated_with(f, f.index("called")), coordinated_with(f, f.index("asked"))
    (3, None)
    >>> f = "She praised the crew but warned of ‘ ’."
    >>> coordinated_with(f, f.index("warned"))
    4
    """
    joined = re.search(r"(?:,\s*)?\b(?:and|but)\s+$", frame[:verb_at], re.I)
    if joined is None:
        return None
    verbs = [m.start() for m in SPEECH_VERB.finditer(frame, 0, joined.start())]
    if verbs:
        return verbs[-1]
    opening = re.match(r"\s*(?:he|she|they)\s+", frame, re.I)
    return opening.end() if opening else None


AFFILIATION = re.compile(rf"\s+(?:of|at|from)\s+(?:the\s+)?{NAME_WORD}(?:\s+(?:of\s+)?{NAME_WORD}){{0,4}}\s*")


def is_affiliation(between: str) -> bool:
    """Whether the words between a name and its verb are only where the person is from
    ("Lena Brandt of Oxford University said", "Tom Ito at the Met Office warned").

    >>> is_affiliation(" of Oxford University "), is_affiliation(" at the Met Office "), is_affiliation(" and her team ")
    (True, True, False)
    """
    return AFFILIATION.fullmatch(between) is not None


# An appositive describing the one named before it ("a senior figure in the party", "the man
# who found the car"): a name inside it is never the subject of the verb after it.
DESCRIPTION = re.compile(r",\s+(?:a|an|the|one)\s", re.I)


def appositive_owner(frame: str, comma: int, people_here: Sequence[tuple[Mention, Person]]) -> Person | None:
    """The person named right before an appositive role set off by commas, whom the verb after
    it has as subject, whatever organisation or place the role names.

    >>> f = "Ana Ruiz, the head of research at Northwind Labs, said"
    >>> p = People()
    >>> appositive_owner(f, 8, [(m, p.add(m)) for m in mentions(f)]).name
    'Ana Ruiz'
    """
    for m, person in people_here:
        if m.end == comma and role_after(frame, m.end) is not None:
            return person
    return None
