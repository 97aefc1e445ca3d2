#pragma once

#include "core/Error.h"

#include <QString>

namespace reelsmith {

// Runs `step`, prefixing any Error it throws with `key` ("scenes[2].voice_file:
// ..."), so a message names the project key it came from. Cancellation passes
// through as it is; an empty key adds nothing.
template <typename Step> decltype(auto) withKey(const QString &key, Step &&step)
{
    try {
        return step();
    } catch (const Error &e) {
        if (e.kind() == ErrorKind::Cancelled || key.isEmpty())
            throw;
        throw Error(e.kind(), key + QStringLiteral(": ") + e.message());
    }
}

} // namespace reelsmith
