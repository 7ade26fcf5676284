"""The course manifest (`assignments.toml`), validated when it is loaded."""
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import AutograderError

__all__ = ["REPO_ROOT", "DEFAULT_COURSE_DIR", "Assignment", "Course", "load_course"]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_COURSE_DIR = REPO_ROOT / "build" / "course"
MANIFEST = Path(__file__).resolve().parent / "assignments.toml"
_ID = re.compile(r"^c\d(w\d)?_[a-z0-9_]+$")


@dataclass(frozen=True)
class Assignment:
    id: str            # nbgrader assignment id, e.g. "c1w2_logistic_regression"
    source: Path       # absolute path of the source notebook
    points: float      # declared total of the notebook's grade cells
    files: tuple       # absolute paths of extra files released with the notebook

    @property
    def notebook_name(self):
        """The notebook's file name inside source/<id>/ and release/<id>/."""
        return self.source.name


@dataclass(frozen=True)
class Course:
    course_id: str
    assignments: tuple

    def get(self, assignment_id):
        for a in self.assignments:
            if a.id == assignment_id:
                return a
        known = ", ".join(a.id for a in self.assignments)
        raise AutograderError(f"unknown assignment id '{assignment_id}' (known: {known})")

    def select(self, ids):
        """The named assignments, or all of them when `ids` is empty."""
        return tuple(self.get(i) for i in ids) if ids else self.assignments


def _assignment(entry, root):
    try:
        a = Assignment(id=entry["id"], source=(root / entry["source"]).resolve(),
                       points=float(entry["points"]),
                       files=tuple((root / f).resolve() for f in entry.get("files", [])))
    except KeyError as exc:
        raise AutograderError(f"assignments.toml: an assignment lacks the key {exc}") from None
    if not _ID.match(a.id):
        raise AutograderError(f"assignments.toml: bad assignment id '{a.id}' (want cNwK_slug)")
    for path in (a.source, *a.files):
        if not path.is_file():
            raise AutograderError(f"assignments.toml: {a.id}: file not found: {path}")
    if a.points <= 0:
        raise AutograderError(f"assignments.toml: {a.id}: points must be positive")
    return a


def load_course(manifest=MANIFEST, root=REPO_ROOT):
    try:
        data = tomllib.loads(Path(manifest).read_text())
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise AutograderError(f"cannot read the course manifest {manifest}: {exc}") from None
    assignments = tuple(_assignment(e, Path(root)) for e in data.get("assignment", []))
    ids = [a.id for a in assignments]
    if len(set(ids)) != len(ids):
        raise AutograderError("assignments.toml: an assignment id appears twice")
    return Course(course_id=data.get("course_id", "course"), assignments=assignments)
