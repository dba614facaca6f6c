package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.pupildata.events.model.AccessMode;
import nl.pupildata.events.model.ReceivedVia;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.events.model.ThirdPartyTopic;

/** A request for pupil data as the school received it (the body of {@code POST /requests}). */
public record Intake(
        RequestKind kind,
        String schoolBrin,
        LocalDate receivedOn,
        ReceivedVia receivedVia,
        Pupil pupil,
        List<Guardian> guardians,
        Boolean guardiansLivingApart,
        Requester requester,
        AccessMode accessMode,
        ThirdPartyTopic topic,
        School receivingSchool,
        Boolean warmHandover,
        String organisation,
        Map<String, String> fields) {

    public record Pupil(String ref, String name, LocalDate dateOfBirth, Integer group, Boolean hasDoorstroomtoets) {
    }

    /** {@code emailChecked}: staff checked the address is correct (SWV-2, the support file). */
    public record Guardian(String id, String name, String email, Boolean hasAuthority, Boolean emailChecked) {
        public Guardian(String id, String name, String email, Boolean hasAuthority) {
            this(id, name, email, hasAuthority, null);
        }
    }

    public record Requester(String guardianId, String organisation, String name, String email, String phone) {
    }

    public record School(String brin, String name) {
    }

    public List<Guardian> guardiansOrEmpty() {
        return guardians == null ? List.of() : guardians;
    }

    /** Every free text of the request with the field it came from (for SWV-4). */
    public List<Map.Entry<String, String>> texts() {
        List<Map.Entry<String, String>> texts = new ArrayList<>();
        add(texts, "schoolBrin", schoolBrin);
        add(texts, "organisation", organisation);
        if (pupil != null) {
            add(texts, "pupil.ref", pupil.ref());
            add(texts, "pupil.name", pupil.name());
        }
        for (int i = 0; i < guardiansOrEmpty().size(); i++) {
            Guardian g = guardians.get(i);
            if (g != null) {
                add(texts, "guardians[" + i + "].id", g.id());
                add(texts, "guardians[" + i + "].name", g.name());
                add(texts, "guardians[" + i + "].email", g.email());
            }
        }
        if (requester != null) {
            add(texts, "requester.guardianId", requester.guardianId());
            add(texts, "requester.organisation", requester.organisation());
            add(texts, "requester.name", requester.name());
            add(texts, "requester.email", requester.email());
            add(texts, "requester.phone", requester.phone());
        }
        if (receivingSchool != null) {
            add(texts, "receivingSchool.brin", receivingSchool.brin());
            add(texts, "receivingSchool.name", receivingSchool.name());
        }
        if (fields != null) {
            fields.forEach((k, v) -> {
                add(texts, "fields", k);
                add(texts, "fields." + k, v);
            });
        }
        return texts;
    }

    private static void add(List<Map.Entry<String, String>> texts, String field, String value) {
        if (value != null) {
            texts.add(Map.entry(field, value));
        }
    }
}
