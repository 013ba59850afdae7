package dev.depot.metadata.tree;

import static dev.depot.metadata.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.metadata.MetadataProblem;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The name policy: what a name may be, how it is stored, when two collide, how one is numbered. */
class NamesUnitTest {

    @Test
    void aNameIsStoredInNfcWithoutSurroundingSpace() {
        assertThat(Names.normalize("  Cafe\u0301 menu.pdf \t")).isEqualTo("Caf\u00e9 menu.pdf");
        assertThat(Names.normalize("a  b")).isEqualTo("a  b");
        assertThat(Names.normalize("...")).isEqualTo("...");
        assertThat(Names.normalize(".hidden")).isEqualTo(".hidden");
        assertThat(Names.normalize("\u6587\u66f8 \ud83d\udcc4.txt")).isEqualTo("\u6587\u66f8 \ud83d\udcc4.txt");
    }

    @Test
    void missingEmptyAndReservedNamesAreRefused() {
        assertInvalid(null, "A name is required.");
        assertInvalid("", "A name cannot be empty or only spaces.");
        assertInvalid(" \u3000 ", "A name cannot be empty or only spaces.");
        assertInvalid(".", "\".\" and \"..\" are not names.");
        assertInvalid(" .. ", "\".\" and \"..\" are not names.");
    }

    @Test
    void separatorsAreRefused() {
        assertInvalid("a/b", "A name cannot contain \"/\" or \"\\\".");
        assertInvalid("a\\b", "A name cannot contain \"/\" or \"\\\".");
    }

    @Test
    void controlAndDirectionCharactersAreRefusedByCodePoint() {
        Map<String, String> refused = Map.of(
                "nul\u0000",
                "U+0000",
                "tab\tname",
                "U+0009",
                "del\u007f",
                "U+007F",
                "evil\u202egnp.exe",
                "U+202E",
                "mark\u200f",
                "U+200F",
                "iso\u2066late",
                "U+2066",
                "arabic\u061cmark",
                "U+061C",
                "bom\ufeffname",
                "U+FEFF");
        refused.forEach((name, codePoint) ->
                assertInvalid(name, "A name cannot contain the control character " + codePoint + "."));
    }

    @Test
    void aNameIsAtMost255BytesOfUtf8() {
        assertThat(Names.normalize("x".repeat(255))).hasSize(255);
        assertInvalid("x".repeat(256), "A name can be at most 255 bytes of UTF-8.");
        assertThat(Names.normalize("\u00e9".repeat(127))).hasSize(127);
        assertInvalid("\u00e9".repeat(128), "A name can be at most 255 bytes of UTF-8.");
        assertThat(Names.normalize("x".repeat(255) + "   ")).hasSize(255);
    }

    @Test
    void namesCollideRegardlessOfCaseAndForm() {
        assertThat(Names.key(Names.normalize("CAFE\u0301.PDF"))).isEqualTo(Names.key(Names.normalize("caf\u00e9.pdf")));
        assertThat(Names.key("Report.pdf")).isEqualTo("report.pdf");
    }

    @Test
    void numberedNamesKeepAFilesShortExtension() {
        assertThat(Names.numbered("Report.pdf", 1, true)).isEqualTo("Report (1).pdf");
        assertThat(Names.numbered("archive.tar.gz", 2, true)).isEqualTo("archive.tar (2).gz");
        assertThat(Names.numbered("Report.pdf", 3, false)).isEqualTo("Report.pdf (3)");
        assertThat(Names.numbered(".bashrc", 1, true)).isEqualTo(".bashrc (1)");
        assertThat(Names.numbered("notes", 1, true)).isEqualTo("notes (1)");
        assertThat(Names.numbered("v.averyveryverylongsuffix", 1, true)).isEqualTo("v.averyveryverylongsuffix (1)");
    }

    @Test
    void numberedNamesShortenTheBaseToStayWithin255Bytes() {
        String numbered = Names.numbered("x".repeat(251) + ".pdf", 12, true);
        assertThat(numbered).isEqualTo("x".repeat(246) + " (12).pdf");
        assertThat(numbered.getBytes(StandardCharsets.UTF_8)).hasSize(255);

        String emoji = Names.numbered("\ud83d\udcc4".repeat(63) + "abc", 1, false);
        assertThat(emoji).isEqualTo("\ud83d\udcc4".repeat(62) + " (1)");
        assertThat(Names.normalize(emoji)).isEqualTo(emoji);
    }

    private static void assertInvalid(String raw, String detail) {
        assertRefused(() -> Names.normalize(raw), MetadataProblem.INVALID_NAME, detail);
    }
}
