# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""In a real browser (headless Chromium, the system's, driven by Playwright) against a real
`licentia serve`: log in, upload a model card, see the review, update a status in place
(htmx), approve as another approver, be refused as a viewer. Screenshots go to
build/test-artifacts/browser/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_helpers import PASSWORD

CHROMIUM = Path(os.environ.get("LICENTIA_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
CARD = ROOT / "examples" / "review" / "bloom-card" / "README.md"
SHOTS = ROOT / "build" / "test-artifacts" / "browser"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=(
    f"no Chromium at {CHROMIUM} (Debian package `chromium`; .ci/run installs it)"))


@pytest.fixture
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield b
        b.close()


def _login(page, base: str, name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()
    assert page.url == f"{base}/"


def _logout(page) -> None:  # type: ignore[no-untyped-def]
    with page.expect_navigation():
        page.get_by_role("button", name="Log out").click()
    assert page.url.endswith("/login")


def test_upload_review_approve_and_refuse(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    _login(page, served, "eddie")
    page.goto(f"{served}/use-cases")
    page.get_by_label("Name").fill("Support assistant")
    page.get_by_label("Description").fill("A chatbot answering customers' billing questions.")
    page.get_by_label("Commercial").check()
    page.get_by_label("Deployment").select_option("saas")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    page.goto(f"{served}/upload")
    page.get_by_label("Document").set_input_files(str(CARD))
    page.get_by_label("Analysis").select_option("review")
    page.get_by_label("Use case (for a review)").select_option(label="Support assistant")
    with page.expect_navigation(timeout=120_000):  # the first review loads the language tables
        page.get_by_role("button", name="Analyse").click()
    run_url = page.url
    assert page.locator("#verdict").count() == 1, page.locator("main").inner_text()
    assert page.locator("#verdict").inner_text() in {"clear", "review", "conflict"}
    assert page.locator("ol.findings blockquote").count() >= 5
    page.screenshot(path=str(SHOTS / "1-review.png"), full_page=True)

    status = page.locator("form.status").first
    status.get_by_label("status").select_option("fulfilled")
    status.get_by_label("evidence").fill("LICENSE shipped with the app")
    status.get_by_role("button", name="Save").click()
    page.locator("form.status .state.fulfilled").first.wait_for()  # swapped in place by htmx
    assert page.url == run_url
    _logout(page)

    _login(page, served, "april")
    page.goto(run_url)
    page.get_by_label("Decision").select_option("approved")
    page.get_by_label("Reason").fill("The UI labels answers as AI-generated; approved.")
    with page.expect_navigation():
        page.get_by_role("button", name="Record decision").click()
    assert page.url == run_url
    page.locator("p.decision.approved").wait_for()
    assert "Approved (approval)" in page.locator("p.decision").inner_text()
    page.screenshot(path=str(SHOTS / "2-approved.png"), full_page=True)
    _logout(page)

    _login(page, served, "vera")
    assert page.get_by_role("link", name="Upload").count() == 0
    answer = page.goto(f"{served}/upload")
    assert answer is not None and answer.status == 403
    assert "this needs the editor role; you are viewer" in page.locator("main").inner_text()
    page.goto(run_url)
    assert page.get_by_role("button", name="Record decision").count() == 0
    page.screenshot(path=str(SHOTS / "3-viewer-refused.png"), full_page=True)
    # no script error, no CSP violation; the one failed load is the refused page itself
    assert [e for e in errors if "status of 403" not in e] == []
