import app.settings as settings_mod

# attributes of app.settings, not builtins
settings_mod.__dict__['VERBOSE'] = True
setattr(settings_mod, 'QUIET', False)
