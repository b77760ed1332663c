"""Plan stage: the dependency graph, DMS phases, load waves, CDC readiness and DMS artifacts."""
