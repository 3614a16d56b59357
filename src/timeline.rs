//! Timeline layout (pure): placing milestones on a time axis, lanes and label stacking.
