"""`dateline eval` on the shipped demo corpus: every field is scored and the figures are plausible."""
from __future__ import annotations

import json

from dateline.cli import main
from dateline.evaluate import evaluate
from dateline.resources import demo_articles_dir


def test_eval_scores_the_demo_corpus_against_its_gold(capsys):
    root = demo_articles_dir().parent
    report = evaluate(root)
    assert report.files == 11
    assert report.fields["body_vs_boilerplate"].total > 250
    assert report.fields["body_vs_boilerplate"].score >= 0.9
    assert report.fields["published"].score == 1.0
    try:
        main(["eval", str(root), "--format", "json"])
    except SystemExit as exc:
        assert not exc.code
    out = json.loads(capsys.readouterr().out)
    assert set(out["fields"]) >= {"body_vs_boilerplate", "title", "authors", "published", "dateline", "outlet"}


def test_eval_on_a_folder_without_gold_is_a_usage_error(tmp_path, capsys):
    try:
        main(["eval", str(tmp_path)])
    except SystemExit as exc:
        assert exc.code == 2
    assert "no gold files" in capsys.readouterr().err
