"""Loss modules (PyTorch's names) over `nn.functional`. Each returns a scalar Tensor; the
classification losses take logits, never probabilities, so they stay numerically stable."""
from . import functional as F
from .layers.module import Module

__all__ = ["CrossEntropyLoss", "BCEWithLogitsLoss", "MSELoss", "TripletLoss"]


class CrossEntropyLoss(Module):
    """logits (N, C) or (N, T, C); target class indices (N,) / (N, T) or probabilities shaped
    like the logits -> mean of -sum_c y_c log softmax(logits)_c (notes C2 §3.9)."""

    def forward(self, logits, target):
        return F.cross_entropy(logits, target)


class BCEWithLogitsLoss(Module):
    """logits and targets in [0, 1], same shape -> mean binary cross-entropy of sigmoid(logits)."""

    def forward(self, logits, target):
        return F.binary_cross_entropy_with_logits(logits, target)


class MSELoss(Module):
    """prediction and target, same shape -> mean squared error."""

    def forward(self, prediction, target):
        return F.mse_loss(prediction, target)


class TripletLoss(Module):
    """Encodings of anchor, positive, negative (N, d) -> sum over the batch of
    max(||A - P||^2 - ||A - N||^2 + margin, 0) (notes C4 §4.4; margin is alpha = 0.2)."""

    def __init__(self, margin=0.2, reduction="sum"):
        super().__init__()
        self.margin, self.reduction = margin, reduction

    def forward(self, anchor, positive, negative):
        return F.triplet_loss(anchor, positive, negative, self.margin, self.reduction)

    def extra_repr(self):
        return f"margin={self.margin}, reduction={self.reduction!r}"
