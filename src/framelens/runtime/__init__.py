"""runtime: see the modules of this package."""
