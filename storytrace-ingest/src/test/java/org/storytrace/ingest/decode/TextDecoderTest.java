package org.storytrace.ingest.decode;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    private final TextDecoder decoder = new TextDecoder();
    private static final String FRENCH = "Le gouvernement a annoncé mercredi une réforme des retraites très contestée. "
            + "Les syndicats ont appelé à une grève générale, et des manifestations étaient prévues dans plusieurs villes du pays. "
            + "« Nous ne céderons pas », a déclaré le Premier ministre devant l’Assemblée nationale.";

    @Test
    void detectsLegacyEncodingsInsteadOfAssumingUtf8() throws Exception {
        var d = decoder.decode(FRENCH.replace("’", "'").getBytes(Charset.forName("windows-1252")));
        assertEquals(FRENCH.replace("’", "'"), d.text());
        assertTrue(d.encoding().matches("(?i)windows-1252|ISO-8859-1|ISO-8859-15"), d.encoding());
    }

    @Test
    void readsUtf8AndByteOrderMarks() throws Exception {
        assertEquals(FRENCH, decoder.decode(FRENCH.getBytes(StandardCharsets.UTF_8)).text());
        byte[] utf16 = ("\uFEFF" + FRENCH).getBytes(StandardCharsets.UTF_16BE);
        assertEquals(FRENCH, decoder.decode(utf16).text());
    }

    @Test
    void refusesBinaryAndEmptyInputWithThePosition() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        var e = assertThrows(TextDecoder.UndecodableException.class, () -> decoder.decode(png));
        assertTrue(e.getMessage().contains("binary"));
        assertEquals(8, e.offset());
        assertThrows(TextDecoder.UndecodableException.class, () -> decoder.decode(new byte[0]));
    }
}
