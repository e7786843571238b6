"""``python -m commonbonds.court.elections FILE.json [--options FILE]`` (no Django needed)."""

import sys

from .cli import main

sys.exit(main())
