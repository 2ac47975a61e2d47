# written by hatch-vcs when the project is built or installed
from hatch_pkg._version import __version__

VERSION = __version__
