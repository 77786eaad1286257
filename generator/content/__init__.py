"""The content stage: YAML files -> located nodes (load) -> checked plain values (kinds,
schema, validate) -> the typed model (model), with the Markdown rules both check and the
renderers use (markup)."""
