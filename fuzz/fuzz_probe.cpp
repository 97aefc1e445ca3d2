// The media probe (`reelsmith-cli probe`): FFmpeg's content probe, stream
// facts, pictures through ImageLoader::probe, and the JSON it prints.

#include "FuzzSupport.h"
#include "core/Error.h"
#include "media/MediaProbe.h"

#include <QJsonDocument>

using namespace reelsmith;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::writeInput(data, size);
    try {
        (void)QJsonDocument(probeMedia(path).toJson()).toJson();
    } catch (const Error &) {
    }
    return 0;
}
