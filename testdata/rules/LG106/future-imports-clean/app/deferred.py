from __future__ import annotations

VALUE: int = 1
