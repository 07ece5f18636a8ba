package io.brook.storage;

import io.brook.storage.log.ChronicleStreamLog;
import io.brook.storage.log.LogSettings;
import io.brook.storage.log.StreamLog;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Child-JVM main for {@link ChronicleSettingsTest}: opens a log and reports the telemetry switches. */
public final class TelemetryProbe {
    private TelemetryProbe() {
    }

    public static void main(String[] arguments) {
        System.out.println("before analytics=" + System.getProperty(ChronicleSettings.ANALYTICS_PROPERTY));
        Schema schema = new Schema(List.of(new Field("x", FieldType.nullable(new ArrowType.Int(64, true)), null)));
        try (StreamLog log = ChronicleStreamLog.create(Path.of(arguments[0]), schema, LogSettings.DEFAULT)) {
            System.out.println("nextSn=" + log.nextSn());
        }
        System.out.println("analytics=" + System.getProperty(ChronicleSettings.ANALYTICS_PROPERTY));
        System.out.println("announcer=" + System.getProperty(ChronicleSettings.ANNOUNCER_PROPERTY));
    }
}
