package org.storytrace.ingest.decode;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bytes to text, with the encoding detected rather than assumed: a byte-order mark wins; then strict
 * UTF-8 (which almost never decodes text in another encoding); then a declared {@code charset} in an HTML
 * or XML head; then ICU's statistical detector. Binary data is recognised and refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextDecoder {
    /** Decoded text and the encoding used. */
    public record Decoded(String text, String encoding) {}

    /** Why bytes could not be decoded, with the byte offset where that was seen (or -1). */
    public static final class UndecodableException extends Exception {
        private final long offset;
        public UndecodableException(String message, long offset) { super(message); this.offset = offset; }
        public long offset() { return offset; }
    }

    public Decoded decode(byte[] bytes) throws UndecodableException {
        if (bytes.length == 0) throw new UndecodableException("the file is empty", -1);
        int bin = binaryOffset(bytes);
        if (bin >= 0) throw new UndecodableException("binary data, not text (control byte 0x" + Integer.toHexString(bytes[bin] & 0xff)
                + ")", bin);
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) return strict(bytes, 2, StandardCharsets.UTF_16BE);
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) return strict(bytes, 2, StandardCharsets.UTF_16LE);
        try {
            return strict(bytes, 0, StandardCharsets.UTF_8);
        } catch (UndecodableException notUtf8) {
            Optional<Charset> declared = declaredCharset(bytes);
            if (declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
                try { return strict(bytes, 0, declared.get()); } catch (UndecodableException ignored) { /* fall through */ }
            }
            CharsetDetector detector = new CharsetDetector();
            detector.setText(bytes);
            CharsetMatch[] matches = detector.detectAll();
            for (CharsetMatch m : matches) {
                if (m.getConfidence() < 10) break;
                try {
                    Charset cs = Charset.forName(m.getName());
                    if (cs.equals(StandardCharsets.UTF_8)) continue;
                    return strict(bytes, 0, cs);
                } catch (UndecodableException | IllegalArgumentException ignored) {
                    // try the next guess
                }
            }
            throw new UndecodableException("not decodable: invalid UTF-8 " + notUtf8.getMessage() + ", and no other encoding fits",
                    notUtf8.offset());
        }
    }

    private static Decoded strict(byte[] bytes, int from, Charset cs) throws UndecodableException {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, (long) (bytes.length - from) * 2 + 16));
        var result = dec.decode(in, out, true);
        if (result.isError()) {
            throw new UndecodableException("at byte " + in.position(), in.position());
        }
        result = dec.flush(out);
        if (result.isError()) throw new UndecodableException("at the end of the input", bytes.length);
        out.flip();
        return new Decoded(out.toString(), cs.name());
    }

    /** Offset of the first NUL or a density of control bytes typical of binary files, or -1. */
    static int binaryOffset(byte[] b) {
        int n = Math.min(b.length, 8192);
        int control = 0;
        int first = -1;
        boolean utf16 = n >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE);
        if (utf16) return -1;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) return i;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) {
                control++;
                if (first < 0) first = i;
            }
        }
        return control * 100 > n ? first : -1;
    }

    private static Optional<Charset> declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        var m = Pattern.compile("(?:charset|encoding)\\s*=\\s*[\"']?([a-z0-9_\\-:.]+)").matcher(head);
        if (!m.find()) return Optional.empty();
        try { return Optional.of(Charset.forName(m.group(1))); } catch (IllegalArgumentException e) { return Optional.empty(); }
    }
}
