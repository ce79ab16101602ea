"""Findings: "What did the review conclude?" asks for what a review, inquiry or court found.

A question asks for a finding when it asks what someone concluded, found, determined,
established or ruled (``asks_finding``). A sentence states one when a verb of finding
introduces what was found ("It found that ...", "The panel concluded that ...", "ruled
that") or a list of findings ("The main findings are:"); a sentence saying who ordered
or led the review does not (``states_finding``).

Not handled: findings stated without such a verb ("The crash was the pilot's fault, the
report says"), a finding whose "that" is left out ("It found the wing had cracked").
"""

from __future__ import annotations

import re

ASKS_FINDING = re.compile(
    r"^\W*(?:and\s+|so\s+|but\s+)?what\s+(?:else\s+)?(?:did|does|do|has|have|had)\s+.+?\s+"
    r"(?:conclude|concluded|find|found|determine|determined|establish|established|rule|ruled)\b",
    re.I,
)
STATES_FINDING = re.compile(
    r"\b(?:found|finds|concluded|concludes|determined|determines|established|establishes|ruled|rules)\s+that\b"
    r"|\b(?:findings|conclusions)\s+(?:are|were|include|included)\s*:",
    re.I,
)


def asks_finding(question: str) -> bool:
    """Whether a question asks what someone concluded or found.

    >>> [asks_finding(q) for q in ["What did the inquiry conclude?", "What did the court rule?", "Who led the inquiry?"]]
    [True, True, False]
    """
    return ASKS_FINDING.match(question) is not None


def states_finding(text: str) -> bool:
    """Whether ``text`` states what was found or concluded, or opens a list of findings.

    >>> states_finding("It found that the pilots had been too tired to fly.")
    True
    >>> states_finding("The inquiry was ordered by the transport minister and led by a judge.")
    False
    """
    return STATES_FINDING.search(text) is not None
