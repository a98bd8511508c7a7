package corescale.stats.run;

import corescale.stats.summary.RunTraits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import corescale.stats.io.AtomicFiles;
import corescale.stats.model.Machine;

/**
 * A run folder's {@code run.json}: how the run was started (so {@code --resume} rebuilds the same
 * plan), the machine, and what was measured besides the points (configurations, canary). Written by
 * {@code run} and read here only; the free-form parts (topology, limits, placement, machine state,
 * facts) stay JSON trees that the report shows as they are.
 *
 * @param runId         the run's id, also in results.csv's {@code run_id}
 * @param args          the {@code run} arguments, to resume with the same plan
 * @param profile       the profile's name
 * @param cores         the core counts of the plan
 * @param affinity      whether forks were pinned to their CPUs
 * @param machine       host, OS, CPU and JDK of the run (as results.csv's machine columns)
 * @param configs       the interleaved configurations ({@code run --config}), in order; empty for a plain run
 * @param canary        the canary's readings, in the order taken (start, middle, end)
 * @param placeRounds   whether the sweep measured the variants of each place in rounds (A1 B1, B2 A2 ...),
 *                      so that fork f of each ran beside fork f of the others and a ratio of two may pair
 *                      them; false in the run.json of runs measured one point's batch after another
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunFile(@JsonProperty("run_id") String runId, List<String> args, String profile, List<Integer> cores,
                      boolean affinity, Machine machine, JsonNode topology, JsonNode limits, JsonNode placement,
                      @JsonProperty("machine_state") JsonNode machineState, JsonNode facts,
                      List<RunConfig> configs, List<CanaryReading> canary,
                      @JsonProperty("place_rounds") boolean placeRounds) {

    public static final String NAME = "run.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public RunFile {
        runId = Objects.requireNonNullElse(runId, "");
        args = args == null ? List.of() : List.copyOf(args);
        profile = Objects.requireNonNullElse(profile, "");
        cores = cores == null ? List.of() : List.copyOf(cores);
        configs = configs == null ? List.of() : List.copyOf(configs);
        canary = canary == null ? List.of() : List.copyOf(canary);
    }

    /**
     * One configuration of an interleaved run.
     *
     * @param name       as given to {@code --config NAME=...} or {@code --config-jdk NAME=...}
     * @param jvmOptions JVM options added to every fork of this configuration (may be empty)
     * @param javaHome   the JDK this configuration runs on; empty for the run's own JDK
     * @param jdkVersion that JDK's version
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RunConfig(String name, @JsonProperty("jvm_options") String jvmOptions,
                            @JsonProperty("java_home") String javaHome, @JsonProperty("jdk_version") String jdkVersion) {
        public RunConfig {
            Objects.requireNonNull(name, "name");
            jvmOptions = Objects.requireNonNullElse(jvmOptions, "");
            javaHome = Objects.requireNonNullElse(javaHome, "");
            jdkVersion = Objects.requireNonNullElse(jdkVersion, "");
        }
    }

    /**
     * One measurement of the canary, a fixed single-threaded reference workload that tells how fast
     * the machine itself was at that moment.
     *
     * @param at              {@code start}, {@code middle}, {@code end} (or {@code resume})
     * @param secondsIntoRun  seconds since the run (or its resumption) started
     * @param cpuOpsPerUs     the CPU kernel's throughput, higher is faster
     * @param memoryNsPerLoad the memory-latency kernel's time per dependent load, lower is faster
     * @param cpuForks        the CPU kernel's score in each fork of the reading (empty in run.json
     *                        files written before readings had several forks)
     * @param memoryForks     the memory kernel's score in each fork of the reading (likewise)
     * @param memoryChainBytes the memory kernel's chain, which follows the machine's largest cache:
     *                        readings compare only over one chain; 0 (absent from files written before
     *                        it was recorded) reads as the fixed chain of those runs, {@link #UNRECORDED_CHAIN_BYTES}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CanaryReading(String at, @JsonProperty("seconds_into_run") double secondsIntoRun,
                                @JsonProperty("cpu_ops_per_us") double cpuOpsPerUs,
                                @JsonProperty("memory_ns_per_load") double memoryNsPerLoad,
                                @JsonProperty("cpu_forks_ops_per_us") List<Double> cpuForks,
                                @JsonProperty("memory_forks_ns_per_load") List<Double> memoryForks,
                                @JsonProperty("memory_chain_bytes") long memoryChainBytes) {

        /** The chain every reading walked before its size followed the machine's cache (and was recorded). */
        public static final long UNRECORDED_CHAIN_BYTES = 64L << 20;

        /**
         * A reading is what {@code sweep.CanaryRecorder} records: a label, a time into the run of at least
         * 0, kernel scores above 0 (a failed canary leaves no reading), a chain of at least 0 bytes. Any
         * other value is refused ({@link BadReading}, naming the field as run.json does), never left out
         * of a mean: a drift or an interval without it would change without a word.
         */
        public CanaryReading {
            if (at == null) {
                throw new BadReading("at", "is missing: a reading names when it was taken (start, middle, end or resume)");
            }
            if (!(secondsIntoRun >= 0) || Double.isInfinite(secondsIntoRun)) {
                throw new BadReading("seconds_into_run", "is " + text(secondsIntoRun) + ": a time into the run is at least 0 seconds");
            }
            positive("cpu_ops_per_us", cpuOpsPerUs, "the CPU kernel's throughput (ops/µs)");
            positive("memory_ns_per_load", memoryNsPerLoad, "the memory kernel's time per load (ns)");
            cpuForks = forks("cpu_forks_ops_per_us", cpuForks);
            memoryForks = forks("memory_forks_ns_per_load", memoryForks);
            if (memoryChainBytes < 0) {
                throw new BadReading("memory_chain_bytes", "is " + memoryChainBytes + ": the chain's size in bytes is at least 0 (0: not recorded)");
            }
            memoryChainBytes = memoryChainBytes > 0 ? memoryChainBytes : UNRECORDED_CHAIN_BYTES;
        }

        /** A kernel's score: above 0 and finite. Jackson reads an absent one as 0, so 0 is said to be either. */
        private static void positive(String field, double value, String what) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new BadReading(field, "is " + (value == 0 ? "0 or missing" : text(value)) + ": " + what + " is above 0");
            }
        }

        /** A number as run.json writes it: -1, not -1.0. */
        private static String text(double v) {
            return Double.isFinite(v) ? corescale.stats.io.CsvNumbers.exact(v) : String.valueOf(v);
        }

        /** Each fork's score, above 0 and finite; none in files written before readings had several forks. */
        private static List<Double> forks(String field, List<Double> scores) {
            if (scores == null) {
                return List.of();
            }
            for (int i = 0; i < scores.size(); i++) {
                Double v = scores.get(i);
                if (v == null || !(v > 0) || v.isInfinite()) {
                    throw new BadReading(field + "[" + i + "]", "is " + (v == null ? "null" : text(v)) + ": a fork's score is above 0");
                }
            }
            return List.copyOf(scores);
        }
    }

    /**
     * A canary reading's field that holds what no canary records.
     *
     * @param field as run.json names it, {@code name[i]} for an element of a list
     */
    public static final class BadReading extends IllegalArgumentException {

        private final String field;

        BadReading(String field, String problem) {
            super(field + " " + problem);
            this.field = field;
        }

        /** The field, as run.json names it. */
        public String field() {
            return field;
        }
    }

    /** Whether {@code cores} busy threads exceed a CPU quota of {@code quotaCpus}: each then gets less than a whole CPU. */
    public static boolean aboveQuota(int cores, double quotaCpus) {
        return cores > quotaCpus + 1e-9;
    }

    /**
     * The core counts of the placement above the cgroup's CPU quota ({@link #aboveQuota}), in the
     * placement's order; empty without a quota. A core count that is not a number (a file not written
     * by {@code run}) is shown by the report as written, and not judged.
     */
    public List<Integer> coresAboveQuota() {
        JsonNode quota = limits == null ? null : limits.path(MachineKeys.QUOTA_CPUS);
        if (quota == null || !quota.isNumber() || placement == null) {
            return List.of();
        }
        List<Integer> above = new java.util.ArrayList<>();
        placement.path(MachineKeys.CPUS_BY_CORES).fieldNames().forEachRemaining(key -> {
            if (key.matches("\\d{1,9}") && aboveQuota(Integer.parseInt(key), quota.asDouble())) {
                above.add(Integer.parseInt(key));
            }
        });
        return above;
    }

    /** What this run.json and the run's points.csv say of how its points were measured, which their summaries carry. */
    public RunTraits traits(PointsFile.Contents points) {
        return new RunTraits(placeRounds(), MachineDrift.stateVariance(List.of(canary())), points.targetsMet());
    }

    /** Reads {@code dir/run.json}; a file that is not a run.json is an IOException naming it and the line. */
    public static RunFile read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        try {
            return JSON.readValue(file.toFile(), RunFile.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            if (e.getCause() instanceof BadReading bad) {
                // At the reading's field: the parser has reached the reading's end when the reading is made.
                String reading = path(e);
                int line = lineOf(file, pointer(e) + "/" + bad.field().replaceAll("\\[(\\d+)]$", "/$1"));
                line = line > 0 ? line : lineOf(file, pointer(e));
                line = line > 0 ? line : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                throw new IOException(file + (line > 0 ? ":" + line : "") + ": " + reading + "." + bad.getMessage(), e);
            }
            throw notRunJson(file, e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw notRunJson(file, e);
        }
    }

    private static IOException notRunJson(Path file, com.fasterxml.jackson.core.JacksonException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new IOException(file + (line > 0 ? ":" + line : "") + ": not a corescale run.json: " + problem(e), e);
    }

    /** Where in the file a mapping error is, as run.json's user reads it: {@code canary[0].at}. */
    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            s.append(r.getFieldName() != null ? (s.isEmpty() ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return s.toString();
    }

    /** The same place as a JSON pointer: {@code /canary/0/at}. */
    private static String pointer(com.fasterxml.jackson.databind.JsonMappingException e) {
        return e.getPath().stream().map(r -> "/" + (r.getFieldName() != null ? r.getFieldName() : r.getIndex()))
                .collect(java.util.stream.Collectors.joining());
    }

    /** The line of the value at {@code pointer} in {@code file} (the start of an object or list), 0 when it has none. */
    private static int lineOf(Path file, String pointer) {
        try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != com.fasterxml.jackson.core.JsonToken.FIELD_NAME && !t.isStructEnd()
                        && p.getParsingContext().pathAsPointer().toString().equals(pointer)) {
                    return p.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** What was wrong, in the file's terms: JSON that does not parse in Jackson's words, a wrong value by its place. */
    private static String problem(com.fasterxml.jackson.core.JacksonException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
            String at = path(m);
            return at.isEmpty() ? "not a JSON object" : "a value of the wrong kind at " + at;
        }
        return e.getOriginalMessage();
    }

    /** Whether {@code dir} has a run.json. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(NAME));
    }

    /** Writes {@code dir/run.json} whole or not at all. */
    public void write(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(NAME), w -> JSON.writeValue(w, this));
    }

    /** The same run with one more canary reading. */
    public RunFile withCanary(CanaryReading reading) {
        List<CanaryReading> readings = new java.util.ArrayList<>(canary);
        readings.add(reading);
        return new RunFile(runId, args, profile, cores, affinity, machine, topology, limits, placement, machineState,
                facts, configs, readings, placeRounds);
    }
}
