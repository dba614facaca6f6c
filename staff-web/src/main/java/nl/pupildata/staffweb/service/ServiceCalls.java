package nl.pupildata.staffweb.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.GenericType;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import nl.pupildata.staffweb.client.Api;
import nl.pupildata.staffweb.client.Services;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The reads the pages make of the four services, each with the user's own token, as typed answers. */
@ApplicationScoped
public class ServiceCalls {

    @RestClient
    Services.Requests requests;
    @RestClient
    Services.Consents consents;
    @RestClient
    Services.Deadlines deadlines;
    @RestClient
    Services.Register register;

    /** Calls all pages together make at once, so that the services are not flooded. */
    static final int ALL_AT_ONCE = 64;
    private final ManagedExecutor lookups = ManagedExecutor.builder().maxAsync(ALL_AT_ONCE)
            .propagated(ThreadContext.CDI).cleared(ThreadContext.ALL_REMAINING).build();

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
    }

    public Answer<List<Api.RequestRow>> requests(String status) {
        return Answer.of(requests.list(status, null), new GenericType<>() {
        });
    }

    public Answer<Api.Request> request(UUID id) {
        return Answer.of(requests.get(id), Api.Request.class);
    }

    /**
     * Starts a call on another thread, with the user's request context (and so their token): a page makes the calls
     * that do not depend on each other at once and then {@link #await}s them.
     */
    public <T> CompletableFuture<T> start(Supplier<T> call) {
        return lookups.supplyAsync(call);
    }

    /** A started call's answer; a call that failed throws as the call itself would have thrown. */
    public static <T> T await(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The next step of each request asked (request-service answers at most 100 in one call). */
    public Answer<List<Api.NextStep>> nextSteps(List<UUID> ids) {
        if (ids.isEmpty()) {
            return new Answer<>(List.of(), null);
        }
        return Answer.of(requests.nextSteps(ids), new GenericType<>() {
        });
    }

    public Answer<Api.Request> intake(String json) {
        return Answer.of(requests.receive(json), Api.Request.class);
    }

    public Answer<Api.Request> step(UUID id, String step, String json) {
        return Answer.of(requests.step(id, step, json), Api.Request.class);
    }

    public Answer<Api.Request> answerConsultation(UUID id, UUID consultationId, String json) {
        return Answer.of(requests.answer(id, consultationId, json), Api.Request.class);
    }

    /** A letter as PDF, written by request-service from the record (issue 18). */
    public Answer<byte[]> letter(UUID id, String kind, String guardianId) {
        return Answer.of(requests.letter(id, kind, guardianId), byte[].class);
    }

    public Answer<Api.IssuedLetter> issueLetter(UUID id, String kind, String json) {
        return Answer.of(requests.issueLetter(id, kind, json), Api.IssuedLetter.class);
    }

    public Answer<Api.Consent> consent(UUID id) {
        return Answer.of(consents.get(id), Api.Consent.class);
    }

    public Answer<Api.Consent> consentAction(UUID id, String what, String json) {
        return Answer.of(consents.act(id, what, json), Api.Consent.class);
    }

    public Answer<Api.Deadline> deadline(UUID id) {
        return Answer.of(deadlines.get(id), Api.Deadline.class);
    }

    public Answer<Api.Deadline> extend(UUID id, String json) {
        return Answer.of(deadlines.extend(id, json), Api.Deadline.class);
    }

    /** The open terms: missed and due soon (status null), or still running (RUNNING). */
    public Answer<List<Api.WorkItem>> workList(String status) {
        return Answer.of(deadlines.workList(status), new GenericType<>() {
        });
    }

    public Answer<Api.RegisterDetails> timeline(UUID id) {
        return Answer.of(register.get(id), Api.RegisterDetails.class);
    }

    public Answer<Api.RegisterPage> register(String school, String kind, String status, String from, String to,
            int page, int size) {
        return Answer.of(register.list(school, kind, status, from, to, page, size), Api.RegisterPage.class);
    }

    public Answer<Api.PupilCount> pupil(String pupilRef) {
        return Answer.of(register.pupil(pupilRef), Api.PupilCount.class);
    }

    public Answer<Api.Statistics> statistics(String school, String from, String to) {
        return Answer.of(register.statistics(school, from, to), Api.Statistics.class);
    }

    public Answer<Api.YearlyAccount> account(String year, String school) {
        return Answer.of(register.account(year, school), Api.YearlyAccount.class);
    }

    public Services.Register registerApi() {
        return register;
    }
}
