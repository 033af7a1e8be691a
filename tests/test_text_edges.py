"""Plain text at its edges: heading and byline limits, line or block units, warnings, errors."""

import warnings
from pathlib import Path

import pytest

import newsdoc
from newsdoc import (
    Article,
    ContentLossWarning,
    Dateline,
    Link,
    Mark,
    ParseError,
    Section,
    SerializationError,
    Signal,
    Span,
    ValidationError,
)
from newsdoc.formats import ReadOptions
from newsdoc.formats import text as text_format
from newsdoc.formats.text import is_boilerplate, is_heading, sniff


def read(text: str) -> Article:
    return newsdoc.read(text, format="text", extract=False)


# --- headings -----------------------------------------------------------------------------------


def words(count: int) -> str:
    return " ".join(["Word"] * count)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (words(15), True),
        (words(16), False),
        ("A" * 120, True),
        ("A" * 121, False),
        ("Ab " * 39 + "Abc", False),  # 120 characters in 40 words: too many words
        ("2024 in review", True),
        ("¿Qué pasa", False),
        ("what next", False),
        ("What next?", True),
        ("What next!", False),
        ("Where now…", False),
        ("The plan:", False),
        ("Sales, prices", True),
        ("Sales,", False),
        ("Sales;", False),
        ("Sales (final)", False),
        ("The “deal”", False),
        ("It’s", True),
        ("Its ’", False),
        ("Was it 'fair'", False),
        ("A “quote” inside", True),
        ("Done. Next steps", False),
        ("Done? Next steps", False),
        ("Done! Next steps", False),
        ("Done.” Next steps", False),
        ("Done.Next steps", True),
        ("By Jane Doe", False),
        ("Related: more news", False),
        ("Copyright notice", False),
        ("Budget by sector", True),
    ],
)
def test_heading_limits_at_their_edges(line: str, expected: bool) -> None:
    assert is_heading(line) is expected


def test_the_limits_are_on_characters_and_on_words_separately() -> None:
    assert len("Ab " * 39 + "Abc") == 120
    assert not is_heading(words(16)[:120])
    assert is_heading(("Abcdefghij " * 11 + "Abcdefghi")[:120])


def test_is_boilerplate_matches_from_the_line_start() -> None:
    assert is_boilerplate("Subscribe to our newsletter")
    assert is_boilerplate("Read more: the budget")
    assert not is_boilerplate("The story of how to sign up.")


# --- bylines ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "is_byline"),
    [(1, True), (12, True), (13, False)],
)
def test_a_byline_names_at_most_twelve_words(count: int, is_byline: bool) -> None:
    names = " ".join(["Smith"] * count)
    article = read(f"By {names}\nThe lead paragraph.")
    if is_byline:
        assert article.bylines == (names,)
        assert article.lead == ("The lead paragraph.",)
    else:  # a line short enough to be a heading, so the headline
        assert article.bylines == ()
        assert article.headline == f"By {names}"


@pytest.mark.parametrize(
    ("line", "bylines"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("BY JANE DOE", ("JANE DOE",)),
        ("by Jane Doe", ("Jane Doe",)),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By Jane Doe, John Roe and Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("By Jane Doe, John Roe, and Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
        ("By Jane Doe & John Roe", ("Jane Doe", "John Roe")),
    ],
)
def test_bylines_are_split_into_names(line: str, bylines: tuple[str, ...]) -> None:
    assert read(f"{line}\nThe lead paragraph.").bylines == bylines


@pytest.mark.parametrize("line", ["By Jane Doe.", "By jane doe.", "Bye Jane Doe."])
def test_lines_that_are_not_bylines_stay_in_the_body(line: str) -> None:
    article = read(f"{line}\nThe lead paragraph.")
    assert article.bylines == ()
    assert article.lead == (line, "The lead paragraph.")


@pytest.mark.parametrize(
    ("names", "line"),
    [
        (("Jane Doe",), "By Jane Doe"),
        (("Jane Doe", "John Roe"), "By Jane Doe and John Roe"),
        (("Jane Doe", "John Roe", "Ann Poe"), "By Jane Doe, John Roe and Ann Poe"),
    ],
)
def test_bylines_are_written_on_one_line(names: tuple[str, ...], line: str) -> None:
    written = newsdoc.write(Article(bylines=names, lead=("Lead.",)), "text")
    assert written == f"{line}\nLead."
    assert read(written).bylines == names


# --- headline, subheadline, byline order ---------------------------------------------------------


def test_a_headline_needs_a_line_after_it() -> None:
    assert read("Markets react") == Article(sections=(Section(heading="Markets react"),))
    assert read("Markets react\nShares fell.") == Article(
        headline="Markets react", lead=("Shares fell.",)
    )


def test_a_subheadline_stands_between_headline_and_byline() -> None:
    article = read("Markets react\nInvestors wait for the bank\nBy Jane Doe\nShares fell.")
    assert (article.headline, article.subheadline, article.bylines, article.lead) == (
        "Markets react",
        "Investors wait for the bank",
        ("Jane Doe",),
        ("Shares fell.",),
    )


def test_without_a_byline_there_is_no_subheadline() -> None:
    article = read("Markets react\nInvestors wait\nShares fell.")
    assert (article.headline, article.subheadline) == ("Markets react", None)
    assert article.sections == (Section(heading="Investors wait", paragraphs=("Shares fell.",)),)


def test_a_byline_right_after_the_headline_is_no_subheadline() -> None:
    article = read("Markets react\nBy Jane Doe\nBy John Roe\nShares fell.")
    assert (article.headline, article.subheadline, article.bylines) == (
        "Markets react",
        None,
        ("Jane Doe",),
    )
    assert article.lead == ("By John Roe", "Shares fell.")


def test_a_headline_and_subheadline_with_a_byline_as_the_last_line() -> None:
    article = read("Markets react\nInvestors wait\nBy Jane Doe")
    assert (article.headline, article.subheadline, article.bylines) == (
        "Markets react",
        "Investors wait",
        ("Jane Doe",),
    )
    assert article.paragraphs == ()


def test_a_byline_alone() -> None:
    assert read("By Jane Doe").bylines == ("Jane Doe",)


# --- lines or blank-line separated blocks -------------------------------------------------------


def test_one_gap_among_three_lines_makes_blocks() -> None:
    # 3 lines with 1 gap: gaps * 2 == lines - 1, so the text is in blocks.
    assert read("first line\nsecond line.\n\nthird line.").lead == (
        "first line second line.",
        "third line.",
    )


def test_one_gap_among_four_lines_keeps_lines() -> None:
    assert read("first line.\nsecond line.\n\nthird line.\nfourth line.").lead == (
        "first line.",
        "second line.",
        "third line.",
        "fourth line.",
    )


def test_two_lines_with_a_gap_are_two_blocks() -> None:
    assert read("first line.\n\n\nsecond line.").lead == ("first line.", "second line.")


def test_the_last_block_may_be_wrapped_over_several_lines() -> None:
    # 5 lines with 2 gaps: gaps * 2 == lines - 1, so the text is in blocks.
    article = read("Markets react\n\nShares fell.\n\nThen they\nrose\nagain.")
    assert article.headline == "Markets react"
    assert article.lead == ("Shares fell.", "Then they rose again.")


def test_blank_lines_before_and_after_do_not_count_as_gaps() -> None:
    assert read("\n\nfirst line.\nsecond line.\nthird line.\n\n").lead == (
        "first line.",
        "second line.",
        "third line.",
    )


def test_white_space_only_lines_are_blank() -> None:
    assert read("first line.\n \t \nsecond line.").lead == ("first line.", "second line.")


def test_lines_are_stripped() -> None:
    assert read("  first line.  \n\tsecond line.\t").lead == ("first line.", "second line.")


# --- trailer --------------------------------------------------------------------------------------


def test_an_all_boilerplate_document_is_all_trailer() -> None:
    text = "Subscribe now for updates.\nCopyright 2024 Example News."
    article = read(text)
    assert article == Article(trailer=tuple(text.split("\n")))
    assert newsdoc.write(article, "text") == text


def test_only_boilerplate_at_the_end_is_trailer() -> None:
    article = read("Copyright 2024 Example News.\nThe lead paragraph.\nRelated: more news")
    assert article.lead == ("Copyright 2024 Example News.", "The lead paragraph.")
    assert article.trailer == ("Related: more news",)


def test_a_headline_is_not_taken_from_a_document_of_one_line_and_a_trailer() -> None:
    article = read("Markets react\nCopyright 2024 Example News.")
    assert article.headline is None
    assert article.sections == (Section(heading="Markets react"),)
    assert article.trailer == ("Copyright 2024 Example News.",)


# --- datelines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "dateline", "lead"),
    [
        ("CAIRO — Talks resumed.", Dateline(place="CAIRO"), "Talks resumed."),
        ("CAIRO -- Talks resumed.", Dateline(place="CAIRO"), "Talks resumed."),
        ("CAIRO - Talks resumed.", Dateline(place="CAIRO"), "Talks resumed."),
        ("CAIRO, Egypt – Talks resumed.", Dateline(place="CAIRO, Egypt"), "Talks resumed."),
        ("CAIRO, May 5 — Talks resumed.", Dateline(place="CAIRO", date="May 5"), "Talks resumed."),
        ("Cairo — Talks resumed.", None, "Cairo — Talks resumed."),
        ("CAIRO —Talks resumed.", None, "CAIRO —Talks resumed."),
    ],
)
def test_datelines_open_the_lead(line: str, dateline: Dateline | None, lead: str) -> None:
    article = read(line)
    assert article.dateline == dateline
    assert article.lead == (lead,)


def test_only_the_first_lead_paragraph_holds_a_dateline() -> None:
    article = read("Talks resumed.\nCAIRO — More talks.")
    assert article.dateline is None
    assert article.lead == ("Talks resumed.", "CAIRO — More talks.")


def test_a_dateline_with_a_date_is_written_before_the_lead() -> None:
    article = Article(dateline=Dateline(place="CAIRO", date="May 5"), lead=("Talks.", "More."))
    assert newsdoc.write(article, "text") == "CAIRO, May 5 \u2014 Talks.\nMore."
    plain = Article(dateline=Dateline(place="CAIRO"), lead=("Talks.",))
    assert newsdoc.write(plain, "text") == "CAIRO \u2014 Talks."


def test_a_dateline_year_zero_gives_no_created() -> None:
    article = read("CAIRO, Jan. 5, 0000 — Talks resumed.")
    assert article.dateline == Dateline(place="CAIRO", date="Jan. 5, 0000")
    assert article.created is None


# --- what writing cannot express ------------------------------------------------------------------


def test_a_dateline_without_lead_is_left_out_with_its_own_warning() -> None:
    article = Article(dateline=Dateline(place="CAIRO"), sections=(Section(heading="Talks"),))
    with pytest.warns(ContentLossWarning) as caught:
        written = text_format.write(article)
    assert written == "Talks"
    assert [str(warning.message) for warning in caught] == [
        "plain text cannot hold a dateline without a lead paragraph; it was left out"
    ]
    assert Path(caught[0].filename).name != "text.py"  # the caller's line, not the writer's


def test_a_subheadline_without_headline_is_left_out_with_its_own_warning() -> None:
    article = Article(subheadline="A deck", lead=("Lead.",))
    with pytest.warns(ContentLossWarning) as caught:
        written = text_format.write(article)
    assert written == "Lead."
    assert [str(warning.message) for warning in caught] == [
        "plain text cannot hold a subheadline without a headline; it was left out"
    ]
    assert Path(caught[0].filename).name != "text.py"  # the caller's line, not the writer's


def test_the_fields_plain_text_cannot_hold_are_named_in_one_warning() -> None:
    article = Article(
        lead=("Shares fell.",),
        editorial_notes=("Check the figures.",),
        signals=(Signal.CORRECTION,),
        links=(Link(target="https://example.org/earlier"),),
    )
    with pytest.warns(ContentLossWarning) as caught:
        written = text_format.write(article)
    assert written == "Shares fell."
    assert [(warning.category, str(warning.message)) for warning in caught] == [
        (ContentLossWarning, "plain text cannot hold editorial_notes, signals, links; left out")
    ]
    assert Path(caught[0].filename).name != "text.py"  # the caller's line, not the writer's


def test_marks_are_counted_in_their_own_warning() -> None:
    pentagon = Span(paragraph=0, start=0, end=8, text="Pentagon")
    article = Article(
        lead=("Pentagon confirmed.",),
        marks=(Mark(kind="emphasis", span=pentagon), Mark(kind="organization", span=pentagon)),
    )
    with pytest.warns(ContentLossWarning) as caught:
        written = text_format.write(article)
    assert written == "Pentagon confirmed."
    assert [(warning.category, str(warning.message)) for warning in caught] == [
        (
            ContentLossWarning,
            "plain text cannot hold inline markup; 2 mark(s) (emphasis, links …) were left out",
        )
    ]
    assert Path(caught[0].filename).name != "text.py"  # the caller's line, not the writer's


def test_everything_expressible_is_written_in_order_without_warnings() -> None:
    article = Article(
        headline="Markets react",
        subheadline="Investors wait",
        bylines=("Jane Doe",),
        dateline=Dateline(place="CAIRO"),
        lead=("Shares fell.",),
        sections=(Section(heading="Next steps", paragraphs=("Talks.", "More talks.")),),
        trailer=("Copyright 2024 Example News.",),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        written = text_format.write(article)
    assert written.split("\n") == [
        "Markets react",
        "Investors wait",
        "By Jane Doe",
        "CAIRO \u2014 Shares fell.",
        "Next steps",
        "Talks.",
        "More talks.",
        "Copyright 2024 Example News.",
    ]
    assert read(written) == article


def test_an_empty_article_is_a_serialization_error_naming_text() -> None:
    with pytest.raises(SerializationError) as caught:
        text_format.write(Article(keywords=("iraq",)))
    assert caught.value.format == "text"
    assert caught.value.reason == (
        "the article has no headline, byline, body or trailer: plain text would be empty"
    )


def test_a_trailer_alone_is_written() -> None:
    assert text_format.write(Article(trailer=("Copyright 2024.",))) == "Copyright 2024."


# --- reading errors and sniffing ------------------------------------------------------------------


def test_an_empty_document_names_its_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n \n", encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        newsdoc.read(path)
    assert (caught.value.format, caught.value.reason) == ("text", "the document is empty")
    assert (caught.value.source, caught.value.line) == (str(path), None)


def test_the_reader_takes_options_directly() -> None:
    options = ReadOptions(source="wire/item.txt", encoding="cp1252")
    assert text_format.read("Caf\xe9 news.".encode("cp1252"), options).lead == ("Café news.",)
    with pytest.raises(ParseError) as caught:
        text_format.read(b"", options)
    assert caught.value.source == "wire/item.txt"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"Markets react", True),
        (b"  \n A line", True),
        (b"", False),
        (b" \n\t", False),
        (b"<html>", False),
        (b'{"a": 1}', False),
        (b"[1]", False),
        (b"text\x00with a null", False),
    ],
)
def test_sniffing_takes_any_unstructured_text(head: bytes, expected: bool) -> None:
    assert sniff(head) is expected


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Markets react\nShares fell.", 1),
        ("\n\n  Markets react\n\nShares fell.", 3),
        ("Shares fell.", 1),
        ("\n\n\nShares fell.\n", 4),
    ],
)
def test_a_model_refusal_is_a_parse_error_at_the_first_line_of_text(
    monkeypatch: pytest.MonkeyPatch, text: str, line: int
) -> None:
    # No text the reader accepts breaks a model rule today; should a new rule refuse one,
    # it must surface as a ParseError saying where, not as a ValidationError.
    def refuse(units: object) -> Article:
        raise ValidationError("lead", "refused for the test")

    monkeypatch.setattr(text_format, "_article", refuse)
    with pytest.raises(ParseError) as caught:
        text_format.read(text, ReadOptions(source="wire/item.txt"))
    error = caught.value
    assert (error.format, error.line, error.source) == ("text", line, "wire/item.txt")
    assert error.reason == "invalid lead: refused for the test"
    assert isinstance(error.__cause__, ValidationError)


def test_undecodable_bytes_in_a_file_name_the_format_the_file_and_the_place(
    tmp_path: Path,
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Headline\n\nBody \xff text.")
    with pytest.raises(ParseError) as caught:
        newsdoc.read(path)
    error = caught.value
    assert (error.format, error.source, error.line, error.column) == ("text", str(path), 3, 6)
    assert "byte 0xff at offset 15" in error.reason
