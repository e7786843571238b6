#!/usr/bin/env python
"""Django's manage.py; `commonbonds` (the console script) does the same."""

from commonbonds.__main__ import main

if __name__ == "__main__":
    main()
