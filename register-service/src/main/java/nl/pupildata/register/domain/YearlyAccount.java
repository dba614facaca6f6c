package nl.pupildata.register.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.pupildata.events.model.ExemptionGround;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.events.model.RequestStatus;
import nl.pupildata.events.model.ResearchDecision;
import nl.pupildata.register.domain.RegisterFold.Summary;
import nl.pupildata.rules.Rule;

/**
 * The board's yearly account of how it handled requests for pupil data, counted from the register's folded entries
 * of the requests received in one school year: per school, and for all the schools counted together. Pure: the
 * entries are added one by one ({@link Counter#add}), so a year of any size is counted in constant memory but for
 * the per-pupil count (PA-5).
 */
public final class YearlyAccount {

    private YearlyAccount() {
    }

    /** How a request ended, or that it has not. */
    public enum Outcome {
        SHARED, PARTIALLY_REFUSED, REFUSED, WITHDRAWN, CLOSED, OPEN;

        /** The register's outcome when there is one; a request closed without one is CLOSED; otherwise OPEN. */
        public static Outcome of(Summary s) {
            if (s.outcome() != null) {
                return valueOf(s.outcome());
            }
            return s.status() == RequestStatus.CLOSED ? CLOSED : OPEN;
        }
    }

    /** Requests of one kind received in the year, by outcome (every outcome present, in the enum's order). */
    public record KindRow(String kind, long received, Map<String, Long> outcomes) {
    }

    /**
     * PA-4's term: requests with a statutory term, of those the ones answered (within or after the term), the ones
     * still open after their term, and the share answered within the term of all whose term is settled or over
     * (answered + still open after the term); null when there are none.
     */
    public record Term(long withTerm, long answered, long withinTerm, long late, long openPastDue,
            Integer withinTermPercent) {
    }

    /** PA-6: requests whose term was extended, extensions in all, and requests extended the maximum twice. */
    public record Extensions(long requestsExtended, long extensions, long extendedTwice) {
    }

    /** Refusals that rest on one rule of the card: whole and partial (G-12: research the board declined). */
    public record RefusalRow(String rule, String gist, long whole, long partial) {
    }

    /** Guardians' consents refused and withdrawn (each guardian's answer counts), and requests with either. */
    public record Consents(long refused, long withdrawn, long requestsConcerned) {
    }

    /** Requests handled without consent on a ground (G-9, OSO-4). */
    public record ExemptionRow(String ground, long requests) {
    }

    /** PA-5: how often a pupil's dossier was requested in the year. */
    public record PupilRow(String pupilRef, long requests) {
    }

    /** The figures of one school, or of all counted together ({@code school} null). */
    public record Figures(String school, long received, List<KindRow> kinds, Term term, Extensions extensions,
            List<RefusalRow> refusals, Consents consents, List<ExemptionRow> exemptions, List<PupilRow> pupils) {
    }

    public record Account(String schoolYear, LocalDate firstDay, LocalDate lastDay, LocalDate countedOn,
            boolean boardWide, Figures total, List<Figures> schools) {
    }

    /** Counts one school year's entries: add each, then {@link #account}. */
    public static final class Counter {
        private final SchoolYear year;
        private final LocalDate countedOn;
        private final Tally total = new Tally(null);
        private final Map<String, Tally> schools = new TreeMap<>();

        public Counter(SchoolYear year, LocalDate countedOn) {
            this.year = year;
            this.countedOn = countedOn;
        }

        /** An entry received outside the year, or not yet received (no RequestReceived), is not counted. */
        public void add(Summary entry) {
            if (entry.schoolBrin() == null || entry.receivedOn() == null
                    || entry.receivedOn().isBefore(year.firstDay()) || entry.receivedOn().isAfter(year.lastDay())) {
                return;
            }
            total.add(entry, countedOn);
            schools.computeIfAbsent(entry.schoolBrin(), Tally::new).add(entry, countedOn);
        }

        public Account account(boolean boardWide) {
            return new Account(year.name(), year.firstDay(), year.lastDay(), countedOn, boardWide, total.figures(),
                    schools.values().stream().map(Tally::figures).toList());
        }
    }

    private static final class Tally {
        private final String school;
        private long received;
        private final Map<RequestKind, Map<Outcome, Long>> kinds = new EnumMap<>(RequestKind.class);
        private long withTerm, answered, withinTerm, late, openPastDue;
        private long requestsExtended, extensions, extendedTwice;
        private final Map<Rule, long[]> refusals = new EnumMap<>(Rule.class);
        private long consentsRefused, consentsWithdrawn, consentRequests;
        private final Map<ExemptionGround, Long> exemptions = new EnumMap<>(ExemptionGround.class);
        private final Map<String, Long> pupils = new TreeMap<>();

        Tally(String school) {
            this.school = school;
        }

        void add(Summary s, LocalDate countedOn) {
            received++;
            if (s.kind() != null) {
                kinds.computeIfAbsent(s.kind(), k -> new EnumMap<>(Outcome.class)).merge(Outcome.of(s), 1L, Long::sum);
            }
            if (s.dueOn() != null) {
                withTerm++;
                if (s.metWithinTerm() != null) {
                    answered++;
                    if (s.metWithinTerm()) {
                        withinTerm++;
                    } else {
                        late++;
                    }
                } else if (!s.status().isFinal() && s.dueOn().isBefore(countedOn)) {
                    openPastDue++;
                }
            }
            if (!s.extensions().isEmpty()) {
                requestsExtended++;
                extensions += s.extensions().size();
                if (s.extensions().size() >= 2) {
                    extendedTwice++;
                }
            }
            s.refusals().forEach(r -> refusals.computeIfAbsent(Rule.ofId(r.rule()), k -> new long[2])[r.partial() ? 1
                    : 0]++);
            if (s.research() == ResearchDecision.DECLINE) {
                refusals.computeIfAbsent(Rule.G_12, k -> new long[2])[0]++;
            }
            long refused = s.consents().stream().filter(c -> c.type().endsWith("REFUSED")).count();
            long withdrawn = s.consents().stream().filter(c -> c.type().endsWith("WITHDRAWN")).count();
            consentsRefused += refused;
            consentsWithdrawn += withdrawn;
            if (refused + withdrawn > 0) {
                consentRequests++;
            }
            s.consents().stream().filter(c -> c.exemption() != null).map(RegisterFold.ConsentLine::exemption)
                    .distinct().forEach(g -> exemptions.merge(g, 1L, Long::sum));
            if (s.pupilRef() != null) {
                pupils.merge(s.pupilRef(), 1L, Long::sum);
            }
        }

        Figures figures() {
            List<KindRow> kindRows = new ArrayList<>();
            for (RequestKind kind : RequestKind.values()) {
                Map<Outcome, Long> counted = kinds.get(kind);
                if (counted == null) {
                    continue;
                }
                Map<String, Long> outcomes = new LinkedHashMap<>();
                for (Outcome o : Outcome.values()) {
                    outcomes.put(o.name(), counted.getOrDefault(o, 0L));
                }
                kindRows.add(new KindRow(kind.name(), counted.values().stream().mapToLong(Long::longValue).sum(),
                        outcomes));
            }
            long settled = answered + openPastDue;
            Integer percent = settled == 0 ? null : (int) Math.round(100.0 * withinTerm / settled);
            List<RefusalRow> refusalRows = refusals.entrySet().stream().map(e -> new RefusalRow(e.getKey().id(),
                    e.getKey().text(), e.getValue()[0], e.getValue()[1])).toList();
            List<ExemptionRow> exemptionRows = exemptions.entrySet().stream()
                    .map(e -> new ExemptionRow(e.getKey().name(), e.getValue())).toList();
            List<PupilRow> pupilRows = pupils.entrySet().stream().map(e -> new PupilRow(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(PupilRow::requests).reversed()
                            .thenComparing(PupilRow::pupilRef))
                    .toList();
            return new Figures(school, received, kindRows,
                    new Term(withTerm, answered, withinTerm, late, openPastDue, percent),
                    new Extensions(requestsExtended, extensions, extendedTwice), refusalRows,
                    new Consents(consentsRefused, consentsWithdrawn, consentRequests), exemptionRows, pupilRows);
        }
    }
}
