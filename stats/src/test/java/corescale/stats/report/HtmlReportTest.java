package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The section model's parts that need no browser (ReportInBrowserIT opens the pages themselves). */
class HtmlReportTest {

    @Test
    void sectionIdsArePlainAndUnique() {
        List<Doc.Heading> sections = List.of(new Doc.Heading(1, "Answers"), new Doc.Heading(1, "Answers"),
                new Doc.Heading(1, "Threads vs processes: what sharing the counter costs"),
                new Doc.Heading(1, "a-20250101 vs b <x>"), new Doc.Heading(1, "×"), new Doc.Heading(1, ""));
        var ids = HtmlReport.ids(sections);
        assertEquals(List.of("answers", "answers-2", "threads-vs-processes-what-sharing-the-counter-costs",
                "a-20250101-vs-b-x", "section", "section-2"), sections.stream().map(ids::get).toList());
    }

    /** An open section is an HTML matter: the Markdown of a lead heading is that of any level-1 heading. */
    @Test
    void aLeadSectionReadsTheSameInMarkdown() {
        Doc lead = new Doc("t", "report").lead("Answers").p("x").h(1, "Machine").p("y");
        Doc plain = new Doc("t", "report").h(1, "Answers").p("x").h(1, "Machine").p("y");
        assertEquals(MarkdownReport.render(plain), MarkdownReport.render(lead));
    }
}
