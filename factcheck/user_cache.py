"""The user cache folder: exported models, sentence vectors and story results live here."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    """FACTCHECK_CACHE overrides the platform's cache folder (tests and shared servers use it)."""
    import platformdirs

    return Path(os.environ.get("FACTCHECK_CACHE") or platformdirs.user_cache_path("factcheck"))
