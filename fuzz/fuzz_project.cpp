// The project parser: any bytes as a .reel.json, in both strictness modes.
// A BadInput error is the expected answer to garbage; anything else (a crash,
// another exception, undefined behaviour, a leak) is a finding.

#include "FuzzSupport.h"
#include "core/Error.h"
#include "project/Project.h"

using namespace reelsmith;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const auto strictness : {Project::Strictness::Render, Project::Strictness::Draft}) {
        try {
            const Project project = Project::fromJson(json, QStringLiteral("fuzz.reel.json"),
                                                      QStringLiteral("/nonexistent"), strictness);
            // What was accepted must survive the round trip the editor makes.
            (void)project.toJson();
            (void)project.totalDuration();
            (void)project.frameCount();
        } catch (const Error &error) {
            if (error.kind() != ErrorKind::BadInput)
                throw;
        }
    }
    return 0;
}
