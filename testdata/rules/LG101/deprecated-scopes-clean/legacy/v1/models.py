# legacy.v1 is a deprecated module (configured): what it uses is its own business
from legacy.store import OldStore

Model = OldStore
