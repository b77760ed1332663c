"""Report stage: notebook displays, HTML/Markdown reports, CSV and JSON files."""
