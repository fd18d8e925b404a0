#!/usr/bin/env python3
"""Unpacks a packed DualX sample bank (GT frames as JPEG, LR frames as PNG; written by
`dualx train --write-bank`) into the raw uint8 form dualx-bank-train reads, on a machine that
has Python's numpy and cv2 but not our C++ media stack. It does what
train::unpackSampleBank does in C++ (core/train/sample_bank_packing.cpp).

    unpack-bank.py PACKED.safetensors RAW.safetensors
"""
import sys

import cv2
import numpy as np

from safetensors_io import read_safetensors, write_safetensors


def decode(data, offsets, clips, frames, height, width, what):
    out = np.empty((clips * frames, height, width, 3), np.uint8)
    if len(offsets) != clips * frames + 1:
        sys.exit(f"unpack-bank: {what} has {len(offsets) - 1} frames, not {clips * frames}")
    for i in range(clips * frames):
        bgr = cv2.imdecode(data[offsets[i]:offsets[i + 1]], cv2.IMREAD_COLOR)
        if bgr is None or bgr.shape[:2] != (height, width):
            sys.exit(f"unpack-bank: {what} frame {i} does not decode to {width}x{height}")
        out[i] = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
    return out.reshape(clips, frames, height, width, 3).transpose(0, 1, 4, 2, 3)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tensors, meta = read_safetensors(sys.argv[1])
    if meta.get("dualx.format") != "dualx-sample-bank-packed/1":
        sys.exit(f"unpack-bank: {sys.argv[1]} is not a packed DualX sample bank")
    clips, val = int(meta["dualx.bank_clips"]), int(meta["dualx.bank_validation_clips"])
    frames, h, w = int(meta["dualx.bank_frames"]), int(meta["dualx.bank_lr_height"]), int(meta["dualx.bank_lr_width"])
    vh, vw = int(meta["dualx.bank_validation_lr_height"]), int(meta["dualx.bank_validation_lr_width"])
    raw = {
        "lr": decode(tensors["lr_png"], tensors["lr_offsets"], clips, frames, h, w, "LR"),
        "gt": decode(tensors["gt_jpeg"], tensors["gt_offsets"], clips, frames, 4 * h, 4 * w, "GT"),
        "validation_lr": decode(tensors["validation_lr_png"], tensors["validation_lr_offsets"], val, frames, vh, vw,
                                "validation LR"),
        "validation_gt": decode(tensors["validation_gt_jpeg"], tensors["validation_gt_offsets"], val, frames, 4 * vh,
                                4 * vw, "validation GT"),
    }
    meta = dict(meta, **{"dualx.format": "dualx-sample-bank/1"})
    write_safetensors(sys.argv[2], raw, meta)
    print(f"unpacked {clips} + {val} clips of {frames} frames ({w}x{h} LR) into {sys.argv[2]}")


if __name__ == "__main__":
    main()
