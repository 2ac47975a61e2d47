import app.registry
import app.shell

assert __IPYTHON__
display(get_ipython())
print(shell_name, ip)


def verbose():
    return VERBOSE  # expect: LG107 "`VERBOSE` is not defined: NameError when `verbose()` is called"


def show():
    return displayy(ip)  # expect: LG107 "`displayy` is not defined: NameError when `show()` is called"


def quiet():
    return QUIET  # expect: LG107 "`QUIET` is not defined: NameError when `quiet()` is called"
