//! Chart building (pure): figures to chart data and SVG with plotters.
