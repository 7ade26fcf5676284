"""SIGNS-like hand images: a stylised hand showing 0 to 5 raised fingers (course 2, week 3).

Stands in for the original course's SIGNS set (1080 training and 120 test photographs of a hand
signing a number). Each image is 64x64x3 uint8 and drawn with numpy coordinate grids, a whole
chunk of images at once: a palm (a rounded square) with a wrist running to the bottom edge, and
one capsule-shaped stroke per finger. A raised finger is a long stroke fanning out from the top
of the palm (the thumb from its side); a folded one leaves a short knuckle bump. The count k
raises the fingers signers use: 1 index; 2 index and middle; 3 index, middle and ring, or thumb,
index and middle (half each); 4 all but the thumb; 5 all; 0 a fist. Every hand has its own
position (+-2 px), rotation (+-0.07 rad), size (+-8 %), finger width, length and spread, skin
tone and brightness; the wall behind it has a smooth texture, a lighting ramp crosses the image,
and every pixel gets Gaussian noise (std 6). Labels are balanced: m // 6 images per class.

Why this recipe: half of the walls are lighter than the hand and half are darker, by 45-100
grey levels. A linear model sees a finger as a brighter patch in one image and a darker one in
the next, so on brightness alone its evidence cancels; what it can use is that skin is slightly
redder than the wall (the wall's hue is 30 % grey, 70 % the skin's), a weak cue. ReLU units can
learn "brighter here" and "darker here" as two separate features, so a small deep net counts
the fingers in both kinds of image.

Measured with the notebook's recipe (pixels / 255, then standardised with the training set's
per-pixel mean and std, float32; Adam with lr 0.0003 on mini-batches of 32 shuffled by
np.random.default_rng(1), NUM_EPOCHS = 20 epochs; the deep net's W from np.random.seed(1),
Glorot normal, zero biases; softmax regression from zeros), accuracy in %, train counted on the
mini-batches during the last epoch (checked by tests/shared_utils/test_signs.py):

    model                           train   test (120)   held-out (1200, seed 2)
    softmax regression 12288-6       79.7      54.2          50.2
    deep net 12288-25-12-6           99.3      94.2          95.5

With training seeds 3 and 4 instead of 0 (same test and held-out images): softmax regression
54.2 / 56.7 on the test images and 55.6 / 53.4 held out, the deep net 94.2 / 94.2 and
92.7 / 96.2. Variants tried on the way: light walls only let softmax regression reach 75-80 %;
20 % dark walls hurt both models (the deep net ignored the minority and scored at chance on it);
hands moving by +-2.5 px and turning by +-0.1 rad left the deep net at about 80 %.
Generating the 1200 images of train and test takes about 2 s of CPU.
"""
import numpy as np

__all__ = ["M_TRAIN", "M_TEST", "TRAIN_SEED", "TEST_SEED", "CLASSES", "NUM_EPOCHS",
           "make_signs"]

M_TRAIN, M_TEST = 1080, 120
TRAIN_SEED, TEST_SEED = 0, 1
CLASSES = np.arange(6)  # the number of raised fingers
NUM_EPOCHS = 20  # the notebook's training run, for which the figures above were measured

SKIN = np.array([[255, 220, 177], [241, 194, 125], [224, 172, 105], [198, 134, 66],
                 [141, 85, 36], [110, 70, 45]], dtype=np.float32)  # hues; brightness is drawn
# Fingers, in the order thumb, index, middle, ring, little: the base on the palm in units of
# the palm's half sizes (u across the hand, v along it), the fan angle from the hand's axis
# (radians) and the length in pixels.
BASE_U = np.array([-0.95, -0.72, -0.24, 0.24, 0.72])
BASE_V = np.array([-0.2, 0.85, 0.92, 0.88, 0.75])
ANGLE = np.array([-0.9, -0.24, -0.08, 0.08, 0.24])
LENGTH = np.array([13.0, 17.0, 19.0, 17.5, 14.0])
KNUCKLE = 3.0  # length of a folded finger's bump
RAISED = {0: [()], 1: [(1,)], 2: [(1, 2)], 3: [(1, 2, 3), (0, 1, 2)], 4: [(1, 2, 3, 4)],
          5: [(0, 1, 2, 3, 4)]}

JITTER, ROTATION, SCALE, SPREAD = 2.0, 0.07, 0.08, 0.05  # pixels, radians, fraction, radians
CONTRAST = (45.0, 100.0)  # grey levels between the skin and the wall, either way
GREY = 0.3  # how far the wall's hue is from the skin's (0: the same hue, 1: grey)
TEXTURE, LIGHT, NOISE = 8.0, 0.15, 6.0


def _capsule(u, v, u0, v0, du, dv, length, half_width):
    """Mask of the points (u, v) within half_width of the segment that starts at (u0, v0) and
    runs `length` along the unit vector (du, dv). All arguments broadcast to (m, size, size)."""
    t = np.clip((u - u0) * du + (v - v0) * dv, 0.0, length)
    return (u - u0 - t * du) ** 2 + (v - v0 - t * dv) ** 2 < half_width ** 2


def _smooth_noise(rng, m, size, cells=4):
    """Low-frequency texture (m, size, size) in [-1, 1]: a (cells + 1)^2 grid of random values,
    bilinearly interpolated."""
    coarse = rng.uniform(-1, 1, (m, cells + 1, cells + 1)).astype(np.float32)
    pos = np.linspace(0, cells, size, dtype=np.float32)
    i = np.minimum(pos.astype(int), cells - 1)
    f = pos - i
    rows = coarse[:, i] * (1 - f)[None, :, None] + coarse[:, i + 1] * f[None, :, None]
    return rows[:, :, i] * (1 - f) + rows[:, :, i + 1] * f


def _per_image(values):
    """(m,) values as (m, 1, 1), to broadcast against (m, size, size) grids."""
    return np.asarray(values, np.float32)[:, None, None]


def _hand_masks(rng, labels, size):
    """Boolean masks (m, size, size) of the hands; labels (m,) say how many fingers are up."""
    m = len(labels)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    scale = 1 + rng.uniform(-1, 1, m) * SCALE
    cy = size * 0.62 + rng.uniform(-1, 1, m) * JITTER  # the palm's centre
    cx = size * 0.5 + rng.uniform(-1, 1, m) * JITTER
    theta = rng.uniform(-1, 1, m) * ROTATION
    dx, dy = xx - _per_image(cx), _per_image(cy) - yy  # dy points up
    cos, sin = _per_image(np.cos(theta)), _per_image(np.sin(theta))
    u, v = dx * cos - dy * sin, dx * sin + dy * cos  # the hand's frame: v runs to the fingertips
    a, b = _per_image(10.5 * scale), _per_image(10 * scale)  # the palm's half width and height
    hand = (u / a) ** 4 + (v / b) ** 4 < 1
    hand |= (np.abs(u) < 0.8 * a) & (v < 0)  # wrist and forearm, down to the bottom edge
    width = _per_image(rng.uniform(2.0, 2.7, m) * scale)
    choice = rng.integers(2, size=m)  # which variant of a count with two (only 3 has)
    for f in range(5):
        raised = np.array([f in RAISED[k][c % len(RAISED[k])] for k, c in zip(labels, choice)])
        angle = ANGLE[f] + rng.normal(0, SPREAD, m)
        length = np.where(raised, LENGTH[f] * rng.uniform(0.85, 1.15, m), KNUCKLE) * scale
        hand |= _capsule(u, v, BASE_U[f] * a, BASE_V[f] * b, _per_image(np.sin(angle)),
                         _per_image(np.cos(angle)), _per_image(length), width)
    return hand


def _colours(rng, m):
    """Skin and wall colours (m, 3): the wall lighter than the skin for half the images and
    darker for the other half, its hue GREY of the way from the skin's to neutral grey."""
    dark_wall = rng.random((m, 1)) < 0.5
    tone = SKIN[rng.integers(len(SKIN), size=m)]
    tone = tone / tone.mean(axis=1, keepdims=True)  # the skin's hue, at brightness 1
    skin_lum = np.where(dark_wall, rng.uniform(110, 220, (m, 1)), rng.uniform(60, 150, (m, 1)))
    wall_lum = skin_lum + np.where(dark_wall, -1, 1) * rng.uniform(*CONTRAST, (m, 1))
    skin = tone * skin_lum + rng.uniform(-10, 10, (m, 3))
    wall = (tone * (1 - GREY) + GREY) * wall_lum + rng.uniform(-15, 15, (m, 3))
    return skin, wall


def _draw(rng, labels, size):
    """Images (m, size, size, 3) uint8 of hands showing labels (m,) fingers."""
    m = len(labels)
    hand = _hand_masks(rng, labels, size)[..., None]
    skin, wall = (c.astype(np.float32) for c in _colours(rng, m))
    texture = _smooth_noise(rng, m, size)[..., None] * TEXTURE
    img = np.where(hand, skin[:, None, None, :], wall[:, None, None, :] + texture)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / size - 0.5
    phi = rng.uniform(0, 2 * np.pi, m)
    ramp = _per_image(np.cos(phi)) * xx + _per_image(np.sin(phi)) * yy  # in [-0.7, 0.7]
    light = _per_image(rng.uniform(0.8, 1.1, m)) + ramp * _per_image(rng.uniform(0, LIGHT, m))
    img = img * light[..., None] + rng.standard_normal(img.shape, dtype=np.float32) * NOISE
    return np.clip(img, 0, 255).astype(np.uint8)


def make_signs(m, seed, size=64, chunk=200):
    """Generate m images from np.random.default_rng(seed), `chunk` at a time.

    Returns:
    X -- images, uint8 of shape (m, size, size, 3)
    y -- labels 0-5 (the number of raised fingers), int64 of shape (m,); m // 6 of each class
         when 6 divides m
    """
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.arange(m) % 6).astype(np.int64)
    X = np.concatenate([_draw(rng, y[i:i + chunk], size) for i in range(0, m, chunk)])
    return X, y
