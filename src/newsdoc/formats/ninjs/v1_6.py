"""ninjs written as version 1.6, for receivers that take only the 1.x flat keys.

The registry's ``ninjs-1.6``: it reads what ``ninjs`` reads (any version), and writes
``body_text``, ``headline``, ``byline``, ``subject`` … as ninjs 1.6 spells them.
"""

from newsdoc.formats.ninjs.reader import read
from newsdoc.formats.ninjs.writer import write_1_6 as write

__all__ = ["read", "write"]
