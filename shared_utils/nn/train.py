"""A minimal training loop: fit() runs mini-batch epochs with a tqdm progress bar and
returns a History of the losses (and validation accuracy) for plotting.

    history = fit(model, nn.CrossEntropyLoss(), nn.optim.Adam(model.parameters(), lr=1e-3),
                  X_train, y_train, epochs=10, validation_data=(X_test, y_test))
    plot_costs(history["loss"])
"""
import numpy as np
from tqdm import tqdm

from .data import minibatches
from .tensor import Tensor, no_grad

__all__ = ["History", "fit", "evaluate", "predict", "accuracy"]


class History(dict):
    """Lists keyed by name: 'loss' (mean per epoch), 'batch_loss' (every mini-batch, the
    noisy curve of notes C2 §2.2), 'lr' (per epoch), and with validation data 'val_loss' and
    'val_accuracy'."""

    def log(self, **values):
        for name, value in values.items():
            self.setdefault(name, []).append(value)


def _inputs(model, X):
    """X as a Tensor of the model's parameter dtype (numpy's default float64 would otherwise
    meet float32 weights)."""
    dtype = next(model.parameters()).dtype
    X = np.asarray(X)
    return Tensor(X.astype(dtype, copy=False) if X.dtype.kind == "f" else X)


def fit(model, loss_fn, optimizer, X, Y, epochs=10, batch_size=64, validation_data=None,
        scheduler=None, rng=None, progress=True):
    """Train `model` in place on X (m, ...) and targets Y (m, ...) for `epochs` epochs of
    mini-batches (one permutation per epoch, DECISIONS §4); returns a History.

    loss_fn(model(X_t), Y_t) -> scalar Tensor; scheduler.step() runs after each epoch.
    """
    history = History()
    bar = tqdm(range(epochs), disable=not progress, desc="epochs", unit="epoch")
    for _ in bar:
        model.train()
        losses = []
        for X_t, Y_t in minibatches(X, Y, batch_size, rng):
            optimizer.zero_grad()
            loss = loss_fn(model(_inputs(model, X_t)), Y_t)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        history.log(loss=float(np.mean(losses)), lr=optimizer.lr)
        history.setdefault("batch_loss", []).extend(losses)
        if validation_data is not None:
            val_loss, val_accuracy = evaluate(model, loss_fn, *validation_data, batch_size)
            history.log(val_loss=val_loss, val_accuracy=val_accuracy)
        if scheduler is not None:
            scheduler.step()
        bar.set_postfix({k: f"{v[-1]:.4g}" for k, v in history.items() if k != "batch_loss"})
    return history


def predict(model, X, batch_size=256):
    """The model's outputs for X (m, ...) as one array, in eval mode and without a graph."""
    model.eval()
    with no_grad():
        outputs = [model(_inputs(model, X_t)).data
                   for X_t in minibatches(X, batch_size=batch_size, shuffle=False)]
    return np.concatenate(outputs)


def accuracy(outputs, Y):
    """Share of correct predictions. outputs (m, C) scores with Y class indices (m,) or
    one-hot (m, C); or outputs (m,) / (m, 1) logits with Y in {0, 1} (threshold at 0)."""
    outputs, Y = np.asarray(outputs), np.asarray(Y)
    if outputs.ndim > 1 and outputs.shape[-1] > 1:
        labels = Y.argmax(-1) if Y.shape == outputs.shape else Y
        return float((outputs.argmax(-1) == labels).mean())
    return float(((outputs.reshape(Y.shape) > 0) == (Y > 0.5)).mean())


def evaluate(model, loss_fn, X, Y, batch_size=256):
    """(loss, accuracy) of the model on X, Y, in eval mode."""
    outputs = predict(model, X, batch_size)
    with no_grad():
        loss = loss_fn(Tensor(outputs), Y).item()
    return loss, accuracy(outputs, Y)
