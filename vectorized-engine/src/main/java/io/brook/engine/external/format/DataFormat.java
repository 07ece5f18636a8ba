package io.brook.engine.external.format;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.util.Locale;

/** The {@code data_format} values a kafka stream reads and writes. */
public enum DataFormat {
    JSON_EACH_ROW("JSONEachRow"),
    CSV("CSV"),
    TSV("TSV"),
    RAW_BLOB("RawBLOB");

    private final String settingValue;

    DataFormat(String settingValue) {
        this.settingValue = settingValue;
    }

    public String settingValue() {
        return settingValue;
    }

    /** Case-insensitive; {@code TabSeparated} is accepted for TSV as ClickHouse names it. */
    public static DataFormat parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (DataFormat format : values()) {
            if (format.settingValue.toLowerCase(Locale.ROOT).equals(wanted)) {
                return format;
            }
        }
        if (wanted.equals("tabseparated")) {
            return TSV;
        }
        throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Invalid value '" + value
                + "' for setting `data_format`: expected JSONEachRow, CSV, TSV or RawBLOB");
    }
}
