def setup(app):
    return Extension(app)
