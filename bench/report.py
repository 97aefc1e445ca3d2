#!/usr/bin/env python3
"""Turn bench/run's results.tsv into the printed table, ratios and targets.

usage: report.py RESULTS.tsv RESULTS.md
Exit status 1 when an output has the wrong frame count or size (a cheating or
broken variant), else 0 (targets missed are reported, not an error).
"""
import statistics
import sys
from collections import defaultdict

tsv, md_path = sys.argv[1], sys.argv[2]
runs = defaultdict(list)        # base name -> [(round, wall, rss_kb, cpu_s)]
frames = {}                     # name -> (got_frames, w, h, want_frames)
info = {}
preset_rss = {}                 # (f) preset -> {size: peak rss kb}
with open(tsv, encoding="utf-8") as f:
    for line in f:
        kind, *rest = line.rstrip("\n").split("\t")
        if kind == "time":
            name, wall, rss, cpu = rest
            base, _, rnd = name.partition("#")
            runs[base].append((int(rnd or 1), float(wall), int(rss), float(cpu)))
        elif kind == "frames":
            name, got, want = rest
            parts = got.split(",")
            try:
                w, h, n = int(parts[0]), int(parts[1]), int(parts[-1])
            except (ValueError, IndexError):
                w = h = n = -1
            frames[name] = (n, w, h, int(want))
        elif kind == "info":
            info[rest[0]] = rest[1]
        elif kind == "rss":
            size, preset, rss = rest
            preset_rss.setdefault(preset, {})[size] = int(rss)


def mb(kb):
    return kb / 1024.0


def stat(base):
    """(median wall, max rss kb, n runs, all walls, median cpu) or None."""
    r = runs.get(base)
    if not r:
        return None
    walls = [w for _, w, _, _ in r]
    return (statistics.median(walls), max(k for _, _, k, _ in r), len(r), walls,
            statistics.median(c for *_, c in r))


def summed(*bases):
    """Per-round sum of several steps (median over rounds), rss = max of steps."""
    per = [dict((rnd, (w, k, c)) for rnd, w, k, c in runs.get(b, [])) for b in bases]
    if not all(per):
        return None
    rounds = sorted(set.intersection(*(set(p) for p in per)))
    walls = [sum(p[r][0] for p in per) for r in rounds]
    cpus = [sum(p[r][2] for p in per) for r in rounds]
    rss = max(k for p in per for _, k, _ in p.values())
    return statistics.median(walls), rss, len(rounds), walls, statistics.median(cpus)


rows = []  # (label, stat)
S = {}
def add(key, label, st):
    if st is not None:
        S[key] = st
        rows.append((key, label, st))

add("a", "(a) reelsmith-cli render, 30 s job", stat("a_reelsmith"))
add("b1", "(b1) ffmpeg graph, raw 4032x3024 JPEGs", stat("b1_graph"))
add("b2s", "(b2) shrink step: 5 JPEGs -> 648 px wide", stat("b2_shrink"))
add("b2g", "(b2) ffmpeg graph, shrunk JPEGs", stat("b2_graph"))
add("b2", "(b2) total = shrink + graph", summed("b2_shrink", "b2_graph"))
add("dec", "(c) decode-only, 1080x1920 bg, 30 s", stat("c_decode"))
add("enc", "(c) encode-only, 720 raw 720x1280 frames", stat("c_encode"))
add("floor", "(c) floor = decode + encode", summed("c_decode", "c_encode"))
add("opt", "(d) bg -> 720x1280 asset (one-off, not compared)", stat("optimize"))
add("d", "(d) reelsmith render, 720x1280 asset bg", stat("d_reelsmith720"))
add("long", "(e) reelsmith, " + info.get("e_long", "long"), stat("e_long"))
add("many", "(e) reelsmith, " + info.get("e_many", "many scenes"), stat("e_many"))

frame_key = {"a": "a_reelsmith", "b1": "b1_graph", "b2": "b2_graph", "b2g": "b2_graph",
             "enc": "c_encode", "floor": "c_encode", "d": "d_reelsmith720",
             "long": "e_long", "many": "e_many"}

want_size = info.get("size", "720x1280")
lines = []
out = lines.append
out("| command | runs | wall s (median) | peak RSS MB (max) | CPU s (median) | frames |")
out("|---|---:|---:|---:|---:|---|")
for key, label, (wall, rss, n, walls, cpu) in rows:
    fr = ""
    if key in frame_key and frame_key[key] in frames:
        got, w, h, want = frames[frame_key[key]]
        ok = got == want and f"{w}x{h}" == want_size
        fr = f"{got}/{want}" + ("" if ok else f" {w}x{h} WRONG")
    spread = "" if n == 1 else " (" + ", ".join(f"{x:.2f}" for x in walls) + ")"
    out(f"| {label} | {n} | {wall:.2f}{spread} | {mb(rss):.1f} | {cpu:.2f} | {fr} |")

out("")
extra = []
if "bg_mb" in info:
    extra.append(f"background file: {info['bg_mb']} MB (1080x1920 30 fps H.264)")
if "bg720_mb" in info:
    extra.append(f"asset-cache background: {info['bg720_mb']} MB, made by {info.get('opt_how', '?')}")
if "decode_frames" in info:
    extra.append(f"background frames decoded for the 30 s job: {info['decode_frames']}")
if "cli" in info:
    extra.append(f"reelsmith-cli: {info['cli']}")
if "cli_changed" in info:
    extra.append("NOTE: " + info["cli_changed"])
if "load" in info:
    extra.append(f"load average {info['load']}: other work on the machine skews wall times")
for e in extra:
    out("- " + e)
out("")

# (f) encoder memory: the whole render's peak RSS per x264 preset and size
rss_sizes = sorted({s for by in preset_rss.values() for s in by},
                   key=lambda s: [int(x) for x in s.split("x")])
if preset_rss:
    out("(f) peak RSS MB per x264 preset (crf 20, threads 0; presets capped to a 300 MB budget):")
    out("")
    out("| preset | " + " | ".join(rss_sizes) + " |")
    out("|---|" + "---:|" * len(rss_sizes))
    for preset, by in preset_rss.items():
        out(f"| {preset} | " + " | ".join(f"{mb(by[s]):.0f}" if s in by else "" for s in rss_sizes) + " |")
    out("")

ratios = []
def ratio(label, num, den, field=0):
    if num in S and den in S:
        a = S[num][field]
        b = S[den][field]
        v = a / b if b else float("inf")
        ratios.append((label, v))
        return v
    return None

r_ab2 = ratio("wall a / b2", "a", "b2")
r_ab1 = ratio("wall a / b1", "a", "b1")
r_afl = ratio("wall a / floor", "a", "floor")
r_de = ratio("wall d / encode-only", "d", "enc")
r_rss_ab2 = ratio("RSS a / b2", "a", "b2", 1)
r_rss_ab1 = ratio("RSS a / b1", "a", "b1", 1)
r_long = ratio("RSS 300 s job / 30 s job" if "long" in S else "RSS long / 30 s", "long", "a", 1)
r_many = ratio("RSS many-scenes / 30 s job", "many", "a", 1)
ratio("CPU a / b2 (less load-sensitive cross-check)", "a", "b2", 4)
ratio("CPU a / floor (cross-check)", "a", "floor", 4)
ratio("CPU d / encode-only (cross-check)", "d", "enc", 4)
out("| ratio | value |")
out("|---|---:|")
for label, v in ratios:
    out(f"| {label} | {v:.3f} |")
out("")

targets = []
def target(label, value, ok):
    if value is not None:
        targets.append((label, value, ok))

if r_ab2 is not None:
    target("a <= 0.75 x b2 (wall)", f"{r_ab2:.3f}", r_ab2 <= 0.75)
if r_afl is not None:
    target("a <= 1.15 x floor (wall)", f"{r_afl:.3f}", r_afl <= 1.15)
if r_de is not None:
    target("d <= 1.25 x encode-only (wall)", f"{r_de:.3f}", r_de <= 1.25)
if "a" in S:
    target("peak RSS(a) <= 96 MB", f"{mb(S['a'][1]):.1f} MB", mb(S["a"][1]) <= 96)
if r_rss_ab2 is not None:
    target("peak RSS(a) <= 0.5 x RSS(b2)", f"{r_rss_ab2:.3f}", r_rss_ab2 <= 0.5)
if r_long is not None:
    target("RSS(300 s) within 10 % of RSS(30 s)", f"{r_long:.3f}", abs(r_long - 1) <= 0.10)
if r_many is not None:
    target("RSS(many scenes) within 10 % of RSS(30 s)", f"{r_many:.3f}", abs(r_many - 1) <= 0.10)

if preset_rss:
    worst = max((k, p, s) for p, by in preset_rss.items() for s, k in by.items())
    target("(f) every preset and size: peak RSS < 300 MB",
           f"{mb(worst[0]):.0f} MB ({worst[1]}, {worst[2]})", mb(worst[0]) < 300)

bad_frames = [n for n, (got, w, h, want) in frames.items()
              if got != want or f"{w}x{h}" != want_size]
target("every output has the expected frame count and size",
       "all ok" if not bad_frames else "WRONG: " + ", ".join(bad_frames), not bad_frames)

out("| target | value | result |")
out("|---|---:|---|")
for label, v, ok in targets:
    out(f"| {label} | {v} | {'PASS' if ok else 'FAIL'} |")
out("")
passed = sum(1 for *_, ok in targets if ok)
out(f"{passed}/{len(targets)} targets met. bench/run took {info.get('elapsed', '?')} s.")

text = "\n".join(lines)
print()
print(text)
with open(md_path, "w", encoding="utf-8") as f:
    f.write("# Reelsmith benchmark results\n\n" + text + "\n")
print(f"\n(written to {md_path})")
sys.exit(1 if bad_frames else 0)
