"""Reference implementations for c2w2_optimization (notes C2 §2.1-2.9), instructor-only.

Written independently of the notebook's solutions, as whole-dict transformations rather than
the notebook's layer loop. Conventions fixed by the spec: parameters "W1", "b1", ...; gradients
and moments "dW1", "db1", ...; mini-batches shuffle once with np.random.seed(seed) and
np.random.permutation(m), then partition (DECISIONS §4); Adam divides by sqrt(s_corrected) + ε
(DECISIONS §4, errata E15); bias correction divides by 1 - β^t with t counted from 1.
"""
import numpy as np

__all__ = ["REFERENCES", "reference_update_parameters_with_gd", "reference_random_mini_batches",
           "reference_exponentially_weighted_average", "reference_initialize_velocity",
           "reference_update_parameters_with_momentum", "reference_initialize_rmsprop",
           "reference_update_parameters_with_rmsprop", "reference_initialize_adam",
           "reference_update_parameters_with_adam", "reference_update_lr",
           "reference_schedule_lr_decay", "reference_exponential_decay",
           "reference_inverse_sqrt_decay", "reference_staircase_decay"]


def reference_update_parameters_with_gd(parameters, grads, learning_rate):
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def reference_random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    order = np.random.permutation(m)
    X, Y = X[:, order], Y[:, order]
    return [(X[:, i:i + mini_batch_size], Y[:, i:i + mini_batch_size])
            for i in range(0, m, mini_batch_size)]


def reference_exponentially_weighted_average(thetas, beta, bias_correction=False):
    thetas = np.asarray(thetas, dtype=float)
    averages, v = np.empty(len(thetas)), 0.0
    for i, theta in enumerate(thetas):
        v = beta * v + (1 - beta) * theta
        averages[i] = v
    if bias_correction:
        averages = averages / (1 - beta ** np.arange(1, len(thetas) + 1))
    return averages


def _zero_moments(parameters):
    return {"d" + key: np.zeros(value.shape) for key, value in parameters.items()}


def reference_initialize_velocity(parameters):
    return _zero_moments(parameters)


def reference_initialize_rmsprop(parameters):
    return _zero_moments(parameters)


def reference_initialize_adam(parameters):
    return _zero_moments(parameters), _zero_moments(parameters)


def reference_update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    v = {key: beta * v[key] + (1 - beta) * grads[key] for key in v}
    return {key: value - learning_rate * v["d" + key] for key, value in parameters.items()}, v


def reference_update_parameters_with_rmsprop(parameters, grads, s, beta2=0.999,
                                             learning_rate=0.01, epsilon=1e-8):
    s = {key: beta2 * s[key] + (1 - beta2) * np.square(grads[key]) for key in s}
    step = {key: grads[key] / (np.sqrt(s[key]) + epsilon) for key in s}
    return {key: value - learning_rate * step["d" + key] for key, value in parameters.items()}, s


def reference_update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01,
                                          beta1=0.9, beta2=0.999, epsilon=1e-8):
    v = {key: beta1 * v[key] + (1 - beta1) * grads[key] for key in v}
    s = {key: beta2 * s[key] + (1 - beta2) * np.square(grads[key]) for key in s}
    v_hat = {key: value / (1 - beta1 ** t) for key, value in v.items()}
    s_hat = {key: value / (1 - beta2 ** t) for key, value in s.items()}
    new = {key: value - learning_rate * v_hat["d" + key] / (np.sqrt(s_hat["d" + key]) + epsilon)
           for key, value in parameters.items()}
    return new, v, s, v_hat, s_hat


def reference_update_lr(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 / (1.0 + decay_rate * epoch_num)


def reference_schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1.0 + decay_rate * (epoch_num // time_interval))


def reference_exponential_decay(learning_rate0, epoch_num, base=0.95):
    return learning_rate0 * base ** epoch_num


def reference_inverse_sqrt_decay(learning_rate0, epoch_num, k=1.0):
    return learning_rate0 * k / np.sqrt(epoch_num)


def reference_staircase_decay(learning_rate0, epoch_num, drop=0.5, epochs_per_drop=1000):
    return learning_rate0 * drop ** (epoch_num // epochs_per_drop)


REFERENCES = {name.removeprefix("reference_"): value for name, value in globals().items()
              if name.startswith("reference_")}
