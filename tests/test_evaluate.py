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


def test_eval_scores_events_and_their_arguments_on_the_demo_corpus():
    report = evaluate(demo_articles_dir().parent)
    gold_events = report.fields["events_recall"].total
    assert gold_events == 27  # every event of the demo gold is scored
    matched = report.fields["event_fatalities"].total
    assert 0 < matched <= gold_events
    assert report.fields["event_actor1"].total == report.fields["event_actor2"].total == matched
    assert report.fields["event_date"].total <= matched
    assert report.events_f1 is not None and 0.2 <= report.events_f1 <= 1.0
    assert "events_f1" in report.to_dict()


def test_event_matching_and_argument_rules_on_hand_made_events():
    from dateline.evaluate import ActorNames, date_agrees, fatalities_agree, match_events

    coords = {"tabqa": (35.84, 38.55), "raqqa": (35.95, 39.01)}
    gold = [{"event_type": "Battles", "location": "Tabqa"}, {"event_type": "Battles", "location": "Raqqa"}]
    near_tabqa = {"event_type": "Battles", "place": {"lat": 35.9, "lon": 38.6}}
    wrong_type = {"event_type": "Protests", "place": {"lat": 35.95, "lon": 39.01}}
    pairs = match_events(gold, [near_tabqa, wrong_type], coords)
    assert [g["location"] for g, _ in pairs] == ["Tabqa"]
    assert fatalities_agree(None, {"fatalities": None})
    assert fatalities_agree(12, {"fatalities": 12, "fatalities_low": 12, "fatalities_high": 12})
    assert fatalities_agree([20, 30], {"fatalities": 20, "fatalities_low": 20, "fatalities_high": 30})
    assert not fatalities_agree(12, {"fatalities": None})
    assert date_agrees("2017-03", {"date": {"start": "2017-03-20"}})
    assert not date_agrees("2017-03-20", {"date": {"start": "2017-03-22"}})
    names = ActorNames()
    assert names.same(None, None, None)
    assert names.same("Islamic State", "islamic-state", "Islamic State")
    assert not names.same("Islamic State", None, None)


def test_eval_scores_actors_places_quotes_speakers_figures_and_dates_on_the_demo_corpus():
    report = evaluate(demo_articles_dir().parent)
    for name in ("actors_recall", "places_recall", "quotes_recall", "quote_speakers", "figures_recall", "dates"):
        assert report.fields[name].total > 10, name
    assert report.fields["figure_values"].score >= 0.9
    assert report.fields["quotes_recall"].score >= 0.6


def test_arguments_are_compared_with_the_event_told_by_the_gold_evidence():
    from dateline.evaluate import argument_pairs, match_events

    text = ("Rebels shelled the airport on Monday. "
            "On Tuesday the army recaptured the airport after heavy fighting, state media said.")
    coords = {"raqqa": (35.95, 39.01)}
    gold = [{"event_type": "Battles", "location": "Raqqa",
             "evidence": "the army recaptured the airport after heavy fighting"}]
    here = {"lat": 35.95, "lon": 39.01}
    shelling_told_first = {"event_type": "Battles", "place": here, "evidence": [[0, 37]], "actor1": "rebels"}
    recapture = {"event_type": "Battles", "place": here, "evidence": [[38, len(text)]], "actor1": "army"}
    predicted = [shelling_told_first, recapture]
    # precision and recall keep the scorecard's first fit; the arguments are read off the right sentence
    assert match_events(gold, predicted, coords)[0][1]["actor1"] == "rebels"
    assert argument_pairs(gold, predicted, coords, text)[0][1]["actor1"] == "army"
    assert len(argument_pairs(gold, predicted[:1], coords, text)) == 1  # no told event: the first fit
