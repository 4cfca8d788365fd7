"""Built-in extractors: pure functions of a segmented document (see :mod:`framelens.extract.registry`)."""
