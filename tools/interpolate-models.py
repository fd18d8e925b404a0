#!/usr/bin/env python3
"""Network interpolation (ESRGAN, Wang et al. 2018): a weight file whose every tensor is
ALPHA * A + (1 - ALPHA) * B, for two networks of the same architecture and lineage (a GAN
fine-tune A and the MSE network B it started from). ALPHA trades the GAN's sharpness against
the MSE network's faithfulness without training.

    tools/interpolate-models.py A.safetensors B.safetensors ALPHA OUT.safetensors [--part PREFIX=ALPHA ...]

--part gives the tensors whose names start with PREFIX their own ALPHA (the first matching part
wins): e.g. `--part upsampler=0` keeps B's sub-pixel convolution, where a GAN stage draws its
fixed-period pattern, and mixes the rest.

A is a shippable weight file; B may also be a training checkpoint (its "model." tensors are
used, replaced by its weight average, "ema.", where it keeps one). OUT keeps A's config, variant and provenance, its dtype, and records the interpolation in
the metadata entry dualx.interpolation (nesting A's own, where A is an interpolation too). Standard library only."""

import argparse
import json
import os
import struct
import sys

FORMATS = {"F16": "e", "F32": "f"}


def fail(message):
    sys.exit("interpolate-models: " + message)


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + size])
    body = data[8 + size:]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] not in FORMATS:
            fail(f"{path}: tensor {name} is {entry['dtype']} (F16 or F32 expected)")
        begin, end = entry["data_offsets"]
        code = FORMATS[entry["dtype"]]
        count = (end - begin) // struct.calcsize(code)
        tensors[name] = (entry["dtype"], entry["shape"], struct.unpack(f"<{count}{code}", body[begin:end]))
    return header.get("__metadata__", {}), tensors


def parse_part(text):
    prefix, sep, alpha = text.partition("=")
    try:
        value = float(alpha)
    except ValueError:
        value = -1.0
    if not sep or not prefix or not 0.0 <= value <= 1.0:
        fail(f"--part {text}: PREFIX=ALPHA with ALPHA in [0, 1] expected")
    return prefix, value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("alpha", type=float)
    parser.add_argument("out")
    parser.add_argument("--part", action="append", default=[], metavar="PREFIX=ALPHA")
    args = parser.parse_args()
    if not 0.0 <= args.alpha <= 1.0:
        fail("ALPHA must be in [0, 1]")
    parts = [parse_part(text) for text in args.part]
    meta_a, a = read(args.a)
    _, b = read(args.b)
    for prefix, _ in parts:
        if not any(name.startswith(prefix) for name in a):
            fail(f"--part {prefix}: no tensor's name starts with it")
    if any(name.startswith("model.") for name in b):
        averaged = {name[len("ema."):]: t for name, t in b.items() if name.startswith("ema.")}
        b = {name[len("model."):]: t for name, t in b.items() if name.startswith("model.")}
        b.update(averaged)
    header, body = {}, bytearray()
    for name in sorted(a):
        dtype, shape, values = a[name]
        if name not in b or b[name][1] != shape:
            fail(f"tensor {name}: missing from B or of another shape (not the same architecture)")
        other = b[name][2]
        alpha = next((value for prefix, value in parts if name.startswith(prefix)), args.alpha)
        mixed = [alpha * x + (1.0 - alpha) * y for x, y in zip(values, other)]
        raw = struct.pack(f"<{len(mixed)}{FORMATS[dtype]}", *mixed)
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(body), len(body) + len(raw)]}
        body += raw
    meta = dict(meta_a)
    # A that is itself an interpolation keeps its recipe inside the new one, so the file still
    # says what it is made of.
    earlier = meta_a.get("dualx.interpolation", "").removesuffix(" (network interpolation)")
    name_a = f"({earlier})" if earlier else os.path.basename(args.a)
    name_b = os.path.basename(args.b)
    record = f"{args.alpha:g} x {name_a} + {1 - args.alpha:g} x {name_b}"
    for prefix, value in parts:
        record += f"; {prefix}: {value:g} x the first + {1 - value:g} x the second"
    meta["dualx.interpolation"] = record + " (network interpolation)"
    header["__metadata__"] = meta
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(args.out + ".partial", "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + bytes(body))
    os.replace(args.out + ".partial", args.out)
    print(f"{args.out}: {meta['dualx.interpolation']}")


if __name__ == "__main__":
    main()
