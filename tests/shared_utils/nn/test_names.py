"""The naming table (shared_utils/nn/README.md) lists every public name of the framework."""
import inspect
import re
from pathlib import Path

from shared_utils import nn

TABLE = (Path(nn.__file__).parent / "README.md").read_text()


def test_every_public_name_is_in_the_naming_table():
    public = [name for name in nn.__all__ if not inspect.ismodule(getattr(nn, name))]
    public += [f"F.{name}" for name in nn.F.__all__ if name not in ("as_tensor", "as_pair")]
    public += [name for name in nn.optim.__all__ + nn.schedules.__all__
               if name not in ("Optimizer", "LRScheduler")]
    missing = [name for name in public  # `name`, `nn.name(...)`, `F.name`, ...
               if not re.search(r"`(?:[\w.]*\.)?" + name.split(".")[-1] + r"\b", TABLE)]
    assert not missing, f"add these to shared_utils/nn/README.md: {missing}"
