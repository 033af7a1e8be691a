"""NITF, the IPTC's News Industry Text Format: the XML article agencies send.

Reading takes NITF 3.1 to 3.6 documents, with or without the IPTC namespace, in the
encoding they declare; writing emits NITF 3.6 that validates against the IPTC schema,
which ships with newsdoc (see :mod:`newsdoc.formats.nitf.schema`).
"""

from newsdoc.formats.nitf.reader import read
from newsdoc.formats.nitf.writer import write

__all__ = ["read", "write"]
