"""Readability (textstat, offline) and ``newslint stats``."""

from __future__ import annotations

import json
import subprocess
import sys

from newslint import readers
from newslint.readability import scores, sentences
from newslint.sources import read_source

from .conftest import ROOT, SEED
from .helpers import lint, where


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )


def test_sentences_do_not_end_at_abbreviations_initials_or_decimals():
    text = 'Mr. Smith met George W. Bush on Monday. He said: "No." Then 3.5% fell! Why? Yes'
    found = [text[s.start : s.end] for s in sentences(text)]
    assert found == [
        "Mr. Smith met George W. Bush on Monday.",
        'He said: "No."',
        "Then 3.5% fell!",
        "Why?",
        "Yes",
    ]


def test_seed_scores():
    s = scores(readers.parse(read_source(str(SEED))))
    assert s == (405, 21, 102, 48.9, 11.7)


def test_long_sentence_limit_is_an_option():
    words = " ".join(["word"] * 30)
    text = f"Head\n\nShort one. The {words} end.\n"
    assert where(lint(text, "long-sentence", options={"max_words": 30})) == [
        ("long-sentence", 3, 12)
    ]
    assert lint(text, "long-sentence") == []


def test_textstat_never_downloads_or_touches_the_network():
    code = """
import socket, sys
def refuse(*a, **k):
    raise SystemExit("network access attempted")
socket.socket.connect = refuse
socket.getaddrinfo = refuse
socket.create_connection = refuse
import nltk
nltk.download = lambda *a, **k: (_ for _ in ()).throw(SystemExit("nltk.download called"))
from newslint.readability import textstat_offline
ts = textstat_offline()
grade = ts.flesch_kincaid_grade("The cat sat on the mat.")
print(ts.syllable_count("readability"), round(grade, 1))
"""
    r = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "NLTK_DATA": "/nonexistent", "HOME": "/nonexistent"},
    )
    assert (r.returncode, r.stdout, r.stderr) == (0, "5 -1.4\n", "")


def test_stats_json_for_the_seed_has_real_figures_and_a_total():
    r = run("stats", "--format", "json", "--isolated", str(SEED))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    row = {
        "path": str(SEED),
        "words": 405,
        "sentences": 21,
        "reading_time": 102,
        "flesch_reading_ease": 48.9,
        "flesch_kincaid_grade": 11.7,
        "findings": 7,
    }
    assert data == {"articles": [row], "total": {**row, "path": "total"}}


def test_stats_csv_and_table(tmp_path):
    (tmp_path / "a.txt").write_text("Budget deal\n\nThe deal was signed. It is good.\n")
    (tmp_path / "b.txt").write_text("Talks end\n\nThe the talks ended on Monday.\n")
    r = run("stats", "--format", "csv", "--isolated", str(tmp_path))
    assert r.returncode == 0, r.stderr
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    assert r.stdout.splitlines() == [
        "path,words,sentences,reading_time,flesch_reading_ease,flesch_kincaid_grade,findings",
        f"{a},7,2,2,118.7,-2.4,0",
        f"{b},6,1,2,87.9,2.5,1",
        "total,13,3,3,104.5,-0.1,1",
    ]
    table = run("stats", "--isolated", str(tmp_path)).stdout.splitlines()
    assert table[0].split() == [
        "article",
        "words",
        "sentences",
        "reading",
        "time",
        "reading",
        "ease",
        "grade",
        "findings",
    ]
    assert table[1].split() == [str(a), "7", "2", "0:02", "118.7", "-2.4", "0"]
    assert table[-1].split() == ["total", "13", "3", "0:03", "104.5", "-0.1", "1"]


def test_stats_errors_are_one_line():
    r = run("stats", "--format", "xml", str(SEED))
    assert (r.returncode, r.stderr) == (
        2,
        "newslint: error: unknown format 'xml' (expected one of: table, json, csv)\n",
    )
    r = run("stats", "missing.txt")
    assert r.returncode == 2
    assert r.stderr == "newslint: error: missing.txt: no such file or directory\n"
