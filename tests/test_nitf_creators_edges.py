"""NITF creators at their edges: where each is marked up, and which persons are creators."""

from __future__ import annotations

import warnings

import pytest
from lxml import etree

import newsdoc
from newsdoc import Article, Concept, Party, RelatedConcept
from newsdoc.formats.nitf.schema import validate

NS = "{http://iptc.org/std/NITF/2006-10-18/}"
ND = "{https://newsdoc.dev/ns/nitf/1}"
NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
ND_NS = "https://newsdoc.dev/ns/nitf/1"


def _written(article: Article) -> etree._Element:
    """The NITF written for ``article``: no loss, schema-valid, and read back equal."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = newsdoc.write(article, "nitf")
    root = etree.fromstring(text.encode("utf-8"))
    assert validate(root) == ()
    assert newsdoc.read(text, "nitf", extract=False) == article
    return root


def _bylines(root: etree._Element) -> list[etree._Element]:
    return root.findall(f"{NS}body/{NS}body.head/{NS}byline")


def _marked(byline: etree._Element) -> list[tuple[str | None, str | None, str | None]]:
    """Each person of a byline: its text, its qcode and the text that follows it."""
    return [(person.text, person.get("value"), person.tail) for person in byline]


def _read(head: str, *, text: str | None = None) -> Article:
    """An NITF document whose ``body.head`` holds ``head``, read back."""
    document = (
        f'<nitf xmlns="{NITF_NS}" xmlns:nd="{ND_NS}"'
        + (f' nd:text="{text}"' if text else "")
        + f"><body><body.head>{head}</body.head>"
        "<body.content><p>Text.</p></body.content></body></nitf>"
    )
    return newsdoc.read(document, "nitf", extract=False)


# -- writing: where each creator is marked up --------------------------------------------------


def test_a_name_printed_twice_marks_up_each_creator_at_its_own_place() -> None:
    article = Article(
        lead=("Text.",),
        bylines=("Ann Lee and Ann Lee",),
        creators=(Party(name="Ann Lee", qcode="p:1"), Party(name="Ann Lee", qcode="p:2")),
    )
    [byline] = _bylines(_written(article))
    assert byline.text == "By "
    assert _marked(byline) == [("Ann Lee", "p:1", " and "), ("Ann Lee", "p:2", None)]


def test_one_creator_is_marked_up_where_the_byline_first_names_it() -> None:
    article = Article(
        lead=("Text.",), bylines=("Ann Lee and Ann Lee",), creators=(Party(name="Ann Lee"),)
    )
    [byline] = _bylines(_written(article))
    assert byline.text == "By "
    assert _marked(byline) == [("Ann Lee", None, " and Ann Lee")]


def test_three_creators_in_one_byline_keep_the_words_between_them() -> None:
    article = Article(
        lead=("Text.",),
        bylines=("Ann Lee, Bo Wu and Cy Tan, staff",),
        creators=(Party(name="Ann Lee"), Party(name="Bo Wu"), Party(name="Cy Tan")),
    )
    [byline] = _bylines(_written(article))
    assert _marked(byline) == [
        ("Ann Lee", None, ", "),
        ("Bo Wu", None, " and "),
        ("Cy Tan", None, ", staff"),
    ]


def test_a_later_creator_is_looked_for_from_the_earlier_ones_place_on() -> None:
    # Ann Lee is printed in the first byline too, but after Bob Stone she is in the second.
    article = Article(
        lead=("Text.",),
        bylines=("Ann Lee", "Bob Stone and Ann Lee"),
        creators=(Party(name="Bob Stone"), Party(name="Ann Lee", qcode="p:ann")),
    )
    first, second = _bylines(_written(article))
    assert (first.text, len(first)) == ("By Ann Lee", 0)
    assert _marked(second) == [("Bob Stone", None, " and "), ("Ann Lee", "p:ann", None)]


def test_a_creator_in_the_next_byline_is_looked_for_from_its_start() -> None:
    article = Article(
        lead=("Text.",),
        bylines=("Alexandra Montgomery-Whitfield", "Bo Wu"),
        creators=(Party(name="Alexandra Montgomery-Whitfield"), Party(name="Bo Wu")),
    )
    first, second = _bylines(_written(article))
    assert _marked(first) == [("Alexandra Montgomery-Whitfield", None, None)]
    assert _marked(second) == [("Bo Wu", None, None)]


def test_a_byline_of_creators_only_is_the_last_of_body_head_when_nothing_follows() -> None:
    article = Article(headline="H", lead=("Text.",), creators=(Party(name="Jane Smith"),))
    root = _written(article)
    names = [etree.QName(child).localname for child in root.find(f"{NS}body/{NS}body.head")]
    assert names == ["hedline", "byline"]


def test_related_concepts_are_written_as_compact_json_with_their_own_characters() -> None:
    party = Party(
        name="Ann Lee",
        related=(
            RelatedConcept(concept=Concept(name="Équipe"), relation="crel:memberOf"),
            RelatedConcept(concept=Concept(qcode="gyibt:staff")),
        ),
    )
    article = Article(lead=("Text.",), bylines=("Ann Lee",), creators=(party,))
    [byline] = _bylines(_written(article))
    assert byline[0].get(f"{ND}related") == (
        '[{"concept":{"name":"Équipe"},"relation":"crel:memberOf"},'
        '{"concept":{"qcode":"gyibt:staff"}}]'
    )


# -- reading: which persons are creators -------------------------------------------------------


def test_a_byline_of_persons_alone_reads_as_their_words() -> None:
    article = _read("<byline><person>Jane Smith</person> and <person>Bo Wu</person></byline>")
    assert article.bylines == ("Jane Smith and Bo Wu",)
    assert article.creators == (Party(name="Jane Smith"), Party(name="Bo Wu"))


def test_a_byline_marked_creators_only_with_words_of_its_own_is_a_byline() -> None:
    article = _read('<byline nd:byline="false">By <person>Jane Smith</person></byline>')
    assert article.bylines == ("Jane Smith",)
    assert article.creators == (Party(name="Jane Smith"),)


def test_a_byline_of_persons_after_one_with_other_markup_still_gives_creators() -> None:
    article = _read(
        "<byline>By <b>Staff</b></byline><byline>By <person>Jane Smith</person></byline>"
    )
    assert article.creators == (Party(name="Jane Smith"),)
    assert article.bylines == ("Staff", "Jane Smith")


@pytest.mark.parametrize(
    "child",
    [
        '<function value="crol:writer">writer</function>',
        '<function value="crol:writer"><alt-code value="x"/></function>',
        '<alt-code value="crol:writer"/>',
        '<function value="crol:writer" idsrc="x"/>',
    ],
)
def test_a_person_holding_more_than_roles_is_no_creator(child: str) -> None:
    article = _read(f"<byline>By <person>Jane Smith{child}</person></byline>")
    assert article.creators == ()
    assert [e.path for e in article.extensions] == ["/nitf/body[1]/body.head[1]/byline[1]"]


def test_names_of_foreign_documents_are_folded_and_newsdoc_s_kept_as_they_are() -> None:
    foreign = _read("<byline>By <person>Jane\n    Smith</person></byline>")
    assert foreign.creators == (Party(name="Jane Smith"),)
    exact = _read("<byline>By <person>Jane  Smith</person></byline>", text="exact")
    assert exact.creators == (Party(name="Jane  Smith"),)
    assert exact.bylines == ("Jane  Smith",)


# -- reading: every byline is looked at, whatever came before it -----------------------------


@pytest.mark.parametrize(
    "first",
    [
        "<byline>By Ann Lee</byline>",  # no person at all
        "<byline>By <person>Ann Lee</person> <em>staff</em></byline>",  # more than persons
        '<byline>By <person nd:unknown="1">Ann Lee</person></byline>',  # not a creator
    ],
)
def test_a_byline_without_creators_does_not_stop_the_next_from_being_read(first: str) -> None:
    article = _read(first + "<byline>By <person value='p:2'>Bo Chan</person></byline>")
    assert article.creators == (Party(name="Bo Chan", qcode="p:2"),)
    assert article.bylines[-1] == "Bo Chan"


def test_a_creator_is_not_looked_for_in_an_empty_byline() -> None:
    article = _read("<byline/><byline>By <person>X</person></byline>")
    assert article.creators == (Party(name="X"),)
    root = _written(article)
    empty, named = _bylines(root)
    assert (empty.text, len(empty)) == (None, 0)
    assert _marked(named) == [("X", None, None)]
    assert named.text == "By "
