class Engine:
    pass


class NamedFromClause:
    pass
