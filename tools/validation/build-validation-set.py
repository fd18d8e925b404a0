#!/usr/bin/env python3
"""Builds DualX Studio's validation set from the clips of Debian packages that training never reads.

    tools/validation/build-validation-set.py [--manifest resources/validation/manifest.json]
        [--sources build/validation-sources] [--out build/validation]

The clips come from Debian packages unpacked (not installed) into the sources folder by
packaging/install-validation-data.sh. For every clip of the manifest: FRAMES frames from its
start frame, shown at square pixels,
deinterlaced if the source is interlaced, fitted inside the largest ground-truth size with
area averaging and trimmed to sides divisible by 8 (the ground truth, PNG). Then the low-
resolution input of each degradation family of kind "files", made by FFmpeg's own filters
and encoders with parameters drawn per clip from the manifest's ranges (seeded: a rebuild
gives the same set). Families of kind "bicubic" and "synthesis" are computed by
`dualx benchmark` itself. Writes OUT/manifest.json, which `dualx benchmark --validation OUT`
reads. Needs only ffmpeg/ffprobe and Python's standard library."""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import zlib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def fail(message):
    sys.exit("build-validation-set: " + message)


def run(cmd):
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        fail("command failed: " + " ".join(cmd) + "\n" + result.stderr[-2000:])
    return result.stdout


def input_args(clip, source):
    """FFmpeg's input options for a clip: a file, or a numbered image sequence."""
    sequence = clip.get("image_sequence")
    if sequence:
        return ["-framerate", str(sequence.get("framerate", 25)), "-start_number", str(sequence.get("start_number", 0)), "-i", source]
    return ["-i", source]


def probe(args):
    out = run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
               "stream=width,height,sample_aspect_ratio,field_order", "-of", "json", *args])
    stream = json.loads(out)["streams"][0]
    sar = stream.get("sample_aspect_ratio", "1:1")
    if sar in ("0:1", "N/A", ""):
        sar = "1:1"
    return stream["width"], stream["height"], sar, stream.get("field_order", "progressive")


def draw(rng, spec):
    """A value from a manifest range: [lo, hi] floats, {"int": [lo, hi]}, or {"choice": [...]}."""
    if isinstance(spec, list):
        return round(rng.uniform(spec[0], spec[1]), 3)
    if "int" in spec:
        return rng.randint(spec["int"][0], spec["int"][1])
    if "choice" in spec:
        return rng.choice(spec["choice"])
    fail("bad range " + json.dumps(spec))


def png_count(folder):
    return len([f for f in os.listdir(folder) if f.endswith(".png")])


def build_gt(clip, source, frames, max_w, max_h, folder):
    first = source % clip["image_sequence"].get("start_number", 0) if "image_sequence" in clip else source
    if not os.path.exists(first):
        fail(f"clip '{clip['name']}': {first} is missing (package {clip['package']}: run packaging/install-validation-data.sh)")
    args = input_args(clip, source)
    width, height, sar, field_order = probe(args)
    num, den = (int(v) for v in sar.split(":"))
    filters = []
    if field_order not in ("progressive", "unknown"):
        filters.append("bwdif=mode=send_frame")
    filters.append(f"select=gte(n\\,{clip.get('start_frame', 0)})")
    if "crop" in clip:  # [w, h, x, y] in source pixels, for clips whose interesting part is small
        w, h, x, y = clip["crop"]
        filters.append(f"crop={w}:{h}:{x}:{y}")
        width, height = w, h
    display_w = width * num / den
    fit = min(1.0, max_w / display_w, max_h / height)
    # Sides divisible by 8: the x1/4 inputs go through 4:2:0 codecs, which need even sides.
    out_w, out_h = int(display_w * fit) // 8 * 8, int(height * fit) // 8 * 8
    filters.append(f"scale={out_w}:{out_h}:flags=area+accurate_rnd+full_chroma_int,setsar=1")
    os.makedirs(folder)
    run(["ffmpeg", "-v", "error", *args, "-vf", ",".join(filters), "-frames:v", str(frames), "-vsync", "passthrough",
         "-pix_fmt", "rgb24", os.path.join(folder, "%04d.png")])
    got = png_count(folder)
    if got != frames:
        fail(f"clip '{clip['name']}': {source} gave {got} frames from frame {clip.get('start_frame', 0)}, need {frames}")
    return out_w, out_h


def plain_chain(p, seed):
    """Family (b): a plain FFmpeg chain, as a web copy or a cheap camera makes."""
    vf = (f"gblur=sigma={p['blur_sigma']},scale=iw/4:ih/4:flags={p['kernel']},"
          f"noise=alls={p['noise']}:allf=t:all_seed={seed},format=yuv420p")
    # cpu-independent: x264 otherwise picks algorithms by CPU (AVX-512 macroblock-tree code), so a
    # set built on another machine could differ from this one.
    enc = ["-c:v", "libx264", "-preset", "medium", "-crf", str(p["crf"]), "-threads", "1", "-x264-params", "cpu-independent=1"]
    text = (f"Gaussian blur sigma {p['blur_sigma']} GT px, {p['kernel']} 1/4, noise {p['noise']} (temporal), "
            f"H.264 CRF {p['crf']}")
    return vf, enc, ".mp4", text


def home_chain(p, seed):
    """Family (c): home video. Soft luma, VHS-like chroma (blurred, shifted), tape noise, then
    field-coded (interlaced) MPEG-2 as DVD recorders and DV-to-DVD transfers store it."""
    vf = (f"gblur=sigma={p['blur_sigma']},scale=iw/4:ih/4:flags=area,format=yuv444p,"
          f"gblur=sigma={p['chroma_blur']}:sigmaV=0.5:planes=6,"
          f"chromashift=cbh={p['chroma_shift']}:crh={p['chroma_shift']},"
          f"noise=c0s={p['luma_noise']}:c0f=t:c1s={p['chroma_noise']}:c1f=t:c2s={p['chroma_noise']}:c2f=t:all_seed={seed},"
          "format=yuv420p")
    enc = ["-c:v", "mpeg2video", "-q:v", str(p["qscale"]), "-bf", "2", "-g", "12", "-flags", "+ilme+ildct", "-top", "1",
           "-threads", "1"]
    text = (f"blur sigma {p['blur_sigma']} GT px, area 1/4, chroma blur {p['chroma_blur']} shift {p['chroma_shift']} px, "
            f"noise luma {p['luma_noise']} chroma {p['chroma_noise']}, interlaced MPEG-2 q {p['qscale']}")
    return vf, enc, ".mpg", text


CHAINS = {"plain": plain_chain, "home": home_chain}


def build_input(gt_folder, family, clip_name, base_seed, folder, scratch):
    seed = zlib.crc32(f"{base_seed}/{family['id']}/{clip_name}".encode())
    rng = random.Random(seed)
    params = {k: draw(rng, v) for k, v in sorted(family["ranges"].items())}
    vf, enc, ext, text = CHAINS[family["chain"]](params, seed % 65536)
    encoded = os.path.join(scratch, f"{clip_name}-{family['id']}{ext}")
    run(["ffmpeg", "-v", "error", "-y", "-framerate", "25", "-i", os.path.join(gt_folder, "%04d.png"), "-vf", vf, *enc, encoded])
    os.makedirs(folder)
    run(["ffmpeg", "-v", "error", "-i", encoded, "-vsync", "passthrough", "-pix_fmt", "rgb24", os.path.join(folder, "%04d.png")])
    return params, text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--manifest", default=os.path.join(ROOT, "resources", "validation", "manifest.json"))
    parser.add_argument("--sources", default=os.path.join(ROOT, "build", "validation-sources"))
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "validation"))
    args = parser.parse_args()
    if not shutil.which("ffmpeg") or not shutil.which("ffprobe"):
        fail("ffmpeg and ffprobe are needed (packaging/install-deps.sh installs them)")
    with open(args.manifest) as f:
        manifest = json.load(f)
    frames = manifest["frames"]
    max_w, max_h = manifest["max_gt"]
    # Built beside the target and moved in at the end: a half-built set never looks complete.
    building = args.out + ".partial"
    shutil.rmtree(building, ignore_errors=True)
    scratch = os.path.join(building, "encoded")
    os.makedirs(scratch)
    out_clips = []
    for clip in manifest["clips"]:
        name = clip["name"]
        gt = os.path.join(building, name, "gt")
        source = os.path.join(args.sources, clip["package"], clip["path"])
        clip_w, clip_h = clip.get("max_gt", [max_w, max_h])
        w, h = build_gt(clip, source, frames, min(clip_w, max_w), min(clip_h, max_h), gt)
        entry = {"name": name, "content": clip.get("content", ""), "source": clip["package"] + ":/" + clip["path"],
                 "gt": f"{name}/gt", "size": [w, h], "inputs": {}}
        for family in manifest["families"]:
            if family["kind"] != "files":
                continue
            params, text = build_input(gt, family, name, manifest["seed"], os.path.join(building, name, family["id"]), scratch)
            got = png_count(os.path.join(building, name, family["id"]))
            if got != frames:
                fail(f"clip '{name}', family '{family['id']}': {got} frames decoded, expected {frames}")
            entry["inputs"][family["id"]] = {"path": f"{name}/{family['id']}", "plan": text, "parameters": params}
        out_clips.append(entry)
        print(f"{name}: {w}x{h}, {frames} frames", flush=True)
    shutil.rmtree(scratch)
    built = {k: v for k, v in manifest.items() if k != "clips"}
    built["clips"] = out_clips
    with open(os.path.join(building, "manifest.json"), "w") as f:
        json.dump(built, f, indent=1)
    shutil.rmtree(args.out, ignore_errors=True)
    os.rename(building, args.out)
    print(f"validation set '{manifest['name']}': {len(out_clips)} clips in {args.out}")


if __name__ == "__main__":
    main()
