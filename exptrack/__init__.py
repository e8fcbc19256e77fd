"""exptrack: record, list, inspect and diff training runs from the command line."""

__version__ = "0.1.0"
