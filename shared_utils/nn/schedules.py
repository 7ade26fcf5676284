"""Learning-rate decay (notes C2 §2.9). A schedule wraps an optimiser and, on each step(),
sets optimizer.lr = alpha0 * factor(epoch_num), where alpha0 is the optimiser's lr when the
schedule was made and epoch_num counts the step() calls so far. The first epoch runs at
alpha0 (epoch_num = 0). Call step() once per epoch, or once per mini-batch for the notes'
k / sqrt(t) form.

Worked example (notes C2 §2.9, corrected by erratum E16): alpha0 = 0.2 and decay_rate = 1
give 0.1, 0.0667, 0.05, 0.04 for epoch_num 1 to 4.
"""
import math

__all__ = ["LRScheduler", "InverseTimeDecay", "ExponentialDecay", "InverseSqrtDecay",
           "StepDecay", "LambdaLR"]


class LRScheduler:
    """Base class: subclasses define factor(epoch_num), with factor(0) = 1 where defined."""

    def __init__(self, optimizer):
        self.optimizer, self.base_lr, self.epoch_num = optimizer, optimizer.lr, 0

    def factor(self, epoch_num):
        raise NotImplementedError

    def step(self):
        self.epoch_num += 1
        self.optimizer.lr = self.base_lr * self.factor(self.epoch_num)
        return self.optimizer.lr


class InverseTimeDecay(LRScheduler):
    """alpha = alpha0 / (1 + decay_rate * epoch_num) (notes C2 §2.9, form 1)."""

    def __init__(self, optimizer, decay_rate=1.0):
        super().__init__(optimizer)
        self.decay_rate = decay_rate

    def factor(self, epoch_num):
        return 1.0 / (1.0 + self.decay_rate * epoch_num)


class ExponentialDecay(LRScheduler):
    """alpha = base ** epoch_num * alpha0 with a base below 1 (notes C2 §2.9, form 2; E17)."""

    def __init__(self, optimizer, base=0.95):
        super().__init__(optimizer)
        self.base = base

    def factor(self, epoch_num):
        return self.base ** epoch_num


class InverseSqrtDecay(LRScheduler):
    """alpha = k / sqrt(epoch_num) * alpha0 (notes C2 §2.9, forms 3 and 4, per epoch or per
    mini-batch t). The formula has no value at 0, so the first epoch runs at alpha0."""

    def __init__(self, optimizer, k=1.0):
        super().__init__(optimizer)
        self.k = k

    def factor(self, epoch_num):
        return self.k / math.sqrt(epoch_num)


class StepDecay(LRScheduler):
    """The discrete staircase (notes C2 §2.9, form 5): alpha = gamma ** (epoch_num // step_size)
    * alpha0, e.g. halved (gamma = 0.5) every step_size epochs."""

    def __init__(self, optimizer, step_size, gamma=0.5):
        super().__init__(optimizer)
        self.step_size, self.gamma = step_size, gamma

    def factor(self, epoch_num):
        return self.gamma ** (epoch_num // self.step_size)


class LambdaLR(LRScheduler):
    """alpha = lr_lambda(epoch_num) * alpha0, for any other form."""

    def __init__(self, optimizer, lr_lambda):
        super().__init__(optimizer)
        self.factor = lr_lambda
