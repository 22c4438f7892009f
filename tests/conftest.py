from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite the golden files from the current output (review the diff!).")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def samples_dir() -> Path:
    if not (SAMPLES / "articles").is_dir():
        pytest.skip("../shared/samples is not present")
    return SAMPLES


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "corpus.sqlite")
