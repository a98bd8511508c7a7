package corescale.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import corescale.benchmarks.ParamLimit;
import corescale.benchmarks.exec.PoolSize;
import corescale.sweep.Plan;

/** Every numeric parameter of the suite has its limit (numbers as --param reads them), and every value the suite lists is within it. */
class ParamLimitTest {

    @Test
    void everyNumericParameterHasALimitThatItsListedValuesKeep() {
        List<String> checked = new ArrayList<>();
        List<BenchmarkListEntry> benchmarks = Plan.benchmarks("");
        assertFalse(benchmarks.isEmpty());
        for (BenchmarkListEntry b : benchmarks) {
            for (Map.Entry<String, String[]> param : b.getParams().orElse(Map.of()).entrySet()) {
                for (String value : param.getValue()) {
                    if (param.getKey().equals("pool") && value.equals(PoolSize.CORES)) {
                        continue; // the fork's own CPUs, never above the limit on a machine of up to 1,024
                    }
                    if (!Validation.isNumber(value)) {
                        continue; // a variant's name: checked against the @Param list itself
                    }
                    Optional<ParamLimit> limit = ParamLimit.of(param.getKey());
                    assertTrue(limit.isPresent(), b.getUsername() + ": numeric parameter " + param.getKey() + " has no ParamLimit");
                    assertEquals(Optional.empty(), limit.get().problem(Double.parseDouble(value)), b.getUsername());
                    checked.add(param.getKey());
                }
            }
        }
        assertTrue(checked.containsAll(List.of("workInside", "workOutside", "k", "delayMs", "processesPerCore")), checked.toString());
    }

    /** JMH's list gives values, not types: the limit says which are whole, and must say it as the field is declared. */
    @Test
    void aLimitIsWholeExactlyWhereItsFieldIsAnIntOrALong() throws Exception {
        List<String> fields = new ArrayList<>();
        for (BenchmarkListEntry b : Plan.benchmarks("")) {
            for (Field f : Class.forName(b.getUserClassQName()).getFields()) {
                if (f.isAnnotationPresent(Param.class) && ParamLimit.of(f.getName()).isPresent()
                        && !(f.getName().equals("pool") && f.getType() == String.class)) {
                    boolean whole = f.getType() == int.class || f.getType() == long.class;
                    assertEquals(whole, ParamLimit.of(f.getName()).orElseThrow().whole(), b.getUserClassQName() + "." + f.getName());
                    fields.add(f.getName() + ":" + f.getType());
                }
            }
        }
        assertTrue(fields.contains("delayMs:double") && fields.contains("k:int") && fields.contains("workInside:long"), fields.toString());
    }

    @Test
    void theEdgesAreInsideAndOneStepBeyondIsRefused() {
        ParamLimit k = ParamLimit.of("k").orElseThrow();
        assertEquals(Optional.empty(), k.problem(1));
        assertEquals(Optional.empty(), k.problem(ParamLimit.MOST_IN_A_BATCH));
        assertEquals(Optional.of("k takes 1 to 10000 (tasks or requests of a batch, started at once), not 10001"),
                k.problem(ParamLimit.MOST_IN_A_BATCH + 1));
        assertEquals(Optional.empty(), ParamLimit.of("workInside").orElseThrow().problem(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParamLimit.check("workOutside", -1));
        assertEquals("workOutside takes 0 or more (Blackhole tokens between increments), not -1", e.getMessage());
        assertEquals("delayMs takes 0.001 or more (the service's delay in ms, which the io bound divides by), not 0.0005",
                ParamLimit.of("delayMs").orElseThrow().problem(0.0005).orElseThrow());
        assertDoesNotThrow(() -> ParamLimit.check("variant", -1), "not a numeric parameter: no limit");
    }
}
