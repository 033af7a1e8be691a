"""A keeper for the NITF body dialect that writes down what it is told, for tests to read."""

from __future__ import annotations

from lxml import etree


class Recorder:
    """A keeper that writes down what it is told."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    def keep(self, element: etree._Element, path: str) -> None:
        self.calls.append(("keep", element.tag, path))

    def keep_attributes(
        self, element: etree._Element, path: str, mapped: tuple[str, ...] = ()
    ) -> None:
        self.calls.append(("attributes", element.tag, path, mapped))

    def unread(self, path: str) -> None:
        self.calls.append(("unread", path))
