#!/usr/bin/env python3
"""Kill campaign: SIGKILL `dualx upscale` and `dualx-studio` at random moments during a 3-file queue.

For each front end:
  1. an uninterrupted run of the queue gives the reference frames (ffmpeg framemd5 of each output);
  2. the same queue, in a fresh folder, is started and SIGKILLed after a random delay, then
     restarted the way a user would (the same command; the app with its saved queue), KILLS times;
     once during the campaign the output folder runs out of space (a file-size limit, so writes
     fail with EFBIG as on a full disk) and the run after it has room again;
  3. after every kill: each output that exists under its final name is complete and
     frame-identical to the reference (no half-written file is ever visible);
  4. at the end: every job finished (none lost), every output frame-identical to the
     reference, and no temporary file (.partial, .dualx-job) is left.

Every job uses the app's default export preset, the lossy web-h264, unless --preset says
otherwise: frame identity there needs the whole chain, x264 included, to be deterministic
(docs/reliability.md says why that took care).

usage: tools/reliability/kill-campaign.py [--build DIR] [--kills N] [--work DIR] [--only cli|app]
       [--preset ID] [--out REPORT.md] [--seed N]
Exit status 0 when every check holds.
"""
import argparse
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

from campaign_report import publish

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CLIP_SIZES = ["96x54", "128x72", "112x64"]
FRAMES = 24


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def make_inputs(folder):
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i, size in enumerate(CLIP_SIZES):
        path = os.path.join(folder, f"clip{i + 1}.mkv")
        ffmpeg("-f", "lavfi", "-i", f"testsrc2=size={size}:rate=12", "-f", "lavfi", "-i", "sine=frequency=330",
               "-t", str(FRAMES / 12), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", path)
        paths.append(path)
    return paths


def frame_hashes(path):
    """framemd5 lines of the video stream (hash column only), or None if unreadable."""
    done = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-map", "0:v:0", "-f", "framemd5", "-"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return None
    return [line.rsplit(",", 1)[1].strip() for line in done.stdout.splitlines() if line and not line.startswith("#")]


def leftovers(folder):
    found = []
    for base, dirs, files in os.walk(folder):
        for name in dirs + files:
            if name.endswith(".partial") or ".dualx-job" in name or name.endswith(".tmp"):
                found.append(os.path.relpath(os.path.join(base, name), folder))
    return found


class Front:
    """How one front end runs the queue and where its outputs land."""

    def __init__(self, kind, build, work, inputs, preset):
        self.kind = kind
        self.preset = preset
        self.build = build
        self.work = work
        self.inputs = inputs
        self.env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUALX_THREADS="2", HOME=os.path.join(work, "home"),
                        XDG_CONFIG_HOME=os.path.join(work, "home", ".config"),
                        XDG_DATA_HOME=os.path.join(work, "home", ".local", "share"))
        os.makedirs(self.env["XDG_CONFIG_HOME"], exist_ok=True)
        self.out = os.path.join(work, "out")
        os.makedirs(self.out, exist_ok=True)
        self.first = True

    def outputs(self):
        if self.kind == "cli":
            extension = preset_extension(self.preset)
            return [os.path.join(self.out, os.path.splitext(os.path.basename(p))[0] + extension) for p in self.inputs]
        return self.app_outputs()

    def app_outputs(self):
        db = os.path.join(self.work, "queue.sqlite")
        if not os.path.exists(db):
            return []
        with sqlite3.connect(db) as c:
            return [row[0] for row in c.execute("SELECT output FROM jobs ORDER BY position")]

    def app_states(self):
        with sqlite3.connect(os.path.join(self.work, "queue.sqlite")) as c:
            return [(row[0], row[1]) for row in c.execute("SELECT state, message FROM jobs ORDER BY position")]

    def command(self):
        if self.kind == "cli":
            return [os.path.join(self.build, "app", "dualx"), "upscale", *self.inputs, "-o", self.out, "--model", "mse",
                    "--preset", self.preset, "--progress", "none"]
        cmd = [os.path.join(self.build, "app", "dualx-studio"), "--database", os.path.join(self.work, "queue.sqlite"),
               "--start", "--screenshot", os.path.join(self.work, "shot.png")]
        if self.first:
            # The app's first start adds the files; later starts find them in the saved queue.
            self.write_app_settings()
            cmd += self.inputs
        return cmd

    def write_app_settings(self):
        folder = os.path.join(self.env["XDG_CONFIG_HOME"], "DualX")  # the organisation name
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "DualX Studio.conf"), "w") as f:
            f.write(f"[output]\nfolder={self.out}\n\n[queue]\npreset={self.preset}\n")

    def start(self, file_limit=None):
        def limit():
            os.setsid()
            if file_limit is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
        proc = subprocess.Popen(self.command(), env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                preexec_fn=limit, text=True, errors="replace")
        self.first = False
        return proc


def preset_extension(preset):
    """The file extension of a built-in preset (resources/presets/ID.json)."""
    path = os.path.join(ROOT, "resources", "presets", preset + ".json")
    if not os.path.exists(path):
        raise SystemExit(f"kill-campaign: no built-in preset '{preset}' ({path})")
    with open(path) as f:
        return json.load(f)["extension"]


def run_to_end(front, timeout=900, file_limit=None):
    proc = front.start(file_limit)
    out, _ = proc.communicate(timeout=timeout)
    return proc.returncode, out


def check_visible(front, reference):
    """Every output under its final name is the reference, frame for frame."""
    problems = []
    for path, ref in zip(front.outputs(), reference):
        if os.path.exists(path):
            got = frame_hashes(path)
            if got != ref:
                problems.append(f"{os.path.basename(path)}: {'unreadable' if got is None else f'{len(got)} frames differ from the reference'}")
    return problems


def check_finished(front, inputs, reference):
    """A queue run to its end: no job lost, every output the reference, nothing left behind."""
    problems = []
    final = front.outputs()
    missing = [p for p in final if not os.path.exists(p)]
    if len(final) != len(inputs) or missing:
        problems.append(f"jobs lost: {len(inputs) - len(final) + len(missing)}")
    problems += check_visible(front, reference)
    if front.kind == "app":
        not_done = [s for s in front.app_states() if s[0] != "done"]
        if not_done:
            problems.append(f"queue rows not done: {not_done}")
    left = leftovers(front.out)
    if left:
        problems.append(f"left behind: {left}")
    return problems


def campaign(kind, build, work, kills, rng, log, preset):
    if os.path.isdir(work):
        shutil.rmtree(work)
    inputs = make_inputs(os.path.join(work, "inputs"))

    ref_front = Front(kind, build, os.path.join(work, "reference"), inputs, preset)
    started = time.monotonic()
    rc, out = run_to_end(ref_front)
    uninterrupted = time.monotonic() - started
    if rc != 0:
        raise SystemExit(f"kill-campaign: the uninterrupted {kind} run failed ({rc}):\n{out}")
    reference = [frame_hashes(p) for p in ref_front.outputs()]
    if any(r is None or len(r) != FRAMES for r in reference):
        raise SystemExit(f"kill-campaign: the uninterrupted {kind} run wrote unreadable or short outputs")
    log(f"{kind}: uninterrupted queue {uninterrupted:.1f} s, {len(reference)} files x {FRAMES} frames")

    # Kills land at random moments while work remains: a run that finishes the queue before its
    # kill closes a round (checked like the end), and the next round starts in a fresh folder.
    full_disk_at = rng.randrange(2, max(3, kills - 2))
    events, problems, rounds = [], [], 1
    front = Front(kind, build, os.path.join(work, f"killed-{rounds}"), inputs, preset)
    for k in range(kills):
        if k == full_disk_at:
            # A full disk: no output file can grow past 20 KB.
            rc, out = run_to_end(front, file_limit=20_000)
            last = [l for l in out.splitlines() if l.strip()][-1:] or [""]
            events.append({"run": k + 1, "round": rounds, "what": "full disk", "exit": rc, "said": last[0][:160]})
            log(f"{kind}: run {k + 1}: full disk, exit {rc}: {last[0][:120]}")
            finished = False
        else:
            delay = rng.uniform(1.0, max(2.0, uninterrupted / 4))
            proc = front.start()
            try:
                proc.wait(timeout=delay)
                finished = proc.returncode == 0
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                finished = False
            events.append({"run": k + 1, "round": rounds, "what": "SIGKILL", "after_s": round(delay, 2), "finished_first": finished})
            log(f"{kind}: run {k + 1} (round {rounds}): " + ("the queue finished first" if finished else f"SIGKILL after {delay:.1f} s"))
        problems += [f"after run {k + 1}: {p}" for p in check_visible(front, reference)]
        if finished:
            problems += [f"round {rounds}: {p}" for p in check_finished(front, inputs, reference)]
            rounds += 1
            front = Front(kind, build, os.path.join(work, f"killed-{rounds}"), inputs, preset)
    rc, out = run_to_end(front)
    if rc != 0:
        problems.append(f"the last run exited {rc}: {out.strip().splitlines()[-1:]}")
    problems += [f"round {rounds}: {p}" for p in check_finished(front, inputs, reference)]
    return {"front": kind, "uninterrupted_s": round(uninterrupted, 1), "runs": kills + 1, "rounds": rounds,
            "events": events, "problems": problems}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--work", default="/tmp/dualx-kill-campaign")
    parser.add_argument("--only", choices=["cli", "app"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--preset", default="web-h264", help="built-in export preset of every job (default web-h264)")
    parser.add_argument("--out", help="also write the report (markdown) here; JSON beside it")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    log = lambda line: print(line, file=sys.stderr, flush=True)
    results = []
    for kind in ("cli", "app"):
        if args.only and kind != args.only:
            continue
        results.append(campaign(kind, os.path.abspath(args.build), os.path.join(args.work, kind), args.kills, rng, log, args.preset))
    lines = ["| front end | uninterrupted queue | runs killed | queues completed | full disk | problems |",
             "|---|---|---|---|---|---|"]
    for r in results:
        killed = sum(1 for e in r["events"] if e["what"] == "SIGKILL" and not e["finished_first"])
        disk = next((e for e in r["events"] if e["what"] == "full disk"), None)
        disk_text = f"run {disk['run']}: exit {disk['exit']}, \"{disk['said']}\"" if disk else "-"
        lines.append(f"| {r['front']} | {r['uninterrupted_s']} s | {killed} of {len(r['events'])} | {r['rounds']} | {disk_text} | "
                     f"{'none' if not r['problems'] else '; '.join(r['problems'])} |")
    report = "\n".join(lines) + f"\n\nEvery job with the {args.preset} preset, seed {args.seed}.\n"
    publish(report, results, args.out)
    return 1 if any(r["problems"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
