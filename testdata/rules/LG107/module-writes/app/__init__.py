from . import registry, plugins
