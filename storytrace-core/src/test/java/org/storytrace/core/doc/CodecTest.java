package org.storytrace.core.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** What the layers' codecs share: stored dates read back as they were written. */
class CodecTest {
    @Test
    void datesComeBackAsLocalDateWroteThem() {
        for (LocalDate d : new LocalDate[] {LocalDate.of(2020, 8, 23), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
                LocalDate.of(2024, 2, 29), LocalDate.of(-44, 3, 15), LocalDate.of(12020, 1, 1)}) {
            assertEquals(d, Codec.date(d.toString()), d.toString());
        }
        // what LocalDate.parse refuses is refused the same way
        assertThrows(DateTimeException.class, () -> Codec.date("2021-02-29"));
        assertThrows(DateTimeException.class, () -> Codec.date("2021-13-01"));
        assertThrows(DateTimeParseException.class, () -> Codec.date("2021-1x-01"));
    }
}
