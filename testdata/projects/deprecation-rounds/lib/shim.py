from lib.old import OldThing as TOldThing

__all__ = ["TOldThing"]
