# Included by _walk.pyx, after _walk_scoring_screens.pxi: the sums scoring.region makes of a
# page's values to find the article's span and the list heads it charges, added in the same
# order as doubles, as Python adds floats.

def best_span(list values not None, Py_ssize_t low, Py_ssize_t high):
    """``scoring.region.best_span`` of ``values[low:high]`` (numbers), without the slice: the
    same sums, added in the same order as doubles, as Python adds floats."""
    cdef double best = 0.0, running = 0.0, value
    cdef Py_ssize_t best_start = 0, best_end = 0, start = 0, position
    if not 0 <= low <= high <= len(values):
        raise ValueError("a span inside the values")
    for position in range(high - low):
        value = values[low + position]
        if running <= 0:
            running, start = value, position
        else:
            running += value
        if running > best:
            best, best_start, best_end = running, start, position + 1
    return best_start, best_end


def prose_before(list values not None, list positions not None):
    """For each of ``positions``, the sum of the positive ``values`` before it (its zeros and
    negatives count as nothing), added in order as ``scoring.region.charge_list_heads`` adds them."""
    cdef Py_ssize_t size = len(values), position, last = -1, done = 0
    cdef double running = 0.0, value
    cdef double* sums
    if not positions:
        return []
    for position in positions:
        if not 0 <= position <= size:
            raise ValueError("a position among the values")
        last = position if position > last else last
    sums = <double*>malloc((last + 1) * sizeof(double))
    if sums == NULL:
        raise MemoryError()
    try:
        for done in range(last + 1):
            sums[done] = running
            if done < last:
                value = values[done]
                running += value if value >= 0.0 else 0.0
        return [sums[<Py_ssize_t>position] for position in positions]
    finally:
        free(sums)
