from lib.shim import TOldThing


def run():
    return TOldThing()
