package org.storytrace.core.text;

/**
 * English function words, kept as token hashes in an open-addressing set so that the hot loops can ask
 * "is this a function word?" with one multiply and a probe. Used to keep runs of function words alone
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
    private static final long[] TABLE;
    private static final int MASK;
    static {
        String[] w = WORDS.trim().split("\\s+");
        int cap = Integer.highestOneBit(w.length * 4) * 2;
        TABLE = new long[cap];
        MASK = cap - 1;
        for (String s : w) {
            long h = Tokens.hashOf(s);
            int i = (int) h & MASK;
            while (TABLE[i] != 0 && TABLE[i] != h) i = (i + 1) & MASK;
            TABLE[i] = h;
        }
    }

    private StopWords() {}

    public static boolean contains(long tokenHash) {
        int i = (int) tokenHash & MASK;
        while (true) {
            long t = TABLE[i];
            if (t == tokenHash) return true;
            if (t == 0) return false;
            i = (i + 1) & MASK;
        }
    }
}
