#!/usr/bin/python3
"""Writes photo-like pictures of fine regular structure for training: window grids of building
facades (lit and dark windows, as at night), blinds, fences and railings, brick, tiles and woven
cloth, at periods of 2.5 to 24 pixels, turned and seen in perspective.

    tools/training-data/make-pattern-photos.py OUT_DIR [--count N] [--seed S] [--size WxH]

Why: the Debian photos the recipes read are mostly wallpapers and smooth scenes. Structure near
the ×4 pixel-shuffle periods aliases when it is reduced ×¼, and a network that never saw it
learns to redraw the aliasing as a 4-pixel pattern (night-city's facades in the validation set).
Deterministic for a seed; written as PNG files, each complete or absent (.partial, renamed)."""

import argparse
import os
import sys

import cv2
import numpy as np


def fail(message):
    sys.exit("make-pattern-photos: " + message)


def wave(phase, duty, square):
    """A periodic profile in [0, 1] of a phase measured in periods."""
    f = phase - np.floor(phase)
    if square:
        return (f < duty).astype(np.float32)
    return (0.5 + 0.5 * np.cos(2 * np.pi * f)).astype(np.float32)


def stripes(rng, h, w):
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, np.pi)
    period = rng.uniform(2.5, 16)
    u = (x * np.cos(angle) + y * np.sin(angle)) / period
    return wave(u, rng.uniform(0.2, 0.6), rng.random() < 0.7)


def grid(rng, h, w, lit):
    """Windows on a facade: a cell grid whose windows are each lit or dark."""
    py, px = rng.uniform(4, 24), rng.uniform(4, 24)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    fy, fx = y / py, x / px
    inside = (wave(fy, rng.uniform(0.4, 0.8), True) * wave(fx, rng.uniform(0.4, 0.8), True))
    cells = rng.random((int(h / py) + 2, int(w / px) + 2)).astype(np.float32)
    level = cells[np.floor(fy).astype(int), np.floor(fx).astype(int)]
    if lit:
        level = (level < rng.uniform(0.2, 0.7)).astype(np.float32) * (0.6 + 0.4 * level)
    return inside * level


def bricks(rng, h, w):
    py, px = rng.uniform(3, 12), rng.uniform(6, 24)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    row = np.floor(y / py)
    shifted = x / px + 0.5 * (row % 2)
    mortar = np.minimum(wave(y / py, 0.85, True), wave(shifted, 0.9, True))
    return 0.3 + 0.7 * mortar


def weave(rng, h, w):
    a = stripes(rng, h, w)
    b = stripes(rng, h, w)
    return 0.5 * (a + b)


def picture(rng, h, w):
    kind = rng.integers(0, 5)
    if kind == 0:
        pattern = stripes(rng, h, w)
    elif kind == 1 or kind == 2:
        pattern = grid(rng, h, w, lit=kind == 2)
    elif kind == 3:
        pattern = bricks(rng, h, w)
    else:
        pattern = weave(rng, h, w)
    # Seen in perspective: the corners moved by up to a quarter of the picture.
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = src + rng.uniform(-0.25, 0.25, (4, 2)).astype(np.float32) * np.float32([w, h])
    pattern = cv2.warpPerspective(pattern, cv2.getPerspectiveTransform(src, dst), (w, h),
                                  flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REFLECT)
    # Two colours, shading across the picture, a touch of camera blur and noise.
    dark, bright = rng.uniform(0, 0.35, 3), rng.uniform(0.55, 1, 3)
    if rng.random() < 0.5:
        dark, bright = dark * 0.3, bright  # night: dark surroundings, bright structure
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    shade = 1 + rng.uniform(-0.3, 0.3) * (x / w - 0.5) + rng.uniform(-0.3, 0.3) * (y / h - 0.5)
    image = (dark[None, None, :] + (bright - dark)[None, None, :] * pattern[..., None]) * shade[..., None]
    image = cv2.GaussianBlur(image.astype(np.float32), (0, 0), rng.uniform(0.3, 0.7))
    image += rng.normal(0, rng.uniform(0, 0.015), image.shape).astype(np.float32)
    return np.clip(image * 255 + 0.5, 0, 255).astype(np.uint8)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--size", default="960x720")
    args = parser.parse_args()
    try:
        w, h = (int(v) for v in args.size.split("x"))
    except ValueError:
        fail(f"--size '{args.size}': expected WxH")
    if w < 64 or h < 64 or args.count < 1:
        fail("--size must be at least 64x64 and --count at least 1")
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.count):
        rng = np.random.default_rng([args.seed, i])
        path = os.path.join(args.out, f"pattern-{i:03d}.png")
        ok, encoded = cv2.imencode(".png", picture(rng, h, w))
        if not ok:
            fail(f"cannot encode {path}")
        with open(path + ".partial", "wb") as f:
            f.write(encoded.tobytes())
        os.replace(path + ".partial", path)
    print(f"make-pattern-photos: {args.count} pictures in {args.out}")


if __name__ == "__main__":
    main()
