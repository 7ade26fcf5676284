"""`shared_utils.nn`: a small numpy deep-learning framework with PyTorch's shape of API.

    from shared_utils import nn
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    optimizer = nn.optim.Adam(model.parameters(), lr=1e-3)
    loss = nn.CrossEntropyLoss()(model(nn.Tensor(X)), y)
    optimizer.zero_grad(); loss.backward(); optimizer.step()

Data are batches first: (N, features), (N, C, H, W), (N, T, features); the notebooks'
(n_x, m) layout is theirs alone (DECISIONS §16). float32 by default, float64 kept when given.
"""
from . import data, functional, gradcheck, init, ops, optim, schedules, train
from . import functional as F
from .data import DataLoader, minibatches
from .functional import cat, stack
from .init import manual_seed
from .layers import (GRU, LSTM, RNN, AvgPool2d, BatchNorm1d, BatchNorm2d, Conv2d, Dropout,
                     Embedding, Flatten, GRUCell, Identity, LayerNorm, Linear, LSTMCell,
                     MaxPool2d, Module, ModuleList, MultiheadAttention, Parameter,
                     PositionalEncoding, ReLU, RNNCell, Sequential, Sigmoid, Softmax, Tanh)
from .losses import BCEWithLogitsLoss, CrossEntropyLoss, MSELoss, TripletLoss
from .tensor import Function, Tensor, is_grad_enabled, no_grad
from .train import History, fit

__all__ = ["Tensor", "Function", "Parameter", "Module", "no_grad", "is_grad_enabled", "F",
           "functional", "ops", "init", "optim", "schedules", "data", "train", "gradcheck",
           "manual_seed", "cat", "stack", "minibatches", "DataLoader", "fit", "History",
           "Sequential", "ModuleList", "Linear", "Flatten", "Identity", "ReLU", "Sigmoid",
           "Tanh", "Softmax", "Conv2d", "MaxPool2d", "AvgPool2d", "BatchNorm1d", "BatchNorm2d",
           "LayerNorm", "Dropout", "Embedding", "PositionalEncoding", "RNNCell", "GRUCell",
           "LSTMCell", "RNN", "GRU", "LSTM", "MultiheadAttention", "CrossEntropyLoss",
           "BCEWithLogitsLoss", "MSELoss", "TripletLoss"]
