# written by setuptools-scm when the project is installed; no checkout holds them
from scm_pkg._version import version
from scm_pkg import _legacy_version

VERSION = version, _legacy_version
