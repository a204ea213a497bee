"""Private helpers of :mod:`detente.store`: schema, backends, row builders."""
