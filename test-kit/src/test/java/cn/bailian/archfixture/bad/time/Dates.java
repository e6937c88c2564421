package cn.bailian.archfixture.bad.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Fixture: "today" from the JVM's zone. */
public class Dates {
    public LocalDate today() {
        return LocalDate.now();
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
