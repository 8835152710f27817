"""The compiled tree walks (``_walk.pyx``) when this install built them, else None: callers
then run the same walks in Python. ``SCRUBBER_PURE_PYTHON=1`` ignores a built module (to
compare the two, or to rule the compiled code out when hunting a bug)."""

from __future__ import annotations

import os

walk = None
if not os.environ.get("SCRUBBER_PURE_PYTHON"):
    try:
        from . import _walk as walk
    except ImportError:  # not built here: no C compiler or no Cython at install time
        walk = None
