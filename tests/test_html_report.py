"""The HTML report: self-contained, escaped, every finding highlighted at its
text, filters that work — checked in a real headless Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.reporters import Report
from newslint.reporters.html import _segments, render

from .conftest import SEED, SEEDS
from .helpers import lint

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def _report(text: str, path: str = "story.txt") -> str:
    from newslint.model import Source

    findings = lint(text, path=path)
    return render(Report(findings, {path: Source.from_raw(text, path)}, [path]))


def test_report_is_self_contained_with_no_external_resources():
    page = _report(SEED.read_text(encoding="utf-8"))
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)=["'](https?:|//)""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_article_text_is_never_interpreted_as_html():
    page = _report("Alert  <script>alert('x')</script>\n\nA <b>bold</b> & the the end.\n")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "A &lt;b&gt;bold&lt;/b&gt; &amp; " in page


def test_segments_tile_the_text_and_handle_overlaps_and_line_breaks():
    text = "ab cd\nef gh"
    pieces = _segments(text, [(1, 4, 0), (3, 8, 1), (9, 9, 2)])
    assert "".join(text[a:b] for a, b, _ in pieces) == text
    covered = {i: "".join(text[a:b] for a, b, c in pieces if i in c) for i in (0, 1)}
    assert covered == {0: "b c", 1: "cd\nef"}
    assert (9, 9, (2,)) in pieces


def test_astral_and_right_to_left_text_keep_their_positions():
    text = "Headline\n\nשלום 😀 the the end and Zürich  now.\n"
    page = _report(text)
    assert '<mark class="hl sev-error" data-findings="f0">the the</mark>' in page
    assert '<mark class="hl sev-warning" data-findings="f1">  </mark>' in page
    assert 'dir="auto"' in page


def _driver(tmp_path: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1300,1400",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture
def browser(tmp_path):
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver are required in CI (.ci/run installs them)")
        pytest.skip("chromium/chromedriver missing (apt-get install chromium chromium-driver)")
    pytest.importorskip("selenium")
    os.environ.setdefault("SE_OFFLINE", "true")
    driver = _driver(tmp_path)
    yield driver
    driver.quit()


def test_seed_report_in_a_real_browser(browser, tmp_path):
    out = tmp_path / "report.html"
    cmd = [
        sys.executable,
        "-m",
        "newslint",
        "check",
        "--format",
        "html",
        "--output-file",
        str(out),
        str(SEEDS),
    ]
    assert subprocess.run(cmd, capture_output=True).returncode == 1
    expected = json.loads(
        subprocess.run(
            [sys.executable, "-m", "newslint", "check", "--format", "json", str(SEEDS)],
            capture_output=True,
            text=True,
        ).stdout
    )

    from selenium.webdriver.common.by import By

    browser.get(out.as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    got = [
        (
            r.get_attribute("data-rule"),
            int(r.get_attribute("data-line")),
            int(r.get_attribute("data-column")),
        )
        for r in rows
    ]
    assert sorted(got) == sorted((d["code"], d["line"], d["column"]) for d in expected)

    # Every finding is highlighted at exactly its flagged text.
    highlighted = browser.execute_script("""
        var out = {};
        document.querySelectorAll('li.finding').forEach(function (li) {
          var text = '';
          document.querySelectorAll('mark.hl.on').forEach(function (m) {
            if (m.dataset.findings.split(' ').indexOf(li.id) >= 0) { text += m.textContent; }
          });
          out[li.dataset.rule] = text;
        });
        return out;""")
    seed_lines = SEED.read_text(encoding="utf-8").split("\n")
    assert highlighted == {
        "NL104": ".",
        "NL101": seed_lines[2],
        "NL203": "anti Taliban",
        "NL401": " \u00a0",
        "NL301": "“",
        "NL202": "1980s or 1980s",
        "NL103": "KASHMIR",
    }

    def shown():
        return sorted(r.get_attribute("data-rule") for r in rows if r.is_displayed())

    everything = sorted(d["code"] for d in expected)
    assert shown() == everything
    browser.find_element(By.CSS_SELECTOR, '.severity-filter[value="warning"]').click()
    assert shown() == sorted(d["code"] for d in expected if d["severity"] != "warning")
    marks_on = browser.execute_script(
        "return Array.from(document.querySelectorAll('mark.hl.on')).map(m => m.textContent)"
    )
    assert "anti Taliban" not in marks_on and "1980s or 1980s" in marks_on
    browser.find_element(By.CSS_SELECTOR, '.rule-filter[value="NL301"]').click()
    assert "NL301" not in shown()
    browser.find_element(By.CSS_SELECTOR, '.severity-filter[value="warning"]').click()
    browser.find_element(By.CSS_SELECTOR, '.rule-filter[value="NL301"]').click()
    assert shown() == everything

    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    browser.save_screenshot(str(tmp_path / "seed-report.png"))
    assert (tmp_path / "seed-report.png").stat().st_size > 10_000


def test_whole_corpus_report_opens_in_the_browser(browser, corpus, tmp_path):
    out = tmp_path / "corpus.html"
    cmd = [
        sys.executable,
        "-m",
        "newslint",
        "check",
        "--format",
        "html",
        "--output-file",
        str(out),
        str(corpus / "bbc"),
    ]
    run = subprocess.run(cmd, capture_output=True, text=True)
    assert run.returncode == 1  # bbc/sport/199.txt is Latin-1: an encoding-error finding
    count = json.loads(
        subprocess.run(
            [sys.executable, "-m", "newslint", "check", "--format", "json", str(corpus / "bbc")],
            capture_output=True,
            text=True,
        ).stdout
    ).__len__()

    from selenium.webdriver.common.by import By

    browser.get(out.as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.finding")) == count
    assert browser.find_element(By.ID, "shown-count").text == str(count)
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
