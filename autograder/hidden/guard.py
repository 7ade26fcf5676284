"""Grading-time guard against a submission that patches what the tests rely on.

The sandboxed grading kernel (autograder/sandbox_kernel.py) calls `install` after it has
imported the tests and before any learner code runs. From then on:
  - before every cell, the attributes of numpy (and numpy.testing, .linalg, .random), math,
    builtins, the public checks and the hidden tests are put back to what they were at
    install time, and so are `sys.modules` entries for them;
  - before every cell, names in the notebook's namespace that were bound to a public check
    (e.g. `sigmoid_test`) point back to it;
  - after every call into learner code made by a check (`call`, `learner_call`), the same
    restore runs, so a learner function that patches numpy while it runs cannot fake the
    comparison that follows.
This stops patching through the ordinary names (`np.allclose = ...`, `builtins.abs = ...`,
`sigmoid_test = lambda f: None`). It runs in the learner's own process, so a submission that
digs into interpreter internals (closures, frames, the gc) on purpose can still get past it;
what stops that is comparing outside the kernel, which grading does not do yet.
It also seals the hidden-test modules (see _seal), so that `from autograder.hidden.<id> import
reference_...` fails in a graded notebook.
"""
import sys

__all__ = ["install", "restore"]

_PROTECTED_PREFIXES = ("shared_utils.checks", "autograder.hidden")
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
    """Take the hidden-test modules out of reach of `import`: out of sys.modules and off the
    package, their files already hidden by the sandbox. Only run_hidden keeps them."""
    import autograder.hidden as package
    prefix = package.__name__ + "."
    modules = {name[len(prefix):]: sys.modules.pop(name) for name in list(sys.modules)
               if name.startswith(prefix)}
    for name in modules:
        vars(package).pop(name, None)
    run = package.run_test

    def run_hidden(test, *args):
        module_name, test_name = test.rsplit(".", 1)
        run(modules[module_name], test_name, args)

    package.run_hidden = run_hidden
    del package.run_test


def install(shell):
    """Snapshot the protected modules and hook the restore into `shell` (an IPython shell)."""
    global _shell
    _shell = shell
    import numpy  # noqa: F401  (and its submodules below) must be in the snapshot
    import numpy.linalg  # noqa: F401
    import numpy.random  # noqa: F401
    import numpy.testing  # noqa: F401

    from shared_utils.checks import _compare

    from . import harness
    for module in (_compare, harness):
        module.AFTER_LEARNER_CALL = restore
    _seal()
    _snapshots.update((name, (module, dict(vars(module)))) for name, module in
                      _protected_modules())
    shell.events.register("pre_run_cell", _before_cell)
    shell.events.register("post_run_cell", _pin)
