"""Which date an event gets: stories told in short paragraphs written for these tests (no model)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace

from dateline.events.timing import is_background, sentence_date, set_when
from dateline.model import DateMention, Document, Event, PartialDate


@dataclass
class Sent:
    start: int
    end: int
    span: SimpleNamespace
    shift: int


# Published on Monday 2019-07-22; each date written in a story below resolves to one of these.
VALUES = {"on Saturday": ("2019-07-20", "day"), "on Sunday": ("2019-07-21", "day"),
          "on Friday": ("2019-07-19", "day"), "late on Sunday": ("2019-07-21", "day"),
          "last week": ("2019-07-15", "week"), "in 2014": ("2014-01-01", "year"),
          "in March": ("2019-03-01", "month")}


def story(text: str, sentence_no: int, *, shift: int = 0):
    """The paragraph `text` starting at document offset `shift`, its date mentions, and its
    `sentence_no`-th sentence."""
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    a, b = bounds[sentence_no]
    while text[a] == " ":
        a += 1
    span = SimpleNamespace(doc=SimpleNamespace(text=text))
    dates = []
    for phrase, (iso, precision) in sorted(VALUES.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(re.escape(phrase), text):
            if any(d.start <= m.start() + shift < d.end for d in dates):
                continue
            end = iso if precision != "week" else "2019-07-21"
            dates.append(DateMention(m.start() + shift, m.end() + shift, phrase,
                                     PartialDate(iso, end, precision, phrase), True))
    dates.sort(key=lambda d: d.start)
    return Sent(a + shift, b + shift, span, shift), dates


def published_on_monday() -> Document:
    return Document(id="d", article_id="a", uri="u", text="x", paragraphs=[],
                    published=PartialDate("2019-07-22", "2019-07-22", "day"))


def at(text: str, word: str, shift: int = 0) -> int:
    return text.index(word) + shift


def test_the_day_a_source_spoke_is_not_the_day_of_the_attack():
    text = ("Gunmen attacked the village on Friday. Monitors said on Saturday they had counted 92 bodies after "
            "the shelling of the village of Taldou on Sunday.")
    s, dates = story(text, 1)
    assert sentence_date(s, dates, at(text, "counted")).text == "on Sunday"


def test_a_sentence_without_a_date_takes_the_one_told_before_it_in_its_paragraph():
    text = "Gunmen stormed the village on Friday. They burned houses and killed five men."
    s, dates = story(text, 1)
    assert sentence_date(s, dates, at(text, "burned")).text == "on Friday"


def test_a_statement_date_is_not_carried_to_the_next_sentence():
    text = "The army said on Saturday it was investigating. Gunmen killed five men."
    s, dates = story(text, 1)
    assert sentence_date(s, dates, at(text, "killed")) is None


def test_only_a_statement_date_is_kept_when_nothing_else_dates_the_event():
    text = "Monitors said on Saturday they had counted 92 bodies."
    s, dates = story(text, 0)
    assert sentence_date(s, dates, at(text, "counted")).text == "on Saturday"


def test_a_statement_that_is_the_event_keeps_its_own_date():
    text = "The SDF announced on Sunday the start of a campaign."
    s, dates = story(text, 0)
    assert sentence_date(s, dates, at(text, "announced")).text == "on Sunday"


def test_at_about_the_same_time_points_back_across_paragraphs():
    lead = "Rockets hit the airport late on Sunday."
    later = "At about the same time, two rockets hit the air base."
    s, _ = story(later, 0, shift=len(lead) + 1)
    _, dates = story(lead, 0)
    assert sentence_date(s, dates, at(later, "hit", len(lead) + 1)).text == "late on Sunday"


def test_a_date_in_another_paragraph_is_not_carried_without_a_pointer():
    lead = "Rockets hit the airport late on Sunday."
    later = "Two rockets hit the air base."
    s, _ = story(later, 0, shift=len(lead) + 1)
    _, dates = story(lead, 0)
    assert sentence_date(s, dates, at(later, "hit", len(lead) + 1)) is None


def test_history_is_not_carried_into_the_news():
    text = "Islamic State seized the city in 2014. Fighters shelled the market on Sunday. They also burned a school."
    s, dates = story(text, 2)
    assert sentence_date(s, dates, at(text, "burned")).text == "on Sunday"
    text = "Islamic State seized the city in 2014. Its fighters burned a school."
    s, dates = story(text, 1)
    assert sentence_date(s, dates, at(text, "burned")) is None


def test_a_month_long_ago_is_not_carried_either():
    text = "Rebels took the town in March. They looted the shops."
    s, dates = story(text, 1)
    news = story("Troops shelled it on Sunday.", 0, shift=500)[1]
    assert sentence_date(s, dates + news, at(text, "looted")) is None


def test_last_week_dates_the_event_at_week_precision():
    doc = published_on_monday()
    text = "Militiamen raided a village last week."
    s, dates = story(text, 0)
    e = Event(event_type="Violence against civilians", sub_event_type="Attack", confidence=0.9, evidence=[])
    set_when(e, doc, sentence_date(s, dates, at(text, "raided")))
    assert e.time_precision == 2 and e.date.start == "2019-07-15"


def test_an_undated_event_takes_the_publication_date_one_step_less_precise():
    doc = published_on_monday()
    e = Event(event_type="Battles", sub_event_type="Armed clash", confidence=0.9, evidence=[])
    set_when(e, doc, None)
    assert e.date.start == "2019-07-22" and e.time_precision == 2
    assert not is_background(doc, None)


def test_an_incident_a_report_opens_with_last_month_is_its_context_not_news(analyze):
    told = analyze("Gunmen attacked a police post in the district on Monday night, killing two officers, "
                   "police said.\n\nLast month, four soldiers were killed when militants ambushed a convoy "
                   "on the same road.", published="2024-06-12")
    evidence = [told.document.text[a:b] for e in told.events for a, b in e.evidence]
    assert not any(s.startswith("Last month") for s in evidence)
    assert len(told.events) == 1
