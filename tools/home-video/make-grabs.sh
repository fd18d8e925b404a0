#!/bin/bash
# Frame grabs for the README's home-video section: a rotated phone clip, anamorphic NTSC DV and
# an interlaced PAL capture, each made from the cockatoo sample, restored by `dualx upscale` with
# the shipped MSE model, and shown as a player shows them (source left, restored right).
# Usage: tools/home-video/make-grabs.sh [DUALX] [OUT_DIR]   (about 3 minutes on 2 cores)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dualx=${1:-$root/build/app/dualx}
out=${2:-$root/docs/home-video}
sample=$root/resources/sample/cockatoo-320x180.mp4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
ff() { ffmpeg -nostdin -hide_banner -v error -y "$@"; }
# One frame of a file as a player shows it (rotation applied, pixel aspect honoured), H px high
# (FLAGS: the final scaler; neighbor keeps interlacing combs visible).
show() {
    ff -i "$1" -vf "select=eq(n\,$2),scale=trunc(ih*dar/2)*2:ih,setsar=1,scale=-2:$3:flags=${5:-lanczos}" -frames:v 1 "$4"
}
pair() { ff -i "$1" -i "$2" -filter_complex "[0][1]hstack=inputs=2" -frames:v 1 "$3"; }

# A phone held upright stores the picture sideways and tags it to be turned 90 degrees clockwise
# (FFmpeg 5.1 writes the tag from "rotate" metadata when stream-copying; 270 is that turn).
ff -i "$sample" -an -frames:v 12 -vf "transpose=cclock" -c:v libx264 -crf 20 "$work/coded.mp4"
ff -i "$work/coded.mp4" -c copy -metadata:s:v:0 rotate=270 "$work/phone.mp4"
"$dualx" upscale "$work/phone.mp4" -o "$work/phone-out.mp4" --model mse --preset web-h264 --progress none
show "$work/phone.mp4" 6 640 "$work/a.png"
show "$work/phone-out.mp4" 6 640 "$work/b.png"
pair "$work/a.png" "$work/b.png" "$out/rotated-phone.png"

# NTSC DV, 4:3 in 720x480 pixels of 8:9: written 2880x1920 with the same pixel aspect.
ff -i "$sample" -f lavfi -i sine=frequency=440:sample_rate=48000 -map 0:v -map 1:a -t 0.1 -ac 2 \
   -vf "crop=240:180,scale=720:480,setdar=4/3" -c:v dvvideo -pix_fmt yuv411p -r 30000/1001 -c:a pcm_s16le "$work/tape.dv"
"$dualx" upscale "$work/tape.dv" -o "$work/tape-out.mkv" --model mse --preset archive-ffv1 --progress none
show "$work/tape.dv" 1 480 "$work/a.png"
show "$work/tape-out.mkv" 1 480 "$work/b.png"
pair "$work/a.png" "$work/b.png" "$out/anamorphic-dv.png"

# PAL interlaced capture of a camera pan over the first frame: 50 fields a second, each 3 pixels
# further on, woven into 25 frames, top field first. The source is shown with nearest-neighbour
# scaling so that its combs stay visible.
ff -i "$sample" -frames:v 1 "$work/still.png"
ff -loop 1 -i "$work/still.png" -vf "fps=50,crop=240:160:x='8+3*n':y=10,interlace=scan=tff,setfield=tff" -frames:v 8 \
   -c:v mpeg2video -q:v 2 -flags +ildct+ilme -top 1 "$work/capture.mpg"
"$dualx" upscale "$work/capture.mpg" -o "$work/capture-out.mkv" --model mse --preset archive-ffv1 --progress none
show "$work/capture.mpg" 4 480 "$work/a.png" neighbor
show "$work/capture-out.mkv" 8 480 "$work/b.png"
pair "$work/a.png" "$work/b.png" "$out/interlaced-capture.png"
ls -l "$out"
