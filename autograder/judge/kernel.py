"""The kernel's side of the judge: run_hidden, the public checks' stand-ins, and the service
that runs learner functions for the judge (with the test's stand-ins in place, counting lines
or watching calls into shared_utils.nn when asked)."""
import atexit
import contextlib
import importlib
import os
import socket
import sys

import numpy as np

from shared_utils.checks._compare import backward_from

from . import HiddenTestFailure, quiet
from .server import public_checks
from .wire import Endpoint, _exception

__all__ = ["swapped", "HOOKS", "connect", "run_hidden", "forward_checks"]

AFTER_LEARNER_CALL = None  # the kernel's grading guard (guard.py) restores after each call


@contextlib.contextmanager
def swapped(func, names, modules):
    """While active, `names` of func's module, and attributes of the modules in `modules`
    (name -> {attribute: value}) that are loaded, are the values given."""
    changes = [(vars(sys.modules[m]), values) for m, values in modules.items()
               if m in sys.modules]
    namespace = getattr(func, "__globals__", None)
    if namespace is not None and names:
        changes.append((namespace, names))
    missing, saved = object(), []
    for target, values in changes:
        saved.append((target, {k: target.get(k, missing) for k in values}))
        target.update(values)
    try:
        yield
    finally:
        for target, old in reversed(saved):
            for key, value in old.items():
                if value is missing:
                    target.pop(key, None)
                else:
                    target[key] = value


@contextlib.contextmanager
def counting_lines(func, found, arg=None):
    """Counts into found["steps"] the lines of func's own module that run (deterministic)."""
    namespace, steps = getattr(func, "__globals__", None), [0]

    def tracer(frame, event, arg):
        if frame.f_globals is not namespace:
            return None
        if event == "line":
            steps[0] += 1
        return tracer

    with _installed(sys.gettrace, sys.settrace, tracer):
        yield
    found["steps"] = steps[0]


@contextlib.contextmanager
def watching_nn(func, found, arg=None):
    """Lists into found["nn_calls"] the shared_utils.nn functions called."""
    import shared_utils
    folder = os.path.join(os.path.dirname(os.path.realpath(shared_utils.__file__)), "nn")
    found["nn_calls"] = used = []

    def profiler(frame, event, arg):
        if event == "call" and frame.f_code.co_filename.startswith(folder):
            used.append(frame.f_code.co_name)

    with _installed(sys.getprofile, sys.setprofile, profiler):
        yield


@contextlib.contextmanager
def _installed(get, install, hook):
    """`hook` as the interpreter's trace (or profile) function while active."""
    previous = get()
    install(hook)
    try:
        yield
    finally:
        install(previous)


@contextlib.contextmanager
def numpy_only(func, found, arg=None):
    """The call may not use shared_utils.nn (DECISIONS §16: a numpy part stays numpy): it
    raises once it has returned if it did. (Patching nn's Function.apply, as the tests did
    before, missed the operators, which hold their op from import time.)"""
    seen = {}
    with watching_nn(func, seen):
        yield
    if seen["nn_calls"]:
        raise RuntimeError("this part is numpy only; shared_utils.nn is for the framework part.")


@contextlib.contextmanager
def counting_sgd_steps(func, found, arg=None):
    """Counts into found["sgd_steps"] the calls of nn.optim.SGD.step."""
    from shared_utils import nn
    sgd, own = nn.optim.SGD, nn.optim.SGD.__dict__.get("step")
    inherited, found["sgd_steps"] = sgd.step, 0

    def step(self):
        found["sgd_steps"] += 1
        return inherited(self)

    sgd.step = step
    try:
        yield
    finally:
        if own is None:
            del sgd.step
        else:
            sgd.step = own


# What a test may ask of a call (harness): name -> context manager (func, found, argument)
HOOKS = {"count_lines": counting_lines, "watch_nn": watching_nn, "numpy_only": numpy_only,
         "count_sgd_steps": counting_sgd_steps}


def _prepare_learner_call(stack, func, values, found):
    """The test's stand-ins and hooks around a learner call."""
    stack.enter_context(quiet())
    stack.enter_context(swapped(func, values.get("swaps") or {}, values.get("module_swaps") or {}))
    return with_hooks(stack, func, values.get("hooks") or {}, found)


def with_hooks(stack, func, hooks, found):
    """Enter the HOOKS named in `hooks` ({name: argument}) around calls of `func` on `stack`,
    filling `found`; return what to call: `func`, or with a `backward` hook `func` followed by
    backward() from its value (see backward_from)."""
    for name, arg in hooks.items():
        if name in HOOKS:
            stack.enter_context(HOOKS[name](func, found, arg))
    if "backward" not in hooks:
        return func

    def and_backward(*args, **kwargs):
        value = func(*args, **kwargs)
        backward_from(value, hooks["backward"])
        return value
    return and_backward


def _kernel_serves(endpoint, header, values):
    if header["op"] != "call":
        raise ValueError(f"the judge asked the kernel for {header['op']!r}")
    endpoint.answer_call(header, values, _prepare_learner_call, after=AFTER_LEARNER_CALL)


_endpoint = None


def connect(sock):
    """Make `sock` (a connected socket to a judge) the one run_hidden uses in this process."""
    global _endpoint
    _endpoint = Endpoint(sock, _kernel_serves, in_kernel=True)


_plain_process = None  # the judge of a plain kernel; it ends when this process closes the socket


def _plain_judge():
    """Outside the grading sandbox: a judge started for this kernel, in a child process."""
    global _plain_process
    import subprocess
    ours, theirs = socket.socketpair()
    _plain_process = subprocess.Popen(
        [sys.executable, "-m", "autograder.judge", str(theirs.fileno())],
        pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True)  # ipykernel, shutting down, waits for its group's children
    theirs.close()
    connect(ours)
    atexit.register(_end_plain_judge)


def _end_plain_judge():
    """At exit: close the socket, which ends the judge, and wait for it."""
    with contextlib.suppress(Exception):
        _endpoint.sock.close()
        _plain_process.wait(timeout=5)


def _ask(op, name, args, kwargs):
    """Have the judge run a test or check on these objects: (passed, message, error class
    name when the test itself could not run to a verdict)."""
    if _endpoint is None:
        _plain_judge()
    header, values = _endpoint.request({"op": op, "test": name},
                                       {"args": list(args), "kwargs": kwargs,
                                        "rng": np.random.get_state()})
    if values.get("printed"):
        print(values["printed"], end="")
    return header["passed"], header["message"], header.get("error")


def run_hidden(test, *args):
    """Have the judge run the hidden test '<assignment id>.test_<name>' on these learner
    objects; a failure is raised as one short, kind message, a pass printed as one line."""
    __tracebackhide__ = True
    passed, message, _ = _ask("run", test, args, {})
    if not passed:
        raise HiddenTestFailure(message) from None
    print(f"{test.rsplit('.', 1)[-1].removeprefix('test_')}: hidden tests passed.")


def forward_checks(assignment_id):
    """In the grading kernel: each public check of the assignment becomes a stand-in of the
    same name that has the judge run it (what it prints is printed here; a failure raises
    CheckFailure with the check's message, a learner's error its own class and message)."""
    from shared_utils.checks._report import CheckFailure
    module = importlib.import_module(f"shared_utils.checks.{assignment_id}")
    for name, check in public_checks(assignment_id).items():
        def forwarded(*args, _name=f"{assignment_id}.{name}", **kwargs):
            __tracebackhide__ = True  # IPython shows the learner's call, not this frame
            passed, message, error = _ask("check", _name, args, kwargs)
            if not passed:
                raise (CheckFailure(message) if error is None
                       else _exception(error, message)) from None
        forwarded.__name__, forwarded.__qualname__ = check.__name__, check.__qualname__
        forwarded.__doc__, forwarded.__module__ = check.__doc__, check.__module__
        setattr(module, name, forwarded)
