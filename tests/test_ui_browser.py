"""The page as a new user sees it, in a real headless Chromium (Debian's ``chromium``).

Screenshots go to ``test-artifacts/`` (git-ignored) on every run; set
``BRIEFING_UPDATE_SCREENSHOTS=1`` to also refresh the README's ``docs/screenshot-*.png``.
Without Chromium or Playwright the tests skip locally and fail in CI (``CI`` set).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

try:
    from tests.test_ui_server import AppServer, client
except ImportError:  # pytest's rootdir-relative import when tests/ is not a package
    from test_ui_server import AppServer, client  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
QUESTION = "Did Albania agree to host one of the UK's return hubs?"

pytestmark = pytest.mark.slow


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = shutil.which("chromium")
    if executable is None:
        _unavailable("chromium is not installed: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed: pip install -e '.[dev]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    app = AppServer.start(tmp_path_factory.mktemp("app"))
    yield app
    app.stop()


def open_page(browser: Any, server: AppServer, viewport: dict[str, int], scale: int = 1) -> tuple[Any, list[str]]:
    """A fresh page on the app, recording any request that leaves this machine."""
    page = browser.new_page(viewport=viewport, device_scale_factor=scale)
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((server.url, "data:", "blob:")) else None,
    )
    page.goto(server.url)
    page.wait_for_selector("#question textarea")
    page.evaluate("document.fonts.ready")
    return page, outside


def screenshot(page: Any, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(300)  # let the marker flash and smooth scroll settle
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)
    if os.environ.get("BRIEFING_UPDATE_SCREENSHOTS") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copy(ARTIFACTS / f"{name}.png", ROOT / "docs" / f"{name}.png")


def ask(page: Any, question: str, turn: int) -> None:
    page.fill("#question textarea", question)
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#sources #turn-{turn} article.src mark", timeout=60_000)


def test_desktop_question_shows_highlighted_source_in_context(browser: Any, server: AppServer) -> None:
    expected = client(server.url).predict(QUESTION, api_name="/ask")
    page, outside = open_page(browser, server, DESKTOP)

    # First load: corpus name and size, and example questions from the corpus's topics.
    head = page.inner_text("#app-head")
    assert "1 document" in head
    examples = page.locator("#chat button").all_inner_texts()
    assert any("Return Hubs to Target Rejected Asylum Seekers Only" in e for e in examples)

    ask(page, QUESTION, 1)
    answer = page.locator("#chat .answer").last
    assert "ruled out" in answer.inner_text()
    assert answer.locator(".verdict").inner_text().strip().lower() in ("answer", "premise corrected")

    # Every cited sentence is in the panel, highlighted inside its paragraph.
    for c in expected["citations"]:
        card = page.locator(f"#src-1-{c['marker']}")
        assert card.locator("mark").inner_text() == c["quote"]
        paragraph = card.locator(".src-para").inner_text()
        assert c["quote"] in paragraph
        assert c["title"] in card.locator(".src-title").inner_text()
        assert card.locator("mark").evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"

    # Clicking a marker brings its source into view and marks it active.
    page.evaluate("document.querySelector('#sources').scrollTop = 10000")
    marker = answer.locator("a.cite").last
    marker.click()
    target = page.locator(marker.get_attribute("href")).first
    page.wait_for_function(
        "id => document.querySelector(id).classList.contains('active')", arg=marker.get_attribute("href")
    )
    page.wait_for_timeout(600)
    assert target.is_visible() and target.bounding_box() is not None
    box, panel = target.bounding_box(), page.locator("#sources").bounding_box()
    assert panel["y"] - 1 <= box["y"] and box["y"] + 20 <= panel["y"] + panel["height"]

    # Sources sit beside the chat on a desktop.
    chat = page.locator("#chat-col").bounding_box()
    assert page.locator("#sources-col").bounding_box()["x"] >= chat["x"] + chat["width"] - 1
    screenshot(page, "screenshot-desktop")
    assert outside == [], f"the page reached outside this machine: {outside}"
    page.close()


def test_follow_up_decline_and_premise_correction_look_different(browser: Any, server: AppServer) -> None:
    page, outside = open_page(browser, server, DESKTOP)
    ask(page, "Did Albania agree to host a return hub?", 1)
    ask(page, "Why not?", 2)  # only answerable with the history: alone, the engine declines
    follow_up = page.locator("#chat .answer").last
    assert "verdict-answer" in follow_up.get_attribute("class")
    assert "Albania" in follow_up.inner_text()

    page.fill("#question textarea", "What did the French President say about the hubs?")
    page.keyboard.press("Enter")
    page.wait_for_selector("#chat div.answer.verdict-decline")
    assert page.locator("#sources #turn-3 .src-related").count() >= 1  # related reading, labelled

    ask(page, "Why did Albania agree to host the hubs?", 4)
    page.wait_for_selector("#chat div.answer.verdict-correction")
    styles = [
        page.locator(f"#chat div.answer.{css}").last.evaluate(
            "e => { const s = getComputedStyle(e); return [s.borderLeftStyle, s.borderLeftWidth, s.fontStyle].join(' ') }"
        )
        for css in ("verdict-answer", "verdict-decline", "verdict-correction")
    ]
    assert len(set(styles)) == 3, styles  # answered, declined and corrected all look different

    page.get_by_role("button", name="New chat").click()
    page.wait_for_selector("#sources .sources-empty")
    assert page.locator("#chat .answer").count() == 0
    assert outside == []
    page.close()


def test_phone_width_stacks_sources_under_the_chat(browser: Any, server: AppServer) -> None:
    page, _ = open_page(browser, server, PHONE, scale=2)
    ask(page, QUESTION, 1)
    chat = page.locator("#chat-col").bounding_box()
    sources = page.locator("#sources-col").bounding_box()
    assert sources["y"] >= chat["y"] + chat["height"] - 1
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    page.locator("#chat .answer a.cite").first.click()
    page.wait_for_function("() => !!document.querySelector('article.src.active')")
    screenshot(page, "screenshot-phone", full_page=True)
    page.close()
