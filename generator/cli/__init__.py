"""The command line, `handreiking ...` in Dutch: arguments, commands, and exit codes (main)."""
