#include "narration/EspeakWorker.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

// Runs before main() in a process with no Qt set up: plain C++ and stdio only.

namespace reelsmith::espeakworker {

namespace {

// A sample counts as sound from -54 dBFS; espeak's own pauses are exact zeros
// and its quietest fricatives stay above ~-45 dBFS.
constexpr int kLoud = 64;
// Kept around the sound: 10 ms before the first loud sample (the onset of a
// plosive), 30 ms after the last (a fading vowel).
constexpr int kLeadMs = 10;
constexpr int kTailMs = 30;

struct Event
{
    bool word = false;
    int codePoint = 0; // 0-based (espeak's text_position is 1-based)
    long long sample = 0;
    long long loud = 0;
};

struct FileCloser
{
    void operator()(std::FILE *f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

struct ErrorContext
{
    espeak_ng_ERROR_CONTEXT context = nullptr;
    ~ErrorContext() { espeak_ng_ClearErrorContext(&context); }
};

// The synthesis in progress: a stream of samples trimmed of silence at both
// ends on its way to the file, and the events placed on it.
struct Stream
{
    std::FILE *file = nullptr;
    int rate = 0;
    bool writeFailed = false;
    long long raw = 0;      // samples received
    long long lastLoud = 0; // raw index after the last loud sample
    bool started = false;
    long long leadTrim = 0; // raw index of the first sample written
    long long written = 0;
    std::vector<short> held; // before the first loud sample / after the last one
    std::vector<Event> events;

    void put(const short *samples, size_t count)
    {
        if (count && std::fwrite(samples, sizeof(short), count, file) != count)
            writeFailed = true;
        written += static_cast<long long>(count);
    }

    void take(short sample)
    {
        const bool loud = sample >= kLoud || sample <= -kLoud;
        if (!started) {
            if (!loud) {
                held.push_back(sample);
                const size_t lead = size_t(rate) * kLeadMs / 1000;
                if (held.size() > 2 * lead + 1024) // keep only the last `lead` samples
                    held.erase(held.begin(), held.end() - long(lead));
                ++raw;
                return;
            }
            const size_t lead = std::min(held.size(), size_t(rate) * kLeadMs / 1000);
            leadTrim = raw - static_cast<long long>(lead);
            put(held.data() + held.size() - lead, lead);
            held.clear();
            started = true;
        }
        if (loud) {
            put(held.data(), held.size());
            held.clear();
            put(&sample, 1);
            lastLoud = raw + 1;
        } else {
            held.push_back(sample);
        }
        ++raw;
    }

    void finish()
    {
        if (started)
            put(held.data(), std::min(held.size(), size_t(rate) * kTailMs / 1000));
        held.clear();
    }

    long long toOutput(long long rawSample) const
    {
        return std::clamp(rawSample - leadTrim, 0LL, written);
    }
};

Stream *g_stream = nullptr;

int onSynth(short *wav, int count, espeak_EVENT *events)
{
    Stream &s = *g_stream;
    int next = 0;
    const long long blockEnd = s.raw + std::max(count, 0);
    for (espeak_EVENT *e = events; e && e->type != espeakEVENT_LIST_TERMINATED; ++e) {
        if (e->type != espeakEVENT_WORD && e->type != espeakEVENT_SENTENCE &&
            e->type != espeakEVENT_END && e->type != espeakEVENT_MSG_TERMINATED)
            continue;
        // Events carry the sample where they happen; take the sound up to there
        // first so that `loud` describes what precedes the event.
        const long long at = std::clamp<long long>(e->sample, s.raw, blockEnd);
        while (wav && s.raw < at && next < count)
            s.take(wav[next++]);
        s.events.push_back({e->type == espeakEVENT_WORD, std::max(e->text_position - 1, 0),
                            e->sample, s.lastLoud});
    }
    while (wav && next < count)
        s.take(wav[next++]);
    return s.writeFailed ? 1 : 0;
}

void putLe(std::string &out, uint32_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(char((value >> (8 * i)) & 0xff));
}

// The 44-byte header of a mono 16-bit PCM WAV holding `samples` samples.
std::string wavHeader(int rate, long long samples)
{
    const uint32_t data = uint32_t(samples * 2);
    std::string h = "RIFF";
    putLe(h, 36 + data, 4);
    h += "WAVEfmt ";
    putLe(h, 16, 4);
    putLe(h, 1, 2); // PCM
    putLe(h, 1, 2); // mono
    putLe(h, uint32_t(rate), 4);
    putLe(h, uint32_t(rate * 2), 4);
    putLe(h, 2, 2);
    putLe(h, 16, 2);
    h += "data";
    putLe(h, data, 4);
    return h;
}

std::string statusText(espeak_ng_STATUS status)
{
    char text[512] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return text;
}

int fail(int code, const std::string &message)
{
    std::fprintf(stderr, "%s\n", message.c_str());
    return code;
}

} // namespace

int run()
{
    const char *voice = std::getenv(kVoiceEnv);
    const char *rateText = std::getenv(kRateEnv);
    const char *pitchText = std::getenv(kPitchEnv);
    const char *output = std::getenv(kOutputEnv);
    if (!voice || !rateText || !pitchText || !output)
        return fail(1, "the espeak-ng worker was started without its settings");
    const std::string text((std::istreambuf_iterator<char>(std::cin)),
                           std::istreambuf_iterator<char>());

    espeak_ng_InitializePath(nullptr);
    ErrorContext context;
    if (const espeak_ng_STATUS st = espeak_ng_Initialize(&context.context); st != ENS_OK)
        return fail(1, "espeak-ng cannot start: " + statusText(st));
    if (const espeak_ng_STATUS st =
            espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
        st != ENS_OK)
        return fail(1, "espeak-ng cannot set up its output: " + statusText(st));
    if (const espeak_ng_STATUS st = espeak_ng_SetVoiceByName(voice); st != ENS_OK)
        return fail(st == ENS_VOICE_NOT_FOUND ? 2 : 1,
                    std::string("espeak-ng voice \"") + voice + "\": " + statusText(st));
    // The rest of espeak's parameters keep their defaults: the process is new.
    const struct
    {
        espeak_PARAMETER parameter;
        int value;
    } parameters[] = {{espeakRATE, std::atoi(rateText)}, {espeakPITCH, std::atoi(pitchText)}};
    for (const auto &p : parameters)
        if (const espeak_ng_STATUS st = espeak_ng_SetParameter(p.parameter, p.value, 0);
            st != ENS_OK)
            return fail(1, "espeak-ng refuses parameter " + std::to_string(int(p.parameter)) +
                               " = " + std::to_string(p.value) + ": " + statusText(st));

    File file(std::fopen(output, "wb"));
    if (!file)
        return fail(1, std::string(output) + ": cannot write: " + std::strerror(errno));
    Stream stream;
    stream.file = file.get();
    stream.rate = espeak_ng_GetSampleRate();
    if (stream.rate <= 0)
        return fail(1, "espeak-ng reports no sample rate");
    const std::string placeholder = wavHeader(stream.rate, 0);
    if (std::fwrite(placeholder.data(), 1, placeholder.size(), file.get()) != placeholder.size())
        return fail(1, std::string(output) + ": cannot write: " + std::strerror(errno));

    g_stream = &stream;
    espeak_SetSynthCallback(onSynth);
    const espeak_ng_STATUS st = espeak_ng_Synthesize(
        text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    if (stream.writeFailed)
        return fail(1, std::string(output) + ": cannot write: " + std::strerror(errno));
    if (st != ENS_OK)
        return fail(1, "espeak-ng could not synthesize the text: " + statusText(st));
    stream.finish();
    if (stream.written == 0)
        return fail(2, "the text has nothing espeak-ng can speak");
    const std::string header = wavHeader(stream.rate, stream.written);
    if (stream.writeFailed || std::fseek(file.get(), 0, SEEK_SET) != 0 ||
        std::fwrite(header.data(), 1, header.size(), file.get()) != header.size() ||
        std::fflush(file.get()) != 0)
        return fail(1, std::string(output) + ": cannot write: " + std::strerror(errno));
    if (std::fclose(file.release()) != 0)
        return fail(1, std::string(output) + ": cannot write: " + std::strerror(errno));

    std::printf("rate %d\nsamples %lld\nloud %lld\n", stream.rate, stream.written,
                stream.toOutput(stream.lastLoud));
    for (const Event &e : stream.events) {
        if (e.word)
            std::printf("word %d %lld %lld\n", e.codePoint, stream.toOutput(e.sample),
                        stream.toOutput(e.loud));
        else
            std::printf("event %lld %lld\n", stream.toOutput(e.sample), stream.toOutput(e.loud));
    }
    return std::fflush(stdout) == 0 ? 0 : 1;
}

} // namespace reelsmith::espeakworker
