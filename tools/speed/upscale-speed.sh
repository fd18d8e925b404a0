#!/usr/bin/env bash
# Speed as a user gets it: wall time per frame of `dualx upscale` (decode, network, encode, the
# default web-h264 preset) at 320x180 and 720x480 input, beside
#   - the network alone on the same frames with the job's tiling (`dualx bench --tile`), and
#   - the physical floor: the multiply-accumulates the job's network passes run per frame
#     (`dualx model-info` of one tile, times the tiles and windows, less the clean-side blocks a
#     blind job skips) at the device's float matrix-product rate (`dualx bench --peak`).
# and the app's *Preview this frame* on the first size's input (`dualx bench --preview`).
# Run it on an otherwise idle machine: anything else running shows up in every number.
#
# usage: tools/speed/upscale-speed.sh [--dualx PATH] [--model mse|gan|FILE] [--threads N]
#                                     [--frames N] [--sizes 320x180,720x480] [--out DIR]
# Writes DIR/speed.md (the table, also printed) and DIR/speed.json.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
dualx="$here/build/app/dualx"
model=mse
threads=$(nproc)
frames=40
sizes=320x180,720x480
out=$(mktemp -d /tmp/dualx-speed.XXXXXX)
while [ $# -gt 0 ]; do
    case "$1" in
        --dualx) dualx=$2; shift 2 ;;
        --model) model=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --frames) frames=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        *) echo "upscale-speed.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
done
[ -x "$dualx" ] || { echo "upscale-speed.sh: no dualx binary at '$dualx' (build it, or give --dualx)" >&2; exit 2; }
command -v ffmpeg >/dev/null || { echo "upscale-speed.sh: needs the ffmpeg command (packaging/install-deps.sh)" >&2; exit 2; }
mkdir -p "$out"

case "$model" in
    mse|gan) model_file="$here/models/dualx-small-$model.safetensors" ;;
    *) model_file=$model ;;
esac
[ -f "$model_file" ] || { echo "upscale-speed.sh: no model file '$model_file'" >&2; exit 2; }

sample="$here/resources/sample/cockatoo-320x180.mp4"
peak_json=$("$dualx" bench --peak --threads "$threads" --json)
rows=()
for size in ${sizes//,/ }; do
    w=${size%x*}
    h=${size#*x}
    input="$out/input-$size.mp4"
    # Real footage at the size under test; frames beyond the sample's 40 loop it.
    ffmpeg -v error -y -stream_loop -1 -i "$sample" -frames:v "$frames" -an \
        -vf "scale=$w:$h:flags=lanczos,setsar=1" -c:v libx264 -crf 16 -pix_fmt yuv420p "$input"
    output="$out/output-$size.mp4"
    rm -f "$output"
    start=$(date +%s.%N)
    "$dualx" upscale "$input" -o "$output" --model "$model_file" --threads "$threads" --progress none >"$out/upscale-$size.log" 2>&1
    end=$(date +%s.%N)
    # bench's windows default to the job's (kDefaultWindowFrames / kDefaultWindowOverlap).
    bench_json=$("$dualx" bench --model "$model_file" --size "$size" --tile auto --clip "$frames" \
        --threads "$threads" --json)
    # The network's work as the job does it: every tile of every window, overlaps included.
    tile_size=$(python3 -c 'import json,sys; j=json.loads(sys.argv[1]); print(j["tile_width"], j["tile_height"], sep="x")' "$bench_json")
    window=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["frames"])' "$bench_json")
    info_json=$("$dualx" model-info "$model_file" --size "$tile_size" --frames "$window" --json)
    rows+=("$(python3 - "$size" "$frames" "$start" "$end" "$bench_json" "$info_json" "$peak_json" <<'EOF'
import json, sys
size, frames, start, end, bench, info, peak = sys.argv[1:]
bench, info, peak = json.loads(bench), json.loads(info), json.loads(peak)
frames = int(frames)
wall = (float(end) - float(start)) / frames
network = bench["ms_per_frame"] / 1000
tiles = bench["tiles_per_window"]
# A blind job (source unknown) skips the clean-side blocks: they are not part of its work.
window_macs = sum(s["macs"] for s in info["stages"] if s["stage"] != "clean-side reconstruction blocks")
macs = window_macs * tiles * bench["windows"] / frames
floor = 2 * macs / (peak["gflops"] * 1e9)
print(json.dumps({"size": size, "frames": frames, "threads": peak["threads"], "tile": bench["tile"],
                  "tiles": f'{tiles} x {bench["tile_width"]}x{bench["tile_height"]}',
                  "upscale_s_per_frame": wall, "network_s_per_frame": network,
                  "gmacs_per_frame": macs / 1e9, "peak_gflops": peak["gflops"], "floor_s_per_frame": floor}))
EOF
)")
done
first_size=${sizes%%,*}
preview_json=$("$dualx" bench --preview "$out/input-$first_size.mp4" --model "$model_file" --threads "$threads" --json)

python3 - "$out" "$model_file" "$preview_json" "${rows[@]}" <<'EOF'
import json, os, sys
out, model, preview, rows = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), [json.loads(r) for r in sys.argv[4:]]
lines = [f"`dualx upscale --model {os.path.basename(model)}` (preset web-h264), threads: {rows[0]['threads']}, "
         f"matrix products {rows[0]['peak_gflops']:.0f} GFLOP/s on this device",
         "",
         "| input | frames | tiles per window | upscale, s/frame | network alone, s/frame | upscale / network | GMAC/frame | floor, s/frame | upscale / floor |",
         "|---|---|---|---|---|---|---|---|---|"]
for r in rows:
    lines.append(f"| {r['size']} | {r['frames']} | {r['tiles']} | {r['upscale_s_per_frame']:.2f} | {r['network_s_per_frame']:.2f} | "
                 f"{r['upscale_s_per_frame'] / r['network_s_per_frame']:.2f} | {r['gmacs_per_frame']:.1f} | "
                 f"{r['floor_s_per_frame']:.2f} | {r['upscale_s_per_frame'] / r['floor_s_per_frame']:.1f} |")
lines += ["",
          f"Preview of frame {preview['frame']} at {preview['width']}x{preview['height']}: first picture in "
          f"{preview['first_picture_seconds']:.2f} s ({preview['quick_window_frames']}-frame window), the job's "
          f"{preview['window_frames']}-frame window in {preview['job_window_seconds']:.2f} s"]
text = "\n".join(lines) + "\n"
open(os.path.join(out, "speed.md"), "w").write(text)
json.dump({"rows": rows, "preview": preview}, open(os.path.join(out, "speed.json"), "w"), indent=2)
print(text)
print(f"wrote {out}/speed.md and {out}/speed.json")
EOF
