"""One-off migration script."""


def main():
    from netra_backend.app.database.compat import SessionManager
    return SessionManager()


if __name__ == "__main__":
    main()
