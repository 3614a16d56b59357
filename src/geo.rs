//! Map projection and geometry (pure).
