"""``simulate_election FILE.json [--options FILE]`` as a pure function.

Exit status 0 with the result as JSON on ``stdout``; 2 with one message on ``stderr`` when the
input or the options are bad. The Django management command of the same name wraps
:func:`run` and :func:`main` and translates the messages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from .engine import simulate
from .errors import ElectionInputError
from .explain import Message, Translate, gettext_noop, identity
from .jsonio import parse_input, result_to_json
from .options import Options

EXIT_OK = 0
EXIT_BAD_INPUT = 2


#: What each file is, in words filled into the messages of :func:`load_json`.
OPTIONS_FILE = gettext_noop("options file")
ELECTION_FILE = gettext_noop("election file")

#: Why a file cannot be read, for the usual causes; any other is named by its exception class.
_UNREADABLE: tuple[tuple[type[Exception], Message], ...] = (
    (FileNotFoundError, gettext_noop("no such file")),
    (IsADirectoryError, gettext_noop("it is a folder")),
    (PermissionError, gettext_noop("permission denied")),
    (UnicodeDecodeError, gettext_noop("it is not UTF-8 text")),
)


def load_json(path: str | Path, what: str) -> object:
    """Read a JSON file, turning every way it can fail into an :class:`ElectionInputError`.

    ``what`` names the file in the messages: :data:`OPTIONS_FILE`, :data:`ELECTION_FILE`, or
    other words marked with ``gettext_noop`` so that they are translated with the message.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = next(
            (words for kind, words in _UNREADABLE if isinstance(exc, kind)),
            exc.__class__.__name__,
        )
        raise ElectionInputError(
            "file.unreadable",
            gettext_noop("Cannot read the {what} {path}: {reason}"),
            what=what,
            path=str(path),
            reason=reason,
        ) from exc

    def no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # json would silently keep the last of two equal keys, e.g. a candidate's votes twice.
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                raise ElectionInputError(
                    "file.duplicate_key",
                    gettext_noop("The {what} {path} gives the key {key} twice in one object"),
                    what=what,
                    path=str(path),
                    key=repr(key),
                )
            seen[key] = value
        return seen

    try:
        return json.loads(text, object_pairs_hook=no_repeats)
    except json.JSONDecodeError as exc:
        raise ElectionInputError(
            "file.not_json",
            gettext_noop("The {what} {path} is not valid JSON: line {line}, column {column}"),
            what=what,
            path=str(path),
            line=exc.lineno,
            column=exc.colno,
        ) from exc


def run(
    input_path: str | Path,
    options_path: str | Path | None = None,
    *,
    translate: Translate = identity,
) -> dict[str, Any]:
    """Simulate the election of ``input_path``; raises :class:`ElectionInputError`."""
    options = Options()
    if options_path is not None:
        options = Options.from_mapping(load_json(options_path, OPTIONS_FILE))
    parsed = parse_input(load_json(input_path, ELECTION_FILE))
    result = simulate(parsed.election, parsed.rounds, options)
    return result_to_json(result, parsed, translate)


def dumps(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


class _Parser(argparse.ArgumentParser):
    """argparse that reports through our streams and error type instead of exiting."""

    def __init__(self, stdout: IO[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._stdout = stdout

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        if message:
            self._stdout.write(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if status:
            raise ElectionInputError("usage", "{detail}", detail=(message or "").strip())
        raise _Exit(status)

    def error(self, message: str) -> NoReturn:
        raise ElectionInputError("usage", "{detail}", detail=message)


class _Exit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def build_parser(stdout: IO[str]) -> argparse.ArgumentParser:
    parser = _Parser(
        stdout,
        prog="simulate_election",
        description="Replay an ICC judicial election: MVRs, majorities and who is elected.",
    )
    parser.add_argument("file", help="the election as JSON (see docs/elections.md)")
    parser.add_argument("--options", metavar="FILE", help="JSON object of engine options")
    return parser


def main(
    argv: Sequence[str] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    try:
        args = build_parser(stdout).parse_args(list(sys.argv[1:] if argv is None else argv))
        result = run(args.file, args.options)
    except _Exit as exc:
        return exc.status
    except ElectionInputError as exc:
        stderr.write(f"simulate_election: error [{exc.code}]: {exc.message}\n")
        return EXIT_BAD_INPUT
    stdout.write(dumps(result))
    return EXIT_OK
