package nl.pupildata.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.pupildata.infra.Await;
import nl.pupildata.runner.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The staff page in a real browser (Debian's Chromium, headless) against the packaged services, Keycloak, Kafka and
 * PostgreSQL: the journeys of the card's people, signing in as the realm's demo users. Every page it walks is checked
 * with axe-core and photographed into docs/screenshots.
 */
class StaffWebBrowserTest {

    static final LocalStack stack = SystemUnderTest.stack();
    static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d-M-yyyy");
    static final Duration WAIT = Duration.ofSeconds(60);

    StaffBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = new StaffBrowser(stack.url(LocalStack.STAFF_WEB));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @AfterAll
    static void report() throws Exception {
        StaffBrowser.writeAxeReport();
    }

    static String pupilRef() {
        return "P-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    /** The request's id from the request page's address. */
    UUID requestOnScreen() {
        String url = browser.driver.getCurrentUrl();
        return UUID.fromString(url.replaceAll(".*/verzoeken/([0-9a-f-]{36}).*", "$1"));
    }

    String done() {
        return browser.present(By.cssSelector("p.done")) ? browser.find(By.cssSelector("p.done")).getText() : "";
    }

    /** A request entered through request-service's API (what the test is not about), as this user. */
    UUID enter(String token, String body) {
        return UUID.fromString(given().baseUri(stack.url("request-service")).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON).body(body).post("/requests").then().statusCode(201).extract().path("id"));
    }

    /** Takes a step on the request page and expects it recorded. */
    void takeStep(String key, java.util.function.Consumer<WebElement> fill) {
        WebElement form = browser.action(key);
        fill.accept(form);
        browser.submit(form);
        assertTrue(done().startsWith("Vastgelegd"), key + " was recorded: " + done() + " "
                + (browser.present(By.cssSelector(".problem")) ? browser.find(By.cssSelector(".problem")).getText()
                        : ""));
    }

    @Test
    void parentAccess_directorEntersIt_officeStaffCannotReview_kcReviews_directorSharesNotifiesAndCloses_registerShowsIt() {
        String pupil = pupilRef();

        // The director signs in and finds the work list.
        browser.signIn("directeur.12ab");
        assertTrue(browser.find(By.cssSelector("header .user")).getText().contains("12AB"), "the user's school");
        browser.screenshot("01-werklijst");
        browser.axe("Werklijst");

        // A new parent-access request, two guardians living apart; the pupil's name forgotten at first.
        browser.follow("Nieuw verzoek");
        assertEquals("Nieuw verzoek", browser.heading());
        browser.screenshot("02-nieuw-verzoek-soort");
        browser.axe("Nieuw verzoek: soort");
        browser.follow("Inzage door ouder");
        browser.axe("Nieuw verzoek: formulier");
        WebElement form = browser.find(By.cssSelector("main form"));
        browser.type(form, "pupil.ref", pupil);
        browser.date(form, "pupil.dateOfBirth", LocalDate.of(2017, 3, 1));
        browser.type(form, "pupil.group", "4");
        browser.type(form, "guardians[0].name", "Anna de Vries");
        browser.type(form, "guardians[0].email", "anna.devries@example.nl");
        browser.type(form, "guardians[1].name", "Bram de Vries");
        browser.type(form, "guardians[1].email", "bram.devries@example.nl");
        browser.tick(form, "guardiansLivingApart");
        browser.choose(form, "requester.guardianId", "Ouder/verzorger 1");
        browser.choose(form, "accessMode", "PDF per beveiligde mail");
        browser.submit(form);

        // The missing field is marked next to it, with the rule; nothing typed is lost.
        WebElement nameError = browser.find(By.id("f-pupil-name-error"));
        assertTrue(nameError.getText().contains("PA-1"), nameError.getText());
        assertEquals("true", browser.find(By.id("f-pupil-name")).getAttribute("aria-invalid"));
        assertEquals("f-pupil-name-error", browser.find(By.id("f-pupil-name")).getAttribute("aria-describedby"));
        assertEquals(pupil, browser.find(By.id("f-pupil-ref")).getAttribute("value"));
        assertEquals("bram.devries@example.nl", browser.find(By.id("f-guardians-1-email")).getAttribute("value"));
        assertTrue(browser.find(By.id("f-guardiansLivingApart")).isSelected());
        assertTrue(browser.find(By.id("probleem")).getText().contains("PA-1"), "the rule id above the form");
        browser.screenshot("03-nieuw-verzoek-veld-ontbreekt");
        browser.axe("Nieuw verzoek: veld ontbreekt");

        form = browser.find(By.cssSelector("main form"));
        browser.type(form, "pupil.name", "Sam de Vries");
        browser.submit(form);
        assertTrue(browser.heading().contains("Sam de Vries"), browser.heading());
        assertTrue(done().contains("geregistreerd"), done());
        UUID id = requestOnScreen();
        String requestPath = "/verzoeken/" + id;

        // Sharing before the dossier was reviewed: PA-7, shown where the share was attempted.
        WebElement share = browser.action("shares");
        browser.choose(share, "channel", "Beveiligde mail (PDF)");
        browser.type(share, "recipient", "anna.devries@example.nl");
        browser.submit(share);
        WebElement refused = browser.find(By.id("actie-shares"));
        assertTrue(refused.getAttribute("open") != null, "the refused form stays open");
        String problem = refused.findElement(By.cssSelector(".problem")).getText();
        assertTrue(problem.contains("PA-7"), problem);
        assertEquals("anna.devries@example.nl", refused.findElement(By.name("recipient")).getAttribute("value"));
        assertTrue(browser.find(By.cssSelector(".checklist")).getText().contains("PA-9")
                || browser.find(By.cssSelector(".checklist")).getText().contains("PA-7"), "the card's blockers");
        browser.screenshot("04-verzoek-pa7-geweigerd");
        browser.axe("Verzoek: delen geweigerd (PA-7)");
        browser.signOut();
        browser.screenshot("09-afgemeld");
        browser.axe("Afgemeld");

        // Office staff see the request, but not the review (the director and the KC review).
        browser.signIn("administratie.12ab");
        assertFalse(browser.present(By.linkText("Register")), "office staff have no register");
        browser.open(requestPath);
        assertFalse(browser.present(By.id("actie-review")), "no review action for office staff");
        assertTrue(browser.present(By.id("actie-shares")), "office staff may share");
        browser.screenshot("05-verzoek-administratie");
        browser.axe("Verzoek: administratie");
        browser.signOut();

        // The KC records a correction the guardian asked for, and decides on it (PA-11); then reviews the dossier.
        browser.signIn("kc.12ab");
        browser.open(requestPath);
        takeStep("corrections", f -> browser.type(f, "description", "Het verslag van groep 3 noemt een verkeerde "
                + "school"));
        takeStep("correction-decision", f -> {
            browser.choose(f, "outcome", "Deels aangepast");
            browser.type(f, "reason", "De school is verbeterd; het verslag zelf blijft, met de zienswijze erbij.");
        });
        takeStep("review", f -> {
            browser.tick(f, "otherPupilsPseudonymised");
            browser.tick(f, "homeSituationChecked");
        });
        assertFalse(browser.find(By.id("h-blockers")).findElement(By.xpath("..")).getText().contains("PA-7"),
                "the review no longer blocks the share");
        browser.signOut();

        // The director shares by secure mail, tells the other guardian, and closes.
        browser.signIn("directeur.12ab");
        browser.open(requestPath);
        takeStep("shares", f -> {
            browser.choose(f, "channel", "Beveiligde mail (PDF)");
            browser.type(f, "recipient", "anna.devries@example.nl");
            browser.tick(f, "exportedFromPupilAdministration");
        });
        assertTrue(browser.find(By.cssSelector(".checklist")).getText().contains("PA-9"),
                "the other guardian must still be told");
        takeStep("other-guardian-notices", f -> browser.choose(f, "guardianId", "Bram de Vries"));
        // G-4: the guardians as the school has them, ready to be corrected; a name is corrected.
        takeStep("guardians", f -> {
            WebElement name = f.findElement(By.name("guardians[1].name"));
            assertEquals("Bram de Vries", name.getAttribute("value"), "the form shows the guardians as they are");
            assertTrue(f.findElement(By.name("guardiansLivingApart")).isSelected(), "and that they live apart");
            name.clear();
            name.sendKeys("Bram de Vries-Jansen");
        });
        assertTrue(browser.find(By.cssSelector("main")).getText().contains("Bram de Vries-Jansen"),
                "the corrected name on the request");
        takeStep("acknowledgement", f -> {
            browser.date(f, "expectedOn", LocalDate.now().plusDays(3));
            browser.tick(f, "otherGuardiansMentioned");
        });
        // The acknowledgement letter, written from what was just recorded: read first (PDF), then issued.
        WebElement letter = browser.find(By.id("brief-acknowledgement"));
        assertEquals("200 application/pdf", browser.fetch(letter.findElement(By.tagName("a")).getAttribute("href")));
        browser.submit(letter);
        assertTrue(done().contains("Brief uitgegeven"), done());
        takeStep("closure", f -> {
        });
        assertTrue(browser.find(By.cssSelector("dl.facts")).getText().contains("Afgesloten"));
        browser.reloadUntil("the whole timeline", () -> browser.present(By.cssSelector("ol.timeline"))
                && browser.find(By.cssSelector("ol.timeline")).getText().contains("Afgesloten"));
        browser.screenshot("06-verzoek-afgesloten");
        browser.axe("Verzoek: afgesloten");

        // The register shows the entry, and how often this pupil's data was asked for.
        browser.follow("Register");
        WebElement filters = browser.find(By.cssSelector("form.filters"));
        browser.type(filters, "leerling", pupil);
        browser.submit(filters);
        browser.reloadUntil("the request in the register",
                () -> browser.present(By.cssSelector("table.list a[href='" + requestPath + "']")));
        assertTrue(browser.find(By.id("h-leerling")).getText().contains(pupil));
        String row = browser.find(By.xpath("//table[contains(@class,'list')]//a[@href='" + requestPath
                + "']/ancestor::tr")).getText();
        assertTrue(row.contains("Afgesloten") && row.contains("Verstrekt") && row.contains(pupil), row);
        browser.screenshot("07-register");
        browser.axe("Register");
    }

    /** SWV-5 on the page: the next school's contact person waits for a consent of its own. */
    @Test
    void aSupportFile_theNextSchoolsContactNeedsItsOwnConsent() {
        String coordinator = stack.token("kc.12ab");
        UUID id = enter(coordinator, """
                        {"kind":"SUPPORT_FILE","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"IN_PERSON",
                         "pupil":{"ref":"%s","name":"Mees Visser","dateOfBirth":"2015-09-01","group":8},
                         "guardians":[{"id":"g1","name":"Ilse Visser","email":"ilse.visser@example.nl",
                                       "hasAuthority":true,"emailChecked":true}],
                         "guardiansLivingApart":false,"fields":{"hulpvraag":"Rekenen: automatiseren"}}"""
                        .formatted(LocalDate.now(), pupilRef()));
        Await.until("consent-service knows the request", WAIT, () -> given().baseUri(stack.url("consent-service"))
                .header("Authorization", "Bearer " + coordinator).get("/requests/" + id + "/consent").statusCode() == 200);

        browser.signIn("kc.12ab");
        browser.open("/verzoeken/" + id);
        takeStep("access-copies", f -> { // SWV-3: today's date is filled in
        });
        takeStep("consent-grants-g1", f -> {
            browser.choose(f, "evidence", "E-mail van de ouder");
            browser.type(f, "evidenceRef", "Mail van 12-11 in ParnasSys");
        });
        takeStep("consent-requests-g1-NEXT-SCHOOL-CONTACT", f -> browser.type(f, "informationDescription",
                "De contactpersoon van het Stadslyceum wordt aan het Topdossier toegevoegd"));
        takeStep("consent-grants-g1-NEXT-SCHOOL-CONTACT", f -> {
            browser.choose(f, "evidence", "Handtekening op papier");
            browser.type(f, "evidenceRef", "Formulier in de leerlingmap");
        });
        assertTrue(browser.find(By.cssSelector("main")).getText().contains("contactpersoon vervolgschool: toestemming "
                + "gegeven"), "the guardian's consent for the contact, apart from the file's");
        Await.until("request-service knows the contact's consent and adds the contact", WAIT, () -> {
            browser.open("/verzoeken/" + id);
            WebElement form = browser.action("next-school-contact");
            browser.submit(form);
            return done().startsWith("Vastgelegd");
        });
        browser.screenshot("11-topdossier-contactpersoon");
        browser.axe("Verzoek: Topdossier met contactpersoon vervolgschool");
    }

    @Test
    void thePrivacyOfficerExtendsATerm_andTheWorkListShowsTheNewDate() {
        String director = stack.token("directeur.12ab");
        UUID id = enter(director, """
                        {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                         "pupil":{"ref":"%s","name":"Lotte Bakker","dateOfBirth":"2016-05-04","group":6},
                         "guardians":[{"id":"g1","name":"Kees Bakker","email":"kees.bakker@example.nl","hasAuthority":true}],
                         "guardiansLivingApart":false,"requester":{"guardianId":"g1"},"accessMode":"INSPECTION_AT_SCHOOL"}"""
                        .formatted(LocalDate.now(), pupilRef()));
        Await.until("the term is set", WAIT, () -> given().baseUri(stack.url("deadline-service"))
                .header("Authorization", "Bearer " + director).get("/requests/" + id + "/deadline").statusCode() == 200);
        LocalDate before = LocalDate.parse(given().baseUri(stack.url("deadline-service"))
                .header("Authorization", "Bearer " + director).get("/requests/" + id + "/deadline").then()
                .extract().path("dueOn"));

        browser.signIn("privacy.bestuur");
        browser.open("/verzoeken/" + id);
        assertTrue(browser.find(By.id("h-termijn")).isDisplayed());
        takeStep("deadline-extensions", f -> browser.type(f, "reason",
                "Het dossier is omvangrijk; een deel ligt bij de vorige school."));
        LocalDate after = LocalDate.parse(given().baseUri(stack.url("deadline-service"))
                .header("Authorization", "Bearer " + director).get("/requests/" + id + "/deadline").then()
                .extract().path("dueOn"));
        assertNotEquals(before, after, "the term moved");
        assertTrue(browser.find(By.cssSelector(".why")).getText().contains("Verlenging 1 tot " + after.format(DUTCH)));
        browser.screenshot("08-verzoek-termijn-verlengd");
        browser.axe("Verzoek: termijn verlengd");

        browser.follow("Werklijst");
        String row = browser.find(By.xpath("//a[@href='/verzoeken/" + id + "']/ancestor::tr")).getText();
        assertTrue(row.contains(after.format(DUTCH)), "the work list shows the new date " + after + ": " + row);
        assertFalse(row.contains(before.format(DUTCH)), row);
        // The next steps are looked up several at a time, each with the user's token: they show.
        assertTrue(browser.present(By.cssSelector("table.list td .rule")), "the work list shows next steps");
        browser.screenshot("10-werklijst-privacy-officer");
        browser.axe("Werklijst: privacy officer");
    }

    /** Issue 18: the quality officer's yearly account on the page, and the same account as PDF and CSV. */
    @Test
    void theQualityOfficerReadsTheYearlyAccount_andTakesItAwayAsPdfAndCsv() throws Exception {
        String director = stack.token("directeur.34cd");
        UUID id = enter(director, """
                        {"kind":"PARENT_ACCESS","schoolBrin":"34CD","receivedOn":"%s","receivedVia":"EMAIL",
                         "pupil":{"ref":"%s","name":"Fenna Mulder","dateOfBirth":"2017-03-08","group":4},
                         "guardians":[{"id":"g1","name":"Bas Mulder","email":"bas.mulder@example.nl","hasAuthority":true}],
                         "guardiansLivingApart":false,"requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}"""
                        .formatted(LocalDate.now(), pupilRef()));
        UUID other = enter(stack.token("directeur.12ab"), """
                        {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"LETTER",
                         "pupil":{"ref":"%s","name":"Ties Smit","dateOfBirth":"2016-10-18","group":5},
                         "guardians":[{"id":"g1","name":"Roos Smit","email":"roos.smit@example.nl","hasAuthority":true}],
                         "guardiansLivingApart":false,"requester":{"guardianId":"g1"},"accessMode":"INSPECTION_AT_SCHOOL"}"""
                        .formatted(LocalDate.now(), pupilRef()));
        String officer = stack.token("kwaliteit.bestuur");
        for (UUID entered : java.util.List.of(id, other)) {
            Await.until("the register has the request", WAIT, () -> given().baseUri(stack.url("register-service"))
                    .header("Authorization", "Bearer " + officer).get("/register/" + entered).statusCode() == 200);
        }

        browser.signIn("kwaliteit.bestuur");
        browser.follow("Jaarverantwoording");
        String board = browser.find(By.id("h-0")).getText();
        assertTrue(board.matches("Alle scholen van het bestuur: \\d+ verzoek(en)?"), board);
        assertTrue(browser.present(By.cssSelector("svg.hbars[role=img]")), "the chart per kind and outcome");
        String page = browser.find(By.tagName("main")).getText();
        assertTrue(page.contains("School 34CD") && page.contains("Inzage door ouder"), page);
        assertTrue(page.contains("Weigeringen per regel") && page.contains("Hoe vaak opgevraagd (PA-5)"), page);
        WebElement form = browser.find(By.cssSelector("form.filters"));
        assertEquals("200 application/pdf", browser.fetch(form.findElement(By.partialLinkText("PDF"))
                .getAttribute("href")));
        assertTrue(browser.fetch(form.findElement(By.partialLinkText("CSV")).getAttribute("href"))
                .startsWith("200 text/csv"));
        browser.screenshot("12-jaarverantwoording");
        browser.axe("Jaarverantwoording");

        browser.type(form, "school", "34CD");
        browser.submit(form);
        String one = browser.find(By.id("h-0")).getText();
        assertTrue(one.startsWith("Alle scholen samen: "), "one school, not the board: " + one);
        assertFalse(browser.present(By.id("h-1")), "one school has no sections per school");

        // The PDF as the officer downloads it: its first page, drawn for people to look at.
        byte[] pdf = given().baseUri(stack.url("register-service")).header("Authorization", "Bearer " + officer)
                .get("/register/account/pdf").then().statusCode(200).extract().asByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Jaarverantwoording opvragen leerlinggegevens") && text.contains("School 34CD"),
                    text);
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document)
                    .renderImageWithDPI(0, 80), "png", StaffBrowser.SCREENSHOTS.resolve("12-jaarverantwoording-pdf.png")
                    .toFile());
        }
    }

    @Test
    void theMainJourneyWorksWithTheKeyboardAlone() {
        browser.signIn("directeur.12ab");
        browser.pressOn(browser.tabTo(By.linkText("Nieuw verzoek")), Keys.ENTER);
        browser.waitFor("the kinds", () -> browser.heading().equals("Nieuw verzoek"));
        browser.pressOn(browser.tabTo(By.linkText("Inzage door ouder")), Keys.ENTER);
        browser.waitFor("the parent-access form", () -> browser.heading().contains("Inzage door ouder"));
        String pupil = pupilRef();
        browser.tabTo(By.id("f-pupil-ref")).sendKeys(pupil);
        browser.tabTo(By.id("f-pupil-name")).sendKeys("Mila Jansen");
        browser.typeDate(browser.tabTo(By.id("f-pupil-dateOfBirth")), LocalDate.of(2017, 3, 1));
        assertEquals("2017-03-01", browser.find(By.id("f-pupil-dateOfBirth")).getAttribute("value"));
        browser.tabTo(By.id("f-guardians-0-name")).sendKeys("Eva Jansen");
        browser.tabTo(By.id("f-guardians-0-email")).sendKeys("eva.jansen@example.nl");
        browser.tabTo(By.id("f-guardians-1-hasAuthority")).sendKeys(Keys.SPACE); // no second guardian
        browser.tabTo(By.id("f-requester-guardianId")).sendKeys("Ouder/verzorger 1");
        browser.tabTo(By.id("f-accessMode")).sendKeys("Inzage op school");
        browser.pressOn(browser.tabTo(By.cssSelector("main form button[type=submit]")), Keys.ENTER);
        browser.waitFor("the new request", () -> browser.heading().contains("Mila Jansen"));
        assertTrue(done().contains("geregistreerd"), done());

        // The review, opened with Enter, its boxes ticked with Space, recorded with Enter.
        browser.tabTo(By.cssSelector("#actie-review summary")).sendKeys(Keys.ENTER);
        browser.tabTo(By.id("actie-review-f-otherPupilsPseudonymised")).sendKeys(Keys.SPACE);
        browser.tabTo(By.id("actie-review-f-homeSituationChecked")).sendKeys(Keys.SPACE);
        browser.pressOn(browser.tabTo(By.cssSelector("#actie-review button[type=submit]")), Keys.ENTER);
        browser.waitFor("the review recorded", () -> done().contains("Dossier nalopen"));
        assertFalse(browser.find(By.id("h-blockers")).findElement(By.xpath("..")).getText().contains("PA-7"),
                "the review no longer blocks the share");
    }

    @Test
    void theSessionIsGuarded_cookiesCsrfCspAndALogoutThatEndsTheKeycloakSession() throws Exception {
        browser.signIn("directeur.12ab");
        org.openqa.selenium.Cookie session = browser.driver.manage().getCookies().stream()
                .filter(c -> c.getName().startsWith("q_session")).findFirst().orElseThrow();
        assertTrue(session.isHttpOnly(), "the session cookie is HttpOnly");
        assertEquals("Lax", session.getSameSite(), "the session cookie is SameSite");
        String cookies = browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String web = stack.url(LocalStack.STAFF_WEB);

        // Every page: a CSP without inline script, and no inline script in the page itself.
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web + "/verzoeken/nieuw/RESEARCH"))
                .header("Cookie", cookies).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertFalse(page.body().matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "no inline script");
        assertTrue(page.body().contains("name=\"csrf-token\""), "the form carries a CSRF token");

        // A form posted without the page's CSRF token (as another site would) is refused, and nothing is recorded.
        String director = stack.token("directeur.12ab");
        java.util.function.IntSupplier researchRequests = () -> given().baseUri(stack.url("request-service"))
                .header("Authorization", "Bearer " + director).get("/requests?kind=RESEARCH").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        int before = researchRequests.getAsInt();
        String form = "schoolBrin=12AB&receivedOn=" + LocalDate.now() + "&receivedVia=EMAIL&pupil.ref=" + pupilRef()
                + "&pupil.name=Ties+Mulder&guardians%5B0%5D.name=Ans+Mulder&guardians%5B0%5D.email=ans%40example.nl"
                + "&organisation=Universiteit+Leiden";
        for (String token : new String[] { "", "&csrf-token=forged" }) {
            var posted = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web
                            + "/verzoeken/nieuw/RESEARCH")).header("Cookie", cookies)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form + token)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, posted.statusCode(), "refused without the right CSRF token: " + token);
        }
        assertEquals(before, researchRequests.getAsInt(), "nothing was recorded");
        // The same post with the page's own token is taken (so the refusals above were the CSRF check's).
        java.util.regex.Matcher own = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(own.find());
        var taken = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(web + "/verzoeken/nieuw/RESEARCH"))
                .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form + "&csrf-token="
                        + java.net.URLEncoder.encode(own.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(303, taken.statusCode(), taken.body());
        assertEquals(before + 1, researchRequests.getAsInt(), "recorded with the right token");

        // Logging out ends the Keycloak session too: the next visit asks for the password again.
        browser.signOut();
        browser.open("/");
        browser.waitFor("Keycloak's sign-in form again", () -> browser.present(By.id("username")));
        browser.screenshot("00-inloggen");
    }
}
