"""End-to-end demos (slow): a small CNN on scikit-learn's bundled 8x8 digits, and a small
LSTM that learns to echo its input three steps late (it must remember three tokens)."""
import time

import numpy as np
import pytest

from shared_utils import nn


@pytest.mark.slow
def test_small_cnn_reaches_95_percent_on_digits_in_seconds():
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    X = (digits.images / 16.0).astype(np.float32)[:, None]  # (1797, 1, 8, 8), batches first
    X_train, X_test, y_train, y_test = train_test_split(X, digits.target, test_size=0.2,
                                                        random_state=0, stratify=digits.target)
    nn.manual_seed(0)
    model = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),   # (N, 8, 4, 4)
        nn.Conv2d(8, 16, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),  # (N, 16, 2, 2)
        nn.Flatten(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    start = time.perf_counter()
    history = nn.fit(model, nn.CrossEntropyLoss(), nn.optim.Adam(model.parameters(), lr=5e-3),
                     X_train, y_train, epochs=10, batch_size=32, rng=np.random.default_rng(0),
                     validation_data=(X_test, y_test), progress=False)
    seconds = time.perf_counter() - start
    assert history["val_accuracy"][-1] >= 0.95, history["val_accuracy"]
    assert seconds < 15, f"training took {seconds:.1f} s"


class Echo(nn.Module):
    """(N, T, vocab) one-hot tokens -> (N, T, vocab) logits of the token `delay` steps back."""

    def __init__(self, vocab, hidden):
        super().__init__()
        self.lstm = nn.LSTM(vocab, hidden)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out)


def echo_data(n, steps, vocab, delay, rng):
    tokens = rng.integers(0, vocab, (n, steps))
    return np.eye(vocab, dtype=np.float32)[tokens], tokens[:, :-delay]


@pytest.mark.slow
def test_small_lstm_learns_to_echo_a_sequence_three_steps_late():
    rng, vocab, delay = np.random.default_rng(0), 4, 3
    X, y = echo_data(1000, 12, vocab, delay, rng)
    nn.manual_seed(0)
    model = Echo(vocab, 24)
    loss_fn = lambda logits, target: nn.F.cross_entropy(logits[:, delay:], target)  # noqa: E731
    history = nn.fit(model, loss_fn, nn.optim.Adam(model.parameters(), lr=0.02), X, y,
                     epochs=10, batch_size=50, rng=rng, progress=False)
    X_test, y_test = echo_data(300, 12, vocab, delay, rng)
    predicted = nn.train.predict(model, X_test)[:, delay:].argmax(-1)
    assert (predicted == y_test).mean() >= 0.95, history["loss"][-5:]
