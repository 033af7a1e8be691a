"""ninjs, the IPTC's news in JSON: read in versions 1.x, 2.x and 3.x, written as 3.1.

The registry's ``ninjs-1.6`` (:mod:`newsdoc.formats.ninjs.v1_6`) reads the same way and
writes version 1.6. See ``docs/ninjs.md`` for what maps where and what ninjs cannot hold.

ninjs schemas © IPTC (MIT; the schemas are also published under CC BY 4.0): see
``schemas/LICENSE``.
"""

from newsdoc.formats.ninjs.reader import read
from newsdoc.formats.ninjs.writer import write

__all__ = ["read", "write"]
