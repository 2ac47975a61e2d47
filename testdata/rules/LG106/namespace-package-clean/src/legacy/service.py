from legacy.plugins import registry
from legacy import plugins


def lookup():
    return registry.NAMES, plugins
