"""`python -m shared_utils.datasets build [--force]`: write every dataset to data_dir()."""
import argparse
import sys

from . import build_all, data_dir


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m shared_utils.datasets")
    parser.add_argument("command", choices=["build"])
    parser.add_argument("--force", action="store_true", help="rebuild files that already exist")
    args = parser.parse_args(argv)
    paths = build_all(force=args.force)
    (data_dir() / ".built").touch()
    print(f"{len(paths)} dataset files in {data_dir()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
