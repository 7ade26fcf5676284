"""The judge (autograder/judge/): values cross as data with their types, learner functions run
on the kernel's side with what a test does to them (stand-ins, line counts, in-place changes)
carried across, exceptions keep their class names, and a hidden test run through a judge
process gives the verdict and message it gives in one process."""
import socket
import threading

import numpy as np
import pytest

from autograder import judge
from autograder.hidden import HiddenTestFailure, run_hidden
from autograder.hidden.harness import (backward_through, hooked, isolated, learner_call,
                                       line_steps, nn_calls, sgd_steps)
from shared_utils import nn


@pytest.fixture
def pair():
    """A judge-side Endpoint, and a kernel-side one serving it from a thread."""
    ours, theirs = socket.socketpair()
    kernel = judge.Endpoint(theirs, judge.kernel._kernel_serves, in_kernel=True)
    judging = judge.Endpoint(ours, lambda e, h, v: e.answer_call(h, v), in_kernel=False)

    def serve():
        while (message := kernel.receive()) is not None:
            kernel.serve(*message)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield judging, kernel
    ours.close()
    thread.join(5)


def _learner(pair, func):
    judging, kernel = pair
    return judge.LearnerFunction(judging, kernel.export(func), func.__name__)


VALUES = [None, True, 0, -7, 2**80, 1.5, -0.0, float("nan"), float("inf"), "text", 2 + 3j,
          np.float64(0.25), np.float32(1.5), np.int64(3), np.bool_(True), (1, (2.0, "x")),
          [1, [2], ()], {"W1": np.ones((2, 3)), 3: "three", (1, 2): [np.int8(4)]},
          np.arange(6, dtype=np.float32).reshape(2, 3), np.array(5.0), np.array([True, False]),
          np.array(["ab", "c"]), np.zeros((0, 4)), np.array([1 + 2j])]


def _same(a, b):
    if isinstance(a, np.ndarray):
        return (type(b) is np.ndarray and a.dtype == b.dtype and a.shape == b.shape
                and np.array_equal(a, b))
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict):
        return type(b) is dict and list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float) and np.isnan(a):
        return type(b) is float and np.isnan(b)
    return type(a) is type(b) and a == b and str(a) == str(b)


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_values_cross_with_their_types(pair, value):
    echo = _learner(pair, lambda x: x)
    assert _same(echo(value), value)


def test_a_generator_crosses_with_its_state_and_comes_back_advanced(pair):
    g = np.random.default_rng(3)
    draw = _learner(pair, lambda rng: rng.normal())
    assert draw(g) == np.random.default_rng(3).normal()
    assert g.normal() == (lambda h: (h.normal(), h.normal())[1])(np.random.default_rng(3))


def test_what_does_not_cross_is_named_not_pickled(pair):
    class Thing:
        def __repr__(self):
            return "Thing()"

    out = _learner(pair, lambda: (Thing(), np.array([object()], dtype=object)))()
    assert [type(v) for v in out] == [judge.Opaque, judge.Opaque]
    assert out[0].type_name == "Thing" and repr(out[0]) == "Thing()"


def test_in_place_changes_come_back_to_the_tests_objects(pair):
    def update(params, grads, lr):
        params["W"] -= lr * grads["W"]
        params["new"] = 1
        grads.clear()

    params, grads = {"W": np.ones(3)}, {"W": np.full(3, 2.0)}
    W = params["W"]
    _learner(pair, update)(params, grads, 0.5)
    assert params["W"] is W and np.array_equal(W, np.zeros(3))  # the same array, changed
    assert params["new"] == 1 and grads == {}


def test_stand_ins_and_callbacks_run_on_the_judges_side(pair):
    namespace = {"np": np}
    exec("def helper(x):\n    return 'learner'\n"
         "def uses(f, x):\n    return helper(x), f(x)\n", namespace)
    calls = []

    def reference_helper(x):
        calls.append(x)
        return "reference"

    uses = _learner(pair, namespace["uses"])
    with isolated(uses, helper=reference_helper):
        assert uses(lambda x: x * 2, 21) == ("reference", 42)
    assert calls == [21]
    assert uses(lambda x: x, 1) == ("learner", 1)  # restored in the kernel afterwards
    assert namespace["helper"](0) == "learner"


def test_exceptions_keep_their_class_names(pair):
    def stub():
        raise NotImplementedError()

    class CustomError(Exception):
        pass

    def broken():
        raise CustomError("boom")

    with pytest.raises(NotImplementedError):
        _learner(pair, stub)()
    with pytest.raises(Exception, match="boom") as raised:
        _learner(pair, broken)()
    assert type(raised.value).__name__ == "CustomError"
    with pytest.raises(AssertionError, match="raised CustomError: boom"):
        learner_call(_learner(pair, broken))


def test_line_counts_and_nn_calls_are_taken_in_the_kernel(pair):
    namespace = {"np": np}
    exec("def loop(x):\n    s = 0\n    for v in x:\n        s += v\n    return s\n"
         "def vec(x):\n    return np.sum(x)\n"
         "def with_nn(x):\n    from shared_utils import nn\n    return nn.Tensor(x).sum().data\n",
         namespace)
    loop, vec = _learner(pair, namespace["loop"]), _learner(pair, namespace["vec"])
    assert line_steps(loop, np.ones(10)) > line_steps(loop, np.ones(2))
    assert line_steps(vec, np.ones(10)) == line_steps(vec, np.ones(2))
    assert nn_calls(vec, np.ones(3)) == (3.0, [])
    value, used = nn_calls(_learner(pair, namespace["with_nn"]), np.ones(3))
    assert value == 3.0 and used


def test_a_judge_function_cannot_be_called_after_its_test(pair):
    judging, _ = pair
    kept = []
    _learner(pair, lambda f: kept.append(f))(lambda: "secret")
    assert _learner(pair, lambda: kept[0]())() == "secret"
    judging.forget_exports()  # what the judge does after every test
    with pytest.raises(LookupError, match="no longer be called"):
        _learner(pair, lambda: kept[0]())()


def test_a_judge_process_sees_how_the_kernel_computed_and_runs_only_tests():
    """(Pass and fail through a judge process: test_pipeline_parts.) The loop check counts the
    learner's lines in the kernel; a name that is no test is refused."""
    namespace = {"np": np}
    exec("def sigmoid(z):\n    out = np.array(z, dtype=float)\n"
         "    for i in np.ndindex(out.shape):\n        out[i] = 1 / (1 + np.exp(-out[i]))\n"
         "    return out\n", namespace)
    with pytest.raises(HiddenTestFailure, match="seems to loop over the examples"):
        run_hidden("c1w2_logistic_regression.test_sigmoid", namespace["sigmoid"])
    with pytest.raises(HiddenTestFailure, match="there is no hidden test"):
        run_hidden("c1w2_logistic_regression.reference_sigmoid", lambda z: z)


def test_arrays_keep_their_identities_across(pair):
    """An array met twice stays one array; one the test sent comes back as the test's own;
    a dict entry given a new array gets the new one, and the old array is left alone."""
    def share(params):
        zeros = np.zeros(2)
        return {"v": zeros, "s": zeros}, params["W"]

    def replace(params):
        params["W"] = params["W"] + 1

    params = {"W": np.ones(2)}
    (moments, W) = _learner(pair, share)(params)
    assert np.shares_memory(moments["v"], moments["s"]) and W is params["W"]
    old = params["W"]
    _learner(pair, replace)(params)
    assert np.array_equal(old, np.ones(2)) and np.array_equal(params["W"], np.full(2, 2.0))
    assert params["W"] is not old


def test_tensors_cross_with_their_gradients_and_identity(pair):
    made = {}

    def make():
        made.setdefault("w", nn.Parameter(np.ones(2)))
        made["w"].grad = np.full(2, 3.0)
        return made["w"]

    make_in_kernel = _learner(pair, make)
    first, again = make_in_kernel(), make_in_kernel()
    assert type(first) is nn.Parameter and first is again  # the kernel's one object
    assert np.array_equal(first.data, np.ones(2)) and np.array_equal(first.grad, np.full(2, 3.0))


def test_backward_runs_in_the_kernel_and_fills_the_tests_parameters(pair):
    def forward(x, params):
        return params["w"] * x

    params = {"w": nn.Parameter(np.array([2.0, 3.0]))}
    w = params["w"]
    out = backward_through(_learner(pair, forward), np.array([1.0, 10.0]),
                           nn.Tensor(np.array([5.0, 7.0])), params)
    assert np.array_equal(out.data, [10.0, 21.0]) and params["w"] is w
    assert np.array_equal(w.grad, [5.0, 70.0])


def test_numpy_only_and_sgd_steps_are_kernel_hooks(pair):
    doubled = _learner(pair, lambda x: (nn.Tensor(x) * nn.Tensor(np.float32(2))).data)
    with hooked(doubled, numpy_only=None):
        with pytest.raises(RuntimeError, match="numpy only"):
            doubled(np.ones(2, np.float32))
    assert np.array_equal(doubled(np.ones(2, np.float32)), np.full(2, 2.0))

    def descend(n):
        w = nn.Parameter(np.ones(1))
        optimizer = nn.optim.SGD([w], lr=0.1)
        for _ in range(n):
            optimizer.zero_grad()
            (w * w).sum().backward()
            optimizer.step()
        return w

    w, steps = sgd_steps(_learner(pair, descend), 3)
    assert steps == 3 and np.allclose(w.data, 0.8 ** 3)


@pytest.fixture
def own_judge(monkeypatch):
    """A judge process of this test's own (as a plain kernel starts one), ended after it."""
    monkeypatch.setattr(judge.kernel, "_endpoint", None)
    yield
    if judge.kernel._endpoint is not None:
        judge.kernel._endpoint.sock.close()


def test_public_checks_sent_to_the_judge_print_pass_and_fail_as_in_the_kernel(
        own_judge, monkeypatch, capsys):
    from shared_utils.checks import c1w2_logistic_regression as checks
    from shared_utils.checks._report import CheckFailure
    original = checks.sigmoid_test
    for name in checks.__all__:  # monkeypatch puts each back after the test
        monkeypatch.setattr(checks, name, getattr(checks, name))
    judge.forward_checks("c1w2_logistic_regression")
    forwarded = checks.sigmoid_test
    assert forwarded is not original and forwarded.__module__ == original.__module__
    assert forwarded.__name__ == "sigmoid_test"
    forwarded(lambda z: 1 / (1 + np.exp(-z)))
    assert capsys.readouterr().out == "All tests passed.\n"
    with pytest.raises(CheckFailure, match="sigmoid: .*wrong value"):
        forwarded(lambda z: 1 / (1 + np.exp(z)))

    def broken(z):
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        forwarded(broken)


def test_numpys_global_random_state_travels_between_judge_and_kernel():
    """The test seeds numpy in the judge process and expects the draws of the learner's
    function, which runs here, to follow that seed."""
    def initialize_parameters(n_x, n_h, n_y):
        return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
                "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}

    np.random.seed(99)
    run_hidden("c1w3_planar_classification.test_initialize_parameters", initialize_parameters)


def test_a_judge_for_one_assignment_runs_no_other_and_at_most_max_runs(tmp_path):
    """In the sandbox a judge serves its notebook's assignment only: no oracle for another."""
    ours, theirs = socket.socketpair()
    verdicts = open(tmp_path / "verdicts.jsonl", "a")
    thread = threading.Thread(target=judge.serve, daemon=True,
                              args=(theirs, verdicts, "/x/s/c1w2_logistic_regression",
                                    ["c1w2_logistic_regression"]))
    thread.start()
    client = judge.Endpoint(ours, judge.kernel._kernel_serves, in_kernel=True)

    def ask(name, *args):
        return client.request({"op": "run", "test": name},
                              {"args": list(args), "kwargs": {}, "rng": np.random.get_state()})[0]

    assert ask("c1w2_logistic_regression.test_dimensions", 209, 50, 64)["passed"]
    refused = ask("c1w1_intro_quiz.test_q1", "a")
    assert not refused["passed"] and "there is no hidden test" in refused["message"]
    ours.close()
    thread.join(5)
    verdicts.close()
    assert judge.read_verdicts(tmp_path / "verdicts.jsonl") == {
        "/x/s/c1w2_logistic_regression": {"c1w2_logistic_regression.test_dimensions": [True]}}


def test_a_cell_passes_on_its_verdicts_only():
    hidden, public = "a.test_sigmoid", "a.sigmoid_test"
    assert judge.cell_passes([hidden, public], {hidden: [True], public: [False, True]})
    assert not judge.cell_passes([hidden], {hidden: [False, True]})  # tried until it passed
    assert not judge.cell_passes([hidden, public], {hidden: [True]})  # the check never ran
    assert not judge.cell_passes([public], {public: [False]})
    assert judge.cell_passes([], {})


def judged_names_of(source, defined):
    return judge.judged_names(source, "c2w3_hyperparameters_batchnorm", defined)


def test_a_cells_judged_names_are_its_hidden_tests_and_its_public_checks():
    source = ("x = np.array([1.0, 2.0])\nsigmoid_test(sigmoid)\nprint(sigmoid(x))\n"
              'run_hidden("c1w2_logistic_regression.test_sigmoid", sigmoid)')
    assert judge.judged_names(source, "c1w2_logistic_regression") == [
        "c1w2_logistic_regression.test_sigmoid", "c1w2_logistic_regression.sigmoid_test"]
    # the notebook's own batchnorm_forward_test is a learner function, not the check of that name
    shadowed = "batchnorm_forward_test_test(f)\nprint(batchnorm_forward_test(Z))"
    assert judged_names_of(shadowed, ["batchnorm_forward_test"]) == [
        "c2w3_hyperparameters_batchnorm.batchnorm_forward_test_test"]


def test_test_names_are_read_from_a_cells_source():
    source = ('### BEGIN HIDDEN TESTS\nfrom autograder.hidden import run_hidden\n'
              'run_hidden("c1w2_logistic_regression.test_sigmoid", sigmoid)\n'
              "run_hidden( 'c1w2_logistic_regression.test_model', model)\n### END HIDDEN TESTS")
    assert judge.hidden_tests_in(source) == ["c1w2_logistic_regression.test_sigmoid",
                                        "c1w2_logistic_regression.test_model"]


def test_verdicts_are_read_per_notebook(tmp_path):
    path = tmp_path / "verdicts.jsonl"
    path.write_text('{"notebook": "/a/s1/x", "test": "x.test_a", "passed": true}\n'
                    '{"notebook": "/a/s1/x", "test": "x.test_a", "passed": false}\n'
                    'not json\n{"notebook": "/a/s2/x", "test": "x.test_b", "passed": "yes"}\n')
    assert judge.read_verdicts(path) == {"/a/s1/x": {"x.test_a": [True, False]},
                                         "/a/s2/x": {"x.test_b": [False]}}
    assert judge.read_verdicts(tmp_path / "missing") == {}
