"""What model constructors accept (iterables, enum values) and how they refuse the rest."""

import datetime as dt
import enum
import types
import typing
from collections import namedtuple
from pathlib import Path
from typing import Any

import attrs
import mypy.api
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc import (
    AltId,
    Article,
    Attribution,
    AttributionKind,
    Concept,
    Dateline,
    Event,
    Extension,
    Link,
    Mark,
    MarkKind,
    Name,
    Party,
    PubStatus,
    RelatedConcept,
    Rights,
    RoleText,
    Section,
    Signal,
    Span,
    TimeExpression,
    ValidationError,
    strategies,
)

MODEL_CLASSES = (
    AltId,
    Article,
    Attribution,
    Concept,
    Dateline,
    Event,
    Extension,
    Link,
    Mark,
    Name,
    Party,
    RelatedConcept,
    Rights,
    RoleText,
    Section,
    Signal,
    Span,
    TimeExpression,
)
PARAGRAPHS = ("The Pentagon confirmed the exit.", "Iran struck in January 2020.")


def span(paragraph: int, text: str) -> Span:
    start = PARAGRAPHS[paragraph].index(text)
    return Span(paragraph=paragraph, start=start, end=start + len(text), text=text)


SPAN = span(0, "Pentagon")
CONCEPT = Concept(qcode="medtop:16000000")
SECTION = Section(heading="Key dates", paragraphs=PARAGRAPHS[1:])
ATTRIBUTION = Attribution(kind=AttributionKind.INDIRECT, source=SPAN, cue=span(0, "confirmed"))
EVENT = Event(trigger=span(1, "struck"))
EXTENSION = Extension(format="example", path="/item/x", content="<x/>")
MARK = Mark(kind=MarkKind.LINK, span=SPAN, href="https://example.org/pentagon")

# A valid value for every field that holds a tuple, keyed by class and field.
VALID_ITEMS: dict[tuple[type, str], tuple[object, ...]] = {
    (Article, "bylines"): ("Jane Doe", "Li Wei"),
    (Article, "genres"): (CONCEPT,),
    (Article, "subjects"): (CONCEPT, Concept(name="war")),
    (Article, "keywords"): ("Iraq", "Pentagon"),
    (Article, "lead"): PARAGRAPHS[:1],
    (Article, "sections"): (SECTION,),
    (Article, "trailer"): ("Subscribe now.",),
    (Article, "attributions"): (ATTRIBUTION,),
    (Article, "events"): (EVENT,),
    (Article, "extensions"): (EXTENSION,),
    (Article, "marks"): (MARK, Mark(kind=MarkKind.EMPHASIS, span=span(1, "Iran"))),
    (Attribution, "content"): (span(0, "the exit"),),
    (Event, "places"): (SPAN,),
    (Event, "participants"): (SPAN, span(1, "Iran")),
    (Section, "paragraphs"): PARAGRAPHS,
    (Extension, "attributes"): (("class", "lead"), ("id", "p1")),
    (Article, "creators"): (Party(name="Jane Doe", roles=("crol:author",)),),
    (Article, "contributors"): (Party(qcode="pers:1"),),
    (Article, "info_sources"): (Party(uri="https://example.org/agency"),),
    (Article, "editorial_notes"): ("Embargoed until noon.",),
    (Article, "signals"): (Signal.CORRECTION,),
    (Article, "links"): (Link(target_id="urn:x:1", version=2),),
    (Article, "alt_ids"): (AltId(value="SAD02", kind="idtype:systemRef"),),
    (Article, "services"): (CONCEPT,),
    (Concept, "names"): (Name(text="labour market", language="en"), Name(text="Arbeitsmarkt")),
    (Concept, "broader"): (CONCEPT,),
    (Concept, "same_as"): (CONCEPT,),
    (Party, "roles"): ("crol:author", "crol:editor"),
    (Party, "related"): (RelatedConcept(concept=CONCEPT, relation="crel:isA"),),
    (Article, "other_headlines"): (RoleText(text="Short", role="hlrole:short"),),
    (Article, "other_descriptions"): (RoleText(text="Caption", language="fr"),),
    (Mark, "attributes"): (("class", "lead"), ("id", "p1")),
}


def build(cls: type, field: str, value: object) -> Any:
    """An instance of ``cls`` with ``field`` set to ``value`` and valid values elsewhere."""
    fields: dict[str, object] = {
        Article: {"lead": PARAGRAPHS[:1], "sections": (SECTION,)},
        Attribution: {"kind": AttributionKind.DIRECT, "source": SPAN, "cue": SPAN},
        Event: {"trigger": SPAN},
        Section: {"heading": "Key dates"},
        Extension: {"format": "newsml", "path": "/newsItem/contentMeta[1]"},
        Concept: {"qcode": "ex:1"},
        Party: {"name": "Jane Doe"},
        Mark: {"kind": MarkKind.EMPHASIS, "span": SPAN},
    }.get(cls, {})
    return cls(**{**fields, field: value})


PAIR = namedtuple("PAIR", ["first", "second"])  # a tuple subclass


def tuple_fields() -> list[tuple[type, str]]:
    found = []
    for cls in MODEL_CLASSES:
        hints = typing.get_type_hints(cls)
        found += [(cls, name) for name, hint in hints.items() if typing.get_origin(hint) is tuple]
    return found


def enum_fields() -> list[tuple[type, str, type[enum.Enum]]]:
    found = []
    for cls in MODEL_CLASSES:
        for name, hint in typing.get_type_hints(cls).items():
            for kind in (hint, *typing.get_args(hint)):
                if isinstance(kind, type) and issubclass(kind, enum.Enum):
                    found.append((cls, name, kind))
    return found


# --- Collections: any ordered iterable, held as a tuple ---------------------------------------


def test_every_tuple_field_is_covered() -> None:
    assert set(tuple_fields()) == set(VALID_ITEMS)


@pytest.mark.parametrize(("cls", "field"), sorted(VALID_ITEMS, key=str))
@pytest.mark.parametrize(
    "make",
    [
        list,
        iter,
        lambda items: (item for item in items),
        lambda items: dict(enumerate(items)).values(),
    ],
    ids=["list", "iterator", "generator", "dict values"],
)
def test_ordered_iterables_are_held_as_tuples(cls: type, field: str, make: Any) -> None:
    items = VALID_ITEMS[cls, field]
    held = getattr(build(cls, field, make(items)), field)
    assert type(held) is tuple
    assert held == items


@pytest.mark.parametrize(("cls", "field"), sorted(VALID_ITEMS, key=str))
def test_a_tuple_is_held_as_it_is(cls: type, field: str) -> None:
    items = VALID_ITEMS[cls, field]
    assert getattr(build(cls, field, items), field) is items
    if len(items) == 2:
        assert type(getattr(build(cls, field, PAIR(*items)), field)) is tuple


@pytest.mark.parametrize(("cls", "field"), sorted(VALID_ITEMS, key=str))
@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("abc", "'abc'"),
        (b"abc", "a bytes"),
        (bytearray(b"abc"), "a bytearray"),
        ({"k1": 1}, "a dict"),
        ({"a"}, "a set"),
        (frozenset({"a"}), "a frozenset"),
        (types.MappingProxyType({"a": 1}), "a mappingproxy"),
        (3, "an int"),
        (None, "None"),
    ],
)
def test_text_mappings_sets_and_non_iterables_are_refused(
    cls: type, field: str, value: object, shown: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        build(cls, field, value)
    assert caught.value.field == field
    assert caught.value.reason == (
        f"must be a tuple or another ordered iterable of {item_name(cls, field)} "
        f"(a list, a generator …), not {shown}"
    )


def item_name(cls: type, field: str) -> str:
    return typing.get_args(typing.get_type_hints(cls)[field])[0].__name__


@pytest.mark.parametrize(("cls", "field"), sorted(VALID_ITEMS, key=str))
def test_items_of_the_wrong_type_are_refused_by_index(cls: type, field: str) -> None:
    items = [*VALID_ITEMS[cls, field], 3.5]
    with pytest.raises(ValidationError) as caught:
        build(cls, field, items)
    assert caught.value.field == field
    expected = item_name(cls, field)
    article = "an" if expected[0] in "AEIOU" else "a"
    assert caught.value.reason == f"item {len(items) - 1} is a float, expected {article} {expected}"


def test_a_long_text_is_cut_in_the_message() -> None:
    with pytest.raises(ValidationError) as caught:
        Article(lead="x" * 1_000_000)  # type: ignore[arg-type]
    assert len(str(caught.value)) < 200
    assert "'xxxx" in caught.value.reason
    assert "…" in caught.value.reason


def test_evolve_converts_and_checks_as_construction_does() -> None:
    article = Article(lead=PARAGRAPHS)
    assert attrs.evolve(article, keywords=["Iraq"], pub_status="canceled").keywords == ("Iraq",)
    with pytest.raises(ValidationError, match="invalid keywords"):
        attrs.evolve(article, keywords="Iraq")


# --- Enumerations: the member or its value ----------------------------------------------------


def test_every_enum_field_is_covered() -> None:
    assert {(cls, name) for cls, name, _ in enum_fields()} == {
        (Article, "pub_status"),
        (Attribution, "kind"),
        (Mark, "kind"),
    }


@pytest.mark.parametrize(("cls", "field", "kind"), enum_fields())
def test_enum_fields_take_members_and_their_values(
    cls: type, field: str, kind: type[enum.Enum]
) -> None:
    for member in kind:
        assert getattr(build(cls, field, member), field) is member
        assert getattr(build(cls, field, member.value), field) is member


@pytest.mark.parametrize(("cls", "field", "kind"), enum_fields())
@pytest.mark.parametrize(
    ("value", "shown"),
    [("published", "'published'"), ("USABLE", "'USABLE'"), (1, "an int"), (["direct"], "a list")],
)
def test_enum_fields_refuse_anything_else(
    cls: type, field: str, kind: type[enum.Enum], value: object, shown: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        build(cls, field, value)
    assert caught.value.field == field
    values = ", ".join(repr(member.value) for member in kind)
    assert values in caught.value.reason
    assert caught.value.reason.endswith(f"not {shown}")


def test_pub_status_may_be_unset_but_kind_may_not() -> None:
    assert Article(pub_status=None).pub_status is None
    with pytest.raises(ValidationError) as caught:
        Attribution(kind=None, source=SPAN, cue=SPAN)  # type: ignore[arg-type]
    assert caught.value.field == "kind"
    assert caught.value.reason == (
        "must be an AttributionKind or one of its values 'direct', 'indirect', 'refusal', not None"
    )


def test_an_article_with_an_enum_value_is_written_as_newsml() -> None:
    import newsdoc

    article = Article(lead=("Text.",), pub_status="withheld")  # type: ignore[arg-type]
    assert "stat:withheld" in newsdoc.write(article, "newsml")


# --- Every validator's refusal, with its field and message ------------------------------------

AWARE = dt.datetime(2025, 3, 5, tzinfo=dt.timezone.utc)


class NoOffset(dt.tzinfo):
    """A time zone that knows no UTC offset: a datetime in it is naive all the same."""

    def utcoffset(self, moment: dt.datetime | None) -> None:
        return None


@pytest.mark.parametrize(
    ("make", "field", "reason"),
    [
        (lambda: Span(paragraph="1", start=0, end=1, text="x"), "paragraph",
         "must be an int of at least 0 that fits in 64 bits"),
        (lambda: Span(paragraph=0, start=-1, end=0, text="x"), "start",
         "must be an int of at least 0 that fits in 64 bits"),
        (lambda: Span(paragraph=0, start=0, end=2**63, text="x"), "end",
         "must be an int of at least 0 that fits in 64 bits"),
        (lambda: Span(paragraph=10**5000, start=0, end=1, text="x"), "paragraph",
         "must be an int of at least 0 that fits in 64 bits"),
        (lambda: Span(paragraph=0, start=0, end=1, text=["x"]), "text",
         "must be a str, not a list"),
        (lambda: Span(paragraph=0, start=0, end=1, text=b"x"), "text",
         "must be a str, not a bytes"),
        (lambda: Span(paragraph=0, start=0, end=3, text="four"), "span",
         "range 0:3 is 3 characters long but claims 4 ('four')"),
        (lambda: Span(paragraph=0, start=2, end=2, text=""), "span", "must not be empty"),
        (lambda: TimeExpression(span="January", value="2020"), "span",
         "must be a Span, not 'January'"),
        (lambda: TimeExpression(span=SPAN, value=2020), "value", "must be a str, not an int"),
        (lambda: TimeExpression(span=SPAN, value="Q3"), "value",
         "'Q3' is not an ISO-8601 (TIMEX3 style) calendar value"),
        (lambda: Attribution(kind="direct", source=None, cue=SPAN), "source",
         "must be a Span, not None"),
        (lambda: Attribution(kind="direct", source=SPAN, cue=SPAN, antecedent="She"),
         "antecedent", "must be a Span or None, not 'She'"),
        (lambda: Event(trigger=SPAN, time=SPAN), "time",
         "must be a TimeExpression or None, not a Span"),
        (lambda: Section(heading=3), "heading", "must be a str, not an int"),
        (lambda: Section(heading="Heading", paragraphs=("one", " two")), "paragraphs",
         "' two' must be non-empty, without leading or trailing white space"),
        (lambda: Section(heading="two\nlines"), "heading",
         "'two\\nlines' must be one line, without line breaks"),
        (lambda: Dateline(place="BAGHDAD", date=""), "date",
         "'' must be non-empty, without leading or trailing white space"),
        (lambda: Concept(qcode=5), "qcode", "must be a str, not an int"),
        (lambda: Concept(qcode="  "), "qcode", "must not be empty or blank"),
        (Concept, "concept", "needs a qcode, a uri, a name or a literal"),
        (Rights, "rights", "needs a holder, a notice or usage terms"),
        (lambda: Rights(holder="", notice="Copyright"), "holder", "must not be empty or blank"),
        (lambda: Article(created="2020-01-01"), "created", "must be a datetime, not '2020-01-01'"),
        (lambda: Article(updated=dt.date(2020, 1, 1)), "updated", "must be a datetime, not a date"),
        (lambda: Article(created=dt.datetime(2020, 1, 1)), "created", "must be timezone-aware"),
        (lambda: Article(updated=dt.datetime(2020, 1, 1, tzinfo=NoOffset())), "updated",
         "must be timezone-aware"),
        (lambda: Article(language=5), "language", "must be a str, not an int"),
        (lambda: Article(language="english please"), "language",
         "'english please' is not a BCP 47 language tag"),
        (lambda: Article(id=""), "id", "must not be empty or blank"),
        (lambda: Article(headline=b"Headline"), "headline", "must be a str, not a bytes"),
        (lambda: Article(provider="Reuters"), "provider",
         "must be a Concept or None, not 'Reuters'"),
        (lambda: Article(dateline="BAGHDAD"), "dateline",
         "must be a Dateline or None, not 'BAGHDAD'"),
        (lambda: Article(rights={"holder": "x"}), "rights", "must be a Rights or None, not a dict"),
        (lambda: Article(located=CONCEPT.qcode), "located",
         "must be a Concept or None, not 'medtop:16000000'"),
        (lambda: Article(urgency=0), "urgency", "must be an int between 1 and 9"),
        (lambda: Article(urgency=10), "urgency", "must be an int between 1 and 9"),
        (lambda: Article(urgency=5.0), "urgency", "must be an int between 1 and 9"),
        (lambda: Article(urgency=True), "urgency", "must be an int between 1 and 9"),
        (lambda: Article(version=0), "version",
         "must be an int of at least 1 that fits in 64 bits"),
        (lambda: Article(version=2**63), "version",
         "must be an int of at least 1 that fits in 64 bits"),
        (lambda: Article(lead=PARAGRAPHS, events=[Event(trigger=Span(paragraph=2, start=0, end=1,
         text="T"))]), "events[0]", "span points at paragraph 2 but the body has 2"),
        (lambda: Article(lead=PARAGRAPHS, attributions=[ATTRIBUTION, Attribution(kind="refusal",
         source=span(1, "Iran"), cue=Span(paragraph=1, start=0, end=4, text="Iraq"))]),
         "attributions[1]", "span 1:0:4 holds 'Iran', not the claimed 'Iraq'"),
    ],
)  # fmt: skip
def test_each_refusal_names_its_field_and_reason(make: Any, field: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make()
    assert (caught.value.field, caught.value.reason) == (field, reason)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Article(urgency=1),
        lambda: Article(urgency=9),
        lambda: Article(version=1),
        lambda: Article(version=2**63 - 1),
        lambda: Article(created=AWARE, updated=AWARE),
        lambda: Span(paragraph=0, start=2**63 - 2, end=2**63 - 1, text="x"),
        lambda: Article(lead=PARAGRAPHS, events=[Event(trigger=span(1, "Iran"))]),
    ],
)
def test_the_limits_themselves_are_accepted(make: Any) -> None:
    make()


# --- Arbitrary values: only ValidationError escapes -------------------------------------------


def json_like(leaves: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.recursive(
        leaves,
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(max_size=3), children, max_size=3)
            | st.sets(st.integers(), max_size=3)
            | st.tuples(children, children)
        ),
        max_leaves=8,
    )


VALID_PARTS = (
    st.sampled_from([SPAN, CONCEPT, SECTION, ATTRIBUTION, EVENT, EXTENSION, *PubStatus])
    | st.sampled_from(list(AttributionKind))
    | st.sampled_from([*PARAGRAPHS, "direct", "usable", "2020-01", "en"])
)
ARBITRARY = json_like(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([2**63, 2**63 - 1, -(2**70), -1, 0])
    | st.floats()
    | st.text(max_size=12)
    | st.binary(max_size=6)
    | st.datetimes()
    | st.datetimes(timezones=st.just(dt.timezone.utc))
    | st.dates()
    | VALID_PARTS
)


class Huge:
    """Stands for 10**5000 in drawn values: hypothesis cannot show an int of 5,001 digits."""

    def __repr__(self) -> str:
        return "10**5000"


HUGE = Huge()
BASES = {
    AltId: strategies.alt_ids(),
    Link: strategies.links(),
    Name: strategies.names(),
    Party: strategies.parties(),
    RelatedConcept: strategies.related_concepts(),
    RoleText: strategies.role_texts(),
    Signal: strategies.signals(),
    Article: strategies.al_asad_articles(),
    Attribution: strategies.attributions(PARAGRAPHS),
    Concept: strategies.concepts(details=True, rank=True, related=True),
    Dateline: strategies.datelines(),
    Event: strategies.events(PARAGRAPHS),
    Extension: strategies.extensions(),
    Mark: strategies.marks(PARAGRAPHS),
    Rights: strategies.rights(),
    Section: strategies.sections(),
    Span: strategies.spans(PARAGRAPHS),
    TimeExpression: strategies.time_expressions(PARAGRAPHS),
}


def test_every_model_class_is_fuzzed() -> None:
    assert set(BASES) == set(MODEL_CLASSES)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_arbitrary_values_only_raise_validation_errors(cls: type, data: st.DataObject) -> None:
    base = data.draw(BASES[cls])
    fields = attrs.asdict(base, recurse=False)
    changed = data.draw(st.lists(st.sampled_from(sorted(fields)), min_size=1, unique=True))
    for name in changed:
        value = data.draw(ARBITRARY | st.just(HUGE), label=name)
        fields[name] = 10**5000 if value is HUGE else value
    try:
        cls(**fields)
    except ValidationError as exc:
        problem = exc
    else:
        return
    assert problem.field
    assert str(problem).startswith(f"invalid {problem.field}: ")


def test_missing_and_unknown_arguments_are_python_call_errors() -> None:
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'heading'"):
        Section()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Concept(name="war", colour="red")  # type: ignore[call-arg]


# --- What a type checker sees -----------------------------------------------------------------

TYPING_CHECK = """
from newsdoc import Article, Attribution, Span

span = Span(paragraph=0, start=0, end=1, text="U")
article = Article(lead=["U"], keywords=(k for k in "ab"), pub_status="usable")
reveal_type(article.lead)
reveal_type(article.pub_status)
attribution = Attribution(kind="direct", source=span, cue=span, content=[span])
reveal_type(attribution.kind)
reveal_type(attribution.content)
Article(lead=[1])
Article(pub_status=3)
Attribution(kind="direct", source=span, cue=span, content=["U"])
"""


def test_type_checkers_see_iterables_in_and_tuples_out(tmp_path: Path) -> None:
    module = tmp_path / "uses_newsdoc.py"
    module.write_text(TYPING_CHECK, encoding="utf-8")
    out, _, _ = mypy.api.run(["--strict", "--no-error-summary", str(module)])
    found = [line.split(": ", 2)[1:] for line in out.splitlines()]
    assert found == [
        ["note", 'Revealed type is "tuple[str, ...]"'],
        ["note", 'Revealed type is "newsdoc.model.PubStatus | None"'],
        ["note", 'Revealed type is "newsdoc.model.AttributionKind"'],
        ["note", 'Revealed type is "tuple[newsdoc.model.Span, ...]"'],
        ["error", 'List item 0 has incompatible type "int"; expected "str"  [list-item]'],
        ["error", 'Argument "pub_status" to "Article" has incompatible type "int"; expected '
         '"PubStatus | str | None"  [arg-type]'],
        ["error", 'List item 0 has incompatible type "str"; expected "Span"  [list-item]'],
    ]  # fmt: skip
