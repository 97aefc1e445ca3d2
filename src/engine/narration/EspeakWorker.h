#pragma once

// The child side of EspeakNarrator: one synthesis in a fresh process.
//
// Why a process of its own: libespeak-ng 1.51 keeps synthesis state in
// statics that nothing resets (the pitch flutter phase, the AGC, the glottal
// cycle counters in wavegen.c), so the same text synthesized twice in one
// process differs (measured: 19748 then 19744 samples for "Привет, мир.", and
// other bytes after another voice spoke). The first synthesis after
// initialisation is identical in every process, so every synthesis runs as
// the first one of a new process: the same program (/proc/self/exe) started
// with kWorkerEnv set, which runs the worker before main() and exits.
//
// Protocol: the text arrives UTF-8 on stdin; the voice, rate and pitch and the
// output path in the environment. The worker writes the WAV to that path and,
// on stdout, one line per event in output samples:
//   rate R | samples N | loud L | word CODEPOINT SAMPLE LOUD | event SAMPLE LOUD
// where LOUD is the last sample (exclusive) louder than the silence threshold
// before that point. Exit 0 done, 2 bad input, 1 failure (message on stderr).

namespace reelsmith::espeakworker {

constexpr const char *kWorkerEnv = "REELSMITH_ESPEAK_WORKER";
constexpr const char *kVoiceEnv = "REELSMITH_ESPEAK_VOICE";
constexpr const char *kRateEnv = "REELSMITH_ESPEAK_RATE";
constexpr const char *kPitchEnv = "REELSMITH_ESPEAK_PITCH";
constexpr const char *kOutputEnv = "REELSMITH_ESPEAK_OUTPUT";

// Runs one synthesis as described above; returns the exit status.
int run();

} // namespace reelsmith::espeakworker
