"""Reading files: encodings detected and reported, line endings normalised, junk refused."""

import codecs

import pytest

from migplan.ingest.files import UnreadableFile, decode, read_source

TEXT = "CREATE TABLE café (id INT);\n-- ünïcode\n"


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_unicode_encodings_with_and_without_bom(encoding, bom):
    text, name, problems = decode(bom + TEXT.encode(encoding))
    assert text == TEXT
    assert problems == []
    assert name.replace("-sig", "") == encoding


def test_utf16_without_bom_is_detected_and_reported():
    text, name, problems = decode(TEXT.encode("utf-16-le"))
    assert text == TEXT and name == "utf-16-le"
    assert "no byte-order mark" in problems[0]


def test_legacy_single_byte_fallback_is_reported_with_line():
    data = "SELECT 1;\nINSERT INTO t VALUES ('Caf\xe9');\n".encode("cp1252")
    text, name, problems = decode(data)
    assert "Café" in text
    assert name == "cp1252"
    assert "line 2" in problems[0] and "not valid UTF-8" in problems[0]


def test_line_endings_normalised_and_line_numbers_kept(tmp_path):
    f = tmp_path / "x.sql"
    f.write_bytes(b"a;\r\nb;\rc;\n")
    src = read_source(f)
    assert src.text == "a;\nb;\nc;\n"
    assert src.line_of(src.text.index("c")) == 3


def test_binary_junk_is_refused_with_a_clear_message():
    with pytest.raises(UnreadableFile, match="binary"):
        decode(bytes(range(256)) * 10)


def test_ssms_utf16_file_reads_like_utf8(tmp_path):
    script = "SET ANSI_NULLS ON\r\nGO\r\nCREATE TABLE [dbo].[T] ([Id] [int] NOT NULL)\r\nGO\r\n"
    f = tmp_path / "t.sql"
    f.write_bytes(script.encode("utf-16"))  # little-endian with BOM, as SSMS writes
    import migplan

    inv = migplan.load_schema(f, "sqlserver")
    assert inv.files[0].encoding == "utf-16-le"
    table = inv["dbo.T"]
    assert table.location.line == 3
    assert table.columns[0].name == "Id" and not table.columns[0].nullable
