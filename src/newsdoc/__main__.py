"""Run the command line: ``python -m newsdoc``."""

import sys

from newsdoc.cli import main

sys.exit(main())
