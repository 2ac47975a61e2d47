import sys

from lintgate._launcher import main

sys.exit(main())
