"""The page as a new user sees it, in a real headless Chromium (Debian's ``chromium``).

One server for the module; each test opens its own browser context (its own local
storage). Screenshots go to ``test-artifacts/`` (git-ignored) on every run; set
``BRIEFING_UPDATE_SCREENSHOTS=1`` to also refresh the README's ``docs/screenshot-*.png``.
Without Chromium or Playwright the tests skip locally and fail in CI (``CI`` set).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
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
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
QUESTION = "Did Albania agree to host one of the UK's return hubs?"
WAIT = 90_000  # ms for an answer on a shared, busy 2-core machine

# Documents written for these tests (not from the seed article).
FERRY = """Harbour Council Votes to Keep the Night Ferry

The harbour council of Lindmoor voted on Tuesday to keep the night ferry running until at least 2027.
The service carries about 340 passengers a night between the old port and the island of Skarra.
Councillor Brenna Holt said the ferry was the only link for shift workers at the island's fish plant.
"""
LIBRARY = """Branch Library Reopens After Flood Repairs

The Eastfield branch library reopened on Monday after eight months of flood repairs.
Repairs to the ground floor and the children's room cost the county £410,000.
Head librarian Tomas Reyes said the new shelving sits above the 2023 flood line.
"""

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
    """A page in a fresh context (its own storage), recording requests that leave this machine."""
    context = browser.new_context(viewport=viewport, device_scale_factor=scale, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
    page = context.new_page()
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((server.url, "data:", "blob:")) else None,
    )
    page.goto(server.url)
    page.wait_for_selector("#question textarea")
    page.evaluate("document.fonts.ready")
    return page, outside


def close(page: Any) -> None:
    context = page.context
    page.close()
    context.close()


def screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(400)  # let the marker flash and smooth scroll settle
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    if os.environ.get("BRIEFING_UPDATE_SCREENSHOTS") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copy(ARTIFACTS / f"{name}.png", ROOT / "docs" / f"{name}.png")


def ask(page: Any, question: str, turn: int) -> Any:
    """Ask in the page and wait for the answer of this turn; returns its bubble."""
    page.fill("#question textarea", question)
    page.keyboard.press("Enter")
    bubble = page.locator(f"#chat .answer.turn-{turn}")
    bubble.wait_for(timeout=WAIT)
    return bubble


def input_in_viewport(page: Any, viewport: dict[str, int]) -> None:
    box = page.locator("#question textarea").bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box
    assert page.evaluate("window.scrollY") == 0


def test_desktop_marker_click_scrolls_the_panel_not_the_page(browser: Any, server: AppServer) -> None:
    expected = client(server.url).predict(QUESTION, api_name="/ask")
    page, outside = open_page(browser, server, DESKTOP)
    assert re.search(r"\b1 document\b", page.inner_text("#app-head"))
    starters = page.locator("button.suggestion:visible")
    starters.first.wait_for(timeout=WAIT)
    assert all(q.endswith("?") for q in starters.all_inner_texts())

    answer = ask(page, QUESTION, 1)
    assert "ruled out" in answer.inner_text()
    page.wait_for_selector("#sources #turn-1 article.src mark")
    for c in expected["citations"]:
        card = page.locator(f"#src-1-{c['marker']}")
        assert card.locator("mark").inner_text() == c["quote"]
        assert c["title"] in card.locator(".src-title").inner_text()
        assert "sentence " in card.locator(".src-meta").inner_text()
        assert "#s" not in card.inner_text()  # no hashed ids

    # More answers make the panel taller than the screen; it scrolls by itself.
    ask(page, "How much will the UK invest in Albania's digital forensics?", 2)
    ask(page, "Who branded the trip an embarrassment?", 3)
    page.wait_for_selector("#sources #turn-3 article.src")
    page.evaluate("document.querySelectorAll('#sources details.turn').forEach(d => d.open = true)")
    marker = page.locator("#chat .answer.turn-1 a.cite").first
    marker.click()
    page.wait_for_function(
        "id => document.querySelector(id).classList.contains('active')", arg=marker.get_attribute("href")
    )
    page.wait_for_timeout(800)
    card = page.locator(marker.get_attribute("href")).bounding_box()
    panel = page.locator("#sources").bounding_box()
    assert panel["y"] - 1 <= card["y"] <= panel["y"] + panel["height"] - 20
    input_in_viewport(page, DESKTOP)

    # Follow-ups the engine can answer are offered after an answer.
    follow = page.locator("button.suggestion:visible")
    follow.first.wait_for(timeout=WAIT)
    assert 1 <= follow.count() <= 3
    chat = page.locator("#chat-col").bounding_box()
    assert page.locator("#sources-col").bounding_box()["x"] >= chat["x"] + chat["width"] - 1
    page.locator("#chat .answer.turn-1 a.cite").first.click()
    screenshot(page, "screenshot-desktop")
    assert outside == [], f"the page reached outside this machine: {outside}"
    close(page)


def test_follow_up_decline_and_premise_correction_look_different(browser: Any, server: AppServer) -> None:
    page, outside = open_page(browser, server, DESKTOP)
    ask(page, "Did Albania agree to host a return hub?", 1)
    follow_up = ask(page, "Why not?", 2)  # only answerable with the history: alone, the engine declines
    assert "verdict-answer" in follow_up.get_attribute("class")
    assert "Albania" in follow_up.inner_text()

    declined = ask(page, "What did the French President say about the hubs?", 3)
    assert "verdict-decline" in declined.get_attribute("class")
    page.wait_for_selector("#sources #turn-3 .src-related")  # related reading, labelled as such
    ask(page, "Why did Albania agree to host the hubs?", 4)
    page.wait_for_selector("#chat div.answer.verdict-correction")
    styles = [
        page.locator(f"#chat div.answer.{css}").last.evaluate(
            "e => { const s = getComputedStyle(e); return [s.borderLeftStyle, s.borderLeftWidth, s.fontStyle].join(' ') }"
        )
        for css in ("verdict-answer", "verdict-decline", "verdict-correction")
    ]
    assert len(set(styles)) == 3, styles  # answered, declined and corrected all look different
    assert outside == []

    # Far from every document: no related passages, but questions the documents can answer.
    page.get_by_role("button", name="New chat").click()
    page.wait_for_selector("#sources .sources-empty")
    far = ask(page, "What is the capital of France?", 1)
    assert "verdict-decline" in far.get_attribute("class") and far.locator("a.cite").count() == 0
    page.wait_for_function(
        "() => (document.querySelector('#suggest-text') || {}).textContent?.includes('These documents can answer')",
        timeout=WAIT,
    )
    assert 1 <= page.locator("button.suggestion:visible").count() <= 3
    close(page)


def test_phone_sources_toggle_under_each_answer(browser: Any, server: AppServer) -> None:
    page, _ = open_page(browser, server, PHONE, scale=2)
    ask(page, QUESTION, 1)
    bubble = ask(page, "How much will the UK invest in Albania's digital forensics?", 2)
    toggle = bubble.locator("details.inline-sources > summary")
    assert re.fullmatch(r"Sources \(\d+\)", toggle.inner_text().strip())
    assert not page.locator("#sources-col").is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    marker = bubble.locator("a.cite").first
    marker.click()
    card = bubble.locator("details.inline-sources article.src.active")
    card.wait_for()
    assert card.locator("mark").inner_text()
    input_in_viewport(page, PHONE)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    # For the picture: the answer at the top of the chat, its sources open below it.
    bubble.evaluate(
        """b => { let s = b.parentElement;
          while (s && !(s.scrollHeight > s.clientHeight && /(auto|scroll)/.test(getComputedStyle(s).overflowY))) s = s.parentElement;
          if (s) s.scrollTop += b.getBoundingClientRect().top - s.getBoundingClientRect().top - 60; }"""
    )
    screenshot(page, "screenshot-phone")
    close(page)


def test_copy_and_export_give_markdown_with_footnotes(browser: Any, server: AppServer) -> None:
    page, _ = open_page(browser, server, DESKTOP)
    bubble = ask(page, "How much will the UK invest in Albania's digital forensics?", 1)
    bubble.locator("button.copy-md").click()
    page.wait_for_function("() => document.querySelector('button.copy-md').textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "£1 million" in copied and "[1]" in copied
    assert re.search(r'^- \[1\] ".+" \(UK in talks on overseas return hubs.*sentence \d+\)$', copied, re.M), copied
    assert not re.search(r"<[a-zA-Z/][^>]*>", copied), copied  # no HTML tags

    with page.expect_download() as download:
        page.get_by_role("button", name="Export .md").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename.endswith(".md")
    assert "## How much will the UK invest" in saved and copied.strip() in saved
    assert not re.search(r"<[a-zA-Z/][^>]*>", saved)
    close(page)


CONVERSATION_KEY = "briefing-conversation"  # as assistant.ui names it (not imported: that loads Gradio)


def stored(page: Any) -> int:
    """The length of the conversation the page keeps in the browser (encrypted by Gradio)."""
    return int(page.evaluate(f"(localStorage.getItem({CONVERSATION_KEY!r}) || '').length"))


def wait_until_stored(page: Any, grew: bool, than: int) -> None:
    """Wait until the stored conversation is longer (or shorter) than ``than``: Gradio
    writes it to localStorage just after the page shows the change, and a reload before
    that would read the old one."""
    op = ">" if grew else "<"
    page.wait_for_function(f"(localStorage.getItem({CONVERSATION_KEY!r}) || '').length {op} {than}", timeout=WAIT)


def test_reload_keeps_the_conversation_and_browsers_never_share_one(browser: Any, server: AppServer) -> None:
    page, _ = open_page(browser, server, DESKTOP)
    empty = stored(page)
    ask(page, "Who branded the trip an embarrassment?", 1)
    wait_until_stored(page, grew=True, than=empty)
    page.reload()
    page.wait_for_selector("#chat .answer.turn-1", timeout=WAIT)
    assert "embarrassment" in page.inner_text("#chat")
    page.wait_for_selector("#sources #turn-1 article.src")

    other, _ = open_page(browser, server, DESKTOP)  # another browser: its own storage
    other.wait_for_timeout(1500)
    assert other.locator("#chat .answer").count() == 0
    ask(other, "Which country will join the Joint Migration Task Force?", 1)
    page.reload()
    page.wait_for_selector("#chat .answer.turn-1", timeout=WAIT)
    assert "North Macedonia" not in page.inner_text("#chat")
    assert "embarrassment" not in other.inner_text("#chat")

    one_turn = stored(page)
    page.get_by_role("button", name="New chat").click()  # the one reset: chat and sources
    page.wait_for_selector("#sources .sources-empty")
    assert page.locator("#chat .answer").count() == 0
    wait_until_stored(page, grew=False, than=one_turn)
    page.reload()
    page.wait_for_selector("#question textarea")
    page.wait_for_timeout(1500)
    assert page.locator("#chat .answer").count() == 0
    close(page)
    close(other)


def test_upload_answer_and_remove_a_document_without_restart(browser: Any, server: AppServer, tmp_path: Path) -> None:
    page, _ = open_page(browser, server, DESKTOP)
    page.get_by_role("tab", name="Documents").click()
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)  # binary under a .txt name: refused in one line
    with page.expect_file_chooser() as chooser:
        page.locator("#upload").click()
    chooser.value.set_files(str(bad))
    page.wait_for_function(
        "() => document.querySelector('#upload-status').innerText.includes('Not added')", timeout=WAIT
    )
    status = page.inner_text("#upload-status").strip()
    assert "scan.txt" in status and "\n" not in status and "Traceback" not in status
    assert not (server.corpus / "scan.txt").exists()
    ferry = tmp_path / "ferry.txt"
    ferry.write_text(FERRY, encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.locator("#upload").click()
    chooser.value.set_files(str(ferry))
    page.wait_for_function("() => document.querySelector('#app-head').innerText.includes('2 documents')", timeout=WAIT)
    assert "Harbour Council Votes" in page.inner_text("#docs-table")
    assert "Added ferry.txt" in page.inner_text("#upload-status")

    page.get_by_role("tab", name="Chat").click()
    bubble = ask(page, "How many passengers does the night ferry carry?", 1)
    assert "340 passengers" in bubble.inner_text()
    page.wait_for_selector("#sources #turn-1 article.src")
    assert "Harbour Council Votes" in page.inner_text("#sources")

    page.get_by_role("tab", name="Documents").click()
    page.locator("#picked input").click()
    page.get_by_role("option", name=re.compile("ferry.txt")).click()
    page.wait_for_selector("#doc-preview mark")  # the cited sentence, marked in the full text
    assert "340 passengers" in page.inner_text("#doc-preview mark")
    page.locator("#remove").click()
    page.locator("#confirm-remove").click()
    page.wait_for_function("() => document.querySelector('#app-head').innerText.includes('1 document')", timeout=WAIT)
    assert not (server.corpus / "ferry.txt").exists()
    page.get_by_role("tab", name="Chat").click()
    assert "Harbour Council Votes" not in page.inner_text("#sources")
    assert "removed document" in page.inner_text("#sources")
    close(page)


def test_an_ingest_by_another_process_is_seen_by_the_open_page(browser: Any, server: AppServer) -> None:
    page, _ = open_page(browser, server, DESKTOP)
    (server.corpus / "library.txt").write_text(LIBRARY, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.cli",
            "ingest",
            str(server.corpus),
            "--index-dir",
            str(server.corpus.parent / "index"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    page.wait_for_function("() => document.querySelector('#app-head').innerText.includes('2 documents')", timeout=WAIT)
    bubble = ask(page, "How much did the library's flood repairs cost?", 1)
    assert "£410,000" in bubble.inner_text()
    close(page)


def test_briefing_tab_cites_every_line_and_copies_markdown(browser: Any, server: AppServer) -> None:
    page, _ = open_page(browser, server, DESKTOP)
    page.get_by_role("tab", name="Briefing").click()
    page.get_by_role("button", name="Write briefing").click()
    page.wait_for_selector("#briefing .briefing li", timeout=WAIT)
    assert "key points" in page.inner_text("#briefing").lower()
    items = page.locator("#briefing .briefing li")
    for i in range(items.count()):
        assert items.nth(i).locator("a.cite").count() >= 1  # every line cited
    marker = items.last.locator("a.cite").last
    marker.click()
    target = marker.get_attribute("href")
    page.wait_for_function("id => document.querySelector(id).classList.contains('active')", arg=target)
    assert page.locator(target).locator("mark").inner_text()
    page.get_by_role("button", name="Copy as Markdown").click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("# ") and "## Key points" in copied and "## Sources" in copied
    assert not re.search(r"<[a-zA-Z/][^>]*>", copied)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download .md").click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == copied
    close(page)
