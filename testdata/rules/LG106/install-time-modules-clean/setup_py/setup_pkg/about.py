# written by setuptools-scm (use_scm_version in setup.py) when the project is installed
from setup_pkg._version import version

VERSION = version
