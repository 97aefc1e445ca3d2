// The picture loader: header probe, then decodes at a small display size in
// both placements and at the output size, for every format it reads (JPEG through TurboJPEG, WebP
// through libwebp, PNG, BMP, GIF... through Qt's readers).

#include "FuzzSupport.h"
#include "core/Error.h"
#include "media/ImageLoader.h"

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
        (void)ImageLoader::probe(path);
    } catch (const Error &) {
        return 0; // refused up front: the loader is not asked
    }
    // A thumbnail-sized box in both placements, and a `fill` scene at the
    // default output size: extreme aspect ratios only blow up at real sizes.
    const struct
    {
        QSize box;
        Fit fit;
    } loads[] = {
        {QSize(64, 96), Fit::Contain}, {QSize(64, 96), Fit::Cover}, {QSize(720, 1280), Fit::Cover}};
    for (const auto &load : loads) {
        try {
            (void)ImageLoader::load(path, load.box, load.fit);
        } catch (const Error &) {
        }
    }
    return 0;
}
