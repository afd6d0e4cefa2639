"""Bad input, as documented in docs/bad-input.md: each input's exact output and
exit code, run as users run newslint (a subprocess)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint import cli, sources

from .test_cli import CLEAN, run

HEADLINE_ONLY = "Ministers agree budget deal\n"


def check(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None):
    """Run ``newslint check`` and return (exit code, stdout, stderr)."""
    if isinstance(stdin, bytes):
        r = subprocess.run(
            [sys.executable, "-m", "newslint", "check", *args],
            input=stdin,
            capture_output=True,
            cwd=cwd,
            env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        )
        return r.returncode, r.stdout.decode(), r.stderr.decode()
    r = run("check", *args, stdin=stdin, cwd=cwd)
    return r.returncode, r.stdout, r.stderr


def write(tmp: Path, name: str, data: str | bytes) -> str:
    path = tmp / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return name


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"  \n\t\n\n \n", id="whitespace-only"),
        pytest.param(HEADLINE_ONLY.encode(), id="headline-only"),
        pytest.param(b"\xef\xbb\xbf" + CLEAN.encode(), id="utf8-bom"),
        pytest.param(CLEAN.encode("utf-16"), id="utf16-bom"),
        pytest.param(CLEAN.encode("utf-16-be"), id="utf16-be-bom-missing-is-binary"),
        pytest.param(CLEAN.replace("\n", "\r\n").encode(), id="crlf"),
    ],
)
def test_inputs_with_nothing_to_report(tmp_path, data):
    name = write(tmp_path, "a.txt", data)
    if data == CLEAN.encode("utf-16-be"):  # no BOM: NUL bytes, so not read as text
        assert check(name, cwd=tmp_path) == (
            2,
            "No findings (0 files checked, 1 could not be read)\n",
            "newslint: error: a.txt: binary file (contains NUL bytes), not an article\n",
        )
        return
    assert check(name, cwd=tmp_path) == (0, "No findings (1 file checked)\n", "")


def test_utf16_with_a_bom_reports_positions_in_code_points(tmp_path):
    name = write(tmp_path, "a.txt", "Café owners fear rates rise.\n".encode("utf-16"))
    assert check(name, cwd=tmp_path) == (
        1,
        "a.txt:1:28: NL104 headline-period: Headline ends with a full stop\n"
        "    Café owners fear rates rise.\n"
        "                               ^\n"
        "1 finding in 1 file\n",
        "",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Headline\n\nA\x00b\n", "binary file (contains NUL bytes), not an article"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (PNG image), not an article"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image), not an article"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document), not an article"),
    ],
    ids=["nul", "png", "jpeg", "pdf"],
)
def test_binary_file_is_an_input_error_and_the_others_are_still_linted(tmp_path, data, message):
    bad = write(tmp_path, "image.txt", data)
    good = write(tmp_path, "b.txt", "Headline.\n")
    assert check(bad, good, cwd=tmp_path) == (
        2,
        "b.txt:1:9: NL104 headline-period: Headline ends with a full stop\n"
        "    Headline.\n"
        "            ^\n"
        "1 finding in 1 file (1 could not be read)\n",
        f"newslint: error: image.txt: {message}\n",
    )


ENCODING_MESSAGE = (
    "Not valid UTF-8 (byte 0xe9); nothing else in this file is checked "
    "(if the file is Latin-1 or Windows-1252, pass --encoding cp1252)"
)


def test_invalid_utf8_is_an_encoding_error_at_the_first_bad_byte_and_others_go_on(tmp_path):
    # Line 3, after a curly quote (3 bytes, one code point): column 8 in code
    # points. The repeated word after it is not reported: the file is not trusted.
    latin = write(tmp_path, "latin.txt", b"Cafe owners\r\n\r\n\xe2\x80\x9cThe caf\xe9 the the\r\n")
    good = write(tmp_path, "z.txt", "Headline.\n")
    assert check(latin, good, cwd=tmp_path) == (
        1,
        f"latin.txt:3:9: NL902 encoding-error: {ENCODING_MESSAGE}\n"
        "    “The caf� the the\n"
        "            ^\n"
        "z.txt:1:9: NL104 headline-period: Headline ends with a full stop\n"
        "    Headline.\n"
        "            ^\n"
        "2 findings in 2 files\n",
        "",
    )


def test_encoding_error_in_json_and_when_ignored(tmp_path):
    latin = write(tmp_path, "latin.txt", b"Headline\n\nThe caf\xe9 the the.\n")
    code, out, err = check("--format", "json", latin, cwd=tmp_path)
    assert (code, err) == (1, "")
    assert '"code": "NL902"' in out and '"line": 3' in out and '"column": 8' in out
    assert check("--ignore", "encoding-error", latin, cwd=tmp_path) == (
        0,
        "No findings (1 file checked)\n",
        "",
    )


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_encoding_option_reads_an_archive_file(tmp_path, encoding):
    latin = write(tmp_path, "latin.txt", b"Headline\n\nThe caf\xe9 the the chef.\n")
    assert check("--encoding", encoding, latin, cwd=tmp_path) == (
        1,
        'latin.txt:3:10: NL201 repeated-word: Repeated word "the"\n'
        "    The café the the chef.\n"
        "             ^^^^^^^\n"
        "1 finding in 1 file\n",
        "",
    )


def test_encoding_option_with_a_byte_it_cannot_read_and_an_unknown_encoding(tmp_path):
    name = write(tmp_path, "a.txt", b"Headline\n\nAn \x81 here.\n")
    code, out, _ = check("--encoding", "cp1252", name, cwd=tmp_path)
    assert code == 1
    assert out.splitlines()[0] == (
        "a.txt:3:4: NL902 encoding-error: Not valid cp1252 (byte 0x81); "
        "nothing else in this file is checked"
    )
    assert check("--encoding", "klingon", name, cwd=tmp_path) == (
        2,
        "",
        "newslint: error: unknown encoding 'klingon'\n",
    )


def test_a_bom_decides_even_with_encoding_given(tmp_path):
    name = write(tmp_path, "a.txt", b"\xef\xbb\xbfThe caf\xc3\xa9 opens.\n")
    assert check("--encoding", "latin-1", name, cwd=tmp_path) == (
        1,
        "a.txt:1:15: NL104 headline-period: Headline ends with a full stop\n"
        "    The café opens.\n"
        "                  ^\n"
        "1 finding in 1 file\n",
        "",
    )


def test_file_over_the_size_limit_is_not_read(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # 100 MB, sparse: nothing is written or read
        fh.truncate(100_000_000)
    write(tmp_path, "b.txt", CLEAN)
    assert check("big.txt", "b.txt", cwd=tmp_path) == (
        2,
        "No findings (1 file checked, 1 could not be read)\n",
        "newslint: error: big.txt: 100.0 MB is over the 10 MB limit for one article "
        "(--max-file-size); not checked\n",
    )
    small = write(tmp_path, "small.txt", "Headline\n\n" + "Words and more words. " * 100)
    assert check("--max-file-size", "0.001", small, cwd=tmp_path) == (
        2,
        "No findings (0 files checked, 1 could not be read)\n",
        "newslint: error: small.txt: 0.0 MB is over the 0.001 MB limit for one article "
        "(--max-file-size); not checked\n",
    )
    assert check("--max-file-size", "0", small, cwd=tmp_path)[0] == 0


def test_stdin_over_the_size_limit_is_not_read():
    assert check("--max-file-size", "0.0001", "-", stdin="Headline\n\n" + "x " * 100) == (
        2,
        "No findings (0 files checked, 1 could not be read)\n",
        "newslint: error: -: over the 0.0001 MB limit for one article "
        "(--max-file-size); not checked\n",
    )


def test_five_megabyte_single_line_is_linted_with_the_span_in_context(tmp_path):
    line = "The minister said the deal, agreed on Monday, would “protect jobs”. " * 74_000
    name = write(tmp_path, "a.txt", f"Talks go on\n\n{line}It was signed by the the chancellor.\n")
    said = "The minister said the deal, agreed on Monday, would “protect jobs”. "
    assert check(name, cwd=tmp_path) == (
        1,
        "a.txt:3:69: NL105 duplicate-sentence: Sentence repeats the one at 3:1\n"
        f"    {said * 3}T…\n"
        f"    {' ' * 68}{'^' * 67}\n"
        'a.txt:3:5032018: NL201 repeated-word: Repeated word "the"\n'
        "    …id the deal, agreed on Monday, would “protect jobs”. "
        "It was signed by the the chancellor.\n"
        "                                                                           ^^^^^^^\n"
        "2 findings in 1 file\n",
        "",
    )


def test_a_hundred_thousand_quote_marks(tmp_path):
    name = write(tmp_path, "a.txt", "Headline\n\n" + "“" * 100_000 + "\n")
    code, out, err = check(name, cwd=tmp_path)
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert [ln for ln in lines if ln.startswith("a.txt")] == [
        "a.txt:3:1: NL301 unbalanced-quotes: Quotation not closed",
        "a.txt:3:100000: NL301 unbalanced-quotes: Opening quote mark left dangling at the end "
        "of the paragraph; its quotation is not in this paragraph",
    ]
    assert lines[-1] == "2 findings in 1 file"
    straight = write(tmp_path, "b.txt", "Headline\n\n" + '"' * 99_999 + "\n")
    code, out, _ = check(straight, cwd=tmp_path)
    assert code == 1
    assert out.splitlines()[0] == (
        "b.txt:3:99999: NL301 unbalanced-quotes: Closing quote mark with no opening quote"
    )


def test_directory_with_symlink_loops_broken_links_and_a_fifo(tmp_path):
    desk = tmp_path / "desk"
    (desk / "sub").mkdir(parents=True)
    (desk / "a.txt").write_text("Headline.\n")
    (desk / "sub" / "b.txt").write_text(CLEAN)
    (desk / "loop").symlink_to(".")  # directory symlinks are not followed
    (desk / "sub" / "up").symlink_to("..")
    (desk / "x.txt").symlink_to("y.txt")  # file symlinks that point at each other
    (desk / "y.txt").symlink_to("x.txt")
    (desk / "gone.txt").symlink_to("nowhere.txt")
    os.mkfifo(desk / "pipe.txt")  # would block a reader: skipped
    assert check("desk", cwd=tmp_path) == (
        2,
        "desk/a.txt:1:9: NL104 headline-period: Headline ends with a full stop\n"
        "    Headline.\n"
        "            ^\n"
        "1 finding in 1 file (2 files checked, 3 could not be read)\n",
        "newslint: error: desk/gone.txt: cannot read (broken symbolic link)\n"
        "newslint: error: desk/x.txt: cannot read (Too many levels of symbolic links)\n"
        "newslint: error: desk/y.txt: cannot read (Too many levels of symbolic links)\n",
    )
    assert check("desk/x.txt", cwd=tmp_path) == (
        2,
        "No findings (0 files checked, 1 could not be read)\n",
        "newslint: error: desk/x.txt: cannot read (Too many levels of symbolic links)\n",
    )


def test_missing_path_and_a_directory_named_as_a_file(tmp_path):
    write(tmp_path, "a.txt", CLEAN)
    assert check("nowhere.txt", "a.txt", cwd=tmp_path) == (
        2,
        "No findings (1 file checked, 1 could not be read)\n",
        "newslint: error: nowhere.txt: no such file or directory\n",
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_really(tmp_path):
    name = write(tmp_path, "secret.txt", CLEAN)
    (tmp_path / name).chmod(0)
    assert check(name, cwd=tmp_path) == (
        2,
        "No findings (0 files checked, 1 could not be read)\n",
        "newslint: error: secret.txt: permission denied\n",
    )


def main_in_process(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["newslint", *args])
    monkeypatch.setenv("NO_COLOR", "1")
    with pytest.raises(SystemExit) as exc:
        cli.main()
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err  # type: ignore[return-value]


def test_unreadable_file_and_directory_simulated(tmp_path, monkeypatch, capsys):
    # Tests run as root in CI, where chmod 000 does not stop a read: simulate
    # what the kernel answers an ordinary user.
    (tmp_path / "secret.txt").write_text(CLEAN)
    (tmp_path / "desk" / "locked").mkdir(parents=True)
    (tmp_path / "desk" / "a.txt").write_text(CLEAN)
    real_open, real_scandir = open, os.scandir

    def fake_open(path, *a, **k):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    def fake_scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(sources, "open", fake_open, raising=False)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.chdir(tmp_path)
    assert main_in_process(monkeypatch, capsys, "check", "secret.txt", "desk") == (
        2,
        "No findings (1 file checked, 2 could not be read)\n",
        # Directories are walked before files are read.
        "newslint: error: desk/locked: cannot read directory (Permission denied)\n"
        "newslint: error: secret.txt: permission denied\n",
    )


def test_names_with_spaces_non_ascii_and_bytes_that_are_not_utf8(tmp_path):
    write(tmp_path, "Budget day é 2024.txt", "Headline.\n")
    (tmp_path / os.fsdecode(b"bad\xffname.txt")).write_text("Other headline.\n")
    code, out, err = check(".", cwd=tmp_path)
    assert (code, err) == (1, "")
    heads = [ln for ln in out.splitlines() if "NL104" in ln]
    assert heads == [
        "./Budget day é 2024.txt:1:9: NL104 headline-period: Headline ends with a full stop",
        "./bad\\udcffname.txt:1:15: NL104 headline-period: Headline ends with a full stop",
    ]
    code, out, err = check("--format", "json", ".", cwd=tmp_path)
    assert (code, err) == (1, "")
    import json

    assert sorted(f["path"] for f in json.loads(out)) == [
        "./Budget day é 2024.txt",
        os.fsdecode(b"./bad\xffname.txt"),  # JSON's \udcff escape round-trips the name
    ]


def test_stdin(tmp_path):
    assert check("-", stdin="Headline\n\nIt was the the end.\n") == (
        1,
        '-:3:8: NL201 repeated-word: Repeated word "the"\n'
        "    It was the the end.\n"
        "           ^^^^^^^\n"
        "1 finding in 1 file\n",
        "",
    )
    assert check("-", stdin="") == (0, "No findings (1 file checked)\n", "")
    assert check("--stdin-filename", "desk/é.txt", "-", stdin=b"Head\n\nOl\xe9\n")[1] == (
        "desk/é.txt:3:3: NL902 encoding-error: Not valid UTF-8 (byte 0xe9); nothing else in "
        "this file is checked (if the file is Latin-1 or Windows-1252, pass --encoding cp1252)\n"
        "    Ol�\n"
        "      ^\n"
        "1 finding in 1 file\n"
    )
    assert check("-", stdin=b"\x89PNG\r\n\x1a\n\x00") == (
        2,
        "No findings (0 files checked, 1 could not be read)\n",
        "newslint: error: -: binary file (PNG image), not an article\n",
    )


def test_output_file_that_cannot_be_written(tmp_path):
    write(tmp_path, "a.txt", CLEAN)
    assert check("--output-file", "no/such/dir/out.json", "a.txt", cwd=tmp_path) == (
        2,
        "",
        "newslint: error: no/such/dir/out.json: cannot write (No such file or directory)\n",
    )


def _blocked_reading_stdin(pid: int) -> bool:
    try:
        syscall = Path(f"/proc/{pid}/syscall").read_text()
    except OSError:
        return False
    return syscall.startswith("0 0x0 ")  # read(0, ...)


def test_ctrl_c_exits_130_with_one_line_and_no_traceback():
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    deadline = time.monotonic() + 20
    while not _blocked_reading_stdin(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert (proc.returncode, out, err) == (130, "", "newslint: interrupted\n")


def test_reader_closing_the_pipe_early_is_not_a_traceback(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\n" + "It was the the end. " * 5000 + "\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "a.txt"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read()
    assert (proc.wait(timeout=20), err) == (1, b"")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('select = ["NL1"\n', "newslint.toml: invalid TOML: Unclosed array (at end of document)"),
        ('selct = ["NL1"]\n', "newslint.toml: key 'selct': unknown key (did you mean 'select'?)"),
        (b"\xff\xfe[", "newslint.toml: not valid UTF-8"),
    ],
    ids=["toml-syntax", "unknown-key", "not-utf8"],
)
def test_broken_config_is_one_line_and_exit_2(tmp_path, config, message):
    write(tmp_path, "newslint.toml", config)
    write(tmp_path, "a.txt", "Headline.\n")
    assert check("a.txt", cwd=tmp_path) == (2, "", f"newslint: error: {message}\n")


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def _child_blocked_opening_a_fifo(pid: int) -> bool:
    for kid in _children(pid):
        try:
            if "wait_for_partner" in Path(f"/proc/{kid}/wchan").read_text():
                return True
        except OSError:
            continue
    return False


def test_ctrl_c_in_a_parallel_run_stops_every_process_quietly(tmp_path):
    # As a terminal does, SIGINT goes to the whole process group: the parent and
    # its workers. One worker is blocked opening a FIFO named on the command line.
    names = [write(tmp_path, f"a{i:02}.txt", CLEAN) for i in range(40)]
    os.mkfifo(tmp_path / "zz.txt")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "--no-cache", "--jobs", "2", *names, "zz.txt"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not _child_blocked_opening_a_fifo(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert (proc.returncode, out, err) == (130, "", "newslint: interrupted\n")
