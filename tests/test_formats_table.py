"""The table of fields per format in docs/formats.md is the registry's own word."""

from __future__ import annotations

from pathlib import Path

import attrs

import newsdoc

FORMATS_PAGE = Path(__file__).parent.parent / "docs" / "formats.md"
HEADING = "## Which format carries which field"


def carried_table() -> str:
    """The Markdown table of Article fields by format, built from ``FormatInfo.carries``."""
    infos = newsdoc.formats()
    rows = [
        "| field | " + " | ".join(info.name for info in infos) + " |",
        "| --- |" + " :-: |" * len(infos),
    ]
    for field in attrs.fields(newsdoc.Article):
        marks = " | ".join("✓" if field.name in info.carries else "—" for info in infos)
        rows.append(f"| `{field.name}` | {marks} |")
    return "\n".join(rows) + "\n"


def test_the_formats_page_shows_what_the_registry_says_each_format_carries() -> None:
    page = FORMATS_PAGE.read_text(encoding="utf-8")
    section = page.split(HEADING, 1)[1]
    table = section[section.index("| field |") :]
    table = table[: table.index("\n\n") + 1]
    assert table == carried_table()
