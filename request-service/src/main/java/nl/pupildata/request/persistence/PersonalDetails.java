package nl.pupildata.request.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.platform.eventstore.OneStatement;

/** The personal details of one request; kept here only, never published. */
@Entity
@Table(name = "request_personal_details")
public class PersonalDetails extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "pupil_name")
    public String pupilName;

    @Column(name = "pupil_dob")
    public LocalDate pupilDateOfBirth;

    public String guardians;

    public String requester;

    /** The row as intake writes it, a part of the intake's one statement (no entity for Hibernate to flush). */
    public void insertIn(OneStatement statement) {
        Map<String, Object> values = new HashMap<>();
        values.put("detailsOf", requestId);
        values.put("pupilName", pupilName);
        values.put("pupilDob", pupilDateOfBirth);
        values.put("guardians", guardians);
        values.put("requester", requester);
        statement.with("details", "insert into request_personal_details (request_id, pupil_name, pupil_dob,"
                + " guardians, requester) values (:detailsOf, :pupilName, :pupilDob, :guardians, :requester)", values);
    }
}
