import sys

from amends_desktop.cli import main

sys.exit(main())
