"""Speed of `shared_utils.nn` against PyTorch CPU, in one process with one thread count.

    python -m tests.benchmarks.nn_speed [--threads 2] [--repeats 20]

Not a test: it needs the dev-only `torch==2.13.0` (requirements-dev.txt) and a quiet
machine. For each case it copies our weights into the torch model, checks the two forward
passes agree, then times forward + backward (gradients zeroed before each call) and
forward alone, and prints the medians over the repeats (see blocked_median_ms). Both
libraries get the same thread count: numpy's BLAS through threadpoolctl, torch through
set_num_threads.

Peak memory of case (a) is measured two ways: tracemalloc's peak of numpy allocations
during one forward + backward (ours only: torch's allocator is invisible to it), and, for
both libraries, the peak resident set size during the first forward + backward of a fresh
subprocess, above its resident size just before (Linux: /proc/self/clear_refs resets the
high-water mark VmHWM, read back from /proc/self/status). A first call, because in later
calls both allocators reuse memory they kept, which a resident-size delta cannot see.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
import tracemalloc

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from shared_utils import nn

CASES = {
    "a": "conv 3x3, (64, 16, 32, 32) -> 32 filters, padding 1",
    "b": "LSTM 64 -> 128, batch 32, 50 steps",
    "c": "MLP 784-512-256-10 + cross-entropy, batch 256",
}


def build_ours(case, rng):
    """(model, inputs, run) where run(model, inputs) does forward + backward once."""
    if case == "a":
        model = nn.Conv2d(16, 32, 3, padding=1, rng=rng)
        x = rng.standard_normal((64, 16, 32, 32)).astype(np.float32)
        grad = rng.standard_normal((64, 32, 32, 32)).astype(np.float32)
        return model, (x, grad), lambda m, inp: _backward(m(inp[0]), inp[1])
    if case == "b":
        model = nn.LSTM(64, 128, rng=rng)
        x = rng.standard_normal((32, 50, 64)).astype(np.float32)
        grad = rng.standard_normal((32, 50, 128)).astype(np.float32)
        return model, (x, grad), lambda m, inp: _backward(m(inp[0])[0], inp[1])
    model = nn.Sequential(nn.Linear(784, 512, rng=rng), nn.ReLU(), nn.Linear(512, 256, rng=rng),
                          nn.ReLU(), nn.Linear(256, 10, rng=rng))
    x = rng.standard_normal((256, 784)).astype(np.float32)
    y = rng.integers(0, 10, 256)
    return model, (x, y), lambda m, inp: nn.F.cross_entropy(m(inp[0]), inp[1]).backward()


def _backward(out, grad):
    out.backward(grad)
    return out


def build_torch(case, ours):
    """The same model in torch, with our weights copied in."""
    import torch
    if case == "a":
        model = torch.nn.Conv2d(16, 32, 3, padding=1)
        tensors = [model.weight, model.bias]
        sources = [ours.weight, ours.bias]
    elif case == "b":
        model = torch.nn.LSTM(64, 128, batch_first=True)
        tensors = [model.weight_ih_l0, model.weight_hh_l0, model.bias_ih_l0, model.bias_hh_l0]
        zero = np.zeros_like(ours.cells[0].bias.data)
        sources = [ours.cells[0].weight_ih, ours.cells[0].weight_hh, ours.cells[0].bias, zero]
    else:
        model = torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(),
                                    torch.nn.Linear(512, 256), torch.nn.ReLU(),
                                    torch.nn.Linear(256, 10))
        tensors = [p for p in model.parameters()]
        sources = list(ours.parameters())
    with torch.no_grad():
        for target, source in zip(tensors, sources):
            target.copy_(torch.from_numpy(np.asarray(getattr(source, "data", source))))
    return model


def torch_run(case, torch_inputs):
    import torch
    x, extra = torch_inputs
    if case == "c":
        return lambda m: torch.nn.functional.cross_entropy(m(x), extra).backward()
    if case == "b":
        return lambda m: m(x)[0].backward(extra)
    return lambda m: m(x).backward(extra)


def to_torch(case, inputs):
    import torch
    x = torch.from_numpy(inputs[0]).requires_grad_(case != "c")
    return x, torch.from_numpy(inputs[1])


def blocked_median_ms(steps, zero_grads, repeats, rounds=3, warmup=2):
    """Median ms of each step. Each library runs in blocks of its own (warm-up, then
    repeats / rounds timed calls), the blocks alternating over `rounds` rounds so a drift in
    the machine's load reaches both. Not call by call: each library's idle BLAS/OpenMP
    threads spin for a while after a call, and would steal the other's cores."""
    times = [[] for _ in steps]
    for _ in range(rounds):
        for step, zero_grad, record in zip(steps, zero_grads, times):
            time.sleep(0.3)  # let the other library's worker threads go to sleep
            for i in range(warmup + max(1, repeats // rounds)):
                zero_grad()
                start = time.perf_counter()
                step()
                if i >= warmup:
                    record.append(time.perf_counter() - start)
    return [1000 * statistics.median(record) for record in times]


def compare(case, repeats):
    rng = np.random.default_rng(0)
    model, inputs, run = build_ours(case, rng)
    tmodel = build_torch(case, model)
    tinputs = to_torch(case, inputs)
    check_agreement(case, model, inputs, tmodel, tinputs)
    x = nn.Tensor(inputs[0], requires_grad=case != "c")
    ours, theirs = blocked_median_ms(
        [lambda: run(model, (x, inputs[1])), lambda: torch_run(case, tinputs)(tmodel)],
        [lambda: _zero(model, x), lambda: _zero_torch(tmodel, tinputs[0])], repeats)
    forward = blocked_median_ms([lambda: model(x), lambda: tmodel(tinputs[0])],  # graphs built,
                               [lambda: None] * 2, repeats)                    # as in training
    return ours, theirs, *forward


def _zero(model, x):
    model.zero_grad()
    x.grad = None


def _zero_torch(model, x):
    model.zero_grad(set_to_none=True)
    x.grad = None


def check_agreement(case, model, inputs, tmodel, tinputs):
    """The two forward passes must agree, or the timing compares different work."""
    import torch
    with torch.no_grad():
        theirs = tmodel(tinputs[0])
    theirs = (theirs[0] if case == "b" else theirs).numpy()
    with nn.no_grad():
        ours = model(inputs[0])
    ours = (ours[0] if case == "b" else ours).data
    assert np.allclose(ours, theirs, rtol=1e-3, atol=1e-4), f"case {case}: outputs differ"


def peak_rss_mib(library, threads):
    """Peak RSS above the RSS before one forward + backward of case (a), in a fresh process."""
    code = f"from tests.benchmarks.nn_speed import _rss_child; _rss_child({library!r}, {threads})"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=root)
    return float(out.stdout.strip())


def _rss_child(library, threads):
    with threadpool_limits(threads):
        _rss_step(library, threads)


def _rss_step(library, threads):
    rng = np.random.default_rng(0)
    model, inputs, run = build_ours("a", rng)
    x = nn.Tensor(inputs[0], requires_grad=True)
    if library == "torch":
        import torch
        torch.set_num_threads(threads)
        tmodel, tinputs = build_torch("a", model), to_torch("a", inputs)
        step = lambda: torch_run("a", tinputs)(tmodel)  # noqa: E731
    else:
        step = lambda: run(model, (x, inputs[1]))  # noqa: E731
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # reset the high-water mark to the current RSS
    before = _status_kib("VmRSS")
    step()
    print((_status_kib("VmHWM") - before) / 1024)


def _status_kib(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field + ":"))


def tracemalloc_peak_mib():
    rng = np.random.default_rng(0)
    model, inputs, run = build_ours("a", rng)
    x = nn.Tensor(inputs[0], requires_grad=True)
    tracemalloc.start()
    baseline = tracemalloc.get_traced_memory()[0]
    out = run(model, (x, inputs[1]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del out
    return (peak - baseline) / 2**20


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--cases", default="abc")
    args = parser.parse_args()
    import torch
    torch.set_num_threads(args.threads)
    load = os.getloadavg()[0]
    if load > 0.5:
        print(f"warning: load average {load:.2f}; other work on the machine skews the timings")
    with threadpool_limits(args.threads):
        blas = [(i["internal_api"], i["num_threads"]) for i in threadpool_info()]
        print(f"threads: numpy BLAS {blas}, torch {torch.get_num_threads()} "
              f"(torch {torch.__version__}, numpy {np.__version__})")
        print("forward+backward (forward alone), median ms")
        print(f"{'case':<58} {'ours':>14} {'torch':>14} {'ratio':>6}")
        for case in args.cases:
            ours, theirs, ours_fw, theirs_fw = compare(case, args.repeats)
            print(f"({case}) {CASES[case]:<54} {ours:6.2f} ({ours_fw:5.2f}) "
                  f"{theirs:6.2f} ({theirs_fw:5.2f}) {ours / theirs:6.2f}")
        print(f"(a) peak numpy allocations in forward+backward (tracemalloc): "
              f"{tracemalloc_peak_mib():.1f} MiB")
    print(f"(a) peak RSS growth over a first forward+backward, fresh process: ours "
          f"{peak_rss_mib('ours', args.threads):.1f} MiB, "
          f"torch {peak_rss_mib('torch', args.threads):.1f} MiB")


if __name__ == "__main__":
    main()
