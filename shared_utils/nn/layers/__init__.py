"""Layers: Modules that hold parameters and call `nn.functional` (one family per file)."""
from .attention import MultiheadAttention
from .conv import AvgPool2d, Conv2d, MaxPool2d
from .dropout import Dropout
from .embedding import Embedding, PositionalEncoding
from .linear import Flatten, Identity, Linear, ReLU, Sigmoid, Softmax, Tanh
from .module import Module, ModuleList, Parameter, Sequential
from .normalization import BatchNorm1d, BatchNorm2d, LayerNorm
from .recurrent import GRU, LSTM, RNN, GRUCell, LSTMCell, RNNCell

__all__ = ["Module", "Parameter", "Sequential", "ModuleList", "Linear", "Flatten", "Identity",
           "ReLU", "Sigmoid", "Tanh", "Softmax", "Conv2d", "MaxPool2d", "AvgPool2d",
           "BatchNorm1d", "BatchNorm2d", "LayerNorm", "Dropout", "Embedding",
           "PositionalEncoding", "RNNCell", "GRUCell", "LSTMCell", "RNN", "GRU", "LSTM",
           "MultiheadAttention"]
