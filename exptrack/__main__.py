"""`python -m exptrack` runs the `track` command line."""

from exptrack.cli import main

if __name__ == "__main__":
    main()
