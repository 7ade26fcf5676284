"""Fixtures of the shared_utils tests: a private data directory, and the course-2 network."""
import importlib.util

import pytest

from autograder.config import REPO_ROOT


@pytest.fixture
def fresh_data_dir(tmp_path, monkeypatch):
    """An empty $SHARED_UTILS_DATA_DIR: the loaders build their files there."""
    monkeypatch.setenv("SHARED_UTILS_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def net():
    """course2/common/three_layer_net.py, the network the course-2 notebooks train."""
    path = REPO_ROOT / "course2" / "common" / "three_layer_net.py"
    spec = importlib.util.spec_from_file_location("three_layer_net_for_tests", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
