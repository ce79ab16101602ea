"""Comparing two assistants' answers, for the tests that show two paths answer alike."""

from __future__ import annotations

from assistant import Assistant


def same_answers(light: Assistant, heavy: Assistant, conversations: list[tuple[str, ...]]) -> int:
    """Ask each conversation through both assistants (earlier answers become history);
    assert every answer is the same; return the number of questions asked."""
    asked = 0
    for turns in conversations:
        history: list[tuple[str, str]] = []
        for turn in turns:
            a = light.ask(turn, history=history).to_dict()
            b = heavy.ask(turn, history=history).to_dict()
            a.pop("latency_ms", None)
            b.pop("latency_ms", None)
            assert a == b, turn
            history.append((turn, a["text"]))
            asked += 1
    return asked
