from migplan.analyze.actions.base import Rule


class InputFileProblem(Rule):
    """An input file was skipped as unreadable, or read with a guessed legacy encoding.

    What it detects:
        A file (or a file pulled in by an include) that migplan could not read as a SQL script: binary
        data (control characters, NUL bytes among them), a byte-order mark that does not match the
        content, or a file the system refused to open; such a file is skipped. Also a file that is not
        valid UTF-8 and was decoded with a legacy single-byte fallback (cp1252 or latin-1), a UTF-16
        file without a byte-order mark whose encoding was guessed, and a text file with a stray NUL
        byte (read as a space). The item points at the line when there is one (the first bad byte,
        each NUL), else at the file (line 1).

    Why it matters:
        A skipped file means every object it creates is missing from the inventory, the conversion and
        the plan, without any other item to say so. A guessed encoding can turn accented letters in
        names, comments, defaults and CHECK lists into the wrong characters on the target.

    Example:
        -- schema.sql exported by a client in Windows-1252 (é written as byte 0xE9)
        COMMENT ON TABLE customers IS 'Clients privilégiés';

    Typical rewrite:
        Remove non-script files from the input folder; re-export the scripts as UTF-8 (or convert
        them with iconv -f WINDOWS-1252 -t UTF-8) and run the assessment again.

    Effort:
        Simple: fix the export once for the whole file.

    References:
        No SCT action code;
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_AssessmentReport.html
        (an assessment is only as complete as the objects it
        reads).
    """

    code = "PRS003"
    name = "input-file-problem"
    category = "input"
    severity = "high"
    effort = "simple"
    raised_by = "input"
