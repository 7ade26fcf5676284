"""`python -m autograder.judge <socket fd>`: a judge serving the kernel at the other end."""
import socket
import sys

from .server import serve

serve(socket.socket(fileno=int(sys.argv[1])))
