import nox


@nox.session
def tests(session):
    session.install("pytest")
    session.run("pytest", "tests", *session.posargs)


@nox.session
def api(session):
    session.chdir("services/api")
    session.run("pytest", "-q")


@nox.session
def computed(session):
    cmd = ["pytest", "integration"]
    session.run(*cmd)
