# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled tree walks for HTML mode: the same walks as the pure-Python code beside them, run
over libxml2's nodes directly, so that the elements no rule can judge never become Python
objects; and the page's encoding to UTF-8 for the parser, checked on the way. Optional:
``compiled.py`` falls back to Python when this module is not built, and
``tests/test_html_walks.py`` checks that both give the same answer.

Only fields of libxml2's node structs are read (no libxml2 function is called), so the module
links against nothing: lxml's headers describe the structs.
"""

cimport cython
from cpython.unicode cimport Py_UNICODE_ISSPACE, PyUnicode_DecodeUTF8
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memcpy, strcmp, strlen, strstr
from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element, elementFactory, import_lxml__etree

import_lxml__etree()


# One module, one build: the code of each walk lives in a file of its own beside this one,
# which these statements paste in (.pxd modules cimported instead would each be an extension
# of its own, calling the others through pointer tables).
include "_walk_nodes.pxi"
include "_walk_metadata.pxi"
include "_walk_prose.pxi"
include "_walk_prune.pxi"
include "_walk_removals.pxi"
include "_walk_measure.pxi"
include "_walk_tallies.pxi"
include "_walk_content.pxi"
include "_walk_lines.pxi"
include "_walk_blocks.pxi"
include "_walk_utf8.pxi"
include "_walk_words.pxi"
include "_walk_line_counts.pxi"
include "_walk_scoring.pxi"
include "_walk_scoring_screens.pxi"
include "_walk_region.pxi"
include "_walk_headings.pxi"
include "_walk_rules.pxi"
include "_walk_text.pxi"
include "_walk_dumps.pxi"
include "_walk_flattened.pxi"
include "_walk_keys.pxi"
include "_walk_lower.pxi"
include "_walk_dump_lines.pxi"
include "_walk_heads.pxi"
include "_walk_list_heads.pxi"
include "_walk_titles.pxi"
