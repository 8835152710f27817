"""The ``scrubber`` command: one module per subcommand, registered here."""

from __future__ import annotations

import argparse
import sys

from ..errors import ScrubberError
from . import batch as batch_command
from . import clean as clean_command
from . import learn as learn_command
from . import rules as rules_command

COMMANDS = [clean_command, batch_command, rules_command, learn_command]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scrubber", description="Turn scraped pages into clean article text.")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args) or 0
    except ScrubberError as exc:
        print(f"scrubber: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
