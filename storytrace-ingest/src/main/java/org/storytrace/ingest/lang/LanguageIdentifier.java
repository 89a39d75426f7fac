package org.storytrace.ingest.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a text as an ISO 639-3 code, by Apache OpenNLP's language detector (103 languages;
 * the model ships in {@code opennlp-models-langdetect}). Texts under 40 characters are too short to tell.
 * The model is loaded once per process; detection is thread-safe.
 */
public final class LanguageIdentifier {
    private static volatile LanguageDetectorModel model;

    private static LanguageDetectorModel model() {
        LanguageDetectorModel m = model;
        if (m == null) {
            synchronized (LanguageIdentifier.class) {
                if (model == null) {
                    try (InputStream in = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
                        if (in == null) throw new IllegalStateException("the OpenNLP language model (langdetect-183.bin) is not "
                                + "on the class path");
                        model = new LanguageDetectorModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                m = model;
            }
        }
        return m;
    }

    /** ISO 639-3 code ({@code eng}, {@code fra}, ...), or null when the text is too short or no language is likely. */
    public String identify(CharSequence text) {
        String t = text.length() > 3000 ? text.subSequence(0, 3000).toString() : text.toString();
        if (t.strip().length() < 40) return null;
        Language best = new LanguageDetectorME(model()).predictLanguage(t);
        return best == null || best.getConfidence() < 0.05 ? null : best.getLang();
    }
}
