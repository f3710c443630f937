"""Heavy libraries imported on the other core while the run does something else.

scikit-learn takes about a second to import and pandas half a second, on a check of a few
drafts that otherwise takes three. Reading, extracting and embedding (ONNX Runtime releases
the GIL) overlap with the import; the first real use simply waits for it to finish.
"""

from __future__ import annotations

import importlib
import sys
import threading


def import_soon(*modules: str) -> None:
    """Start importing `modules` in a background thread, unless they are imported already.

    Not a daemon thread: a half-finished import at interpreter exit can fail noisily."""
    missing = [name for name in modules if name not in sys.modules]
    if missing:
        threading.Thread(target=lambda: [importlib.import_module(name) for name in missing], name="import-soon").start()
