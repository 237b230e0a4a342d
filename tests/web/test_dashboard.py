"""The dashboard in Chromium: markers on the map, filters change the list, an event shows its evidence."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect


def test_map_shows_markers_and_the_table_lists_events(page: Page, screenshot_dir: Path) -> None:
    page.goto("/")
    expect(page.locator("#status")).to_contain_text("events match")
    markers = page.locator("#map .fp-marker")
    expect(markers.first).to_be_visible()
    assert markers.count() >= 5
    assert page.locator("#events tbody tr").count() >= 20
    expect(page.locator("#timeline svg rect.bar").first).to_be_attached()
    page.wait_for_timeout(300)  # let the outlines finish painting
    page.screenshot(path=str(screenshot_dir / "dashboard-map.png"))
    single = page.locator("#map .fp-marker:not(.fp-cluster)").first
    single.focus()  # markers are reachable from the keyboard and open their event
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#/event/ev-"))
    expect(page.locator("#view-event h1")).to_be_visible()


def test_a_filter_changes_the_list(page: Page) -> None:
    page.goto("/")
    rows = page.locator("#events tbody tr")
    expect(rows.first).to_be_visible()
    everything = rows.count()
    page.get_by_label("Country").select_option("NGA")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"country=NGA"))
    expect(rows).not_to_have_count(everything)
    places = rows.locator("td:nth-child(3)").all_inner_texts()
    assert places and all(p.endswith("Nigeria") for p in places)
    page.get_by_label("Text", exact=True).fill("no such words anywhere")
    page.get_by_label("Text", exact=True).press("Enter")
    expect(rows.first).to_contain_text("No events match")
    page.get_by_role("button", name="Reset").click()
    expect(rows).to_have_count(everything)


def test_event_page_highlights_evidence_and_contested_claims(page: Page, screenshot_dir: Path) -> None:
    page.goto("/#/?sort=-fatalities")
    contested = page.locator("#events tbody tr", has=page.locator(".badge.contested"))
    expect(contested.first).to_be_visible()
    contested.first.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"#/event/ev-"))
    group = page.locator(".claim-group.is-contested").first
    expect(group).to_be_visible()
    assert group.locator(".claim").count() >= 2
    claimants = group.locator(".claimant strong").all_inner_texts()
    assert len(set(claimants)) >= 2
    marks = page.locator(".source mark.ev-value")
    expect(marks.first).to_be_visible()
    quote = group.locator(".quotes a").first
    quoted = quote.inner_text().strip("“”")
    assert quoted in " ".join(page.locator(".source .doc-text").all_inner_texts())
    quote.click()  # jumps to the highlighted words in the source
    expect(page.locator("mark.flash")).to_contain_text(quoted)
    page.screenshot(path=str(screenshot_dir / "event-evidence.png"), full_page=True)
