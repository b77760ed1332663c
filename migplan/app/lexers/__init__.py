"""One lexer per language: strings with that language's quoting, escapes and interpolation, comments
dropped. See ``base.py`` for the token shape."""
