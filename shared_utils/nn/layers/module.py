"""Module, Parameter and the containers Sequential and ModuleList.

A Module finds its parameters, buffers and sub-modules by looking at its own attributes,
in the order they were set, so a layer only has to assign them in `__init__`. State
dicts map dotted names ("0.weight", "conv1.bias") to arrays and are saved as .npz files.
"""
import numpy as np

from ..tensor import Tensor


class Parameter(Tensor):
    """A Tensor owned by a Module and updated by an optimiser (requires_grad is always True)."""

    def __init__(self, data, dtype=None):
        super().__init__(data, requires_grad=True, dtype=dtype)

    def __repr__(self):
        return "Parameter" + super().__repr__()[len("Tensor"):]


class Module:
    """Base class of every layer and model: subclasses set attributes in `__init__` (after
    `super().__init__()`) and define `forward`. Calling the module calls `forward`."""
    training = True
    _buffer_names = ()  # class defaults, so a layer without parameters needs no __init__

    def __init__(self):
        self.training = True
        self._buffer_names = ()

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f"{type(self).__name__} does not define forward()")

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def register_buffer(self, name, array):
        """Keep an array that is state but not a parameter (e.g. running means) in state_dict."""
        setattr(self, name, array)
        self._buffer_names = (*self._buffer_names, name)

    def named_children(self):
        return ((name, v) for name, v in vars(self).items() if isinstance(v, Module))

    def children(self):
        return (module for _, module in self.named_children())

    def modules(self):
        """This module and every module inside it, depth first."""
        yield self
        for child in self.children():
            yield from child.modules()

    def named_parameters(self, prefix=""):
        """(dotted name, Parameter) pairs; a parameter shared by two layers is listed once."""
        seen = set()
        for name, value in self._named(prefix, lambda m: ((n, v) for n, v in vars(m).items()
                                                           if isinstance(v, Parameter))):
            if id(value) not in seen:
                seen.add(id(value))
                yield name, value

    def parameters(self):
        return (p for _, p in self.named_parameters())

    def named_buffers(self, prefix=""):
        return self._named(prefix, lambda m: ((n, getattr(m, n)) for n in m._buffer_names))

    def _named(self, prefix, own):
        for name, value in own(self):
            yield prefix + name, value
        for name, child in self.named_children():
            yield from child._named(f"{prefix}{name}.", own)

    def train(self, mode=True):
        """Training mode (dropout drops, batch norm uses batch statistics) for every module."""
        for module in self.modules():
            module.training = mode
        return self

    def eval(self):
        return self.train(False)

    def zero_grad(self):
        for p in self.parameters():
            p.grad = None

    def to(self, dtype):
        """Convert every parameter and floating buffer in place, e.g. to np.float64 for a
        gradient check."""
        for p in self.parameters():
            p.data, p.grad = p.data.astype(dtype), None
        for module in self.modules():
            for name in module._buffer_names:
                array = getattr(module, name)
                if np.issubdtype(array.dtype, np.floating):
                    setattr(module, name, array.astype(dtype))
        return self

    def state_dict(self):
        """{dotted name: copy of the array} for every parameter and buffer."""
        state = {name: p.data.copy() for name, p in self.named_parameters()}
        state.update((name, np.array(b, copy=True)) for name, b in self.named_buffers())
        return state

    def load_state_dict(self, state):
        """Copy arrays into the existing parameters and buffers (so optimisers keep their
        references). Every name must be present with the same shape."""
        targets = dict(self.named_parameters())
        targets.update(self.named_buffers())
        missing, unexpected = targets.keys() - state.keys(), state.keys() - targets.keys()
        assert not missing and not unexpected, (
            f"load_state_dict: missing {sorted(missing)}, unexpected {sorted(unexpected)}")
        for name, target in targets.items():
            array = target.data if isinstance(target, Tensor) else target
            assert array.shape == state[name].shape, (
                f"load_state_dict: {name} has shape {array.shape}, the state {state[name].shape}")
            array[...] = state[name]

    def save(self, path):
        """Write state_dict() to an .npz file."""
        np.savez(path, **self.state_dict())

    def load(self, path):
        """Read an .npz file written by save() into this module."""
        with np.load(path) as archive:
            self.load_state_dict({name: archive[name] for name in archive.files})
        return self

    def extra_repr(self):
        """The hyperparameters shown in repr(), e.g. 'in_features=3, out_features=2'."""
        return ""

    def __repr__(self):
        children = [f"  ({name}): " + repr(child).replace("\n", "\n  ")
                    for name, child in self.named_children()]
        if not children:
            return f"{type(self).__name__}({self.extra_repr()})"
        return f"{type(self).__name__}(\n" + "\n".join(children) + "\n)"


class ModuleList(Module):
    """A list of modules whose parameters the parent can see; indexed like a list."""

    def __init__(self, modules=()):
        super().__init__()
        self._count = 0
        for module in modules:
            self.append(module)

    def append(self, module):
        setattr(self, str(self._count), module)
        self._count += 1
        return self

    def __getitem__(self, index):
        items = [getattr(self, str(i)) for i in range(self._count)]
        return items[index]

    def __len__(self):
        return self._count

    def __iter__(self):
        return (getattr(self, str(i)) for i in range(self._count))


class Sequential(ModuleList):
    """Modules applied in order: Sequential(Linear(4, 3), ReLU(), Linear(3, 1))(x)."""

    def __init__(self, *modules):
        super().__init__(modules)

    def forward(self, x):
        for module in self:
            x = module(x)
        return x
