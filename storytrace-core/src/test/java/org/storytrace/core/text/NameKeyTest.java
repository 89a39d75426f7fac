package org.storytrace.core.text;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class NameKeyTest {
    @Test
    void transliterationsOfOneNameMeet() {
        assertEquals(NameKey.of("Kadhimi"), NameKey.of("Kazemi"));
        assertEquals(NameKey.of("Yacoub"), NameKey.of("Yaqoub"));
        assertEquals(NameKey.of("Yaqub"), NameKey.of("Yacoub"));
        assertEquals(NameKey.of("Keyhan"), NameKey.of("Kayhan"));
        assertEquals(NameKey.of("Maliki"), NameKey.of("Maleki"));
        assertEquals(NameKey.of("Mohammed"), NameKey.of("Muhammad"));
    }

    @Test
    void differentNamesStayApart() {
        assertNotEquals(NameKey.of("Iran"), NameKey.of("Iraq"));
        assertNotEquals(NameKey.of("Khamenei"), NameKey.of("Soleimani"));
        assertNotEquals(NameKey.of("Nasiriyah"), NameKey.of("Basra"));
        assertNotEquals(NameKey.of("Masjedi"), NameKey.of("Maliki"));
    }
}
