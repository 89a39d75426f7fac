package org.storytrace.core.time;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time expressions found and resolved against a publication date, on sentences as news writes them. */
class TimeTaggerTest {
    private static List<Timex> tag(String text, String published) {
        return TimeTagger.tag(text, 0, text.length(), published == null ? null : LocalDate.parse(published), "published");
    }

    private static Timex only(String text, String published) {
        List<Timex> t = tag(text, published);
        assertEquals(1, t.size(), () -> "one expression in '" + text + "', got " + t);
        return t.get(0);
    }

    @Test
    void lastOrNextBeforeAMonthAndDayPointsToTheLastOrNextSuchDay() {
        Timex oct = only("He was shot to death last Oct. 23 at his home.", "1999-04-19");
        assertEquals("last Oct. 23", oct.text(), "the day is part of the expression, not left out of 'last Oct.'");
        assertEquals("1998-10-23", oct.value());
        assertEquals("1999-03-05", only("The vote was held last March 5 in the capital.", "1999-04-19").value());
        assertEquals("2000-01-04", only("The court sits again next Jan. 4.", "1999-04-19").value());
        assertEquals("1999-05-02", only("The court sits again next May 2.", "1999-04-19").value());
        assertEquals("1998-10", only("He left last October.", "1999-04-19").value(), "a month alone is unchanged");
        assertEquals("1998-10-30", only("It closed last Oct. 30.", "1999-10-29").value(), "a day after the anchor's is last year's");
    }

    @Test
    void twoWeekdaysWrittenLatestFirstAreTheDayAndTheDayBefore() {
        Timex t = only("Following are statements made Friday and Thursday by the lawyer.", "1998-02-06");
        assertEquals("1998-02-06", t.value(), "Friday is the article's own day");
        assertEquals(List.of("1998-02-06", "1998-02-05"), t.values());
        assertEquals(List.of("2020-08-22", "2020-08-23"), only("Protests continued on Saturday and Sunday.", "2020-08-24").values());
        assertEquals(List.of("2020-08-21", "2020-08-22", "2020-08-23"), only("The fair ran Friday through Sunday.", "2020-08-24").values());
    }

    @Test
    void aTimeOfDayTakesTheDateOfTheDayThatFollowsItPastABracketedZone() {
        List<Timex> t = tag("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", "1998-08-08");
        assertEquals(List.of("10:35 a.m.", "0735 GMT", "Friday"), t.stream().map(Timex::text).toList());
        assertEquals(List.of("1998-08-07T10:35", "1998-08-07T07:35", "1998-08-07"), t.stream().map(Timex::value).toList());
        List<Timex> apart = tag("The minister spoke at 10 a.m. and the talks that ended on Friday went well.", "1998-08-08");
        assertEquals("1998-08-08T10:00", apart.get(0).value(), "words between: the day is not the time's");
    }

    @Test
    void aWeekdayIsTheLastSuchDayBeforeTheArticleUnlessItsVerbLooksAhead() {
        Timex sunday = only("Mustafa Al-Kadhimi visited Basra on Sunday following his return from Washington.", "2020-08-24");
        assertEquals("Sunday", sunday.text());
        assertEquals("2020-08-23", sunday.value());
        assertEquals("published", sunday.anchor());
        assertEquals("2020-08-21", only("The ministry said Friday it would appeal.", "2020-08-24").value());
        assertEquals("2020-08-28", only("The delegation will arrive in Baghdad on Friday.", "2020-08-24").value());
        assertEquals("2020-08-17", only("He met the family last Monday.", "2020-08-24").value());
        assertEquals("2020-08-31", only("The talks resume next Monday.", "2020-08-24").value());
        // a passive ahead, a schedule, "coming"; not a cause, nor "to be" before a place
        assertEquals("2005-11-21", only("Kofi Annan told the BBC in an interview to be broadcast Monday.", "2005-11-20").value());
        assertEquals("2005-11-26", only("Leaders arrived for a landmark summit due to open Saturday.", "2005-11-20").value());
        assertEquals("2005-11-19", only("The match was delayed due to rain on Saturday.", "2005-11-20").value());
        // a postponement points to the day it moves to (TempEval-3 NYT20000330.0406: "postponed until Tuesday morning")
        assertEquals("2000-04-04", only("Immigration officials postponed until Tuesday any action on the boy's parole.", "2000-03-30")
                .value());
        assertEquals("2005-11-21", only("The hearing was adjourned till Monday.", "2005-11-20").value());
        // a clock time with its weekday: the day read as the weekday alone is (it was read by the sentence's tense alone)
        for (String[] c : new String[][] {
                {"The court will rule on the appeal at 9 a.m. Tuesday in Atlanta.", "Tuesday", "2000-04-04"},
                {"The father said he would leave at 4 a.m. Thursday with his wife.", "Thursday", "2000-04-06"},
                {"The boy was seen at 10 p.m. Friday near the house.", "Friday", "2000-03-31"}}) {
            List<Timex> withClock = tag(c[0], "2000-04-03");
            assertEquals(c[2] + withClock.get(0).value().substring(10), withClock.get(0).value(), c[0]);
            assertEquals(c[2], only(c[0].replaceFirst("(by |at )?\\d+ [ap]\\.m\\. ", "$1"), "2000-04-03").value(), c[0]);
        }
        // a plan under way, told in the past; the future of a past report, its "would" eight words before the day
        assertEquals("2000-01-10", only("Protesters held a rally and were planning to drive around Miami International Airport on "
                + "Monday.", "2000-01-07").value());
        assertEquals("2000-04-06", only("A lawyer announced in Washington that the father would be traveling to the United States "
                + "Thursday with his wife.", "2000-04-05").value());
        assertEquals("2000-03-30", only("A lawyer said in Washington that the father had been traveling through the United States "
                + "Thursday with his wife.", "2000-04-05").value());
        assertEquals("2005-11-18", only("The hearing was adjourned on Friday.", "2005-11-20").value());
        assertEquals("2005-11-18", only("The president said he was happy to be home on Friday.", "2005-11-20").value());
        // a plan's participle right before the day ("scheduled on", "planned for") points ahead
        assertEquals("2005-11-25", only("Leaders will attend the meeting scheduled on Friday in Busan.", "2005-11-20").value());
        assertEquals("2005-11-21", only("Talks planned for Monday were called off.", "2005-11-20").value());
        // a future verb earlier in the clause, however far; not across a comma, nor over a past verb before the day
        assertEquals("2005-11-21", only("After the campaign in favour and against, 11.6 million Kenyans will finally vote in the "
                + "referendum on Monday.", "2005-11-20").value());
        assertEquals("2005-11-18", only("Officials who will attend the talks met on Friday.", "2005-11-20").value());
        assertEquals("2007-01-01", tag("Russia is threatening to switch off gas supplies to Belarus at 10:00 am (0700 GMT) Monday, "
                + "if it fails to pay.", "2006-12-29").stream().filter(x -> x.text().equals("Monday")).findFirst().orElseThrow().value());
    }

    @Test
    void coordinatedDaysKeepEveryDay() {
        Timex t = only("protesters stormed sites in the city of Nasiriyah on Saturday and Sunday, August 22 and 23.", "2020-08-24");
        assertEquals("Saturday and Sunday, August 22 and 23", t.text());
        assertEquals(List.of("2020-08-22", "2020-08-23"), t.values());
        assertNull(t.note(), "22 and 23 August 2020 are a Saturday and a Sunday");
        assertEquals(List.of("2020-08-22", "2020-08-23"), only("Locals on Saturday and Sunday attacked several buildings.", "2020-08-24")
                .values());
    }

    @Test
    void aBareMonthIsTheNearestPastOneUnlessTheSentenceLooksAhead() {
        // HeidelTime and SUTime read "January" forward: 2012-01
        assertEquals("2011-01", only("The company posted a loss in January.", "2011-10-03").value());
        assertEquals("2012-01", only("The company will report its results in January.", "2011-10-03").value());
        assertEquals("2019-10", only("Last October the uprising began.", "2020-10-28").value());
        assertEquals("2020-11", only("The vote is in November.", "2020-10-28").value(), "a month just ahead is read forward");
        assertEquals("1989-09", only("In September, it announced plans to acquire the maker of tropical drinks.", "1989-10-30").value(),
                "plans announced are not a future tense");
    }

    @Test
    void sinceLooksBackWhateverElseTheSentenceSays() {
        // "scheduled" puts the sentence ahead, but "since March" lies behind the article (TimeBank WSJ900813-0157)
        assertEquals("1990-03", tag("The carrier has been on patrol since March and was scheduled to return in the fall.", "1990-08-13")
                .get(0).value());
        assertEquals("2019-02-02", only("Protesters have camped in the square since Feb. 2.", "2020-01-10").value());
        // holders "of record" date a payment ahead; a "record high" does not (TimeBank NYT19980206.0460)
        assertEquals("1997-08-06", only("The index closed within 70 points of its record high set on Aug. 6.", "1998-02-06").value());
    }

    @Test
    void yearsSaidInWordsAreYears() {
        // broadcast transcripts write years as they are spoken (TimeBank PRI19980115.2000.0186, CNN19980227.2130.0067)
        Timex t = only("In nineteen ninety-one Charles Keating was convicted in state court.", "1998-01-15");
        assertEquals("nineteen ninety-one", t.text());
        assertEquals("1991", t.value());
        Timex m = only("January nineteen ninety-seven. Atlanta again.", "1998-02-27");
        assertEquals("January nineteen ninety-seven", m.text());
        assertEquals("1997-01", m.value());
        assertEquals("2000", only("His promise to halve unemployment by the year two thousand has been abandoned.", "1998-02-05").value());
        assertTrue(tag("Nineteen soldiers and two thousand civilians were evacuated.", "1998-02-05").isEmpty(), "counts are not years");
    }

    @Test
    void theYearOfAReportIsItsOwnYearAndAYearEndedOnADateIsASpan() {
        Timex full = only("Sales for the full year were $6.6 billion, up 13%.", "1989-11-02");
        assertEquals("the full year", full.text());
        assertEquals("1989", full.value());
        List<Timex> ended = tag("For the year ended Sept. 30, Ralston earned $422.5 million.", "1989-11-02");
        assertEquals("the year", ended.get(0).text());
        assertEquals(TimexType.DURATION, ended.get(0).type());
        assertEquals("P1Y", ended.get(0).value());
        assertTrue(tag("The year before, the plant had closed.", "1989-11-02").isEmpty(), "a year other than the report's");
        assertEquals("1989", only("It will cut employment by at least 6,000 people by year end.", "1989-10-26").value(),
                "year end as year-end");
        assertTrue(tag("She was named player of the Year award winner.", "1989-11-02").isEmpty());
    }

    @Test
    void aYearBeforeTheEventItDatesIsAYear() {
        assertEquals("1996", only("A 1996 law named for him tightened the embargo.", "2000-01-07").value());
        assertEquals("1996", only("He lost his unsuccessful 1996 campaign for re-election.", "1998-02-13").value());
        assertTrue(tag("The unit employs 1996 workers.", "1998-02-13").isEmpty(), "a count");
    }

    @Test
    void aClockTimeOnADayOfTheMonthTakesThatDay() {
        Timex t = only("The offer expires at 5 p.m. EST Nov. 9, the company said.", "1989-11-02");
        assertEquals("5 p.m. EST Nov. 9", t.text());
        assertEquals("1989-11-09T17:00", t.value());
    }

    @Test
    void aYearAgoComparisonIsOfTheQuarterReportedNotOfOneForecast() {
        List<Timex> t = tag("Bethlehem posted third-quarter earnings of $46.9 million. Analysts expect losses through the third quarter "
                + "of 1990. In the year-ago period, Bethlehem earned $101.4 million.", "1989-10-26");
        Timex ago = t.stream().filter(x -> x.text().equals("the year-ago period")).findFirst().orElseThrow();
        assertEquals("1988-Q3", ago.value(), t.toString());
    }

    @Test
    void aNewspaperCalledADailyIsNotARate() {
        assertTrue(tag("The state-run Keyhan daily, known as the mouthpiece of the Supreme Leader, wrote:", "2020-08-24").isEmpty());
        assertTrue(tag("It was on the front page of the Communist Party daily Granma.", "2000-02-16").isEmpty());
        Timex rate = only("Qantas plans daily flights between Sydney and Bombay.", "1998-02-13");
        assertEquals(TimexType.SET, rate.type());
        assertEquals("P1D", rate.value());
    }

    @Test
    void currentBeforeANounIsThePresent() {
        assertEquals("PRESENT_REF", only("Wall Street's plunge helped spark the current weakness in London.", "1989-10-30").value());
        assertTrue(tag("The current account deficit widened.", "1989-10-30").isEmpty(), "economics, not time");
    }

    @Test
    void aDecadeInWordsAfterTheIsADecadeAndAfterAPossessiveAnAge() {
        assertEquals("199", only("Hate group numbers were dropping through the nineties.", "1998-03-03").value());
        assertEquals("196", only("It was written in the late sixties.", "1998-03-03").value());
        assertTrue(tag("The senator, in his sixties, retired.", "1998-03-03").isEmpty(), "an age");
    }

    @Test
    void electionDayIsTheTuesdayAfterTheFirstMondayOfNovember() {
        assertEquals("1998-11-03", only("It will be a major theme of our campaign until Election Day.", "1998-10-26").value());
        assertEquals("2020-11-03", only("Voters lined up on Election Day 2020 in Atlanta.", "2021-01-10").value());
    }

    @Test
    void aFractionOfAUnitIsWrittenInTheUnitBelow() {
        assertEquals("P2Y6M", only("They lived in refugee camps for 2 1/2 years.", "1998-02-27").value());
        assertEquals("PT5H30M", only("She spends 5 1/2 hours in Nairobi.", "1998-08-17").value());
        assertEquals("PT1M30S", only("But a minute and a half later, a pilot called.", "1998-01-14").value());
        assertEquals("P1Y6M", only("The work took one and a half years.", "1998-01-14").value());
    }

    @Test
    void aDayOfTheMonthWithoutAYearTakesTheYearThatPutsItNearTheArticle() {
        assertEquals("2020-08-19", only("The Iran-backed terrorists on August 19 assassinated Dr. Reham Yacoub.", "2020-08-24").value());
        assertEquals("1998-10-23", only("The shooting on Oct. 23 shocked the town.", "1999-05-06").value());
        assertEquals("1990-02-01", only("Mr. Smith will succeed Mr. Davison Feb. 1.", "1989-10-26").value());
    }

    @Test
    void aWeekdayThatDoesNotFitItsDateIsKeptAndFlagged() {
        Timex t = only("Iraqi Prime Minister Mustafa Kazemi went to Basra on Sunday, 23 September, hours after returning.", "2020-08-24");
        assertEquals("Sunday, 23 September", t.text());
        assertEquals("2020-09-23", t.value());
        assertNotNull(t.note());
        assertTrue(t.note().contains("Wednesday"), t.note());
    }

    @Test
    void invalidDatesAreNotDates() {
        assertTrue(tag("The deadline was February 30, 2020.", "2020-03-01").stream().noneMatch(t -> "2020-02-30".equals(t.value())));
        assertTrue(tag("It happened on 31 April.", "2020-05-05").stream().noneMatch(t -> t.value() != null && t.value()
                .endsWith("-04-31")));
        assertTrue(tag("It happened on 13/45/2019.", "2020-05-05").isEmpty());
    }

    @Test
    void fourDigitsAreAYearOnlyWhereTheWordsSaySo() {
        assertTrue(tag("The army sent 2000 troops to the border.", "2020-05-05").isEmpty());
        assertTrue(tag("The house sold for $1990 last spring.", "2020-05-05").stream().noneMatch(t -> "1990".equals(t.value())));
        assertTrue(tag("Some 1990 people signed the letter.", "2020-05-05").isEmpty());
        assertEquals("1990", only("The war began in 1990 and ended quickly.", "2020-05-05").value());
        assertEquals("1989", only("The company's 1989 results were weak.", "1990-02-02").value());
        assertEquals("2019-11", only("The uprising of November 2019 toppled the government.", "2020-05-05").value());
    }

    @Test
    void relativeExpressionsResolveAgainstThePublicationDate() {
        assertEquals("2020-W34", only("a woman activist assassinated last week.", "2020-08-24").value());
        assertEquals("PAST_REF", only("an activist who was assassinated a few days ago.", "2020-08-24").value());
        assertEquals("2020-08-23", only("The statement came yesterday.", "2020-08-24").value());
        assertEquals("2018", only("Two years ago the plant closed.", "2020-08-24").value());
        assertEquals("2020", only("Earlier this year the plan was dropped.", "2020-08-24").value());
        assertEquals("2019-SU", only("The fire broke out last summer.", "2020-03-01").value());
        assertEquals("2020-Q2", only("Profit rose in the second quarter.", "2020-08-24").value());
        assertEquals("PRESENT_REF", only("The city is now calm.", "2020-08-24").value());
    }

    @Test
    void aYearAgoInAQuarterlyReportIsTheSameQuarterOfTheYearBefore() {
        List<Timex> t = tag("Net income rose in the third quarter to $5 million from $4 million a year earlier.", "1989-10-26");
        assertEquals(List.of("1989-Q3", "1988-Q3"), t.stream().map(Timex::value).toList());
    }

    @Test
    void durationsSetsAndClockTimes() {
        Timex d = only("Talks lasted nearly two years.", "2020-08-24");
        assertEquals(TimexType.DURATION, d.type());
        assertEquals("P2Y", d.value());
        assertEquals("PT72H", only("He was held for at least 72 hours.", "2020-08-24").value());
        assertEquals("P6M", only("a six-month truce", "2020-08-24").value());
        Timex set = only("Protesters gather daily in the square.", "2020-08-24");
        assertEquals(TimexType.SET, set.type());
        assertEquals("P1D", set.value());
        Timex clock = only("The blast came at 10:35 a.m. Tuesday.", "2020-08-26");
        assertEquals(TimexType.TIME, clock.type());
        assertEquals("2020-08-25T10:35", clock.value());
        assertTrue(tag("He is a 16-year-old student.", "2020-08-24").isEmpty(), "an age is not a duration");
    }

    @Test
    void withoutAPublicationDateRelativeExpressionsHaveNoValueButAbsoluteOnesDo() {
        List<Timex> t = tag("On Sunday the minister, who took office on May 7, 2020, visited Basra.", null);
        assertEquals(2, t.size(), t.toString());
        assertNull(t.get(0).value());
        assertEquals("published", t.get(0).anchor());
        assertEquals("2020-05-07", t.get(1).value());
        assertNull(t.get(1).anchor());
    }

    @Test
    void modalMayAndTheVerbMarchAreNotMonths() {
        assertTrue(tag("Protesters may march again.", "2020-08-24").isEmpty());
        assertEquals("2020-05", only("The law passed in May.", "2020-08-24").value());
    }

    @Test
    void offsetsPointAtTheWordsAndStayInsideTheRegion() {
        String text = "HEADER 2019. Body: on Sunday, 23 September, he went. FOOTER in 2021.";
        int from = text.indexOf("Body"), to = text.indexOf("FOOTER");
        List<Timex> t = TimeTagger.tag(text, from, to, LocalDate.parse("2020-08-24"), "published");
        assertEquals(1, t.size(), t.toString());
        assertEquals("Sunday, 23 September", text.substring(t.get(0).start(), t.get(0).end()));
    }

    @Test
    void aLongerMatchThatMeansNothingGivesItsWordsBackToTheExpressionItOverlaps() {
        // "year after" looks like "two years after" without its number, which is no expression at all
        Timex next = only("The question goes to a national referendum next year after the delegates voted 89-52.", "1998-02-13");
        assertEquals("next year", next.text());
        assertEquals("1999", next.value());
        assertEquals("1998-W06", only("He met the minister last week after a series of calls.", "1998-02-13").value());
        Timex length = only("The vote came two years after the war.", "1998-02-13");
        assertEquals("two years", length.text(), "with its number it is a length");
        assertEquals("P2Y", length.value());
    }

    @Test
    void thatDayAndTheFollowingYearAreReadFromTheDateTheTextGaveLast() {
        List<Timex> t = tag("He fled to Florida in June 1998 and returned to Cuba later that year. The following year he was jailed.",
                "2000-01-28");
        assertEquals(List.of("June 1998", "later that year", "The following year"), t.stream().map(Timex::text).toList());
        assertEquals(List.of("1998-06", "1998", "1999"), t.stream().map(Timex::value).toList());
        List<Timex> d = tag("He was shot on Oct. 23, 1998. Earlier that day he had met a lawyer; he died the next morning.", "1999-10-24");
        assertEquals(List.of("1998-10-23", "1998-10-23", "1998-10-24"), d.stream().map(Timex::value).toList());
        assertNull(d.get(1).anchor(), "a date the text gave in full: not read against the publication date");
        List<Timex> m = tag("The talks began on Monday. The next day they broke down.", "2020-08-26");
        assertEquals("2020-08-25", m.get(1).value());
        assertEquals("published", m.get(1).anchor(), "Monday itself was read against the publication date");
    }

    @Test
    void anAnaphorWithNothingBeforeItOrLookingAheadOfTheReportIsLeftToTheOtherRules() {
        assertTrue(tag("That day will come.", "2020-08-24").isEmpty(), "no date before it");
        Timex next = tag("Sales rose in June and will rise over the next year.", "2020-08-24").get(1);
        assertEquals("the next year", next.text());
        assertEquals("P1Y", next.value(), "the next year ahead of the report, not of June");
        assertEquals("2020", tag("The plant opened in 2019. The following year it closed.", null).get(1).value(),
                "a year the text gave needs no publication date");
        assertTrue(tag("It happened in 1998. Later that day they left.", "2020-08-24").stream().noneMatch(x -> x.text().contains("day")),
                "a day needs a date the text gave to the day");
    }

    @Test
    void aYearSaidOfAQuarterNextToItIsThatQuarter() {
        String text = "Third-quarter net fell 12%. Net sales for this year's third quarter were $14 million, against a profit "
                + "for the corresponding period last year. In the 1988 period, the company earned $20.6 million. Sales may "
                + "recover in next year's first quarter.";
        List<Timex> t = tag(text, "1989-11-01");
        assertEquals(List.of("1989-Q3", "1988-Q3", "1988-Q3", "1990-Q1"), t.stream().filter(x -> x.text().matches("(?i).*year|1988"))
                .map(Timex::value).toList(), t.toString());
        assertEquals("1988", only("The plant was built in 1988 for the period of growth.", "1989-11-01").value(),
                "a year not said of a quarter stays a year");
        assertEquals("1988", only("Sales were $3 million last year.", "1989-11-01").value());
    }
}
