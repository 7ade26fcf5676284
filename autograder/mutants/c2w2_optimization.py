"""Plausible mistakes in c2w2_optimization and the test cells each must fail.

No graded function calls another, and every visible check uses its own literal inputs, so a
mistake loses only the cells of the function at fault: both, or only the hidden one when the
visible check's fixed case cannot see it (an empty extra mini-batch, a loop over the examples,
v and s sharing arrays) -- the hidden tests' random inputs and edge cases can.
"""
from . import Mutant

P = "c2w2o"


def _cells(*names):
    return frozenset(f"{P}_{n}" for n in names)


def _both(name):
    return _cells(f"{name}_visible", f"{name}_hidden")


def _m(name, function, edits, loses=None):
    return Mutant(name, f"{P}_{function}", edits, loses or _both(function))


LAST_BATCH = """    if m % mini_batch_size != 0:
        ### START CODE HERE ### (≈ 2 lines of code)
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:]
        ### END CODE HERE ###
        mini_batches.append((mini_batch_X, mini_batch_Y))
"""
SHUFFLE_LOOP = """shuffled_X = np.zeros(X.shape)
    shuffled_Y = np.zeros(Y.shape, dtype=Y.dtype)
    for i in range(m):
        shuffled_X[:, i] = X[:, permutation[i]]
        shuffled_Y[:, i] = Y[:, permutation[i]]"""
FED_BACK = """            v[t - 1] = v_t / (1 - beta ** t)"""
ADAM_W = 'v_corrected["dW" + str(l)] / (np.sqrt(s_corrected["dW" + str(l)]) + epsilon)'
ADAM_B = 'v_corrected["db" + str(l)] / (np.sqrt(s_corrected["db" + str(l)]) + epsilon)'
RMS_W = '(np.sqrt(s["dW" + str(l)]) + epsilon)'
RMS_B = '(np.sqrt(s["db" + str(l)]) + epsilon)'

MUTANTS = [
    _m("gradient ascent (wrong sign)", "update_parameters_with_gd",
       (('parameters["W" + str(l)] - learning_rate', 'parameters["W" + str(l)] + learning_rate'),
        ('parameters["b" + str(l)] - learning_rate', 'parameters["b" + str(l)] + learning_rate'))),
    # random_mini_batches
    _m("the last, short mini-batch dropped", "random_mini_batches", ((LAST_BATCH, ""),)),
    _m("slices one column too long: examples repeat", "random_mini_batches",
       (("(k + 1) * mini_batch_size]", "(k + 1) * mini_batch_size + 1]"),)),
    _m("last mini-batch taken as the last size columns (overlap)", "random_mini_batches",
       (("[:, num_complete_minibatches * mini_batch_size:]", "[:, -mini_batch_size:]"),)),
    _m("X and Y shuffled with different permutations", "random_mini_batches",
       (("shuffled_Y = Y[:, permutation]", "shuffled_Y = Y[:, list(np.random.permutation(m))]"),)),
    _m("no shuffle at all", "random_mini_batches",
       (("shuffled_X = X[:, permutation]", "shuffled_X = X"),
        ("shuffled_Y = Y[:, permutation]", "shuffled_Y = Y"))),
    _m("an empty extra mini-batch when the size divides m", "random_mini_batches",
       (("if m % mini_batch_size != 0:", "if True:"),),
       _cells("random_mini_batches_hidden")),
    _m("shuffling with a loop over the examples", "random_mini_batches",
       (("shuffled_X = X[:, permutation]\n    shuffled_Y = Y[:, permutation]", SHUFFLE_LOOP),),
       _cells("random_mini_batches_hidden")),
    # exponentially_weighted_average
    _m("bias correction by 1 - beta instead of 1 - beta**t", "exponentially_weighted_average",
       (("v_t / (1 - beta ** t)", "v_t / (1 - beta)"),)),
    _m("the corrected value fed back into the recursion", "exponentially_weighted_average",
       ((FED_BACK, "            v_t = v_t / (1 - beta ** t)\n            v[t - 1] = v_t"),)),
    _m("the average started at theta_1 instead of 0", "exponentially_weighted_average",
       (("v_t = 0.0  # v_0", "v_t = thetas[0]  # v_0"),)),
    # momentum
    _m("velocity of W as a rank-1 array", "initialize_velocity",
       (('np.zeros(parameters["W" + str(l)].shape)',
         'np.zeros(parameters["W" + str(l)].shape[0])'),)),
    _m("momentum without the (1 - beta) factor", "update_parameters_with_momentum",
       (("+ (1 - beta) * dW", "+ dW"), ("+ (1 - beta) * db", "+ db"))),
    _m("momentum steps along the gradient, not the velocity", "update_parameters_with_momentum",
       (('learning_rate * v["dW" + str(l)]', "learning_rate * dW"),
        ('learning_rate * v["db" + str(l)]', "learning_rate * db"))),
    # RMSprop
    _m("s keyed like the parameters (W1, not dW1)", "initialize_rmsprop",
       (('s["dW" + str(l)] =', 's["W" + str(l)] ='), ('s["db" + str(l)] =', 's["b" + str(l)] ='))),
    _m("RMSprop averages dW instead of dW**2", "update_parameters_with_rmsprop",
       (("(1 - beta2) * dW ** 2", "(1 - beta2) * dW"),
        ("(1 - beta2) * db ** 2", "(1 - beta2) * db"))),
    _m("RMSprop with epsilon inside the root", "update_parameters_with_rmsprop",
       ((RMS_W, 'np.sqrt(s["dW" + str(l)] + epsilon)'),
        (RMS_B, 'np.sqrt(s["db" + str(l)] + epsilon)'))),
    # Adam
    _m("v and s share their arrays", "initialize_adam",
       (('s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)',
         's["dW" + str(l)] = v["dW" + str(l)]'),
        ('s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)',
         's["db" + str(l)] = v["db" + str(l)]')),
       _cells("initialize_adam_hidden")),
    _m("Adam without bias correction (v and s used directly)", "update_parameters_with_adam",
       ((ADAM_W, 'v["dW" + str(l)] / (np.sqrt(s["dW" + str(l)]) + epsilon)'),
        (ADAM_B, 'v["db" + str(l)] / (np.sqrt(s["db" + str(l)]) + epsilon)'))),
    _m("Adam with epsilon inside the root", "update_parameters_with_adam",
       ((ADAM_W, 'v_corrected["dW" + str(l)] / np.sqrt(s_corrected["dW" + str(l)] + epsilon)'),
        (ADAM_B, 'v_corrected["db" + str(l)] / np.sqrt(s_corrected["db" + str(l)] + epsilon)'))),
    _m("bias correction with beta**1 instead of beta**t", "update_parameters_with_adam",
       (("(1 - beta1 ** t)", "(1 - beta1 ** 1)"), ("(1 - beta2 ** t)", "(1 - beta2 ** 1)"))),
    _m("Adam averages dW instead of dW**2", "update_parameters_with_adam",
       (("(1 - beta2) * dW ** 2", "(1 - beta2) * dW"),
        ("(1 - beta2) * db ** 2", "(1 - beta2) * db"))),
    _m("the corrected moments returned as v and s", "update_parameters_with_adam",
       (("return parameters, v, s, v_corrected, s_corrected",
         "return parameters, v_corrected, s_corrected, v_corrected, s_corrected"),)),
    # learning-rate decay
    _m("update_lr: decay_rate * epoch_num outside the 1 + ...", "update_lr",
       (("learning_rate0 / (1 + decay_rate * epoch_num)",
         "learning_rate0 / (1 + decay_rate) * epoch_num"),)),
    _m("update_lr: no brackets around 1 + ...", "update_lr",
       (("learning_rate0 / (1 + decay_rate * epoch_num)",
         "learning_rate0 / 1 + decay_rate * epoch_num"),)),
    _m("schedule_lr_decay without the floor", "schedule_lr_decay",
       (("np.floor(epoch_num / time_interval)", "(epoch_num / time_interval)"),)),
    _m("exponential decay with the rate as the base (E17)", "exponential_decay",
       (("base ** epoch_num * learning_rate0", "learning_rate0 ** epoch_num * base"),)),
    _m("k / epoch_num without the square root", "inverse_sqrt_decay",
       (("k / np.sqrt(epoch_num)", "k / epoch_num"),)),
    _m("a smooth exponential instead of a staircase", "staircase_decay",
       (("drop ** np.floor(epoch_num / epochs_per_drop)",
         "drop ** (epoch_num / epochs_per_drop)"),)),
    # quiz
    _m("q15: powers of 2 not selected", "q15", (('"ace"', '"ac"'),), _cells("q15_hidden")),
    _m("q15: SGD thought to settle at the minimum", "q15", (('"ace"', '"abce"'),),
       _cells("q15_hidden")),
    _m("q17: the notes' misprint v1 = 8", "q17", (('"b"', '"a"'),), _cells("q17_hidden")),
    _m("q17: the value instead of a letter", "q17", (('"b"', '"0.8"'),)),
    _m("q19: the notes' misprint 0.67", "q19", (('"a"', '"c"'),), _cells("q19_hidden")),
]
