"""The LanguageTool backend against a local fake server speaking /v2/check."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from .conftest import ROOT


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


class FakeLanguageTool(BaseHTTPRequestHandler):
    """Answers /v2/languages and /v2/check; one TYPOS match on "teh" and one
    GRAMMAR match on "a apple", with offsets in UTF-16 units as LanguageTool sends."""

    requests: ClassVar[list[tuple[str, str, dict[str, str]]]] = []

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, code: int, body: str, ctype: str = "application/json") -> None:
        data = body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        self.requests.append(("GET", path, {}))
        if path == "/v2/languages":
            self._send(200, json.dumps([{"name": "English (GB)", "longCode": "en-GB"}]))
        else:
            self._send(404, "Not found", "text/plain")

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        params = dict(urllib.parse.parse_qsl(body))
        self.requests.append(("POST", self.path, params))
        text = params["text"]
        matches = []
        for needle, category, rule, repl in (
            ("teh", "TYPOS", "MORFOLOGIK_RULE_EN_GB", "the"),
            ("a apple", "GRAMMAR", "EN_A_VS_AN", "an apple"),
        ):
            i = text.find(needle)
            if i >= 0:
                matches.append(
                    {
                        "message": f"Did you mean {repl!r}?",
                        "replacements": [{"value": repl}],
                        "offset": _utf16(text, i),
                        "length": len(needle),
                        "rule": {"id": rule, "category": {"id": category, "name": category}},
                    }
                )
        self._send(200, json.dumps({"matches": matches}))


@pytest.fixture
def server():
    FakeLanguageTool.requests = []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), FakeLanguageTool)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def run(*args: str, stdin: str | None = None, cwd=ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        timeout=60,
    )


ARTICLE = "Fruit news 🍎\n\nShe ate a apple 😀 and teh 𝒞 pear.\n"


def test_findings_from_the_server_land_on_the_right_columns_after_emoji(server):
    r = run(
        "check",
        "--isolated",
        "--select",
        "spelling,grammar",
        "--languagetool",
        server,
        "--stdin-filename",
        "fruit.txt",
        "-",
        "--format",
        "json",
        stdin=ARTICLE,
    )
    assert r.returncode == 1, r.stderr
    found = [(f["name"], f["line"], f["column"], f["end_column"]) for f in json.loads(r.stdout)]
    line = ARTICLE.splitlines()[2]
    assert found == [
        ("grammar", 3, line.index("a apple") + 1, line.index("a apple") + 8),
        ("spelling", 3, line.index("teh") + 1, line.index("teh") + 4),
    ]
    checks = [req for req in FakeLanguageTool.requests if req[1] == "/v2/check"]
    assert len(checks) == 1  # one request per article, shared by both rules
    assert checks[0][2] == {
        "text": "Fruit news 🍎\n\nShe ate a apple 😀 and teh 𝒞 pear.",
        "language": "en-GB",
    }


def test_server_suggestions_become_unsafe_fixes(server):
    r = run(
        "check",
        "--isolated",
        "--select",
        "spelling,grammar",
        "--languagetool",
        server,
        "--fix",
        "--unsafe-fixes",
        "-",
        stdin=ARTICLE,
    )
    assert r.stdout == "Fruit news 🍎\n\nShe ate an apple 😀 and the 𝒞 pear.\n"


def test_languagetool_url_from_configuration(server, tmp_path):
    (tmp_path / "newslint.toml").write_text(
        f'extend-select = ["spelling"]\n\n[languagetool]\nurl = "{server}"\n'
    )
    (tmp_path / "a.txt").write_text("Fruit\n\nIt was teh end.\n")
    r = run("check", "--select", "spelling", "a.txt", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert (
        r.stdout.splitlines()[0]
        == 'a.txt:3:8: NL601 spelling: Possible misspelling "teh": did you mean "the"?'
    )


def test_unreachable_server_is_a_one_line_error_within_seconds():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    r = run(
        "check",
        "--isolated",
        "--select",
        "spelling",
        "--languagetool",
        f"http://127.0.0.1:{port}",
        "-",
        stdin=ARTICLE,
    )
    assert time.monotonic() - started < 10
    assert r.returncode == 2
    assert r.stderr.startswith(
        f"newslint: error: LanguageTool at http://127.0.0.1:{port} is unreachable: "
    )
    assert len(r.stderr.splitlines()) == 1


def test_a_directory_without_languagetool_is_an_error(tmp_path):
    r = run(
        "check",
        "--isolated",
        "--select",
        "grammar",
        "--languagetool",
        str(tmp_path),
        "-",
        stdin=ARTICLE,
    )
    assert (r.returncode, r.stderr) == (
        2,
        f"newslint: error: --languagetool {tmp_path}: no languagetool-server.jar in it\n",
    )
