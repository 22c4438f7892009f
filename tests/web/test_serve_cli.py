"""`dateline serve` refuses unusable databases with one clear line and exit code 2, never a traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli import main


def run_cli(*args: str) -> int:
    try:
        main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_a_missing_database_is_one_line_and_exit_2(tmp_path, capsys):
    assert run_cli("serve", "--db", str(tmp_path / "nope.sqlite")) == 2
    err = capsys.readouterr().err
    assert "no database at" in err and "Traceback" not in err
    assert not (tmp_path / "nope.sqlite").exists()       # read-only: serving never creates a database


@pytest.mark.parametrize("content", [b"this is not sqlite at all" * 100, b""])
def test_a_corrupt_or_empty_file_is_one_line_and_exit_2(tmp_path, capsys, content):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    assert run_cli("serve", "--db", str(bad)) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err


def test_the_real_command_says_so_too(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 1000)
    exe = Path(sys.executable).parent / "dateline"
    done = subprocess.run([str(exe), "serve", "--db", str(bad)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "not a usable dateline database" in done.stderr


def test_serve_is_listed_in_help():
    exe = Path(sys.executable).parent / "dateline"
    done = subprocess.run([str(exe), "serve", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "--host" in done.stdout and "--port" in done.stdout
