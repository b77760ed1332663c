"""IBM Db2 (LUW, z/OS), codes UDB (Db2 Universal Database): isolation clauses, SQL PL specifics and
built-ins whose edge behaviour differs."""
