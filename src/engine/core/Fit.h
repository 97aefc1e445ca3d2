#pragma once

namespace reelsmith {

// How a picture or video is placed in a box of another aspect ratio.
enum class Fit {
    Contain, // the whole source inside the box, aspect kept (bars where it does not reach)
    Cover,   // the box filled, aspect kept, the overflow cropped from the centre
};

} // namespace reelsmith
