package io.brook.engine.error;

/**
 * Timeplus-compatible error codes (SPEC 2). Each code carries the SQLState class a JDBC user
 * sees: 42xxx for syntax or unknown objects, 22xxx for bad data, 57014 for cancellation.
 */
public enum ErrorCode {
    BAD_ARGUMENTS(36, "22023"),
    UNKNOWN_IDENTIFIER(47, "42703"),
    NOT_IMPLEMENTED(48, "0A000"),
    UNKNOWN_STREAM(60, "42P01"),
    SYNTAX_ERROR(62, "42601"),
    STREAM_ALREADY_EXISTS(57, "42P07"),
    TYPE_MISMATCH(53, "42804"),
    ILLEGAL_TYPE_OF_ARGUMENT(43, "42804"),
    UNKNOWN_FUNCTION(46, "42883"),
    NUMBER_OF_ARGUMENTS_DOESNT_MATCH(42, "42883"),
    UNKNOWN_TYPE(50, "42704"),
    CANNOT_PARSE_TEXT(6, "22P02"),
    CANNOT_CONVERT_TYPE(70, "22018"),
    ILLEGAL_COLUMN(44, "42703"),
    NO_SUCH_COLUMN_IN_TABLE(16, "42703"),
    DUPLICATE_COLUMN(15, "42701"),
    ILLEGAL_DIVISION(153, "22012"),
    NO_COMMON_TYPE(386, "42804"),
    ARGUMENT_OUT_OF_BOUND(69, "22003"),
    VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE(321, "22003"),
    TOO_LARGE_STRING_SIZE(131, "22001"),
    NOT_AN_AGGREGATE(215, "42803"),
    ILLEGAL_AGGREGATION(184, "42803"),
    UNKNOWN_SETTING(115, "42704"),
    QUERY_WAS_CANCELLED(394, "57014"),
    TIMEOUT_EXCEEDED(159, "57014"),
    MEMORY_LIMIT_EXCEEDED(241, "53200"),
    INVALID_SETTING_VALUE(471, "22023"),
    UNKNOWN_DATABASE(81, "3F000"),
    CANNOT_OPEN_FILE(76, "58030"),
    LOGICAL_ERROR(49, "HY000"),
    /** A remote server (another Brook, a broker) could not be reached or broke the connection. */
    NETWORK_ERROR(210, "08006"),
    /** A remote server refused the user name and password given for it. */
    AUTHENTICATION_FAILED(516, "28000"),
    UNSUPPORTED_METHOD(1, "0A000"),
    FUNCTION_ALREADY_EXISTS(609, "42723"),
    CANNOT_DROP_FUNCTION(610, "42809"),
    /** Brook's own code: user Python code raised (SQLState class 38, external routine exception). */
    PYTHON_ERROR(2800, "38000");

    private final int number;
    private final String sqlState;

    ErrorCode(int number, String sqlState) {
        this.number = number;
        this.sqlState = sqlState;
    }

    /** The Timeplus numeric code, returned by {@code SQLException.getErrorCode()}. */
    public int number() {
        return number;
    }

    public String sqlState() {
        return sqlState;
    }

    /** The name shown at the end of a message, e.g. {@code (UNKNOWN_STREAM)}. */
    public String displayName() {
        return name();
    }
}
