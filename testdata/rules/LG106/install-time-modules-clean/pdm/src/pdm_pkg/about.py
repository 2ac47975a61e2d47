# written by pdm-backend (relative to the package directory src/) when the project is built
from pdm_pkg._version import __version__

VERSION = __version__
