// Command line.
