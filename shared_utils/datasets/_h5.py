"""The one place that knows how datasets are stored: plain HDF5 files read with h5py.

Files are written atomically (a temporary file, then a rename), so a notebook that starts while
another process is building a dataset never sees half a file.
"""
import os
import tempfile
from pathlib import Path

import h5py
import numpy as np

__all__ = ["write_h5", "read_h5"]


def write_h5(path, arrays):
    """Write a dict of name -> array to `path` as HDF5 datasets, atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".h5.tmp")
    os.close(fd)
    try:
        with h5py.File(tmp, "w", track_order=True) as f:
            for name, array in arrays.items():
                f.create_dataset(name, data=np.asarray(array), track_times=False)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; data are for every user (and kernel)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def read_h5(path, names):
    """Read the named datasets of an HDF5 file into numpy arrays, in the order given."""
    with h5py.File(path, "r") as f:
        return tuple(np.array(f[name][:]) for name in names)
