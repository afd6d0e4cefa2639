"""The LanguageTool backend: grammar and spelling from a LanguageTool server.

newslint talks to the server's documented ``/v2/check`` endpoint with the
standard library (no ``requests``, no proxies from the environment: a local
server is reached directly). It never downloads LanguageTool. ``--languagetool``
takes a server URL (``http://localhost:8081``, the official Docker image) or a
local LanguageTool directory holding ``languagetool-server.jar``, which is
started on a free local port with ``java`` for the run.

LanguageTool counts offsets in UTF-16 code units (Java strings); they are
mapped back to code points so findings land right after emoji and other
astral characters.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any

from .model import Article
from .proofreading import BackendError, LastArticle, Proof

#: LanguageTool rule categories, and the newslint rule each belongs to.
CATEGORY_RULES: Mapping[str, str] = {
    "TYPOS": "spelling",
    "GRAMMAR": "grammar",
    "PUNCTUATION": "grammar-punctuation",
    "CASING": "grammar-capitalization",
    "REPETITIONS": "grammar-repetition",
    "CONFUSED_WORDS": "grammar-word-choice",
    "COLLOCATIONS": "grammar-word-choice",
    "SEMANTICS": "grammar-word-choice",
    "FALSE_FRIENDS": "grammar-word-choice",
    "NONSTANDARD_PHRASES": "grammar-usage",
    "COMPOUNDING": "grammar-typo",
    "MISC": "grammar-misc",
    "TYPOGRAPHY": "grammar-formatting",
    "STYLE": "grammar-style",
    "PLAIN_ENGLISH": "grammar-style",
    "REPETITIONS_STYLE": "grammar-style",
    "REDUNDANCY": "grammar-redundancy",
    "BRITISH_ENGLISH": "grammar-regionalism",
    "AMERICAN_ENGLISH": "grammar-regionalism",
    "REGIONALISMS": "grammar-regionalism",
}

#: Seconds to wait for a server to accept and answer.
CONNECT_TIMEOUT = 3.0
CHECK_TIMEOUT = 60.0
#: Seconds to wait for a local LanguageTool to start.
START_TIMEOUT = 60.0

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def utf16_to_code_points(text: str) -> Callable[[int], int]:
    """Map UTF-16 offsets into ``text`` to code-point offsets."""
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text):
        return lambda i: i
    table: list[int] = []
    for cp, ch in enumerate(text):
        table.append(cp)
        if ord(ch) > 0xFFFF:
            table.append(cp)
    table.append(len(text))
    return lambda i: table[min(max(i, 0), len(table) - 1)]


class LanguageToolBackend:
    def __init__(self, url: str, language: str) -> None:
        self.url = url.rstrip("/")
        self.language = language
        self._last = LastArticle()
        self._ping()

    def _request(self, path: str, params: Mapping[str, str] | None, timeout: float) -> Any:
        data = urllib.parse.urlencode(params).encode("utf-8") if params is not None else None
        request = urllib.request.Request(
            self.url + path, data=data, headers={"Accept": "application/json"}
        )
        try:
            with _OPENER.open(request, timeout=timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace").strip().splitlines()
            detail = body[0] if body else exc.reason
            raise BackendError(f"LanguageTool at {self.url}: HTTP {exc.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise BackendError(f"LanguageTool at {self.url} is unreachable: {reason}") from None
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise BackendError(f"LanguageTool at {self.url}: the answer is not JSON") from None

    def _ping(self) -> None:
        self._request("/v2/languages", None, CONNECT_TIMEOUT)

    def want(self, wanted: Mapping[str, frozenset[str] | None]) -> None:
        """Nothing to set up: the server checks with every rule, the rules sort it out."""

    def proofs(self, article: Article, wanted: Mapping[str, frozenset[str] | None]) -> list[Proof]:
        found = self._last.get(article, self.language)
        if found is None:
            found = self._read(article)
            self._last.put(article, self.language, found)
        return found

    def _read(self, article: Article) -> list[Proof]:
        blocks = [b for b in article.blocks if b.text.strip()]
        if not blocks:
            return []
        starts = []
        pieces = []
        at = 0
        for b in blocks:
            starts.append(at)
            pieces.append(b.text)
            at += len(b.text) + 2
        text = "\n\n".join(pieces)
        payload = self._request(
            "/v2/check", {"text": text, "language": self.language}, CHECK_TIMEOUT
        )
        to_cp = utf16_to_code_points(text)
        out: list[Proof] = []
        for match in payload.get("matches", []):
            rule_info = match.get("rule", {})
            category = rule_info.get("category", {}).get("id", "")
            rule = CATEGORY_RULES.get(category, "grammar-misc")
            start = to_cp(int(match["offset"]))
            end = to_cp(int(match["offset"]) + int(match["length"]))
            k = max(i for i, s in enumerate(starts) if s <= start)
            block, base = blocks[k], starts[k]
            b_start = start - base
            b_end = min(end - base, len(block.text))
            out.append(
                Proof(
                    rule=rule,
                    backend_rule=str(rule_info.get("id", "")),
                    block=block.index,
                    block_start=b_start,
                    block_end=b_end,
                    start=block.to_source(b_start),
                    end=block.to_source(b_end),
                    message=str(match.get("message", "")),
                    suggestions=tuple(
                        str(r.get("value", "")) for r in match.get("replacements", [])[:5]
                    ),
                )
            )
        return out


@functools.cache
def languagetool_backend(where: str, language: str = "en-GB") -> LanguageToolBackend:
    """The process's LanguageTool backend for a server URL or a local directory."""
    if where.startswith(("http://", "https://")):
        return LanguageToolBackend(where, language)
    if os.path.isdir(where):
        return LanguageToolBackend(_start_local(where), language)
    raise BackendError(
        f"--languagetool {where}: expected an http:// or https:// URL or a LanguageTool directory"
    )


def _start_local(directory: str) -> str:
    """Start ``languagetool-server.jar`` from a local directory; return its URL."""
    jar = os.path.join(directory, "languagetool-server.jar")
    if not os.path.isfile(jar):
        raise BackendError(f"--languagetool {directory}: no languagetool-server.jar in it")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    try:
        process = subprocess.Popen(
            ["java", "-cp", jar, "org.languagetool.server.HTTPServer", "--port", str(port)],
            cwd=directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError as exc:
        raise BackendError(f"--languagetool {directory}: cannot start java ({exc})") from None
    atexit.register(process.terminate)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BackendError(f"--languagetool {directory}: LanguageTool exited on start")
        try:
            with _OPENER.open(url + "/v2/languages", timeout=1.0):
                return url
        except OSError:
            time.sleep(0.25)
    process.terminate()
    raise BackendError(f"--languagetool {directory}: LanguageTool did not start in time")
