// How the renderers for people (text and md) print tables.
#pragma once

namespace tfm {

struct RenderStyle {
    bool color = false;   // bold headings in text output
    bool titles = true;   // print section titles (text and md)
};

}  // namespace tfm
