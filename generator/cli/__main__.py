"""`python -m generator.cli ...` runs the command line as `handreiking ...` does."""

import sys

from .main import main

sys.exit(main())
