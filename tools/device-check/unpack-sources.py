#!/usr/bin/env python3
"""Unpacks a packed DualX source pack (every frame a JPEG; written by `dualx train
--write-sources`) into the raw uint8 form dualx-synth-train reads, on a machine that has
Python's numpy and cv2 but not our C++ media stack. It does what train::unpackSourcePack does in
C++ (core/train/source_pack_packing.cpp).

    unpack-sources.py PACKED.safetensors RAW.safetensors
"""
import sys

import cv2
import numpy as np

from safetensors_io import read_safetensors, write_safetensors


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tensors, meta = read_safetensors(sys.argv[1])
    if meta.get("dualx.format") != "dualx-source-pack-packed/1":
        sys.exit(f"unpack-sources: {sys.argv[1]} is not a packed DualX source pack")
    items, jpeg, offsets = tensors["items"], tensors["jpeg"], tensors["jpeg_offsets"]
    if items.ndim != 2 or items.shape[1] != 4:
        sys.exit("unpack-sources: 'items' is not [K, 4]")
    frames = int(items[:, 0].sum())
    if len(offsets) != frames + 1:
        sys.exit(f"unpack-sources: {len(offsets) - 1} encoded frames for items of {frames}")
    pixels = np.empty(int((items[:, 0] * items[:, 1] * items[:, 2] * 3).sum()), np.uint8)
    frame, at = 0, 0
    for count, height, width, _ in items:
        for _ in range(count):
            bgr = cv2.imdecode(jpeg[offsets[frame]:offsets[frame + 1]], cv2.IMREAD_COLOR)
            if bgr is None or bgr.shape[:2] != (height, width):
                sys.exit(f"unpack-sources: frame {frame} does not decode to {width}x{height}")
            size = height * width * 3
            pixels[at:at + size] = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB).reshape(-1)
            at += size
            frame += 1
    write_safetensors(sys.argv[2], {"items": items, "pixels": pixels}, dict(meta, **{"dualx.format": "dualx-source-pack/1"}))
    print(f"unpacked {len(items)} items ({frames} frames, {pixels.nbytes / 2**20:.0f} MiB) into {sys.argv[2]}")


if __name__ == "__main__":
    main()
