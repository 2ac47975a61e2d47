"""One-off migration script."""


def main():
    from netra_backend.app.database.compat import DatabaseSessionManager  # expect: LG101 "when `main()` is called"
    return DatabaseSessionManager()


if __name__ == "__main__":
    main()
