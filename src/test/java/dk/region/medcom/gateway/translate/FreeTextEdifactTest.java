package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreeTextEdifactTest {

    private static String read(String... components) {
        List<TextRun> runs = new ArrayList<>();
        FreeTextEdifact.appendLines(TextRun.PLAIN, List.of(components), runs);
        return runs.get(0).text();
    }

    @Test
    void eachComponentIsALineEndingInABreak() {
        assertThat(read("first", "second")).isEqualTo("first\nsecond\n");
    }

    @Test
    void trailingBackslashIsASoftWrapWithoutBreak() {
        assertThat(read("undersøgelser \\", "foretaget:")).isEqualTo("undersøgelser foretaget:\n");
    }

    @Test
    void loneDotIsAnEmptyLine() {
        assertThat(read("a", ".", "b")).isEqualTo("a\n\nb\n");
    }

    @Test
    void wrapsLongLinesAtAWordBoundaryWithinSeventyCharacters() {
        String line = "Forinden der foretages visitation, bedes følgende undersøgelser foretaget:";
        assertThat(FreeTextEdifact.lines(line + "\n"))
                .containsExactly("Forinden der foretages visitation, bedes følgende undersøgelser \\", "foretaget:");
    }

    @Test
    void cutsAWordLongerThanALineAtSixtyNineCharacters() {
        String word = "x".repeat(150);
        List<String> lines = FreeTextEdifact.lines(word + "\n");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(70));
        assertThat(String.join("", lines).replace("\\", "")).isEqualTo(word);
    }

    @Test
    void textWithoutFinalBreakEndsWithASoftWrap() {
        assertThat(FreeTextEdifact.lines("a\nb")).containsExactly("a", "b\\");
        assertThat(read("a", "b\\")).isEqualTo("a\nb");
    }

    @Test
    void wrappingThenReadingGivesTheSameText() {
        String text = "Kære kollega,\n\n" + "ord ".repeat(60) + "slut\n" + "y".repeat(71) + "\n";
        List<TextRun> runs = new ArrayList<>();
        FreeTextEdifact.appendLines(TextRun.PLAIN, FreeTextEdifact.lines(text), runs);
        assertThat(runs.get(0).text()).isEqualTo(text);
    }

    @Test
    void groupsAtMostFiveLinesPerFtx() {
        List<String[]> segments = FreeTextEdifact.segments(List.of("1", "2", "3", "4", "5", "6"));
        assertThat(segments).hasSize(2);
        assertThat(segments.get(1)).containsExactly("6");
    }
}
