import datetime as dt
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article, Dateline, ParseError
from newsdoc.formats.text import is_boilerplate, is_heading

TEXT = Path(__file__).parent / "data" / "text"


def read(name: str) -> Article:
    return newsdoc.read(TEXT / name, extract=False)


def test_the_bundled_seed_is_the_article_byte_for_byte(seed_bytes: bytes) -> None:
    assert (TEXT / "al_asad.txt").read_bytes() == seed_bytes
    assert not seed_bytes.endswith(b"\n")
    assert "’".encode() in seed_bytes


def test_the_al_asad_article_has_its_structure() -> None:
    article = read("al_asad.txt")
    assert article.headline is None
    assert article.bylines == ()
    assert article.dateline is None
    assert len(article.lead) == 2
    assert article.lead[0].startswith("US withdrawal from Al Asad Airbase in Iraq is now complete")
    assert [section.heading for section in article.sections] == [
        "Pentagon Confirms Exit From Key Iraqi Base",
        "Iraqi Officials Frame Withdrawal as Planned Transition",
        "US Military Presence in Iraq Continues Elsewhere",
        "Strategic Implications for the Middle East",
        "Pentagon Emphasizes Ongoing Commitment",
    ]
    assert [len(section.paragraphs) for section in article.sections] == [2, 2, 2, 2, 2]
    assert article.trailer == (
        "Get real time update about this post category directly on your device, subscribe now.",
    )
    assert "subscribe now" not in " ".join(article.paragraphs)


def test_the_al_asad_article_round_trips_byte_for_byte(seed_bytes: bytes) -> None:
    article = newsdoc.read(seed_bytes, format="text")
    assert newsdoc.write(article, format="text").encode("utf-8") == seed_bytes


def test_headline_subheadline_byline_dateline_and_question_heading() -> None:
    article = read("harbour_vote.txt")
    assert article.headline == "Council approves harbour expansion after decade of debate"
    assert article.subheadline == "The vote ends years of argument over the future of the old port"
    assert article.bylines == ("Amina Yusuf", "Tom Berg")
    assert article.dateline == Dateline(place="MOMBASA, Kenya", date="March 3")
    assert article.lead[0].startswith("The county council voted on Tuesday")
    assert len(article.lead) == 2
    assert [s.heading for s in article.sections] == ["What the plan includes", "Who pays for it?"]
    assert [len(s.paragraphs) for s in article.sections] == [2, 2]
    assert article.trailer == (
        "(Reporting by Amina Yusuf; Editing by Tom Berg)",
        "© 2025 Example News Agency. All rights reserved.",
    )


def test_three_bylines_a_plain_dateline_and_no_sections() -> None:
    article = read("glacier_study.txt")
    assert article.headline == "Alpine glacier retreating twice as fast as models predicted"
    assert article.subheadline is None
    assert article.bylines == ("Li Wei", "Siobhán O’Neill", "Carlos Méndez")
    assert article.dateline == Dateline(place="GENEVA")
    assert article.lead[0].startswith("A glacier in the western Alps")
    assert len(article.lead) == 4
    assert article.sections == ()
    assert article.trailer == ("Sign up for our weekly science newsletter.",)


def test_blank_line_separated_hard_wrapped_crlf_text() -> None:
    raw = (TEXT / "cup_final.txt").read_bytes()
    assert b"\r\n" in raw
    article = read("cup_final.txt")
    assert article.headline == "Late goal sends Riverside into the cup final"
    assert article.lead == (
        "Riverside reached the county cup final for the first time in twenty years, beating "
        "Harbour Town 2-1 with a goal in the last minute of stoppage time.",
        "The winner came from a corner that the visitors failed to clear.",
    )
    assert [s.heading for s in article.sections] == ["How the match turned", "What comes next"]
    assert [len(s.paragraphs) for s in article.sections] == [2, 1]
    assert article.trailer == ()


def test_no_headline_a_question_heading_and_a_read_more_trailer() -> None:
    article = read("flood_relief.txt")
    assert article.headline is None
    assert article.dateline is None
    assert len(article.lead) == 3
    assert [s.heading for s in article.sections] == ["What happens next?"]
    assert len(article.sections[0].paragraphs) == 2
    assert article.trailer == ("Read more: How the valley rebuilt after the 2012 flood",)


def test_ampersand_byline_dated_en_dash_dateline_and_correction_trailer() -> None:
    article = read("court_ruling.txt")
    assert article.headline == "Appeals court blocks state’s new voting map"
    assert article.bylines == ("Jane Doe", "Carlos Méndez")
    assert article.dateline == Dateline(place="ST. LOUIS", date="Sept. 12, 2024")
    assert article.lead[0].startswith("A federal appeals court on Thursday")
    assert [s.heading for s in article.sections] == [
        "Lawmakers Weigh Their Options",
        "The Road to the Ruling",
    ]
    assert [len(s.paragraphs) for s in article.sections] == [2, 1]
    assert article.trailer == (
        "This story has been corrected to show that the panel had three judges, not five.",
    )


def test_a_body_sentence_that_mentions_subscribing_is_not_boilerplate() -> None:
    article = read("market_brief.txt")
    assert article.headline is None
    assert len(article.lead) == 3
    assert article.sections == ()
    assert article.trailer == ()


@pytest.mark.parametrize("name", sorted(path.name for path in TEXT.glob("*.txt")))
def test_reading_what_was_written_gives_the_same_article(name: str) -> None:
    first = read(name)
    assert newsdoc.read(newsdoc.write(first, "text"), format="text", extract=False) == first


def test_the_canonical_form_uses_one_line_per_unit_and_an_em_dash() -> None:
    written = newsdoc.write(read("court_ruling.txt"), "text")
    lines = written.split("\n")
    assert lines[:3] == [
        "Appeals court blocks state’s new voting map",
        "By Jane Doe and Carlos Méndez",
        "ST. LOUIS, Sept. 12, 2024 — A federal appeals court on Thursday blocked the state’s "
        "new congressional map, ruling that it diluted the votes of residents in two "
        "fast-growing suburbs.",
    ]
    assert not written.endswith("\n")
    cup = newsdoc.write(read("cup_final.txt"), "text")
    assert "\r" not in cup
    assert "\n\n" not in cup


@pytest.mark.parametrize(
    "line",
    [
        "Pentagon Confirms Exit From Key Iraqi Base",
        "What happens next?",
        "Markets react",
        "The 2024 budget in numbers",
    ],
)
def test_headings(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "The withdrawal is complete.",
        "“We are leaving,” she said",
        "By Jane Doe",
        "the lower-case start of a line",
        "Shares fell. Analysts were surprised",
        "One two three four five six seven eight nine ten eleven twelve thirteen fourteen x y",
        "Sign up for our newsletter",
    ],
)
def test_not_headings(line: str) -> None:
    assert not is_heading(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Get real time update about this post category directly on your device, "
         "subscribe now.", True),
        ("Copyright 2024 The Daily Example.", True),
        ("Follow us on social media for the latest updates.", True),
        ("Download our news app for alerts.", True),
        ("Advertisement", True),
        ("Analysts said millions would subscribe to the plan.", False),
        ("The newsletter of the union called for a strike.", False),
        ("Officials declined to comment on the copyright dispute.", False),
    ],
)  # fmt: skip
def test_boilerplate(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


@pytest.mark.parametrize(
    ("data", "message", "line", "column"),
    [
        (b"", "the document is empty", None, None),
        (b"  \n\t\r\n ", "the document is empty", None, None),
        (b"First line.\nSecond \xff line.", "not UTF-8", 2, 8),
        (b"PK\x03\x04\x00\x00binary", "binary data", 1, 5),
    ],
)
def test_bad_input_is_a_parse_error_saying_where(
    data: bytes, message: str, line: int | None, column: int | None
) -> None:
    with pytest.raises(ParseError) as caught:
        newsdoc.read(data, format="text")
    assert message in str(caught.value)
    assert (caught.value.line, caught.value.column) == (line, column)


def test_a_byte_order_mark_and_lone_carriage_returns_are_read() -> None:
    article = newsdoc.read("\ufeffHeadline here\rThe lead paragraph.", format="text")
    assert article.headline == "Headline here"
    assert article.lead == ("The lead paragraph.",)


def test_long_lines_and_large_texts_read_in_linear_time() -> None:
    long_line = "word " * 200_000 + "end."
    assert newsdoc.read(long_line, format="text", extract=False).lead == (long_line.strip(),)
    big = "\n".join(["A paragraph of ordinary length that ends the usual way."] * 50_000)
    assert len(newsdoc.read(big, format="text", extract=False).lead) == 50_000


def test_a_dateline_with_a_full_date_gives_created_at_midnight_utc() -> None:
    article = read("court_ruling.txt")
    assert article.created == dt.datetime(2024, 9, 12, tzinfo=dt.timezone.utc)
    assert read("harbour_vote.txt").created is None  # "March 3": no year
    assert read("glacier_study.txt").created is None  # no date at all


def test_relative_times_are_resolved_against_the_dateline_date() -> None:
    article = newsdoc.read(TEXT / "court_ruling.txt")
    times = [(event.time.span.text, event.time.value) for event in article.events if event.time]
    assert ("Thursday", "2024-09-12") in times
    text = "WASHINGTON, March 3, 2025 — Officials said on Friday that talks would resume."
    washington = newsdoc.read(text, format="text")
    assert washington.created == dt.datetime(2025, 3, 3, tzinfo=dt.timezone.utc)
    assert [event.time.value for event in washington.events if event.time] == ["2025-02-28"]


@pytest.mark.parametrize(
    ("date", "created"),
    [
        ("Jan. 5, 2025", dt.datetime(2025, 1, 5, tzinfo=dt.timezone.utc)),
        ("June 30, 1999", dt.datetime(1999, 6, 30, tzinfo=dt.timezone.utc)),
        ("Sep 1, 2030", dt.datetime(2030, 9, 1, tzinfo=dt.timezone.utc)),
        ("Feb. 29, 2024", dt.datetime(2024, 2, 29, tzinfo=dt.timezone.utc)),
        ("Feb. 29, 2025", None),  # no such day: the dateline is kept, created is not guessed
        ("Dec. 25", None),
    ],
)
def test_which_dateline_dates_give_created(date: str, created: dt.datetime | None) -> None:
    article = newsdoc.read(f"NAIROBI, {date} — Rain fell.", format="text", extract=False)
    assert article.dateline == Dateline(place="NAIROBI", date=date)
    assert article.created == created


def test_an_article_without_text_is_refused_not_written_empty() -> None:
    # An empty document is not a plain-text article: the reader refuses it, so the
    # writer must not produce one (metadata alone, e.g. a picture item's).
    article = newsdoc.Article(id="urn:example:1", headline=None)
    with pytest.raises(newsdoc.SerializationError, match="plain text would be empty"):
        newsdoc.write(article, "text")


def test_the_text_golden_file_is_the_seed(seed_bytes: bytes) -> None:
    assert (Path(__file__).parent / "data" / "golden" / "al_asad.txt").read_bytes() == seed_bytes
