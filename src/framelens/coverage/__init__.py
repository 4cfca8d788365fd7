"""coverage: see the modules of this package."""
