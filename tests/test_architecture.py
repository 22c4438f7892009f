"""The shape of the package: stages import only earlier stages, and the public surface is honest."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import dateline

REPO = Path(__file__).resolve().parent.parent


def test_stages_import_only_earlier_stages():
    exe = Path(sys.executable).parent / "lint-imports"
    assert exe.exists() or shutil.which("lint-imports"), "import-linter is a dev dependency"
    done = subprocess.run([str(exe if exe.exists() else "lint-imports")], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_all_lists_exactly_the_public_names():
    names = {n for n in vars(dateline) if not n.startswith("_")}
    public = {n for n in names if type(getattr(dateline, n)).__name__ != "module"} - {"annotations", "functools", "Path"}
    assert public <= set(dateline.__all__), f"public but not in __all__: {public - set(dateline.__all__)}"
    for name in dateline.__all__:
        assert getattr(dateline, name) is not None, name
