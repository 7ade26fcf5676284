"""`python -m autograder <command>`: build | check | grade | demo | lab.

Thin: parse, call one stage, turn its result into an exit code. An AutograderError prints one
line `error: ...` on stderr and exits 2; nothing else is caught, so a bug keeps its traceback.
"""
import argparse
import sys
from pathlib import Path

from .errors import AutograderError

__all__ = ["main"]


def _build(args):
    from .build import build
    path = build(args.course_dir, ids=args.ids)
    print(f"built {path} (release in {path / 'release'})")
    return 0


def _check(args):
    from .check import check
    problems = check(ids=args.ids, with_mutants=not args.no_mutants, workers=args.workers)
    for problem in problems:
        print(f"  FAIL {problem}")
    print("check passed" if not problems else f"check failed: {len(problems)} problem(s)")
    return 0 if not problems else 1


def _grade(args):
    from .grade import grade, print_results
    from .sandbox import Limits, isolation
    from .summary import print_cell_summary
    if args.workers < 1:
        raise AutograderError(f"--workers must be at least 1, got {args.workers}")
    if args.dask is None:
        print(f"isolation: {isolation()}", flush=True)
    results = grade(args.submissions, course_dir=args.course_dir, workers=args.workers,
                    limits=Limits(wall_s=args.time_limit, memory_mb=args.memory_limit),
                    scheduler=args.dask)
    if args.dask is not None:
        used = sorted({r.isolation for r in results if r.isolation})
        print(f"isolation on the Dask workers: {', '.join(used) or 'none graded'}")
    print_results(results)
    print_cell_summary(results)
    course_dir = Path(args.course_dir).resolve()
    print(f"grades in {course_dir / 'grades.csv'}, per-cell summary in "
          f"{course_dir / 'cell_summary.csv'}, feedback in {course_dir / 'feedback'}")
    return 0 if all(r.graded for r in results) else 1


def _demo(args):
    from .demo import demo
    return 0 if demo() else 1


def _lab(args):
    from .lab import lab
    return lab(port=args.port)


def _parser():
    from .config import DEFAULT_COURSE_DIR
    parser = argparse.ArgumentParser(prog="python -m autograder",
                                     description="Build, check and grade the course's assignments.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="make build/course: source/, release/ and the gradebook")
    p.add_argument("ids", nargs="*", help="assignment ids (default: all)")
    p.add_argument("--course-dir", default=DEFAULT_COURSE_DIR)
    p.set_defaults(run=_build)
    p = sub.add_parser("check", help="reference passes, stub and mutants fail, nothing leaks")
    p.add_argument("ids", nargs="*", help="assignment ids (default: all)")
    p.add_argument("--no-mutants", action="store_true", help="skip the plausible-mistake runs")
    p.add_argument("--workers", type=int, default=2, help="notebooks graded at once (default 2)")
    p.set_defaults(run=_check)
    p = sub.add_parser("grade", help="autograde submitted/<student>/<id>/ into the gradebook")
    p.add_argument("submissions", help="a folder of <student>/<assignment id>/<notebook>.ipynb "
                                       "(or one that contains submitted/)")
    p.add_argument("--course-dir", default=DEFAULT_COURSE_DIR)
    p.add_argument("--workers", type=int, default=1, help="notebooks graded at once (default 1)")
    p.add_argument("--dask", metavar="ADDRESS", help="grade on the workers of this Dask "
                   "scheduler (e.g. tcp://10.0.0.5:8786) instead of here; see README")
    p.add_argument("--time-limit", type=int, default=600, metavar="S",
                   help="wall-clock seconds for one whole notebook (default 600)")
    p.add_argument("--memory-limit", type=int, default=3072, metavar="MB",
                   help="memory of one notebook's kernel (default 3072)")
    p.set_defaults(run=_grade)
    p = sub.add_parser("demo", help="build, grade a small embedded class, print the scores")
    p.set_defaults(run=_demo)
    p = sub.add_parser("lab", help="open JupyterLab on a learner's copy of the release")
    p.add_argument("--port", type=int, default=8888)
    p.set_defaults(run=_lab)
    return parser


def main(argv=None):
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except AutograderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
