// The background reader: open any bytes as the background video, then ask
// for a few frames (in order, a jump back, past the end so it loops) in both
// placements, at a small output size.

#include "FuzzSupport.h"
#include "core/Error.h"
#include "media/BackgroundReader.h"

using namespace reelsmith;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::writeInput(data, size);
    const QSize output(32, 56);
    for (const Fit fit : {Fit::Cover, Fit::Contain}) {
        try {
            BackgroundReader reader(path, output, 1, fit);
            av::Frame frame =
                av::allocVideoFrame(output.width(), output.height(), AV_PIX_FMT_YUV420P);
            for (const double seconds : {0.0, 0.1, 0.2, 0.05, 30.0})
                reader.frameAt(seconds, frame.get());
        } catch (const Error &) {
        }
    }
    return 0;
}
