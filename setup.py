"""Builds the optional compiled tree walks (scrubber/source/html/_walk.pyx); everything else is
in pyproject.toml. Without Cython or a C compiler the install still succeeds and scrubber runs
the same walks in Python."""

from setuptools import Extension, setup


def compiled_walks():
    try:
        import lxml
        from Cython.Build import cythonize
    except ImportError:
        return []
    walks = Extension("scrubber.source.html._walk", ["scrubber/source/html/_walk.pyx"],
                      include_dirs=lxml.get_include(), optional=True)
    try:
        return cythonize([walks], quiet=True)
    except Exception as error:  # Cython's CompileError: install the pure-Python walks
        print(f"scrubber: compiled walks not built ({error}); the Python walks run instead")
        return []


setup(ext_modules=compiled_walks())
