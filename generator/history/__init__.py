"""The history stage: published editions (snapshots), what changed between versions (diff),
and the checks only the editions can make (checks)."""
