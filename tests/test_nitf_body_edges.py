"""How the NITF body reader turns inline markup and header fields into the model.

It pins which ``q`` become direct attributions (the source ``quote-source`` names,
nearest the quotation and outside it; the nearest reporting verb outside it; what
extraction is asked for when either is missing), which ``event`` become events and
which ``chron`` gives each its time, how ``distributor`` becomes the provider and what
the keeper is told of it, when a ``block`` is read through, how ``br`` reads with and
without NITF's namespace, and the time values ``chron`` norms stand for.
"""

from __future__ import annotations

import pytest
from lxml import etree

from newsdoc import Attribution, AttributionKind, Concept, Event, Span, TimeExpression
from newsdoc.formats import _nitf_body
from nitf_keepers import Recorder

ND = "https://newsdoc.dev/ns/nitf/1"
NITF = _nitf_body.NITF


def _read(content: str, keeper: Recorder | None = None) -> _nitf_body.NitfBody:
    xml = f'<body xmlns:nd="{ND}"><body.content>{content}</body.content></body>'
    return _nitf_body.read(etree.fromstring(xml), namespace=None, keeper=keeper)


def _head(head: str, keeper: Recorder | None = None) -> _nitf_body.NitfBody:
    xml = f'<body xmlns:nd="{ND}"><body.head>{head}</body.head></body>'
    return _nitf_body.read(etree.fromstring(xml), namespace=None, keeper=keeper)


def _at(text: str, piece: str, after: int = 0) -> Span:
    start = text.index(piece, after)
    return Span(paragraph=0, start=start, end=start + len(piece), text=piece)


def _quote(text: str, source: Span, cue: Span, content: str) -> tuple[Attribution, ...]:
    return (
        Attribution(
            kind=AttributionKind.DIRECT,
            source=source,
            cue=cue,
            content=(_at(text, content),),
        ),
    )


def _attributions(paragraph: str) -> object:
    return _read(f"<p>{paragraph}</p>").header.get("attributions")


# -- q: attributions --------------------------------------------------------------------


def test_q_without_quote_source_takes_source_from_extraction() -> None:
    text = '"We will rebuild," Ann said.'
    found = _attributions('"<q>We will rebuild,</q>" Ann said.')
    assert found == _quote(text, _at(text, "Ann"), _at(text, "said"), "We will rebuild,")


def test_q_with_named_source_takes_cue_from_extraction_when_no_reporting_verb() -> None:
    text = '"We will rebuild," Ann noted.'
    found = _attributions('"<q quote-source="Ann">We will rebuild,</q>" Ann noted.')
    assert found == _quote(text, _at(text, "Ann"), _at(text, "noted"), "We will rebuild,")


def test_q_source_named_in_text_wins_over_extraction_source() -> None:
    text = '"We will rebuild," the mayor noted to Ann.'
    found = _attributions('"<q quote-source="Ann">We will rebuild,</q>" the mayor noted to Ann.')
    assert found == _quote(text, _at(text, "Ann"), _at(text, "noted"), "We will rebuild,")


def test_q_whose_named_source_is_not_in_text_is_no_attribution() -> None:
    assert _attributions('"<q quote-source="Ann Lee">We will rebuild,</q>" Ann said.') is None


def test_q_takes_extraction_of_its_own_quotation_not_an_earlier_one() -> None:
    text = '"We will rebuild," Ann noted. Then "it is hard," Bob warned.'
    found = _attributions(
        '"We will rebuild," Ann noted. Then "<q quote-source="Bob">it is hard,</q>" Bob warned.'
    )
    assert found == _quote(text, _at(text, "Bob"), _at(text, "warned"), "it is hard,")


def test_q_starting_where_extracted_quotation_ends_is_not_that_quotation() -> None:
    assert _attributions('"We will rebuild<q>," Ann</q> noted.') is None


def test_q_ending_where_extracted_quotation_starts_is_not_that_quotation() -> None:
    assert _attributions('<q>Today "</q>we will rebuild," Ann noted.') is None


def test_q_source_is_occurrence_nearest_the_quotation() -> None:
    text = 'Ann met Ann and Bob. Ann said: "We rebuild," then Ann left.'
    found = _attributions(
        'Ann met Ann and Bob. Ann said: "<q quote-source="Ann">We rebuild,</q>" then Ann left.'
    )
    assert found == _quote(text, _at(text, "Ann", 21), _at(text, "said"), "We rebuild,")


def test_q_source_first_occurrence_when_it_is_nearest() -> None:
    text = 'Ann said: "We will rebuild," and later Ann left.'
    found = _attributions(
        'Ann said: "<q quote-source="Ann">We will rebuild,</q>" and later Ann left.'
    )
    assert found == _quote(text, _at(text, "Ann"), _at(text, "said"), "We will rebuild,")


def test_q_source_at_start_of_paragraph_is_found() -> None:
    text = 'Ann, the mayor, said: "We rebuild."'
    found = _attributions('Ann, the mayor, said: "<q quote-source="Ann">We rebuild.</q>"')
    assert found == _quote(text, _at(text, "Ann"), _at(text, "said"), "We rebuild.")


def test_q_source_inside_the_quotation_is_not_the_source() -> None:
    text = '"Ann will rebuild," Ann said.'
    found = _attributions('"<q quote-source="Ann">Ann will rebuild,</q>" Ann said.')
    assert found == _quote(text, _at(text, "Ann", 2), _at(text, "said"), "Ann will rebuild,")


def test_q_source_equally_near_on_both_sides_is_the_earlier() -> None:
    text = 'Ann: "Halt" Ann said.'
    found = _attributions('Ann: "<q quote-source="Ann">Halt</q>" Ann said.')
    assert found == _quote(text, _at(text, "Ann"), _at(text, "said"), "Halt")


def test_q_source_occurrences_may_overlap() -> None:
    text = 'aaa said: "Go"'
    found = _attributions('aaa said: "<q quote-source="aa">Go</q>"')
    assert found == _quote(text, _at(text, "aa", 1), _at(text, "said"), "Go")


def test_q_source_ending_where_quotation_starts_is_outside_it() -> None:
    text = "Ann said that Ann, too, would go."
    found = _attributions('Ann said that Ann<q quote-source="Ann">, too, would go</q>.')
    assert found == _quote(text, _at(text, "Ann", 1), _at(text, "said"), ", too, would go")


def test_q_source_starting_where_quotation_ends_is_outside_it() -> None:
    text = "Ann said: we go \u2014Ann, again."
    found = _attributions('Ann said: <q quote-source="Ann">we go \u2014</q>Ann, again.')
    assert found == _quote(text, _at(text, "Ann", 1), _at(text, "said"), "we go \u2014")


def test_q_cue_ending_where_quotation_starts_is_found() -> None:
    text = "Ann said: we go."
    found = _attributions('Ann said<q quote-source="Ann">: we go</q>.')
    assert found == _quote(text, _at(text, "Ann"), _at(text, "said"), ": we go")


def test_q_cue_starting_where_quotation_ends_is_found() -> None:
    text = "Ann: we go\u2014said Ann."
    found = _attributions('Ann: <q quote-source="Ann">we go\u2014</q>said Ann.')
    assert found == _quote(text, _at(text, "Ann"), _at(text, "said"), "we go\u2014")


def test_q_cue_is_reporting_verb_nearest_the_quotation() -> None:
    text = 'Ann wrote to Bob. "We go," Ann said.'
    found = _attributions('Ann wrote to Bob. "<q quote-source="Ann">We go,</q>" Ann said.')
    assert found == _quote(text, _at(text, "Ann", 1), _at(text, "said"), "We go,")


def test_q_cue_in_the_quotations_sentence_wins_over_a_nearer_one_before_a_full_stop() -> None:
    text = '"We will rebuild," Ann said. "It is hard," Bob said.'
    found = _attributions('"We will rebuild," Ann said. "<q>It is hard,</q>" Bob said.')
    assert found == _quote(text, _at(text, "Bob"), _at(text, "said", 24), "It is hard,")


def test_a_sentence_may_end_with_closing_quotes_before_the_space() -> None:
    text = "Ann said: \u201cWe go.\u201d \u201cIt is hard,\u201d Bob said."
    found = _attributions(
        'Ann said: \u201cWe go.\u201d \u201c<q quote-source="Bob">It is hard,</q>\u201d Bob said.'
    )
    assert found == _quote(text, _at(text, "Bob"), _at(text, "said", 5), "It is hard,")


def test_q_source_in_the_quotations_sentence_wins_over_a_nearer_one_before_a_full_stop() -> None:
    text = 'We met Ann. "It is hard," the mayor, Ann Lee, said.'
    found = _attributions(
        'We met Ann. "<q quote-source="Ann">It is hard,</q>" the mayor, Ann Lee, said.'
    )
    assert found == _quote(text, _at(text, "Ann", 8), _at(text, "said"), "It is hard,")


@pytest.mark.parametrize("end", [".", "!", "?", ".)"])
def test_q_cue_and_source_across_a_sentence_end_are_taken_when_the_sentence_has_none(
    end: str,
) -> None:
    text = f'Bob spoke{end} Ann said{end} "Go."'
    found = _attributions(f'Bob spoke{end} Ann said{end} "<q quote-source="Ann">Go.</q>"')
    assert found == _quote(text, _at(text, "Ann"), _at(text, "said"), "Go.")


def test_a_full_stop_without_a_space_ends_no_sentence() -> None:
    text = 'Ann said 3.5 "Go," and Bob later told us.'
    found = _attributions('Ann said 3.5 "<q quote-source="Ann">Go,</q>" and Bob later told us.')
    assert found == _quote(text, _at(text, "Ann"), _at(text, "said"), "Go,")


# -- event and chron ----------------------------------------------------------------------


def _events(paragraph: str) -> object:
    return _read(f"<p>{paragraph}</p>").header.get("events")


def test_event_takes_nearest_chron_of_its_paragraph() -> None:
    text = "Monday the storm passed; on Tuesday it hit the coast."
    found = _events(
        '<chron norm="20250303">Monday</chron> the storm passed; on '
        '<chron norm="20250304">Tuesday</chron> it <event>hit</event> the coast.'
    )
    time = TimeExpression(span=_at(text, "Tuesday"), value="2025-03-04")
    assert found == (Event(trigger=_at(text, "hit"), time=time),)


def test_event_has_no_places_or_participants_from_markup_outside_it() -> None:
    text = "In Mombasa Ann saw the storm hit."
    found = _events(
        "In <location>Mombasa</location> <person>Ann</person> saw the storm <event>hit</event>."
    )
    assert found == (Event(trigger=_at(text, "hit")),)


def test_chron_taken_by_one_event_is_not_another_events_time() -> None:
    text = "On Monday the storm hit and the port closed."
    found = _events(
        'On <chron norm="20250303">Monday</chron> the storm <event>hit</event> '
        "and the port <event>closed</event>."
    )
    time = TimeExpression(span=_at(text, "Monday"), value="2025-03-03")
    assert found == (
        Event(trigger=_at(text, "hit"), time=time),
        Event(trigger=_at(text, "closed")),
    )


def test_chron_inside_event_markup_is_not_another_events_time() -> None:
    text = "Monday the port closed."
    found = _events(
        '<event><chron norm="20250303">Monday</chron></event> the port <event>closed</event>.'
    )
    assert found == (Event(trigger=_at(text, "closed")),)


def test_empty_event_is_skipped_and_later_ones_read() -> None:
    text = "The port closed."
    found = _events("<event/>The port <event>closed</event>.")
    assert found == (Event(trigger=_at(text, "closed")),)


def test_chron_with_other_attributes_gives_no_time() -> None:
    text = "Monday the port closed."
    found = _events(
        '<chron norm="20250303" class="day">Monday</chron> the port <event>closed</event>.'
    )
    assert found == (Event(trigger=_at(text, "closed")),)


def test_chron_with_markup_inside_gives_no_time() -> None:
    text = "Monday the port closed."
    found = _events(
        '<chron norm="20250303"><em>Monday</em></chron> the port <event>closed</event>.'
    )
    assert found == (Event(trigger=_at(text, "closed")),)


def test_empty_chron_gives_no_time() -> None:
    text = "The port closed."
    found = _events('<chron norm="20250303"/>The port <event>closed</event>.')
    assert found == (Event(trigger=_at(text, "closed")),)


def test_norm_with_seconds_keeps_them_in_time_value() -> None:
    assert _nitf_body.timex_of_norm("20250303T103045") == "2025-03-03T10:30:45"
    assert _nitf_body.timex_of_norm("20250303T103000") == "2025-03-03T10:30"


# -- distributor ---------------------------------------------------------------------------

DISTRIBUTOR = "/nitf/body[1]/body.head[1]/distributor[1]"
MAPPED = (f"{{{ND}}}qcode", f"{{{ND}}}uri")


def _distributor_calls(keeper: Recorder) -> list[tuple[object, ...]]:
    return [call for call in keeper.calls if call[1] == "distributor"]


def test_distributor_with_qcode_uri_and_name_is_the_provider() -> None:
    keeper = Recorder()
    body = _head(
        '<distributor nd:qcode="prov:ap" nd:uri="https://ap.example/" class="x">'
        "Associated Press</distributor>",
        keeper,
    )
    assert body.header == {
        "provider": Concept(qcode="prov:ap", uri="https://ap.example/", name="Associated Press")
    }
    assert _distributor_calls(keeper) == [("attributes", "distributor", DISTRIBUTOR, MAPPED)]


def test_distributor_with_qcode_only_is_the_provider() -> None:
    body = _head('<distributor nd:qcode="prov:ap"/>')
    assert body.header == {"provider": Concept(qcode="prov:ap")}


def test_distributor_with_uri_only_is_the_provider() -> None:
    body = _head('<distributor nd:uri="https://ap.example/"/>')
    assert body.header == {"provider": Concept(uri="https://ap.example/")}


def test_empty_distributor_is_kept_whole() -> None:
    keeper = Recorder()
    body = _head("<distributor/>", keeper)
    assert body.header == {}
    assert _distributor_calls(keeper) == [("keep", "distributor", DISTRIBUTOR)]


def test_distributor_with_markup_is_kept_whole_and_named_by_its_words() -> None:
    keeper = Recorder()
    body = _head("<distributor>AP <em>wire</em></distributor>", keeper)
    assert body.header == {"provider": Concept(name="AP wire")}
    assert _distributor_calls(keeper) == [
        ("keep", "distributor", DISTRIBUTOR),
        ("attributes", "distributor", DISTRIBUTOR, MAPPED),
    ]


# -- blocks and br -------------------------------------------------------------------------


def test_block_with_attributes_is_not_read_through() -> None:
    body = _read('<block id="b"><p>Kept.</p></block><p>Read.</p>')
    assert body.parts() == (("Read.",), (), ())


def test_block_holding_other_than_paragraphs_is_not_read_through() -> None:
    body = _read("<block><p>Kept.</p><table/></block><p>Read.</p>")
    assert body.parts() == (("Read.",), (), ())


def test_br_reads_as_space_without_namespace() -> None:
    body = _read("<p>One<br/>two</p>")
    assert body.parts() == (("One two",), (), ())
    assert body.markup == [[]]


def test_br_reads_as_space_in_nitf_namespace() -> None:
    xml = f'<body xmlns="{NITF}"><body.content><p>One<br/>two</p></body.content></body>'
    body = _nitf_body.read(etree.fromstring(xml))
    assert body.parts() == (("One two",), (), ())
    assert body.markup == [[]]


def test_q_cue_after_a_full_stop_that_follows_the_quotation_loses_to_one_before_it() -> None:
    text = 'Ann said to the reporters gathered outside, "we go". Bob said.'
    found = _attributions(
        'Ann said to the reporters gathered outside, "<q quote-source="Ann">we go</q>". Bob said.'
    )
    assert found == _quote(text, _at(text, "Ann"), _at(text, "said"), "we go")
