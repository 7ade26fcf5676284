"""The primitive ops of `shared_utils.nn`, grouped like tinygrad's mlops headers. Each is a
`Function` subclass with forward and backward side by side; use them through `Tensor`
methods and `nn.functional`, or call `Op.apply(...)` directly."""
from . import conv, elementwise, fused, linalg, movement, reduce

__all__ = ["conv", "elementwise", "fused", "linalg", "movement", "reduce"]
