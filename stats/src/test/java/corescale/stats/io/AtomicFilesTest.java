package corescale.stats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A set of files is written whole or not at all: a report never stands beside the data files of another run. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private Map<Path, byte[]> set(String... nameAndText) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.put(dir.resolve(nameAndText[i]), nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyFileOfTheSetIsReplaced() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "old a");
        assertEquals(List.of(dir.resolve("a.csv"), dir.resolve("b.md")), AtomicFiles.writeAll(set("a.csv", "new a", "b.md", "new b")));
        assertEquals("new a", Files.readString(dir.resolve("a.csv")));
        assertEquals("new b", Files.readString(dir.resolve("b.md")));
        assertEquals(List.of("a.csv", "b.md"), listing(), "no temporary file left");
    }

    /** A set refused before its first rename leaves no folder it made for a new target behind. */
    @Test
    void aRefusedSetLeavesNoNewFolder() throws IOException {
        Files.createDirectories(dir.resolve("report.html"));
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(dir.resolve("config-a/sub/a.csv"), "a".getBytes(StandardCharsets.UTF_8));
        files.put(dir.resolve("report.html"), "new".getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> AtomicFiles.writeAll(files));
        assertEquals(List.of("report.html"), listing());
    }

    /** The last file of the set cannot be written (a folder stands at its name): the first keeps its old content. */
    @Test
    void aFileThatCannotBeWrittenLeavesEveryOtherAsItWas() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "old a");
        Files.createDirectories(dir.resolve("report.html"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeAll(set("a.csv", "new a", "report.html", "new")));
        assertEquals(dir.resolve("report.html") + ": cannot write: " + dir.resolve("report.html") + " is a folder", e.getMessage());
        assertEquals("old a", Files.readString(dir.resolve("a.csv")));
        assertEquals(List.of("a.csv", "report.html"), listing(), "no temporary file left");
    }
}
