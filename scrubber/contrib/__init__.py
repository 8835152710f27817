"""Adapters for the engines scraping jobs already run on: Scrapy, Dask (and, by example, PySpark).

Each module imports its engine lazily and is installed with an extra:
``pip install 'scrubber[scrapy]'`` or ``'scrubber[dask]'``.
"""
