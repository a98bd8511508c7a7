package corescale.stats.load;

import corescale.stats.io.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigsTest {

    /** JMH's pooled results carry no configuration: they belong to the plain run "" and to no named one. */
    @Test
    void pooledResultsGoWithThePlainRunOnly() throws BadInputException {
        List<LoadedInput> jmh = List.of(Loader.loadFile(LoaderTest.fixture("jmh-en.csv")));
        assertEquals(List.of(""), Configs.names(jmh, List.of()));
        assertEquals(2, Configs.only(jmh, "").get(0).pooled().size());
        assertTrue(Configs.only(jmh, "fast").get(0).pooled().isEmpty());
    }
}
