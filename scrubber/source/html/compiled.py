"""The compiled tree walks (``_walk.pyx``) when this install built them, else None: callers
then run the same walks in Python. ``SCRUBBER_PURE_PYTHON=1`` ignores a built module (to
compare the two, or to rule the compiled code out when hunting a bug)."""

from __future__ import annotations

import os
import warnings
from contextlib import contextmanager
from pathlib import Path


def _load():
    if os.environ.get("SCRUBBER_PURE_PYTHON"):
        return None
    try:
        from . import _walk
    except ImportError:  # not built here: no C compiler or no Cython at install time
        return None
    except ValueError as error:  # built against another lxml ("_Element size changed")
        warnings.warn(f"scrubber's compiled walks do not fit this lxml ({error}); reinstall scrubber "
                      "to rebuild them. The Python walks run instead.", RuntimeWarning, stacklevel=3)
        return None
    built = Path(_walk.__file__).stat().st_mtime
    sources = [*Path(__file__).parent.glob("_walk.pyx"), *Path(__file__).parent.glob("_walk_*.pxi")]
    if any(source.stat().st_mtime > built for source in sources):
        # A checkout whose walks were edited after the last build (or whose build failed):
        # the old module could disagree with the Python code that calls it.
        warnings.warn("scrubber/source/html/_walk.pyx or a file it includes is newer than its compiled module; run "
                      "`pip install -e .` to rebuild it. The Python walks run instead.", RuntimeWarning, stacklevel=3)
        return None
    return _walk


walk = _load()


@contextmanager
def python_walks():
    """Inside, the Python twins run: the compiled walks are set aside, so that tests can
    check that both give the same answers."""
    global walk
    built, walk = walk, None
    try:
        yield
    finally:
        walk = built
