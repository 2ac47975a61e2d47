import builtins as builtin_mod


def display(obj):
    return obj


class Shell:
    def init_builtins(self):
        # as IPython's InteractiveShell does: after this, every module reads these names unbound
        builtin_mod.__dict__['__IPYTHON__'] = True
        builtin_mod.__dict__['display'] = display
        builtin_mod.__dict__.update({'get_ipython': self.get_ipython, 'shell_name': 'fixture'})
        setattr(builtin_mod, 'ip', self)

    def get_ipython(self):
        return self


Shell().init_builtins()
