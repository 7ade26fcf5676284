"""The kernel of `make lab`: ipykernel, with the grader's tests out of a learner's reach.

The project's environment installs `autograder` next to `shared_utils` (editable), so a plain
kernel there could `import autograder.hidden` and read the reference answers. This launcher
makes the hidden tests and the mutants unimportable, with a message that says why, and then
starts ipykernel. It is a fence for `make lab` on the course's own machine, where the files
themselves stay readable; a real class runs learners where `autograder/` is not installed at
all (README, "A course with many learners").

    python -m autograder.lab_kernel -f <connection file>
"""
import importlib.abc
import sys

__all__ = ["GRADER_ONLY", "fence", "main"]

GRADER_ONLY = ("autograder.hidden", "autograder.mutants")


class _Fence(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in GRADER_ONLY or name.startswith(tuple(p + "." for p in GRADER_ONLY)):
            raise ModuleNotFoundError(f"{name} belongs to the grader and is not available in a "
                                      "learner's notebook", name=name)
        return None


def fence():
    """Make GRADER_ONLY unimportable in this process (and forget any already imported)."""
    for name in [n for n in sys.modules if n.startswith(GRADER_ONLY)]:
        del sys.modules[name]
    if not any(isinstance(f, _Fence) for f in sys.meta_path):
        sys.meta_path.insert(0, _Fence())


def main(argv):
    fence()
    from ipykernel.kernelapp import launch_new_instance
    launch_new_instance(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
