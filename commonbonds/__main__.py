"""The `commonbonds` command: everything `manage.py` does, plus serve, worker and scheduler."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commonbonds.settings.development")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["commonbonds", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
