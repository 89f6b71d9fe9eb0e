// The working group's work: import and export, demo data, matching.
