package nl.pupildata.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md: every rule of the card, where the code enforces it and which tests prove it, read from the sources
 * of every module — so the table cannot drift from the code. A rule counts as enforced where main code names it
 * ({@code Rule.PA_3}) — but for register-service, which only records and counts what the others decided (its yearly
 * account names the rule a refusal rests on) and refuses nothing — as tested where a test names it (a method {@code pa3_…}, {@code Rule.PA_3} or
 * {@code "PA-3"}). A rule is FULL only when both are found and it is not listed below as still open; an open rule
 * says why. To refresh the document: copy target/rules.md to docs/.
 */
class RulesDocumentTest {

    static final Path ROOT = Path.of("..");
    static final Path COMMITTED = ROOT.resolve("docs/rules.md");
    /** Modules whose main code names rules without enforcing them: the rules themselves, and the register. */
    static final Set<String> RECORDS_ONLY = Set.of("card-rules", "register-service");

    /**
     * Rules that are not (yet) fully enforced, and why: the document says so next to them. Empty since issue 17;
     * a rule found wanting again is listed here with what is missing.
     */
    static final Map<Rule, String> OPEN = Map.of();

    /** Rules that are kept by the way the system is built rather than by a refusal, and where. */
    static final Map<Rule, String> BY_DESIGN = Map.of(
            Rule.G_1, "No dossier content is taken in: requests, events and the register hold references, kinds "
                    + "and dates; names and addresses stay in request-service (tests: QualityCardRoutesTest scans "
                    + "Kafka and the logs for personal details).",
            Rule.PA_5, "register-service keeps the register from the events of all services, with the count per "
                    + "pupil (tests: RegisterFoldTest, RegisterProjectionTests, QualityCardRoutesTest).");

    record Row(Rule rule, Set<String> enforcedIn, Set<String> tests) {
        String status() {
            if (OPEN.containsKey(rule)) {
                return "PARTIAL";
            }
            if (BY_DESIGN.containsKey(rule)) {
                return "FULL (by design)";
            }
            return "FULL";
        }
    }

    @Test
    void theCommittedRulesDocumentMatchesTheCode() throws IOException {
        List<Source> main = sources("src/main/java");
        List<Source> tests = sources("src/test/java");
        List<Row> rows = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            Pattern named = Pattern.compile("Rule\\." + rule.name() + "\\b");
            String method = rule.name().replace("_", "").toLowerCase(java.util.Locale.ROOT) + "_";
            Pattern tested = Pattern.compile("Rule\\." + rule.name() + "\\b|\"" + Pattern.quote(rule.id())
                    + "\"|(?<![a-z0-9])" + method);
            Set<String> enforcedIn = new TreeSet<>();
            main.stream().filter(s -> !RECORDS_ONLY.contains(s.module()) && named.matcher(s.text()).find())
                    .forEach(s -> enforcedIn.add(s.module() + ": " + s.name()));
            Set<String> provedBy = new TreeSet<>();
            tests.stream().filter(s -> !s.name().equals(getClass().getSimpleName()) && tested.matcher(s.text()).find())
                    .forEach(s -> provedBy.add(s.module() + ": " + s.name()));
            rows.add(new Row(rule, enforcedIn, provedBy));
        }
        List<String> unproven = rows.stream().filter(r -> !OPEN.containsKey(r.rule()) && !BY_DESIGN.containsKey(r.rule())
                && (r.enforcedIn().isEmpty() || r.tests().isEmpty())).map(r -> r.rule().id()).toList();
        assertEquals(List.of(), unproven, "rules called FULL without code that enforces them or a test that names them");
        assertTrue(OPEN.keySet().stream().noneMatch(BY_DESIGN::containsKey));

        String document = document(rows);
        Path actual = Path.of("target", "rules.md");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, document);
        if (!Files.exists(COMMITTED)) {
            fail("docs/rules.md is missing; review " + actual.toAbsolutePath() + " and copy it there");
        }
        assertEquals(document, Files.readString(COMMITTED),
                "docs/rules.md is out of date with the code; copy target/rules.md over it");
    }

    static String document(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("# The card's rules in the code\n\n");
        md.append("Generated by `card-rules/src/test/java/nl/pupildata/rules/RulesDocumentTest.java` from the sources "
                + "of every module; the build fails when this file and the code disagree. *Enforced in*: the main "
                + "classes that refuse (or require) by the rule's id; *tests*: the test classes that name it. A rule "
                + "is FULL only when both exist and nothing the card asks is known to be missing; a PARTIAL rule "
                + "says what is. The wording is RULES.md's; the Dutch original wins.\n\n");
        long full = rows.stream().filter(r -> !r.status().equals("PARTIAL")).count();
        md.append(full).append(" of ").append(rows.size()).append(" rules FULL.\n\n");
        md.append("| Rule | Gist | Status | Enforced in | Tests |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            String note = OPEN.getOrDefault(r.rule(), BY_DESIGN.get(r.rule()));
            md.append("| ").append(r.rule().id()).append(" | ").append(r.rule().text().replace("|", "\\|"))
                    .append(" | ").append(r.status()).append(note == null ? "" : ": " + note)
                    .append(" | ").append(String.join("<br>", r.enforcedIn()))
                    .append(" | ").append(String.join("<br>", r.tests())).append(" |\n");
        }
        md.append(BEYOND_SUMMARY);
        return md.toString();
    }

    /** Where the Dutch original (the seed) says more than RULES.md's summary, and the code follows the original. */
    static final String BEYOND_SUMMARY = """

            ## Where the Dutch original says more than RULES.md

            The code follows the original here; RULES.md's English summary is shorter.

            - **G-7** (Initialen van leerlingen; 3b): "De initialen mogen niet herleidbaar zijn naar individuele \
            leerlingen of medewerkers. Gebruik bij voorkeur leerling 1 of leerling 2 i.p.v. voorletters" — staff \
            initials too; attested at the review of a guardian's dossier and with every share to a third party, a \
            researcher or the next school (OSO and the warm handover).
            - **PA-3** (2, 3a): "Geef hierbij aan dat je het verzoek ontvangen hebt en op welke termijn de ouders het \
            dossier kunnen verwachten" and "Hierbij wordt aangegeven dat de andere ouder (in geval van scheiding) met \
            gezag hiervan op de hoogte wordt gebracht en dat hem/haar ook de mogelijkheid zal worden geboden om het \
            dossier te ontvangen" — the promised date within the term, the mention of the other guardian, and no \
            closing without the acknowledgement.
            - **PA-9** (3a): "indien gewenst deze ouder hetzelfde dossier toegestuurd kan krijgen" — the same dossier \
            to the other guardian's own address, after the notice.
            - **PA-10** (3b): "Advies is om dit altijd door twee collega's te laten doen", "samen met de KC-er en/of \
            directeur", "Laat de ouder ook nooit alleen achter bij een onvergrendelde laptop", "Zorg er voor dat het \
            volgsysteem al open staat op het dossier van de leerling".
            - **G-13** (3a): "Daarna wordt het verzonden als PDF, een rechtstreeks download vanuit Parnassys. Er worden \
            geen notities geknipt en geplakt naar Word of Google Doc" — attested with every secure-mail share.
            - **VO-1** (3, Warme overdracht): "Zowel de basisschool als de school voor voortgezet onderwijs kan bij \
            aanmelding aangeven of zij een leerling 'warm' willen overdragen" — either school, until the transfer \
            file has gone.
            - **SWV-2** (4): "Beide ouders worden in principe toegevoegd in Topdossier. Zorg altijd dat de gegevens \
            van de leerling gecontroleerd zijn en dat de mailadressen van de ouders correct zijn."
            - **SWV-3** (4): "Op ieder gewenst moment kan er een inzage gestuurd worden of instemming geregistreerd \
            worden. [...] Instemming wordt verplicht gevraagd na onderdeel 8."
            - **SWV-4** (4): "het BSN/Onderwijsnummer van de leerling niet mag worden opgenomen" — the onderwijsnummer \
            too (nine digits starting with 10, eleven-test remainder 5), in every free text of every service.
            """;

    record Source(String module, String name, String text) {
    }

    static List<Source> sources(String under) throws IOException {
        List<Source> all = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path dir = module.resolve(under);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> all.add(new Source(
                            module.getFileName().toString(), f.getFileName().toString().replace(".java", ""),
                            read(f))));
                }
            }
        }
        return all;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
