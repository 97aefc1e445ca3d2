// The picture loader: header probe, then a decode at a small display size in
// both placements, for every format it reads (JPEG through TurboJPEG, WebP
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
    for (const Fit fit : {Fit::Contain, Fit::Cover}) {
        try {
            (void)ImageLoader::load(path, QSize(64, 96), fit);
        } catch (const Error &) {
        }
    }
    return 0;
}
