package io.brook.jdbc.meta;

/** The column lists of every DatabaseMetaData result set, as java.sql.DatabaseMetaData documents them. */
final class MetadataShapes {
    private static final String TEXT = " nullable(string)";
    private static final String INT = " nullable(int32)";
    private static final String SHORT = " nullable(int16)";

    static final MetadataShape TABLES = MetadataShape.of("TABLE_CAT" + TEXT, "TABLE_SCHEM" + TEXT,
            "TABLE_NAME string", "TABLE_TYPE string", "REMARKS" + TEXT, "TYPE_CAT" + TEXT, "TYPE_SCHEM" + TEXT,
            "TYPE_NAME" + TEXT, "SELF_REFERENCING_COL_NAME" + TEXT, "REF_GENERATION" + TEXT);

    static final MetadataShape COLUMNS = MetadataShape.of("TABLE_CAT" + TEXT, "TABLE_SCHEM" + TEXT,
            "TABLE_NAME string", "COLUMN_NAME string", "DATA_TYPE int32", "TYPE_NAME string", "COLUMN_SIZE" + INT,
            "BUFFER_LENGTH" + INT, "DECIMAL_DIGITS" + INT, "NUM_PREC_RADIX" + INT, "NULLABLE int32",
            "REMARKS" + TEXT, "COLUMN_DEF" + TEXT, "SQL_DATA_TYPE" + INT, "SQL_DATETIME_SUB" + INT,
            "CHAR_OCTET_LENGTH" + INT, "ORDINAL_POSITION int32", "IS_NULLABLE string", "SCOPE_CATALOG" + TEXT,
            "SCOPE_SCHEMA" + TEXT, "SCOPE_TABLE" + TEXT, "SOURCE_DATA_TYPE" + SHORT, "IS_AUTOINCREMENT string",
            "IS_GENERATEDCOLUMN string");

    static final MetadataShape SCHEMAS = MetadataShape.of("TABLE_SCHEM string", "TABLE_CATALOG" + TEXT);

    static final MetadataShape CATALOGS = MetadataShape.of("TABLE_CAT string");

    static final MetadataShape TABLE_TYPES = MetadataShape.of("TABLE_TYPE string");

    static final MetadataShape TYPE_INFO = MetadataShape.of("TYPE_NAME string", "DATA_TYPE int32",
            "PRECISION" + INT, "LITERAL_PREFIX" + TEXT, "LITERAL_SUFFIX" + TEXT, "CREATE_PARAMS" + TEXT,
            "NULLABLE int16", "CASE_SENSITIVE bool", "SEARCHABLE int16", "UNSIGNED_ATTRIBUTE bool",
            "FIXED_PREC_SCALE bool", "AUTO_INCREMENT bool", "LOCAL_TYPE_NAME" + TEXT, "MINIMUM_SCALE" + SHORT,
            "MAXIMUM_SCALE" + SHORT, "SQL_DATA_TYPE" + INT, "SQL_DATETIME_SUB" + INT, "NUM_PREC_RADIX" + INT);

    static final MetadataShape FUNCTIONS = MetadataShape.of("FUNCTION_CAT" + TEXT, "FUNCTION_SCHEM" + TEXT,
            "FUNCTION_NAME string", "REMARKS" + TEXT, "FUNCTION_TYPE int16", "SPECIFIC_NAME string");

    static final MetadataShape FUNCTION_COLUMNS = MetadataShape.of("FUNCTION_CAT" + TEXT,
            "FUNCTION_SCHEM" + TEXT, "FUNCTION_NAME string", "COLUMN_NAME string", "COLUMN_TYPE int16",
            "DATA_TYPE int32", "TYPE_NAME string", "PRECISION" + INT, "LENGTH" + INT, "SCALE" + SHORT,
            "RADIX" + SHORT, "NULLABLE int16", "REMARKS" + TEXT, "CHAR_OCTET_LENGTH" + INT,
            "ORDINAL_POSITION int32", "IS_NULLABLE string", "SPECIFIC_NAME string");

    static final MetadataShape PROCEDURES = MetadataShape.of("PROCEDURE_CAT" + TEXT, "PROCEDURE_SCHEM" + TEXT,
            "PROCEDURE_NAME string", "RESERVED1" + TEXT, "RESERVED2" + TEXT, "RESERVED3" + TEXT, "REMARKS" + TEXT,
            "PROCEDURE_TYPE int16", "SPECIFIC_NAME string");

    static final MetadataShape PROCEDURE_COLUMNS = MetadataShape.of("PROCEDURE_CAT" + TEXT,
            "PROCEDURE_SCHEM" + TEXT, "PROCEDURE_NAME string", "COLUMN_NAME string", "COLUMN_TYPE int16",
            "DATA_TYPE int32", "TYPE_NAME string", "PRECISION" + INT, "LENGTH" + INT, "SCALE" + SHORT,
            "RADIX" + SHORT, "NULLABLE int16", "REMARKS" + TEXT, "COLUMN_DEF" + TEXT, "SQL_DATA_TYPE" + INT,
            "SQL_DATETIME_SUB" + INT, "CHAR_OCTET_LENGTH" + INT, "ORDINAL_POSITION int32", "IS_NULLABLE string",
            "SPECIFIC_NAME string");

    static final MetadataShape COLUMN_PRIVILEGES = MetadataShape.of("TABLE_CAT" + TEXT, "TABLE_SCHEM" + TEXT,
            "TABLE_NAME string", "COLUMN_NAME string", "GRANTOR" + TEXT, "GRANTEE string", "PRIVILEGE string",
            "IS_GRANTABLE" + TEXT);

    static final MetadataShape TABLE_PRIVILEGES = MetadataShape.of("TABLE_CAT" + TEXT, "TABLE_SCHEM" + TEXT,
            "TABLE_NAME string", "GRANTOR" + TEXT, "GRANTEE string", "PRIVILEGE string", "IS_GRANTABLE" + TEXT);

    /** getBestRowIdentifier and getVersionColumns share these columns. */
    static final MetadataShape ROW_IDENTIFIERS = MetadataShape.of("SCOPE" + SHORT, "COLUMN_NAME string",
            "DATA_TYPE int32", "TYPE_NAME string", "COLUMN_SIZE" + INT, "BUFFER_LENGTH" + INT,
            "DECIMAL_DIGITS" + SHORT, "PSEUDO_COLUMN" + SHORT);

    static final MetadataShape PRIMARY_KEYS = MetadataShape.of("TABLE_CAT" + TEXT, "TABLE_SCHEM" + TEXT,
            "TABLE_NAME string", "COLUMN_NAME string", "KEY_SEQ int16", "PK_NAME" + TEXT);

    /** getImportedKeys, getExportedKeys and getCrossReference share these columns. */
    static final MetadataShape FOREIGN_KEYS = MetadataShape.of("PKTABLE_CAT" + TEXT, "PKTABLE_SCHEM" + TEXT,
            "PKTABLE_NAME string", "PKCOLUMN_NAME string", "FKTABLE_CAT" + TEXT, "FKTABLE_SCHEM" + TEXT,
            "FKTABLE_NAME string", "FKCOLUMN_NAME string", "KEY_SEQ int16", "UPDATE_RULE int16",
            "DELETE_RULE int16", "FK_NAME" + TEXT, "PK_NAME" + TEXT, "DEFERRABILITY int16");

    static final MetadataShape INDEX_INFO = MetadataShape.of("TABLE_CAT" + TEXT, "TABLE_SCHEM" + TEXT,
            "TABLE_NAME string", "NON_UNIQUE bool", "INDEX_QUALIFIER" + TEXT, "INDEX_NAME" + TEXT, "TYPE int16",
            "ORDINAL_POSITION int16", "COLUMN_NAME" + TEXT, "ASC_OR_DESC" + TEXT, "CARDINALITY int64",
            "PAGES int64", "FILTER_CONDITION" + TEXT);

    static final MetadataShape UDTS = MetadataShape.of("TYPE_CAT" + TEXT, "TYPE_SCHEM" + TEXT,
            "TYPE_NAME string", "CLASS_NAME string", "DATA_TYPE int32", "REMARKS" + TEXT, "BASE_TYPE" + SHORT);

    static final MetadataShape SUPER_TYPES = MetadataShape.of("TYPE_CAT" + TEXT, "TYPE_SCHEM" + TEXT,
            "TYPE_NAME string", "SUPERTYPE_CAT" + TEXT, "SUPERTYPE_SCHEM" + TEXT, "SUPERTYPE_NAME string");

    static final MetadataShape SUPER_TABLES = MetadataShape.of("TABLE_CAT" + TEXT, "TABLE_SCHEM" + TEXT,
            "TABLE_NAME string", "SUPERTABLE_NAME string");

    static final MetadataShape ATTRIBUTES = MetadataShape.of("TYPE_CAT" + TEXT, "TYPE_SCHEM" + TEXT,
            "TYPE_NAME string", "ATTR_NAME string", "DATA_TYPE int32", "ATTR_TYPE_NAME string", "ATTR_SIZE" + INT,
            "DECIMAL_DIGITS" + INT, "NUM_PREC_RADIX" + INT, "NULLABLE int32", "REMARKS" + TEXT, "ATTR_DEF" + TEXT,
            "SQL_DATA_TYPE" + INT, "SQL_DATETIME_SUB" + INT, "CHAR_OCTET_LENGTH" + INT, "ORDINAL_POSITION int32",
            "IS_NULLABLE string", "SCOPE_CATALOG" + TEXT, "SCOPE_SCHEMA" + TEXT, "SCOPE_TABLE" + TEXT,
            "SOURCE_DATA_TYPE" + SHORT);

    static final MetadataShape CLIENT_INFO_PROPERTIES = MetadataShape.of("NAME string", "MAX_LEN int32",
            "DEFAULT_VALUE" + TEXT, "DESCRIPTION" + TEXT);

    static final MetadataShape PSEUDO_COLUMNS = MetadataShape.of("TABLE_CAT" + TEXT, "TABLE_SCHEM" + TEXT,
            "TABLE_NAME string", "COLUMN_NAME string", "DATA_TYPE int32", "COLUMN_SIZE" + INT,
            "DECIMAL_DIGITS" + INT, "NUM_PREC_RADIX" + INT, "COLUMN_USAGE string", "REMARKS" + TEXT,
            "CHAR_OCTET_LENGTH" + INT, "IS_NULLABLE string");

    private MetadataShapes() {
    }
}
