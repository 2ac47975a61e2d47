# acme has no __init__.py: a namespace package, which the installed acme-core extends with acme.core
from acme.core.models import Thing
import acme.core.settings
from acme import core


def build():
    return Thing(acme.core.settings.NAME, core)
