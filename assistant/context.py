"""What a cited sentence needs to be read alone, and what carries a comparison on.

A sentence refers back when it opens with a pronoun, a demonstrative or a shell noun
("The aim is ...", Schmid 2000), or names "this statement", "these remarks", "any such
deal" inside: the sentence before it is cited with it, right after it when it is the
answer's best sentence (the answer leads with what answers), else before it. A bullet
brings its list's lead-in above it, a lead-in its list. A sentence that is itself a
question (in a transcript or an FAQ) is answered by the line after it, and a transcript
reply opening a turn after a question means little without that question (``question_answered``). A question that
compares ("How does X differ from Y?") is answered by the best sentence and the ones
after it that carry the comparison on ("That policy ...", "In contrast, ...").

Not handled: references further back than the sentence before, cataphora ("Before she
spoke, the mayor ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answerability import leans_back
from assistant.lexical import tokenize
from assistant.records import Sentence
from assistant.speakers import speaker_label

CONTRAST = re.compile(
    r"\b(?:differ(?:s|ed|ence|ent)?|compar(?:e|ed|es|ison)|contrast|versus|vs\.?|distinct|unlike|same as|similar to)\b",
    re.I,
)
CONTINUES = re.compile(
    r"^(?:that|this|these|those|such|it|in contrast|by contrast|however|instead|unlike|whereas|but)\b", re.I
)
# Shell nouns (Schmid 2000): "The aim is ...", "The decision was ..." refer to something
# the sentence before introduced.
SHELL_NOUN_START = re.compile(
    r"^\W*the\s+(?:aim|goal|purpose|idea|plan|move|decision|proposal|policy|measure|scheme|deal|agreement|"
    r"reason|result|outcome|problem|change|fact|claim|finding|announcement|statement|step|effort|approach)\b",
    re.I,
)
SHELL_NOUNS = (
    r"statements?|remarks?|comments?|claims?|announcement|decision|move|plan|proposal|policy|measure|deal|"
    r"agreement|warning|pledge|promise|criticism|view|figures?|findings?|report|news|argument|step|change"
)
# "Critics seized on this statement": a demonstrative and a shell noun inside the sentence
# refer to what the sentence before said.
DEMONSTRATIVE_SHELL = re.compile(rf"\b(?:this|these|such)\s+(?:{SHELL_NOUNS})\b", re.I)


def is_question(text: str) -> bool:
    """Whether a sentence is itself a question (in a transcript, an FAQ, an interview).

    >>> [is_question(t) for t in ["Q: Will fares rise?", "Fares will rise.", "Why now?” she asked."]]
    [True, False, False]
    """
    return text.rstrip().rstrip("”\"'’").endswith("?")


def question_answered(doc: Sequence[Sentence], sentence: Sentence) -> Sentence | None:
    """The question a transcript reply answers: when ``sentence`` opens a speaker's turn
    (``speakers.speaker_label``) and the turn before ends with a question (``is_question``),
    that question. A reply such as "About 1,300 on Friday." means nothing without it."""
    at = sentence.ordinal
    if not 0 < at < len(doc) or speaker_label(sentence.text) is None:
        return None
    before = doc[at - 1]
    if before.paragraph == sentence.paragraph or not before.citable or not is_question(before.text):
        return None
    return before


NEGATION = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.I)


def puts_same_question(put: str, asked: str) -> bool:
    """Whether a question put in a transcript (``put``, after any speaker label) asks what
    ``asked`` asks: the same wh-word, both negated or neither, every content word of ``put``
    in ``asked`` (a pronoun standing for the rest: "Why were they not stopped?").

    >>> puts_same_question("OKAFOR: Why did they rise?", "Why did Harbridge Rail's fares rise?")
    True
    >>> puts_same_question("Why did fares rise?", "Why did fares not rise?"), puts_same_question("When did fares rise?", "Why did fares rise?")
    (False, False)
    """
    label = speaker_label(put)
    put = put[label[2] :] if label else put
    words = set(tokenize(put))
    first = re.match(r"\W*(\w+)", put)
    return (
        bool(words)
        and first is not None
        and re.match(rf"\W*{re.escape(first.group(1))}\b", asked, re.I) is not None
        and bool(NEGATION.search(put)) == bool(NEGATION.search(asked))
        and words <= set(tokenize(asked))
    )


# Words that put what a sentence says on one side of an event ("before the flood").
EARLIER = re.compile(r"\b(?:before|until|prior\s+to|ahead\s+of)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?([a-z]+)", re.I)
LATER = re.compile(r"\b(?:after|since|following)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?([a-z]+)", re.I)


def opposite_time(question: str, text: str) -> bool:
    """Whether ``text`` sets what it says on the other side of an event than the question
    does ("after the flood" against "Before the flood, the mill ..."): the same word
    after "before"/"until" in one and "after"/"since" in the other.

    >>> opposite_time("What did the town do after the flood?", "Before the flood the mill employed 90.")
    True
    >>> opposite_time("What did the town do after the flood?", "After the flood the town rebuilt the weir.")
    False
    """

    def events(pattern: re.Pattern[str], words: str) -> set[str]:
        return {m[1].lower().rstrip("s") for m in pattern.finditer(words)}

    return bool(events(LATER, question) & events(EARLIER, text) or events(EARLIER, question) & events(LATER, text))


# "After that, ...", "Because of that call, ...", "By then ...", "Despite these warnings, ...":
# an opening phrase whose object is a demonstrative (never "this outlet's", which names
# the text itself), or a connective that answers what came before ("As a result, ...").
REFERRING_OPENER = re.compile(
    r"^\W*(?:(?:because\s+of|as\s+a\s+result\s+of|in\s+response\s+to|in\s+spite\s+of|due\s+to|ahead\s+of|"
    r"prior\s+to|instead\s+of|apart\s+from|after|before|by|since|until|till|despite|following|for|from|"
    r"with|without|under|on|at|in|during|besides|like|unlike)\s+(?:all\s+)?(?:that|this|these|those|then|which)\b"
    r"(?!\s+[\w-]+[’']s\b)|(?:as\s+a\s+result|in\s+response|in\s+turn|even\s+so|even\s+then|after\s+all)\s*,)",
    re.I,
)


def opens_with_reference(text: str) -> bool:
    """Whether a sentence opens by referring to what came before: a pronoun, a
    demonstrative or a shell noun ("The aim is ...").

    >>> [opens_with_reference(t) for t in ["The plan was dropped.", "Fans cheered these remarks."]]
    [True, False]
    """
    return leans_back(text) or SHELL_NOUN_START.match(text) is not None


def opens_referring(text: str) -> bool:
    """Whether a sentence opens by referring to what came before (``opens_with_reference``)
    or with a phrase whose object is a demonstrative ("After that, ...", "Because of that
    call, ...", ``REFERRING_OPENER``). Only for citing what it refers to: the scores and
    the answerability features read ``opens_with_reference``.

    >>> [opens_referring(t) for t in ["After that, the ferry sailed.", "By this paper's count, 40 died."]]
    [True, False]
    """
    return opens_with_reference(text) or REFERRING_OPENER.match(text) is not None


def refers_back(text: str) -> bool:
    """Whether a sentence refers to what came before: it opens with a pronoun, a
    demonstrative, a shell noun ("The aim is ...") or a referring phrase ("After that,"),
    or names "this statement", "these remarks" inside.

    >>> [refers_back(t) for t in ["This rule applies from May.", "The plan was dropped.", "Rain fell."]]
    [True, True, False]
    >>> refers_back("Fans cheered these remarks loudly.")
    True
    """
    return opens_referring(text) or DEMONSTRATIVE_SHELL.search(text) is not None


def states_attribute(noun: str, text: str) -> bool:
    """Whether ``text`` opens by stating ``noun`` of something named before it: "The aim is
    to ...", "Its purpose was ...", "The cause, investigators said, was ...".

    >>> states_attribute("goal", "The goal is to halve waiting lists by 2027.")
    True
    >>> states_attribute("goal", "The club scored a late goal.")
    False
    """
    pattern = rf"^\W*(?:the|its|their|his|her)\s+(?:\w+\s+)?{re.escape(noun)}s?\b[^.]{{0,40}}?\b(?:is|was|are|were|will be|would be)\b"
    return re.match(pattern, text, re.I) is not None


def sentence_before(doc: Sequence[Sentence], sentence: Sentence, leans: bool | None = None) -> Sentence | None:
    """The citable sentence ``sentence`` may lean on: the one before it in its paragraph,
    or, when it opens its paragraph by referring back ("He added ...") and the paragraph
    before is one sentence long (a text that gives each sentence a line, where a line
    break is no change of topic), that sentence, in the same section. ``leans`` says
    whether it refers back, when the caller knows better than its opening words."""
    at = sentence.ordinal
    if not 0 < at < len(doc) or not doc[at - 1].citable:
        return None
    before = doc[at - 1]
    if before.paragraph == sentence.paragraph:
        return before
    one_line = at < 2 or doc[at - 2].paragraph != before.paragraph
    if one_line and before.kind == "sentence" and before.section == sentence.section:
        refers = opens_with_reference(sentence.text) if leans is None else leans
        return before if refers else None
    return None


def phrase_referent(doc: Sequence[Sentence], sentence: Sentence) -> Sentence | None:
    """The sentence a sentence opening with a referring phrase ("After that, ...",
    ``REFERRING_OPENER``) points to: the one before it in its section, across a paragraph
    break too, since such a phrase often opens a paragraph; None for other sentences."""
    at = sentence.ordinal
    if REFERRING_OPENER.match(sentence.text) is None or not 0 < at < len(doc):
        return None
    before = doc[at - 1]
    ok = before.citable and before.kind == "sentence" and before.section == sentence.section
    return before if ok else None


def with_context(
    items: list[list[Sentence]],
    doc_of: Callable[[Sentence], Sequence[Sentence]],
    referent: Callable[[Sentence], Sentence | None],
    replies: bool = True,
) -> list[list[Sentence]]:
    """Add, as items of their own, what each item's first sentence needs to be read alone:
    a bullet's lead-in (above it: the two read as one sentence), a lead-in's list, the
    sentence it refers to (``referent``), and with ``replies`` the line answering a
    question. The first item leads and the sentence it refers to follows it; the other
    items follow in document order, each after what it refers to."""
    first, rest = items[0], sorted(items[1:], key=lambda i: (i[0].doc_id, i[0].ordinal))
    out: dict[str, list[Sentence]] = {}
    for item in [first, *rest]:
        sentence = item[0]
        doc = doc_of(sentence)
        at = sentence.ordinal
        if sentence.kind == "bullet" and sentence.lead_in:
            lead = next((s for s in reversed(doc[:at]) if s.kind != "bullet"), None)
            if lead is not None and lead.text == sentence.lead_in and lead.citable:
                out.setdefault(lead.sentence_id, [lead])
        elif at + 1 < len(doc) and doc[at + 1].lead_in == sentence.text:
            out.setdefault(sentence.sentence_id, item)
            for bullet in doc[at + 1 :]:
                if bullet.kind != "bullet" or bullet.lead_in != sentence.text or not bullet.citable:
                    break
                out.setdefault(bullet.sentence_id, [bullet])
        elif (before := referent(sentence)) is not None:
            if item is first:
                out.setdefault(sentence.sentence_id, item)
            out.setdefault(before.sentence_id, [before])
        out.setdefault(sentence.sentence_id, item)
        if replies and is_question(sentence.text) and at + 1 < len(doc) and doc[at + 1].citable:
            reply = doc[at + 1]  # a question in a transcript or FAQ is answered by the next line
            out.setdefault(reply.sentence_id, [reply])
    return list(out.values())
