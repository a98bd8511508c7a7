package corescale.stats.load;

import corescale.stats.io.BadInputException;
import corescale.stats.model.PooledResult;
import corescale.stats.model.ResultsColumn;
import corescale.stats.model.ResultsFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads result files in any of our {@link Format}s, detected from the content. A directory stands
 * for the {@code results.csv} in it, or, when there is none, for the JMH JSON and CSV files in it.
 */
public final class Loader {

    /** Files we write ourselves; never taken for inputs when scanning a directory (nor bencher*.json, Bencher's format). */
    private static final Set<String> OUR_OUTPUTS = Set.of("summary.csv", "summary.json", "scaling.csv", "contention.csv",
            "compare.csv");
    private static final int SNIFF = 4096;

    private Loader() {
    }

    /** Loads one input: a file, or a directory as described above. A directory may give several files. */
    public static List<LoadedInput> load(Path input) throws BadInputException {
        if (Files.isDirectory(input)) {
            List<LoadedInput> out = new ArrayList<>();
            for (Path f : filesIn(input)) {
                out.add(loadFile(f));
            }
            return out;
        }
        return List.of(loadFile(input));
    }

    /** The files a directory stands for. */
    static List<Path> filesIn(Path dir) throws BadInputException {
        Path results = dir.resolve(ResultsFile.NAME);
        if (Files.isRegularFile(results)) {
            return List.of(results);
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean candidate = name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".scsv");
                if (candidate && !OUR_OUTPUTS.contains(name) && !name.startsWith("bencher") && Files.isRegularFile(p)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new BadInputException(dir, 0, "cannot list directory: " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new BadInputException(dir, 0, "no results.csv and no JMH .json/.csv result files in this directory");
        }
        found.sort(null);
        return found;
    }

    /** Loads one file, detecting its format from the content. */
    public static LoadedInput loadFile(Path file) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, 0, Files.exists(file) ? "not a regular file" : "no such file or directory");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(SNIFF + 1);
            char[] buf = new char[SNIFF];
            int n = in.read(buf);
            String head = n <= 0 ? "" : new String(buf, 0, n);
            in.reset();
            if (head.startsWith("\uFEFF")) {
                in.skip(1);
                head = head.substring(1);
            }
            Format format = detect(file, head);
            return switch (format) {
                case RESULTS_CSV -> {
                    in.close(); // read again as bytes, to parse in parallel
                    ResultsCsvReader.Result r = ResultsCsvReader.read(file);
                    yield new LoadedInput(file, format, r.rows(), List.of(), r.dropped().map(d -> d.problem()).orElse(""));
                }
                case JMH_CSV, JMH_SCSV -> {
                    List<PooledResult> rows = JmhCsvReader.read(file, in, format == Format.JMH_CSV ? ',' : ';');
                    yield new LoadedInput(file, format, List.of(), rows);
                }
                case JMH_JSON -> {
                    JmhJsonReader.Result r = JmhJsonReader.read(file, in);
                    yield new LoadedInput(file, format, r.measurements(), r.pooled());
                }
            };
        } catch (CharacterCodingException e) {
            throw NotUtf8.in(file);
        } catch (IOException e) {
            throw new BadInputException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Decides the format from the first few kilobytes. */
    static Format detect(Path file, String head) throws BadInputException {
        String t = head.stripLeading();
        if (t.isEmpty()) {
            throw new BadInputException(file, 0, "empty file");
        }
        if (t.charAt(0) == '[' || t.charAt(0) == '{') {
            return Format.JMH_JSON;
        }
        int eol = t.indexOf('\n');
        String first = (eol < 0 ? t : t.substring(0, eol)).strip();
        if (first.startsWith("\"Benchmark\";") || first.startsWith("Benchmark;")) {
            return Format.JMH_SCSV;
        }
        if (first.startsWith("\"Benchmark\",") || first.startsWith("Benchmark,")) {
            return Format.JMH_CSV;
        }
        if (looksLikeResultsHeader(first)) {
            return Format.RESULTS_CSV;
        }
        String shown = first.length() > 60 ? first.substring(0, 60) + "..." : first;
        throw new BadInputException(file, 1, "unknown format: expected our results.csv (header starting run_id,),"
                + " JMH CSV/SCSV (header starting \"Benchmark\") or JMH JSON, found '" + shown + "'");
    }

    /** Most of our column names in the first line: our results.csv, perhaps with a column renamed or missing. */
    private static boolean looksLikeResultsHeader(String first) {
        int known = 0;
        for (String f : first.split(",")) {
            if (ResultsColumn.byHeader(f.strip().replace("\"", "")) != null) {
                known++;
            }
        }
        return known >= ResultsColumn.HEADERS.size() / 2;
    }
}
