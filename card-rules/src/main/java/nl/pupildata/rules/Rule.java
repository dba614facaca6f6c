package nl.pupildata.rules;

/**
 * Every rule of the quality card "opvragen leerlinggegevens" by its id, with its gist in Dutch for school staff
 * (RULES.md has the English summary; the Dutch original in the seed wins where they differ). Code refers to a rule
 * by this enum, never by a string, so that the refusals, the blockers, the pages and the register all say the same.
 */
public enum Rule {
    G_1("G-1", "Geen schaduwdossier: het systeem bewaart alleen wat nodig is om het verzoek af te handelen."),
    G_2("G-2", "Informatie aan derden alleen met voorafgaande schriftelijke toestemming van de ouders."),
    G_3("G-3", "Wie de informatie geeft, vraagt de toestemming; schriftelijk (e-mail of handtekening), vastgelegd."),
    G_4("G-4", "Gescheiden ouders: beide ouders met gezag geven toestemming; samenwonend: één ouder met gezag."),
    G_5("G-5", "Ouders kunnen toestemming altijd intrekken; daarna wordt niets meer gedeeld."),
    G_6("G-6", "Vraagt de school zelf informatie op, dan weten de ouders dat vooraf."),
    G_7("G-7", "Geen informatie over andere leerlingen: \"leerling 1\", \"leerling 2\", geen herleidbare initialen."),
    G_8("G-8", "Complexe situaties: niet telefonisch, vragen per mail van een werkadres, antwoord met een collega "
            + "nagelopen, eerst aan de ouders getoond, na toestemming beveiligd als PDF verstuurd."),
    G_9("G-9", "Zonder toestemming alleen als vragen de veiligheid van het kind in gevaar brengt, na overleg met de "
            + "staffunctionaris Onderwijs & Kwaliteit."),
    G_10("G-10", "Minder complexe situaties: vooraf toestemming, met wat voor informatie; telefonisch alleen na "
            + "controle van de beller (terugbellen)."),
    G_11("G-11", "Twijfel over delen met ouders: overleg met de aandachtsfunctionaris meldcode, de directeur is "
            + "betrokken; weigeren na overleg met de staffunctionaris Onderwijs & Kwaliteit."),
    G_12("G-12", "Deelname aan onderzoek wordt besloten met de beslishulp van het bestuur; besluit en reden vastgelegd."),
    G_13("G-13", "Per mail alleen beveiligd (Zivver), als PDF rechtstreeks uit ParnasSys."),
    PA_1("PA-1", "Een schriftelijk verzoek met naam en geboortedatum van de leerling, naam en mailadres van de "
            + "ouder en de gekozen wijze van inzage."),
    PA_2("PA-2", "Ouders hebben inzagerecht zolang het kind jonger is dan 16."),
    PA_3("PA-3", "Bevestig de ontvangst en noem wanneer de ouders het dossier kunnen verwachten."),
    PA_4("PA-4", "Reageer binnen 4 weken na ontvangst van het verzoek."),
    PA_5("PA-5", "Elk verzoek en de afhandeling staan in het register opvragen leerlinggegevens."),
    PA_6("PA-6", "Verlengen kan hooguit twee keer met een maand, met een goede reden (privacy officer), de ouders "
            + "ingelicht vóór het einde van de termijn."),
    PA_7("PA-7", "De directeur of KC loopt het dossier vooraf na: gegevens van anderen onleesbaar, gevolgen voor de "
            + "thuissituatie gecontroleerd."),
    PA_8("PA-8", "Per beveiligde mail als PDF naar het gecontroleerde adres van het verzoek; vraag een "
            + "ontvangstbevestiging."),
    PA_9("PA-9", "Gescheiden ouders: de andere ouder met gezag hoort dat het dossier is gedeeld en krijgt het "
            + "aangeboden."),
    PA_10("PA-10", "Inzage op school met twee medewerkers, het dossier al open op de leerling, nooit alleen bij een "
            + "onvergrendeld apparaat."),
    PA_11("PA-11", "Ouders mogen laten corrigeren of aanvullen en altijd hun zienswijze toevoegen."),
    PA_12("PA-12", "Weigeren alleen in uitzonderlijke gevallen (veiligheid van het kind), na overleg met de "
            + "aandachtsfunctionaris en de staffunctionaris Onderwijs & Kwaliteit; de reden vastgelegd."),
    OSO_1("OSO-1", "Het overstapdossier gaat alleen via OSO, nooit geprint aan de leerling mee."),
    OSO_2("OSO-2", "Elk onderdeel van het overstapdossier volgt zijn eigen regel (VVE, verzuim, toetsen, "
            + "handelingsplannen, bijlagen)."),
    OSO_3("OSO-3", "Toestemming van de ouders per mail voor het overstapdossier; gescheiden met gezag: van beiden."),
    OSO_4("OSO-4", "Zonder toestemming alleen de wettelijke onderdelen, na overleg met de staffunctionaris Onderwijs "
            + "& Kwaliteit."),
    OSO_5("OSO-5", "De ouders zien het overstapdossier eerst in; oneens, dan komt hun zienswijze erbij."),
    VO_1("VO-1", "Naar het voortgezet onderwijs gaat het OSO-dossier via Onderwijs Transparant."),
    VO_2("VO-2", "In een warme overdracht wordt alleen gedeeld met toestemming van de ouders."),
    SWV_1("SWV-1", "In het Topdossier alleen wat relevant is voor de ondersteuningsvraag."),
    SWV_2("SWV-2", "Beide ouders in principe in het Topdossier, met gecontroleerde mailadressen."),
    SWV_3("SWV-3", "Inzage kan altijd; instemming van de ouders is verplicht na onderdeel 8."),
    SWV_4("SWV-4", "Geen BSN of onderwijsnummer in het Topdossier."),
    SWV_5("SWV-5", "De contactpersoon van de vervolgschool alleen met toestemming van de ouders.");

    private final String id;
    private final String text;

    Rule(String id, String text) {
        this.id = id;
        this.text = text;
    }

    /** The card's id, as problems, events and the register cite it ({@code PA-7}). */
    public String id() {
        return id;
    }

    /** The rule's gist in Dutch, for school staff. */
    public String text() {
        return text;
    }

    public static Rule ofId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown rule " + id);
    }

    @Override
    public String toString() {
        return id;
    }
}
