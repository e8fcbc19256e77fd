"""One module a command (or a family of commands); ``cli.py`` registers them.

Command functions parse options and call the core; they import heavy modules lazily so
``track --help`` and ``track ls`` start fast.
"""
