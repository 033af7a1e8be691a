"""NewsML-G2, the IPTC standard news agencies exchange articles in.

Reading takes ``newsItem`` documents and ``newsMessage`` documents holding several items;
writing emits one ``newsItem`` that validates against the NewsML-G2 2.35 power schema,
which ships with newsdoc (see :mod:`newsdoc.formats.newsml.schema`).
"""

from newsdoc.formats.newsml.reader import read, read_all
from newsdoc.formats.newsml.writer import write

__all__ = ["read", "read_all", "write"]
