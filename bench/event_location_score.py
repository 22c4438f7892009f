"""Which place in a sentence is the event's own: hand rules vs the trained ranker, on held-out data.

    .venv/bin/python bench/event_location_score.py [--cache FILE] [--model DIR]

Scores top-1 accuracy of the hand rules, the trained ranker and the gated mix (the default) on the
held-out fifth of `../shared/datasets/event_location` (Halterman, MIT; the split is
`sha256(text) % 5 == 0`) and on fold 0 of `../shared/datasets/dateline-dev-events` (CC0), neither
of which `scripts/train_event_location.py` trains on.
"answerable" counts sentences whose gold place is among the places dateline resolved in them;
"with 2+ candidates" is where a choice had to be made; "of all gold places" also counts sentences
whose place dateline did not find or resolve, which no ranker can get right. Annotating the data
set takes several minutes on two cores; `--cache` keeps the candidates for the next run.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "src"))

from train_event_location import DATA, DEV_EVENTS, held_out_figures, load_rows  # noqa: E402

from dateline.events.location_ranker import LocationRanker  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--dev-events", type=Path, default=DEV_EVENTS)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--model", type=Path, default=None, help="weights folder (default: the shipped one)")
    args = ap.parse_args(argv)
    rows = load_rows(args)
    held_out_figures(rows, LocationRanker.load(args.model))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
