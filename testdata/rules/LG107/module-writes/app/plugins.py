from app import registry
import app.registry as reg


class Settings:
    pass


registry.DEFAULT = "default"
setattr(reg, "SECOND", 2)
# a class attribute is no module global
Settings.OTHER = 3
