#!/usr/bin/env python3
"""Copies a validation set with its input frames temporally fused before the network.

    tools/validation/fuse-inputs.py SET OUT [--families plain,home,clean] [--radius 3]
        [--tolerance 0.03] [--clean-files]

The question it answers (docs/benchmarks.md, "Temporal fusion"): would fusing the decoded
low-resolution frames, as the engine fuses the restored ones (core/engine/temporal_fusion.h),
help the network? Each listed family's frames are averaged with their neighbours within the
radius, warped onto them by OpenCV's DIS flow on the luma at twice the input's size, weighted per
pixel by exp(-(colour difference + forward-backward flow mismatch) / tolerance^2), locally
averaged (sigma 1 input pixel; half an input pixel of mismatch costs one tolerance).
--clean-files first writes the clean family (kind "bicubic", which `dualx benchmark` computes
itself) as files, PIL's antialiased bicubic 1/4 of the ground truth, so it can be fused too.
Then `dualx benchmark --validation OUT` scores the fused inputs against the same ground truth.
Needs python3-numpy, python3-opencv and, for --clean-files, python3-pil."""

import argparse
import glob
import json
import os
import shutil

import cv2
import numpy as np


def flow(dis, a, b, size):
    """Flow a -> b estimated on the upscaled lumas, in input pixels at `size` (h, w)."""
    f = dis.calc(a, b, None)
    h, w = size
    f = cv2.resize(f, (w, h), interpolation=cv2.INTER_LINEAR)
    f[..., 0] *= w / a.shape[1]
    f[..., 1] *= h / a.shape[0]
    return f


def fuse(frames, radius, tolerance):
    dis = cv2.DISOpticalFlow_create(cv2.DISOPTICAL_FLOW_PRESET_MEDIUM)
    h, w = frames[0].shape[:2]
    lumas = [cv2.resize((cv2.cvtColor(f, cv2.COLOR_BGR2GRAY) * 255).astype(np.uint8), (2 * w, 2 * h),
                        interpolation=cv2.INTER_CUBIC) for f in frames]
    gx, gy = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    fused = []
    for t, centre in enumerate(frames):
        total = centre.copy()
        weights = np.ones((h, w), np.float32)
        for u in range(max(0, t - radius), min(len(frames), t + radius + 1)):
            if u == t:
                continue
            forward = flow(dis, lumas[t], lumas[u], (h, w))
            backward = flow(dis, lumas[u], lumas[t], (h, w))
            mx, my = gx + forward[..., 0], gy + forward[..., 1]
            warped = cv2.remap(frames[u], mx, my, cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
            back = cv2.remap(backward, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
            colour = ((warped - centre) ** 2).mean(axis=2)
            mismatch = ((forward + back) ** 2).sum(axis=2) * (4.0 * tolerance * tolerance)
            cost = cv2.GaussianBlur(colour + mismatch, (0, 0), 1.0, borderType=cv2.BORDER_REPLICATE)
            weight = np.exp(-cost / (tolerance * tolerance))
            total += warped * weight[..., None]
            weights += weight
        fused.append(np.clip(total / weights[..., None], 0, 1))
    return fused


def write_clean_files(manifest, out):
    from PIL import Image
    for family in manifest["families"]:
        if family["id"] == "clean":
            family["kind"] = "files"
    for clip in manifest["clips"]:
        folder = os.path.join(out, clip["name"], "clean")
        os.makedirs(folder, exist_ok=True)
        for path in sorted(glob.glob(os.path.join(out, clip["gt"], "*.png"))):
            image = Image.open(path).convert("RGB")
            image.resize((image.width // 4, image.height // 4), Image.BICUBIC).save(os.path.join(folder, os.path.basename(path)))
        clip["inputs"]["clean"] = {"path": clip["name"] + "/clean", "plan": "bicubic 1/4 (PIL, antialiased)"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set")
    parser.add_argument("out")
    parser.add_argument("--families", default="plain,home")
    parser.add_argument("--radius", type=int, default=3)
    parser.add_argument("--tolerance", type=float, default=0.03)
    parser.add_argument("--clean-files", action="store_true")
    args = parser.parse_args()
    if os.path.exists(args.out):
        raise SystemExit(f"fuse-inputs: {args.out} exists; give a new folder")
    shutil.copytree(args.set, args.out)
    manifest_path = os.path.join(args.out, "manifest.json")
    with open(manifest_path) as f:
        manifest = json.load(f)
    if args.clean_files:
        write_clean_files(manifest, args.out)
        with open(manifest_path, "w") as f:
            json.dump(manifest, f, indent=1)
    families = args.families.split(",")
    for clip in manifest["clips"]:
        for family, entry in clip["inputs"].items():
            if family not in families:
                continue
            paths = sorted(glob.glob(os.path.join(args.out, entry["path"], "*.png")))
            frames = [cv2.imread(p, cv2.IMREAD_COLOR).astype(np.float32) / 255 for p in paths]
            for path, frame in zip(paths, fuse(frames, args.radius, args.tolerance)):
                cv2.imwrite(path, (frame * 255 + 0.5).astype(np.uint8))
        print(clip["name"], flush=True)


if __name__ == "__main__":
    main()
