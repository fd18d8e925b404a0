#!/usr/bin/env python3
"""Changes one field of the network config stored in a DualX weight file, tensors untouched.

    tools/set-model-config.py MODEL.safetensors FIELD=VALUE [--out OUT.safetensors]

For settings that reinterpret the same weights: boolean switches (e.g.
phase_consistent_upsampler, which makes the forward pass use the phases' means) and
unknown_source_condition=S and degraded_source_condition=S, the network conditions in [0, 1]
that a user's "unknown" and "degraded" source stand for (calibrated on the validation set; the
loader requires degraded >= unknown). A field the network's parameter shapes depend on
would give a file that no longer loads, so no other field is accepted. The change is recorded in
the metadata entry dualx.config_changes, so `dualx --version` and the model card can say what
was done. Standard library only."""

import argparse
import json
import os
import struct
import sys


# Numeric fields that reinterpret the same weights, each in [0, 1].
NUMBER_FIELDS = ("unknown_source_condition", "degraded_source_condition")


def fail(message):
    sys.exit("set-model-config: " + message)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model")
    parser.add_argument("assignment", help="FIELD=true|false, unknown_source_condition=S or degraded_source_condition=S")
    parser.add_argument("--out", help="write here instead of replacing MODEL")
    args = parser.parse_args()
    field, _, value = args.assignment.partition("=")
    if field in NUMBER_FIELDS:
        try:
            number = float(value)
        except ValueError:
            number = float("nan")
        if not 0.0 <= number <= 1.0:
            fail(f"'{args.assignment}': {field} must be a number in [0, 1]")
        new_value = number
    elif value in ("true", "false"):
        new_value = value == "true"
    else:
        fail(f"'{args.assignment}': only boolean fields (FIELD=true or FIELD=false) and "
             + ", ".join(f"{name}=S" for name in NUMBER_FIELDS) + " can be changed")
    with open(args.model, "rb") as f:
        data = f.read()
    if len(data) < 8:
        fail(f"{args.model} is not a safetensors file")
    size = struct.unpack("<Q", data[:8])[0]
    try:
        header = json.loads(data[8:8 + size])
        metadata = header["__metadata__"]
        config = json.loads(metadata["dualx.config"])
    except (ValueError, KeyError) as e:
        fail(f"{args.model} has no DualX config: {e}")
    if isinstance(new_value, bool) and field in config and not isinstance(config[field], bool):
        fail(f"field '{field}' is not boolean")
    if isinstance(new_value, float) and not config.get("source_conditioned", False):
        fail(f"{args.model}: {field} needs a source-conditioned network")
    config[field] = new_value
    unknown, degraded = config.get("unknown_source_condition", 0.5), config.get("degraded_source_condition", 1.0)
    if degraded < unknown:
        fail(f"'{args.assignment}': degraded_source_condition ({degraded}) must not be below "
             f"unknown_source_condition ({unknown})")
    metadata["dualx.config"] = json.dumps(config, separators=(",", ":"))
    changes = metadata.get("dualx.config_changes", "")
    metadata["dualx.config_changes"] = (changes + "; " if changes else "") + f"{field}={value} (weights unchanged)"
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # keep the tensor data 8-byte aligned
    out = args.out or args.model
    with open(out + ".partial", "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data[8 + size:])
    os.replace(out + ".partial", out)
    print(f"{out}: {field}={value}")


if __name__ == "__main__":
    main()
