"""The two ends of the judge's socket (see __init__.py): messages, requests and their answers.

A message is a JSON header and the blobs of its arrays. `Endpoint.request` sends a request and,
until its answer comes, serves the requests the other side makes meanwhile, nested to any
depth: a learner function the judge calls may call back a reference the test put in its place.
"""
import builtins
import contextlib
import json
import struct

import numpy as np

from .values import _Codec, _Message, _Remote

__all__ = ["Endpoint", "LearnerFunction", "MAX_FRAME"]

MAX_FRAME = 256 * 1024 * 1024  # one message at most; a kernel cannot flood the judge


class LearnerFunction(_Remote):
    """In the judge: a learner's function, which lives in the kernel; calling it runs it there.
    While a test holds `isolated(...)` or a hook context of harness, `swaps` (names of the
    function's module -> stand-ins), `module_swaps` (module -> name -> stand-in) and `hooks`
    (kernel.HOOKS name -> argument) apply in the kernel during each call."""

    def __init__(self, endpoint, handle, name):
        super().__init__(endpoint, handle, name)
        self.swaps, self.module_swaps, self.hooks = {}, {}, {}

    def __call__(self, *args, **kwargs):
        return self.call(args, kwargs)[0]

    def call_with_backward(self, grad, args, kwargs):
        """The call, then backward() from its value in the kernel (see
        shared_utils.checks._compare.call_backward); the gradients come back in the Tensors
        passed in."""
        return self.call(args, kwargs, {"backward": grad})[0]

    def call(self, args, kwargs, hooks=None):
        """(value, what the hooks found: {hook name: value}) of a call with these hooks."""
        header, value = self._call({}, args, kwargs, swaps=self.swaps,
                                   module_swaps=self.module_swaps,
                                   hooks={**self.hooks, **(hooks or {})})
        return value, header.get("found", {})


class _Callback(_Remote):
    """In the kernel: a function of the judge (a reference standing in for a learner function,
    or a function a test passed in); calling it runs it in the judge."""

    def __call__(self, *args, **kwargs):
        return self._call({}, args, kwargs)[1]


class _RemoteError(Exception):
    """Stands for an exception raised on the other side, under the same class name."""


_error_classes = {}


def _exception(name, message):
    """An exception of class `name` (a builtin's own class where there is one, so that e.g.
    NotImplementedError stays itself) carrying `message`."""
    cls = getattr(builtins, name, None)
    if isinstance(cls, type) and issubclass(cls, Exception):
        with contextlib.suppress(Exception):
            return cls(message)
    return _error_classes.setdefault(name, type(name, (_RemoteError,), {}))(message)


class Endpoint:
    """One side of the socket. `request` sends a request and, until its answer comes, serves
    the requests the other side makes meanwhile (calls and callbacks, nested to any depth)."""

    def __init__(self, sock, serve_request, in_kernel):
        self.sock, self.serve_request, self.in_kernel = sock, serve_request, in_kernel
        self.codec = _Codec(self)
        self._exports, self._next = {}, 1
        self._kept = {}  # in the kernel: tensors sent, kept alive so that their ids stay theirs
        self.kernel_objects = {}  # in the judge: the kernel's tensors met in this test, by id
        self._pending = []  # the arrays of each of my requests that wait for an answer
        self._serving = []  # id(array) -> (array, token) of each request I am serving

    def export(self, obj):
        handle, self._next = self._next, self._next + 1
        self._exports[handle] = obj
        return handle

    def exported(self, handle):
        if handle not in self._exports:
            raise LookupError("this function can no longer be called")
        return self._exports[handle]

    def forget_exports(self):
        """After a test: its functions and the kernel's tensors it met are forgotten."""
        self._exports.clear()
        self.kernel_objects.clear()

    def keep(self, obj):
        self._kept[id(obj)] = obj
        return id(obj)

    def remote(self, handle, name):
        return (_Callback if self.in_kernel else LearnerFunction)(self, handle, name)

    def send(self, header, values=None):
        """Send a message; return its arrays in order (the tokens the answer may refer to)."""
        message = _Message([])
        foreign = self._serving[-1] if self._serving else {}
        data = self.codec.encode(values, message, foreign)
        body = json.dumps(dict(header, values=data)).encode()
        parts = [struct.pack("<II", len(body), len(message.blobs)), body]
        for blob in message.blobs:
            parts += [struct.pack("<Q", len(blob)), blob]
        if sum(map(len, parts)) > MAX_FRAME:
            raise ValueError(f"a value of more than {MAX_FRAME >> 20} MB cannot go to the judge")
        self.sock.sendall(b"".join(parts))
        return message.arrays

    def receive(self):
        """(header, values, the message's arrays in order), or None when the other side has
        closed the socket."""
        head = self._read(8, eof_ok=True)
        if head is None:
            return None
        size, count = struct.unpack("<II", head)
        header = json.loads(self._read(size))
        message = _Message([self._read(struct.unpack("<Q", self._read(8))[0])
                            for _ in range(count)])
        pending = self._pending[-1] if self._pending else None
        return header, self.codec.decode(header.pop("values"), message, pending), message.arrays

    def _read(self, n, eof_ok=False):
        if n > MAX_FRAME:
            raise ValueError("a message too large came through the judge's socket")
        buffer, got = bytearray(n), 0
        view = memoryview(buffer)
        while got < n:
            k = self.sock.recv_into(view[got:], n - got)
            if k == 0:
                if eof_ok and got == 0:
                    return None
                raise EOFError("the other end of the judge's socket closed")
            got += k
        return bytes(buffer)

    def request(self, header, values):
        """Send a request; serve the other side's requests until the answer; return it as
        (header, values), or raise what the other side raised."""
        self._pending.append(self.send(header, values))
        try:
            while True:
                message = self.receive()
                if message is None:
                    raise EOFError("the other end of the judge's socket closed")
                header, values, arrays = message
                if header["op"] == "answer":
                    np.random.set_state(values["rng"])
                    return header, values
                if header["op"] == "raise":
                    np.random.set_state(values["rng"])
                    raise _exception(str(header["type"]), str(header["message"]))
                self.serve(header, values, arrays)
        finally:
            self._pending.pop()

    def serve(self, header, values, arrays):
        """Serve one request of the other side; its arrays may go back as its own."""
        self._serving.append({id(a): (a, i) for i, a in enumerate(arrays)})
        try:
            self.serve_request(self, header, values)
        finally:
            self._serving.pop()

    def answer_call(self, header, values, prepare=None, after=None):
        """Serve a call request: run the function, answer with its value and its arguments as
        they are afterwards (see absorb), or with the exception it raised. `prepare(stack,
        func, values, found)` enters contexts around the call, may fill `found` (sent back in
        the answer) and returns the function to call; `after()` runs once it has returned."""
        found = {}
        try:
            func = self.exported(header["fn"])
            np.random.set_state(values["rng"])
            args, kwargs = values["args"], values["kwargs"]
            with contextlib.ExitStack() as stack:
                if prepare is not None:
                    func = prepare(stack, func, values, found)
                value = func(*args, **kwargs)
        except Exception as exc:
            answer = ({"op": "raise", "type": type(exc).__name__, "message": str(exc)},
                      {"rng": np.random.get_state()})
        else:
            answer = ({"op": "answer", "found": found},
                      {"value": value, "args": args, "kwargs": kwargs,
                       "rng": np.random.get_state()})
        finally:
            if after is not None:
                after()
        try:
            self.send(*answer)
        except (ValueError, TypeError) as exc:  # the value cannot be sent: say so instead
            self.send({"op": "raise", "type": "ValueError", "message": str(exc)},
                      {"rng": np.random.get_state()})
