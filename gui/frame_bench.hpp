#pragma once
// `zorgsim-gui --bench-frames N --compare K`: the application's own CPU time per frame
// (building the UI, charts and draw lists, and submitting them to OpenGL; excluding the
// buffer swap), median over N frames per view with K scenarios in the comparison; and the
// recompute times when a lever moves (region in the frame, province in the background).

#include "gui/app.hpp"
#include "gui/options.hpp"

namespace zorgsim::gui {

int runFrameBenchmark(App& app, const Options& options);

// One frame of the main loop; returns the main thread's CPU milliseconds up to (excluding)
// the buffer swap.
double runFrame(App& app, const std::optional<InjectedInput>& input,
                std::optional<float> fixedDelta);

}  // namespace zorgsim::gui
