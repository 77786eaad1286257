"""The command line: `handreiking ...`, argument parsing and exit codes only (main)."""
