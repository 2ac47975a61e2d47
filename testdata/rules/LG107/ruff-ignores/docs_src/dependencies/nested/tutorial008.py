async def dependency_a():
    dep_a = generate_dep_a()
    yield dep_a
