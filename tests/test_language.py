"""Questions that are not in English get a hint when declined (issue 12, item 10)."""

from __future__ import annotations

import pytest

from assistant.language import looks_non_english


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("¿Qué dijo el primer ministro sobre los centros de retorno?", True),
        ("Pourquoi les dockers de Rotterdam sont-ils en grève ?", True),
        ("Wie viel Geld will die Regierung für die Schienen ausgeben?", True),
        ("Quanto costa il nuovo ponte della città?", True),
        ("Onde fica o centro de retorno que você mencionou?", True),
        ("Что сказал премьер-министр Албании?", True),
        ("阿尔巴尼亚同意了吗？", True),
        ("Quanto tempo durou a greve?", True),
        ("Hoe lang duurde de staking in de haven?", True),
        ("Wanneer opent de nieuwe brug?", True),
        ("Was ist die Hauptstadt von Peru?", True),
        ("Did Albania agree to host a UK return hub?", False),
        ("El Niño forecast for Peru?", False),
        ("Rotterdam port strike duration?", False),
        ("Van Gogh museum ticket prices", False),
        ("A list of the hubs?", False),
        ("What did Le Pen say about the El Niño forecast?", False),
        ("How long did the strike in Rotterdam last?", False),
        ("Who is José Manuel Albares?", False),
        ("Is the café in Málaga still closed?", False),
        ("Macron?", False),
        ("", False),
    ],
)
def test_looks_non_english(question: str, expected: bool) -> None:
    assert looks_non_english(question) is expected
