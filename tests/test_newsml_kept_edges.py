"""What the NewsML-G2 reader keeps of an item and how the writer puts it back.

Pinned here: the exact canonical text of kept elements (escapes, attribute order, the
namespace declarations that attribute values need, NewsML-G2 prefixes dropped), the
attributes left over on mapped elements, the layout kept content is written back with,
where comments, processing instructions and stray text go, and the errors for kept content
that cannot be put back.
"""

import re

import attrs
import pytest

import newsdoc
from newsdoc import Article, Extension, SerializationError
from newsdoc.formats.newsml._kept import start_tag_end

NAR = "http://iptc.org/std/nar/2006-10-01/"
HEAD = (
    f'<newsItem xmlns="{NAR}" xmlns:x="urn:x" xmlns:n="{NAR}" guid="g" version="1" '
    'standard="NewsML-G2" standardversion="2.35">'
)
META = (
    '<itemMeta><itemClass qcode="ninat:text"/><provider literal="p"/>'
    "<versionCreated>2020-01-01T00:00:00Z</versionCreated>{}</itemMeta>"
)
WRITTEN_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<newsItem xmlns="{NAR}" xmlns:nd="https://newsdoc.dev/ns/newsml/1" '
    'standard="NewsML-G2" standardversion="2.35" nd:text="exact" guid="g" version="1">\n'
)
ITEM_META = (
    "  <itemMeta>\n"
    '    <itemClass qcode="ninat:text"/>\n'
    '    <provider literal="p"/>\n'
    "    <versionCreated>2020-01-01T00:00:00Z</versionCreated>\n"
)


def read_meta(meta: str, rest: str = "") -> Article:
    return newsdoc.read(HEAD + META.format(meta) + rest + "</newsItem>", format="newsml")


def kept(path: str, content: str = "") -> Extension:
    return Extension(format="newsml", path=path, content=content)


def in_nar(element: str) -> str:
    """``<name …>`` with the NewsML-G2 namespace declared first, as canonical XML has it."""
    name, rest = re.match(r"<([^\s>]+)(.*)", element, re.DOTALL).groups()  # type: ignore[union-attr]
    return f'<{name} xmlns="{NAR}"{rest}'


@pytest.mark.parametrize(
    ("source", "canonical"),
    [
        ('<link rel="a">a &amp; b</link>', '<link rel="a">a &amp; b</link>'),
        ('<link rel="a">a &lt; b</link>', '<link rel="a">a &lt; b</link>'),
        ('<link rel="a">a &gt; b</link>', '<link rel="a">a &gt; b</link>'),
        ('<link rel="a">a &#13; b</link>', '<link rel="a">a &#xD; b</link>'),
        ('<link rel="a &amp; b"/>', '<link rel="a &amp; b"></link>'),
        ('<link rel="a&#10;b"/>', '<link rel="a&#xA;b"></link>'),
        ('<link rel="a&#13;b"/>', '<link rel="a&#xD;b"></link>'),
        (
            '<link title="&quot;&lt;" rel="a&#9;b"/>',
            '<link rel="a&#x9;b" title="&quot;&lt;"></link>',
        ),
        ('<link xml:lang="en" rel="r">T</link>', '<link rel="r" xml:lang="en">T</link>'),
    ],
)
def test_kept_leaves_are_exclusive_canonical_xml(source: str, canonical: str) -> None:
    article = read_meta(source)
    assert article.extensions == (kept("/newsItem/itemMeta[1]/link[1]", in_nar(canonical)),)


def test_a_kept_leaf_with_an_attribute_of_another_namespace_declares_it() -> None:
    article = read_meta('<link x:a="1" rel="r"/>')
    content = f'<link xmlns="{NAR}" xmlns:x="urn:x" rel="r" x:a="1"></link>'
    assert article.extensions == (kept("/newsItem/itemMeta[1]/link[1]", content),)


@pytest.mark.parametrize(
    ("source", "canonical"),
    [
        # Values naming a prefix in scope keep it declared, however many colons follow.
        ('<link rel="x:1"/>', '<link xmlns:x="urn:x" rel="x:1"></link>'),
        ('<link rel="x:a:b"/>', '<link xmlns:x="urn:x" rel="x:a:b"></link>'),
        ('<n:link rel="x:1"/>', '<link xmlns:x="urn:x" rel="x:1"></link>'),
        # A value with a colon that is no prefix in scope declares nothing.
        ('<link rel="http://e/"/>', '<link rel="http://e/"></link>'),
        # Text that looks like an attribute is text: nothing is declared for it ...
        ('<link rel="r">k="x:1"</link>', '<link rel="r">k="x:1"</link>'),
        # ... unless a value has a colon: then the text keeps lxml's form, as it always had.
        (
            '<link rel="http://e/">k="x:1"</link>',
            '<link xmlns:x="urn:x" rel="http://e/">k="x:1"</link>',
        ),
    ],
)
def test_kept_leaves_declare_the_prefixes_their_values_use(source: str, canonical: str) -> None:
    article = read_meta(source)
    assert article.extensions == (kept("/newsItem/itemMeta[1]/link[1]", in_nar(canonical)),)


def test_a_prefixed_newsml_element_is_kept_in_the_default_namespace_with_all_it_holds() -> None:
    article = read_meta(
        '<n:link rel="x:1" x:b="2">t<n:title a="1">T<n:i/>i</n:title><!--c-->tail<?p q?>'
        "<x:y>Y</x:y>end</n:link>"
    )
    content = (
        f'<link xmlns="{NAR}" xmlns:x="urn:x" rel="x:1" x:b="2">t<title a="1">T<i></i>i</title>'
        "<!--c-->tail<?p q?><x:y>Y</x:y>end</link>"
    )
    assert article.extensions == (kept("/newsItem/itemMeta[1]/link[1]", content),)


def test_attributes_left_over_on_mapped_elements_are_sorted_and_xml_lang_is_so_named() -> None:
    article = read_meta(
        "",
        '<contentMeta><creator qcode="p:1" x:b="2" x:a="1"/>'
        '<description xml:lang="en">D</description></contentMeta>',
    )
    assert article.extensions == (
        Extension(
            format="newsml",
            path="/newsItem/contentMeta[1]/creator[1]",
            attributes=(("{urn:x}a", "1"), ("{urn:x}b", "2")),
        ),
        Extension(
            format="newsml",
            path="/newsItem/contentMeta[1]/description[1]",
            attributes=(("xml:lang", "en"),),
        ),
    )


def test_layout_of_any_white_space_is_not_kept_as_text() -> None:
    layout = "\n\t \t\t  \t \n"
    article = read_meta(f'{layout}<link rel="r"/>{layout}', f"{layout}<contentSet/>{layout}")
    assert article.extensions == (
        kept("/newsItem/itemMeta[1]/link[1]", in_nar('<link rel="r"></link>')),
        kept("/newsItem/contentSet[1]"),
    )


def test_kept_content_read_is_written_back_in_place_and_laid_out() -> None:
    source = (
        f"<!-- before --><?pi x?>{HEAD}"
        '<catalogRef href="c"/>'
        + META.format('<!-- c1 --><link rel="r">L</link>stray  text<!-- last -->')
        + "<contentMeta><headline>H</headline></contentMeta>"
        "<contentSet/></newsItem><!-- after --><!-- after2 -->"
    )
    written = newsdoc.write(newsdoc.read(source, format="newsml"), "newsml")
    assert written == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!-- before --><?pi x?>"
        + WRITTEN_HEAD.partition("\n")[2]
        + '  <catalogRef href="c"/>\n'
        + ITEM_META
        + "    <!-- c1 -->\n"
        '    <link rel="r">L</link>stray text\n'
        "  <!-- last -->\n"
        "  </itemMeta>\n"
        "  <contentMeta>\n"
        "    <headline>H</headline>\n"
        "  </contentMeta>\n"
        "  <contentSet/>\n"
        "</newsItem><!-- after --><!-- after2 -->\n"
    )


def test_kept_elements_go_into_containers_made_for_them_laid_out_at_their_depth() -> None:
    base = read_meta("", "<contentMeta><headline>H</headline></contentMeta><contentSet/>")
    extensions = (
        *base.extensions,
        kept(
            "/newsItem/rightsInfo[1]/usageTerms[1]",
            f'<usageTerms xmlns="{NAR}">U</usageTerms>',
        ),
        kept(
            "/newsItem/contentMeta[1]/keyword[1]",
            f'<keyword xmlns="{NAR}">K</keyword>',
        ),
        kept(
            "/newsItem/contentMeta[1]/keyword[1]/preceding-sibling::comment()",
            "<!-- before keyword -->",
        ),
        kept("/newsItem/contentMeta[1]/headline[1]/preceding-sibling::text()", "T"),
    )
    written = newsdoc.write(
        Article(
            headline=base.headline,
            version=base.version,
            provider=base.provider,
            id=base.id,
            updated=base.updated,
            extensions=extensions,
        ),
        "newsml",
    )
    assert written == (
        WRITTEN_HEAD + "  <rightsInfo>\n"
        "    <usageTerms>U</usageTerms>\n"
        "  </rightsInfo>\n" + ITEM_META + "  </itemMeta>\n"
        "  <contentMeta>T\n"
        "    <headline>H</headline>\n"
        "    <!-- before keyword -->\n"
        "    <keyword>K</keyword>\n"
        "  </contentMeta>\n"
        "  <contentSet/>\n"
        "</newsItem>\n"
    )


@pytest.mark.parametrize(
    ("extension", "reason"),
    [
        (
            kept("/newsItem/contentMeta[1]/altId[3]"),
            "kept content at /newsItem/contentMeta[1]/altId[3] has no place to go",
        ),
        (
            Extension(
                format="newsml",
                path="/newsItem/contentMeta[1]/subject[5]",
                attributes=(("a", "1"),),
            ),
            "kept attributes at /newsItem/contentMeta[1]/subject[5] have no element to go on",
        ),
        (
            kept("/newsItem/x:thing[1]/y[1]", "<y/>"),
            "kept content at /newsItem/x:thing[1]/y[1] has no place to go",
        ),
        (
            kept("/newsItem/contentSet[1]/1st[1]/y[1]", "<y/>"),
            "kept content at /newsItem/contentSet[1]/1st[1]/y[1] has no place to go",
        ),
        (
            kept("/elsewhere/comment()", "<!-- c -->"),
            "kept content at /elsewhere/comment() has no place to go",
        ),
        (
            kept("/newsItem/following-sibling::comment()", "<!-- c"),
            "kept content at /newsItem/following-sibling::comment(): not well-formed XML "
            "(Comment not terminated, line 1, column 14)",
        ),
        (
            kept("/newsItem/preceding-sibling::comment()", "<!-- c"),
            "kept content at /newsItem/preceding-sibling::comment(): not well-formed XML "
            "(Comment not terminated, line 1, column 14)",
        ),
        (
            kept("/newsItem/itemMeta[1]/comment()", "x<!-- c -->"),
            "kept content at /newsItem/itemMeta[1]/comment() "
            "is not one comment or processing instruction",
        ),
        (
            kept("/newsItem/itemMeta[1]/comment()", "<!-- c -->x"),
            "kept content at /newsItem/itemMeta[1]/comment() "
            "is not one comment or processing instruction",
        ),
    ],
)
def test_kept_content_that_cannot_be_put_back_is_a_serialization_error(
    extension: Extension, reason: str
) -> None:
    with pytest.raises(SerializationError) as caught:
        newsdoc.write(Article(lead=("Body.",), extensions=(extension,)), "newsml")
    assert (caught.value.format, caught.value.reason) == ("newsml", reason)


def test_kept_namesakes_go_back_between_the_mapped_ones_at_their_positions() -> None:
    source = (
        HEAD
        + META.format("<x:note>1</x:note><x:note>2</x:note>")
        + "<contentMeta><keyword>a<x:i/></keyword><keyword>b</keyword><keyword>c<x:i/></keyword>"
        "<keyword>d</keyword><keyword>e<x:i/></keyword></contentMeta></newsItem>"
    )
    written = newsdoc.write(newsdoc.read(source, format="newsml"), "newsml")
    assert written == (
        WRITTEN_HEAD + ITEM_META + '    <x:note xmlns:x="urn:x">1</x:note>\n'
        '    <x:note xmlns:x="urn:x">2</x:note>\n'
        "  </itemMeta>\n"
        "  <contentMeta>\n"
        '    <keyword>a<x:i xmlns:x="urn:x"/></keyword>\n'
        "    <keyword>b</keyword>\n"
        '    <keyword>c<x:i xmlns:x="urn:x"/></keyword>\n'
        "    <keyword>d</keyword>\n"
        '    <keyword>e<x:i xmlns:x="urn:x"/></keyword>\n'
        "  </contentMeta>\n"
        "</newsItem>\n"
    )


def test_a_comment_goes_before_the_foreign_element_its_path_names_without_position() -> None:
    base = read_meta("<x:noteX>1</x:noteX><x:noteX>2</x:noteX>")
    comment = kept("/newsItem/itemMeta[1]/x:noteX/preceding-sibling::comment()", "<!--c-->")
    written = newsdoc.write(attrs.evolve(base, extensions=(*base.extensions, comment)), "newsml")
    assert written == (
        WRITTEN_HEAD + ITEM_META + "    <!--c-->\n"
        '    <x:noteX xmlns:x="urn:x">1</x:noteX>\n'
        '    <x:noteX xmlns:x="urn:x">2</x:noteX>\n'
        "  </itemMeta>\n"
        "</newsItem>\n"
    )


def test_kept_elements_go_back_shallower_first_whatever_their_order() -> None:
    base = read_meta("")
    deeper = kept(
        "/newsItem/rightsInfo[1]/usageTerms[2]", f'<usageTerms xmlns="{NAR}">2</usageTerms>'
    )
    whole = kept(
        "/newsItem/rightsInfo[1]",
        f'<rightsInfo xmlns="{NAR}"><usageTerms>1</usageTerms></rightsInfo>',
    )
    written = newsdoc.write(attrs.evolve(base, extensions=(deeper, whole)), "newsml")
    assert written == (
        WRITTEN_HEAD + "  <rightsInfo><usageTerms>1</usageTerms>\n"
        "    <usageTerms>2</usageTerms></rightsInfo>\n" + ITEM_META + "  </itemMeta>\n"
        "</newsItem>\n"
    )


def test_kept_content_goes_inside_a_foreign_element_kept_before_it() -> None:
    outer = kept("/newsItem/x:thing[1]", '<x:thing xmlns:x="urn:x"/>')
    inner = kept("/newsItem/x:thing[1]/y[1]", "<y/>")
    written = newsdoc.write(Article(lead=("Body.",), extensions=(inner, outer)), "newsml")
    assert '<x:thing xmlns:x="urn:x">\n    <y/>\n  </x:thing>' in written


@pytest.mark.parametrize(
    ("content", "end"),
    [
        ("<a>x</a>", 2),
        ("<a/>", 2),
        ('<a b="1">x</a>', 8),
        ('<a b="1"/>', 8),
        ('<a b="x>y" c="/>">z</a>', 17),
        ('<n:a xmlns:n="urn:n" n:b="&quot;>">z</n:a>', 34),
        ("<a  >x</a>", 4),
        ("text<a>", -1),
        ("<!-- c -->", -1),
    ],
)
def test_a_start_tag_ends_at_its_own_closing_bracket_not_one_in_a_value(
    content: str, end: int
) -> None:
    assert start_tag_end(content) == end


@pytest.mark.parametrize("title", ["a&gt;b", "a/&gt;b", "&quot;&gt;"])
def test_a_body_whose_start_tag_holds_a_bracket_goes_back_unchanged(title: str) -> None:
    body = (
        f'<contentSet><inlineXML contenttype="application/xhtml+xml" title="{title}">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Words.</p></body></html>'
        "</inlineXML></contentSet>"
    )
    article = read_meta("", body)
    written = newsdoc.write(article, "newsml")
    assert f'<inlineXML contenttype="application/xhtml+xml" title="{title}"><html' in written
    assert newsdoc.read(written, "newsml") == article
