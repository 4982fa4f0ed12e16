"""`python -m boilercut`: the same command line as `boilercut`."""

from .cli import main

main()
