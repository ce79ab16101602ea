"""The public API is exactly what ``assistant.__all__`` says (httpx's habit)."""

import assistant


def test_all_exports_exist_and_are_public() -> None:
    exported = set(assistant.__all__)
    public = {name for name in dir(assistant) if not name.startswith("_")}
    assert {"Assistant", "ask", "Answer", "Citation", "AssistantError"} <= exported
    for name in exported:
        assert getattr(assistant, name).__module__.startswith("assistant.")
    assert exported <= public
