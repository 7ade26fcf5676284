"""Optimisers (notes C2 §2.1-2.8). Each updates the parameters that received a gradient:
`optimizer.zero_grad(); loss.backward(); optimizer.step()`.

The update rules are the notes' forms, which differ from PyTorch's in two places:
Momentum averages, v = beta v + (1 - beta) dW (PyTorch's SGD adds, v = mu v + dW), and
RMSprop defaults to beta = 0.999 as the course's exercises do (PyTorch: alpha = 0.99).
"""
import math

import numpy as np

__all__ = ["Optimizer", "SGD", "Momentum", "RMSprop", "Adam", "clip_grad_norm"]


class Optimizer:
    """params -- iterable of Parameters; lr -- the learning rate alpha; weight_decay -- lambda'
    adds lambda' W to every gradient (L2 regularisation, notes C2 §1.4, with lambda' = lambda/m).
    t counts the steps taken, as the notes' iteration t."""

    def __init__(self, params, lr, weight_decay=0.0):
        self.params = list(params)
        assert self.params, "the optimiser got no parameters"
        self.lr, self.weight_decay, self.t = lr, weight_decay, 0
        self.state = [{} for _ in self.params]

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    def step(self):
        self.t += 1
        for p, state in zip(self.params, self.state):
            if p.grad is not None:
                grad = p.grad + self.weight_decay * p.data if self.weight_decay else p.grad
                p.data -= self.update(grad, state)

    def update(self, grad, state):
        """The step to subtract from one parameter, given its gradient and its own state dict."""
        raise NotImplementedError

    def state_dict(self):
        """What resuming training needs, flat so that np.savez can store it: "t", "lr" and
        "<i>.<name>" for each running average of parameter i (e.g. "0.v", "0.s")."""
        state = {"t": np.array(self.t), "lr": np.array(self.lr)}
        for i, moments in enumerate(self.state):
            state.update((f"{i}.{name}", value.copy()) for name, value in moments.items())
        return state

    def load_state_dict(self, state):
        """Restore what state_dict() returned, for an optimiser over the same parameters."""
        self.t, self.lr = int(state["t"]), float(state["lr"])
        self.state = [{} for _ in self.params]
        for key, value in state.items():
            if key in ("t", "lr"):
                continue
            index, name = key.split(".", 1)
            param = self.params[int(index)]
            assert value.shape == param.shape, (
                f"load_state_dict: {key} has shape {value.shape}, its parameter {param.shape}")
            self.state[int(index)][name] = np.array(value, dtype=param.data.dtype)

    def save(self, path):
        """Write state_dict() to an .npz file (next to the model's `Module.save`)."""
        np.savez(path, **self.state_dict())

    def load(self, path):
        """Read an .npz file written by save()."""
        with np.load(path) as archive:
            self.load_state_dict({name: archive[name] for name in archive.files})
        return self

    def _moment(self, state, name, grad):
        """A per-parameter running average, zeros like the gradient at first (notes C2 §2.6)."""
        if name not in state:
            state[name] = np.zeros_like(grad)
        return state[name]

    def __repr__(self):
        settings = ", ".join(f"{k}={v}" for k, v in vars(self).items()
                             if isinstance(v, (int, float)) and k != "t")
        return f"{type(self).__name__}({settings})"


class SGD(Optimizer):
    """W := W - alpha dW (notes C2 §2.1; stochastic or mini-batch by the batches you feed it)."""

    def update(self, grad, state):
        return self.lr * grad


class Momentum(Optimizer):
    """v = beta v + (1 - beta) dW;  W := W - alpha v (notes C2 §2.6; no bias correction)."""

    def __init__(self, params, lr, beta=0.9, weight_decay=0.0):
        super().__init__(params, lr, weight_decay)
        self.beta = beta

    def update(self, grad, state):
        v = self._moment(state, "v", grad)
        v *= self.beta
        v += (1 - self.beta) * grad
        return self.lr * v


class RMSprop(Optimizer):
    """S = beta S + (1 - beta) dW^2;  W := W - alpha dW / (sqrt(S) + eps) (notes C2 §2.7)."""

    def __init__(self, params, lr=0.01, beta=0.999, eps=1e-8, weight_decay=0.0):
        super().__init__(params, lr, weight_decay)
        self.beta, self.eps = beta, eps

    def update(self, grad, state):
        s = self._moment(state, "s", grad)
        s *= self.beta
        s += (1 - self.beta) * grad * grad
        return self.lr * grad / (np.sqrt(s) + self.eps)  # eps outside the sqrt, as the notes


class Adam(Optimizer):
    """Momentum and RMSprop with bias correction (notes C2 §2.8):
    v = b1 v + (1 - b1) dW,  S = b2 S + (1 - b2) dW^2,  v^ = v / (1 - b1^t),  S^ = S / (1 - b2^t),
    W := W - alpha v^ / (sqrt(S^) + eps)."""

    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        super().__init__(params, lr, weight_decay)
        self.betas, self.eps = betas, eps

    def update(self, grad, state):
        (b1, b2), t = self.betas, self.t
        v, s = self._moment(state, "v", grad), self._moment(state, "s", grad)
        v *= b1
        v += (1 - b1) * grad
        s *= b2
        s += (1 - b2) * grad * grad
        v_corrected, s_corrected = v / (1 - b1 ** t), s / (1 - b2 ** t)
        # DECISIONS §4: eps outside the sqrt, sqrt(S_corrected) + eps with eps = 1e-8
        return self.lr * v_corrected / (np.sqrt(s_corrected) + self.eps)


def clip_grad_norm(params, max_norm):
    """Scale all gradients down together so their global L2 norm is at most max_norm (keeps
    exploding RNN gradients in check, notes C5 §1.8). Returns the norm before clipping."""
    grads = [p.grad for p in params if p.grad is not None]
    norm = math.sqrt(sum(float((g * g).sum()) for g in grads))
    if norm > max_norm:
        for p in params:
            if p.grad is not None:
                p.grad = p.grad * (max_norm / norm)
    return norm
