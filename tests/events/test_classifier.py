"""The shipped classifier: loads without scikit-learn, gets hand-written cases right, is fast."""
from __future__ import annotations

import time

import pytest

from dateline.events.classifier import EventClassifier, default_model_dir

# One sentence per confusable pair, written for this test (not from any data set).
CASES = [
    ("Government troops recaptured the hill town from the insurgents after two days of fighting.", "Government regains territory"),
    ("Rebel fighters overran the army garrison and seized the town after a night of fighting.", "Non-state actor overtakes territory"),
    ("Police opened fire with live ammunition on peaceful marchers, killing six of them.", "Excessive force against protesters"),
    ("Police fired tear gas and water cannon to break up a peaceful sit-in by students.", "Protest with intervention"),
    ("Demonstrators hurled stones at police and set fire to the governor's office.", "Violent demonstration"),
    ("An angry crowd lynched a man accused of stealing a goat in the village.", "Mob violence"),
    ("Gunmen shot dead a village teacher and his two sons in their home.", "Attack"),
    ("Soldiers and militants fought a gun battle near the border post, leaving five fighters dead.", "Armed clash"),
    ("Three rebel factions announced their merger into a single new group under one commander.", "Change to group/activity"),
    ("The army handed over its positions in the town to the militia after withdrawing under a deal, without any fighting.", "Non-violent transfer of territory"),
    ("Artillery shells and mortar rounds fired by the army hit the market, killing four.", "Shelling/artillery/missile attack"),
    ("Fighter jets dropped bombs on the village, killing five civilians.", "Air/drone strike"),
    ("A roadside bomb exploded under a passing police truck, killing two officers.", "Remote explosive/landmine/IED"),
    ("Police arrested the opposition leader at his home and said he was being held at the central prison.", "Arrests"),
    ("Masked gunmen kidnapped a doctor from his clinic and demanded a ransom from his family.", "Abduction/forced disappearance"),
]
# Strategic developments, the least uniform sub-types: a reader of the news should still get these.
STRATEGIC = [
    ("Police bomb-disposal experts defused a device left outside the courthouse before it could go off.", "Disrupted weapons use"),
    ("Air defences shot down three drones heading for the capital overnight, with no damage reported.", "Disrupted weapons use"),
    ("The government and the armed movement signed a ceasefire that took effect at midnight.", "Agreement"),
    ("The kidnappers freed the twelve abducted farmers on Sunday after elders negotiated with them.", "Agreement"),
    ("The authorities declared a dusk-to-dawn curfew across the province after the riots.", "Other"),
    ("Villagers found a mass grave holding the remains of about thirty people near the old checkpoint.", "Other"),
    ("The insurgent group named a new leader on Monday, two days after its chief was killed.", "Change to group/activity"),
    ("The militants converted the village school into a base for their fighters and their weapons.", "Headquarters or base established"),
]
NEGATIVES = [
    "The army plans to launch an offensive to retake the city next spring.",
    "The ministry denied that its forces had shelled the village, calling the reports fabricated.",
    "The group threatened to attack the capital if its demands were not met.",
    "Ceasefire talks between the two sides ended on Friday without any agreement.",
    "The two rebel groups said they were discussing a possible merger next year.",
]


@pytest.fixture(scope="module")
def clf() -> EventClassifier:
    if not (default_model_dir() / "weights.npz").exists():
        pytest.skip("the shipped weights are not present")
    return EventClassifier.load()


def test_shipped_files_are_small():
    size = sum(f.stat().st_size for f in default_model_dir().iterdir() if f.is_file())
    assert size < 5_000_000


def test_confusable_pairs(clf):
    preds = clf.predict([text for text, _ in CASES])
    right = [p.sub_event_type == gold for p, (_, gold) in zip(preds, CASES)]
    wrong = [(gold, p.sub_event_type) for p, (_, gold), ok in zip(preds, CASES, right) if not ok]
    assert sum(right) >= 11, wrong


def test_strategic_developments_are_told_apart(clf):
    preds = clf.predict([text for text, _ in STRATEGIC])
    wrong = [(gold, p.sub_event_type) for p, (_, gold) in zip(preds, STRATEGIC) if p.sub_event_type != gold]
    assert len(wrong) <= 2, wrong


def test_negatives_get_low_is_event(clf):
    for p, text in zip(clf.predict(NEGATIVES), NEGATIVES):
        assert p.is_event < 0.5, (text, p.is_event)
    assert clf.predict(NEGATIVES[:1])[0].sub_event_type is None


def test_prediction_shape(clf):
    p = clf.predict(["Warplanes bombed the town."])[0]
    assert set(p.probabilities) == set(clf.labels) and len(clf.labels) == 25
    assert abs(sum(p.probabilities.values()) - 1) < 1e-6
    assert clf.predict([]) == []


def test_speed(clf):
    sentences = [text for text, _ in CASES] * 40
    start = time.perf_counter()
    clf.predict(sentences)
    rate = len(sentences) / (time.perf_counter() - start)
    assert rate > 500, f"{rate:.0f} sentences/s"  # the bench measures the real figure; this catches regressions
