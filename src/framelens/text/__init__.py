"""text: see the modules of this package."""
