"""The compiled tree walks (``_walk.pyx``) when this install built them, else None: callers
then run the same walks in Python. ``SCRUBBER_PURE_PYTHON=1`` ignores a built module (to
compare the two, or to rule the compiled code out when hunting a bug)."""

from __future__ import annotations

import os
import warnings

walk = None
if not os.environ.get("SCRUBBER_PURE_PYTHON"):
    try:
        from . import _walk as walk
    except ImportError:  # not built here: no C compiler or no Cython at install time
        walk = None
    except ValueError as error:  # built against another lxml ("_Element size changed")
        warnings.warn(f"scrubber's compiled walks do not fit this lxml ({error}); reinstall scrubber "
                      "to rebuild them. The Python walks run instead.", RuntimeWarning, stacklevel=2)
        walk = None
