#!/usr/bin/env python3
"""Malformed-media campaign: `dualx upscale` on damaged and hostile inputs.

Generates a set of bad files from two small valid clips (made with the ffmpeg tool), runs
`dualx upscale FILE -o OUT` on each under a 60 s limit and checks what a user is promised:

  - unreadable input: exit status 2, one line on stderr naming the problem, nothing written;
  - input with readable frames: exit status 0 and a playable output (warnings allowed);
  - never a crash (signal, status 3), a hang (> 60 s) or a leftover file beside the output.

Then the same files are dropped on the desktop app at once: every one needs a queue row that
is queued (readable frames) or refused with a reason, and the app must not crash or hang.

usage: tools/reliability/malformed-media.py [--dualx PATH] [--studio PATH|''] [--work DIR] [--out REPORT.md]
Exit status 0 when every file behaves, 1 otherwise. The table goes to stdout and --out.
"""
import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time

from campaign_report import publish

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
LIMIT_SECONDS = 60


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def make_sources(work):
    """Two tiny valid clips: MP4 (moov at the end, as cameras write it) and Matroska."""
    src = os.path.join(work, "sources")
    os.makedirs(src, exist_ok=True)
    pattern = ["-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10:duration=6",
               "-f", "lavfi", "-i", "sine=frequency=440:duration=6"]
    clips = {
        "mp4": os.path.join(src, "good.mp4"),
        "mkv": os.path.join(src, "good.mkv"),
        "ts": os.path.join(src, "good.ts"),
        "avi": os.path.join(src, "good.avi"),
    }
    ffmpeg(*pattern, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "4", "-c:a", "aac", clips["mp4"])
    ffmpeg(*pattern, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "4", "-c:a", "aac", clips["mkv"])
    ffmpeg(*pattern, "-c:v", "mpeg2video", "-q:v", "4", "-c:a", "mp2", clips["ts"])
    ffmpeg(*pattern, "-c:v", "mpeg4", "-q:v", "4", "-c:a", "mp3", clips["avi"])
    return clips


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def corrupt(data, fraction, seed, start=0.1):
    """Overwrites random byte runs after the first `start` of the file (headers mostly survive)."""
    rng = random.Random(seed)
    out = bytearray(data)
    first = int(len(out) * start)
    for _ in range(max(1, int(len(out) * fraction / 16))):
        at = rng.randrange(first, len(out) - 16)
        out[at:at + 16] = bytes(rng.randrange(256) for _ in range(16))
    return bytes(out)


def build_cases(work, clips):
    """(name, path, expectation, note); expectation: 'error', 'frames' or 'either'."""
    bad = os.path.join(work, "bad")
    if os.path.isdir(bad):
        shutil.rmtree(bad)
    os.makedirs(bad)
    rng = random.Random(2026)
    mp4, mkv, ts, avi = (read(clips[k]) for k in ("mp4", "mkv", "ts", "avi"))
    cases = []

    def add(name, data, expect, note):
        cases.append((name, write(os.path.join(bad, name), data), expect, note))

    add("empty.mp4", b"", "error", "zero-length file")
    add("empty.mkv", b"", "error", "zero-length file")
    for ext in ("mp4", "mkv", "avi", "mov", "webm"):
        add("random." + ext, bytes(rng.randrange(256) for _ in range(200_000)), "error", "random bytes")
    add("text.mp4", b"This is not a video, it is a shopping list.\n" * 200, "error", "text under a video extension")
    add("zeros.mkv", bytes(1_000_000), "error", "a megabyte of zero bytes")
    # MP4 from a camera keeps its index (moov) at the end: any cut loses every frame.
    for percent in (1, 10, 50, 90, 99):
        add(f"cut-{percent:02d}.mp4", mp4[: len(mp4) * percent // 100], "error", f"MP4 cut at {percent} %")
    add("header-only.mp4", mp4[:64], "error", "MP4 cut after 64 bytes")
    # Streamable containers keep the frames before the cut.
    for percent in (3, 30, 60, 95):
        add(f"cut-{percent:02d}.mkv", mkv[: len(mkv) * percent // 100], "either", f"Matroska cut at {percent} %")
    for percent in (20, 70):
        add(f"cut-{percent:02d}.ts", ts[: len(ts) * percent // 100], "either", f"MPEG-TS cut at {percent} %")
    add("cut-50.avi", avi[: len(avi) // 2], "either", "AVI cut at 50 %")
    # Damaged packets: bytes overwritten in the body of the file.
    for fraction, seed in ((0.01, 1), (0.05, 2), (0.2, 3)):
        add(f"damaged-{int(fraction * 100):02d}.mkv", corrupt(mkv, fraction, seed), "either",
            f"Matroska with {int(fraction * 100)} % of its body overwritten")
    for fraction, seed in ((0.02, 4), (0.2, 5)):
        add(f"damaged-{int(fraction * 100):02d}.ts", corrupt(ts, fraction, seed), "either",
            f"MPEG-TS with {int(fraction * 100)} % of its body overwritten")
    add("damaged-05.mp4", corrupt(mp4, 0.05, 6, start=0.02), "either", "MP4 with 5 % of its body overwritten")
    add("damaged-05.avi", corrupt(avi, 0.05, 7), "either", "AVI with 5 % of its body overwritten")
    # Absurd declared sizes: a raw YUV4MPEG stream that claims huge or zero frames.
    add("huge-frame.y4m", b"YUV4MPEG2 W60000 H40000 F25:1 Ip A1:1 C420jpeg\nFRAME\n" + bytes(4096), "error",
        "declares 60000x40000 frames, holds 4 KB")
    add("zero-size.y4m", b"YUV4MPEG2 W0 H0 F25:1 Ip A1:1 C420jpeg\nFRAME\n" + bytes(64), "error", "declares 0x0 frames")
    add("odd-rate.y4m", b"YUV4MPEG2 W16 H16 F0:0 Ip A0:0 C420jpeg\nFRAME\n" + bytes(384) * 3, "either",
        "declares a 0/0 frame rate")
    # Sizes patched in a container header: every 16-bit big-endian 64/48 in the MKV track entry.
    patched = bytearray(mkv)
    at = patched.find(b"\xb0\x81\x40")  # PixelWidth element, 1 byte: 64
    if at >= 0:
        patched[at:at + 3] = b"\xb0\x81\xff"
    at = patched.find(b"\xba\x81\x30")  # PixelHeight element, 1 byte: 48
    if at >= 0:
        patched[at:at + 3] = b"\xba\x81\x01"
    add("wrong-size.mkv", bytes(patched), "either", "Matroska whose header states another frame size")
    # Streams that are not video.
    audio = os.path.join(bad, "audio-only.mp4")
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", audio)
    cases.append(("audio-only.mp4", audio, "error", "audio, no video stream"))
    no_frames = os.path.join(bad, "no-frames.mkv")
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10:duration=1", "-frames:v", "0", "-c:v", "libx264", no_frames)
    cases.append(("no-frames.mkv", no_frames, "error", "a video stream with no frames"))
    # Things that are not files.
    folder = os.path.join(bad, "folder.mp4")
    os.makedirs(folder)
    cases.append(("folder.mp4", folder, "error", "a folder named like a video"))
    fifo = os.path.join(bad, "fifo.mp4")
    os.mkfifo(fifo)
    cases.append(("fifo.mp4", fifo, "error", "a named pipe with no writer"))
    dangling = os.path.join(bad, "dangling.mp4")
    os.symlink(os.path.join(bad, "missing-target.mp4"), dangling)
    cases.append(("dangling.mp4", dangling, "error", "a symbolic link to nothing"))
    cases.append(("missing.mp4", os.path.join(bad, "missing.mp4"), "error", "does not exist"))
    cases.append(("device", "/dev/zero", "error", "a character device"))
    locked = write(os.path.join(bad, "no-permission.mp4"), mkv)
    os.chmod(locked, 0)
    cases.append(("no-permission.mp4", locked, "error", "no read permission (run as an unprivileged user)"))
    sparse = os.path.join(bad, "sparse-4g.mkv")
    with open(sparse, "wb") as f:
        f.truncate(4 << 30)
    cases.append(("sparse-4g.mkv", sparse, "error", "4 GiB of holes"))
    return cases


def unprivileged_prefix():
    """As root, permissions do not apply: run the no-permission case as 'nobody'."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def run_case(dualx, name, path, expect, note, out_root):
    out_dir = os.path.join(out_root, name.replace("/", "_"))
    os.makedirs(out_dir)
    output = os.path.join(out_dir, "restored.mkv")
    command = [dualx, "upscale", path, "-o", output, "--threads", "1", "--progress", "none"]
    if name == "no-permission.mp4":
        prefix = unprivileged_prefix()
        if prefix:
            os.chmod(out_dir, 0o777)
            os.chmod(out_root, 0o777)
            command = prefix + command
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=LIMIT_SECONDS, errors="replace")
        rc, stderr = done.returncode, done.stderr
    except subprocess.TimeoutExpired as e:
        rc, stderr = "hang", (e.stderr or b"").decode(errors="replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
    seconds = time.monotonic() - started
    left = sorted(os.listdir(out_dir))
    lines = [l for l in stderr.splitlines() if l.strip()]
    errors = [l for l in lines if not l.startswith("warning:")]
    problems = []
    if rc == "hang":
        problems.append(f"no answer in {LIMIT_SECONDS} s")
    elif rc == 0:
        if expect == "error":
            problems.append("accepted a file that holds no frames")
        if left != ["restored.mkv"]:
            problems.append(f"left {left}")
        else:
            probe = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                                    "stream=nb_read_frames", "-of", "csv=p=0", output], capture_output=True, text=True)
            if probe.returncode != 0 or not probe.stdout.strip().isdigit() or int(probe.stdout.strip()) == 0:
                problems.append("output not playable")
    elif rc == 2:
        if expect == "frames":
            problems.append("refused a file with readable frames")
        if len(errors) != 1:
            problems.append(f"{len(errors)} error lines")
        if left:
            problems.append(f"left {left}")
    else:
        problems.append(f"exit status {rc}" + (" (signal)" if isinstance(rc, int) and rc < 0 else ""))
    message = errors[0] if errors else (lines[0] if lines else "")
    warnings = [l for l in lines if l.startswith("warning:")]
    return {
        "name": name, "path": path, "note": note, "expect": expect, "exit": rc, "seconds": round(seconds, 1),
        "message": message, "warnings": warnings, "problems": problems,
    }


def run_gui(studio, cases, work):
    """The same files dropped on the desktop app at once (offscreen, a queue database of its own,
    the window saved once every file is probed). Each one needs a row that is queued (frames are
    readable) or refused with a message naming the file's problem; the app must not crash or hang.
    Root reads a mode-000 file, so there that case may be queued."""
    gui = os.path.join(work, "gui")
    if os.path.isdir(gui):
        shutil.rmtree(gui)
    os.makedirs(gui)
    database = os.path.join(gui, "queue.sqlite")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=gui, XDG_CONFIG_HOME=os.path.join(gui, "config"))
    command = [studio, "--database", database, "--screenshot", os.path.join(gui, "window.png")] + [c[1] for c in cases]
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=4 * LIMIT_SECONDS, env=env, errors="replace")
        rc = done.returncode
    except subprocess.TimeoutExpired:
        rc = "hang"
    seconds = round(time.monotonic() - started, 1)
    rows = {}
    if os.path.exists(database):
        with sqlite3.connect(database) as db:
            for path, state, message in db.execute("SELECT input, state, message FROM jobs"):
                rows[os.path.abspath(path)] = (state, message)
    results = []
    for name, path, expect, note in cases:
        state, message = rows.get(os.path.abspath(path), (None, ""))
        problems = []
        if state is None:
            problems.append("no row in the queue")
        elif state == "refused":
            if expect == "frames":
                problems.append("refused a file with readable frames")
            if not message.strip():
                problems.append("refused without a reason")
        elif state == "queued":
            if expect == "error" and name != "no-permission.mp4":
                problems.append("queued a file that holds no frames")
        else:
            problems.append(f"state {state}")
        results.append({"name": name, "note": note, "state": state, "message": message, "problems": problems})
    app_problems = [] if rc == 0 else [f"the app {'hung' if rc == 'hang' else f'exited with {rc}'}"]
    return results, app_problems, seconds


def gui_table(results):
    rows = ["| file | row | what the row says | verdict |", "|---|---|---|---|"]
    for r in results:
        message = r["message"].replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{r['name']}` | {r['state']} | {message} | {'ok' if not r['problems'] else '; '.join(r['problems'])} |")
    return "\n".join(rows)


def table(results):
    rows = ["| file | what it is | exit | s | what the user is told | verdict |", "|---|---|---|---|---|---|"]
    for r in results:
        told = r["message"]
        if r["exit"] == 0:
            told = "restored; " + r["warnings"][0].split(": ", 2)[-1] if r["warnings"] else "restored, no warning"
        told = told.replace(r["path"], "FILE").replace("|", "\\|")
        if len(told) > 160:
            told = told[:157] + "..."
        verdict = "ok" if not r["problems"] else "**" + "; ".join(r["problems"]) + "**"
        rows.append(f"| `{r['name']}` | {r['note']} | {r['exit']} | {r['seconds']} | {told} | {verdict} |")
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dualx", default=os.path.join(ROOT, "build", "app", "dualx"))
    parser.add_argument("--work", default="/tmp/dualx-malformed")
    parser.add_argument("--studio", default=os.path.join(ROOT, "build", "app", "dualx-studio"),
                        help="the desktop app, given the same files ('' to skip)")
    parser.add_argument("--out", help="also write the report (markdown) here; JSON beside it")
    args = parser.parse_args()
    dualx = os.path.abspath(args.dualx)
    if not os.access(dualx, os.X_OK):
        sys.exit(f"malformed-media: no dualx at {dualx} (build first or pass --dualx)")
    os.makedirs(args.work, exist_ok=True)
    os.chmod(args.work, 0o755)
    clips = make_sources(args.work)
    cases = build_cases(args.work, clips)
    out_root = os.path.join(args.work, "outputs")
    if os.path.isdir(out_root):
        shutil.rmtree(out_root)
    os.makedirs(out_root)
    results = []
    for name, path, expect, note in cases:
        r = run_case(dualx, name, path, expect, note, out_root)
        results.append(r)
        print(f"{name:22} exit {str(r['exit']):5} {r['seconds']:5.1f} s  {'ok' if not r['problems'] else r['problems']}",
              file=sys.stderr)
    failures = [r for r in results if r["problems"]]
    summary = (f"{len(results)} files, {len(results) - len(failures)} behaved, {len(failures)} did not; "
               f"slowest answer {max(r['seconds'] for r in results)} s")
    report = table(results) + "\n\n" + summary + "\n"
    gui_failures = []
    if args.studio:
        gui_results, app_problems, gui_seconds = run_gui(os.path.abspath(args.studio), cases, args.work)
        gui_failures = [r for r in gui_results if r["problems"]] + app_problems
        report += ("\n" + gui_table(gui_results) + "\n\nDesktop app, all files dropped at once: "
                   f"{len(gui_results) - len(gui_failures)} of {len(gui_results)} rows behaved in {gui_seconds} s"
                   + (f"; {', '.join(app_problems)}" if app_problems else "") + "\n")
        results = {"cli": results, "gui": gui_results, "gui_app_problems": app_problems}
    publish(report, results, args.out)
    return 1 if failures or gui_failures else 0


if __name__ == "__main__":
    sys.exit(main())
