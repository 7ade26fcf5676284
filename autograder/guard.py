"""Grading-time guard: what the grading kernel shows stays honest under ordinary patching.

Points do not depend on it: hidden tests and public checks run in the judge, a process of its
own (judge/), and the grading worker scores each test cell from the judge's verdicts. But a
notebook whose numpy or checks were patched would print passes the judge then denies, so the
sandboxed grading kernel (sandbox_kernel.py) calls `install` after it has imported the checks
and before any learner code runs. From then on:
  - before every cell, the attributes of numpy (and numpy.testing, .linalg, .random), math,
    builtins, the public checks and the judge's client are put back to what they were at
    install time, and so are `sys.modules` entries for them;
  - before every cell, names in the notebook's namespace that were bound to a public check
    (e.g. `sigmoid_test`) point back to it;
  - after every call into learner code made by a check or by the judge, the same restore runs.
This undoes patching through the ordinary names (`np.allclose = ...`, `builtins.abs = ...`,
`sigmoid_test = lambda f: None`), not a submission that digs into interpreter internals (whose
printed passes then earn nothing). `_seal` puts the judge's client in the place of
`autograder.hidden`.
"""
import sys
import types

__all__ = ["install", "restore"]

_PROTECTED_PREFIXES = ("shared_utils.checks", "autograder.hidden", "autograder.judge")
_PROTECTED = ("builtins", "math", "numpy", "numpy.testing", "numpy.linalg", "numpy.random")
_snapshots = {}
_pinned = {}


def _protected_modules():
    for name, module in list(sys.modules.items()):
        if module is not None and (name in _PROTECTED or name.startswith(_PROTECTED_PREFIXES)):
            yield name, module


def restore(_snapshots=_snapshots, _setitem=dict.__setitem__, _vars=vars, _sys=sys):
    """Put every protected module, and its attributes, back as they were at install time."""
    for name, (module, saved) in _snapshots.items():
        if _sys.modules.get(name) is not module:
            _setitem(_sys.modules, name, module)
        namespace = _vars(module)
        for key, value in saved.items():
            if namespace.get(key) is not value:
                _setitem(namespace, key, value)


def _pin(result=None, _pinned=_pinned):
    """After a cell: remember the notebook names bound to public checks or hidden tests."""
    namespace = _shell.user_ns
    for name, value in list(namespace.items()):
        module = getattr(value, "__module__", None) or ""
        if name not in _pinned and callable(value) and module.startswith(_PROTECTED_PREFIXES):
            _pinned[name] = value


def _before_cell(info=None, _restore=restore, _pinned=_pinned):
    _restore()
    namespace = _shell.user_ns
    for name, value in _pinned.items():
        if namespace.get(name) is not value:
            namespace[name] = value


_shell = None


def _seal():
    """Put the judge's client where `autograder.hidden` would be: a graded notebook's
    `from autograder.hidden import run_hidden` gets it, and nothing else of the package."""
    import autograder

    from . import judge
    client = types.ModuleType("autograder.hidden", "The hidden tests run in the judge.")
    client.run_hidden, client.HiddenTestFailure = judge.run_hidden, judge.HiddenTestFailure
    client.__all__ = ["run_hidden", "HiddenTestFailure"]
    sys.modules["autograder.hidden"] = autograder.hidden = client


def install(shell):
    """Snapshot the protected modules and hook the restore into `shell` (an IPython shell)."""
    global _shell
    _shell = shell
    import numpy  # noqa: F401  (and its submodules below) must be in the snapshot
    import numpy.linalg  # noqa: F401
    import numpy.random  # noqa: F401
    import numpy.testing  # noqa: F401

    from shared_utils.checks import _compare

    from . import judge
    for module in (_compare, judge.kernel):
        module.AFTER_LEARNER_CALL = restore
    _seal()
    _snapshots.update((name, (module, dict(vars(module)))) for name, module in
                      _protected_modules())
    shell.events.register("pre_run_cell", _before_cell)
    shell.events.register("post_run_cell", _pin)
