import datetime as dt
from pathlib import Path

import newsdoc
from newsdoc import Event
from newsdoc.extract import find_events

SEED = Path(__file__).parent / "data" / "text" / "al_asad.txt"


def summary(event: Event) -> tuple[str, str | None, str | None]:
    time = event.time
    return (
        event.trigger.text,
        None if time is None else time.span.text,
        None if time is None else time.value,
    )


def test_the_al_asad_article_has_its_key_events() -> None:
    article = newsdoc.read(SEED)
    by_trigger: dict[str, Event] = {}
    for event in article.events:
        by_trigger.setdefault(event.trigger.text, event)
    withdrawal = by_trigger["withdrawal"]
    assert withdrawal.trigger.paragraph == 0
    assert "Al Asad Airbase" in [place.text for place in withdrawal.places]
    transfer = by_trigger["transferred"]
    assert "Iraqi security forces" in [who.text for who in transfer.participants]
    assert summary(by_trigger["campaign"]) == ("campaign", "2014", "2014")
    strike = by_trigger["strike"]
    assert summary(strike) == ("strike", "January 2020", "2020-01")
    assert "Iran" in [who.text for who in strike.participants]
    for event in article.events:
        for piece in event.spans():
            assert article.text_of(piece) == piece.text


def test_every_date_in_the_text_reaches_an_event() -> None:
    events = find_events(
        [
            "The trial ran from October 2023 to March 2024 in four countries.",
            "Turnout was higher than in 2019.",
        ]
    )
    assert [summary(e) for e in events] == [
        ("trial", "October 2023", "2023-10"),
        ("trial", "March 2024", "2024-03"),
        ("was", "2019", "2019"),
    ]


def test_relative_times_need_the_article_date() -> None:
    text = "Negotiators ended the talks on Friday."
    assert [summary(e) for e in find_events([text])] == [
        ("ended", None, None),
        ("talks", "Friday", None),
    ]
    resolved = find_events([text], reference=dt.date(2025, 11, 19))
    assert [summary(e) for e in resolved][1] == ("talks", "Friday", "2025-11-14")


def test_places_and_participants_come_from_the_same_sentence() -> None:
    (event,) = find_events(["Rebels attacked a convoy near Goma on Tuesday."])
    assert event.trigger.text == "attacked"
    assert [p.text for p in event.places] == ["Goma"]
    assert [p.text for p in event.participants] == ["Rebels"]
    strike, hit = find_events(["Iran’s missile strike hit Al Asad Airbase."])
    assert (strike.trigger.text, hit.trigger.text) == ("strike", "hit")
    event = strike
    assert [p.text for p in event.participants] == ["Iran"]
    assert [p.text for p in event.places] == ["Al Asad Airbase"]


def test_sentences_without_triggers_or_times_give_no_events() -> None:
    assert find_events(["Analysts note that the footprint is shrinking."]) == ()


def test_triggers_are_whole_lower_case_words() -> None:
    events = find_events(["Strike Force members held airstrikes drills and a strike followed."])
    assert [e.trigger.text for e in events] == ["strike"]
    assert find_events(["The ideal outcome was unclear."]) == ()


def test_a_place_after_the_article_the_takes_its_preposition() -> None:
    (event,) = find_events(["US troops withdrew across the Middle East."])
    assert [p.text for p in event.places] == ["Middle East"]
    assert [p.text for p in event.participants] == ["US troops"]


def test_the_short_form_of_a_named_facility_is_a_place() -> None:
    first, second = find_events(
        ["Engineers closed Kestrel Airbase.", "Kestrel had been attacked by Rebels."]
    )
    assert [p.text for p in first.places] == ["Kestrel Airbase"]
    assert [p.text for p in second.places] == ["Kestrel"]
    assert [p.text for p in second.participants] == ["Rebels"]


def test_a_time_belongs_to_the_trigger_before_it() -> None:
    events = find_events(["Dockers walked out on Monday after talks collapsed late on Sunday."])
    assert [summary(e) for e in events] == [
        ("walked", "Monday", None),
        ("talks", None, None),
        ("collapsed", "Sunday", None),
    ]
    (opening,) = find_events(["In 2014 the base reopened."])
    assert summary(opening) == ("reopened", "2014", "2014")


def test_a_dated_sentence_without_triggers_prefers_a_verb_group() -> None:
    (event,) = find_events(["According to the forecasts, the economy will grow this year."])
    assert event.trigger.text == "will grow"
