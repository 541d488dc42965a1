"""``python -m newsclean`` runs the command line (see :mod:`newsclean._cli`)."""

import sys

from newsclean._cli import main

if __name__ == "__main__":
    sys.exit(main())
