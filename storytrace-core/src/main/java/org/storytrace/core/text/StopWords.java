package org.storytrace.core.text;

import org.storytrace.core.index.LongSet;

/**
 * English function words, kept as token hashes in a {@link LongSet} so that the hot loops can ask "is this a
 * function word?" with one multiply and a probe. Used to keep runs of function words alone
 * ("of the", "in the city of") from counting as evidence of reuse or of a shared subject.
 */
public final class StopWords {
    private static final String WORDS = "a about above after again against all also am an and any are as at be because been before being "
            + "below between both but by can could did do does doing down during each few for from further had has have having he "
            + "her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of "
            + "off on once only or other our ours ourselves out over own same she should so some such than that the their theirs "
            + "them themselves then there these they this those through to too under until up very was we were what when where "
            + "which while who whom why will with would you your yours yourself yourselves said says say one two new s t "
            + "mr mrs ms its may might must shall us been upon via per among within without however since though although "
            + "whether yet still even much many well back like just";
    private static final LongSet TABLE;
    static {
        String[] w = WORDS.trim().split("\\s+");
        long[] hashes = new long[w.length];
        for (int i = 0; i < w.length; i++) hashes[i] = Tokens.hashOf(w[i]);
        TABLE = LongSet.of(hashes);
    }

    private StopWords() {}

    public static boolean contains(long tokenHash) { return TABLE.contains(tokenHash); }
}
