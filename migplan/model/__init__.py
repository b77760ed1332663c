"""The data model at the bottom of the pipeline: what a schema is made of (``schema``), the
statements scripts are cut into (``statement``), what conversion produces (``conversion``) and
action items (``items``). Every stage above uses these types; this package imports nothing of ours."""
