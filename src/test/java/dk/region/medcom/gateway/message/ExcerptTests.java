package dk.region.medcom.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTests {

    @Test
    void masksCprShapedNumbersButKeepsLocationNumbers() {
        assertThat(Excerpt.of("0101701234")).isEqualTo("**********");
        assertThat(Excerpt.of("010170-1234")).isEqualTo("**********");
        assertThat(Excerpt.of("LET0101701234")).isEqualTo("LET**********");
        assertThat(Excerpt.of("5790000100019")).isEqualTo("5790000100019");
    }

    @Test
    void boundsAnExcerptAndSaysHowLongTheValueWas() {
        String excerpt = Excerpt.of("A".repeat(5000));
        assertThat(excerpt).isEqualTo("A".repeat(Excerpt.MAX_CHARS) + "… (5000 characters)");
        assertThat(Excerpt.of("9".repeat(5000))).isEqualTo("**********… (5000 characters)");
        // a CPR number cut by the bound is not shown in part either
        assertThat(Excerpt.of("X".repeat(30) + "0101701234" + "X")).doesNotContain("01017").doesNotContain("0101");
    }

    @Test
    void replacesControlCharacters() {
        assertThat(Excerpt.of("a\nb\u0000c\u202Ed")).isEqualTo("a?b?c?d");
    }

    @Test
    void everyFindingTextIsGuardedHoweverItWasMade() {
        Finding finding = Finding.error("X", Location.NONE,
                "receiver " + "7".repeat(5000) + " and patient 0101701234\nnext line " + "B".repeat(100), "da");

        assertThat(finding.textEn()).doesNotContain("0101701234").doesNotContain("\n")
                .doesNotContain("7".repeat(11)).doesNotContain("B".repeat(Excerpt.MAX_CHARS + 1));
        assertThat(finding.textEn().length()).isLessThanOrEqualTo(Excerpt.MAX_TEXT_CHARS);
    }

    @Test
    void theGatewaysOwnTrackingIdsStayWholeInAFindingEvenWhenTheirLastGroupIsAllDigits() {
        // one tracking id in ~300 ends in twelve decimal digits; a CI run once saw it masked
        String trackingId = "01a24af9-0e37-78cb-9ecb-375200053647";
        Finding finding = Finding.error("X", Location.NONE, "taken in before (" + trackingId + ") for 0101701234", "da");

        assertThat(finding.textEn()).contains(trackingId).doesNotContain("0101701234");
        // only the gateway's own shape (a version 7 UUID) is spared, not any dashed run of digits
        assertThat(Finding.error("X", Location.NONE, "id 01a24af9-0e37-48cb-9ecb-375200053647", "da").textEn())
                .doesNotContain("375200053647");
    }

    @Test
    void aLocationsXPathIsBoundedAndMasked() {
        Location location = Location.xml(1, 1, "/Emessage/_0101701234/" + "a".repeat(1000));
        assertThat(location.xpath()).doesNotContain("0101701234").hasSizeLessThanOrEqualTo(Location.MAX_XPATH_CHARS + 12);
    }

    /** The scan that spares most finding texts the regular expressions never spares one that needs them. */
    @Test
    void textsLeftAsTheyAreAreExactlyThoseThePatternsLeaveAlone() {
        String alphabet = "0123456789-- abc\t\u0007\u200b\u2000\u2028\ud83d\ude00xyz";
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261207);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 90);
            boolean longRun = random.nextInt(10) == 0;
            for (int j = 0; j < length; j++) {
                text.append(longRun ? (char) ('a' + random.nextInt(3)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            assertThat(Excerpt.guardText(value)).as("%s", value.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(Excerpt.guardByPatterns(value));
        }
        assertThat(Excerpt.guardText("CPR 010190-1234 and 0101901234")).doesNotContain("1234");
    }
}

