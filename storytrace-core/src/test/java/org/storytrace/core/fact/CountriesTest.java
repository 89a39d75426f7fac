package org.storytrace.core.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CountriesTest {
    @Test
    void everyCountryHasItsRegularAdjectiveAndTheListedOnesWin() {
        assertEquals("Tanzania", Countries.byAdjective("Tanzanian"));
        assertEquals("Eritrea", Countries.byAdjective("Eritrean"));
        assertEquals("Mali", Countries.byAdjective("Malian"));
        assertEquals("Chad", Countries.byAdjective("Chadian"));
        assertEquals("Sudan", Countries.byAdjective("Sudanese"));
        assertEquals("Malta", Countries.byAdjective("Maltese"));
        assertEquals("Mexico", Countries.byAdjective("Mexican"));
        // Niger and Nigeria would both make "Nigerian": the listed one decides
        assertEquals("Nigeria", Countries.byAdjective("Nigerian"));
        assertEquals("Dominican Republic", Countries.byAdjective("Dominican"));
        assertNull(Countries.byAdjective("tanzanian"), "an adjective of a people is capitalised");
        assertNull(Countries.byAdjective("Western"));
    }
}
