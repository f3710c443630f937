"""Heavy libraries imported on the other core while the run does something else.

scikit-learn takes about a second to import and pandas half a second, on a check of a few
drafts that otherwise takes three. Reading, extracting and embedding (ONNX Runtime releases
the GIL) overlap with the import; the first real use waits for it to finish (imports_done).
"""

from __future__ import annotations

import importlib
import sys
import threading


_started: list[threading.Thread] = []


def import_soon(*modules: str) -> None:
    """Start importing `modules` in a background thread, unless they are imported already.

    Not a daemon thread: a half-finished import at interpreter exit can fail noisily."""
    missing = [name for name in modules if name not in sys.modules]
    if missing:
        thread = threading.Thread(target=_import_quietly, args=(missing,), name="import-soon")
        _started.append(thread)
        thread.start()


def imports_done() -> None:
    """Wait for the background imports. Call it before importing any module they may be in
    the middle of: two threads importing different parts of one package (scipy.spatial's
    distance here, scikit-learn's clustering there) can meet a half-initialised module."""
    while _started:
        _started.pop().join()


def _import_quietly(modules: list[str]) -> None:
    """Best effort: a run that ends early (nothing to check) may reach interpreter shutdown
    mid-import, where pandas cannot register its exit hook. Any failure that matters shows
    again, with its real traceback, at the first real use."""
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - see the docstring
            return
